# select: DB3,DB6
from alembic import context
from sqlalchemy import text

from app.db import engine


def run_migrations_online() -> None:
    # One migration run per tenant schema: a loop over schemas, not rows.
    with engine.connect() as connection:
        for schema in ("tenant_a", "tenant_b"):
            connection.execute(text(f"SET search_path TO {schema}"))
            context.configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()


run_migrations_online()
