# select: DB301
# flake8-fastapi-db: --db-test-paths=*_exempt.py
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)

# Test modules may keep a module-level session for fixtures.
db = SessionLocal()
