# select: DB212
from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, delete, func, insert, select, text, update, and_, or_, not_, Table, Column, Integer, String, MetaData
from sqlalchemy.orm import (
    DeclarativeBase, Load, Mapped, Session, contains_eager, defaultload, joinedload,
    mapped_column, raiseload, relationship, selectinload, subqueryload,
)


class Base(DeclarativeBase):
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Optional[str]]
    posts: Mapped[list["Post"]] = relationship(back_populates="author")
    tags: Mapped[list["Tag"]] = relationship(lazy="selectin")
    badges: Mapped[list["Badge"]] = relationship(lazy="dynamic")
    notes: Mapped[list["Note"]] = relationship(lazy=LAZY_STRATEGY)


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    author: Mapped[User] = relationship(back_populates="posts")
    comments: Mapped[list["Comment"]] = relationship()


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class Badge(Base):
    __tablename__ = "badges"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)



metadata = MetaData()
accounts = Table("accounts", metadata, Column("id", Integer, primary_key=True),
                 Column("owner", String(50)))
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
