# select: DB101,DB107,DB114
"""drop indexes nobody uses

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index(op.f("ix_users_city"), table_name="users")
    op.drop_index("ix_users_team_id", table_name="users")


def downgrade() -> None:
    op.create_index("ix_users_team_id", "users", ["team_id"])
    op.create_index(op.f("ix_users_city"), "users", ["city"])
