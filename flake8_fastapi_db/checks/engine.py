"""DB5xx engine and connection-pool rules (seed §6 Connection Pooling)."""
from __future__ import annotations

import ast
from functools import cached_property

from ..analysis.bindings import Scope, scope_chain
from ..analysis.dependencies import dependency_functions
from ..analysis.engines import ENGINE_FACTORIES, SIZING_ARGS, SYNC_ONLY_POOLS, UNPOOLED_CLASSES, \
    EngineAnalysis, EngineCall
from ..checker import Checker
from ..names import is_sa, literal_bool, literal_str
from ..project.modules import is_main_guard
from ..registry import register
from ..rules import Rule

CACHING_DECORATORS = ("functools.cache", "functools.lru_cache")


class DB501(Rule):
    """## What it does
    Finds `create_engine()` / `create_async_engine()` calls for a server database
    that do not pass `pool_pre_ping=`.

    The database counts as a server database when the URL's dialect is known to
    be `postgresql`, `mysql`, `mariadb`, `mssql`, `oracle` or `cockroachdb` (a
    literal URL, an f-string with a literal scheme, `make_url("...")`,
    `URL.create("...")`, or a name bound to one of those in the same module or
    function), or when the URL is not known but the call passes pool sizing
    arguments (`pool_size`, `max_overflow`, `pool_timeout`), which only make sense
    for a server.

    ## Why is this bad?
    A pooled connection can die while it sits in the pool: the database restarts,
    fails over, or a proxy drops it. Without pre-ping the next request that
    checks it out fails with "server closed the connection unexpectedly";
    `pool_pre_ping=True` tests each connection on checkout and replaces dead
    ones transparently.

    ## Example
    ```python
    from sqlalchemy import create_engine

    engine = create_engine("postgresql+psycopg://app@db.internal/app", pool_recycle=1800)
    ```

    ## Use instead
    ```python
    from sqlalchemy import create_engine

    engine = create_engine(
        "postgresql+psycopg://app@db.internal/app", pool_pre_ping=True, pool_recycle=1800
    )
    ```

    ## Limitations
    A URL read from settings or the environment could be SQLite, so such a call
    is reported only when it also passes pool sizing arguments, and not when the
    call or the function around it mentions SQLite (`url.startswith("sqlite")`,
    `check_same_thread`). `**options`
    mappings are read when they are dict literals built in the same function or
    module; any other mapping could carry `pool_pre_ping`, and the call is not
    reported. `poolclass=NullPool`/`StaticPool` (and unknown custom pool
    classes) are exempt. Any `pool_pre_ping=` expression satisfies the rule.
    """

    code = "DB501"
    name = "engine-without-pool-pre-ping"
    message = "{}() for {} has no pool_pre_ping=; dead pooled connections fail on first use"
    checklist = (8,)


class DB502(Rule):
    """## What it does
    Finds `create_async_engine(..., poolclass=QueuePool)` and
    `poolclass=SingletonThreadPool`: pool classes that only work with
    synchronous engines.

    ## Why is this bad?
    SQLAlchemy refuses them at startup with `ArgumentError: Pool class QueuePool
    cannot be used with asyncio engine`. The asyncio equivalent of `QueuePool`
    is `AsyncAdaptedQueuePool`, which `create_async_engine()` already uses by
    default, so the argument can simply be dropped. The seed guide's own §6
    example makes this mistake.

    ## Example
    ```python
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import QueuePool

    engine = create_async_engine(
        "postgresql+asyncpg://app@db.internal/app",
        poolclass=QueuePool,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
    ```

    ## Use instead
    ```python
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(
        "postgresql+asyncpg://app@db.internal/app",
        pool_size=20,
        max_overflow=10,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
    ```

    ## Limitations
    The pool class is recognised by its import-qualified name
    (`sqlalchemy.pool.QueuePool`, `sqlalchemy.QueuePool`, ...); a pool class held
    in a variable is not followed.

    ## References
    - SQLAlchemy, "Connection Pooling":
      https://docs.sqlalchemy.org/en/20/core/pooling.html
    """

    code = "DB502"
    name = "async-engine-with-sync-pool"
    message = "create_async_engine() with poolclass={}: SQLAlchemy raises ArgumentError; " \
              "use the default AsyncAdaptedQueuePool"
    checklist = (8,)


