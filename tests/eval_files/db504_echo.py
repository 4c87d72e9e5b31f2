# select: DB504
import os

from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import settings

c1 = create_engine("sqlite:///./app.db", echo=True)  # DB504
c2 = create_async_engine(settings.DATABASE_URL, echo=True)  # DB504
c3 = create_engine("sqlite:///./app.db", echo="debug")  # DB504
c4 = create_async_engine(
    settings.DATABASE_URL,
    pool_pre_ping=True,
    echo=True,  # DB504
)
DEBUG_OPTIONS = {"echo": True}  # DB504
c5 = create_engine(settings.DATABASE_URL, **DEBUG_OPTIONS)

# Not literals, or off.
ok1 = create_engine(settings.DATABASE_URL, echo=settings.DEBUG)
ok2 = create_engine(settings.DATABASE_URL, echo=os.getenv("SQL_ECHO") == "1")
ok3 = create_engine(settings.DATABASE_URL, echo=False)
ok4 = create_engine(settings.DATABASE_URL, echo_pool=True)
ok5 = create_engine(settings.DATABASE_URL, echo=settings.DEBUG and True)

if __name__ == "__main__":
    # A script run by hand: echo is its intended output.
    script_engine = create_engine("sqlite:///./app.db", echo=True)
