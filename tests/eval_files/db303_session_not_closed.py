# select: DB303
from contextlib import asynccontextmanager, contextmanager

import pytest

from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)
async_session = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"),
                                   expire_on_commit=False)


def get_db():
    db = SessionLocal()  # DB303
    yield db
    db.close()


def get_db_unclosed():
    db = SessionLocal()  # DB303
    yield db


def get_db_try_without_finally():
    db = Session(engine)  # DB303
    try:
        yield db
    except Exception:
        db.rollback()
        raise


async def get_async_db():
    session = async_session()  # DB303
    yield session
    await session.close()


def get_db_inline():
    yield SessionLocal()  # DB303


@contextmanager
def session_scope():
    session = SessionLocal()  # DB303
    yield session
    session.commit()
    session.close()


# The correct forms.
def get_db_with():
    with SessionLocal() as db:
        yield db


def get_db_finally():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db_with():
    async with async_session() as session:
        yield session


async def get_async_db_finally():
    session = async_session()
    try:
        yield session
        await session.commit()
    except Exception:
        await session.rollback()
        raise
    finally:
        await session.close()


def get_db_with_existing():
    db = SessionLocal()
    with db:
        yield db


@asynccontextmanager
async def scoped_async():
    async with async_session.begin() as session:
        yield session


def make_session():
    # Not a generator: returns the session to a caller that owns it.
    return SessionLocal()


def rows():
    # Yields rows, not the session.
    with SessionLocal() as db:
        for row in db.execute("SELECT 1"):
            yield row


@pytest.fixture
def db_session():
    # pytest runs the code after yield even when the test fails.
    session = SessionLocal()
    yield session
    session.close()
