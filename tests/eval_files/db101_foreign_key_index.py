# select: DB101
from typing import Optional

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlmodel import Column as SMColumn
from sqlmodel import Field, SQLModel

from somewhere_else import ExternalBase


class Base(DeclarativeBase):
    pass


class Organization(Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # trigger: plain 2.0 FK without any index
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))  # DB101
    # trigger: multi-line declaration, reported where the assignment starts
    manager_id: Mapped[Optional[int]] = mapped_column(  # DB101
        ForeignKey("users.id", ondelete="SET NULL"),
        nullable=True,
    )
    # trigger: legacy Column
    region_id = Column(Integer, ForeignKey("regions.id"))  # DB101
    # trigger: legacy Column with explicit database name
    country = Column("country_id", Integer, ForeignKey("countries.id"), nullable=False)  # DB101
    # indexed: index=True / unique=True
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id"), unique=True)
    # indexed: leads a composite Index of __table_args__
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    # indexed: leads a UniqueConstraint of __table_args__
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"))
    # trigger: second column of the composite index only
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))  # DB101
    # indexed by a module-level Index(...) against the model's columns
    invited_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        Index("ix_users_group_department", "group_id", "department_id"),
        UniqueConstraint("tenant_id", "id"),
        {"comment": "application users"},
    )


Index("ix_users_invited_by", User.invited_by_id)


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = {"comment": "__table_args__ as a dict declares no index"}

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # DB101
    editor_id = mapped_column(Integer, ForeignKey(User.id))  # DB101


class Membership(Base):
    """Association object: the composite primary key covers only its first column."""

    __tablename__ = "memberships"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)  # DB101
    role: Mapped[str] = mapped_column(String(20))


class Follow(Base):
    __tablename__ = "follows"
    follower_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    followed_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # DB101
    __table_args__ = (PrimaryKeyConstraint("follower_id", "followed_id"),)


class Like(Base):
    __tablename__ = "likes"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    __table_args__ = (
        PrimaryKeyConstraint("user_id", "post_id"),
        Index("ix_likes_post_id", "post_id"),
    )


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),  # DB101
)

user_roles = Table(
    "user_roles",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("role_id", ForeignKey("roles.id"), primary_key=True),
    Index("ix_user_roles_role_id", "role_id"),
)

audit = Table(
    "audit",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("users.id")),  # DB101
    Column("target_id", Integer, ForeignKey("users.id"), index=True),
)


class OwnedMixin:
    """Mixins are never reported as models; their FK is judged in each model using it."""

    @declared_attr
    def owner_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("users.id"), index=True)


class Document(OwnedMixin, Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)


class TenantMixin:
    # a mixin FK is reported on its own line, through the models that use it unindexed
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"))  # DB101


class Invoice(TenantMixin, Base):
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(primary_key=True)


class Receipt(TenantMixin, Base):
    __tablename__ = "receipts"
    id: Mapped[int] = mapped_column(primary_key=True)
    __table_args__ = (Index("ix_receipts_tenant_id", "tenant_id"),)


class AbstractOwned(Base):
    __abstract__ = True
    id: Mapped[int] = mapped_column(primary_key=True)
    creator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # DB101


class Note(AbstractOwned):
    __tablename__ = "notes"
    body: Mapped[str] = mapped_column(String(500))


class Comment(AbstractOwned):
    __tablename__ = "comments"
    body: Mapped[str] = mapped_column(String(500))


class Unresolved(ExternalBase):
    """Unresolvable base: silent."""

    __tablename__ = "unresolved"
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # SQLModel Field(foreign_key=...) without index
    organization_id: int = Field(foreign_key="organizations.id")  # DB101
    # SQLModel Field(foreign_key=..., index=True)
    owner_id: int = Field(foreign_key="users.id", index=True)
    # index through sa_column_kwargs
    parent_id: Optional[int] = Field(default=None, foreign_key="team.id",
                                     sa_column_kwargs={"index": True})
    # sa_column=Column(...)
    region_id: int = Field(sa_column=SMColumn(Integer, ForeignKey("regions.id")))  # DB101
    country_id: int = Field(sa_column=SMColumn(Integer, ForeignKey("countries.id"), index=True))


class TeamCreate(SQLModel):
    """A schema (no table=True): never a model."""

    organization_id: int = Field(foreign_key="organizations.id")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[list["Post"]] = relationship(secondary=post_tags)



class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    __mapper_args__ = {"polymorphic_on": "type", "polymorphic_identity": "employee"}


class Engineer(Employee):
    """Joined-table inheritance: the FK is this table's primary key."""

    __tablename__ = "engineers"
    engineer_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    mentor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employees.id"))  # DB101
    __mapper_args__ = {"polymorphic_identity": "engineer"}


class Manager(Employee):
    __tablename__ = "managers"
    id: Mapped[int] = mapped_column(ForeignKey("employees.id"), primary_key=True)
    __mapper_args__ = {"polymorphic_identity": "manager"}



class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True)


class SystemManager(IdMixin, Base):
    """Declarative puts the class's own columns first: the key is (user_id, system_id, id)."""

    __tablename__ = "system_managers"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("systems.id"), primary_key=True)  # DB101


class IdFirstMixin:
    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-10)


class Grant(IdFirstMixin, Base):
    """sort_order=-10 moves id first: the key is (id, user_id)."""

    __tablename__ = "grants"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)  # DB101


class CreatorMixin:
    @declared_attr
    def creator_id(cls) -> Mapped[int]:  # DB101
        return mapped_column(ForeignKey("users.id"))

    @declared_attr
    def reviewer_id(cls):
        return Column(Integer, ForeignKey("users.id"), index=True)


class Report(CreatorMixin, Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)


def build_index(table: str, columns: list[str]) -> Index:
    return Index(f"ix_{table}_{'_'.join(columns)}", *columns)


class Tagging(Base):
    """A project helper in __table_args__ may return an index: silent."""

    __tablename__ = "taggings"
    __table_args__ = (build_index("taggings", ["tag_id"]),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"))


class Rating(Base):
    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("stars BETWEEN 1 AND 5"),
        Index("ix_ratings_post_id", "post_id").ddl_if(dialect="postgresql"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    stars: Mapped[int]
    # a dialect-specific index still indexes the column where it exists
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    # a CheckConstraint declares no index
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # DB101

if __name__ == "__main__":
    print(User.organization_id)
