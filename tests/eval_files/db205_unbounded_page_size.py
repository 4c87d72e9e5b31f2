# select: DB205
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
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, conint

router = APIRouter()


def get_db():
    ...


class Pagination(BaseModel):
    skip: int = 0
    limit: int = Field(100, ge=1)  # DB205


class BoundedPagination(BaseModel):
    skip: int = 0
    limit: int = Field(100, ge=1, le=100)


def paging(page: int = 1, per_page: int = 20):  # DB205
    return page, per_page


@router.get("/a")
def a(limit: int = 100):  # DB205
    return limit


@router.get("/b")
def b(page_size: int = Query(20, ge=1)):  # DB205
    return page_size


@router.get("/c")
def c(size: Optional[int] = None, per_page: Annotated[int, Query(ge=1)] = 10):  # DB205
    return size, per_page


@router.get("/d")
def d(p: Pagination = Depends()):
    return p


@router.get("/e")
def e(p: Annotated[tuple, Depends(paging)]):
    return p


# ---- does not trigger ----------------------------------------------------
@router.get("/f")
def f(limit: int = Query(100, le=1000), size: Annotated[int, Query(le=50)] = 10,
      page_size: conint(ge=1, le=100) = 20, per_page: Annotated[int, Field(lt=101)] = 20):
    return limit, size, page_size, per_page


@router.get("/g")
def g(p: BoundedPagination = Depends()):
    return p


@router.get("/h")
def h(limit: int = 100):
    limit = min(limit, 500)
    return limit


@router.get("/i")
def i(limit: int = 100):
    if limit > 500:
        raise ValueError(limit)
    return limit


@router.get("/j")
def j(size: str = "large", offset: int = 0, skip: int = 0):
    return size, offset, skip


def not_a_route(limit: int = 100):
    return limit
