# select: DB101
from sqlalchemy import Column, ForeignKey, Index, Integer, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))  # DB101
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    region_id = Column(Integer, ForeignKey("regions.id"))  # DB101
    __table_args__ = (Index("ix_users_group_created", "group_id", "id"),)


class Membership(Base):
    __tablename__ = "memberships"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"), primary_key=True)  # DB101


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),  # DB101
)


class Unresolved(SomethingUnknown):
    __tablename__ = "unresolved"
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
