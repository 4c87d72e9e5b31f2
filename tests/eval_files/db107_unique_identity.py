# select: DB107
from typing import Optional

from sqlalchemy import Column, Index, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    username: Mapped[str] = mapped_column(String(50), index=True)  # DB107


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255))  # DB107
    username = Column(String(50))  # DB107


class Member(Base):
    """Multi-tenant: unique per tenant through a composite constraint (any position)."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int]
    email: Mapped[str] = mapped_column(String(255))
    username: Mapped[str] = mapped_column(String(50))
    __table_args__ = (
        UniqueConstraint("tenant_id", "email"),
        Index("ix_members_username", "username", unique=True),
        {"comment": "per-tenant members"},
    )


class Subscriber(Base):
    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    # a plain composite index does not make it unique
    email: Mapped[str] = mapped_column(String(255))  # DB107
    # a partial unique index is not uniqueness of the column
    username: Mapped[str] = mapped_column(String(50))  # DB107
    __table_args__ = (
        Index("ix_subscribers_email_id", "email", "id"),
        Index("uq_subscribers_username_live", "username", unique=True,
              postgresql_where=func.true()),
    )


class Mailbox(Base):
    __tablename__ = "mailboxes"
    # the primary key is unique
    email: Mapped[str] = mapped_column(String(255), primary_key=True)


class EmailMixin:
    email: Mapped[str] = mapped_column(String(255))  # DB107


class Contact(EmailMixin, Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(index=True)  # DB107
    username: str = Field(unique=True)


class Villain(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(sa_column_kwargs={"unique": True})
    username: str  # DB107


class HeroCreate(SQLModel):
    email: str
    username: str


class Lead(EmailMixin, Base):
    """A second model using the mixin: still one finding on the mixin's column."""

    __tablename__ = "leads"
    id: Mapped[int] = mapped_column(primary_key=True)


def unique_field(**kwargs):
    return Field(unique=True, **kwargs)


class Partner(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # built by a helper: uniqueness not visible
    email: str = unique_field(max_length=255)
    username: str = Field(**{"unique": True})
