# select: DB401
# flake8-fastapi-db: --db-test-paths=conftest.py
"""An initial migration that builds the schema from a frozen metadata: not reported."""
import sqlalchemy as sa
from alembic import op

revision = "000000000001"
down_revision = None

metadata = sa.MetaData()
sa.Table("users", metadata, sa.Column("id", sa.Integer, primary_key=True))


def upgrade() -> None:
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
