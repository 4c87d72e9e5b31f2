# select: DB402
"""repair an index another revision owns; a commented no-op downgrade is deliberate"""
from alembic import op

revision = "c8d5aa000001"
down_revision = "b2c3d4e5f6a7"


def upgrade() -> None:
    op.execute("REINDEX INDEX CONCURRENTLY ix_events_occurred")


def downgrade() -> None:
    # The index belongs to revision b2c3d4e5f6a7; this revision only repairs it.
    pass