class DB503(Rule):
    """## What it does
    Finds pool sizing arguments (`pool_size`, `max_overflow`, `pool_timeout`)
    passed together with `poolclass=NullPool` or `poolclass=StaticPool`.

    ## Why is this bad?
    Those pools do not accept sizing arguments: `create_engine()` and
    `create_async_engine()` raise `TypeError: Invalid argument(s) 'pool_size'
    sent to create_engine()` at startup. The configuration contradicts itself:
    either the application wants a pool of a given size, or no pool at all.

    ## Example
    ```python
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    engine = create_async_engine(
        "postgresql+asyncpg://app@db.internal/app", poolclass=NullPool, pool_size=5
    )
    ```

    ## Use instead
    ```python
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    engine = create_async_engine("postgresql+asyncpg://app@db.internal/app", poolclass=NullPool)
    ```

    ## Limitations
    Arguments added to an options mapping conditionally (`kw["pool_size"] = 5`
    inside an `if`) are not combined with each other, so a contradiction split
    across branches is not reported.
    """

    code = "DB503"
    name = "sizing-arguments-without-pool"
    message = "{} passed with poolclass={}: SQLAlchemy raises TypeError"
    checklist = (8,)


class DB504(Rule):
    """## What it does
    Finds `create_engine()` / `create_async_engine()` with a literal `echo=True`
    (or `echo="debug"`).

    ## Why is this bad?
    Echo logs every SQL statement and its parameters (with `"debug"`, every
    result row too) through the `sqlalchemy.engine` logger. In production that
    floods the logs, slows every query and writes personal data and secrets into
    log storage. Tie it to a setting that is off by default, or configure the
    `sqlalchemy.engine` logger instead.

    ## Example
    ```python
    from sqlalchemy import create_engine

    engine = create_engine("sqlite:///./app.db", echo=True)
    ```

    ## Use instead
    ```python
    import os

    from sqlalchemy import create_engine

    engine = create_engine("sqlite:///./app.db", echo=os.getenv("SQL_ECHO") == "1")
    ```

    ## Limitations
    Only literals are reported: `echo=settings.DEBUG` and other expressions are
    assumed to be configured per environment.
    Engines created under `if __name__ == "__main__":` belong to a script run
    by hand, where echo is the intended output: not reported.
    """

    code = "DB504"
    name = "engine-echo-enabled"
    message = "echo={} logs every SQL statement and its parameters; make it configurable"
    checklist = (8,)


class DB505(Rule):
    """## What it does
    Finds `create_engine()` / `create_async_engine()` called inside a FastAPI
    route or inside a function of the same file used as a dependency
    (`Depends(f)`, `Security(f)`).

    ## Why is this bad?
    Each engine owns its own connection pool. Creating one per request opens new
    connections on every call, never reuses them, and leaves pools behind until
    garbage collection: under load the database runs out of connections. Create
    the engine once, at module level or in the application's lifespan handler,
    and hand out sessions from it.

    ## Example
    ```python
    from fastapi import FastAPI
    from sqlalchemy import create_engine, text

    app = FastAPI()


    @app.get("/health")
    def health() -> dict[str, bool]:
        engine = create_engine("sqlite:///./app.db")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"ok": True}
    ```

    ## Use instead
    ```python
    from fastapi import FastAPI
    from sqlalchemy import create_engine, text

    app = FastAPI()
    engine = create_engine("sqlite:///./app.db")


    @app.get("/health")
    def health() -> dict[str, bool]:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"ok": True}
    ```

    ## Limitations
    Module level, lifespan handlers and factories decorated with
    `functools.cache` / `functools.lru_cache` are never reported. Dependencies
    are recognised only when `Depends(f)` names a module-level function of the
    same file; an engine created in a helper that a route calls is not followed.
    """

    code = "DB505"
    name = "engine-created-per-request"
    message = "{}() called inside {} '{}': a new connection pool per request; " \
              "create the engine once"
    checklist = (8,)


