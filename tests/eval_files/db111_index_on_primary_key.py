# select: DB111
from datetime import datetime
from typing import List, Optional

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql import func
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


# The seed guide's "good" models, verbatim: its id columns carry a redundant index.
class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)  # DB111
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True, nullable=False)
    username: Mapped[str] = mapped_column(String(50), unique=True, index=True, nullable=False)
    hashed_password: Mapped[str] = mapped_column(String(255), nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    is_superuser: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    # Timestamps with automatic updates
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        nullable=False
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        onupdate=func.now(),
        nullable=False
    )

    # Relationships
    posts: Mapped[List["Post"]] = relationship(
        "Post",
        back_populates="author",
        cascade="all, delete-orphan",
        lazy="selectin"  # or "joined" depending on use case
    )

    # Composite indexes
    __table_args__ = (
        Index('idx_user_email_active', 'email', 'is_active'),
    )

    def __repr__(self):
        return f"<User(id={self.id}, username={self.username})>"


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)  # DB111
    title: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    published: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        index=True
    )
    author: Mapped["User"] = relationship("User", back_populates="posts")


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True, index=True)  # DB111


class Country(Base):
    __tablename__ = "countries"
    # multi-line: reported where the call starts
    code: Mapped[str] = mapped_column(  # DB111
        String(2),
        primary_key=True,
        index=True,
    )


class PostTag(Base):
    """Composite primary key: its index covers post_id, not tag_id."""

    __tablename__ = "post_tags"
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), primary_key=True, index=True)  # DB111
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True, index=True)


class Reordered(Base):
    """A PrimaryKeyConstraint decides the key's column order."""

    __tablename__ = "reordered"
    a: Mapped[int] = mapped_column(primary_key=True, index=True)
    b: Mapped[int] = mapped_column(primary_key=True, index=True)  # DB111
    __table_args__ = (PrimaryKeyConstraint("b", "a"),)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(index=True)
    slug: Mapped[str] = mapped_column(String(50), primary_key=True, index=False)


log = Table(
    "log",
    MetaData(),
    Column("id", Integer, primary_key=True, index=True),  # DB111
    Column("message", Text),
)

user_roles = Table(
    "user_roles",
    MetaData(),
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("role_id", ForeignKey("roles.id"), primary_key=True, index=True),
)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True, index=True)  # DB111
    name: str = Field(index=True)


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)


class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True)


class PropertyPath(IdMixin, Base):
    """The class's own key column comes before the mixin's: it leads the key."""

    __tablename__ = "property_paths"
    property_id: Mapped[int] = mapped_column(ForeignKey("properties.id"), primary_key=True, index=True)  # DB111
