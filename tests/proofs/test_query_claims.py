"""Proofs for the query rules DB203 and DB209.

These tests do not use the plugin. They run SQLAlchemy 2.x against in-memory
SQLite and fail if the behaviour that RULES.md relies on is not real.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Optional

import pytest
from sqlalchemy import Engine, ForeignKey, Select, and_, create_engine, or_, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    joinedload,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Optional[str]]
    a: Mapped[int] = mapped_column(default=0)
    b: Mapped[int] = mapped_column(default=0)
    addresses: Mapped[list[Address]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


def _engine() -> Engine:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    return engine


# --------------------------------------------------------------------------
# DB203: joinedload() of a collection in a 2.0 select() needs .unique()
# --------------------------------------------------------------------------


@pytest.fixture
def one_user_two_addresses() -> Iterator[Engine]:
    # One parent with two children: the joined eager load returns two rows
    # for one User, which is exactly why SQLAlchemy demands .unique().
    engine = _engine()
    with Session(engine) as session:
        session.add(User(id=1, name="u", addresses=[Address(), Address()]))
        session.commit()
    yield engine
    engine.dispose()


def _joined_collection() -> Select[tuple[User]]:
    return select(User).options(joinedload(User.addresses))


Consumer = Callable[[Session], Any]

# Every consumer RULES.md lists as raising (trigger column of DB203).
RAISING_CONSUMERS: dict[str, Consumer] = {
    "result.all": lambda s: s.execute(_joined_collection()).all(),
    "result.one": lambda s: s.execute(_joined_collection()).one(),
    "result.one_or_none": lambda s: s.execute(_joined_collection()).one_or_none(),
    "result.scalar_one": lambda s: s.execute(_joined_collection()).scalar_one(),
    "result.scalar_one_or_none": lambda s: s.execute(
        _joined_collection()
    ).scalar_one_or_none(),
    "result.fetchall": lambda s: s.execute(_joined_collection()).fetchall(),
    "result.list()": lambda s: list(s.execute(_joined_collection())),
    "result.for": lambda s: [row for row in s.execute(_joined_collection())],
    "result.scalars().all": lambda s: s.execute(_joined_collection()).scalars().all(),
    "result.scalars().one": lambda s: s.execute(_joined_collection()).scalars().one(),
    "result.scalars().one_or_none": lambda s: s.execute(_joined_collection())
    .scalars()
    .one_or_none(),
    "result.scalars().fetchall": lambda s: s.execute(_joined_collection())
    .scalars()
    .fetchall(),
    "result.scalars().list()": lambda s: list(s.execute(_joined_collection()).scalars()),
    "result.scalars().for": lambda s: [
        u for u in s.execute(_joined_collection()).scalars()
    ],
    "session.scalars().all": lambda s: s.scalars(_joined_collection()).all(),
    "session.scalars().one": lambda s: s.scalars(_joined_collection()).one(),
    "session.scalars().one_or_none": lambda s: s.scalars(
        _joined_collection()
    ).one_or_none(),
    "session.scalars().fetchall": lambda s: s.scalars(_joined_collection()).fetchall(),
    "session.scalars().list()": lambda s: list(s.scalars(_joined_collection())),
    "session.scalars().for": lambda s: [u for u in s.scalars(_joined_collection())],
}


@pytest.mark.parametrize("consumer", list(RAISING_CONSUMERS), ids=str)
def test_joinedload_collection_without_unique_raises_invalid_request_error(
    one_user_two_addresses: Engine, consumer: str
) -> None:
    with Session(one_user_two_addresses) as session:
        with pytest.raises(InvalidRequestError, match=r"unique\(\) method must be invoked"):
            RAISING_CONSUMERS[consumer](session)


# Consumers that go beyond RULES.md's list but raise too (found while writing
# the proofs): the check sits in the row-fetching machinery, so every method
# that fetches rows without uniquing raises.
EXTRA_RAISING_CONSUMERS: dict[str, Consumer] = {
    "result.fetchone": lambda s: s.execute(_joined_collection()).fetchone(),
    "result.fetchmany": lambda s: s.execute(_joined_collection()).fetchmany(2),
    "result.partitions": lambda s: list(s.execute(_joined_collection()).partitions()),
    "result.mappings().all": lambda s: s.execute(_joined_collection()).mappings().all(),
    "result.scalars().fetchmany": lambda s: s.execute(_joined_collection())
    .scalars()
    .fetchmany(2),
}


@pytest.mark.parametrize("consumer", list(EXTRA_RAISING_CONSUMERS), ids=str)
def test_joinedload_collection_without_unique_also_raises_on_fetchone_fetchmany_partitions_mappings(
    one_user_two_addresses: Engine, consumer: str
) -> None:
    with Session(one_user_two_addresses) as session:
        with pytest.raises(InvalidRequestError, match=r"unique\(\) method must be invoked"):
            EXTRA_RAISING_CONSUMERS[consumer](session)


# Consumers RULES.md says do NOT raise. Each returns the single User; the
# joined collection must still be complete (two addresses), so these are not
# only "silent" but correct.
NON_RAISING_CONSUMERS: dict[str, Consumer] = {
    "result.first": lambda s: s.execute(_joined_collection()).first()[0],
    "result.scalar": lambda s: s.execute(_joined_collection()).scalar(),
    "result.scalars().first": lambda s: s.execute(_joined_collection()).scalars().first(),
    "session.scalar": lambda s: s.scalar(_joined_collection()),
    "session.scalars().first": lambda s: s.scalars(_joined_collection()).first(),
    "legacy query.all": lambda s: s.query(User).options(joinedload(User.addresses)).all()[0],
    "legacy query.one": lambda s: s.query(User).options(joinedload(User.addresses)).one(),
    "legacy query.first": lambda s: s.query(User).options(joinedload(User.addresses)).first(),
    "result.unique().all": lambda s: s.execute(_joined_collection()).unique().all()[0][0],
    "result.unique().scalar_one": lambda s: s.execute(_joined_collection())
    .unique()
    .scalar_one(),
    "result.scalars().unique().all": lambda s: s.execute(_joined_collection())
    .scalars()
    .unique()
    .all()[0],
    "session.scalars().unique().one": lambda s: s.scalars(_joined_collection())
    .unique()
    .one(),
    "session.scalars().unique() list()": lambda s: list(
        s.scalars(_joined_collection()).unique()
    )[0],
}


@pytest.mark.parametrize("consumer", list(NON_RAISING_CONSUMERS), ids=str)
def test_joinedload_collection_first_scalar_legacy_query_and_unique_do_not_raise(
    one_user_two_addresses: Engine, consumer: str
) -> None:
    with Session(one_user_two_addresses) as session:
        user = NON_RAISING_CONSUMERS[consumer](session)
        assert isinstance(user, User)
        assert len(user.addresses) == 2


def test_legacy_query_with_joined_collection_dedupes_rows_itself(
    one_user_two_addresses: Engine,
) -> None:
    # The legacy Query uniquifies joined-eager entities on its own: two joined
    # rows come back as ONE User, which is why the rule exempts session.query().
    with Session(one_user_two_addresses) as session:
        users = session.query(User).options(joinedload(User.addresses)).all()
        assert len(users) == 1


def test_joinedload_many_to_one_without_unique_does_not_raise(
    one_user_two_addresses: Engine,
) -> None:
    # Many-to-one joins never multiply the parent rows, so no .unique() needed.
    with Session(one_user_two_addresses) as session:
        addresses = session.scalars(select(Address).options(joinedload(Address.user))).all()
        assert len(addresses) == 2
        assert {a.user.id for a in addresses} == {1}


def test_joinedload_collection_without_unique_raises_even_with_single_row() -> None:
    # The check is not about duplicate rows actually appearing: a parent with
    # no children (one row, outer-joined NULLs) raises as well.
    engine = _engine()
    with Session(engine) as session:
        session.add(User(id=1, name="lonely"))
        session.commit()
    with Session(engine) as session:
        with pytest.raises(InvalidRequestError):
            session.scalars(_joined_collection()).all()


def test_joinedload_collection_without_unique_does_not_raise_on_empty_result() -> None:
    # Nuance for test authors: with no rows at all, nothing is fetched and no
    # error is raised, so a test on an empty database will not catch DB203.
    engine = _engine()
    with Session(engine) as session:
        assert session.scalars(_joined_collection()).all() == []
        assert session.execute(_joined_collection()).all() == []


# --------------------------------------------------------------------------
# DB209: Python operators on column expressions
# --------------------------------------------------------------------------


@pytest.fixture
def three_users() -> Iterator[Engine]:
    engine = _engine()
    with Session(engine) as session:
        session.add_all(
            [
                User(id=1, name=None, a=1, b=2),
                User(id=2, name="x", a=1, b=3),
                User(id=3, name="y", a=2, b=2),
            ]
        )
        session.commit()
    yield engine
    engine.dispose()


def _ids(engine: Engine, stmt: Select[tuple[int]]) -> list[int]:
    with Session(engine) as session:
        return sorted(session.scalars(stmt).all())


def _sql(engine: Engine, stmt: Select[Any]) -> str:
    return str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))


def test_is_none_on_column_is_python_false_and_where_matches_no_rows(
    three_users: Engine,
) -> None:
    # `is` is identity: a column attribute is never the None object.
    assert (User.name is None) is False
    stmt = select(User.id).where(User.name is None)
    # The WHERE clause becomes a constant false, not "name IS NULL".
    assert "WHERE 0 = 1" in _sql(three_users, stmt)
    assert "IS NULL" not in _sql(three_users, stmt)
    # User 1 has a NULL name but is not returned.
    assert _ids(three_users, stmt) == []


def test_is_not_none_on_column_is_python_true_and_where_matches_all_rows(
    three_users: Engine,
) -> None:
    assert (User.name is not None) is True
    stmt = select(User.id).where(User.name is not None)
    assert "WHERE 1 = 1" in _sql(three_users, stmt)
    # The NULL-name user 1 is wrongly included.
    assert _ids(three_users, stmt) == [1, 2, 3]


def test_is_none_method_gives_correct_sql_and_rows(three_users: Engine) -> None:
    stmt = select(User.id).where(User.name.is_(None))
    assert "users.name IS NULL" in _sql(three_users, stmt)
    assert _ids(three_users, stmt) == [1]
    assert _ids(three_users, select(User.id).where(User.name.is_not(None))) == [2, 3]


def test_python_and_between_comparisons_drops_second_condition(
    three_users: Engine,
) -> None:
    # bool(User.a == 1) is False (it compares the operands' identities), so
    # `and` short-circuits and returns its FIRST operand unchanged.
    expr = User.a == 1 and User.b == 2
    sql = _sql(three_users, select(User.id).where(expr))
    assert "users.a = 1" in sql
    assert "users.b" not in sql
    # Wrong rows: user 2 (b == 3) is returned although b == 2 was asked for.
    assert _ids(three_users, select(User.id).where(expr)) == [1, 2]


def test_and_function_keeps_both_conditions(three_users: Engine) -> None:
    stmt = select(User.id).where(and_(User.a == 1, User.b == 2))
    sql = _sql(three_users, stmt)
    assert "users.a = 1 AND users.b = 2" in sql
    assert _ids(three_users, stmt) == [1]
    # where() with two arguments is an AND as well.
    assert _ids(three_users, select(User.id).where(User.a == 1, User.b == 2)) == [1]


def test_python_or_between_comparisons_keeps_only_second_condition(
    three_users: Engine,
) -> None:
    # `or` returns its second operand when the first is falsy: the first
    # condition silently vanishes.
    expr = User.a == 1 or User.b == 2
    sql = _sql(three_users, select(User.id).where(expr))
    assert "users.b = 2" in sql
    assert "users.a" not in sql
    assert _ids(three_users, select(User.id).where(expr)) == [1, 3]
    # or_() gives the intended rows: a == 1 (users 1, 2) or b == 2 (users 1, 3).
    assert _ids(three_users, select(User.id).where(or_(User.a == 1, User.b == 2))) == [
        1,
        2,
        3,
    ]


def test_python_in_list_on_column_evaluates_to_bool_without_error(
    three_users: Engine,
) -> None:
    # `col in [...]` does not raise: list.__contains__ calls `item == col`,
    # which builds a SQL expression whose bool() is False for literals, so the
    # whole test is Python False. In a WHERE that means "no rows".
    assert (User.name in ["x", "y"]) is False
    stmt = select(User.id).where(User.name in ["x", "y"])
    assert "WHERE 0 = 1" in _sql(three_users, stmt)
    assert _ids(three_users, stmt) == []
    # `not in` is the reverse: Python True -> every row.
    assert (User.name not in ["x", "y"]) is True
    assert _ids(three_users, select(User.id).where(User.name not in ["x", "y"])) == [1, 2, 3]


def test_in_method_gives_correct_sql_and_rows(three_users: Engine) -> None:
    stmt = select(User.id).where(User.name.in_(["x", "y"]))
    assert "users.name IN ('x', 'y')" in _sql(three_users, stmt)
    assert _ids(three_users, stmt) == [2, 3]
    assert _ids(three_users, select(User.id).where(User.name.not_in(["x"]))) == [3]


def test_python_in_with_column_on_right_raises_not_implemented() -> None:
    # The reverse form `"x" in User.name` calls the column's __contains__,
    # which SQLAlchemy maps to the `contains` operator; String columns do not
    # support it through `in`, so this one raises instead of lying.
    with pytest.raises(NotImplementedError, match="contains"):
        _ = "x" in User.name  # type: ignore[operator]


def test_python_not_on_comparison_negates_a_bool_not_the_sql(
    three_users: Engine,
) -> None:
    # `not (User.a == 1)` is Python True (bool of the comparison is False),
    # so the filter disappears and every row matches.
    assert (not (User.a == 1)) is True
    stmt = select(User.id).where(not (User.a == 1))
    assert "WHERE 1 = 1" in _sql(three_users, stmt)
    assert _ids(three_users, stmt) == [1, 2, 3]
    # `~` builds the SQL negation.
    assert _ids(three_users, select(User.id).where(~(User.a == 1))) == [3]
