# select: DB209
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def python_operators(session: Session, ids, flag):
    session.scalars(select(User).where(User.name is None))  # DB209
    session.scalars(select(User).where(User.name is not None))  # DB209
    session.scalars(select(User).where(User.id in ids))  # DB209
    session.scalars(select(User).where(User.id not in ids))  # DB209
    session.scalars(select(User).where(not User.name))  # DB209
    session.scalars(select(User).where(User.id == 1 and User.name == "x"))  # DB209
    session.scalars(select(User).filter(User.id == 1 or User.name == "x"))  # DB209
    session.scalars(select(User).where(and_(User.id > 1, User.name is None)))  # DB209
    session.scalars(select(User).where(or_(User.id == 1 and User.id == 2, User.id == 3)))  # DB209
    session.query(User).filter(User.name is None)  # DB209
    session.execute(select(accounts).where(accounts.c.owner is None))  # DB209
    session.scalars(select(User).join(Post, Post.author_id == User.id and Post.id > 1))  # DB209
    session.scalars(select(User.name).group_by(User.name).having(not func.count(User.id)))  # DB209


# ---- does not trigger ----------------------------------------------------
def sql_operators(session: Session, ids, flag, value):
    session.scalars(select(User).where(User.name.is_(None)))
    session.scalars(select(User).where(User.name.is_not(None)))
    session.scalars(select(User).where(User.id.in_(ids)))
    session.scalars(select(User).where(~User.id.in_(ids)))
    session.scalars(select(User).where(and_(User.id == 1, User.name == "x")))
    session.scalars(select(User).where(or_(User.id == 1, User.name == "x")))
    session.scalars(select(User).where(not_(User.name == "x")))
    session.scalars(select(User).where((User.id == 1) & (User.name == "x")))
    session.scalars(select(User).join(Post, Post.author_id == User.id))


def python_values(session: Session, flag, value, ids):
    session.scalars(select(User).where(User.name == (value or "default")))
    session.scalars(select(User).where(User.id == (1 if flag else 2)))
    session.scalars(select(User).where(User.id.in_([i for i in ids if i is not None])))


def not_sqlalchemy(df, frame):
    df.where(frame.a is None)
