# select: DB203
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


def scalars_all(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    return session.scalars(stmt).all()  # DB203


def execute_variants(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    result = session.execute(stmt)
    a = result.scalars().one()  # DB203
    b = session.execute(stmt).one_or_none()  # DB203
    c = session.execute(stmt).scalar_one()  # DB203
    d = session.execute(stmt).scalar_one_or_none()  # DB203
    e = session.execute(stmt).fetchall()  # DB203
    f = session.execute(stmt).fetchmany(2)  # DB203
    g = session.execute(stmt).mappings().all()  # DB203
    return a, b, c, d, e, f, g


def iterated(session: Session):
    for user in session.scalars(select(User).options(joinedload(User.posts))):  # DB203
        print(user)
    rows = list(session.execute(select(User).options(joinedload(User.posts))))  # DB203
    return rows


async def awaited(session):
    result = await session.execute(select(User).options(joinedload(User.posts)))
    return result.scalars().all()  # DB203


def nested_collection_under_many_to_one(session: Session):
    stmt = select(Post).options(joinedload(Post.author).joinedload(User.posts))
    return session.scalars(stmt).all()  # DB203


# ---- does not trigger ----------------------------------------------------
def with_unique(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    a = session.scalars(stmt).unique().all()
    b = session.execute(stmt).unique().scalars().all()
    return a, b


def first_and_scalar(session: Session):
    stmt = select(User).options(joinedload(User.posts))
    return session.execute(stmt).first(), session.execute(stmt).scalar(), session.scalar(stmt)


def many_to_one(session: Session):
    return session.scalars(select(Post).options(joinedload(Post.author))).all()


def legacy_query(session: Session):
    return session.query(User).options(joinedload(User.posts)).all()


def selectin(session: Session):
    return session.scalars(select(User).options(selectinload(User.posts))).all()


def joined_below_selectin(session: Session):
    stmt = select(User).options(selectinload(User.posts).joinedload(Post.comments))
    return session.scalars(stmt).all()


def reported_once_at_the_consumer(session: Session):
    users = session.scalars(select(User).options(joinedload(User.posts))).unique().all()
    for user in users:
        print(user)
