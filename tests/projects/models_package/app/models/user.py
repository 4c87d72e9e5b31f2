# select: DB101,DB102,DB107,DB114,DB117
from typing import TYPE_CHECKING

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, TimestampMixin

if TYPE_CHECKING:
    from .item import Item


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    username: Mapped[str] = mapped_column(String(50), index=True)  # DB107
    full_name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    items: Mapped[list["Item"]] = relationship(back_populates="owner", cascade="all, delete-orphan")


Index("ix_users_city_full_name", User.city, User.full_name)
