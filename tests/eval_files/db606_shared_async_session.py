# select: DB606
import asyncio

import anyio
from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

app = FastAPI()
async_session = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"),
                                   expire_on_commit=False)


async def get_db():
    async with async_session() as session:
        yield session


async def fetch_user(db: AsyncSession, user_id: int):
    return await db.get(object, user_id)


async def fetch_own(user_id: int):
    async with async_session() as db:
        return await db.get(object, user_id)


@app.get("/dashboard")
async def dashboard(db: AsyncSession = Depends(get_db)):
    return await asyncio.gather(  # DB606
        db.scalar(select(object)),
        db.scalar(select(object)),
    )


async def helpers(db: AsyncSession):
    return await asyncio.gather(fetch_user(db, 1), fetch_user(db, 2))  # DB606


async def comprehension(db: AsyncSession, ids: list[int]):
    return await asyncio.gather(*[fetch_user(db, i) for i in ids])  # DB606


async def task_group(db: AsyncSession):
    async with asyncio.TaskGroup() as tg:  # DB606
        tg.create_task(fetch_user(db, 1))
        tg.create_task(db.get(object, 2))


async def task_group_loop(db: AsyncSession, ids: list[int]):
    async with asyncio.TaskGroup() as tg:  # DB606
        for i in ids:
            tg.create_task(fetch_user(db, i))


async def anyio_group(db: AsyncSession):
    async with anyio.create_task_group() as tg:  # DB606
        tg.start_soon(fetch_user, db, 1)
        tg.start_soon(fetch_user, db, 2)


async def built_list(db: AsyncSession, ids: list[int]):
    tasks = [fetch_user(db, i) for i in ids]
    return await asyncio.gather(*tasks)  # DB606


# One session per task stays silent.
async def per_task(ids: list[int]):
    return await asyncio.gather(*[fetch_own(i) for i in ids])


async def one_awaitable(db: AsyncSession):
    return await asyncio.gather(fetch_user(db, 1), fetch_own(2))


async def sequential(db: AsyncSession):
    return await fetch_user(db, 1), await fetch_user(db, 2)


async def task_group_own_sessions(ids: list[int]):
    async with asyncio.TaskGroup() as tg:
        for i in ids:
            tg.create_task(fetch_own(i))


async def factory_passed(ids: list[int]):
    return await asyncio.gather(*[use_factory(async_session, i) for i in ids])


async def use_factory(factory, user_id: int):
    async with factory() as db:
        return await db.get(object, user_id)


async def unknown(db, ids: list[int]):
    return await asyncio.gather(*[fetch_user(db, i) for i in ids])


async def built_list_own(ids: list[int]):
    tasks = [fetch_own(i) for i in ids]
    return await asyncio.gather(*tasks)
