"""DB401: the application creating its schema itself instead of through Alembic."""
from __future__ import annotations

import ast

from ..checker import Checker
from ..names import is_sa, is_sqlmodel
from ..project.models import ABSTRACT, BASE, MODEL, SCHEMA, TABLE
from ..project.modules import ModuleSummary
from ..registry import register
from ..rules import Rule
from ..astwalk import walk

_MAX_HOPS = 8
# Classes sharing the declarative base's (or SQLModel's) MetaData.
_METADATA_OWNERS = (BASE, MODEL, ABSTRACT, TABLE, SCHEMA)
# Calls whose result is (or owns) a MetaData.
_METADATA_FACTORIES = ("MetaData", "declarative_base", "registry")


class DB401(Rule):
    """## What it does
    Finds `<metadata>.create_all(...)` in application code:
    `Base.metadata.create_all(engine)`, `SQLModel.metadata.create_all(engine)`,
    `await conn.run_sync(Base.metadata.create_all)`, or `create_all` on a
    `MetaData()` object.

    ## Why is this bad?
    `create_all` creates missing tables and nothing else: it never adds a
    column, an index or a constraint to a table that exists, and it records no
    revision. The production schema silently drifts from the models, and
    Alembic can no longer tell which migrations have run. Schema changes belong
    in migrations (`alembic upgrade head` at deploy time).

    ## Example
    ```python
    from fastapi import FastAPI
    from sqlalchemy import create_engine
    from sqlalchemy.orm import DeclarativeBase


    class Base(DeclarativeBase):
        pass


    engine = create_engine("sqlite:///app.db")
    Base.metadata.create_all(engine)
    app = FastAPI()
    ```

    ## Use instead
    ```python
    from alembic import command
    from alembic.config import Config
    from fastapi import FastAPI


    def migrate() -> None:
        # usually run by the deployment, before the application starts
        command.upgrade(Config("alembic.ini"), "head")


    app = FastAPI()
    ```

    ## Options
    `--db-test-paths`: test files may create their schema with `create_all`.

    ## Limitations
    Only `create_all` on a metadata the plugin resolves is reported: the
    `.metadata` of a declarative base, a model or `SQLModel`, a
    `declarative_base()`/`registry()` object, or a `MetaData()` instance.
    Alembic migrations themselves are not reported.
    """

    code = "DB401"
    name = "create-all-in-application"
    message = "{}.create_all() creates tables outside Alembic migrations"
    checklist = (7,)


@register
class SchemaChecker(Checker):
    name = "schema-creation"
    rules = (DB401,)

    def begin(self) -> None:
        self.active = not self.ctx.is_test and not self.ctx.is_migration

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr != "create_all" or not self.active:
            return
        target = node.value
        if self._is_metadata(self.ctx.module, target, 0, scope=node):
            self.report(DB401, node, ast.unparse(target))

    def _is_metadata(self, module: ModuleSummary, node: ast.AST, depth: int,
                     scope: ast.AST | None = None) -> bool:
        """Does ``node`` (as seen from ``module``) evaluate to a SQLAlchemy MetaData?"""
        if depth > _MAX_HOPS:
            return False
        root = _root_name(node)
        if scope is not None and root is not None:
            # A name bound in the function hides the module's: follow a plain
            # assignment of the name itself, nothing else.
            local = self._local_value(root, scope)
            if local is not None:
                return local is not False and root is node and \
                    self._is_metadata(module, local, depth + 1)
        if isinstance(node, ast.Attribute) and node.attr == "metadata":
            return self._owns_metadata(module, node.value, depth + 1)
        if isinstance(node, ast.Call):
            return is_sa(module.qualname(node.func), "MetaData")
        symbol = self.ctx.project.resolve(module.qualname(node))
        if symbol is None or isinstance(symbol.node, (ast.ClassDef, ast.FunctionDef,
                                                      ast.AsyncFunctionDef)):
            return False
        return self._is_metadata(symbol.module, symbol.node, depth + 1)

    def _owns_metadata(self, module: ModuleSummary, node: ast.AST, depth: int) -> bool:
        """``node.metadata`` is a MetaData: a declarative base/model, SQLModel, a
        ``declarative_base()``/``registry()`` object."""
        qualname = module.qualname(node)
        if qualname is None:
            return False
        if is_sqlmodel(qualname, "SQLModel"):
            return True
        info = self.ctx.models.model_for_qualname(qualname)
        if info is not None:
            return info.kind in _METADATA_OWNERS
        symbol = self.ctx.project.follow_alias(self.ctx.project.resolve(qualname))
        if symbol is None or depth > _MAX_HOPS:
            return False
        value = symbol.node
        if isinstance(value, ast.Call):
            func = value.func
            if is_sa(symbol.module.qualname(func), *_METADATA_FACTORIES):
                return True
            # registry().generate_base() / reg.generate_base()
            if isinstance(func, ast.Attribute) and func.attr == "generate_base":
                return self._owns_metadata_call(symbol.module, func.value, depth + 1)
        return False

    def _owns_metadata_call(self, module: ModuleSummary, node: ast.AST, depth: int) -> bool:
        if isinstance(node, ast.Call):
            return is_sa(module.qualname(node.func), "registry")
        return self._owns_metadata(module, node, depth)

    def _local_value(self, name: ast.Name, scope: ast.AST) -> ast.expr | bool | None:
        """The value a function-local ``name`` is bound to; False when bound several
        times or otherwise (a parameter, a loop target); None when not local."""
        func = self.ctx.enclosing_function(scope)
        if func is None:
            return None
        args = func.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
        if any(p is not None and p.arg == name.id for p in params):
            return False
        stores = [n for n in walk(func) if isinstance(n, ast.Name) and n.id == name.id
                  and isinstance(n.ctx, ast.Store)]
        if not stores:
            return None
        assigns = [n for n in walk(func) if isinstance(n, ast.Assign) and
                   len(n.targets) == 1 and n.targets[0] in stores]
        if len(stores) != 1 or len(assigns) != 1:
            return False
        return assigns[0].value


def _root_name(node: ast.AST) -> ast.Name | None:
    """``Base`` of ``Base.metadata``; None for calls and other expressions."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node if isinstance(node, ast.Name) else None
