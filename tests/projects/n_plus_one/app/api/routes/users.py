# select: DB2, DB603
from fastapi import Depends, Query
from fastapi_pagination import Page
from fastapi_pagination.ext.sqlalchemy import paginate
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, selectinload

from app import models
from app.deps import get_async_db, get_db
from app.models import Post, User
from app.schemas import UserOut, UserSummary

from ..router import router


@router.get("/report")
def report(db: Session = Depends(get_db), limit: int = Query(50, le=100)):
    users = db.scalars(select(User).order_by(User.id).limit(limit)).all()
    return {u.name: len(u.posts) for u in users}  # DB201


@router.get("/report-async")
async def report_async(db: AsyncSession = Depends(get_async_db),
                       limit: int = Query(50, le=100)):
    result = await db.execute(select(models.User).order_by(models.User.id).limit(limit))
    out = {}
    for user in result.scalars():
        out[user.name] = [p.title for p in user.posts]  # DB603
    return out


@router.get("/users", response_model=list[UserOut])
def list_users(db: Session = Depends(get_db)):  # DB204, DB212
    return db.scalars(select(User)).all()


@router.get("/users-eager", response_model=list[UserOut])
async def list_users_eager(db: AsyncSession = Depends(get_async_db),
                           limit: int = Query(50, le=100)):
    stmt = select(User).options(selectinload(User.posts)).order_by(User.id).limit(limit)
    users = (await db.scalars(stmt)).all()
    for user in users:
        print(user.name, len(user.posts), len(user.tags))
    return users


@router.get("/authors")
def authors(db: Session = Depends(get_db), limit: int = Query(50, le=100)):
    posts = db.scalars(select(Post).options(selectinload(Post.author)).limit(limit))
    return [p.author.name for p in posts]


@router.get("/summary", response_model=Page[UserSummary])
def summary(db: Session = Depends(get_db)):
    return paginate(db, select(User).order_by(User.id))


@router.get("/columns")
def columns(db: Session = Depends(get_db), limit: int = Query(50, le=100)):
    return [(u.id, u.name, u.author_id) for u in db.scalars(select(User).limit(limit))]


@router.get("/tags")
async def tags(db: AsyncSession = Depends(get_async_db)):
    user = await db.get(User, 1)
    return [t.id for t in user.tags]
