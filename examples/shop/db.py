"""Synchronous engine, session factory and the request-scoped session."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

DATABASE_URL = "postgresql+psycopg://shop:s3cret-pw@db.internal:5432/shop"  # expect: DB703

engine = create_engine(DATABASE_URL, echo=True, pool_recycle=1800)  # expect: DB501,DB504
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


def get_db() -> Iterator[Session]:
    """FastAPI dependency: one session per request, closed afterwards."""
    with SessionLocal() as session:
        yield session
