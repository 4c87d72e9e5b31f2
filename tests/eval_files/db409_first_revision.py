# select: DB409
"""The first revision: down_revision = None is a revision name all the same."""
from alembic import op
import sqlalchemy as sa

revision: str = "0a1b2c3d4e5f"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("users")
