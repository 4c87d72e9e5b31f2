# select: DB3,DB6
from sqlmodel import Session, select

from app.models import User


def create_user(*, session: Session, email: str) -> User:
    db_obj = User(email=email)
    session.add(db_obj)
    session.commit()
    session.refresh(db_obj)
    return db_obj


def get_user_by_email(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email)).first()


def record_login(*, session: Session, email: str) -> None:
    user = session.exec(select(User).where(User.email == email)).one()
    user.logins += 1  # DB307
    session.add(user)
    session.commit()
