# select: DB101,DB4
"""Models. Their foreign-key indexes live in the migrations, not here."""
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    nickname: Mapped[str | None] = mapped_column(String(50))


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    # revision a1 creates ix_posts_author_id: indexed, not reported
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str | None] = mapped_column(String(200))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    # revision a1 creates ix_comments_post_id, the later revision c3 drops it by name
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))  # DB101
    # added by revision c3 without an index
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # DB101
    body: Mapped[str] = mapped_column(String(2000))
