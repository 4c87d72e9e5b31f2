# select: DB403
"""A downgrade that raises documents irreversibility; not judged."""
import sqlalchemy as sa
from alembic import op

revision = "5f6071829304"
down_revision = "4e5f60718293"


def upgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "nickname")
    raise NotImplementedError("bio cannot be removed: it is copied to the search index")
