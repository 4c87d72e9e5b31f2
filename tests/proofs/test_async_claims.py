"""Proofs for the async rules DB602-DB606 (AsyncSession on aiosqlite).

No pytest-asyncio: each test drives its coroutine with asyncio.run(). Every
test uses its own temp-file database so sessions really go through separate
connections (an in-memory aiosqlite database would be per-connection).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import ForeignKey, func, insert, select
from sqlalchemy.exc import InvalidRequestError, MissingGreenlet, StatementError
from sqlalchemy.ext.asyncio import (
    AsyncAttrs,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    relationship,
    selectinload,
)

T = TypeVar("T")

# A lazy load or an expired-attribute refresh outside greenlet_spawn leaves an
# aiosqlite cursor() coroutine un-awaited; that warning is noise for these tests.
IGNORE_CURSOR_WARNING = pytest.mark.filterwarnings(
    "ignore:coroutine 'Connection.cursor' was never awaited:RuntimeWarning"
)


class Base(AsyncAttrs, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    # Default lazy="select": loading it needs IO at attribute access.
    addresses: Mapped[list[Address]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list[Book]] = relationship(lazy="selectin")


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def _run(tmp_path: Path, body: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    """Create a fresh file database, run body(engine), dispose the engine."""

    async def main() -> T:
        engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'proof.db'}")
        try:
            async with engine.begin() as conn:
                await conn.run_sync(Base.metadata.create_all)
            return await body(engine)
        finally:
            await engine.dispose()

    return asyncio.run(main())


async def _count(factory: async_sessionmaker[AsyncSession], model: type[Base]) -> int:
    async with factory() as session:
        return (await session.scalar(select(func.count()).select_from(model))) or 0


async def _seed_user_with_address(factory: async_sessionmaker[AsyncSession]) -> None:
    async with factory() as session:
        session.add(User(id=1, name="u", addresses=[Address(id=1)]))
        session.add(Author(id=1, books=[Book(id=1), Book(id=2)]))
        await session.commit()


def _assert_missing_greenlet(excinfo: pytest.ExceptionInfo[StatementError]) -> None:
    # What actually surfaces (SQLAlchemy 2.1.9 + aiosqlite) is a StatementError
    # whose .orig / __cause__ is MissingGreenlet; the message names it.
    assert isinstance(excinfo.value.orig, MissingGreenlet)
    assert isinstance(excinfo.value.__cause__, MissingGreenlet)
    assert "(sqlalchemy.exc.MissingGreenlet) greenlet_spawn has not been called" in str(
        excinfo.value
    )


# --------------------------------------------------------------------------
# DB602: an un-awaited coroutine method never runs
# --------------------------------------------------------------------------


def test_unawaited_async_commit_writes_nothing(tmp_path: Path) -> None:
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine)
        # The RuntimeWarning is the interpreter telling us the coroutine body
        # never ran; pytest.warns asserts it AND keeps it out of the output.
        with pytest.warns(RuntimeWarning, match="AsyncSession.commit' was never awaited"):
            async with factory() as session:
                session.add(Item(name="lost"))
                session.commit()  # type: ignore[unused-coroutine]  # the bug
                gc.collect()
        # Closing the session rolled back the never-committed transaction.
        return await _count(factory, Item)

    assert _run(tmp_path, body) == 0


def test_awaited_async_commit_writes_the_row(tmp_path: Path) -> None:
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine)
        async with factory() as session:
            session.add(Item(name="kept"))
            await session.commit()
        return await _count(factory, Item)

    assert _run(tmp_path, body) == 1


def test_unawaited_async_execute_insert_is_lost_even_if_commit_is_awaited(
    tmp_path: Path,
) -> None:
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine)
        with pytest.warns(RuntimeWarning, match="AsyncSession.execute' was never awaited"):
            async with factory() as session:
                session.execute(insert(Item).values(name="lost"))  # type: ignore[unused-coroutine]
                gc.collect()
                await session.commit()
        return await _count(factory, Item)

    assert _run(tmp_path, body) == 0


# --------------------------------------------------------------------------
# DB603: lazy relationship access on an AsyncSession-loaded object
# --------------------------------------------------------------------------


@IGNORE_CURSOR_WARNING
def test_lazy_relationship_access_after_async_load_raises_wrapped_missing_greenlet(
    tmp_path: Path,
) -> None:
    async def body(engine: AsyncEngine) -> None:
        factory = async_sessionmaker(engine)
        await _seed_user_with_address(factory)
        async with factory() as session:
            user = (await session.scalars(select(User))).one()
            with pytest.raises(StatementError) as excinfo:
                _ = user.addresses  # implicit IO outside greenlet_spawn
            _assert_missing_greenlet(excinfo)

    _run(tmp_path, body)
    gc.collect()  # emit the cursor warning while the filter is active


@IGNORE_CURSOR_WARNING
def test_lazy_load_error_is_statement_error_not_a_missing_greenlet_instance(
    tmp_path: Path,
) -> None:
    # Documents the exact type: `except MissingGreenlet:` would NOT catch it.
    async def body(engine: AsyncEngine) -> None:
        factory = async_sessionmaker(engine)
        await _seed_user_with_address(factory)
        async with factory() as session:
            user = (await session.scalars(select(User))).one()
            with pytest.raises(StatementError) as excinfo:
                _ = user.addresses
            assert type(excinfo.value) is StatementError
            assert not isinstance(excinfo.value, MissingGreenlet)

    _run(tmp_path, body)
    gc.collect()  # emit the cursor warning while the filter is active


def test_selectinload_option_makes_relationship_access_work_async(tmp_path: Path) -> None:
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine)
        await _seed_user_with_address(factory)
        async with factory() as session:
            stmt = select(User).options(selectinload(User.addresses))
            user = (await session.scalars(stmt)).one()
            return len(user.addresses)

    assert _run(tmp_path, body) == 1


def test_lazy_selectin_relationship_works_async_without_options(tmp_path: Path) -> None:
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine)
        await _seed_user_with_address(factory)
        async with factory() as session:
            author = (await session.scalars(select(Author))).one()
            return len(author.books)

    assert _run(tmp_path, body) == 2


def test_awaitable_attrs_loads_lazy_relationship_async(tmp_path: Path) -> None:
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine)
        await _seed_user_with_address(factory)
        async with factory() as session:
            user = (await session.scalars(select(User))).one()
            addresses = await user.awaitable_attrs.addresses
            return len(addresses)

    assert _run(tmp_path, body) == 1


# --------------------------------------------------------------------------
# DB604: expire_on_commit=True (the default) + attribute access after commit
# --------------------------------------------------------------------------


def test_async_sessionmaker_expires_on_commit_by_default(tmp_path: Path) -> None:
    async def body(engine: AsyncEngine) -> bool:
        async with async_sessionmaker(engine)() as session:
            return session.sync_session.expire_on_commit

    assert _run(tmp_path, body) is True


@IGNORE_CURSOR_WARNING
def test_column_access_after_async_commit_with_default_expire_raises_wrapped_missing_greenlet(
    tmp_path: Path,
) -> None:
    async def body(engine: AsyncEngine) -> None:
        factory = async_sessionmaker(engine)
        async with factory() as session:
            item = Item(name="z")
            session.add(item)
            await session.commit()
            # commit() expired every attribute; reading one needs a SELECT.
            with pytest.raises(StatementError) as excinfo:
                _ = item.name
            _assert_missing_greenlet(excinfo)

    _run(tmp_path, body)
    gc.collect()  # emit the cursor warning while the filter is active


def test_column_access_after_async_commit_with_expire_on_commit_false_works(
    tmp_path: Path,
) -> None:
    async def body(engine: AsyncEngine) -> str:
        factory = async_sessionmaker(engine, expire_on_commit=False)
        async with factory() as session:
            item = Item(name="z")
            session.add(item)
            await session.commit()
            return item.name

    assert _run(tmp_path, body) == "z"


# --------------------------------------------------------------------------
# DB605: AsyncSession.query does not exist
# --------------------------------------------------------------------------


def test_async_session_has_no_query_attribute() -> None:
    assert not hasattr(AsyncSession, "query")
    session = AsyncSession()
    with pytest.raises(AttributeError, match="'AsyncSession' object has no attribute 'query'"):
        session.query(Item)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------
# DB606: one AsyncSession shared by concurrent tasks (real aiosqlite behaviour)
# --------------------------------------------------------------------------


def test_shared_async_session_concurrent_reads_run_without_error_on_aiosqlite(
    tmp_path: Path,
) -> None:
    # RULES.md's remark is true for reads: gather() of two execute() calls on
    # one session completes and both results are right. No exception to rely on.
    async def body(engine: AsyncEngine) -> list[int]:
        async with async_sessionmaker(engine)() as session:
            first, second = await asyncio.gather(
                session.execute(select(1)), session.execute(select(2))
            )
            return [first.scalar_one(), second.scalar_one()]

    assert _run(tmp_path, body) == [1, 2]


@pytest.mark.filterwarnings(
    "ignore:Usage of the 'Session.add\\(\\)' operation:sqlalchemy.exc.SAWarning")
def test_shared_async_session_concurrent_flushes_raise_already_flushing(
    tmp_path: Path,
) -> None:
    # Unlike reads, two tasks that write through one session collide: task a's
    # flush awaits IO, task b then starts a flush on the same Session.
    async def body(engine: AsyncEngine) -> list[BaseException | None]:
        async with async_sessionmaker(engine)() as session:

            async def write(name: str) -> None:
                session.add(Item(name=name))
                await session.flush()

            return await asyncio.gather(write("a"), write("b"), return_exceptions=True)

    first, second = _run(tmp_path, body)
    assert first is None
    assert isinstance(second, InvalidRequestError)
    assert "Session is already flushing" in str(second)


async def _rollback_race(
    session_a: AsyncSession, session_b: AsyncSession, factory: async_sessionmaker[AsyncSession]
) -> int:
    """Task a writes and commits; task b rolls back in between.

    asyncio.Events fix the interleaving, so the outcome does not depend on
    scheduling: a flushes -> b rolls back its session -> a commits.
    """
    a_flushed = asyncio.Event()
    b_rolled_back = asyncio.Event()

    async def task_a() -> None:
        session_a.add(Item(name="from task a"))
        await session_a.flush()
        a_flushed.set()
        await b_rolled_back.wait()
        await session_a.commit()  # raises nothing in either setup

    async def task_b() -> None:
        await a_flushed.wait()
        await session_b.rollback()  # e.g. an error handler in another request
        b_rolled_back.set()

    await asyncio.gather(task_a(), task_b())
    return await _count(factory, Item)


def test_shared_async_session_one_tasks_rollback_discards_other_tasks_committed_write(
    tmp_path: Path,
) -> None:
    # Both tasks run in ONE transaction: b's rollback undoes a's flushed row,
    # and a's later commit() "succeeds" with nothing to write. Silent data loss.
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine, expire_on_commit=False)
        async with factory() as shared:
            return await _rollback_race(shared, shared, factory)

    assert _run(tmp_path, body) == 0


def test_session_per_task_keeps_each_tasks_write_isolated(tmp_path: Path) -> None:
    # Same choreography with one session per task: b's rollback touches only
    # its own transaction and a's row is committed.
    async def body(engine: AsyncEngine) -> int:
        factory = async_sessionmaker(engine, expire_on_commit=False)
        async with factory() as session_a, factory() as session_b:
            return await _rollback_race(session_a, session_b, factory)

    assert _run(tmp_path, body) == 1
