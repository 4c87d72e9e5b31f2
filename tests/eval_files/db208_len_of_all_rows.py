# select: DB208
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def direct(session: Session):
    a = len(session.scalars(select(User)).all())  # DB208
    b = len(session.execute(select(User)).scalars().all())  # DB208
    c = len(session.query(User).all())  # DB208
    return a + b + c


async def through_names(session):
    stmt = select(User).where(User.name == "x")
    result = await session.execute(stmt)
    users = result.scalars().all()
    return {"count": len(users)}  # DB208


# ---- does not trigger ----------------------------------------------------
def counted_and_used(session: Session):
    users = session.scalars(select(User)).all()
    return {"count": len(users), "items": users}


def returning(session: Session):
    return len(session.execute(insert(User).returning(User.id), [{"name": "a"}]).all())


def count_in_sql(session: Session):
    return session.scalar(select(func.count()).select_from(User))


def unknown(session: Session, stmt):
    return len(session.execute(stmt).all())


def plain_list(items):
    return len(items)


# One finding per loaded list: the second len() of the same rows is not reported again.
def measured_twice(session: Session):
    users = session.scalars(select(User).where(User.name == "x")).all()
    if len(users) > 0:  # DB208
        raise ValueError(f"{len(users)} users")
