"""Proofs for session/engine rules DB305, DB502 and DB503.

create_engine()/create_async_engine() validate pool arguments without
connecting, so the engine tests need no database at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.exc import ArgumentError, IntegrityError, PendingRollbackError
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import (
    AsyncAdaptedQueuePool,
    NullPool,
    Pool,
    QueuePool,
    SingletonThreadPool,
    StaticPool,
)


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)


# --------------------------------------------------------------------------
# DB305: a failed flush leaves the session unusable until rollback()
# --------------------------------------------------------------------------


@pytest.fixture
def engine_with_account() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Account(email="a@example.com"))
        session.commit()
    yield engine
    engine.dispose()


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Account)) or 0


@pytest.mark.parametrize("failing_call", ["flush", "commit"])
def test_after_failed_flush_without_rollback_next_use_raises_pending_rollback(
    engine_with_account: Engine, failing_call: str
) -> None:
    with Session(engine_with_account) as session:
        session.add(Account(email="a@example.com"))  # duplicate unique value
        with pytest.raises(IntegrityError):
            getattr(session, failing_call)()
        # The handler "swallowed" the error (the DB305 pattern); any further
        # statement, read or write, is refused.
        with pytest.raises(PendingRollbackError):
            session.execute(select(Account)).all()
        with pytest.raises(PendingRollbackError):
            session.get(Account, 1)
        with pytest.raises(PendingRollbackError):
            session.commit()
        # Only a flush with nothing to write is a silent no-op; as soon as
        # there is work, it is refused as well.
        session.flush()
        session.add(Account(email="b@example.com"))
        with pytest.raises(PendingRollbackError):
            session.flush()


def test_after_failed_flush_rollback_makes_session_usable_again(
    engine_with_account: Engine,
) -> None:
    with Session(engine_with_account) as session:
        session.add(Account(email="a@example.com"))
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()
        assert _count(session) == 1
        session.add(Account(email="b@example.com"))
        session.commit()
        assert _count(session) == 2


# --------------------------------------------------------------------------
# DB502: sync-only pool classes on an async engine
# --------------------------------------------------------------------------


@pytest.mark.parametrize("poolclass", [QueuePool, SingletonThreadPool], ids=lambda p: p.__name__)
def test_create_async_engine_with_sync_pool_class_raises_argument_error(
    poolclass: type[Pool],
) -> None:
    message = f"Pool class {poolclass.__name__} cannot be used with asyncio engine"
    with pytest.raises(ArgumentError, match=message):
        create_async_engine("sqlite+aiosqlite://", poolclass=poolclass)


@pytest.mark.parametrize(
    "poolclass", [AsyncAdaptedQueuePool, NullPool, StaticPool], ids=lambda p: p.__name__
)
def test_create_async_engine_with_async_capable_pool_class_connects(
    poolclass: type[Pool], tmp_path: Path
) -> None:
    async def main() -> int:
        engine = create_async_engine(
            f"sqlite+aiosqlite:///{tmp_path / 'pool.db'}", poolclass=poolclass
        )
        try:
            assert type(engine.pool) is poolclass
            async with engine.connect() as conn:
                return (await conn.execute(text("select 1"))).scalar_one()
        finally:
            await engine.dispose()

    assert asyncio.run(main()) == 1


# --------------------------------------------------------------------------
# DB503: pool sizing arguments with NullPool / StaticPool
# --------------------------------------------------------------------------

SIZING_ARGS = ["pool_size", "max_overflow", "pool_timeout"]


@pytest.mark.parametrize("argument", SIZING_ARGS)
@pytest.mark.parametrize("poolclass", [NullPool, StaticPool], ids=lambda p: p.__name__)
def test_create_engine_with_non_queue_pool_and_sizing_argument_raises_type_error(
    poolclass: type[Pool], argument: str, tmp_path: Path
) -> None:
    # A file URL: with plain "sqlite://" the default pool would be
    # SingletonThreadPool, but poolclass= overrides it either way.
    with pytest.raises(TypeError,
                       match=f"Invalid argument\\(s\\) '{argument}' sent to create_engine"):
        create_engine(f"sqlite:///{tmp_path / 'x.db'}", poolclass=poolclass, **{argument: 5})


@pytest.mark.parametrize("argument", SIZING_ARGS)
@pytest.mark.parametrize("poolclass", [NullPool, StaticPool], ids=lambda p: p.__name__)
def test_create_async_engine_with_non_queue_pool_and_sizing_argument_raises_type_error(
    poolclass: type[Pool], argument: str
) -> None:
    with pytest.raises(TypeError, match=f"Invalid argument\\(s\\) '{argument}'"):
        create_async_engine("sqlite+aiosqlite://", poolclass=poolclass, **{argument: 5})


@pytest.mark.parametrize("argument", SIZING_ARGS)
def test_create_engine_with_queue_pool_accepts_sizing_argument(
    argument: str, tmp_path: Path
) -> None:
    # Control: the same arguments are fine for a pool that has a size.
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}", poolclass=QueuePool, **{argument: 5})
    assert isinstance(engine.pool, QueuePool)
    engine.dispose()
