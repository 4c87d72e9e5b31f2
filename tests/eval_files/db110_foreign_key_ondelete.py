# select: DB110
from typing import Optional

from sqlalchemy import Column, ForeignKey, ForeignKeyConstraint, Integer, MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlmodel import Column as SMColumn
from sqlmodel import Field, SQLModel

from third_party.models import VendorBase


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)  # DB110
    editor_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    category_id = Column(Integer, ForeignKey("categories.id", ondelete="RESTRICT"), index=True)
    # multi-line: reported on the ForeignKey call
    series_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey(  # DB110
            "series.id",
        ),
        index=True,
    )


class Reply(Base):
    __tablename__ = "replies"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int]
    post_version: Mapped[int]
    __table_args__ = (
        ForeignKeyConstraint(["post_id", "post_version"], ["posts.id", "posts.version"]),  # DB110
        ForeignKeyConstraint(["post_id"], ["posts.id"], ondelete="CASCADE"),
    )


class AuthoredMixin:
    @declared_attr
    def reviewer_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("users.id"), index=True)  # DB110


class Vendor(VendorBase):
    """Unresolvable base: silent."""

    __tablename__ = "vendors"
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


tags = Table(
    "post_tags",
    MetaData(),
    Column("post_id", ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),  # DB110
)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)  # DB110
    owner_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    mentor_id: Optional[int] = Field(
        default=None, sa_column=SMColumn(Integer, ForeignKey("hero.id"), index=True)  # DB110
    )
