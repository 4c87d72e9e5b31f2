# select: DB307
from fastapi import Depends, FastAPI
from sqlalchemy import ForeignKey, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

app = FastAPI()


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    balance: Mapped[int]
    visits: Mapped[int]
    entries: Mapped[list["Entry"]] = relationship(back_populates="account")


class Entry(Base):
    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    account: Mapped[Account] = relationship(back_populates="entries")


def get_db():
    yield None


def withdraw(db: Session, account_id: int, amount: int):
    account = db.get(Account, account_id)
    account.balance -= amount  # DB307
    db.commit()


async def deposit(db: AsyncSession, account_id: int, amount: int):
    account = await db.get(Account, account_id)
    account.balance = account.balance + amount  # DB307
    await db.commit()


async def visit(db: AsyncSession, account_id: int):
    result = await db.execute(select(Account).where(Account.id == account_id))
    account = result.scalar_one()
    stmt = select(Account).where(Account.id == account_id)
    again = (await db.execute(stmt)).scalar_one_or_none()
    again.visits += 1  # DB307
    return account


def scalars_first(db: Session, account_id: int):
    account = db.scalars(select(Account).where(Account.id == account_id)).first()
    account.visits = 1 + account.visits  # DB307


def legacy_query(db: Session, account_id: int):
    account = db.query(Account).filter(Account.id == account_id).one()
    account.balance *= 2  # DB307


@app.post("/pay/{account_id}")
def pay(account_id: int, amount: int, db: Session = Depends(get_db)):
    account = db.scalar(select(Account).where(Account.id == account_id))
    account.balance -= amount  # DB307
    db.commit()


# Locked reads, atomic updates, new objects and relationships stay silent.
def locked(db: Session, account_id: int, amount: int):
    stmt = select(Account).where(Account.id == account_id).with_for_update()
    account = db.scalars(stmt).one()
    account.balance -= amount


def locked_inline(db: Session, account_id: int, amount: int):
    account = db.execute(
        select(Account).where(Account.id == account_id).with_for_update()
    ).scalar_one()
    account.balance -= amount


async def locked_get(db: AsyncSession, account_id: int, amount: int):
    account = await db.get(Account, account_id, with_for_update=True)
    account.balance -= amount


def atomic(db: Session, account_id: int, amount: int):
    db.execute(update(Account).where(Account.id == account_id)
               .values(balance=Account.balance - amount))


def created(db: Session, amount: int):
    account = Account(balance=0, visits=0)
    account.balance += amount
    db.add(account)


def plain_set(db: Session, account_id: int):
    account = db.get(Account, account_id)
    account.visits = 0


def relationship_append(db: Session, account_id: int, entry: Entry):
    account = db.get(Account, account_id)
    account.entries += [entry]


def dict_get(cache: dict, key: str):
    counter = cache.get(key, None)
    counter.hits += 1


def parameter_object(account: Account, amount: int):
    account.balance -= amount


def fallback_update(db: Session, account_id: int, form):
    # A fallback to the old value is not arithmetic on it.
    account = db.get(Account, account_id)
    account.balance = form.balance or account.balance
    account.visits = form.get("visits", account.visits)


def scaled(db: Session, account_id: int, rate: int):
    account = db.get(Account, account_id)
    account.balance = rate * account.balance + 1  # DB307


def wrapped(db: Session, account_id: int, amount: int):
    account = db.get(Account, account_id)
    account.balance = (  # DB307
        account.balance - amount
    )


def copied_from_another_object(db: Session, account_id: int, other_id: int):
    # ``db_account.balance = account.balance + 1`` modifies a different object.
    account = db.get(Account, account_id)
    db_account = db.get(Account, other_id)
    db_account.balance = account.balance + 1
