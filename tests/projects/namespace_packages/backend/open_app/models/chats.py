# select: DB101,DB102,DB114,DB117
# models/ and internal/ have no __init__.py: namespace subpackages of open_app.
from sqlalchemy import BigInteger, Boolean, Column, Index, String, Text

from open_app.internal.db import Base


class Chat(Base):
    __tablename__ = "chat"

    id = Column(String(64), primary_key=True)
    user_id = Column(String(64), index=True)  # DB117
    title = Column(Text)
    pinned = Column(Boolean, default=False)
    folder_id = Column(Text, nullable=True)
    created_at = Column(BigInteger)
    updated_at = Column(BigInteger, onupdate=0)

    __table_args__ = (
        Index("folder_id_idx", "folder_id"),
        Index("user_id_pinned_idx", "user_id", "pinned"),
    )
