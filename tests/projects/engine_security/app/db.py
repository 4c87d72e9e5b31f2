# Engines built from the settings module.
from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from app.core.config import DATABASE_URL, REPORTING_URL, SQLITE_URL, settings

# URL from the environment, but pool sizing: a server database.
engine = create_async_engine(DATABASE_URL, pool_size=10, max_overflow=5)  # DB501, DB506
# A literal postgresql URL imported from the settings module.
reporting_engine = create_engine(REPORTING_URL, pool_recycle=1800)  # DB501
# A literal SQLite URL: no pre-ping needed.
cache_engine = create_engine(SQLITE_URL)
# Settings URL, no sizing: could be anything.
settings_engine = create_async_engine(settings.database_url, echo=settings.echo_sql)

SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


def build_engine():
    """Engine factory called once from the lifespan handler."""
    return create_async_engine(DATABASE_URL, pool_pre_ping=True)


@lru_cache
def get_reporting_engine():
    return create_engine(REPORTING_URL, pool_pre_ping=True, pool_recycle=1800)
