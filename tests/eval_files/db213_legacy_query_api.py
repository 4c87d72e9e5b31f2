# select: DB213
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts


def legacy(session: Session, db):
    a = session.query(User).all()  # DB213
    b = db.query(User.id, User.name).filter(User.id > 1).first()  # DB213
    c = db.query(func.count(User.id)).scalar()  # DB213
    return a, b, c


# ---- does not trigger ----------------------------------------------------
def modern(session: Session, es, request):
    a = session.scalars(select(User)).all()
    b = es.query("match_all")
    c = request.query
    return a, b, c
