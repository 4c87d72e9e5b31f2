# select: DB304
from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

app = FastAPI()
engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    with SessionLocal() as db:
        yield db


def register(db: Session, user, profile):
    db.add(user)
    db.commit()
    db.refresh(user)
    profile.user_id = user.id
    db.add(profile)
    db.commit()  # DB304


async def register_async(db: AsyncSession, user, profile):
    db.add(user)
    await db.commit()
    db.add(profile)
    await db.commit()  # DB304
    # Nothing is written after the previous commit: this one commits nothing.
    await db.commit()


def save_then_read(db: Session, message):
    db.add(message)
    db.commit()
    db.refresh(message)
    found = db.get(type(message), message.id)
    # Reads only since the first commit: nothing is split across transactions.
    db.commit()
    return found


@app.post("/orders")
def create_order(order, db: Session = Depends(get_db)):
    db.add(order)
    db.commit()
    if order.paid:
        db.add(order.invoice)
        db.commit()  # DB304


def local_session(user):
    with SessionLocal() as db:
        db.add(user)
        db.commit()
        user.active = True
        db.commit()  # DB304


# Exclusive branches, early exits and commit-then-refresh stay silent.
def commit_then_refresh(db: Session, user):
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def branches(db: Session, user, admin: bool):
    if admin:
        db.add(user)
        db.commit()
    else:
        db.delete(user)
        db.commit()


def early_return(db: Session, user, dry: bool):
    if dry:
        db.commit()
        return None
    db.add(user)
    db.commit()
    return user


def early_raise(db: Session, user):
    if user is None:
        db.commit()
        raise HTTPException(404)
    db.commit()


def try_except(db: Session, user):
    try:
        db.add(user)
        db.commit()
    except ValueError:
        db.rollback()
        db.commit()


def two_handlers(db: Session, user):
    try:
        db.add(user)
    except ValueError:
        db.commit()
    except KeyError:
        db.commit()


def match_cases(db: Session, user, action: str):
    match action:
        case "add":
            db.add(user)
            db.commit()
        case "delete":
            db.delete(user)
            db.commit()


def two_sessions(user, log):
    with SessionLocal() as first, SessionLocal() as second:
        first.add(user)
        first.commit()
        second.add(log)
        second.commit()


def unknown_receiver(repo, user):
    # Not a known session: could be anything with a commit() method.
    repo.commit()
    repo.commit()


def nested(db: Session, user):
    db.commit()

    def later():
        db.commit()

    return later


def two_blocks(user, log):
    # The same name for two sessions, each committed once.
    with SessionLocal() as session:
        session.add(user)
        session.commit()
    with SessionLocal() as session:
        session.add(log)
        session.commit()


def two_assignments(user, log):
    session = SessionLocal()
    session.add(user)
    session.commit()
    session.close()
    session = SessionLocal()
    session.add(log)
    session.commit()
    session.close()


# A leading commit only ends the caller's transaction before taking a lock;
# the function's own work is committed once.
def bump_counter(db: Session, counter_id, counter_cls):
    """Start from a fresh transaction."""
    db.commit()
    db.execute(counter_cls.__table__.update().values(n=counter_cls.n + 1))
    db.commit()


async def bump_counter_async(db: AsyncSession, stmt):
    await db.commit()
    await db.execute(stmt)
    await db.commit()


# Not leading: something is written before the first commit.
def write_then_bump(db: Session, row, stmt):
    db.add(row)
    db.commit()
    db.execute(stmt)
    db.commit()  # DB304
