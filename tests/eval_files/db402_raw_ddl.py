# select: DB402
"""Raw DDL is a schema change like any op.* call."""
from alembic import op

revision = "0c1d2e3f4a5b"
down_revision = "0b1c2d3e4f50"


def upgrade() -> None:
    op.execute("ALTER TYPE state_type ADD VALUE IF NOT EXISTS 'CANCELLING'")


def downgrade() -> None:  # DB402
    """Downgrade schema."""
