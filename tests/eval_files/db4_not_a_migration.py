# select: DB4
"""A management script: it imports alembic.command/config, not alembic.op, so its
upgrade() is no migration (no DB409, no DB402) even without revision names."""
import alembic.config
from alembic import command


def upgrade() -> None:
    command.upgrade(alembic.config.Config("alembic.ini"), "head")


def downgrade() -> None:
    pass
