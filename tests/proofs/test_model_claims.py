"""Proofs for model-design rules DB109, DB111, DB113 (Mapped nullability), DB118."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator
from typing import Any, Optional

import pytest
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Table,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.schema import CreateIndex, CreateTable


class Base(DeclarativeBase):
    pass


def _engine(*, sqlite_foreign_keys: bool = False) -> Engine:
    engine = create_engine("sqlite://")
    if sqlite_foreign_keys:
        # SQLite enforces FOREIGN KEY / ON DELETE only with this pragma.
        @event.listens_for(engine, "connect")
        def _fk_on(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA foreign_keys=ON")

    Base.metadata.create_all(engine)
    return engine


def _table(cls: type[Base]) -> Table:
    table = cls.__table__
    assert isinstance(table, Table)
    return table


def _column(cls: type[Base], name: str) -> Column[Any]:
    return _table(cls).c[name]


# --------------------------------------------------------------------------
# DB118: default=<call>() is evaluated once, at class definition (import)
# --------------------------------------------------------------------------


class _FakeClock:
    """Stands in for `datetime`: every now() call returns a later instant."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def now(self) -> dt.datetime:
        return dt.datetime(2024, 1, 1) + dt.timedelta(seconds=next(self._ticks))


clock = _FakeClock()


class EventCalled(Base):
    __tablename__ = "event_called"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The bug: now() runs here, once, while the class body executes.
    at: Mapped[dt.datetime] = mapped_column(default=clock.now())
    real_at: Mapped[dt.datetime] = mapped_column(default=dt.datetime.now())


class EventCallable(Base):
    __tablename__ = "event_callable"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=clock.now)
    real_at: Mapped[dt.datetime] = mapped_column(default=dt.datetime.now)


class TokenCalled(Base):
    __tablename__ = "token_called"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4())


class TokenCallable(Base):
    __tablename__ = "token_callable"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


def test_called_datetime_now_default_is_a_constant_not_a_callable() -> None:
    default = _column(EventCalled, "real_at").default
    assert default is not None
    assert default.is_scalar and not default.is_callable
    assert isinstance(default.arg, dt.datetime)  # type: ignore[attr-defined]
    passed = _column(EventCallable, "real_at").default
    assert passed is not None
    assert passed.is_callable and not passed.is_scalar


def test_called_datetime_now_default_gives_every_row_the_same_timestamp() -> None:
    engine = _engine()
    captured = _column(EventCalled, "real_at").default.arg  # type: ignore[union-attr]
    with Session(engine) as session:
        session.add(EventCalled(id=1))
        session.commit()
        session.add(EventCalled(id=2))
        session.commit()
        rows = session.scalars(select(EventCalled.real_at).order_by(EventCalled.id)).all()
    # Both rows carry the value captured when the class was defined.
    assert rows == [captured, captured]


def test_callable_default_is_evaluated_per_insert_called_default_is_not() -> None:
    # With a clock that advances on every call, the callable default gives
    # each insert a new value; the called default stays at the class-definition
    # value no matter when rows are inserted.
    engine = _engine()
    with Session(engine) as session:
        session.add(EventCalled(id=1))
        session.add(EventCallable(id=1))
        session.commit()
        session.add(EventCalled(id=2))
        session.add(EventCallable(id=2))
        session.commit()
        called = session.scalars(select(EventCalled.at).order_by(EventCalled.id)).all()
        per_insert = session.scalars(select(EventCallable.at).order_by(EventCallable.id)).all()
    assert called[0] == called[1]
    assert per_insert[0] != per_insert[1]
    assert per_insert[0] < per_insert[1]
    # The called value predates every insert: it is from "import time".
    assert called[0] < per_insert[0]


def test_called_uuid4_default_makes_second_insert_violate_primary_key() -> None:
    engine = _engine()
    with Session(engine) as session:
        session.add(TokenCalled())
        session.commit()
        session.add(TokenCalled())
        with pytest.raises(IntegrityError, match="UNIQUE constraint failed: token_called.id"):
            session.commit()


def test_callable_uuid4_default_gives_distinct_ids() -> None:
    engine = _engine()
    with Session(engine) as session:
        session.add_all([TokenCallable(), TokenCallable()])
        session.commit()
        ids = session.scalars(select(TokenCallable.id)).all()
    assert len(set(ids)) == 2


# --------------------------------------------------------------------------
# DB111: primary_key=True + index=True creates a second index
# --------------------------------------------------------------------------


