# select: DB101,DB102,DB103,DB104,DB105,DB106,DB107,DB109,DB111,DB112,DB113,DB114,DB115,DB116,DB117,DB118
# The seed guide's §1 anti-pattern model (plus imports and a Base).
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


# ❌ Bad: Missing indexes, no timestamps, unclear relationships
class User(Base):  # DB102, DB116
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)  # DB112
    email = Column(String)  # DB105, DB107, DB112
    password = Column(String)  # DB105, DB106, DB112
    # Missing created_at, updated_at
    # Missing is_active, is_deleted flags

    # No cascade rules (the Post model is not in this file: not judged)
    posts = relationship("Post")
