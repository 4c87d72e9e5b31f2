"""ASGI entry point: ``uvicorn shop.main:app``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from shop import async_db
from shop.api import orders, routes
from shop.db import engine
from shop.models import Base


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await async_db.engine.dispose()


app = FastAPI(title="Shop", lifespan=lifespan)
app.include_router(routes.router)
app.include_router(orders.router)

Base.metadata.create_all(bind=engine)  # expect: DB401


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
