"""Pydantic request and response models."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class ORMModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PageParams(BaseModel):
    """Query-string pagination, used as ``page: PageParams = Depends()``."""

    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)


class CategoryRead(ORMModel):
    id: int
    name: str
    slug: str


class ProductRead(ORMModel):
    id: int
    sku: str
    name: str
    brand: str | None
    price: Decimal
    stock: int
    category_id: int


class CategoryWithProducts(CategoryRead):
    products: list[ProductRead]


class ProductCreate(BaseModel):
    sku: str = Field(max_length=32)
    name: str = Field(max_length=200)
    description: str = ""
    brand: str | None = None
    price: Decimal = Field(gt=0)
    stock: int = Field(0, ge=0)
    category_id: int


class Restock(BaseModel):
    quantity: int = Field(gt=0)


class CustomerCreate(BaseModel):
    email: str = Field(max_length=255)
    full_name: str = Field(max_length=200)
    password: str = Field(min_length=8)


class CustomerRead(ORMModel):
    id: int
    email: str
    full_name: str


class CustomerSpend(BaseModel):
    id: int
    email: str
    spent: Decimal


class OrderItemCreate(BaseModel):
    product_id: int
    quantity: int = Field(gt=0)


class OrderCreate(BaseModel):
    customer_id: int
    lines: list[OrderItemCreate] = Field(min_length=1)


class OrderItemRead(ORMModel):
    product_id: int
    quantity: int
    unit_price: Decimal


class OrderRead(ORMModel):
    id: int
    customer_id: int
    status: str
    total: Decimal


class OrderWithItems(OrderRead):
    items: list[OrderItemRead]
