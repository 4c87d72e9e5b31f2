# select: DB1
import uuid
from typing import Optional

from sqlmodel import Field, Relationship, SQLModel

from .base import HeroBase, TimestampedBase


class Team(TimestampedBase, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(index=True, max_length=100)
    headquarters: str = Field(max_length=200)
    heroes: list["Hero"] = Relationship(back_populates="team")
    members: list["Member"] = Relationship(back_populates="team", cascade_delete=True)


class Hero(HeroBase, TimestampedBase, table=True):  # DB101, DB106
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    team: Optional[Team] = Relationship(back_populates="heroes")


class Member(TimestampedBase, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True, ondelete="CASCADE")
    owner_id: uuid.UUID = Field(foreign_key="user.id")  # DB101, DB110
    email: str = Field(max_length=255)  # DB107
    team: Team = Relationship(back_populates="members")


class Mission(SQLModel, table=True):  # DB102, DB116
    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(max_length=20)


class HeroCreate(HeroBase):
    password: str


class HeroPublic(HeroBase):
    id: uuid.UUID