class WithIndexedPk(Base):
    __tablename__ = "with_indexed_pk"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)


class WithPlainPk(Base):
    __tablename__ = "with_plain_pk"

    id: Mapped[int] = mapped_column(primary_key=True)


def test_primary_key_with_index_true_adds_redundant_index_to_metadata() -> None:
    indexes = _table(WithIndexedPk).indexes
    assert [(ix.name, [c.name for c in ix.columns]) for ix in indexes] == [
        ("ix_with_indexed_pk_id", ["id"])
    ]
    (index,) = indexes
    engine = _engine()
    assert str(CreateIndex(index).compile(engine)) == (
        "CREATE INDEX ix_with_indexed_pk_id ON with_indexed_pk (id)"
    )


def test_primary_key_with_index_true_creates_extra_index_in_database() -> None:
    engine = _engine()
    inspector = inspect(engine)
    assert inspector.get_pk_constraint("with_indexed_pk")["constrained_columns"] == ["id"]
    assert [ix["name"] for ix in inspector.get_indexes("with_indexed_pk")] == [
        "ix_with_indexed_pk_id"
    ]
    # The database really holds a separate index object for it.
    with engine.connect() as conn:
        sql = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"),
            {"t": "with_indexed_pk"},
        ).scalar_one()
    assert sql == "CREATE INDEX ix_with_indexed_pk_id ON with_indexed_pk (id)"


def test_primary_key_alone_has_no_extra_index() -> None:
    assert _table(WithPlainPk).indexes == set()
    assert inspect(_engine()).get_indexes("with_plain_pk") == []


# --------------------------------------------------------------------------
# Mapped[...] nullability (DB113 / "NOT NULL as SQLAlchemy derives it")
# --------------------------------------------------------------------------


class Nullability(Base):
    __tablename__ = "nullability"

    id: Mapped[int] = mapped_column(primary_key=True)
    plain: Mapped[int]
    optional: Mapped[Optional[int]]
    pipe_none: Mapped[int | None]
    # DB113's contradictions: the explicit argument wins over the annotation.
    plain_but_nullable: Mapped[int] = mapped_column(nullable=True)
    optional_but_not_null: Mapped[Optional[int]] = mapped_column(nullable=False)


@pytest.mark.parametrize(
    ("column", "nullable"),
    [
        ("plain", False),
        ("optional", True),
        ("pipe_none", True),
        ("plain_but_nullable", True),
        ("optional_but_not_null", False),
    ],
)
def test_mapped_annotation_derives_nullability_unless_nullable_is_given(
    column: str, nullable: bool
) -> None:
    assert _column(Nullability, column).nullable is nullable
    reflected = {c["name"]: c["nullable"] for c in inspect(_engine()).get_columns("nullability")}
    assert reflected[column] is nullable


def test_mapped_int_without_nullable_emits_not_null_and_rejects_null() -> None:
    ddl = str(CreateTable(_table(Nullability)).compile(_engine()))
    assert "plain INTEGER NOT NULL" in ddl
    assert "optional INTEGER," in ddl
    engine = _engine()
    with Session(engine) as session:
        session.add(Nullability(id=1, plain=None, optional_but_not_null=0))
        with pytest.raises(IntegrityError, match="NOT NULL constraint failed: nullability.plain"):
            session.commit()


# --------------------------------------------------------------------------
# DB109: one-to-many, child FK NOT NULL, no delete cascade
# --------------------------------------------------------------------------


class ParentNoCascade(Base):
    __tablename__ = "parent_no_cascade"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list[ChildNoCascade]] = relationship(back_populates="parent")


class ChildNoCascade(Base):
    __tablename__ = "child_no_cascade"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_no_cascade.id"))  # NOT NULL
    parent: Mapped[ParentNoCascade] = relationship(back_populates="children")


class ParentCascade(Base):
    __tablename__ = "parent_cascade"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list[ChildCascade]] = relationship(
        back_populates="parent", cascade="all, delete-orphan"
    )


class ChildCascade(Base):
    __tablename__ = "child_cascade"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent_cascade.id"))
    parent: Mapped[ParentCascade] = relationship(back_populates="children")


class ParentPassive(Base):
    """passive_deletes=True WITHOUT a delete cascade, DB-side ON DELETE CASCADE."""

    __tablename__ = "parent_passive"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list[ChildPassive]] = relationship(
        back_populates="parent", passive_deletes=True
    )


