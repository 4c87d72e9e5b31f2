# select: DB212
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts
from typing import Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

router = APIRouter()


def get_db():
    ...


class CommentOut(BaseModel):
    id: int


class PostOut(BaseModel):
    id: int
    comments: list[CommentOut]


class UserBase(BaseModel):
    id: int
    posts: list[PostOut]


class UserOut(UserBase):
    name: Optional[str]


class UserFlat(BaseModel):
    id: int
    name: Optional[str]


class UserAliased(BaseModel):
    id: int
    items: list[PostOut] = Field(alias="posts")


class PostWithAuthor(BaseModel):
    id: int
    author: UserFlat


@router.get("/users", response_model=list[UserOut])
def list_users(db: Session = Depends(get_db)):  # DB212
    return db.scalars(select(User).limit(10)).all()


@router.get("/users-async")
async def list_users_async(db=Depends(get_db)) -> list[UserOut]:  # DB212
    result = await db.execute(select(User).limit(10))
    users = result.scalars().all()
    return users


@router.get("/user/{user_id}", response_model=UserOut)
async def one_user_async(user_id: int, db=Depends(get_db)):  # DB212
    return await db.get(User, user_id)


@router.get("/user-sync/{user_id}", response_model=UserOut)
def one_user_sync_nested(user_id: int, db: Session = Depends(get_db)):  # DB212
    stmt = select(User).where(User.id == user_id).options(selectinload(User.posts))
    return db.scalars(stmt).one()


@router.get("/posts", response_model=list[PostWithAuthor])
def posts_with_author(db: Session = Depends(get_db)):  # DB212
    return db.scalars(select(Post).limit(10)).all()


# ---- does not trigger ----------------------------------------------------
@router.get("/eager", response_model=list[UserOut])
def eager(db: Session = Depends(get_db)):
    stmt = select(User).options(selectinload(User.posts).selectinload(Post.comments))
    return db.scalars(stmt.limit(10)).all()


@router.get("/flat", response_model=list[UserFlat])
def flat(db: Session = Depends(get_db)):
    return db.scalars(select(User).limit(10)).all()


@router.get("/aliased", response_model=list[UserAliased])
def aliased_field(db: Session = Depends(get_db)):
    return db.scalars(select(User).limit(10)).all()


@router.get("/one-sync/{user_id}", response_model=UserFlat)
def one_sync(user_id: int, db: Session = Depends(get_db)):
    return db.get(User, user_id)


@router.get("/one-sync-lazy/{user_id}", response_model=PostWithAuthor)
def one_sync_single_lazy(user_id: int, db: Session = Depends(get_db)):
    return db.get(Post, user_id)


@router.get("/helper", response_model=list[UserOut])
def helper(db: Session = Depends(get_db)):
    return load(db)


@router.get("/none", response_model=None)
def no_model(db: Session = Depends(get_db)):
    return db.scalars(select(User).limit(10)).all()


def load(db):
    return []
