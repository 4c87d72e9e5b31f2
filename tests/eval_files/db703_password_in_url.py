# select: DB703
# The eval files live under tests/: narrow the test paths so this file is app code.
# flake8-fastapi-db: --db-test-paths=conftest.py
import os

from pydantic import Field
from pydantic_settings import BaseSettings
from sqlalchemy import URL, create_engine
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import settings

engine = create_engine("postgresql://app:S3cr3t-pw@db.internal/app")  # DB703
async_engine = create_async_engine(url="mysql+aiomysql://root:hunter2@10.0.0.5/app")  # DB703
SQLALCHEMY_DATABASE_URL = "postgresql+psycopg://app:S3cr3t-pw@db.internal:5432/app"  # DB703
db_url = "postgresql://app:S3cr3t-pw@db.internal/app"  # DB703
COMPOSE_DATABASE_URL = "postgresql://postgres:postgres@db:5432/app"  # DB703
ASYNC_DATABASE_URI = f"postgresql+asyncpg://app:S3cr3t-pw@{settings.DB_HOST}/app"  # DB703
PRIMARY = "postgresql://reporting:Rep0rt!ng@replica.internal/app"  # DB703
primary_engine = create_engine(PRIMARY)

DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://app:S3cr3t-pw@prod-db.internal/app")  # DB703
url = os.environ.get("DB_URL", "postgresql://app:S3cr3t-pw@prod-db.internal/app")  # DB703
fallback_database_url = os.environ.get("X") or "mysql://app:S3cr3t-pw@prod/app"  # DB703
os.environ["DATABASE_URL"] = "postgresql://app:S3cr3t-pw@db.internal/app"  # DB703
CONFIG = {"SQLALCHEMY_DATABASE_URI": "postgresql://app:S3cr3t-pw@db.internal/app"}  # DB703
configured = settings.copy(database_url="postgresql://app:S3cr3t-pw@db.internal/app")  # DB703


class Settings(BaseSettings):
    DATABASE_URL: str = "postgresql://app:S3cr3t-pw@db.internal/app"  # DB703
    replica_db_url: str = Field("postgresql://app:S3cr3t-pw@replica.internal/app")  # DB703
    other_database_url: str = Field(default="postgresql://app:S3cr3t-pw@other/app")  # DB703


class Service:
    def __init__(self) -> None:
        self.database_url = "postgresql://app:S3cr3t-pw@db.internal/app"  # DB703


# --- not reported -----------------------------------------------------------
NO_PASSWORD_DATABASE_URL = "postgresql://app@db.internal/app"
INTERPOLATED_DATABASE_URL = f"postgresql://{settings.DB_USER}:{settings.DB_PASSWORD}@db/app"
TEMPLATE_DATABASE_URL = "postgresql://{user}:{password}@{host}/{db}"
ENV_TEMPLATE_DATABASE_URL = "postgresql://app:${DB_PASSWORD}@db.internal/app"
DOC_DATABASE_URL = "postgresql://user:<password>@host/db"
MASKED_DATABASE_URL = "postgresql://app:****@db.internal/app"
DUMMY_DATABASE_URL = "postgresql://user:password@db.internal/app"
CHANGE_DATABASE_URL = "postgresql://app:changeme@db.internal/app"
PERCENT_DATABASE_URL = "postgresql://app:%(password)s@db.internal/app"
LOCAL_DATABASE_URL = "postgresql://postgres:postgres@localhost:5432/app"
LOOPBACK_DATABASE_URL = "mysql://root:root@127.0.0.1/app"
DEV_DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://app:dev@localhost/app")
SQLITE_DATABASE_URL = "sqlite:///./test.db"
REDIS_URL = "redis://:S3cr3t-pw@cache.internal:6379/0"
local_engine = create_engine("postgresql://app:dev@localhost/app")
url_object = URL.create("postgresql+psycopg", username="app", password=settings.DB_PASSWORD,
                        host="db.internal")
env_engine = create_engine(os.environ["DATABASE_URL"])
