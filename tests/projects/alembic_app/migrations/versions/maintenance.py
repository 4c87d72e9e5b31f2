# select: DB4
"""Not a revision: a helper kept in versions/ without any alembic import; left alone."""
import sqlalchemy as sa


def upgrade(connection: sa.Connection) -> None:
    connection.execute(sa.text("VACUUM"))


def downgrade(connection: sa.Connection) -> None:
    pass
