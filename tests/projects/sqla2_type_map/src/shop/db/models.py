# select: DB1
import datetime
import enum
from decimal import Decimal
from typing import Optional

from sqlalchemy import Enum, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, TimestampMixin, intpk, money, str50, str255


class OrderStatus(enum.Enum):
    pending = "pending"
    paid = "paid"
    shipped = "shipped"


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"

    id: Mapped[intpk] = mapped_column(init=False)
    email: Mapped[str255] = mapped_column(unique=True)
    username: Mapped[str50] = mapped_column(unique=True)
    hashed_password: Mapped[str255]
    display_name: Mapped[Optional[str50]] = mapped_column(default=None)
    is_active: Mapped[bool] = mapped_column(default=True)
    last_seen_at: Mapped[Optional[datetime.datetime]] = mapped_column(default=None)
    orders: Mapped[list["Order"]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", default_factory=list
    )


class Product(TimestampMixin, Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("sku"),)

    id: Mapped[intpk] = mapped_column(init=False)
    sku: Mapped[str50]
    name: Mapped[str255]
    price: Mapped[money]
    deleted_at: Mapped[Optional[datetime.datetime]] = mapped_column(default=None)


class Order(TimestampMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_customer_status", "customer_id", "status"),
        Index("ix_orders_placed_at", "placed_at"),
    )

    id: Mapped[intpk] = mapped_column(init=False)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    status: Mapped[OrderStatus] = mapped_column(Enum(OrderStatus), default=OrderStatus.pending)
    placed_at: Mapped[datetime.datetime] = mapped_column(default_factory=datetime.datetime.now)
    is_deleted: Mapped[bool] = mapped_column(default=False)
    customer: Mapped[Customer] = relationship(back_populates="orders", init=False)
    lines: Mapped[list["OrderLine"]] = relationship(
        back_populates="order", passive_deletes=True, default_factory=list
    )


class OrderLine(TimestampMixin, Base):
    __tablename__ = "order_lines"

    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    quantity: Mapped[int]
    unit_price: Mapped[Decimal]
    is_active: Mapped[bool] = mapped_column(default=True)
    order: Mapped[Order] = relationship(back_populates="lines", init=False)
