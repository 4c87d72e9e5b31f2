# select: DB603, DB201
from datetime import datetime
from typing import Optional

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import DateTime, ForeignKey, func, select
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




async def get_then_access(session: AsyncSession):
    user = await session.get(User, 1)
    return user.posts  # DB603


async def scalars_one(session: AsyncSession):
    stmt = select(User).where(User.id == 1)
    user = (await session.scalars(stmt)).one()
    print(user.posts)  # DB603
    print(user.posts)


async def loop_is_db603_not_db201(session: AsyncSession):
    result = await session.execute(select(User))
    users = result.scalars().all()
    for user in users:
        print(user.posts)  # DB603


async def comprehension(session: AsyncSession):
    users = (await session.execute(select(User))).scalars().all()
    return [{"user": u, "posts": u.posts} for u in users]  # DB603


async def many_to_one(session: AsyncSession):
    post = await session.scalar(select(Post).where(Post.id == 1))
    return post.author  # DB603


async def nested_loaded_parent(session: AsyncSession):
    users = await session.scalars(select(User).options(selectinload(User.posts)))
    for user in users:
        for post in user.posts:
            print(post.comments)  # DB603


# ---- does not trigger ----------------------------------------------------
async def eager(session: AsyncSession):
    stmt = select(User).options(selectinload(User.posts))
    user = (await session.execute(stmt)).scalar_one()
    return user.posts


async def declared_selectin(session: AsyncSession):
    user = await session.get(User, 1)
    return user.tags


async def awaitable_attrs(session: AsyncSession):
    user = await session.get(User, 1)
    return await user.awaitable_attrs.posts


async def refreshed(session: AsyncSession):
    user = await session.get(User, 1)
    await session.refresh(user, ["posts"])
    return user.posts


async def not_awaited_is_a_sync_session(session):
    user = session.get(User, 1)
    return user.posts


def sync_single_object(session: Session):
    user = session.get(User, 1)
    return user.posts


async def sync_session_loop_is_db201(session: Session):
    for user in session.scalars(select(User)):
        print(user.posts)  # DB201


async def created_here(session: AsyncSession):
    user = User(name="x")
    session.add(user)
    return user.posts
