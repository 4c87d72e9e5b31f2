# select: DB1
import uuid
from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class TimestampedBase(SQLModel):
    """A non-table base: its fields become columns of the table models below it."""

    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    updated_at: datetime = Field(
        default_factory=utcnow,
        sa_type=DateTime(timezone=True),
        sa_column_kwargs={"onupdate": utcnow},
    )
    is_active: bool = True


class HeroBase(SQLModel):
    name: str = Field(index=True, max_length=100)
    secret_name: str = Field(max_length=100)
    age: Optional[int] = Field(default=None, index=True)
    # a schema field: no finding here, but the table model inherits an unindexed FK
    team_id: Optional[uuid.UUID] = Field(default=None, foreign_key="team.id")  # DB110
    password: Optional[str] = None
