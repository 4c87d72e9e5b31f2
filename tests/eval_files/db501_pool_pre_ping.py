# select: DB501
import os

import sqlalchemy as sa
import sqlmodel
from sqlalchemy import URL, create_engine, make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

from app.config import settings

SERVER_URL = "postgresql+psycopg://app@db.internal/app"
SQLITE_URL = "sqlite:///./app.db"
AMBIGUOUS_URL = "postgresql://app@db.internal/app"
if os.getenv("LOCAL"):
    AMBIGUOUS_URL = "sqlite:///./local.db"

# Literal URLs with a server dialect.
e1 = create_engine("postgresql://app@db.internal/app")  # DB501
e2 = create_async_engine("postgresql+asyncpg://app@db.internal/app")  # DB501
e3 = create_engine("mysql+pymysql://app@db.internal/app")  # DB501
e4 = create_engine("mariadb+mariadbconnector://app@db.internal/app")  # DB501
e5 = create_engine("mssql+pyodbc://app@dsn")  # DB501
e6 = create_engine("oracle+oracledb://app@db.internal/app")  # DB501
e7 = create_engine("cockroachdb://app@db.internal/app")  # DB501
e8 = sa.create_engine(url="postgresql://app@db.internal/app")  # DB501
e9 = sqlmodel.create_engine("postgresql://app@db.internal/app")  # DB501
# A name bound to a literal in the same module.
e10 = create_engine(SERVER_URL)  # DB501
# An f-string with a literal scheme, make_url() and URL.create() of a literal driver.
e11 = create_engine(f"postgresql://{settings.DB_USER}@{settings.DB_HOST}/app")  # DB501
e12 = create_engine(make_url("postgresql://app@db.internal/app"))  # DB501
e13 = create_engine(URL.create("postgresql+psycopg", host=settings.DB_HOST))  # DB501
# Unknown URL, but pool sizing arguments: a server database.
e14 = create_engine(settings.DATABASE_URL, pool_size=10)  # DB501
e15 = create_async_engine(os.environ["DATABASE_URL"], max_overflow=5)  # DB501
e16 = create_engine(settings.DATABASE_URL, pool_timeout=30)  # DB501
e17 = create_engine(SERVER_URL, poolclass=QueuePool)  # DB501

POOL_OPTIONS = {"pool_size": 20, "max_overflow": 10}
e18 = create_engine(settings.DATABASE_URL, **POOL_OPTIONS)  # DB501


def make_engine():
    url = "postgresql://app@db.internal/app"
    return create_engine(url, **dict(pool_size=5))  # DB501


def make_engine_conditionally(url: str, sqlite: bool):
    options = {"pool_size": 5}
    if not sqlite:
        options["pool_pre_ping"] = True
    return create_engine(url, **options)


def make_engine_from_unknown_options(url: str, options: dict):
    return create_engine(url, pool_size=5, **options)


# Not reported: URL not known and no sizing (could be SQLite).
ok1 = create_engine(settings.DATABASE_URL)
ok2 = create_async_engine(os.environ["DATABASE_URL"], pool_recycle=1800)
ok3 = create_engine(str(settings.SQLALCHEMY_DATABASE_URI))
# SQLite, even with sizing arguments.
ok4 = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
ok5 = create_engine(SQLITE_URL, poolclass=QueuePool, pool_size=5)
ok6 = create_async_engine("sqlite+aiosqlite:///./app.db")
# Unpooled engines.
ok7 = create_engine("postgresql://app@db.internal/app", poolclass=NullPool)
ok8 = create_engine("postgresql://app@db.internal/app", poolclass=StaticPool)
# pool_pre_ping given (any expression, also through a literal mapping).
ok9 = create_engine("postgresql://app@db.internal/app", pool_pre_ping=True)
ok10 = create_engine(settings.DATABASE_URL, pool_size=5, pool_pre_ping=settings.PRE_PING)
ok11 = create_engine(SERVER_URL, **{"pool_pre_ping": True})
# A name bound twice: its dialect is unknown.
ok12 = create_engine(AMBIGUOUS_URL)
# An unknown pool class.
ok13 = create_engine(SERVER_URL, poolclass=settings.POOL_CLASS)
# Not SQLAlchemy's create_engine.
ok14 = settings.create_engine("postgresql://app@db.internal/app")


def make_file_engine(url: str, creator):
    # Sizing, but the function shows the URL may be SQLite: not certainly a server.
    pool_size = 1 if url.startswith("sqlite") else 5
    return create_async_engine(url, async_creator=creator, pool_size=pool_size)


def make_local_engine(url: str):
    return create_engine(url, pool_size=1, connect_args={"check_same_thread": False})
