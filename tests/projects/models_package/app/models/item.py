# select: DB101,DB102,DB107,DB114,DB117
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from . import base
from .user import User


class Item(base.TimestampMixin, base.Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # DB101
    owner: Mapped[User] = relationship(back_populates="items")
