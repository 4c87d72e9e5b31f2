# select: DB604
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession as SQLModelAsyncSession

engine = create_async_engine("sqlite+aiosqlite://")
settings = {"expire_on_commit": False}
EXPIRE = False

async_session = async_sessionmaker(engine)  # DB604
explicit_true = async_sessionmaker(engine, expire_on_commit=True)  # DB604
class_kw = sessionmaker(engine, class_=AsyncSession)  # DB604
sqlmodel_class = sessionmaker(engine, class_=SQLModelAsyncSession)  # DB604


async def script():
    async with AsyncSession(engine) as session:  # DB604
        await session.commit()
    async with SQLModelAsyncSession(engine) as session:  # DB604
        await session.commit()


# expire_on_commit=False, non-literal values, **kwargs and sync factories stay silent.
good = async_sessionmaker(engine, expire_on_commit=False)
good_class = sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
from_setting = async_sessionmaker(engine, expire_on_commit=EXPIRE)
from_kwargs = async_sessionmaker(engine, **settings)
sync_factory = sessionmaker(bind=create_engine("sqlite://"))
sync_session = Session(create_engine("sqlite://"))


async def good_script():
    async with AsyncSession(engine, expire_on_commit=False) as session:
        await session.commit()
