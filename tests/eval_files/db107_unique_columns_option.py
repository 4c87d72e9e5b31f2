# select: DB107
# flake8-fastapi-db: --db-unique-columns=slug,phone
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Shop(Base):
    __tablename__ = "shops"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100))  # DB107
    phone: Mapped[str] = mapped_column(String(30), unique=True)
    # no longer configured
    email: Mapped[str] = mapped_column(String(255))
