# select: DB201, DB204, DB212, DB603
from typing import Optional

from fastapi import Depends, FastAPI
from sqlalchemy.orm import selectinload
from sqlmodel import Field, Relationship, Session, SQLModel, select

app = FastAPI()


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    heroes: list["Hero"] = Relationship(back_populates="team")


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)
    team: Optional[Team] = Relationship(back_populates="heroes")


class TeamRead(SQLModel):
    id: int
    name: str


class HeroRead(SQLModel):
    id: int
    name: str
    team: Optional[TeamRead] = None


def get_session():
    ...


def hero_names(session: Session):
    heroes = session.exec(select(Hero)).all()
    return [(hero.name, hero.team) for hero in heroes]  # DB201


@app.get("/heroes", response_model=list[HeroRead])
def read_heroes(session: Session = Depends(get_session), offset: int = 0, limit: int = 10):  # DB212
    return session.exec(select(Hero).order_by(Hero.id).offset(offset).limit(limit)).all()


@app.get("/teams")
def read_teams(session: Session = Depends(get_session)):  # DB204
    return session.exec(select(Team)).all()


# ---- does not trigger ----------------------------------------------------
@app.get("/heroes-eager", response_model=list[HeroRead])
def read_heroes_eager(session: Session = Depends(get_session), limit: int = 10):
    stmt = select(Hero).options(selectinload(Hero.team)).order_by(Hero.id).limit(limit)
    return session.exec(stmt).all()


def team_names(session: Session):
    return [team.name for team in session.exec(select(Team))]
