# select: DB113
from typing import Optional, Union

from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel

NULLABLE = True


class Base(DeclarativeBase):
    pass


class Profile(Base):
    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    nickname: Mapped[Optional[str]] = mapped_column(String(50), nullable=False)  # DB113
    bio: Mapped[str | None] = mapped_column(String(500), nullable=False)  # DB113
    motto: Mapped[Union[str, None]] = mapped_column(nullable=False)  # DB113
    quoted: Mapped["str | None"] = mapped_column(nullable=False)  # DB113
    city: Mapped[str] = mapped_column(String(50), nullable=True)  # DB113
    # multi-line
    country: Mapped[str] = mapped_column(  # DB113
        String(50),
        nullable=True,
    )
    # agreeing, or derived from the annotation
    website: Mapped[Optional[str]] = mapped_column(String(200), nullable=True)
    handle: Mapped[str] = mapped_column(String(50), nullable=False)
    phone: Mapped[Optional[str]] = mapped_column(String(30))
    locale: Mapped[str] = mapped_column(String(10))
    # not a literal: not judged
    timezone: Mapped[str] = mapped_column(String(50), nullable=NULLABLE)


class Ticket(Base):
    __tablename__ = "tickets"
    # primary keys are NOT NULL whatever the annotation says
    id: Mapped[Optional[int]] = mapped_column(primary_key=True, nullable=False)
    # legacy Column: no annotation to contradict
    title = Column(String(100), nullable=True)
    count = Column(Integer, nullable=False)


class ProfileMixin:
    avatar: Mapped[Optional[str]] = mapped_column(String(200), nullable=False)  # DB113


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # SQLModel fields are not Mapped[...]
    name: str = Field(nullable=True)
    alias: Optional[str] = Field(default=None, nullable=False)
