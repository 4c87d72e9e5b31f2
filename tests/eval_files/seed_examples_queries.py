# select: DB2, DB603
# The seed guide's §2 query examples, verbatim bodies, on a model whose `posts`
# relationship keeps the default lazy loading (as in the seed's §1 anti-pattern).
from datetime import datetime
from typing import List, Optional

from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import DateTime, ForeignKey, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, joinedload, mapped_column, relationship
from sqlalchemy.orm import selectinload

app = FastAPI()


class Base(DeclarativeBase):
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)
    username: Mapped[str] = mapped_column(unique=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    posts: Mapped[List["Post"]] = relationship("Post", back_populates="author")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    published: Mapped[bool] = mapped_column(default=False)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    author: Mapped["User"] = relationship("User", back_populates="posts")


class UserCreate(BaseModel):
    email: str
    username: str
    password: str


async def get_db():
    ...


def hash_password(password: str) -> str:
    return password


# Problem: N+1 Queries. The AsyncSession makes the access raise MissingGreenlet
# (DB603) rather than issue N queries. The list assembled by hand from every user
# is still unpaginated (DB204).
@app.get("/users-with-posts")
async def get_users_with_posts(db: AsyncSession = Depends(get_db)):  # DB204
    # 1 query to get all users
    result = await db.execute(select(User))
    users = result.scalars().all()

    response = []
    for user in users:  # N queries (one per user)
        response.append({
            "user": user,
            "posts": user.posts  # DB603
        })
    return response


# Solution 1: Eager Loading with selectinload (DB204 only: still unpaginated)
@app.get("/users-with-posts")
async def get_users_with_posts_selectin(db: AsyncSession = Depends(get_db)):  # DB204
    stmt = select(User).options(selectinload(User.posts))
    result = await db.execute(stmt)
    users = result.scalars().all()
    return users


# Solution 2: Eager Loading with joinedload (unique() present: no DB203)
@app.get("/users-with-posts")
async def get_users_with_posts_joined(db: AsyncSession = Depends(get_db)):  # DB204
    stmt = select(User).options(joinedload(User.posts))
    result = await db.execute(stmt)
    users = result.unique().scalars().all()  # unique() is important with joinedload
    return users


# Solution 3: Explicit JOIN Query (rows are iterated for their entities only;
# DB204: every published post, unpaginated)
@app.get("/posts-with-authors")
async def get_posts_with_authors(db: AsyncSession = Depends(get_db)):  # DB204
    stmt = (
        select(Post, User)
        .join(User, Post.author_id == User.id)
        .where(Post.published == True)  # noqa: E712
    )
    result = await db.execute(stmt)
    return [{"post": post, "author": author} for post, author in result]


class PaginationParams(BaseModel):
    skip: int = Field(0, ge=0, description="Number of records to skip")
    limit: int = Field(100, ge=1, le=100, description="Max number of records to return")


class UserFilter(BaseModel):
    is_active: Optional[bool] = None
    search: Optional[str] = None


# Pagination and Filtering: offset without order_by (DB206); the search pattern
# starts with '%' (DB211, off by default).
@app.get("/users")
async def list_users(
    pagination: PaginationParams = Depends(),
    filters: UserFilter = Depends(),
    db: AsyncSession = Depends(get_db)
):
    stmt = select(User)

    # Apply filters
    if filters.is_active is not None:
        stmt = stmt.where(User.is_active == filters.is_active)

    if filters.search:
        search_pattern = f"%{filters.search}%"
        stmt = stmt.where(
            (User.username.ilike(search_pattern)) |  # DB211
            (User.email.ilike(search_pattern))  # DB211
        )

    # Count total before pagination
    count_stmt = select(func.count()).select_from(stmt.subquery())
    total = await db.scalar(count_stmt)

    # Apply pagination
    stmt = stmt.offset(pagination.skip).limit(pagination.limit)  # DB206

    result = await db.execute(stmt)
    users = result.scalars().all()

    return {
        "total": total,
        "items": users,
        "skip": pagination.skip,
        "limit": pagination.limit
    }


# Batch Operations: bulk insert and bulk update are what DB207 asks for.
@app.post("/users/bulk")
async def bulk_create_users(
    users: List[UserCreate],
    db: AsyncSession = Depends(get_db)
):
    users_data = [
        {
            "email": user.email,
            "username": user.username,
            "hashed_password": hash_password(user.password),
        }
        for user in users
    ]
    stmt = insert(User).values(users_data)
    stmt = stmt.on_conflict_do_nothing(index_elements=['email'])
    await db.execute(stmt)
    await db.commit()
    return {"created": len(users_data)}


@app.patch("/posts/publish-all")
async def publish_all_posts(
    post_ids: List[int],
    db: AsyncSession = Depends(get_db)
):
    stmt = (
        update(Post)
        .where(Post.id.in_(post_ids))
        .values(published=True, updated_at=func.now())
    )
    result = await db.execute(stmt)
    await db.commit()
    return {"updated": result.rowcount}
