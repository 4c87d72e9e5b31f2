# select: DB116
from datetime import datetime
from typing import Optional

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel

from third_party.models import VendorBase


class Base(DeclarativeBase):
    pass


class SoftDeleteMixin:
    deleted_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(Base):  # DB116
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    is_deleted: Mapped[bool] = mapped_column(default=False)


class Invoice(SoftDeleteMixin, Base):
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(primary_key=True)


class Archived(Base):
    __abstract__ = True


class Receipt(Archived):  # DB116
    __tablename__ = "receipts"
    id: Mapped[int] = mapped_column(primary_key=True)


class Vendor(VendorBase):
    __tablename__ = "vendors"
    id: Mapped[int] = mapped_column(primary_key=True)


class LegacyAccount(Base):
    __tablename__ = "legacy_accounts"
    id = Column(Integer, primary_key=True)
    is_active = Column(Boolean, default=True, nullable=False)


user_groups = Table(
    "user_groups",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("group_id", ForeignKey("groups.id"), primary_key=True),
)


class Hero(SQLModel, table=True):  # DB116
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    is_active: bool = True


class HeroCreate(SQLModel):
    name: str


class HeroTeamLink(SQLModel, table=True):
    """An association table written as a class: a link row goes with the link."""

    hero_id: int = Field(foreign_key="hero.id", primary_key=True)
    team_id: int = Field(foreign_key="team.id", primary_key=True)


class Membership(SQLModel, table=True):  # DB116
    """A link with its own data column is a model like any other."""

    hero_id: int = Field(foreign_key="hero.id", primary_key=True)
    team_id: int = Field(foreign_key="team.id", primary_key=True)
    role: str = "member"
