# select: DB1
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Item, Ledger, User


def find_user(db: Session, nickname: str):
    return db.scalars(select(User).where(User.nickname == nickname)).first()


def find_items(db: Session, title: str):
    return db.scalars(select(Item).where(Item.title == title).order_by(Item.owner_id)).all()


def ledgers_for(db: Session, account_id: int, email: str):
    return db.query(Ledger).filter(Ledger.account_id == account_id, Ledger.email == email).all()
