# select: DB101
from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base
from app.core.mixins import (
    IndexedWorkspaceMixin,
    OwnerIndexMixin,
    TenantIndexMixin,
    WorkspaceMixin,
)


class Document(OwnerIndexMixin, Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # indexed through the mixin's __table_args__ in another module
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # not covered by it
    folder_id: Mapped[int] = mapped_column(ForeignKey("folders.id"))  # DB101


class Folder(TenantIndexMixin, Base):
    __tablename__ = "folders"

    id: Mapped[int] = mapped_column(primary_key=True)
    # indexed through the mixin's declared_attr __table_args__
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"))


class Sheet(OwnerIndexMixin, Base):
    """Its own __table_args__ replaces the mixin's: owner_id is no longer indexed."""

    __tablename__ = "sheets"
    __table_args__ = (Index("ix_sheets_title", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # DB101


class Board(WorkspaceMixin, Base):  # DB101
    """The mixin's FK lives in another module: reported on the class header."""

    __tablename__ = "boards"

    id: Mapped[int] = mapped_column(primary_key=True)


class Card(WorkspaceMixin, Base):
    __tablename__ = "cards"
    __table_args__ = (Index("ix_cards_workspace_id", "workspace_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)


class Page(IndexedWorkspaceMixin, Base):
    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
