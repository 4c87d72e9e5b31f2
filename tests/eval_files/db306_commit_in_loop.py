# select: DB306
import asyncio

from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)


def import_users(db: Session, users):
    for user in users:
        db.add(user)
        db.commit()  # DB306


async def import_async(db: AsyncSession, users):
    for user in users:
        db.add(user)
        await db.commit()  # DB306


def drain(db: Session, queue):
    while queue:
        db.add(queue.pop())
        db.commit()  # DB306


def nested_loops(db: Session, groups):
    for group in groups:
        for user in group:
            db.add(user)
            if user.flush_now:
                db.commit()  # DB306


def comprehension(db: Session, users):
    return [db.commit() for user in users if db.add(user) is None]  # DB306


def connection_loop(rows):
    with engine.connect() as conn:
        for row in rows:
            conn.execute(row)
            conn.commit()  # DB306


# One commit after the loop is the fix.
def import_once(db: Session, users):
    for user in users:
        db.add(user)
    db.commit()


def per_item_session(jobs):
    # A new session per iteration: each job is its own unit of work.
    for job in jobs:
        with SessionLocal() as db:
            db.add(job)
            db.commit()


async def worker(db: AsyncSession, queue: asyncio.Queue):
    # A service loop, not a loop over rows.
    while True:
        job = await queue.get()
        db.add(job)
        await db.commit()


def loop_over_commit_result(db: Session):
    for _ in [db.commit()]:
        pass


def unknown_receiver(repo, items):
    for item in items:
        repo.commit()


# A retry loop: the commit succeeds once, then the loop is left.
def create_with_retries(db: Session, make_rows):
    for _ in range(10):
        db.add_all(make_rows())
        try:
            db.commit()
        except IntegrityError:
            db.rollback()
            continue
        else:
            break


def create_with_retries_return(db: Session, make_row):
    for _ in range(3):
        try:
            db.add(make_row())
            db.commit()
            return True
        except IntegrityError:
            db.rollback()
    return False
