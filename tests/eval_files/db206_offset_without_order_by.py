# select: DB206
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def chained(session: Session, skip: int):
    return session.scalars(select(User).offset(skip).limit(10)).all()  # DB206


def incremental(session: Session, skip: int, name: str | None):
    stmt = select(User)
    if name:
        stmt = stmt.where(User.name == name)
    stmt = stmt.offset(skip).limit(10)  # DB206
    return session.scalars(stmt).all()


def legacy(session: Session, skip: int):
    return session.query(User).offset(skip).limit(10).all()  # DB206


# ---- does not trigger ----------------------------------------------------
def ordered_before(session: Session, skip: int):
    return session.scalars(select(User).order_by(User.id).offset(skip).limit(10)).all()


def ordered_after(session: Session, skip: int):
    return session.scalars(select(User).offset(skip).order_by(User.id).limit(10)).all()


def ordered_incrementally(session: Session, skip: int):
    stmt = select(User).order_by(User.id)
    stmt = stmt.where(User.name == "x")
    stmt = stmt.offset(skip)
    return session.scalars(stmt).all()


def ordered_later(session: Session, skip: int):
    stmt = select(User).offset(skip)
    stmt = stmt.order_by(User.id)
    return session.scalars(stmt).all()


def limit_only(session: Session):
    return session.scalars(select(User).limit(10)).all()


def offset_zero(session: Session):
    return session.scalars(select(User).offset(0).limit(10)).all()


def statement_from_elsewhere(session: Session, stmt, skip: int):
    return session.scalars(stmt.offset(skip)).all()


def handed_to_helper(session: Session, skip: int):
    stmt = select(User).offset(skip)
    stmt = apply_sorting(stmt)
    return session.scalars(stmt).all()


def apply_sorting(stmt):
    return stmt
