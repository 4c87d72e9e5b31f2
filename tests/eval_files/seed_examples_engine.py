# select: DB5
# The seed guide's engine code, verbatim apart from imports: §3 "Async Session
# Factory" (correct) and §6 "Pool Configuration", whose QueuePool on an async
# engine SQLAlchemy rejects at startup.
import os
from typing import AsyncGenerator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool, QueuePool

DATABASE_URL = os.environ["DATABASE_URL"]

# §3 Engine configuration
engine = create_async_engine(
    DATABASE_URL,
    echo=False,  # Set to True for debugging
    pool_size=20,  # Default connection pool size
    max_overflow=10,  # Extra connections when pool is exhausted
    pool_pre_ping=True,  # Verify connections before using
    pool_recycle=3600,  # Recycle connections after 1 hour
)

# Session factory
async_session_maker = async_sessionmaker(
    engine,
    class_=AsyncSession,
    expire_on_commit=False,  # Don't expire objects after commit
    autocommit=False,
    autoflush=False,
)


# Dependency for route handlers
async def get_db() -> AsyncGenerator[AsyncSession, None]:
    async with async_session_maker() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise
        finally:
            await session.close()


# §6 For async web servers (recommended)
engine = create_async_engine(
    DATABASE_URL,
    poolclass=QueuePool,  # DB502
    pool_size=20,  # Number of connections to maintain
    max_overflow=10,  # Additional connections when pool is full
    pool_timeout=30,  # Seconds to wait for a connection
    pool_recycle=3600,  # Recycle connections after 1 hour
    pool_pre_ping=True,  # Test connections before use
)

# For serverless/lambda (use NullPool)
engine_serverless = create_async_engine(
    DATABASE_URL,
    poolclass=NullPool,  # No connection pooling
)
