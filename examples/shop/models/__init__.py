"""Every model, importable from one place (Alembic's env.py uses this)."""

from .base import Base, SoftDeleteMixin, TimestampMixin
from .catalog import Category, Product, Review
from .orders import Customer, Order, OrderItem, customer_favourites

__all__ = [
    "Base",
    "Category",
    "Customer",
    "Order",
    "OrderItem",
    "Product",
    "Review",
    "SoftDeleteMixin",
    "TimestampMixin",
    "customer_favourites",
]
