# select: DB101,DB102,DB103,DB104,DB105,DB106,DB107,DB109,DB111,DB112,DB113,DB114,DB115,DB116,DB117,DB118
# The seed guide's §5 index strategy model (plus imports and a Base).
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):  # DB102
    __tablename__ = "users"

    # ✅ Primary key (automatic index)
    id: Mapped[int] = mapped_column(primary_key=True)

    # ✅ Unique columns (add unique index)
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    username: Mapped[str] = mapped_column(String(50), unique=True, index=True)

    # ✅ Foreign keys (always index)
    # (index=True duplicates the leading column of idx_org_active)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)  # DB117

    # ✅ Frequently filtered columns
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    # ✅ Composite indexes for common query patterns
    __table_args__ = (
        Index('idx_org_active', 'organization_id', 'is_active'),
        Index('idx_email_active', 'email', 'is_active'),
    )
