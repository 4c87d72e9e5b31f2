"""Order endpoints (``async def`` routes on an AsyncSession)."""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, selectinload

from shop.async_db import get_async_db
from shop.db import get_db
from shop.models import Customer, Order, OrderItem, Product
from shop.schemas import OrderCreate, OrderRead, OrderWithItems
from shop.tasks import notify_warehouse, send_receipt

router = APIRouter(prefix="/orders", tags=["orders"])


@router.get("", response_model=list[OrderWithItems])
async def list_orders(
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0),
    db: AsyncSession = Depends(get_async_db),
) -> list[Order]:
    stmt = (
        select(Order)
        .options(selectinload(Order.items))
        .order_by(Order.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(await db.scalars(stmt))


@router.get("/{order_id}", response_model=OrderWithItems)
async def get_order(  # expect: DB212
    order_id: int, db: AsyncSession = Depends(get_async_db)
) -> Order:
    order = await db.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    return order


@router.get("/{order_id}/total")
async def order_total(
    order_id: int, db: Session = Depends(get_db)
) -> dict[str, Decimal]:
    order = db.get(Order, order_id)  # expect: DB601
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    return {"total": order.total}


@router.post("", response_model=OrderRead, status_code=201)
async def create_order(
    payload: OrderCreate, db: AsyncSession = Depends(get_async_db)
) -> Order:
    wanted = [line.product_id for line in payload.lines]
    rows = await db.scalars(select(Product).where(Product.id.in_(wanted)))
    products = {product.id: product for product in rows}
    if len(products) != len(set(wanted)):
        raise HTTPException(status_code=404, detail="Unknown product")
    items = [
        OrderItem(
            product_id=line.product_id,
            quantity=line.quantity,
            unit_price=products[line.product_id].price,
        )
        for line in payload.lines
    ]
    total = sum((item.unit_price * item.quantity for item in items), Decimal(0))
    order = Order(customer_id=payload.customer_id, total=total, items=items)
    db.add(order)
    try:
        await db.commit()
    except IntegrityError as exc:
        await db.rollback()
        raise HTTPException(status_code=409, detail=str(exc)) from exc  # expect: DB702
    await db.refresh(order)
    return order


@router.post("/{order_id}/pay", response_model=OrderRead)
async def pay_order(
    order_id: int, db: AsyncSession = Depends(get_async_db)
) -> Order:
    order = await db.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    customer = await db.get(Customer, order.customer_id)
    if customer is None or customer.balance < order.total:
        raise HTTPException(status_code=402, detail="Insufficient balance")
    customer.balance -= order.total  # expect: DB307
    await db.commit()
    order.status = "paid"
    await db.commit()  # expect: DB304
    return order


@router.post("/{order_id}/cancel", response_model=OrderRead)
async def cancel_order(
    order_id: int, db: AsyncSession = Depends(get_async_db)
) -> Order:
    order = await db.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    order.status = "cancelled"
    db.commit()  # expect: DB602
    return order


@router.post("/{order_id}/confirm", status_code=202)
async def confirm_order(
    order_id: int,
    background: BackgroundTasks,
    db: AsyncSession = Depends(get_async_db),
) -> dict[str, bool]:
    background.add_task(send_receipt, order_id)
    background.add_task(notify_warehouse, order_id, db)  # expect: DB308
    return {"queued": True}
