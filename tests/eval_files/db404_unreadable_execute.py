# select: DB404
"""SQL that cannot be read might empty the table: silent after it."""
import sqlalchemy as sa
from alembic import op

from .sql import CLEANUP

revision = "930415263748"
down_revision = "829304152637"


def upgrade() -> None:
    op.add_column("accounts", sa.Column("status", sa.String(20), nullable=False))  # DB404
    op.execute(CLEANUP)
    op.add_column("accounts", sa.Column("tier", sa.String(20), nullable=False))


def downgrade() -> None:
    op.drop_column("accounts", "tier")
    op.drop_column("accounts", "status")
