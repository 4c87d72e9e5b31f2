# select: DB103
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import Column, DateTime, FetchedValue, Integer, MetaData, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlmodel import Column as SMColumn
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(  # DB103
        DateTime(timezone=True), server_default=func.now()
    )


class GoodMixin:
    @declared_attr
    def updated_at(cls) -> Mapped[datetime]:
        return mapped_column(DateTime(timezone=True), onupdate=func.now())


class BadDeclaredMixin:
    @declared_attr
    def updated_at(cls) -> Mapped[datetime]:  # DB103
        return mapped_column(DateTime(timezone=True), default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    # created_at never needs onupdate
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    # a trigger maintains it in the database
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), server_onupdate=FetchedValue()
    )


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    updated_at: Mapped[datetime]  # DB103


class LegacyComment(Base):
    __tablename__ = "legacy_comments"
    id = Column(Integer, primary_key=True)
    updated_at = Column(DateTime(timezone=True), server_default=func.now())  # DB103
    modified = Column("updated_at_db", DateTime(timezone=True))


class Renamed(Base):
    __tablename__ = "renamed"
    id = Column(Integer, primary_key=True)
    # the database column is named updated_at
    changed = Column("updated_at", DateTime(timezone=True))  # DB103


COMMON: dict[str, Any] = {"onupdate": utcnow}


class Unpacked(Base):
    __tablename__ = "unpacked"
    id: Mapped[int] = mapped_column(primary_key=True)
    # **kwargs may carry onupdate: cannot tell
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), **COMMON)


events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("updated_at", DateTime(timezone=True)),  # DB103
)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)  # DB103


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})


class Mission(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    updated_at: datetime = Field(
        sa_column=SMColumn(DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
    )


class Quest(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    updated_at: datetime = Field(sa_column=SMColumn(DateTime(timezone=True)))  # DB103


class HeroRead(SQLModel):
    """A response schema: no column at all."""

    id: int
    updated_at: datetime


SA_KWARGS: dict[str, Any] = {"onupdate": utcnow}


class Guild(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # a computed sa_column_kwargs may hold onupdate
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs=SA_KWARGS)
