# select: DB505
import functools
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Security
from sqlalchemy import create_engine, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

from app.config import settings

engine = create_engine(settings.DATABASE_URL)


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.engine = create_async_engine(settings.DATABASE_URL)
    yield
    await app.state.engine.dispose()


app = FastAPI(lifespan=lifespan)
router = APIRouter()


@app.get("/health")
def health():
    local = create_engine(settings.DATABASE_URL)  # DB505
    with local.connect() as conn:
        conn.execute(text("SELECT 1"))
    return {"ok": True}


@router.post("/reports")
async def build_report():
    report_engine = create_async_engine(settings.REPORTS_URL)  # DB505
    async with report_engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


def get_db():
    per_request = create_engine(settings.DATABASE_URL)  # DB505
    with Session(per_request) as session:
        yield session


def get_reporting_engine():
    return create_engine(settings.REPORTS_URL)  # DB505


async def get_audit_engine():
    return create_async_engine(settings.AUDIT_URL)  # DB505


def get_token_engine():
    return create_engine(settings.TOKENS_URL)  # DB505


@lru_cache
def get_cached_engine():
    return create_engine(settings.DATABASE_URL)


@functools.lru_cache(maxsize=1)
def get_cached_engine_2():
    return create_engine(settings.DATABASE_URL)


@functools.cache
def get_cached_engine_3():
    return create_engine(settings.DATABASE_URL)


def build_engine_for_scripts():
    # A plain factory, not used as a dependency in this file.
    return create_engine(settings.DATABASE_URL)


@app.get("/items", dependencies=[Depends(get_token_engine)])
def list_items(
    db: Session = Depends(get_db),
    reporting=Depends(get_reporting_engine),
    audit: Annotated[object, Depends(get_audit_engine)] = None,
    cached=Depends(get_cached_engine),
    cached2=Security(get_cached_engine_2),
    cached3=Depends(get_cached_engine_3),
):
    def helper():
        # A nested helper: reported only where it is itself a route or dependency.
        return create_engine(settings.DATABASE_URL)

    return []


@app.on_event("startup")
def startup():
    app.state.other = create_engine(settings.OTHER_URL)


if __name__ == "__main__":
    script_engine = create_engine(settings.DATABASE_URL)
