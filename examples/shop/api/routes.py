"""Catalogue, customer and back-office endpoints (sync ``def`` routes).

FastAPI runs ``def`` routes in its thread pool, so a synchronous Session is
the right tool here.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from decimal import Decimal

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload

from shop.db import SessionLocal, get_db
from shop.models import Category, Customer, Order, Product
from shop.schemas import (
    CategoryRead,
    CategoryWithProducts,
    CustomerCreate,
    CustomerRead,
    CustomerSpend,
    PageParams,
    ProductCreate,
    ProductRead,
    Restock,
)

logger = logging.getLogger(__name__)
router = APIRouter(tags=["catalog"])


# --- categories -----------------------------------------------------------


@router.get("/categories", response_model=list[CategoryRead])
def list_categories(
    page: PageParams = Depends(), db: Session = Depends(get_db)
) -> list[Category]:
    stmt = (
        select(Category)
        .order_by(Category.name)
        .limit(page.limit)
        .offset(page.offset)
    )
    return list(db.scalars(stmt))


@router.get("/categories/{category_id}", response_model=CategoryWithProducts)
def get_category(category_id: int, db: Session = Depends(get_db)) -> Category:
    stmt = (
        select(Category)
        .where(Category.id == category_id)
        .options(selectinload(Category.products))
    )
    category = db.scalar(stmt)
    if category is None:
        raise HTTPException(status_code=404, detail="Category not found")
    return category


@router.get("/catalog", response_model=list[CategoryWithProducts])
def catalog(
    limit: int = Query(20, ge=1, le=100), db: Session = Depends(get_db)
) -> list[Category]:
    stmt = select(Category).order_by(Category.name).limit(limit)
    return db.scalars(stmt.options(joinedload(Category.products))).all()  # expect: DB203


# --- products -------------------------------------------------------------


@router.get("/products", response_model=list[ProductRead])
def list_products(  # expect: DB204
    brand: str | None = None, db: Session = Depends(get_db)
) -> list[Product]:
    stmt = select(Product).where(Product.is_active.is_(True))
    if brand is not None:
        stmt = stmt.where(Product.brand == brand)  # expect: DB114
    return list(db.scalars(stmt))


@router.get("/products/search", response_model=list[ProductRead])
def search_products(
    q: str = Query(min_length=2, max_length=100),
    limit: int = Query(20, ge=1),  # expect: DB205
    db: Session = Depends(get_db),
) -> list[Product]:
    stmt = (
        select(Product)
        .where(Product.name.startswith(q, autoescape=True))
        .order_by(Product.name)
        .limit(limit)
    )
    return list(db.scalars(stmt))


@router.get("/products/by-sku/{sku}", response_model=ProductRead)
def get_product_by_sku(sku: str, db: Session = Depends(get_db)) -> Product:
    stmt = select(Product).where(Product.sku == sku)
    try:
        return db.scalars(stmt).all()[0]  # expect: DB210
    except IndexError:
        raise HTTPException(status_code=404, detail="Unknown SKU") from None


@router.get("/categories/{category_id}/product-count")
def count_products(
    category_id: int, db: Session = Depends(get_db)
) -> dict[str, int]:
    stmt = select(Product).where(Product.category_id == category_id)
    return {"count": len(db.scalars(stmt).all())}  # expect: DB208


@router.post("/products", response_model=ProductRead, status_code=201)
def create_product(
    payload: ProductCreate, db: Session = Depends(get_db)
) -> Product:
    product = Product(**payload.model_dump())
    db.add(product)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(status_code=409, detail="SKU exists") from None
    db.refresh(product)
    return product


@router.post("/products/import", status_code=201)
def import_products(
    rows: list[ProductCreate], db: Session = Depends(get_db)
) -> dict[str, int]:
    for row in rows:
        db.add(Product(**row.model_dump()))  # expect: DB207
    db.commit()
    return {"imported": len(rows)}


@router.post("/products/{product_id}/restock", response_model=ProductRead)
def restock(product_id: int, payload: Restock) -> Product:
    with SessionLocal() as db:  # expect: DB302
        stmt = (
            update(Product)
            .where(Product.id == product_id)
            .values(stock=Product.stock + payload.quantity)
            .returning(Product)
        )
        product = db.scalar(stmt)
        if product is None:
            raise HTTPException(status_code=404, detail="Product not found")
        db.commit()
        return product


# --- customers ------------------------------------------------------------


@router.get("/customers", response_model=list[CustomerRead])
def list_customers(
    skip: int = Query(0, ge=0),
    limit: int = Query(50, ge=1, le=100),
    db: Session = Depends(get_db),
) -> list[Customer]:
    stmt = select(Customer).offset(skip).limit(limit)  # expect: DB206
    return list(db.scalars(stmt))


@router.post("/customers", response_model=CustomerRead, status_code=201)
def register_customer(
    payload: CustomerCreate, db: Session = Depends(get_db)
) -> Customer:
    customer = Customer(**payload.model_dump())
    db.add(customer)
    try:
        db.commit()
    except IntegrityError:  # expect: DB305
        logger.info("email already registered: %s", payload.email)
        existing = select(Customer).where(Customer.email == payload.email)
        return db.scalars(existing).one()
    return customer


@router.get("/customers/top-spenders", response_model=list[CustomerSpend])
def top_spenders(
    limit: int = Query(10, ge=1, le=50), db: Session = Depends(get_db)
) -> list[CustomerSpend]:
    stmt = select(Customer).where(Customer.is_active.is_(True))
    customers = db.scalars(stmt).all()
    ranking = []
    for customer in customers:
        spent = sum(order.total for order in customer.orders)  # expect: DB201
        ranking.append(
            CustomerSpend(id=customer.id, email=customer.email, spent=spent)
        )
    ranking.sort(key=lambda row: row.spent, reverse=True)
    return ranking[:limit]


# --- back office ----------------------------------------------------------


@router.get("/admin/orders/unshipped")
def count_unshipped(db: Session = Depends(get_db)) -> dict[str, int]:
    stmt = select(func.count(Order.id)).where(
        Order.shipped_at is None  # expect: DB209
    )
    return {"unshipped": db.scalar(stmt) or 0}


@router.get("/admin/orders/revenue")
def revenue(db: Session = Depends(get_db)) -> dict[str, Decimal]:
    stmt = select(func.coalesce(func.sum(Order.total), 0))
    return {"revenue": db.scalar(stmt)}


@router.post("/admin/orders/ship")
def ship_orders(
    order_ids: list[int], db: Session = Depends(get_db)
) -> dict[str, int]:
    shipped = 0
    for order_id in order_ids:
        order = db.get(Order, order_id)  # expect: DB202
        if order is None:
            continue
        order.status = "shipped"
        order.shipped_at = datetime.now(timezone.utc)
        db.commit()  # expect: DB306
        shipped += 1
    return {"shipped": shipped}


@router.get("/admin/products/{sku}/raw")
def product_raw(sku: str, db: Session = Depends(get_db)) -> dict[str, object]:
    sql = text(f"SELECT id, name, stock FROM products WHERE sku = '{sku}'")  # expect: DB701
    row = db.execute(sql).mappings().first()
    if row is None:
        raise HTTPException(status_code=404, detail="Unknown SKU")
    return dict(row)
