# select: DB702
import logging
import sqlite3

import asyncpg
import psycopg
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import exc
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.db import get_db
from app.models import User

logger = logging.getLogger(__name__)
router = APIRouter()


@router.post("/users")
def create_user(payload: dict, db: Session = Depends(get_db)):
    try:
        db.add(User(**payload))
        db.commit()
    except IntegrityError as e:
        db.rollback()
        raise HTTPException(status_code=409, detail=str(e))  # DB702
    except OperationalError as e:
        raise HTTPException(503, repr(e))  # DB702
    except exc.DataError as e:
        raise HTTPException(400, detail=f"bad data: {e}")  # DB702
    except exc.ProgrammingError as e:
        raise HTTPException(500, detail=f"{e!r}")  # DB702
    except DBAPIError as e:
        raise HTTPException(500, detail=str(e.orig))  # DB702
    except SQLAlchemyError as e:
        raise HTTPException(500, detail={"error": e.args})  # DB702


@router.put("/users/{user_id}")
async def update_user(user_id: int, db: AsyncSession = Depends(get_db)):
    try:
        await db.commit()
    except (IntegrityError, ValueError) as err:
        message = "update failed: %s" % err
        raise HTTPException(409, detail=message)  # DB702
    except SQLAlchemyError as err:
        return JSONResponse(status_code=500, content={"error": str(err)})  # DB702
    except exc.StatementError as err:
        return PlainTextResponse("failed: {}".format(err), status_code=500)  # DB702


@router.delete("/users/{user_id}")
async def delete_user(user_id: int, session: AsyncSession = Depends(get_db)):
    try:
        await session.execute(User.__table__.delete().where(User.id == user_id))
        await session.commit()
    except Exception as e:
        await session.rollback()
        raise StarletteHTTPException(500, detail=f"delete failed: {e}")  # DB702
    return {"deleted": user_id}


@router.get("/stats")
def stats(db: Session = Depends(get_db)):
    try:
        return db.scalar(User.__table__.count())
    except Exception as e:
        return {"error": str(e)}  # DB702


@router.post("/raw")
async def raw(pool=Depends(get_db)):
    try:
        await pool.execute("INSERT INTO t VALUES (1)")
    except asyncpg.UniqueViolationError as e:
        raise HTTPException(409, detail=str(e))  # DB702
    except psycopg.errors.UniqueViolation as e:
        raise HTTPException(409, detail=str(e))  # DB702
    except sqlite3.IntegrityError as e:
        raise HTTPException(409, detail=str(e))  # DB702


# --- not reported -----------------------------------------------------------
@router.post("/users/safe")
def create_user_safely(payload: dict, db: Session = Depends(get_db)):
    try:
        db.add(User(**payload))
        db.commit()
    except IntegrityError as e:
        db.rollback()
        logger.exception("could not create user: %s", e)
        logger.error(str(e))
        raise HTTPException(status_code=409, detail="User already exists") from e
    except OperationalError as e:
        raise HTTPException(503, detail=f"database unavailable ({type(e).__name__})") from e
    except DBAPIError as e:
        raise HTTPException(500, detail=f"error code {e.orig.pgcode} / {e.code}") from e
    except SQLAlchemyError:
        raise HTTPException(500, detail="Internal error")


@router.get("/external")
async def call_external(client=Depends(get_db)):
    # A generic exception around calls that are not database calls.
    try:
        result = await client.fetch_remote()
        workflow = result.workflow
        workflow.execute()
    except Exception as e:
        raise HTTPException(502, detail=str(e))
    return result


@router.get("/validate")
def validate(value: str, db: Session = Depends(get_db)):
    try:
        number = int(value)
        db.commit()
    except ValueError as e:
        raise HTTPException(422, detail=str(e))
    return number


def describe_error(db: Session) -> str:
    # Not a route: what it returns does not go to a client by itself.
    try:
        db.commit()
    except IntegrityError as e:
        return str(e)
    return ""


class AttachmentConflictError(Exception):
    pass


@router.post("/deployments")
async def create_deployment(session: AsyncSession = Depends(get_db)):
    try:
        await session.commit()
    except Exception as exc:
        await session.rollback()
        if isinstance(exc, AttachmentConflictError):
            # Narrowed to an application error: its message is meant for the client.
            raise HTTPException(status_code=409, detail=str(exc)) from exc
        if isinstance(exc, IntegrityError):
            raise HTTPException(status_code=409, detail=str(exc)) from exc  # DB702
        raise
