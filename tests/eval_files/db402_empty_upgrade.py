# select: DB402
"""merge heads: nothing to upgrade, nothing to downgrade

Revision ID: f6a7b8c9d0e1
Revises: e5f6a7b8c9d0, 0a1b2c3d4e5f
"""
from alembic import op
import sqlalchemy as sa

revision = "f6a7b8c9d0e1"
down_revision = ("e5f6a7b8c9d0", "0a1b2c3d4e5f")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
