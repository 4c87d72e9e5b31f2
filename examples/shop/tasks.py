"""Work done outside the request cycle: background tasks and cron jobs."""

from __future__ import annotations

import logging

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from shop.db import SessionLocal
from shop.models import Customer, Order

logger = logging.getLogger(__name__)

# Shared by the cron helpers below: a leftover from the first prototype.
session = SessionLocal()  # expect: DB301


def deactivate_customers(customer_ids: list[int]) -> None:
    stmt = (
        update(Customer)
        .where(Customer.id.in_(customer_ids))
        .values(is_active=False)
    )
    session.execute(stmt)
    session.commit()


def send_receipt(order_id: int) -> None:
    """Background task that opens its own session, as it should."""
    with SessionLocal() as db:
        order = db.get(Order, order_id)
        if order is not None:
            logger.info("receipt: order %s, total %s", order.id, order.total)


async def notify_warehouse(order_id: int, db: AsyncSession) -> None:
    order = await db.get(Order, order_id)
    if order is not None:
        logger.info("order %s is ready for picking", order.id)


if __name__ == "__main__":
    # Script code, not module scope: a session opened here is fine.
    with SessionLocal() as cron_session:
        active = select(func.count(Customer.id)).where(Customer.is_active)
        print("active customers:", cron_session.scalar(active))
