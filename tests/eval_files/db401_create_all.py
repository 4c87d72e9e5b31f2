# select: DB401
# flake8-fastapi-db: --db-test-paths=conftest.py
"""Schema created by the application instead of migrations."""
from contextlib import asynccontextmanager

import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy import MetaData, create_engine
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_base, mapped_column, registry
from sqlmodel import SQLModel

from somewhere_else import ExternalBase, schema_manager


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)


LegacyBase = declarative_base()
mapper_registry = registry()
GeneratedBase = mapper_registry.generate_base()
metadata_obj = MetaData()
target_metadata = Base.metadata

engine = create_engine("sqlite:///app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///app.db")

Base.metadata.create_all(engine)  # DB401
Base.metadata.create_all(bind=engine, checkfirst=True)  # DB401
SQLModel.metadata.create_all(engine)  # DB401
User.metadata.create_all(engine)  # DB401
LegacyBase.metadata.create_all(engine)  # DB401
mapper_registry.metadata.create_all(engine)  # DB401
GeneratedBase.metadata.create_all(engine)  # DB401
metadata_obj.create_all(engine)  # DB401
target_metadata.create_all(engine)  # DB401
sa.MetaData().create_all(engine)  # DB401


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)  # DB401
        await conn.run_sync(lambda sync_conn: SQLModel.metadata.create_all(sync_conn))  # DB401
    yield


def init_db() -> None:
    local_meta = MetaData()
    local_meta.create_all(engine)  # DB401


def setup(metadata: MetaData, manager) -> None:
    # a parameter: what the caller passes is not known here
    metadata.create_all(engine)
    manager.create_all()


def rebind() -> None:
    meta = MetaData()
    meta = schema_manager.metadata
    meta.create_all(engine)


# unknown objects with a create_all() of their own
schema_manager.create_all(engine)
ExternalBase.metadata.create_all(engine)
Base.metadata.drop_all(engine)
app = FastAPI(lifespan=lifespan)


def shadowed(Base) -> None:
    # the parameter hides the module's Base
    Base.metadata.create_all(engine)


def rebound_base() -> None:
    base = Base
    base.metadata.create_all(engine)
