# select: DB102,DB103,DB104
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.mixins import TimestampMixin


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)


class Admin(User):
    """Single-table subclass: inherits the timestamps and has no table of its own."""

    level: Mapped[int] = mapped_column(default=0)
