# select: DB506
import os

from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool, StaticPool

from app.config import settings

MYSQL_URL = "mysql+pymysql://app@db.internal/app"

d1 = create_engine(MYSQL_URL, pool_pre_ping=True)  # DB506
d2 = create_async_engine("postgresql+asyncpg://app@db/app", pool_pre_ping=True)  # DB506
d3 = create_engine(settings.DATABASE_URL, pool_size=10, pool_pre_ping=True)  # DB506

ok1 = create_engine(MYSQL_URL, pool_pre_ping=True, pool_recycle=1800)
ok2 = create_engine("sqlite:///./app.db")
ok3 = create_engine(MYSQL_URL, poolclass=NullPool)
ok4 = create_engine(MYSQL_URL, poolclass=StaticPool)
ok5 = create_engine(settings.DATABASE_URL)
ok6 = create_engine(os.environ["DATABASE_URL"], **settings.ENGINE_OPTIONS)
ok7 = create_engine(MYSQL_URL, **{"pool_recycle": 3600, "pool_pre_ping": True})
