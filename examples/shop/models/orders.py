"""Customers and their orders."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Column, DateTime, ForeignKey, Numeric, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, SoftDeleteMixin, TimestampMixin
from .catalog import Product

customer_favourites = Table(
    "customer_favourites",
    Base.metadata,
    Column(
        "customer_id",
        ForeignKey("customers.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(  # expect: DB101
        "product_id",
        ForeignKey("products.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), index=True)  # expect: DB107
    password: Mapped[str] = mapped_column(String(128))  # expect: DB106
    full_name: Mapped[str] = mapped_column(String(200))
    balance: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=0)
    loyalty_tier: Mapped[str] = mapped_column(String(16), default="basic")
    is_active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[datetime | None]  # expect: DB104

    orders: Mapped[list[Order]] = relationship(  # expect: DB109
        back_populates="customer"
    )
    favourites: Mapped[list[Product]] = relationship(
        secondary=customer_favourites, back_populates="favourited_by"
    )


class Order(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(  # expect: DB101
        ForeignKey("customers.id", ondelete="RESTRICT")
    )
    status: Mapped[str] = mapped_column(String(20), default="pending")
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    placed_at: Mapped[datetime] = mapped_column(default=datetime.utcnow())  # expect: DB104,DB118
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime)  # expect: DB104

    customer: Mapped[Customer] = relationship(back_populates="orders")
    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan"
    )


class OrderItem(SoftDeleteMixin, Base):  # expect: DB102
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Numeric(10, 2))

    order: Mapped[Order] = relationship(back_populates="items")
    # Read-only convenience for receipts; items are written through product_id.
    product: Mapped[Product] = relationship(viewonly=True)
