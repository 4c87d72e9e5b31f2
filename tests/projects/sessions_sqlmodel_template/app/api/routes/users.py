# select: DB3,DB6
from typing import Any

from fastapi import APIRouter
from sqlmodel import func, select

from app import crud
from app.api.deps import SessionDep
from app.models import User

router = APIRouter(prefix="/users")


@router.get("/")
def read_users(session: SessionDep, skip: int = 0, limit: int = 100) -> Any:
    count = session.exec(select(func.count()).select_from(User)).one()
    users = session.exec(select(User).offset(skip).limit(limit)).all()
    return {"data": users, "count": count}


@router.post("/")
def create_user(session: SessionDep, email: str) -> Any:
    return crud.create_user(session=session, email=email)


@router.get("/me")
async def read_me(session: SessionDep, email: str) -> Any:
    return session.exec(select(User).where(User.email == email)).first()  # DB601