class DB506(Rule):
    """## What it does
    Finds `create_engine()` / `create_async_engine()` calls for a server database
    (recognised as for DB501) that do not pass `pool_recycle=`.

    ## Why is this bad?
    Servers and proxies close connections that stay idle too long (MySQL's
    `wait_timeout`, PgBouncer, cloud load balancers). Without recycling, the pool
    hands those dead connections out; `pool_recycle=<seconds>` replaces each
    connection before it reaches that age.

    ## Example
    ```python
    from sqlalchemy import create_engine

    engine = create_engine("mysql+pymysql://app@db.internal/app", pool_pre_ping=True)
    ```

    ## Use instead
    ```python
    from sqlalchemy import create_engine

    engine = create_engine(
        "mysql+pymysql://app@db.internal/app", pool_pre_ping=True, pool_recycle=1800
    )
    ```

    ## Limitations
    Same recognition of the database and of `**options` as DB501; SQLite and
    `NullPool`/`StaticPool` engines are exempt.
    """

    code = "DB506"
    name = "engine-without-pool-recycle"
    message = "{}() for {} has no pool_recycle=; idle connections dropped by the " \
              "server stay in the pool"
    default_enabled = False
    checklist = (8,)


def _keyword_node(engine: EngineCall, name: str) -> ast.AST:
    """Where to report an argument: its ``name=`` in the call, else its value
    (in the options mapping)."""
    for kw in engine.call.keywords:
        if kw.arg == name:
            return kw
    return engine.kwargs.get(name, engine.call)


@register
class EngineChecker(Checker):
    name = "engine-pool"
    rules = (DB501, DB502, DB503, DB504, DB505, DB506)

    def begin(self) -> None:
        self.scopes = self.ctx.scopes
        self.engines = EngineAnalysis(self.ctx, self.scopes)

    @cached_property
    def dependencies(self) -> set[str]:
        return dependency_functions(self.ctx)

    def visit_Call(self, node: ast.Call) -> None:
        if not self.ctx.mentions("engine") or \
                not is_sa(self.ctx.qualname(node.func), *ENGINE_FACTORIES):
            return
        ancestors = list(self.ctx.ancestors(node))
        chain = scope_chain(ancestors, self.ctx.tree)
        engine = self.engines.engine_call(node, chain)
        if engine is None:
            return
        self._pool_class(engine)
        self._echo(engine)
        self._per_request(engine)
        self._server_options(engine, chain)

    def _pool_class(self, engine: EngineCall) -> None:
        pool = self.engines.pool_class(engine)
        if pool is None:
            return
        if engine.is_async and pool in SYNC_ONLY_POOLS:
            self.report(DB502, _keyword_node(engine, "poolclass"), pool)
        if pool in UNPOOLED_CLASSES:
            sizing = [arg for arg in SIZING_ARGS if arg in engine.kwargs]
            if sizing:
                self.report(DB503, _keyword_node(engine, "poolclass"), ", ".join(sizing), pool)

    def _echo(self, engine: EngineCall) -> None:
        if any(isinstance(anc, ast.If) and is_main_guard(anc)
               for anc in self.ctx.ancestors(engine.call)):
            return  # a script run by hand (``if __name__ == "__main__":``), not the app
        value = engine.certainly("echo")
        if literal_bool(value) is True:
            self.report(DB504, _keyword_node(engine, "echo"), "True")
        elif literal_str(value) == "debug":
            self.report(DB504, _keyword_node(engine, "echo"), "'debug'")

    def _per_request(self, engine: EngineCall) -> None:
        func = self.ctx.enclosing_function(engine.call)
        if func is None or self._cached(func):
            return
        if self.ctx.route(func) is not None:
            self.report(DB505, engine.call, engine.factory, "route", func.name)
        elif self.ctx.module.functions.get(func.name) is func and func.name in self.dependencies:
            self.report(DB505, engine.call, engine.factory, "dependency", func.name)

    def _cached(self, func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        for deco in func.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if self.ctx.qualname(target) in CACHING_DECORATORS:
                return True
        return False

    def _server_options(self, engine: EngineCall, chain: list[Scope]) -> None:
        if self.engines.pooling_status(engine) != "pooled":
            return
        missing = [rule for rule, arg in ((DB501, "pool_pre_ping"), (DB506, "pool_recycle"))
                   if not engine.passes(arg)]
        if not missing:
            return
        server = self.engines.is_server_database(engine, chain)
        if server is None:
            return
        what = server if server.startswith("a ") else f"a {server} database"
        for rule in missing:
            self.report(rule, engine.call, engine.factory, what)
