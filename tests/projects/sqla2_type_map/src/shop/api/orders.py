# select: DB1
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from shop.db import Customer, Order
from shop.db.models import OrderStatus, Product
from shop.deps import get_session

router = APIRouter(prefix="/orders")
SessionDep = Annotated[AsyncSession, Depends(get_session)]


@router.get("/")
async def list_orders(
    session: SessionDep,
    customer_id: int,
    status: OrderStatus | None = None,
    limit: int = Query(50, le=200),
    offset: int = 0,
):
    stmt = select(Order).where(Order.customer_id == customer_id)
    if status is not None:
        stmt = stmt.where(Order.status == status)
    stmt = stmt.order_by(Order.placed_at.desc()).limit(limit).offset(offset)
    return (await session.scalars(stmt.options(selectinload(Order.lines)))).all()


@router.get("/by-email")
async def by_email(session: SessionDep, email: str):
    stmt = select(Customer).where(Customer.email == email)
    return await session.scalar(stmt)


@router.get("/products/{sku}")
async def product(session: SessionDep, sku: str):
    return await session.scalar(select(Product).where(Product.sku == sku))


@router.get("/count")
async def count(session: SessionDep, customer_id: int):
    stmt = select(func.count()).select_from(Order).where(Order.customer_id == customer_id)
    return await session.scalar(stmt)
