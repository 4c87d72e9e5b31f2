# select: DB3,DB6
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import get_session

AsyncSessionDep = Annotated[AsyncSession, Depends(get_session)]
