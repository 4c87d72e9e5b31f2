# select: DB3,DB6
from fastapi import APIRouter, BackgroundTasks, Depends
from sqlalchemy import select

from app import db as database
from app.db import SessionLocal, get_db
from app.deps import SessionDep
from app.models import Account
from app.services import charge, open_account

router = APIRouter()


def notify(db, account_id: int) -> None:
    db.get(Account, account_id)


def notify_own_session(account_id: int) -> None:
    with SessionLocal() as db:
        db.get(Account, account_id)


@router.get("/accounts")
async def list_accounts(db: SessionDep):
    return db.scalars(select(Account)).all()  # DB601


@router.get("/accounts/{account_id}")
async def read_account(account_id: int, db=Depends(get_db)):
    return db.get(Account, account_id)  # DB601


@router.post("/accounts")
def create_account(owner: str, db: SessionDep):
    return open_account(db, owner)


@router.post("/accounts/{account_id}/charge")
def charge_account(account_id: int, amount: int, db: SessionDep):
    charge(db, account_id, amount)


@router.get("/report")
def report():
    db = database.SessionLocal()  # DB302
    try:
        return db.scalars(select(Account)).all()
    finally:
        db.close()


@router.post("/accounts/{account_id}/notify")
def notify_account(account_id: int, tasks: BackgroundTasks, db: SessionDep):
    tasks.add_task(notify, db, account_id)  # DB308
    tasks.add_task(notify_own_session, account_id)
