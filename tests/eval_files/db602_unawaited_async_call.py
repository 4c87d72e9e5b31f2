# select: DB602
import asyncio

from fastapi import Depends, FastAPI
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import (
    AsyncSession,
    async_scoped_session,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel.ext.asyncio.session import AsyncSession as SQLModelAsyncSession

app = FastAPI()
engine = create_async_engine("sqlite+aiosqlite://")
async_session = async_sessionmaker(engine, expire_on_commit=False)


async def get_db():
    async with async_session() as session:
        yield session


async def save(db: AsyncSession, obj):
    db.add(obj)
    db.commit()  # DB602


@app.post("/items")
async def create(obj, db: AsyncSession = Depends(get_db)):
    db.add(obj)
    db.flush()  # DB602
    db.refresh(obj)  # DB602
    rows = db.execute(select(object)).scalars()  # DB602
    result = db.execute(select(object))  # DB602
    return result.scalars().all(), rows


async def untyped(db=Depends(get_db)):
    db.delete(object())  # DB602


async def local():
    async with async_session() as session:
        session.execute(text("SELECT 1"))  # DB602
        session.close()  # DB602


async def connection_and_engine():
    async with engine.connect() as conn:
        conn.execute(text("SELECT 1"))  # DB602
        conn.commit()  # DB602
    engine.dispose()  # DB602


# Awaited calls, plain methods and coroutines handed on stay silent.
async def correct(db: AsyncSession, obj, other):
    db.add(obj)
    db.add_all([other])
    db.expunge(other)
    db.expire(obj)
    await db.commit()
    await db.refresh(obj)
    result = await db.execute(select(object))
    return result.scalars().all()


async def handed_on(db: AsyncSession):
    task = asyncio.create_task(db.execute(text("SELECT 1")))
    pending = db.scalar(text("SELECT 1"))
    value = await pending
    gathered = await asyncio.gather(db.scalar(text("SELECT 2")))
    shielded = await asyncio.wait_for(db.scalar(text("SELECT 3")), timeout=1)
    return task, value, gathered, shielded


async def returned(db: AsyncSession):
    return db.execute(text("SELECT 1"))


async def begin_blocks(db: AsyncSession):
    async with db.begin():
        db.add(object())
    async with engine.begin() as conn:
        await conn.execute(text("SELECT 1"))


async def passed(db: AsyncSession, runner):
    coro = db.commit()
    runner(coro)


async def sqlmodel_exec(session: SQLModelAsyncSession):
    session.exec(select(object))  # DB602
    session.add(object())


ScopedAsync = async_scoped_session(async_session, scopefunc=asyncio.current_task)


async def scoped_registry():
    ScopedAsync.commit()  # DB602
    await ScopedAsync.remove()
