# select: DB112
from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_base, mapped_column
from sqlmodel import Column as SMColumn
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)  # DB112
    # multi-line: the assignment's first line
    name = Column(  # DB112
        String(100),
        nullable=False,
    )
    email: Mapped[str] = mapped_column(String(255))
    nickname: Mapped[Optional[str]]


class AbstractThing(Base):
    __abstract__ = True
    owner_id = Column(Integer, ForeignKey("users.id"), index=True)  # DB112


LegacyBase = declarative_base()


class LegacyUser(LegacyBase):
    __tablename__ = "legacy_users"
    id = Column(Integer, primary_key=True)  # DB112


# Core tables and classes mapped onto a __table__ are not reported.
metadata = MetaData()
accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100)),
)


class Account(Base):
    __table__ = Table(
        "accounts_mapped",
        Base.metadata,
        Column("id", Integer, primary_key=True),
    )


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # SQLModel's sa_column is the documented way to pass a Column
    name: str = Field(sa_column=SMColumn(String(100), nullable=False))
