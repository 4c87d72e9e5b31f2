# select: DB101
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
