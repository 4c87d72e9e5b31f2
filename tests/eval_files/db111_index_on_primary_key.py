# select: DB111
from typing import Optional

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


# The seed guide's "good" models (id: primary_key=True, index=True) are in
# db1_seed_good_models.py, which selects DB111 too.
class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True, index=True)  # DB111
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)


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
