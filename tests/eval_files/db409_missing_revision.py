"""upgrade() and down_revision but no revision"""  # DB409
# select: DB409
from alembic import op

down_revision = "f960a7b8c9d0"


def upgrade() -> None:
    op.drop_index("ix_users_nickname", table_name="users")


def downgrade() -> None:
    op.create_index("ix_users_nickname", "users", ["nickname"])
