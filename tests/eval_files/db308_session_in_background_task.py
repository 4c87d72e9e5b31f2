# select: DB308
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

router = APIRouter()
SessionLocal = sessionmaker(bind=create_engine("sqlite://"))


def get_db():
    with SessionLocal() as db:
        yield db


SessionDep = Annotated[Session, Depends(get_db)]


def send_email(db: Session, user_id: int):
    db.get(object, user_id)


def send_email_own_session(user_id: int):
    with SessionLocal() as db:
        db.get(object, user_id)


@router.post("/a")
def positional(background_tasks: BackgroundTasks, db: Session = Depends(get_db)):
    background_tasks.add_task(send_email, db, 1)  # DB308


@router.post("/b")
def keyword(tasks: BackgroundTasks, db: SessionDep):
    tasks.add_task(send_email, db=db, user_id=1)  # DB308


@router.post("/c")
async def route_param(tasks: BackgroundTasks, db: AsyncSession):
    tasks.add_task(send_email, db, 1)  # DB308


def service(tasks: BackgroundTasks, db: Annotated[Session, Depends(get_db)]):
    # A dependency (not a route) that received the session through Depends.
    tasks.add_task(send_email, db, 1)  # DB308


# The background function opening its own session is the fix.
@router.post("/d")
def own_session(tasks: BackgroundTasks, db: SessionDep):
    tasks.add_task(send_email_own_session, 1)


def plain_helper(tasks: BackgroundTasks, db: Session):
    # Not a route and not injected: the caller owns the session.
    tasks.add_task(send_email, db, 1)


@router.post("/e")
def not_background_tasks(queue, db: SessionDep):
    queue.add_task(send_email, db, 1)


@router.post("/f")
def local_session(tasks: BackgroundTasks):
    db = SessionLocal()
    tasks.add_task(send_email, db, 1)
