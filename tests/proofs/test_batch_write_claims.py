"""Proofs for DB207's scope: what a loop of ORM writes really sends to the database.

These tests do not use the plugin. They count the statements SQLAlchemy 2.x
executes against in-memory SQLite.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def _engine_counting(statements: list[str]) -> Engine:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)

    @event.listens_for(engine, "before_cursor_execute")
    def _count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.split()[0].upper())

    return engine


def test_new_objects_flush_one_insert_each_on_sqlite_but_bulk_insert_is_one() -> None:
    # DB207's add() finding: with a server-generated key SQLite gets one INSERT
    # per new object (add() one by one or add_all() alike: the flush is the same),
    # while execute(insert(Model), rows) is a single executemany.
    statements: list[str] = []
    engine = _engine_counting(statements)
    with Session(engine) as session:
        for i in range(50):
            session.add(Item(name=f"n{i}"))
        session.commit()
    assert statements.count("INSERT") == 50
    statements.clear()
    with Session(engine) as session:
        session.add_all([Item(name=f"m{i}") for i in range(50)])
        session.commit()
    assert statements.count("INSERT") == 50
    statements.clear()
    with Session(engine) as session:
        session.execute(insert(Item), [{"name": f"b{i}"} for i in range(50)])
        session.commit()
    assert statements.count("INSERT") == 1
    with Session(engine) as session:
        assert len(session.scalars(select(Item)).all()) == 150


def test_re_adding_loaded_objects_issues_no_statement_of_its_own() -> None:
    statements: list[str] = []
    engine = _engine_counting(statements)
    with Session(engine) as session:
        session.add_all([Item(name="a"), Item(name="b")])
        session.commit()
        items = session.scalars(select(Item)).all()
        statements.clear()
        for item in items:
            session.add(item)   # already persistent: nothing to do
        session.flush()
    assert statements == []


def test_execute_update_in_a_loop_is_one_round_trip_per_row() -> None:
    # What DB207 does report: execute() of a DML statement per iteration.
    statements: list[str] = []
    engine = _engine_counting(statements)
    with Session(engine) as session:
        session.execute(insert(Item), [{"name": f"n{i}"} for i in range(20)])
        statements.clear()
        for i in range(1, 21):
            session.execute(update(Item).where(Item.id == i).values(name="x"))
        session.commit()
    assert statements.count("UPDATE") == 20
