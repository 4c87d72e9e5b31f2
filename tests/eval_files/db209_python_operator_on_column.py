# select: DB209
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
