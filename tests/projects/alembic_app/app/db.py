# select: DB4
# flake8-fastapi-db: --db-test-paths=conftest.py
"""Engine and session factory; init_db() bypasses the migrations."""
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine, autoflush=False)


def init_db() -> None:
    Base.metadata.create_all(bind=engine)  # DB401
