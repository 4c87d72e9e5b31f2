# select: DB102
from datetime import datetime
from typing import Optional

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    func,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    MappedAsDataclass,
    as_declarative,
    declarative_base,
    declared_attr,
    mapped_column,
    registry,
)
from sqlmodel import Field, SQLModel

from third_party.models import VendorBase, VendorColumns


class Base(DeclarativeBase):
    """The declarative base itself is never a model."""


class TimestampMixin:
    """A mixin is never reported; it contributes its columns to the models."""

    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class DeclaredAttrTimestamps:
    @declared_attr
    def created_at(cls) -> Mapped[datetime]:
        return mapped_column(DateTime(timezone=True), server_default=func.now())

    @declared_attr
    def updated_at(cls) -> Mapped[datetime]:
        return mapped_column(DateTime(timezone=True), onupdate=func.now())


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class Tag(Base):  # DB102
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class Comment(Base):  # DB102
    """Only the creation timestamp."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Article(TimestampMixin, Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)


class Page(DeclaredAttrTimestamps, Base):
    __tablename__ = "pages"
    id: Mapped[int] = mapped_column(primary_key=True)


class AuditedBase(Base):
    """Abstract classes are not reported; their subclasses inherit the columns."""

    __abstract__ = True
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), onupdate=func.now())


class Invoice(AuditedBase):
    __tablename__ = "invoices"
    total: Mapped[int]


class BareAbstract(Base):
    __abstract__ = True


class Coupon(BareAbstract):  # DB102
    __tablename__ = "coupons"
    id: Mapped[int] = mapped_column(primary_key=True)


class Employee(TimestampMixin, Base):
    __tablename__ = "employees"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "employee"}


class Engineer(Employee):
    """Single-table inheritance: no table of its own."""

    __mapper_args__ = {"polymorphic_identity": "engineer"}


class Vendor(VendorBase):
    """Unresolvable base class: it may bring the timestamps."""

    __tablename__ = "vendors"
    id: Mapped[int] = mapped_column(primary_key=True)


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)

LegacyBase = declarative_base()


class LegacyEvent(LegacyBase):  # DB102
    __tablename__ = "legacy_events"
    id = Column(Integer, primary_key=True)


class LegacyLog(LegacyBase):
    __tablename__ = "legacy_logs"
    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True), server_default=func.now())
    updated_at = Column(DateTime(timezone=True), onupdate=func.now())


mapper_registry = registry()
RegistryBase = mapper_registry.generate_base()


class Setting(RegistryBase):  # DB102
    __tablename__ = "settings"
    id = Column(Integer, primary_key=True)


@mapper_registry.mapped
class Flag:  # DB102
    __tablename__ = "flags"
    id = Column(Integer, primary_key=True)


class Hero(SQLModel, table=True):  # DB102
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)


class HeroBase(SQLModel):
    """A SQLModel class without table=True is a schema."""

    name: str


class HeroRead(HeroBase):
    id: int


class TimestampModel(SQLModel):
    created_at: datetime = Field(default_factory=datetime.utcnow)
    updated_at: datetime = Field(default_factory=datetime.utcnow,
                                 sa_column_kwargs={"onupdate": datetime.utcnow})


class Team(TimestampModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str


DirectBase = registry().generate_base()


class Region(DirectBase):  # DB102
    __tablename__ = "regions"
    id = Column(Integer, primary_key=True)


@as_declarative()
class DecoratedBase:
    """A base made by @as_declarative: never a model itself."""

    id: Mapped[int] = mapped_column(primary_key=True)


class Warehouse(DecoratedBase):  # DB102
    __tablename__ = "warehouses"


class DataclassBase(MappedAsDataclass, DeclarativeBase):
    pass


class Shipment(DataclassBase):  # DB102
    __tablename__ = "shipments"
    id: Mapped[int] = mapped_column(primary_key=True, init=False)


class AutoTablename:
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower()


class Parcel(AutoTablename, Base):  # DB102
    id: Mapped[int] = mapped_column(primary_key=True)


class Crate(AutoTablename, TimestampMixin, Base):
    id: Mapped[int] = mapped_column(primary_key=True)


class AuditColumns:
    """declarative_base(cls=...) gives every model these columns."""

    created_at = Column(DateTime(timezone=True), server_default=func.now())
    updated_at = Column(DateTime(timezone=True), onupdate=func.now())


AuditedBase = declarative_base(cls=AuditColumns)
VendorDeclarative = declarative_base(cls=VendorColumns)


class Receipt(AuditedBase):
    __tablename__ = "receipts"
    id = Column(Integer, primary_key=True)


class Remittance(VendorDeclarative):
    """cls= an unresolvable class: it may bring the timestamps."""

    __tablename__ = "remittances"
    id = Column(Integer, primary_key=True)



class TeamMemberLink(SQLModel, table=True):
    """An association table written as a class: only FK columns forming the PK."""

    team_id: int = Field(foreign_key="team.id", primary_key=True)
    member_id: int = Field(foreign_key="member.id", primary_key=True)


class NodeEdge(Base):
    __tablename__ = "node_edges"
    parent_id: Mapped[int] = mapped_column(ForeignKey("nodes.id"), primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("nodes.id"), primary_key=True)


def build_foreign_key_field(target: str, primary_key: bool = False):
    return Field(foreign_key=target, primary_key=primary_key)


class StepOrderLink(SQLModel, table=True):
    """The FK columns come from a helper whose name says so."""

    parent_id: int = build_foreign_key_field("steps.id", primary_key=True)
    child_id: int = build_foreign_key_field("steps.id", primary_key=True)


class Enrollment(SQLModel, table=True):  # DB102
    """A link with its own data column is a model like any other."""

    course_id: int = Field(foreign_key="course.id", primary_key=True)
    student_id: int = Field(foreign_key="student.id", primary_key=True)
    grade: Optional[str] = None


class TagLink(Base):
    """The composite key is a PrimaryKeyConstraint in __table_args__."""

    __tablename__ = "tag_links"
    __table_args__ = (PrimaryKeyConstraint("item_id", "tag_id"),)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), index=True)


if __name__ == "__main__":
    print(Base.metadata.tables)
