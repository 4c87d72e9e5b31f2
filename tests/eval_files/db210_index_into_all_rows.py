# select: DB210
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def index_all(session: Session, db):
    a = session.scalars(select(User)).all()[0]  # DB210
    b = session.execute(select(User)).scalars().all()[0]  # DB210
    c = session.execute(select(User)).all()[-1]  # DB210
    d = list(session.scalars(select(User)))[0]  # DB210
    e = db.query(User).all()[0]  # DB210
    f = session.execute(select(User)).fetchall()[0]  # DB210
    return a, b, c, d, e, f


async def through_names(session):
    result = await session.execute(select(User))
    return result.scalars().all()[0]  # DB210


# ---- does not trigger ----------------------------------------------------
def fine(session: Session, items, qs, stmt, i):
    a = session.scalars(select(User)).first()
    b = items.all()[0]
    c = qs.all()[0]
    d = session.execute(stmt).all()[0]
    e = session.scalars(select(User)).all()[i]
    f = list(items)[0]
    return a, b, c, d, e, f
