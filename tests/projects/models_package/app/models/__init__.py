# select: DB101,DB102,DB107,DB114,DB117
from .base import Base, TimestampMixin
from .item import Item
from .user import User as User

__all__ = ["Base", "Item", "TimestampMixin", "User"]
