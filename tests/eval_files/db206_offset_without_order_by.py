# select: DB206
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
