# select: DB118
import datetime as dt
import time
import uuid
from datetime import date, datetime, timezone
from typing import Optional
from uuid import UUID, uuid4

from sqlalchemy import Column, Date, DateTime, Float, Integer, MetaData, Table, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid.uuid4())  # DB118
    public_id: Mapped[UUID] = mapped_column(default=uuid4(), unique=True)  # DB118
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        default=datetime.now(timezone.utc),  # DB118
    )
    placed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=datetime.utcnow())  # DB118
    due: Mapped[date] = mapped_column(Date, default=date.today())  # DB118
    stamp: Mapped[float] = mapped_column(Float, default=time.time())  # DB118
    aliased: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=dt.datetime.now())  # DB118
    insert_only: Mapped[datetime] = mapped_column(DateTime(timezone=True), insert_default=datetime.now())  # DB118
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=datetime.now()  # DB118
    )
    # the function itself, a lambda, or a SQL expression
    ok_id: Mapped[UUID] = mapped_column(default=uuid.uuid4, unique=True)
    ok_created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=datetime.now)
    ok_lambda: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(timezone.utc)
    )
    ok_server: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ok_sql: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=func.now())
    ok_helper: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ok_literal: Mapped[int] = mapped_column(default=int("0"))


class LegacyOrder(Base):
    __tablename__ = "legacy_orders"
    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True), default=datetime.utcnow())  # DB118
    modified_at = Column(DateTime(timezone=True), default=datetime.utcnow)


events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), default=datetime.now()),  # DB118
)


class Hero(SQLModel, table=True):
    id: UUID = Field(default=uuid4(), primary_key=True)  # DB118
    created_at: datetime = Field(default=datetime.utcnow())  # DB118
    ok_id: UUID = Field(default_factory=uuid4, unique=True)
    ok_created: datetime = Field(default_factory=datetime.utcnow)


class HeroCreate(SQLModel):
    # a schema's Field default is also evaluated once
    requested_at: datetime = Field(default=datetime.now())  # DB118
    name: str
