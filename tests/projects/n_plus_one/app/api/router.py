# select: DB2, DB603
from fastapi import APIRouter

router = APIRouter(prefix="/api")
