# select: DB301
# flake8-fastapi-db: --db-test-paths=conftest.py
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker

engine = create_engine("sqlite://")
async_engine = create_async_engine("sqlite+aiosqlite://")

# Factories and registries at module level are the right thing.
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)
ScopedSession = scoped_session(sessionmaker(bind=engine))
AsyncFactory = sessionmaker(bind=async_engine, class_=AsyncSession)

# Session instances at module level are shared by every request.
db = SessionLocal()  # DB301
async_db = AsyncSessionLocal()  # DB301
scoped_db = ScopedSession()  # DB301
plain = Session(engine)  # DB301
plain_async = AsyncSession(async_engine, expire_on_commit=False)  # DB301
from_class = AsyncFactory()  # DB301
begun = SessionLocal.begin()  # DB301

if engine is not None:
    conditional = SessionLocal()  # DB301

# A module-level with block closes its session at the end of the block.
with Session(engine) as script_session:
    script_session.commit()


def get_db():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


class Repository:
    session = None

    def open(self):
        self.session = SessionLocal()


if __name__ == "__main__":
    main_session = SessionLocal()
    main_session.close()


def list_items(db=SessionLocal()):  # DB301
    return db


async def list_async(*, db: AsyncSession = AsyncSessionLocal()):  # DB301
    return db


def factory_default(factory=SessionLocal):
    with factory() as session:
        return session
