# select: DB4
"""Test fixtures build a throwaway schema with create_all: a test path (tests/*), not reported."""
import pytest
from sqlalchemy import create_engine

from app.models import Base


@pytest.fixture
def engine():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()
