"""The shared session layer (analysis/sessions.py) asked directly, across modules."""
from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_fastapi_db.analysis.dependencies import dependency_functions
from flake8_fastapi_db.analysis.sessions import session_facts
from flake8_fastapi_db.context import FileContext
from flake8_fastapi_db.settings import Settings

DB = '''
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)
AsyncLocal = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"))
ClassAsync = sessionmaker(class_=AsyncSession)


def get_db():
    with SessionLocal() as db:
        yield db


async def get_async_db():
    async with AsyncLocal() as db:
        yield db
'''

DEPS = '''
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db

SessionDep = Annotated[Session, Depends(get_db)]
'''

ROUTES = '''
from fastapi import APIRouter, Depends, Security

from app.db import AsyncLocal, ClassAsync, SessionLocal, get_async_db, get_db
from app.deps import SessionDep

router = APIRouter()


def local_dep():
    return 1


@router.get("/")
async def route(a: SessionDep, b=Depends(get_async_db), c=Security(get_db), x=Depends(local_dep)):
    d = SessionLocal()
    async with AsyncLocal() as e:
        f = ClassAsync()
        probe(a, b, c, d, e, f, x)
'''


@pytest.fixture
def routes_ctx(tmp_path: Path) -> FileContext:
    (tmp_path / "pyproject.toml").write_text("")
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "db.py").write_text(DB)
    (app / "deps.py").write_text(DEPS)
    path = app / "routes.py"
    source = textwrap.dedent(ROUTES)
    path.write_text(source)
    tree = ast.parse(source)
    ctx = FileContext(tree, str(path), source.splitlines(keepends=True), Settings())
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            ctx.parents[child] = node
    return ctx


def test_session_kind_follows_factories_aliases_and_dependencies(routes_ctx) -> None:
    facts = session_facts(routes_ctx)
    probe = next(n for n in ast.walk(routes_ctx.tree)
                 if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "probe")
    kinds = {arg.id: facts.session_kind(arg) for arg in probe.args}  # type: ignore[attr-defined]
    assert kinds == {"a": "sync", "b": "async", "c": "sync", "d": "sync", "e": "async",
                     "f": "async", "x": None}


def test_creates_session_and_injection(routes_ctx) -> None:
    facts = session_facts(routes_ctx)
    route = next(n for n in routes_ctx.tree.body if isinstance(n, ast.AsyncFunctionDef))
    created = [ast.unparse(n) for n in ast.walk(route)
               if isinstance(n, ast.Call) and facts.creates_session(n) is not None]
    assert created == ["SessionLocal()", "AsyncLocal()", "ClassAsync()"]
    assert all(facts.is_injected(route, name) for name in ("a", "b", "c"))


def test_dependency_functions_names_functions_of_this_file(routes_ctx) -> None:
    assert dependency_functions(routes_ctx) == {"local_dep"}
