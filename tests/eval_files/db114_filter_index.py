# select: DB114
import enum
from datetime import datetime
from typing import Literal, Optional

from fastapi import APIRouter, Depends
from sqlalchemy import (
    CheckConstraint,
    Boolean,
    Enum,
    ForeignKey,
    Index,
    UniqueConstraint,
    String,
    and_,
    desc,
    select,
    tuple_,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlmodel import Field, SQLModel

from app.deps import get_db
from third_party.models import VendorModel

router = APIRouter()


class Status(enum.Enum):
    active = "active"
    banned = "banned"


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    nickname: Mapped[str] = mapped_column(String(50))
    city: Mapped[str] = mapped_column(String(50))
    country: Mapped[str] = mapped_column(String(2))
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id"))
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    score: Mapped[int]
    rank: Mapped[int]
    age: Mapped[int]
    session_stamp: Mapped[str] = mapped_column(String(36))
    revision: Mapped[int]
    created_at: Mapped[datetime]
    last_login: Mapped[Optional[datetime]]
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    verified: Mapped[bool]
    status: Mapped[Status] = mapped_column(Enum(Status))
    tier: Mapped[Literal["free", "pro"]] = mapped_column(String(10))
    role: Mapped[Status]
    __table_args__ = (
        Index("ix_users_org_created", "org_id", "created_at"),
        Index("ix_users_country_city", "country", "city"),
        {"comment": "application users"},
    )


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reference: Mapped[str] = mapped_column(String(64))


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    secret_name: str
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")


def foreign_key_field(target: str, **kwargs):
    return Field(foreign_key=target, index=True, **kwargs)


class Sidekick(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    # a project helper builds the Field: its index flag is not visible
    hero_id: int = foreign_key_field("hero.id")
    nickname: str


class Vendor(VendorModel):
    __tablename__ = "vendors"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))


@router.get("/users/by-email")
def by_email(email: str, db: Session = Depends(get_db)):
    # unique column: indexed
    return db.scalars(select(User).where(User.email == email)).first()


@router.get("/users/by-nickname")
async def by_nickname(nickname: str, db: AsyncSession = Depends(get_db)):
    result = await db.execute(select(User).where(User.nickname == nickname))  # DB114
    return result.scalars().first()


def reported_once(db: Session, nickname: str):
    # second use of the same column in the file: already reported above
    return db.scalars(select(User).where(User.nickname == nickname)).all()


def legacy_query(db: Session, score: int):
    return db.query(User).filter(User.score == score).all()  # DB114


def filter_by_keyword(db: Session, rank: int):
    return db.query(User).filter_by(rank=rank).first()  # DB114


def in_filter(db: Session, names: list[str]):
    return db.scalars(select(Hero).where(Hero.secret_name.in_(names))).all()  # DB114


def reversed_operands(db: Session, last_login: datetime):
    return db.scalars(select(User).where(last_login == User.last_login)).all()  # DB114


def sort_newest(db: Session):
    stmt = select(Order).order_by(Order.reference.desc())  # DB114
    return db.scalars(stmt).all()


def composite_cover(db: Session, org_id: int):
    # org_id leads ix_users_org_created; created_at follows an equality on org_id
    stmt = select(User).where(User.org_id == org_id).order_by(desc(User.created_at))
    return db.scalars(stmt).all()


def composite_cover_and(db: Session, country: str, city: str):
    # country leads the composite; city follows an equality on country
    return db.scalars(select(User).where(and_(User.country == country,
                                              User.city == city))).all()


def join_on(db: Session):
    stmt = select(User, Hero).join(Hero, Hero.team_id == User.team_id)  # DB114
    return db.execute(stmt).all()


def low_cardinality(db: Session):
    # booleans, enums and Literal types are not worth an index
    stmt = select(User).where(
        User.is_active == True,  # noqa: E712
        User.verified == False,  # noqa: E712
        User.status == Status.active,
        User.tier == "pro",
        User.role == Status.banned,
    )
    return db.scalars(stmt).all()


def primary_and_indexed(db: Session, user_id: int, team_id: int, name: str):
    db.get(User, user_id)
    db.scalars(select(User).where(User.id == user_id, User.team_id == team_id)).all()
    return db.scalars(select(Hero).where(Hero.name == name)).all()


def not_equality(db: Session, score: int):
    # range filters are not judged
    return db.scalars(select(User).where(User.age > score)).all()


def unresolved_model(db: Session, code: str):
    return db.scalars(select(Vendor).where(Vendor.code == code)).all()


def sidekicks_of(db: Session, hero_id: int, nickname: str):
    stmt = select(Sidekick).where(Sidekick.hero_id == hero_id)
    db.scalars(select(Sidekick).where(Sidekick.nickname == nickname)).all()  # DB114
    return db.scalars(stmt).all()


def optimistic_update(db: Session, user_id: int, stamp: str, revision: int):
    # the primary key pins the row: the other conditions need no index
    db.execute(
        update(User)
        .where(User.id == user_id, User.session_stamp == stamp, User.revision == revision)
        .values(revision=revision + 1)
    )
    # a unique column pins it too
    return db.scalars(select(User).where(User.email == "a@b.c", User.revision == 1)).all()


def by_stamp(db: Session, stamp: str):
    return db.scalars(select(User).where(User.session_stamp == stamp)).first()  # DB114


TICKET_STATES = "state IN ('open', 'closed')"


