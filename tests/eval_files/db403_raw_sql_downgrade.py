# select: DB403
"""Raw SQL in downgrade() is not analysed: the rule is silent for the migration."""
import sqlalchemy as sa
from alembic import op

revision = "2c3d4e5f6071"
down_revision = "1b2c3d4e5f60"


def upgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
    op.create_index("ix_users_nickname", "users", ["nickname"])


def downgrade() -> None:
    op.execute("ALTER TABLE users DROP COLUMN nickname")
