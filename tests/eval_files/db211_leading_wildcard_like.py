# select: DB211
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def search(session: Session, text_: str):
    session.scalars(select(User).where(User.name.like("%son")))  # DB211
    session.scalars(select(User).where(User.name.ilike(f"%{text_}%")))  # DB211
    session.scalars(select(User).where(User.name.ilike("%" + text_)))  # DB211
    session.scalars(select(User).where(User.name.notilike("%{}".format(text_))))  # DB211
    pattern = f"%{text_}"
    session.scalars(select(User).where(User.name.ilike(pattern)))  # DB211


# ---- does not trigger ----------------------------------------------------
def prefix(session: Session, text_: str, pattern):
    session.scalars(select(User).where(User.name.like("son%")))
    session.scalars(select(User).where(User.name.ilike(f"{text_}%")))
    session.scalars(select(User).where(User.name.ilike(pattern)))
    session.scalars(select(User).where(User.name == "%"))
