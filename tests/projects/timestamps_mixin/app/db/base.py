# select: DB102,DB103,DB104
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
