# select: DB101,DB102,DB107,DB114,DB117
from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

import app.models as m
from app import models
from app.models import Item
from app.models.user import User

router = APIRouter()


def get_db():
    ...


@router.get("/users/by-name")
def by_name(name: str, db: Session = Depends(get_db)):
    return db.scalars(select(m.User).where(m.User.full_name == name)).all()  # DB114


@router.get("/users/by-city")
def by_city(city: str, db: Session = Depends(get_db)):
    # leads the module-level Index in app/models/user.py
    return db.scalars(select(models.User).where(models.User.city == city)).all()


@router.get("/users/by-email")
def by_email(email: str, db: Session = Depends(get_db)):
    return db.scalars(select(User).where(User.email == email)).first()


@router.get("/items")
def items(title: str, db: Session = Depends(get_db)):
    stmt = select(Item).join(User, Item.owner_id == User.id).where(Item.title == title)  # DB114, DB114
    return db.scalars(stmt).all()
