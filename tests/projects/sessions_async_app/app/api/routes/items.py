# select: DB3,DB6
import asyncio

from fastapi import APIRouter, Depends

from app import crud
from app.api.deps import AsyncSessionDep
from app.core.db import async_session, get_session
from app.models import Item

router = APIRouter()


@router.get("/items")
async def list_items(session: AsyncSessionDep):
    return session.query(Item).all()  # DB605


@router.post("/items")
async def create(item_id: int, session=Depends(get_session)):
    session.add(Item(id=item_id, stock=0))
    session.commit()  # DB602


@router.get("/items/summary")
async def summary(session: AsyncSessionDep):
    return await asyncio.gather(  # DB606
        crud.get_item(session, 1),
        crud.count_items(session),
    )


@router.get("/items/{item_id}")
async def read(item_id: int):
    async with async_session() as session:  # DB302
        return await crud.get_item(session, item_id)


@router.post("/items/{item_id}/restock")
async def restock(item_id: int, session: AsyncSessionDep):
    item = await crud.get_item(session, item_id)
    await session.commit()
    return item


@router.post("/items/{item_id}/reserve")
async def reserve(item_id: int, session: AsyncSessionDep):
    await crud.reserve(session, item_id)
