# select: DB5, DB7
# flake8-fastapi-db: --db-test-paths=conftest.py
# Common correct engine/URL/error-handling code from FastAPI applications: nothing
# here may be reported.
import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, HTTPException
from pydantic import PostgresDsn, computed_field
from pydantic_core import MultiHostUrl
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import URL, create_engine, make_url, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    POSTGRES_SERVER: str = "localhost"
    POSTGRES_USER: str = "postgres"
    POSTGRES_PASSWORD: str = ""
    POSTGRES_DB: str = "app"
    DATABASE_URL: str = "sqlite:///./test.db"
    ECHO_SQL: bool = False

    @computed_field
    @property
    def SQLALCHEMY_DATABASE_URI(self) -> PostgresDsn:
        return MultiHostUrl.build(
            scheme="postgresql+psycopg",
            username=self.POSTGRES_USER,
            password=self.POSTGRES_PASSWORD,
            host=self.POSTGRES_SERVER,
            path=self.POSTGRES_DB,
        )


settings = Settings()

# The FastAPI tutorial's SQLite setup.
SQLALCHEMY_DATABASE_URL = "sqlite:///./sql_app.db"
# SQLALCHEMY_DATABASE_URL = "postgresql://user:password@postgresserver/db"
engine = create_engine(SQLALCHEMY_DATABASE_URL, connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)

# URLs from settings, make_url() and URL.create() with the password from settings.
app_engine = create_engine(str(settings.SQLALCHEMY_DATABASE_URI), pool_pre_ping=True)
parsed_engine = create_async_engine(
    make_url(settings.DATABASE_URL).set(drivername="postgresql+asyncpg"),
    echo=settings.ECHO_SQL,
)
url = URL.create(
    "postgresql+psycopg",
    username=settings.POSTGRES_USER,
    password=settings.POSTGRES_PASSWORD,
    host=settings.POSTGRES_SERVER,
    database=settings.POSTGRES_DB,
)
created_engine = create_engine(url, pool_pre_ping=True, pool_recycle=1800)


def build_engine():
    return create_async_engine(settings.DATABASE_URL, pool_pre_ping=True, pool_size=10,
                               pool_recycle=1800)


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.engine = build_engine()
    app.state.sessions = async_sessionmaker(app.state.engine, expire_on_commit=False)
    yield
    await app.state.engine.dispose()


app = FastAPI(lifespan=lifespan)


def get_db():
    with SessionLocal() as session:
        yield session


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    try:
        db.execute(text("INSERT INTO items (name) VALUES (:name)"), {"name": name})
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        logger.warning("duplicate item %s: %s", name, exc)
        raise HTTPException(status_code=409, detail="Item already exists") from exc
    except Exception:
        db.rollback()
        logger.exception("could not create item")
        raise HTTPException(status_code=500, detail="Internal server error")
    return {"name": name}


@app.get("/health")
async def health():
    async with app.state.sessions() as session:
        session: AsyncSession
        await session.execute(text("SELECT 1"))
    return {"ok": True}
