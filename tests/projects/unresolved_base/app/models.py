# select: DB1
from datetime import datetime
from typing import Optional

from fastapi_users_db_sqlalchemy import SQLAlchemyBaseUserTable
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from vendor_sdk.orm import AuditedModel, VendorBase as ExternalBase


class Base(DeclarativeBase):
    pass


class User(SQLAlchemyBaseUserTable[int], Base):
    """The third-party base may declare indexes, timestamps and uniqueness."""

    id: Mapped[int] = mapped_column(primary_key=True)
    nickname: Mapped[str] = mapped_column(String(50))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    password: Mapped[Optional[str]]
    items: Mapped[list["Item"]] = relationship(back_populates="owner")


class Item(ExternalBase):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    owner: Mapped[User] = relationship(back_populates="items")


class Ledger(AuditedModel):
    __tablename__ = "ledgers"
    id = Column(Integer, primary_key=True)
    account_id = Column(Integer, ForeignKey("accounts.id"))
    email = Column(String(255))
