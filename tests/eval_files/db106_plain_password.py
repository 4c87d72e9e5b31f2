# select: DB106
from typing import Optional

from pydantic import BaseModel
from sqlalchemy import Column, Integer, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    password: Mapped[str] = mapped_column(String(255))  # DB106
    hashed_password: Mapped[str] = mapped_column(String(255))
    password_hash: Mapped[str] = mapped_column(String(255))
    password_hash_algorithm: Mapped[str] = mapped_column(String(20))
    reset_token_hash: Mapped[Optional[bytes]] = mapped_column(LargeBinary)


class LegacyUser(Base):
    __tablename__ = "legacy_users"
    id = Column(Integer, primary_key=True)
    passwd = Column(String(128))  # DB106
    pwd = Column(String(128))  # DB106
    plain_password = Column(String(128))  # DB106
    password_plain = Column(String(128))  # DB106
    # the attribute hides the value behind a property that hashes or encrypts it
    _password = Column("password", String(128))

    @property
    def password(self) -> str:
        return self._password


class CredentialsMixin:
    password: Mapped[str] = mapped_column(String(255))  # DB106


class Admin(CredentialsMixin, Base):
    __tablename__ = "admins"
    id: Mapped[int] = mapped_column(primary_key=True)


class Account(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    password: str  # DB106
    hashed_password: str


class AccountCreate(SQLModel):
    """A request schema rightly carries the password."""

    email: str
    password: str


class LoginRequest(BaseModel):
    username: str
    password: str
