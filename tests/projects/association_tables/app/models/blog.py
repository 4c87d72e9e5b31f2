# select: DB101,DB109,DB117
from sqlalchemy import ForeignKey, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .associations import post_tags
from .base import Base


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # many-to-many through the association table: never DB109
    tags: Mapped[list["Tag"]] = relationship(secondary=post_tags, back_populates="posts")


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[list[Post]] = relationship(secondary="post_tags", back_populates="tags")


class Bookmark(Base):
    """Association object with a PrimaryKeyConstraint in __table_args__."""

    __tablename__ = "bookmarks"
    __table_args__ = (PrimaryKeyConstraint("user_id", "post_id"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))  # DB101
