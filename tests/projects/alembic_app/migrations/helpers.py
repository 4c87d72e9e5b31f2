"""Column types shared by the revisions: part of the migration environment, not the app."""
import sqlalchemy as sa


def string_id() -> sa.String:
    return sa.String(length=36)