class Ticket(Base):
    """String columns kept to a few values by an IN-list CHECK are enums in all but type."""

    __tablename__ = "tickets"
    __table_args__ = (
        CheckConstraint(TICKET_STATES, name="ck_ticket_state"),
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in ('bug', 'task'))})"),
        CheckConstraint("length(title) > 0"),
        CheckConstraint("channel = 'web' OR channel = 'api'"),
        CheckConstraint("(tier IS NULL OR tier IN ('free', 'pro'))"),
        CheckConstraint("origin = 'import' OR length(origin) > 3"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(
        String(10), CheckConstraint("level IN ('low', 'high')")
    )
    title: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(10))
    tier: Mapped[str] = mapped_column(String(10), nullable=True)
    origin: Mapped[str] = mapped_column(String(10))


def tickets_by_state(db: Session, state: str, kind: str, level: str, title: str):
    db.scalars(select(Ticket).where(Ticket.state == state, Ticket.kind == kind)).all()
    db.scalars(select(Ticket).where(Ticket.level == level)).all()
    db.scalars(select(Ticket).where(Ticket.channel == "web", Ticket.tier == "pro")).all()
    db.scalars(select(Ticket).where(Ticket.origin == level)).all()  # DB114
    return db.scalars(select(Ticket).where(Ticket.title == title)).all()  # DB114


class Attempt(Base):
    __tablename__ = "attempts"
    __table_args__ = (UniqueConstraint("run_id", "example_id", "repetition"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column()
    example_id: Mapped[int] = mapped_column()
    repetition: Mapped[int] = mapped_column()


def attempts_in_order(db: Session, run_id: int):
    """The composite index serves the equality prefix and then the sort order."""
    return db.scalars(
        select(Attempt).where(Attempt.run_id == run_id)
        .order_by(Attempt.example_id, Attempt.repetition)
    ).all()


def attempts_by_repetition(db: Session, run_id: int):
    return db.scalars(
        select(Attempt).where(Attempt.run_id == run_id).order_by(Attempt.repetition)  # DB114
    ).all()


class RunScore(Base):
    __tablename__ = "run_scores"
    __table_args__ = (UniqueConstraint("run_id", "example_id", "repetition"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column()
    example_id: Mapped[int] = mapped_column()
    repetition: Mapped[int] = mapped_column()


def scores_of_pairs(db: Session, pairs: list[tuple[int, int]]):
    """A tuple IN pins both columns: the unique constraint serves it and the sort."""
    return db.scalars(
        select(RunScore)
        .where(tuple_(RunScore.run_id, RunScore.example_id).in_(pairs))
        .order_by(RunScore.repetition)
    ).all()


class ScoreNote(Base):
    __tablename__ = "score_notes"
    __table_args__ = (UniqueConstraint("score_id", "author"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("run_scores.id"))
    author: Mapped[str] = mapped_column(String(50))
    body: Mapped[str] = mapped_column(String(500))


def notes_by_author(db: Session, author: str):
    """The join probes ScoreNote by score_id: (score_id, author) serves the filter."""
    return db.scalars(
        select(RunScore)
        .join(ScoreNote, ScoreNote.score_id == RunScore.id)
        .where(ScoreNote.author == author)
    ).all()


def scores_noted_by(db: Session, author: str):
    """The same inner join written from ScoreNote: the database orders an inner join's
    tables itself, so it may still probe (score_id, author) from run_scores."""
    return db.scalars(
        select(ScoreNote.body)
        .select_from(ScoreNote)
        .join(RunScore, ScoreNote.score_id == RunScore.id)
        .where(ScoreNote.author == author)
    ).all()


def scores_noted_by_or_not(db: Session, author: str):
    """A left outer join reads every ScoreNote row and probes RunScore, never ScoreNote."""
    return db.scalars(
        select(ScoreNote.body)
        .select_from(ScoreNote)
        .outerjoin(RunScore, ScoreNote.score_id == RunScore.id)
        .where(ScoreNote.author == author)  # DB114
    ).all()


class ScoreReply(Base):
    __tablename__ = "score_replies"
    __table_args__ = (UniqueConstraint("score_id", "author"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("run_scores.id"))
    author: Mapped[str] = mapped_column(String(50))


# A column is reported once per file, at its first unindexed use: the silent case
# comes first, so a finding there would move the report to its line.
def replies_maybe_outer(db: Session, author: str, outer: bool):
    """Whether the join is outer is not known: silent."""
    return db.scalars(select(ScoreReply.id).select_from(ScoreReply).join(
        RunScore, ScoreReply.score_id == RunScore.id, isouter=outer,
    ).where(ScoreReply.author == author)).all()


def replies_outer(db: Session, author: str):
    return db.scalars(select(ScoreReply.id).select_from(ScoreReply).join(
        RunScore, ScoreReply.score_id == RunScore.id, isouter=True,
    ).where(ScoreReply.author == author)).all()  # DB114


def notes_with_body(db: Session, body: str):
    return db.scalars(
        select(RunScore)
        .join(ScoreNote, ScoreNote.score_id == RunScore.id)
        .where(ScoreNote.body == body)  # DB114
    ).all()


def attempts_of_example_pairs(db: Session, pairs: list[tuple[int, int]]):
    return db.scalars(
        select(Attempt).where(tuple_(Attempt.example_id, Attempt.repetition).in_(pairs))  # DB114
    ).all()


if __name__ == "__main__":
    print(select(User).where(User.id == 1))
