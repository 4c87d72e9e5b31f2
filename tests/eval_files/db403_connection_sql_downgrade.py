# select: DB403
"""SQL run through the migration's connection counts as raw SQL too."""
import sqlalchemy as sa
from alembic import op

revision = "3d4e5f607182"
down_revision = "2c3d4e5f6071"


def upgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("ALTER TABLE users DROP COLUMN nickname"))
