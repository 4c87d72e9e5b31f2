"""``create_engine`` / ``create_async_engine`` calls: URL, dialect, effective keywords.

Keyword arguments come from the call itself and from ``**mapping`` arguments
whose contents can be read: a dict literal or ``dict(k=v)`` bound once in the
same function or module, plus literal-key additions (``kw["pool_size"] = 5``,
``kw.update(pool_size=5)``), which count as *maybe* passed because they are
often conditional. A mapping that cannot be read makes the call *incomplete*,
and rules that need to know an argument is absent stay silent.

The URL's dialect is known when the URL is a literal, an f-string with a
literal scheme, ``make_url(<literal>)``, ``URL.create("<driver>", ...)``, or a
name bound once to one of those in the same function or module (or a literal
in the project module it is imported from). A URL from settings or the
environment has no known dialect.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..names import dotted, family, is_sa, last, literal_str
from .bindings import ASSIGN, ELEMENT, IMPORT, Scope, Scopes, lookup
from .urls import scheme_dialect, url_scheme_text

ENGINE_FACTORIES = ("create_engine", "create_async_engine")
SERVER_DIALECTS = frozenset({"postgresql", "mysql", "mariadb", "mssql", "oracle",
                             "cockroachdb"})
SIZING_ARGS = ("pool_size", "max_overflow", "pool_timeout")
UNPOOLED_CLASSES = frozenset({"NullPool", "StaticPool"})
# Pool classes that keep connections open between checkouts (pre-ping/recycle matter).
POOLING_CLASSES = frozenset({"QueuePool", "AsyncAdaptedQueuePool", "SingletonThreadPool",
                             "FallbackAsyncAdaptedQueuePool", "AssertionPool"})
SYNC_ONLY_POOLS = frozenset({"QueuePool", "SingletonThreadPool"})


@dataclass
class EngineCall:
    call: ast.Call
    factory: str                                  # create_engine / create_async_engine
    url: ast.expr | None
    kwargs: dict[str, ast.expr] = field(default_factory=dict)   # certainly passed
    maybe: set[str] = field(default_factory=set)  # possibly passed (conditional)
    complete: bool = True                         # every ``**mapping`` was read

    @property
    def is_async(self) -> bool:
        return self.factory == "create_async_engine"

    def passes(self, name: str) -> bool:
        """Is ``name`` (possibly) passed? Unknown mappings count as "maybe"."""
        return name in self.kwargs or name in self.maybe or not self.complete

    def certainly(self, name: str) -> ast.expr | None:
        return self.kwargs.get(name)


class EngineAnalysis:
    """Per-file recogniser of engine-creating calls."""

    def __init__(self, ctx: object, scopes: Scopes) -> None:
        self.ctx = ctx
        self.scopes = scopes

    def _qualname(self, node: ast.AST) -> str | None:
        return self.ctx.qualname(node)  # type: ignore[attr-defined]

    def engine_call(self, call: ast.Call, chain: list[Scope]) -> EngineCall | None:
        qualname = self._qualname(call.func)
        if not is_sa(qualname, *ENGINE_FACTORIES):
            return None
        assert qualname is not None
        url = call.args[0] if call.args and not isinstance(call.args[0], ast.Starred) \
            else None
        out = EngineCall(call, last(qualname), url)
        if len(call.args) > 1 or any(isinstance(a, ast.Starred) for a in call.args):
            out.complete = False
        for kw in call.keywords:
            if kw.arg == "url":
                out.url = kw.value
            elif kw.arg is not None:
                out.kwargs[kw.arg] = kw.value
            else:
                self._unpack(out, kw.value, chain, call)
        return out

    # -- **mapping -----------------------------------------------------------
    def _unpack(self, out: EngineCall, value: ast.expr, chain: list[Scope],
                before: ast.AST) -> None:
        literal = self._mapping_literal(value)
        if literal is not None:
            out.kwargs.update(literal)
            return
        if not isinstance(value, ast.Name):
            out.complete = False
            return
        found = lookup(self.scopes, chain, value.id, before)
        if found is None:
            out.complete = False
            return
        _, bindings = found
        base = [b for _, b in bindings if b.kind == ASSIGN]
        if len(base) != 1 or any(b.kind not in (ASSIGN, ELEMENT) for _, b in bindings):
            out.complete = False
            return
        assert base[0].value is not None
        literal = self._mapping_literal(base[0].value)
        if literal is None:
            out.complete = False
            return
        out.kwargs.update(literal)
        for _, binding in bindings:
            if binding.kind == ELEMENT:
                self._added_keys(out, binding.node)

    @staticmethod
    def _mapping_literal(node: ast.expr) -> dict[str, ast.expr] | None:
        """``{"k": v}`` with literal keys or ``dict(k=v)``."""
        if isinstance(node, ast.Dict):
            out: dict[str, ast.expr] = {}
            for key, val in zip(node.keys, node.values):
                name = literal_str(key)
                if name is None:
                    return None
                out[name] = val
            return out
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id == "dict" and not node.args and \
                all(kw.arg is not None for kw in node.keywords):
            return {kw.arg: kw.value for kw in node.keywords if kw.arg is not None}
        return None

    def _added_keys(self, out: EngineCall, node: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                key = literal_str(target.slice) if isinstance(target, ast.Subscript) else None
                if key is None:
                    out.complete = False
                else:
                    out.maybe.add(key)
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "update" and node.args:
                literal = self._mapping_literal(node.args[0])
                if literal is None:
                    out.complete = False
                else:
                    out.maybe.update(literal)
                return
            if node.func.attr == "setdefault" and node.args:
                key = literal_str(node.args[0])
                if key is None:
                    out.complete = False
                else:
                    out.maybe.add(key)
                return
        out.complete = False

    # -- pool class ------------------------------------------------------------
    def pool_class(self, engine: EngineCall) -> str | None:
        """Class name of a certainly-passed ``poolclass=`` that names a SQLAlchemy pool."""
        value = engine.certainly("poolclass")
        if value is None:
            return None
        qualname = self._qualname(value)
        if qualname is not None and family(qualname) == "sqlalchemy":
            return last(qualname)
        return None

    def pooling_status(self, engine: EngineCall) -> str | None:
        """"pooled" when the engine keeps connections open (default pool or a
        known pooling class), "unpooled" for NullPool/StaticPool, None if unknown."""
        if "poolclass" in engine.maybe or (not engine.complete
                                           and "poolclass" not in engine.kwargs):
            return None
        if engine.certainly("poolclass") is None:
            return "pooled"
        name = self.pool_class(engine)
        if name in UNPOOLED_CLASSES:
            return "unpooled"
        if name in POOLING_CLASSES:
            return "pooled"
        return None

    # -- URL and dialect ------------------------------------------------------
    def dialect(self, engine: EngineCall, chain: list[Scope]) -> str | None:
        if engine.url is None:
            return None
        return self._dialect(engine.url, chain, engine.call, 0)

    def _dialect(self, node: ast.expr, chain: list[Scope], before: ast.AST | None,
                 depth: int) -> str | None:
        if depth > 8:
            return None
        text = url_scheme_text(node)
        if text is not None:
            return scheme_dialect(text)
        if isinstance(node, ast.Call):
            qualname = self._qualname(node.func)
            name = dotted(node.func) or ""
            if is_sa(qualname, "make_url") and node.args:
                return self._dialect(node.args[0], chain, before, depth + 1)
            if is_sa(qualname, "create") and name.endswith("URL.create"):
                driver = node.args[0] if node.args else next(
                    (kw.value for kw in node.keywords if kw.arg == "drivername"), None)
                driver_text = literal_str(driver)
                return scheme_dialect(driver_text + "://") if driver_text else None
            return None
        if isinstance(node, ast.Name):
            found = lookup(self.scopes, chain, node.id, before)
            if found is None or {b.kind for _, b in found[1]} == {IMPORT}:
                return self._imported_dialect(node)
            index, bindings = found
            if len(bindings) != 1 or bindings[0][1].kind != ASSIGN:
                return None
            binding = bindings[0][1]
            assert binding.value is not None
            return self._dialect(binding.value, chain[index:], binding.node, depth + 1)
        return None

    def url_assignment(self, node: ast.expr, chain: list[Scope],
                       before: ast.AST) -> ast.expr | None:
        """The value a URL name is bound to by its only assignment in this file."""
        if not isinstance(node, ast.Name):
            return None
        found = lookup(self.scopes, chain, node.id, before)
        if found is None or len(found[1]) != 1 or found[1][0][1].kind != ASSIGN:
            return None
        return found[1][0][1].value

    def _imported_dialect(self, node: ast.Name) -> str | None:
        symbol = self.ctx.resolve(node)  # type: ignore[attr-defined]
        if symbol is None or not isinstance(symbol.node, ast.expr):
            return None
        text = url_scheme_text(symbol.node)
        return scheme_dialect(text) if text is not None else None

    def is_server_database(self, engine: EngineCall, chain: list[Scope]) -> str | None:
        """The reason the engine talks to a database server ("postgresql", ...,
        or "a pooled server database" from sizing arguments), else None."""
        dialect = self.dialect(engine, chain)
        if dialect is not None:
            return dialect if dialect in SERVER_DIALECTS else None
        if any(arg in engine.kwargs for arg in SIZING_ARGS) and \
                not self._mentions_sqlite(engine, chain[0]):
            return "a server database"
        return None

    def _mentions_sqlite(self, engine: EngineCall, scope: Scope) -> bool:
        """Any sign that the engine may be SQLite after all: the call, or the
        function around it, mentions ``sqlite`` (``url.startswith("sqlite")``,
        ``sqlite_connection_factory``) or SQLite's ``check_same_thread``."""
        node: ast.AST = scope if not isinstance(scope, ast.Module) else engine.call
        lines = self.ctx.lines  # type: ignore[attr-defined]
        start = getattr(node, "lineno", 1) - 1
        end = getattr(node, "end_lineno", None) or len(lines)
        text = "".join(lines[start:end]).lower()
        return "sqlite" in text or "check_same_thread" in text
