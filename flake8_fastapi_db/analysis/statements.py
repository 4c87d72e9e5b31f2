"""Where a result came from: the statement, its execution and what was done to it.

``Tracer.trace(expr)`` walks an expression inwards, through local names (see
:mod:`.localflow`), and splits what it finds into

    source       select(...) / insert/update/delete(...) / session.query(...) /
                 session.get(Model, id)
    stmt_calls   methods applied to the statement (where, options, order_by, ...)
    executor     session.execute/scalars/scalar/exec/stream/stream_scalars(stmt)
    result_calls methods applied to the result (scalars, unique, all, first, ...)

Incrementally built statements (``stmt = select(X); stmt = stmt.where(...)``)
come out as one chain. Anything that cannot be followed (a parameter, a helper
function, ``with ... as``) leaves ``source`` None: callers stay silent.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..names import family, is_sa, keyword
from .localflow import ASSIGN, COMPREHENSIONS, LOOP, LocalFlow
from .loaders import LoaderSet, loaders_of

if TYPE_CHECKING:
    from ..context import FileContext
    from ..project.models import ModelInfo

EXECUTORS = ("execute", "scalars", "scalar", "exec", "stream", "stream_scalars")
SOURCES = ("select", "insert", "update", "delete", "text", "union", "union_all")
DML = ("insert", "update", "delete")
# Result methods that give one object/row, and the ones that keep a collection.
ONE = ("first", "one", "one_or_none", "scalar_one", "scalar_one_or_none", "scalar",
       "fetchone", "get")
MANY = ("all", "fetchall", "scalars", "unique", "mappings", "partitions", "fetchmany",
        "yield_per", "tuples")
MATERIALIZERS = ("list", "tuple", "sorted")
_MAX_HOPS = 24


@dataclass
class Trace:
    """One execution of one statement, as far as it could be followed."""

    source: ast.Call | None = None
    kind: str | None = None                  # select/insert/update/delete/text/query/get
    stmt_calls: list[ast.Call] = field(default_factory=list)   # inner -> outer
    executor: ast.Call | None = None
    awaited: bool = False                    # the executor call is awaited
    result_calls: list[ast.Call] = field(default_factory=list)  # inner -> outer
    names: list[ast.Name] = field(default_factory=list)         # locals passed through
    materialized: bool = False               # passed through list()/tuple()/sorted()

    @property
    def complete(self) -> bool:
        return self.source is not None

    def stmt_methods(self) -> list[str]:
        return [_method(c) for c in self.stmt_calls]

    def result_methods(self) -> list[str]:
        return [_method(c) for c in self.result_calls]

    def all_methods(self) -> list[str]:
        return [*self.stmt_methods(), *self.result_methods()]

    @property
    def entities(self) -> list[ast.expr]:
        if self.source is None or self.kind == "text":
            return []
        if self.kind == "get":
            return list(self.source.args[:1])
        return list(self.source.args)

    def loaders(self) -> LoaderSet:
        out = LoaderSet()
        for call in self.stmt_calls:
            if _method(call) == "options":
                out.update(loaders_of(call))
        if self.kind == "get" and self.source is not None:
            # session.get(User, 1, options=[selectinload(User.posts)])
            extra = keyword(self.source, "options")
            if extra is not None:
                out.update(loaders_of(ast.Call(func=ast.Name(id="options"), keywords=[],
                                               args=list(extra.elts) if isinstance(
                                                   extra, (ast.List, ast.Tuple)) else
                                               [ast.Starred(value=extra)])))
        return out

    @property
    def scalar(self) -> bool:
        """Elements are the first entity, not rows (scalars(), legacy single-entity query)."""
        if self.kind in ("get", "query"):
            return self.kind == "get" or len(self.entities) == 1
        if self.executor is not None:
            method = _method(self.executor)
            if method in ("scalars", "scalar", "stream_scalars"):
                return True
            # SQLModel's Session.exec() returns scalars for a one-entity select.
            if method == "exec" and self.kind == "select" and len(self.entities) == 1:
                return True
        return any(m in ("scalars", "scalar_one", "scalar_one_or_none", "scalar")
                   for m in self.result_methods())

    @property
    def single(self) -> bool | None:
        """One object (first()/get()/scalar_one()...) rather than a collection."""
        if self.kind == "get":
            return True
        methods = self.result_methods() if self.kind != "query" else self.stmt_methods()
        if self.executor is not None and _method(self.executor) == "scalar":
            return True
        for method in reversed(methods):
            if method in ONE:
                return True
            if method in MANY:
                return False
        if self.kind == "query":
            return False
        return False if self.executor is not None else None


def _class_like(node: ast.AST) -> bool:
    """``User`` / ``models.User``: cheap pre-check before resolving a model
    (``dict.get(key, default)`` is far more common than ``session.get``)."""
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return bool(name) and name[0].isupper()


def _method(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else ""


def statement_arg(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return keyword(call, "statement")


class Tracer:
    """Traces expressions of one file; flows are built once per scope."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self._flows: dict[int, LocalFlow] = {}

    # -- scopes -----------------------------------------------------------
    def scope_of(self, node: ast.AST) -> ast.AST:
        scope = self.ctx.enclosing_scope(node)
        return self.ctx.tree if scope is None else scope

    def flow(self, scope: ast.AST) -> LocalFlow:
        key = id(scope)
        found = self._flows.get(key)
        if found is None:
            found = self._flows[key] = LocalFlow(scope)
        return found

    def flow_at(self, node: ast.AST) -> LocalFlow | None:
        scope = self.scope_of(node)
        if isinstance(scope, (ast.ClassDef, ast.Lambda)):
            return None
        return self.flow(scope)

    # -- recognisers ------------------------------------------------------
    def source_kind(self, call: ast.Call) -> str | None:
        """select/insert/... for SQLAlchemy constructors; query/get for session methods."""
        qn = self.ctx.qualname(call.func)
        if qn is not None and is_sa(qn, *SOURCES):
            return qn.rpartition(".")[2]
        if isinstance(call.func, ast.Attribute):
            attr = call.func.attr
            if attr == "query" and call.args and not isinstance(call.func.value, ast.Call):
                if any(self.is_entity(a) for a in call.args):
                    return "query"
            if attr == "get" and len(call.args) >= 2 and _class_like(call.args[0]) and \
                    self.ctx.model_for(call.args[0]) is not None:
                return "get"
            if attr in ("select", "insert", "update", "delete") and \
                    self.ctx.model_for(call.func.value) is None and \
                    self._is_table(call.func.value):
                return attr  # users_table.select()
        return None

    def _is_table(self, node: ast.AST) -> bool:
        symbol = self.ctx.resolve(node)
        return symbol is not None and isinstance(symbol.node, ast.Call) and is_sa(
            symbol.module.qualname(symbol.node.func), "Table")

    def is_entity(self, node: ast.AST) -> bool:
        """A model, a column/attribute of one (``User``, ``User.id``), or a SQL
        function of one (``func.count(User.id)``)."""
        if self.ctx.model_for(node) is not None:
            return True
        if isinstance(node, ast.Call) and family(self.ctx.qualname(node.func)) == "sqlalchemy":
            return any(self.is_entity(a) for a in node.args)
        return isinstance(node, ast.Attribute) and self.ctx.model_for(node.value) is not None

    @staticmethod
    def is_executor(call: ast.Call) -> bool:
        if not isinstance(call.func, ast.Attribute) or call.func.attr not in EXECUTORS:
            return False
        return statement_arg(call) is not None

    # -- tracing ----------------------------------------------------------
    def trace(self, expr: ast.AST) -> Trace:
        """Follow ``expr`` inwards to its statement; see the module docstring."""
        out = Trace()
        pending: list[ast.Call] = []       # outer -> inner, not yet classified
        awaited_next = False
        node: ast.AST | None = expr
        for _ in range(_MAX_HOPS * 4):
            if node is None:
                break
            if isinstance(node, ast.Await):
                awaited_next = True
                node = node.value
                continue
            if isinstance(node, ast.Name):
                nxt = self._follow(node)
                if nxt is None:
                    break
                out.names.append(node)
                node = nxt
                continue
            if not isinstance(node, ast.Call):
                break
            awaited, awaited_next = awaited_next, False
            kind = self.source_kind(node)
            if kind is not None:
                out.source, out.kind = node, kind
                if kind == "get":
                    out.executor, out.awaited = node, awaited
                    out.result_calls = list(reversed(pending))
                    pending = []
                break
            if out.executor is None and self.is_executor(node):
                out.executor, out.awaited = node, awaited
                out.result_calls = list(reversed(pending))
                pending = []
                node = statement_arg(node)
                continue
            if isinstance(node.func, ast.Attribute):
                pending.append(node)
                node = node.func.value
                continue
            if isinstance(node.func, ast.Name) and node.func.id in MATERIALIZERS and \
                    len(node.args) == 1 and not pending and out.executor is None:
                # users = list(result.scalars()): the same rows, fetched now.
                out.materialized = True
                node = node.args[0]
                continue
            break
        if out.source is None:
            return Trace(names=out.names)
        out.stmt_calls = list(reversed(pending))
        return out

    def _follow(self, name: ast.Name) -> ast.expr | None:
        flow = self.flow_at(name)
        if flow is None:
            return None
        definition = flow.reaching(name)
        if definition is None or definition.kind != ASSIGN:
            return None
        return definition.value

    # -- elements ---------------------------------------------------------
    def element_origin(self, name: ast.Name) -> Origin | None:
        """What a local name holds: an ORM object of a traced query, with its loaders."""
        return self._origin(name, 0)

    def _origin(self, name: ast.Name, depth: int) -> Origin | None:
        if depth > 6:
            return None
        flow = self.flow_at(name)
        if flow is None:
            return None
        definition = flow.reaching(name)
        if definition is None:
            return None
        if definition.kind == ASSIGN and definition.value is not None:
            trace = self.trace(definition.value)
            if trace.complete and trace.scalar and trace.single:
                return self._make(trace, 0, None)
            return None
        if definition.kind != LOOP or definition.value is None:
            return None
        loop = definition.node
        if isinstance(loop, ast.comprehension):
            loop = next((a for a in self.ctx.ancestors(loop) if isinstance(a, COMPREHENSIONS)),
                        loop)
        return self.collection_origin(definition.value, definition.index, loop, depth)

    def collection_origin(self, iterable: ast.expr, index: int | None, loop: ast.AST | None,
                          depth: int = 0) -> Origin | None:
        """The elements of ``iterable`` (position ``index`` of each row when unpacked)."""
        inner = iterable.value if isinstance(iterable, ast.Await) else iterable
        # for i, user in enumerate(users): position 1 is an element of ``users``.
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and \
                inner.func.id == "enumerate" and inner.args:
            if index != 1:
                return None
            return self.collection_origin(inner.args[0], None, loop, depth + 1)
        # for post in user.posts: a relationship collection of a traced object.
        if isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name) and \
                index is None:
            parent = self._origin(inner.value, depth + 1)
            if parent is not None:
                return parent.child(self.ctx, inner.attr, loop)
            return None
        trace = self.trace(iterable)
        if not trace.complete or trace.single is not False:
            return None
        if trace.scalar:
            if index is not None:
                return None
            return self._make(trace, 0, loop)
        if index is None:
            return None
        return self._make(trace, index, loop)

    def _make(self, trace: Trace, position: int, loop: ast.AST | None) -> Origin | None:
        entities = trace.entities
        if position >= len(entities) or trace.kind in DML or trace.kind == "text":
            return None
        model = self.ctx.model_for(entities[position])
        if model is None:
            return None
        return Origin(model=model, loaders=trace.loaders(), path=(), trace=trace, loop=loop,
                      collection_path=loop is not None)


@dataclass
class Origin:
    """ORM objects of ``model`` loaded by ``trace``; ``path`` is the relationship path
    from the queried entity (``("posts",)`` for ``for p in user.posts``)."""

    model: ModelInfo
    loaders: LoaderSet
    path: tuple[str, ...]
    trace: Trace
    loop: ast.AST | None                 # the loop/comprehension iterating them, if any
    collection_path: bool = False        # some step from the query is a collection

    @property
    def awaited(self) -> bool:
        return self.trace.awaited

    def child(self, ctx: FileContext, attr: str, loop: ast.AST | None) -> Origin | None:
        rel = self.model.relationships.get(attr)
        if rel is None:
            return None
        target = ctx.models.relationship_target(rel)
        if target is None or not target.is_model:
            return None
        return Origin(model=target, loaders=self.loaders, path=(*self.path, attr),
                      trace=self.trace, loop=loop if loop is not None else self.loop,
                      collection_path=self.collection_path or rel.collection is True)
