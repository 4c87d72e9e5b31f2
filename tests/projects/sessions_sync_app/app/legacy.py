# select: DB3,DB6
# flake8-fastapi-db: --db-test-paths=conftest.py
from app.db import ScopedSession, SessionLocal

session = SessionLocal()  # DB301
scoped = ScopedSession()  # DB301
registry = ScopedSession
