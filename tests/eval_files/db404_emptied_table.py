# select: DB404
"""An earlier execute that deletes every row makes the NOT NULL add safe."""
import sqlalchemy as sa
from alembic import op

revision = "829304152637"
down_revision = "718293041526"

sessions = sa.table("sessions", sa.column("id", sa.Integer))


def upgrade() -> None:
    op.execute("DELETE FROM cache_entries")
    op.add_column("cache_entries", sa.Column("key", sa.String(64), nullable=False))
    op.execute(sa.text('TRUNCATE TABLE "tokens"'))
    op.add_column("tokens", sa.Column("scope", sa.String(64), nullable=False))
    op.execute(sessions.delete())
    op.add_column("sessions", sa.Column("agent", sa.String(64), nullable=False))
    events = sa.table("events")
    op.execute(sa.delete(events))
    op.add_column("events", sa.Column("source", sa.String(64), nullable=False))
    # emptied, then renamed: the table under its new name is still empty
    op.execute("DELETE FROM callback_request")
    op.rename_table("callback_request", "callback")
    with op.batch_alter_table("callback") as batch_op:
        batch_op.add_column(sa.Column("fetch_method", sa.String(20), nullable=False))
    # readable SQL that empties another table does not help
    op.add_column("accounts", sa.Column("status", sa.String(20), nullable=False))  # DB404
    op.execute(sessions.update().values(id=1))
    op.add_column("profiles", sa.Column("locale", sa.String(5), nullable=False))  # DB404


def downgrade() -> None:
    op.drop_column("profiles", "locale")
    op.drop_column("accounts", "status")
    with op.batch_alter_table("callback") as batch_op:
        batch_op.drop_column("fetch_method")
    op.rename_table("callback", "callback_request")
    op.drop_column("events", "source")
    op.drop_column("sessions", "agent")
    op.drop_column("tokens", "scope")
    op.drop_column("cache_entries", "key")
