# select: DB101,DB107,DB114
"""per-dialect version directory (versions/postgresql/)

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_users_rank", "users", ["rank"])


def downgrade() -> None:
    op.drop_index("ix_users_rank", table_name="users")