class ChildPassive(Base):
    __tablename__ = "child_passive"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(
        ForeignKey("parent_passive.id", ondelete="CASCADE")
    )
    parent: Mapped[ParentPassive] = relationship(back_populates="children")


class ParentPassiveCascade(Base):
    """The documented pairing: cascade="all, delete-orphan" + passive_deletes."""

    __tablename__ = "parent_passive_cascade"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list[ChildPassiveCascade]] = relationship(
        back_populates="parent", cascade="all, delete-orphan", passive_deletes=True
    )


class ChildPassiveCascade(Base):
    __tablename__ = "child_passive_cascade"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(
        ForeignKey("parent_passive_cascade.id", ondelete="CASCADE")
    )
    parent: Mapped[ParentPassiveCascade] = relationship(back_populates="children")


class _SqlLog:
    def __init__(self, engine: Engine) -> None:
        self.statements: list[str] = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Connection, _cursor: Any, statement: str, *_rest: Any) -> None:
        self.statements.append(" ".join(statement.split()))


@pytest.fixture
def fk_engine() -> Iterator[Engine]:
    engine = _engine(sqlite_foreign_keys=True)
    yield engine
    engine.dispose()


def _seed_and_delete_parent(
    engine: Engine, parent_cls: type[Any], child_cls: type[Any], *, load_children: bool
) -> None:
    with Session(engine) as session:
        session.add(parent_cls(id=1, children=[child_cls(id=1), child_cls(id=2)]))
        session.commit()
    with Session(engine) as session:
        parent = session.get(parent_cls, 1)
        if load_children:
            assert len(parent.children) == 2
        session.delete(parent)
        session.commit()


def _children_left(engine: Engine, child_cls: type[Any]) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(child_cls)) or 0


@pytest.mark.parametrize("load_children", [True, False], ids=["loaded", "not-loaded"])
def test_deleting_parent_without_delete_cascade_nulls_not_null_fk_and_raises_integrity_error(
    fk_engine: Engine, load_children: bool
) -> None:
    # Not loading the children does not help: SQLAlchemy loads them itself to
    # de-associate them.
    log = _SqlLog(fk_engine)
    with pytest.raises(
        IntegrityError, match="NOT NULL constraint failed: child_no_cascade.parent_id"
    ):
        _seed_and_delete_parent(
            fk_engine, ParentNoCascade, ChildNoCascade, load_children=load_children
        )
    # The failing statement is SQLAlchemy's own "set FK to NULL" UPDATE.
    assert "UPDATE child_no_cascade SET parent_id=? WHERE child_no_cascade.id = ?" in (
        log.statements
    )
    assert _children_left(fk_engine, ChildNoCascade) == 2


def test_deleting_parent_with_all_delete_orphan_cascade_deletes_children(
    fk_engine: Engine,
) -> None:
    log = _SqlLog(fk_engine)
    _seed_and_delete_parent(fk_engine, ParentCascade, ChildCascade, load_children=True)
    assert _children_left(fk_engine, ChildCascade) == 0
    assert not any(s.startswith("UPDATE child_cascade") for s in log.statements)


def test_passive_deletes_with_db_cascade_and_unloaded_children_succeeds(
    fk_engine: Engine,
) -> None:
    # Children never loaded: SQLAlchemy only deletes the parent and the
    # database's ON DELETE CASCADE removes the children.
    _seed_and_delete_parent(fk_engine, ParentPassive, ChildPassive, load_children=False)
    assert _children_left(fk_engine, ChildPassive) == 0


def test_passive_deletes_without_delete_cascade_still_nulls_loaded_children(
    fk_engine: Engine,
) -> None:
    # Finding beyond RULES.md: passive_deletes=True only skips loading the
    # children. Children already in the session still get their FK set to NULL
    # (save-update cascade), so the IntegrityError comes back.
    with pytest.raises(
        IntegrityError, match="NOT NULL constraint failed: child_passive.parent_id"
    ):
        _seed_and_delete_parent(fk_engine, ParentPassive, ChildPassive, load_children=True)


def test_passive_deletes_with_delete_cascade_succeeds_with_loaded_children(
    fk_engine: Engine,
) -> None:
    _seed_and_delete_parent(
        fk_engine, ParentPassiveCascade, ChildPassiveCascade, load_children=True
    )
    assert _children_left(fk_engine, ChildPassiveCascade) == 0
