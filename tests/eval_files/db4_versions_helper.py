# select: DB4
"""A helper module that a versions/ folder may hold: no alembic import, left alone."""
import sqlalchemy as sa


def upgrade(conn: sa.Connection) -> None:
    conn.execute(sa.text("UPDATE users SET nickname = lower(nickname)"))


def downgrade(conn: sa.Connection) -> None:
    pass
