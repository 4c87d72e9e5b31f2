# select: DB208
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


def direct(session: Session):
    a = len(session.scalars(select(User)).all())  # DB208
    b = len(session.execute(select(User)).scalars().all())  # DB208
    c = len(session.query(User).all())  # DB208
    return a + b + c


async def through_names(session):
    stmt = select(User).where(User.name == "x")
    result = await session.execute(stmt)
    users = result.scalars().all()
    return {"count": len(users)}  # DB208


# ---- does not trigger ----------------------------------------------------
def counted_and_used(session: Session):
    users = session.scalars(select(User)).all()
    return {"count": len(users), "items": users}


def returning(session: Session):
    return len(session.execute(insert(User).returning(User.id), [{"name": "a"}]).all())


def count_in_sql(session: Session):
    return session.scalar(select(func.count()).select_from(User))


def unknown(session: Session, stmt):
    return len(session.execute(stmt).all())


def plain_list(items):
    return len(items)
