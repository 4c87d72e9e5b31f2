# select: DB3,DB6
from sqlmodel import Session, create_engine, select

from app.models import User

engine = create_engine("postgresql+psycopg://app@db/app", pool_pre_ping=True)


def init_db(session: Session) -> None:
    user = session.exec(select(User).where(User.email == "admin@example.com")).first()
    if not user:
        session.add(User(email="admin@example.com"))
        session.commit()
        session.refresh(user)
