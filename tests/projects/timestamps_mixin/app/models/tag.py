# select: DB102,DB103,DB104
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import mixins
from ..db.base import Base


class Tag(Base):  # DB102
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class Label(mixins.CreatedOnlyMixin, Base):  # DB102
    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(primary_key=True)


class Topic(mixins.TimestampMixin, Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)


class Visitor(mixins.SeenMixin, mixins.TimestampMixin, Base):  # DB104
    """The mixin's bare Mapped[datetime] lives in another module: reported here."""

    __tablename__ = "visitors"

    id: Mapped[int] = mapped_column(primary_key=True)
