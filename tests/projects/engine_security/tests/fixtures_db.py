# flake8-fastapi-db: --db-test-paths=engine_security/tests/*
# Test fixtures may hold throwaway credentials (test paths are exempt from DB703).
from sqlalchemy import create_engine

TEST_DATABASE_URL = "postgresql://app:T3st-pw@db.internal/app_test"
test_engine = create_engine(TEST_DATABASE_URL, pool_pre_ping=True, pool_recycle=60)
