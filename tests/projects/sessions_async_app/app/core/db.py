# select: DB3,DB6
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

engine = create_async_engine("sqlite+aiosqlite:///./app.db")
async_session = async_sessionmaker(engine)  # DB604


async def get_session():
    async with async_session() as session:
        yield session
