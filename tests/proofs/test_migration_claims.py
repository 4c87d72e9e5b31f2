"""Proofs for the migration rule DB404, with Alembic Operations on SQLite.

Operations + MigrationContext run the same op.* calls a migration's upgrade()
would, against a live connection, without an alembic.ini or script directory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy.exc import IntegrityError, OperationalError


@pytest.fixture
def conn() -> Iterator[sa.Connection]:
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50))"
        )
        yield connection
    engine.dispose()


def _op(conn: sa.Connection) -> Operations:
    return Operations(MigrationContext.configure(conn))


def _with_rows(conn: sa.Connection) -> sa.Connection:
    conn.exec_driver_sql("INSERT INTO account (name) VALUES ('a'), ('b')")
    return conn


def _nullable(conn: sa.Connection, column: str) -> bool:
    columns = {c["name"]: c["nullable"] for c in sa.inspect(conn).get_columns("account")}
    return columns[column]


def test_add_not_null_column_without_server_default_fails_on_table_with_rows(
    conn: sa.Connection,
) -> None:
    op = _op(_with_rows(conn))
    with pytest.raises(
        OperationalError, match="Cannot add a NOT NULL column with default value NULL"
    ) as excinfo:
        op.add_column("account", sa.Column("status", sa.String(20), nullable=False))
    assert isinstance(excinfo.value.orig, sqlite3.OperationalError)
    assert "status" not in {c["name"] for c in sa.inspect(conn).get_columns("account")}


def test_add_not_null_column_without_server_default_succeeds_on_empty_table(
    conn: sa.Connection,
) -> None:
    # It is the existing rows that break it: on an empty table the same
    # operation passes (verified with the SQLite in this venv, 3.40.1; other
    # versions/databases not tested here). So a migration test run against an
    # empty database does not catch DB404.
    op = _op(conn)
    op.add_column("account", sa.Column("status", sa.String(20), nullable=False))
    assert _nullable(conn, "status") is False


def test_add_nullable_then_backfill_then_batch_alter_not_null_succeeds(
    conn: sa.Connection,
) -> None:
    op = _op(_with_rows(conn))
    # 1. add as nullable
    op.add_column("account", sa.Column("status", sa.String(20), nullable=True))
    # 2. backfill through a lightweight table, not the ORM model
    account = sa.table("account", sa.column("status", sa.String))
    op.execute(account.update().values(status="active"))
    # 3. tighten (SQLite cannot ALTER COLUMN: batch mode recreates the table)
    with op.batch_alter_table("account") as batch:
        batch.alter_column("status", existing_type=sa.String(20), nullable=False)

    assert _nullable(conn, "status") is False
    assert conn.exec_driver_sql("SELECT name, status FROM account ORDER BY id").all() == [
        ("a", "active"),
        ("b", "active"),
    ]
    # The constraint is real: a NULL status is rejected from now on.
    with pytest.raises(IntegrityError, match="NOT NULL constraint failed: account.status"):
        conn.exec_driver_sql("INSERT INTO account (name) VALUES ('c')")


def test_add_not_null_column_with_server_default_succeeds_on_table_with_rows(
    conn: sa.Connection,
) -> None:
    op = _op(_with_rows(conn))
    op.add_column(
        "account", sa.Column("kind", sa.String(20), nullable=False, server_default="basic")
    )
    assert _nullable(conn, "kind") is False
    assert conn.exec_driver_sql("SELECT kind FROM account ORDER BY id").scalars().all() == [
        "basic",
        "basic",
    ]
