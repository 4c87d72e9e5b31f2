# select: DB105
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import NVARCHAR, VARCHAR, Column, Integer, MetaData, String, Table, Text, Unicode
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String)  # DB105
    username: Mapped[str] = mapped_column(String())  # DB105
    display: Mapped[str] = mapped_column(Unicode)  # DB105
    code: Mapped[str] = mapped_column(VARCHAR)  # DB105
    label: Mapped[str] = mapped_column(NVARCHAR())  # DB105
    nick: Mapped[str] = mapped_column(sa.String, nullable=True)  # DB105
    # sized
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(length=100))
    title: Mapped[str] = mapped_column(Unicode(200))
    # Text and bare Mapped[str] are not reported
    bio: Mapped[str] = mapped_column(Text)
    city: Mapped[str]
    country: Mapped[Optional[str]] = mapped_column(default=None)
    legacy = Column(String)  # DB105
    typed = Column("typed", type_=String)  # DB105


profiles = Table(
    "profiles",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("headline", String),  # DB105
    Column("about", Text),
    Column("url", String(2048)),
)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # SQLModel's own AutoString decides
    name: str
    secret_name: str = Field(max_length=100)
    motto: str = Field(sa_type=String)  # DB105
    slogan: str = Field(sa_type=String(80))
