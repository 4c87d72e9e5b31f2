"""Audit table cleanup: formats only a constant imported from the settings module."""
from alembic import op

from app.core.config import AUDIT_TABLE  # DB406

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.execute(f"DELETE FROM {AUDIT_TABLE} WHERE created_at < now() - interval '1 year'")


def downgrade() -> None:
    raise NotImplementedError("data cleanup cannot be undone")
