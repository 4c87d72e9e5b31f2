# select: DB502
import sqlalchemy
from sqlalchemy import create_engine, pool
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import (
    AsyncAdaptedQueuePool,
    NullPool,
    QueuePool,
    SingletonThreadPool,
    StaticPool,
)

from app.config import settings

a1 = create_async_engine(settings.DATABASE_URL, poolclass=QueuePool)  # DB502
a2 = create_async_engine(settings.DATABASE_URL, poolclass=SingletonThreadPool)  # DB502
a3 = create_async_engine(settings.DATABASE_URL, poolclass=pool.QueuePool)  # DB502
a4 = create_async_engine(settings.DATABASE_URL, poolclass=sqlalchemy.QueuePool)  # DB502
a5 = create_async_engine(
    settings.DATABASE_URL,
    pool_pre_ping=True,
    poolclass=sqlalchemy.pool.QueuePool,  # DB502
)

ASYNC_OPTIONS = {
    "pool_pre_ping": True,
    "poolclass": QueuePool,  # DB502
}
a6 = create_async_engine(settings.DATABASE_URL, **ASYNC_OPTIONS)

# Async-capable pools.
ok1 = create_async_engine(settings.DATABASE_URL, poolclass=AsyncAdaptedQueuePool)
ok2 = create_async_engine(settings.DATABASE_URL, poolclass=NullPool)
ok3 = create_async_engine(settings.DATABASE_URL, poolclass=StaticPool)
# Sync engines may use them.
ok4 = create_engine(settings.DATABASE_URL, poolclass=QueuePool)
ok5 = create_engine("sqlite://", poolclass=SingletonThreadPool)
# A pool class held in a variable or a project class is not followed.
ok6 = create_async_engine(settings.DATABASE_URL, poolclass=settings.POOL)


def conditional(url: str, serverless: bool):
    options = {}
    if not serverless:
        options["poolclass"] = QueuePool
    return create_async_engine(url, **options)
