# select: DB2, DB603
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
