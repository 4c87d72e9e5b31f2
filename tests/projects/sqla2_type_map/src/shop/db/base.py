# select: DB1
import datetime
import decimal
import uuid
from typing import Annotated

from sqlalchemy import BigInteger, DateTime, MetaData, Numeric, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column

str50 = Annotated[str, 50]
str255 = Annotated[str, 255]
money = Annotated[decimal.Decimal, 2]
intpk = Annotated[int, mapped_column(primary_key=True)]
created = Annotated[
    datetime.datetime,
    mapped_column(server_default=func.now()),
]


class Base(MappedAsDataclass, DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {
        str50: String(50),
        str255: String(255),
        money: Numeric(12, 2),
        int: BigInteger,
        datetime.datetime: DateTime(timezone=True),
        uuid.UUID: String(36),
    }


class TimestampMixin(MappedAsDataclass):
    created_at: Mapped[created] = mapped_column(init=False)
    updated_at: Mapped[datetime.datetime] = mapped_column(
        init=False, server_default=func.now(), onupdate=func.now()
    )
