# select: DB115
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, and_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    project: Mapped[str] = mapped_column(String(50), index=True)
    owner: Mapped[str] = mapped_column(String(50), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    queue: Mapped[str] = mapped_column(String(20), index=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    assignee_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), index=True)
    __table_args__ = (Index("ix_tickets_state_queue", "state", "queue"),)


def mine(db: Session, project: str, owner: str):
    stmt = select(Ticket).where(Ticket.project == project, Ticket.owner == owner)  # DB115
    return db.scalars(stmt).all()


def chained_filters(db: Session, project: str, owner: str):
    return db.query(Ticket).filter(Ticket.project == project).filter(Ticket.owner == owner).all()  # DB115


def with_and(db: Session, project: str, owner: str):
    return db.scalars(select(Ticket).where(and_(Ticket.project == project, Ticket.owner == owner))).all()  # DB115


def filter_by(db: Session, project: str, owner: str):
    return db.query(Ticket).filter_by(project=project, owner=owner).all()  # DB115


def covered(db: Session, state: str, queue: str):
    # the composite index leads with both columns, in any order of the conditions
    return db.scalars(select(Ticket).where(Ticket.queue == queue, Ticket.state == state)).all()


def unique_member(db: Session, project: str, reference: str):
    return db.scalars(select(Ticket).where(Ticket.project == project,
                                           Ticket.reference == reference)).all()


def primary_key_member(db: Session, ticket_id: int, owner: str):
    return db.scalars(select(Ticket).where(Ticket.id == ticket_id, Ticket.owner == owner)).all()


def is_none(db: Session, project: str):
    # .is_() is not an equality
    return db.scalars(select(Ticket).where(Ticket.project == project,
                                           Ticket.assignee_id.is_(None))).all()


def single_column(db: Session, owner: str):
    return db.scalars(select(Ticket).where(Ticket.owner == owner)).all()


def separate_statements(db: Session, project: str, owner: str):
    # conditions of two different statements are not combined
    a = db.scalars(select(Ticket).where(Ticket.project == project)).all()
    b = db.scalars(select(Ticket).where(Ticket.owner == owner)).all()
    return a, b
