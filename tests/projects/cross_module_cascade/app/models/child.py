# select: DB109
from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base_class import Base


class Child(Base):
    __tablename__ = "children"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parents.id"), index=True)
    parent: Mapped["Parent"] = relationship(back_populates="children")


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parents.id"), index=True)
    parent: Mapped[Optional["Parent"]] = relationship(back_populates="notes")


class Photo(Base):
    __tablename__ = "photos"

    id = Column(Integer, primary_key=True)
    album_id = Column(Integer, ForeignKey("albums.id"), nullable=False, index=True)
    album = relationship("Album", back_populates="photos")
