# select: DB402
"""upgrade() whose work happens in a helper: its operations are not visible, so silent."""
from alembic import op

from .shared_steps import add_audit_columns

revision = "0a1b2c3d4e5f"
down_revision = None


def upgrade() -> None:
    add_audit_columns(op, "orders")


def downgrade() -> None:
    pass
