# select: DB603, DB201
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, selectinload

# posts/comments/author: lazy (default); tags: lazy="selectin".
from query_models import Post, User



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


async def streamed(session: AsyncSession):
    result = await session.stream(select(User))
    async for user in result.scalars():
        print(user.posts)  # DB603


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


async def get_with_options(session: AsyncSession):
    user = await session.get(User, 1, options=[selectinload(User.posts)])
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
