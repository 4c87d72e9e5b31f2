# select: DB3,DB6
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db

SessionDep = Annotated[Session, Depends(get_db)]
