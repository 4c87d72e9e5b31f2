# Routes that create engines per request, leak database errors and format SQL.
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import AUDIT_TABLE, DATABASE_URL
from app.db import SessionLocal, get_reporting_engine

router = APIRouter(prefix="/items")


async def get_session():
    async with SessionLocal() as session:
        yield session


def get_legacy_engine():
    return create_engine(DATABASE_URL)  # DB505


@router.get("/report")
def report(legacy=Depends(get_legacy_engine), reporting=Depends(get_reporting_engine)):
    adhoc = create_engine(DATABASE_URL)  # DB505
    with adhoc.connect() as conn:
        return list(conn.execute(text(f"SELECT count(*) FROM {AUDIT_TABLE}")))


@router.post("/")
async def create_item(name: str, session: AsyncSession = Depends(get_session)):
    try:
        await session.execute(text("INSERT INTO items (name) VALUES (:name)"), {"name": name})
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise HTTPException(409, detail=f"duplicate item: {exc}") from exc  # DB702
    except SQLAlchemyError as exc:
        await session.rollback()
        return JSONResponse(status_code=500, content={"detail": "database error"})
    return {"name": name}


@router.get("/search")
async def search(column: str, session: AsyncSession = Depends(get_session)):
    result = await session.execute(text(f"SELECT * FROM items ORDER BY {column}"))  # DB701
    return result.all()
