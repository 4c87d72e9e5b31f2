# select: DB4
# flake8-fastapi-db: --db-test-paths=conftest.py
"""The FastAPI application; its lifespan creates the schema itself."""
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import create_async_engine

from app import models

async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")


@asynccontextmanager
async def lifespan(application: FastAPI):
    async with async_engine.begin() as conn:
        await conn.run_sync(models.Base.metadata.create_all)  # DB401
    yield
    await async_engine.dispose()


app = FastAPI(lifespan=lifespan)
