# select: DB703
# flake8-fastapi-db: --db-test-paths=*db703_exempt_in_test_paths.py
# This file matches the test paths: test fixtures may hold throwaway credentials.
from sqlalchemy import create_engine

TEST_DATABASE_URL = "postgresql://app:S3cr3t-pw@db.internal/app_test"
engine = create_engine("postgresql://app:S3cr3t-pw@db.internal/app_test")
