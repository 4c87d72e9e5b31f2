"""Proofs for the session/transaction rules DB303, DB304, DB306, DB307 and DB308.

Each test runs SQLAlchemy (and, for DB308, FastAPI's TestClient) for real on a
temp-file SQLite database, so separate sessions use separate connections.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import BackgroundTasks, Depends, FastAPI
from sqlalchemy import Engine, create_engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)
    balance: Mapped[int] = mapped_column(default=0)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'proof.db'}")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Account)) or 0


# --------------------------------------------------------------------------
# DB303: a session yielded outside with/try-finally leaks when the user raises
# --------------------------------------------------------------------------


def _leaky(factory: sessionmaker[Session]) -> Iterator[Session]:
    db = factory()
    yield db
    db.close()


def _closing(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as db:
        yield db


@pytest.mark.parametrize(("dependency", "left_checked_out"), [(_leaky, 1), (_closing, 0)])
def test_exception_thrown_at_yield_leaks_the_connection_unless_a_with_block_closes_it(
    engine: Engine, dependency, left_checked_out: int
) -> None:
    factory = sessionmaker(bind=engine)
    gen = dependency(factory)
    session = next(gen)
    session.execute(select(1))  # the session now holds a pooled connection
    # What FastAPI (and @contextmanager) do when the request raises:
    with pytest.raises(RuntimeError):
        gen.throw(RuntimeError("request failed"))
    assert engine.pool.checkedout() == left_checked_out  # type: ignore[attr-defined]
    session.close()


# --------------------------------------------------------------------------
# DB304 / DB306: each commit() is its own transaction
# --------------------------------------------------------------------------


def test_two_commits_leave_step_one_written_when_step_two_fails(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Account(id=1, email="a@example.com"))
        session.commit()
        session.add(Account(id=2, email="a@example.com"))  # duplicate email
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
    assert _count(engine) == 1  # half of the operation is persisted


def test_flush_then_one_commit_writes_nothing_when_step_two_fails(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Account(id=1, email="a@example.com"))
        session.flush()
        session.add(Account(id=2, email="a@example.com"))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
    assert _count(engine) == 0


def test_commit_per_row_keeps_the_rows_before_a_failure(engine: Engine) -> None:
    emails = ["a@example.com", "b@example.com", "a@example.com"]
    with Session(engine) as session:
        with pytest.raises(IntegrityError):
            for index, email in enumerate(emails):
                session.add(Account(id=index + 1, email=email))
                session.commit()
        session.rollback()
    assert _count(engine) == 2


def test_one_commit_after_the_loop_is_atomic(engine: Engine) -> None:
    emails = ["a@example.com", "b@example.com", "a@example.com"]
    with Session(engine) as session:
        for index, email in enumerate(emails):
            session.add(Account(id=index + 1, email=email))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
    assert _count(engine) == 0


# --------------------------------------------------------------------------
# DB307: read-modify-write in Python loses concurrent updates
# --------------------------------------------------------------------------


def _balance(engine: Engine) -> int:
    with Session(engine) as session:
        return session.get_one(Account, 1).balance


def test_interleaved_read_modify_write_loses_an_update(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Account(id=1, email="a@example.com", balance=100))
        session.commit()
    with Session(engine) as first, Session(engine) as second:
        a = first.get_one(Account, 1)
        b = second.get_one(Account, 1)  # both requests read 100
        a.balance -= 30
        first.commit()
        b.balance -= 50
        second.commit()
    assert _balance(engine) == 50  # not 20: the first withdrawal is lost


def test_interleaved_atomic_updates_keep_both(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Account(id=1, email="a@example.com", balance=100))
        session.commit()
    with Session(engine) as first, Session(engine) as second:
        first.get_one(Account, 1)
        second.get_one(Account, 1)
        first.execute(update(Account).where(Account.id == 1)
                      .values(balance=Account.balance - 30))
        first.commit()
        second.execute(update(Account).where(Account.id == 1)
                       .values(balance=Account.balance - 50))
        second.commit()
    assert _balance(engine) == 20


# --------------------------------------------------------------------------
# DB308: the request's session in a background task (FastAPI-version dependent)
# --------------------------------------------------------------------------


def _post(app: FastAPI, path: str) -> int:
    """One POST through the ASGI interface (no HTTP client library needed)."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
             "root_path": "", "query_string": b"", "headers": [],
             "client": ("test", 1), "server": ("test", 80)}
    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


def test_background_task_keeps_the_request_session_and_connection_checked_out(
    engine: Engine,
) -> None:
    """What the installed FastAPI does with a request session in a background task.

    FastAPI 0.106-0.117 ran a yield dependency's exit code *before* background
    tasks (a documented breaking change: "using resources from dependencies with
    yield in background tasks is no longer supported"). 0.118 reverted that: the
    exit code runs after the response is sent and after the background tasks. So
    with a current FastAPI the task shares the request's session, which keeps its
    pooled connection checked out for as long as the task runs.
    """
    with Session(engine) as session:
        session.add(Account(id=1, email="a@example.com", balance=100))
        session.commit()
    factory = sessionmaker(bind=engine)
    events: list[str] = []
    seen: dict[str, object] = {}

    def get_db() -> Iterator[Session]:
        with factory() as db:
            yield db
        events.append("dependency closed the session")

    def task(db: Session, account: Account) -> None:
        events.append("background task runs")
        seen["attached"] = account in db
        seen["checked_out"] = engine.pool.checkedout()  # type: ignore[attr-defined]

    app = FastAPI()

    @app.post("/touch")
    def touch(tasks: BackgroundTasks, db: Session = Depends(get_db)) -> dict[str, str]:
        account = db.get_one(Account, 1)
        tasks.add_task(task, db, account)
        return {"status": "ok"}

    assert _post(app, "/touch") == 200
    assert events == ["background task runs", "dependency closed the session"]
    assert seen == {"attached": True, "checked_out": 1}
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
