"""Proofs for what the migration model assumes Alembic does, on SQLite.

The model counts an index as created by a migration when ``add_column`` or
``create_table`` carries ``sa.Column(index=True)``, and when ``create_table``
carries ``sa.Index``/``sa.UniqueConstraint``/``sa.PrimaryKeyConstraint``
(DB405, and DB101 through the project's migrations).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations


@pytest.fixture
def conn() -> Iterator[sa.Connection]:
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        yield connection
    engine.dispose()


def _indexes(conn: sa.Connection, table: str) -> dict[str, list[str]]:
    return {ix["name"]: ix["column_names"] for ix in sa.inspect(conn).get_indexes(table)}


def test_add_column_with_index_true_creates_the_index(conn: sa.Connection) -> None:
    op = Operations(MigrationContext.configure(conn))
    op.create_table("posts", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("posts", sa.Column("author_id", sa.Integer(), index=True))
    assert _indexes(conn, "posts") == {"ix_posts_author_id": ["author_id"]}


def test_create_table_creates_column_and_table_level_indexes(conn: sa.Connection) -> None:
    op = Operations(MigrationContext.configure(conn))
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), index=True),
        sa.Column("author_id", sa.Integer()),
        sa.Column("created_at", sa.DateTime()),
        sa.Index("ix_comments_author_created", "author_id", "created_at"),
        sa.PrimaryKeyConstraint("id"),
    )
    assert _indexes(conn, "comments") == {
        "ix_comments_post_id": ["post_id"],
        "ix_comments_author_created": ["author_id", "created_at"],
    }
    pk = sa.inspect(conn).get_pk_constraint("comments")
    assert pk["constrained_columns"] == ["id"]
