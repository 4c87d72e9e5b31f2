# select: DB117
from typing import Optional

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    # index=True on a column that leads a composite index
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)  # DB117
    kind: Mapped[str] = mapped_column(String(20))
    # index=True on a column that leads a unique constraint
    external_id: Mapped[str] = mapped_column(String(64), index=True)  # DB117
    source: Mapped[str] = mapped_column(String(20))
    # a unique index that the longer, non-unique one does not replace
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # leads nothing else
    title: Mapped[str] = mapped_column(String(100), index=True)
    # second column of the composite: not a prefix
    status: Mapped[str] = mapped_column(String(20), index=True)

    __table_args__ = (
        Index("ix_events_account_kind", "account_id", "kind"),
        UniqueConstraint("external_id", "source"),
        Index("ix_events_slug_title", "slug", "title"),
        Index("ix_events_kind_status", "kind", "status"),
        # a prefix of the composite below
        Index("ix_events_kind", "kind"),  # DB117
        {"comment": "tracking events"},
    )


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    provider: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(64))
    email: Mapped[str] = mapped_column(String(255))
    __table_args__ = (
        Index("ix_payments_order", "order_id"),
        # the same column list twice: the later one is reported
        Index("ix_payments_order_again", "order_id"),  # DB117
        # partial and expression indexes are never compared
        Index("ix_payments_provider_live", "provider", postgresql_where=func.true()),
        Index("ix_payments_provider_reference", "provider", "reference"),
        Index("ix_payments_email_lower", func.lower("email")),
        Index("ix_payments_email_ref", "email", "reference"),
    )


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    name: Mapped[str] = mapped_column(String(100))


Index("ix_customers_org_name", Customer.org_id, Customer.name)
Index("ix_customers_org", Customer.org_id)  # DB117


class Membership(Base):
    __tablename__ = "memberships"
    # a composite primary key leads with user_id
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    __table_args__ = (Index("ix_memberships_user", "user_id"),)  # DB117


class Seat(Base):
    __tablename__ = "seats"
    id: Mapped[int] = mapped_column(primary_key=True)
    # unique alone is stronger than unique together with venue_id: both are needed
    code: Mapped[str] = mapped_column(String(10), unique=True)
    venue_id: Mapped[int]
    label: Mapped[str] = mapped_column(String(20))
    __table_args__ = (
        UniqueConstraint("code", "venue_id"),
        # the same unique column list twice
        UniqueConstraint("label", name="uq_seats_label"),
        Index("uq_seats_label_again", "label", unique=True),  # DB117
    )


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    flow_id: Mapped[int] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(50))
    __table_args__ = (
        # exists on PostgreSQL only: not compared
        Index("ix_runs_flow_name", "flow_id", "name").ddl_if(dialect="postgresql"),
    )


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    # a prefix of the explicit B-tree index below
    title: Mapped[str] = mapped_column(String(200), index=True)  # DB117
    body: Mapped[str] = mapped_column(String(2000), index=True)
    __table_args__ = (
        # other access methods and operator classes serve other queries
        Index("ix_documents_title_trgm", "title", postgresql_using="gin",
              postgresql_ops={"title": "gin_trgm_ops"}),
        Index("ix_documents_body_pattern", "body", "id",
              postgresql_ops={"body": "text_pattern_ops"}),
        Index("ix_documents_title_btree", "title", "id", postgresql_using="btree"),
    )


class Session(Base):
    __tablename__ = "sessions"
    # primary key + index=True is DB111, not DB117
    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True)


audit = Table(
    "audit",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, index=True),  # DB117
    Column("action", String(20)),
    Index("ix_audit_actor_action", "actor_id", "action"),
)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)  # DB117
    name: str
    __table_args__ = (Index("ix_hero_team_name", "team_id", "name"),)
