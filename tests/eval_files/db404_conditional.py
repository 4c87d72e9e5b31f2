# select: DB404
"""Branches make the operation list depend on runtime state: silent."""
import sqlalchemy as sa
from alembic import op

revision = "a41526374859"
down_revision = "930415263748"


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("TRUNCATE accounts")
    op.add_column("accounts", sa.Column("status", sa.String(20), nullable=False))


def downgrade() -> None:
    op.drop_column("accounts", "status")
