# select: DB4
"""`import alembic` is a migration's import too; operations are read through alembic.op."""
import alembic
import sqlalchemy as sa

revision = "f3a4b5c6d7e8"
down_revision = "e2f3a4b5c6d7"


def upgrade() -> None:
    alembic.op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
    alembic.op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))  # DB403


def downgrade() -> None:
    alembic.op.drop_column("users", "nickname")
