# select: DB305
import logging
import sqlite3

from fastapi import HTTPException
from sqlalchemy import exc
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
SessionLocal = sessionmaker()


def create(db: Session, user):
    db.add(user)
    try:
        db.commit()
    except IntegrityError:  # DB305
        return None
    return user


async def create_async(db: AsyncSession, user):
    db.add(user)
    try:
        await db.flush()
    except SQLAlchemyError as error:  # DB305
        log.warning("flush failed: %s", error)
    return user


def broad(db: Session, user):
    try:
        db.add(user)
        db.commit()
    except Exception:  # DB305
        log.exception("commit failed")


def bare(db: Session, user):
    try:
        db.commit()
    except:  # DB305
        pass


def qualified(db: Session, user):
    try:
        db.commit()
    except (ValueError, exc.IntegrityError):  # DB305
        pass


def driver_error(repo, user):
    # A driver error names the database even when the session is unknown.
    try:
        repo.commit()
    except sqlite3.IntegrityError:  # DB305
        pass


# Handlers that roll back or re-raise are fine.
def rollback(db: Session, user):
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        return None


def reraise(db: Session, user):
    try:
        db.commit()
    except IntegrityError as error:
        raise HTTPException(409, "already exists") from error


def reraise_bare(db: Session, user):
    try:
        db.commit()
    except Exception:
        log.exception("commit failed")
        raise


async def async_rollback(db: AsyncSession, user):
    try:
        await db.commit()
    except IntegrityError:
        await db.rollback()


def begin_block(db: Session, user):
    with db.begin():
        try:
            db.add(user)
            db.flush()
        except IntegrityError:
            pass


def commit_inside_begin(db: Session, user):
    try:
        with db.begin_nested():
            db.add(user)
            db.flush()
    except IntegrityError:
        pass


def helper_rolls_back(db: Session, user):
    try:
        db.commit()
    except IntegrityError:
        handle_failure(db)


def handle_failure(db: Session):
    db.rollback()


def other_errors(db: Session, user):
    try:
        db.commit()
    except ValueError:
        pass


def broad_unknown_receiver(repo, user):
    # Exception around a commit of an unknown object: silent.
    try:
        repo.commit()
    except Exception:
        pass


def no_commit_in_try(db: Session, user):
    try:
        user.validate()
    except Exception:
        pass
    db.commit()


def scope_block(user):
    # The with block owns the session: leaving it on the error closes it first.
    try:
        with SessionLocal() as session:
            session.add(user)
            session.commit()
    except IntegrityError:
        pass


# The handler falls through into a raise right after the try.
async def delete_stale(db: AsyncSession, row):
    try:
        await db.delete(row)
        await db.commit()
    except Exception:
        print("could not delete the stale row")
    raise HTTPException(status_code=404)


# The handler checks whether the session is still usable and stops.
async def load_all(db: AsyncSession, rows):
    for row in rows:
        try:
            db.add(row)
            await db.flush()
        except Exception:
            print("could not add", row)
            if not db.is_active:
                break


# The inner handler catches everything the flush raises: the outer one
# never sees it (only the inner one is reported).
async def sync_rows(db: AsyncSession, rows):
    for row in rows:
        try:
            try:
                db.add(row)
                await db.flush()
            except Exception:  # DB305
                print("could not update", row)
        except Exception:
            print("error handling", row)
