# select: DB1
import uuid

from fastapi import APIRouter, Depends
from sqlmodel import Session, select

from app.models import Hero, Member, Team

router = APIRouter()


def get_session():
    ...


@router.get("/heroes/by-name/{name}")
def hero_by_name(name: str, session: Session = Depends(get_session)):
    return session.exec(select(Hero).where(Hero.name == name)).first()


@router.get("/heroes/by-secret/{secret}")
def hero_by_secret(secret: str, session: Session = Depends(get_session)):
    return session.exec(select(Hero).where(Hero.secret_name == secret)).first()  # DB114


@router.get("/teams/{team_id}/heroes")
def team_heroes(team_id: uuid.UUID, session: Session = Depends(get_session)):
    return session.exec(select(Hero).where(Hero.team_id == team_id)).all()  # DB114


@router.get("/teams/{team_id}/members")
def team_members(team_id: uuid.UUID, session: Session = Depends(get_session)):
    return session.exec(select(Member).where(Member.team_id == team_id)).all()


@router.get("/teams/by-hq/{hq}")
def team_by_hq(hq: str, session: Session = Depends(get_session)):
    return session.exec(select(Team).where(Team.headquarters == hq)).all()  # DB114
