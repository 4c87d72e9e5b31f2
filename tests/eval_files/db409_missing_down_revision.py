"""add users.nickname (down_revision forgotten)"""  # DB409
# select: DB409
import sqlalchemy as sa
from alembic import op

revision = "f960a7b8c9d0"


def upgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "nickname")
