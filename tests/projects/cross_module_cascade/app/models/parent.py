# select: DB109
from typing import TYPE_CHECKING, List

from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base_class import Base

if TYPE_CHECKING:
    from .child import Photo


class Parent(Base):
    __tablename__ = "parents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # the child model lives in child.py and is named by a string
    children: Mapped[List["Child"]] = relationship("Child", back_populates="parent")  # DB109
    notes: Mapped[list["Note"]] = relationship(back_populates="parent")
    guarded: Mapped[list["Child"]] = relationship(
        "Child", cascade="all, delete-orphan", viewonly=True
    )
    orphans: Mapped[list["Missing"]] = relationship()


class Album(Base):
    __tablename__ = "albums"

    id = Column(Integer, primary_key=True)
    # legacy relationship; the child FK is declared nullable=False in child.py
    photos = relationship("Photo", back_populates="album")  # DB109
    covers: Mapped[list["Photo"]] = relationship(
        back_populates="album", passive_deletes=True, overlaps="photos"
    )
