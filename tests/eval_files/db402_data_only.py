# select: DB402
"""A data-only migration leaves the schema alone: an empty downgrade is no lie."""
import sqlalchemy as sa
from alembic import op

revision = "0b1c2d3e4f50"
down_revision = "f6a7b8c9d0e1"

permissions = sa.table("permissions", sa.column("scopes", sa.String))


def upgrade() -> None:
    op.execute("UPDATE permissions SET scopes = array_remove(scopes, 'user:reset-password')")
    op.execute(permissions.delete().where(permissions.c.scopes.is_(None)))
    op.bulk_insert(permissions, [{"scopes": "admin"}])


def downgrade() -> None:
    pass
