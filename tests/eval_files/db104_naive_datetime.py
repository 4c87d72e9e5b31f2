# select: DB104
import datetime as dt
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import TIMESTAMP, Column, Date, DateTime, Integer, MetaData, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator
from sqlmodel import Column as SMColumn
from sqlmodel import Field, SQLModel


class TZDateTime(TypeDecorator):
    """A project type that stores UTC: never reported."""

    impl = DateTime
    cache_ok = True


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    # explicit DateTime without timezone
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # DB104
    ends_at: Mapped[datetime] = mapped_column(DateTime())  # DB104
    moved_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))  # DB104
    stamped_at: Mapped[datetime] = mapped_column(TIMESTAMP())  # DB104
    qualified_at: Mapped[datetime] = mapped_column(sa.DateTime, nullable=True)  # DB104
    # aware
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime(True), onupdate=func.now())
    seen_at: Mapped[datetime] = mapped_column(TIMESTAMP(timezone=True))
    # Mapped[datetime] without explicit type maps to a naive DateTime
    published_at: Mapped[datetime]  # DB104
    archived_at: Mapped[Optional[datetime]]  # DB104
    closed_at: Mapped[datetime | None] = mapped_column(default=None)  # DB104
    reviewed_at: Mapped[dt.datetime] = mapped_column(nullable=True)  # DB104
    # not a timestamp / custom type
    day: Mapped[date] = mapped_column(Date)
    birthday: Mapped[date]
    synced_at: Mapped[datetime] = mapped_column(TZDateTime)
    legacy_at = Column(DateTime)  # DB104


class AuditMixin:
    """A plain mixin: its bare Mapped[datetime] is judged in the models using it."""

    audited_at: Mapped[datetime]  # DB104
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Audit(AuditMixin, Base):
    __tablename__ = "audits"
    id: Mapped[int] = mapped_column(primary_key=True)


class SecondAudit(AuditMixin, Base):
    __tablename__ = "second_audits"
    id: Mapped[int] = mapped_column(primary_key=True)


class TypeMapBase(DeclarativeBase):
    """A type_annotation_map decides what Mapped[datetime] becomes."""

    type_annotation_map = {datetime: DateTime(timezone=True)}


class Invoice(TypeMapBase):
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(primary_key=True)
    issued_at: Mapped[datetime]
    paid_at: Mapped[Optional[datetime]] = mapped_column(nullable=True)


class MappedAudit(AuditMixin, TypeMapBase):
    """The type_annotation_map of this base makes the mixin's column aware."""

    __tablename__ = "mapped_audits"
    id: Mapped[int] = mapped_column(primary_key=True)


log = Table(
    "log",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("logged_at", DateTime),  # DB104
    Column("sent_at", DateTime(timezone=True)),
)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # SQLModel decides the type of a plain datetime field
    born_at: datetime
    created_at: datetime = Field(default_factory=datetime.now)
    # explicit sa_type / sa_column
    seen_at: datetime = Field(sa_type=DateTime)  # DB104
    updated_at: datetime = Field(sa_type=DateTime(timezone=True))
    deleted_at: Optional[datetime] = Field(sa_column=SMColumn(DateTime))  # DB104
    healed_at: Optional[datetime] = Field(sa_column=SMColumn(DateTime(timezone=True)))


class HeroRead(SQLModel):
    born_at: datetime
