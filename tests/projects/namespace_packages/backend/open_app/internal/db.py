# select: DB101,DB102,DB114,DB117
from sqlalchemy import MetaData
from sqlalchemy.orm import declarative_base

metadata_obj = MetaData()
Base = declarative_base(metadata=metadata_obj)
