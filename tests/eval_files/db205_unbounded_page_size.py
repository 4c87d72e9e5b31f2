# select: DB205
from sqlalchemy import Column, Integer, String, Table, and_, delete, func, insert, not_, or_
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import (
    Load, Session, contains_eager, defaultload, joinedload, raiseload, selectinload,
    subqueryload,
)

from query_models import Comment, Post, User, accounts
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, conint

router = APIRouter()


def get_db():
    ...


class Pagination(BaseModel):
    skip: int = 0
    limit: int = Field(100, ge=1)  # DB205


class BoundedPagination(BaseModel):
    skip: int = 0
    limit: int = Field(100, ge=1, le=100)


def paging(page: int = 1, per_page: int = 20):  # DB205
    return page, per_page


@router.get("/a")
def a(limit: int = 100):  # DB205
    return limit


@router.get("/b")
def b(page_size: int = Query(20, ge=1)):  # DB205
    return page_size


@router.get("/c")
def c(size: Optional[int] = None, per_page: Annotated[int, Query(ge=1)] = 10):  # DB205
    return size, per_page


@router.get("/d")
def d(p: Pagination = Depends()):
    return p


@router.get("/e")
def e(p: Annotated[tuple, Depends(paging)]):
    return p


# ---- does not trigger ----------------------------------------------------
@router.get("/f")
def f(limit: int = Query(100, le=1000), size: Annotated[int, Query(le=50)] = 10,
      page_size: conint(ge=1, le=100) = 20, per_page: Annotated[int, Field(lt=101)] = 20):
    return limit, size, page_size, per_page


@router.get("/g")
def g(p: BoundedPagination = Depends()):
    return p


@router.get("/h")
def h(limit: int = 100):
    limit = min(limit, 500)
    return limit


@router.get("/i")
def i(limit: int = 100):
    if limit > 500:
        raise ValueError(limit)
    return limit


@router.get("/j")
def j(size: str = "large", offset: int = 0, skip: int = 0):
    return size, offset, skip


@router.get("/k")
def k(limit: int = limit_from_settings(), size: Annotated[int, Depends(get_size)] = 10):
    return limit, size


def limit_from_settings():
    return Query(100)


def get_size():
    return 10


def not_a_route(limit: int = 100):
    return limit


# Clamped inline where it is used: min(max(limit, 1), MAX) as an argument.
@router.get("/k")
def k(skip: int = 0, limit: int = 50):
    return fetch_page(skip, min(max(limit, 1), 100))


def _paged(stmt, *, limit: int | None):
    effective = 50 if not limit else min(limit, 500)
    return stmt.limit(effective)


# Clamped by a helper of the same module that receives it.
@router.get("/l")
def l_route(limit: int | None = None):
    return _paged(STMT, limit=limit)


def _unclamped(stmt, limit):
    return stmt.limit(limit)


# A helper that does not clamp: still reported.
@router.get("/m")
def m(limit: int = 50):  # DB205
    return _unclamped(STMT, limit)
