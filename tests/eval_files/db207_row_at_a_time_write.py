# select: DB207
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


def add_in_loop(session: Session, rows):
    for row in rows:
        session.add(User(name=row))  # DB207
    session.commit()


def merge_and_delete(db: Session, users, stale):
    for user in users:
        db.merge(user)  # DB207
    for user in stale:
        db.delete(user)  # DB207
    db.commit()


async def execute_dml(session, ids):
    for i in ids:
        await session.execute(update(User).where(User.id == i).values(name="x"))  # DB207
        await session.execute(delete(Post).where(Post.author_id == i))  # DB207
        stmt = insert(Post).values(author_id=i)
        await session.execute(stmt)  # DB207
    await session.commit()


class Repository:
    def __init__(self, session: Session):
        self.session = session

    def save_all(self, users):
        for user in users:
            self.session.add(user)  # DB207


def evidence_from_usage(uow, users):
    for user in users:
        uow.add(user)  # DB207
    uow.flush()


# ---- does not trigger ----------------------------------------------------
def add_all(session: Session, rows):
    session.add_all([User(name=r) for r in rows])
    session.commit()


def bulk_insert(session: Session, rows):
    session.execute(insert(User), [{"name": r} for r in rows])


def chunked_executemany(session: Session, chunks):
    for chunk in chunks:
        session.execute(insert(User), chunk)


def commit_each_iteration_is_db306(session: Session, rows):
    for row in rows:
        session.add(User(name=row))
        session.commit()


def a_set_is_not_a_session(rows):
    seen = set()
    for row in rows:
        seen.add(row)
    return seen


def http_client(client, ids):
    for i in ids:
        client.delete(f"/users/{i}")


def select_in_loop_is_not_a_write(session: Session, ids):
    for i in ids:
        session.execute(select(User).where(User.id.in_([i])))
