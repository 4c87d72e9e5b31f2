"""Async engine and session factory, used by the order endpoints."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import (
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import QueuePool

ASYNC_DATABASE_URL = os.environ["SHOP_ASYNC_DATABASE_URL"]

# Pool settings copied from a blog post; asyncio engines need an async pool.
engine = create_async_engine(ASYNC_DATABASE_URL, poolclass=QueuePool)  # expect: DB502
async_session = async_sessionmaker(engine, class_=AsyncSession)  # expect: DB604


async def get_async_db() -> AsyncIterator[AsyncSession]:
    """FastAPI dependency: one AsyncSession per request."""
    async with async_session() as session:
        yield session
