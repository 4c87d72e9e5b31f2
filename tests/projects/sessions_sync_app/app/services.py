# select: DB3,DB6
from sqlalchemy.orm import Session

from app.models import Account


def open_account(db: Session, owner: str) -> Account:
    account = Account(balance=0)
    db.add(account)
    db.commit()
    db.refresh(account)
    return account


def open_two(db: Session) -> None:
    db.add(Account(balance=0))
    db.commit()
    db.add(Account(balance=0))
    db.commit()  # DB304


def charge(db: Session, account_id: int, amount: int) -> None:
    account = db.get(Account, account_id)
    account.balance -= amount  # DB307
    db.commit()
