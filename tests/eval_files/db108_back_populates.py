# select: DB108
from typing import Any, Optional

from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    mapped_column,
    registry,
    relationship,
)
from sqlmodel import Field, Relationship, SQLModel

from third_party.models import VendorBase

OPTIONS: dict[str, Any] = {"back_populates": "owner"}


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[list["Post"]] = relationship(back_populates="author")
    comments: Mapped[list["Comment"]] = relationship(backref="user")
    # one-sided
    sessions: Mapped[list["LoginSession"]] = relationship()  # DB108
    # read-only views need no reverse side
    recent_posts: Mapped[list["Post"]] = relationship(viewonly=True)
    # **kwargs may carry back_populates
    devices: Mapped[list["Device"]] = relationship(**OPTIONS)


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    author: Mapped[User] = relationship(back_populates="posts")
    # multi-line: reported where relationship( starts
    editor: Mapped[Optional[User]] = relationship(  # DB108
        foreign_keys=[author_id],
        viewonly=False,
    )


class LegacyPost(Base):
    __tablename__ = "legacy_posts"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), index=True)
    user = relationship("User")  # DB108


class OwnedMixin:
    @declared_attr
    def owner(cls) -> Mapped[User]:
        return relationship(User)  # DB108


class Vendor(VendorBase):
    """Unresolvable base: silent."""

    __tablename__ = "vendors"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[User] = relationship()


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    heroes: list["Hero"] = Relationship(back_populates="team")
    sidekicks: list["Sidekick"] = Relationship()  # DB108
    villains: list["Villain"] = Relationship(sa_relationship_kwargs={"backref": "team"})


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")
    team: Optional[Team] = Relationship(back_populates="heroes")


mapper_registry = registry()
addresses = Table(
    "addresses",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id"), index=True),
    Column("email", String(255)),
)


class Address:
    pass


mapper_registry.map_imperatively(
    Address,
    addresses,
    properties={"user": relationship(User)},  # DB108
)
