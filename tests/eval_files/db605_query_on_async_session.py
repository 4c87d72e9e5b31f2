# select: DB605
from typing import Annotated, Optional

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session

app = FastAPI()
async_session = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"),
                                   expire_on_commit=False)


async def get_db():
    async with async_session() as session:
        yield session


AsyncDB = Annotated[AsyncSession, Depends(get_db)]


@app.get("/users")
async def users(db: AsyncSession = Depends(get_db)):
    return db.query(object).all()  # DB605


@app.get("/count")
async def count(db: AsyncDB):
    return db.query(object).count()  # DB605


async def local():
    async with async_session() as session:
        return session.query(object).first()  # DB605


# select() on an AsyncSession, query() on a sync Session stay silent.
@app.get("/good")
async def good(db: AsyncDB):
    return (await db.scalars(select(object))).all()


def sync_query(db: Session):
    return db.query(object).all()


async def unknown(db):
    return db.query(object).all()


class TenantSession(AsyncSession):
    pass


async def subclass(db: TenantSession):
    return db.query(object).all()  # DB605


async def string_annotation(db: "AsyncSession"):
    return db.query(object).all()  # DB605


async def optional(db: Optional[AsyncSession] = None, other: AsyncSession | None = None):
    db.query(object).all()  # DB605
    return other.query(object).all()  # DB605
