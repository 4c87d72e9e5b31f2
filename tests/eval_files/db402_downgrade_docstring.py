# select: DB402
"""An autogenerate template whose downgrade was never filled in."""
from alembic import op
import sqlalchemy as sa

revision: str = "c3d4e5f6a7b8"
down_revision: str | None = "b2c3d4e5f6a7"


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bio", sa.Text(), nullable=True))


def downgrade() -> None:  # DB402
    """Downgrade schema."""
    ...
