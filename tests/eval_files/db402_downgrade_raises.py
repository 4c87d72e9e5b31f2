# select: DB402
"""Documented irreversibility: a downgrade that raises with a message is fine."""
from alembic import op as migration_op

revision = "e5f6a7b8c9d0"
down_revision = "d4e5f6a7b8c9"


def upgrade() -> None:
    migration_op.drop_table("legacy_sessions")


def downgrade() -> None:
    raise NotImplementedError("irreversible: legacy_sessions held data we no longer keep")
