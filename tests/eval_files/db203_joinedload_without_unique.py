# select: DB203
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def scalars_all(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    return session.scalars(stmt).all()  # DB203


def execute_variants(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    result = session.execute(stmt)
    a = result.scalars().one()  # DB203
    b = session.execute(stmt).one_or_none()  # DB203
    c = session.execute(stmt).scalar_one()  # DB203
    d = session.execute(stmt).scalar_one_or_none()  # DB203
    e = session.execute(stmt).fetchall()  # DB203
    f = session.execute(stmt).fetchmany(2)  # DB203
    g = session.execute(stmt).mappings().all()  # DB203
    return a, b, c, d, e, f, g


def iterated(session: Session):
    for user in session.scalars(select(User).options(joinedload(User.posts))):  # DB203
        print(user)
    rows = list(session.execute(select(User).options(joinedload(User.posts))))  # DB203
    for row in rows:
        print(row)
    return rows


async def awaited(session):
    result = await session.execute(select(User).options(joinedload(User.posts)))
    return result.scalars().all()  # DB203


def nested_collection_under_many_to_one(session: Session):
    stmt = select(Post).options(joinedload(Post.author).joinedload(User.posts))
    return session.scalars(stmt).all()  # DB203


# ---- does not trigger ----------------------------------------------------
def with_unique(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    a = session.scalars(stmt).unique().all()
    b = session.execute(stmt).unique().scalars().all()
    return a, b


def first_and_scalar(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    return session.execute(stmt).first(), session.execute(stmt).scalar(), session.scalar(stmt)


def many_to_one(session: Session):
    return session.scalars(select(Post).options(joinedload(Post.author))).all()


def legacy_query(session: Session):
    return session.query(User).options(joinedload(User.posts)).all()


def selectin(session: Session):
    return session.scalars(select(User).options(selectinload(User.posts))).all()


def joined_below_selectin(session: Session):
    stmt = select(User).options(selectinload(User.posts).joinedload(Post.comments))
    return session.scalars(stmt).all()


def reported_once_at_the_consumer(session: Session):
    users = session.scalars(select(User).options(joinedload(User.posts))).unique().all()
    for user in users:
        print(user)
