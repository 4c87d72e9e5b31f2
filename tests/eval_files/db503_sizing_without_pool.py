# select: DB503
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool, NullPool, QueuePool, StaticPool

from app.config import settings

b1 = create_engine(settings.DATABASE_URL, poolclass=NullPool, pool_size=5)  # DB503
b2 = create_engine(settings.DATABASE_URL, poolclass=StaticPool, max_overflow=5)  # DB503
b3 = create_async_engine(settings.DATABASE_URL, poolclass=NullPool, pool_timeout=30)  # DB503
b4 = create_async_engine(
    settings.DATABASE_URL,
    pool_size=20,
    max_overflow=10,
    poolclass=NullPool,  # DB503
)
SERVERLESS = {"poolclass": NullPool, "pool_size": 1}  # DB503
b5 = create_async_engine(settings.DATABASE_URL, **SERVERLESS)

# Pools that accept sizing arguments, and unpooled engines without them.
ok1 = create_engine(settings.DATABASE_URL, poolclass=QueuePool, pool_size=5)
ok2 = create_async_engine(settings.DATABASE_URL, poolclass=AsyncAdaptedQueuePool,
                          max_overflow=5)
ok3 = create_async_engine(settings.DATABASE_URL, poolclass=NullPool)
ok4 = create_engine("sqlite://", poolclass=StaticPool, pool_recycle=300)


def conditional(url: str, serverless: bool):
    # Added in exclusive branches: never both at run time.
    options = {}
    if serverless:
        options["poolclass"] = NullPool
    else:
        options["pool_size"] = 20
    return create_engine(url, **options)
