# select: DB101,DB107,DB114
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    # unique through a constraint created by migration 0001
    username: Mapped[str] = mapped_column(String(50))
    # indexed by migration 0001
    nickname: Mapped[str] = mapped_column(String(50))
    # indexed by 0001, dropped by 0002
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    # FK indexed only in migration 0001 (op.create_table with sa.Index)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    # FK indexed by 0001 and dropped by 0002
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))  # DB101
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"))
    # FK indexed by op.create_index(op.f(...)) in 0001
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    score: Mapped[int]
    # indexed by 0003 in versions/postgresql/
    rank: Mapped[int]

    __table_args__ = (Index("ix_users_tenant_created", "tenant_id", "created_at"),)
