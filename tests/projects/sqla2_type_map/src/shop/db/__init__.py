# select: DB1
from shop.db.base import Base
from shop.db.models import Customer, Order, OrderLine, Product

__all__ = ["Base", "Customer", "Order", "OrderLine", "Product"]
