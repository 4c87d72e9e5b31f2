# select: DB401
# flake8-fastapi-db: --db-test-paths=*db401_test_paths.py
"""Test files (here: this one, through --db-test-paths) create their schema freely."""
import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


@pytest.fixture
def engine():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    Base.metadata.drop_all(engine)
