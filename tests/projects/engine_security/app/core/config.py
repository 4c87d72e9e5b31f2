# flake8-fastapi-db: --db-test-paths=engine_security/tests/*
# Settings module: URLs and options that app/db.py, the routes and the
# migrations import.
import os

from pydantic_settings import BaseSettings

DATABASE_URL = os.environ["DATABASE_URL"]
REPORTING_URL = "postgresql+psycopg://reporting@replica.internal/app"
SQLITE_URL = "sqlite:///./app.db"
LEGACY_DATABASE_URL = "mysql+pymysql://legacy:L3gacy-pw@legacy.internal/app"  # DB703
AUDIT_TABLE = "audit_log"


class Settings(BaseSettings):
    database_url: str = "postgresql://postgres:postgres@localhost:5432/app"
    echo_sql: bool = False


settings = Settings()
