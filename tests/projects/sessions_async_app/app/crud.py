# select: DB3,DB6
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def get_item(session: AsyncSession, item_id: int) -> Item | None:
    return await session.get(Item, item_id)


async def count_items(session: AsyncSession) -> int:
    return len((await session.scalars(select(Item))).all())


async def create_item(session: AsyncSession, item: Item) -> Item | None:
    session.add(item)
    try:
        await session.commit()
    except IntegrityError:  # DB305
        return None
    return item


async def reserve(session: AsyncSession, item_id: int) -> None:
    stmt = select(Item).where(Item.id == item_id).with_for_update()
    item = (await session.execute(stmt)).scalar_one()
    item.stock -= 1
    await session.commit()
