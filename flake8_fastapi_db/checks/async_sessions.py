"""DB60x async session correctness: sync I/O in async code, un-awaited coroutines,
expiry after commit, the missing ``AsyncSession.query``, sessions shared by tasks.

(DB603, lazy loads through an AsyncSession, lives with the query rules.)
"""
from __future__ import annotations

import ast

from ..analysis.flow import enclosing_loop, function_nodes, local_nodes
from ..analysis.sessions import (
    CONNECTION,
    ENGINE,
    FunctionNode,
    Handle,
    session_facts,
)
from ..checker import Checker
from ..names import has_star_kwargs, is_fastapi, is_sa, keyword, last, literal_bool
from ..registry import register
from ..rules import Rule
from ..astwalk import walk

# Methods that do blocking I/O on sync objects, by role (RULES.md DB601).
_SYNC_SESSION_IO = frozenset({"execute", "exec", "scalar", "scalars", "get", "query", "commit",
                              "rollback", "flush", "refresh", "merge", "delete", "close",
                              "begin", "connection"})
_SYNC_CONNECTION_IO = frozenset({"execute", "exec_driver_sql", "scalar", "scalars", "commit",
                                 "rollback", "close", "begin"})
_SYNC_ENGINE_IO = frozenset({"connect", "begin", "dispose"})
# Coroutine methods of AsyncSession / AsyncConnection / AsyncEngine. ``add``,
# ``add_all``, ``expunge``, ``expire`` are plain methods; ``begin()``/``connect()``
# return async context managers and are not listed.
_ASYNC_SESSION_COROUTINES = frozenset({
    "execute", "exec", "scalar", "scalars", "get", "get_one", "commit", "flush", "refresh",
    "rollback", "delete", "merge", "close", "stream", "stream_scalars", "run_sync",
    "connection", "invalidate", "reset"})
_ASYNC_CONNECTION_COROUTINES = frozenset({
    "execute", "exec_driver_sql", "scalar", "scalars", "stream", "stream_scalars", "commit",
    "rollback", "close", "run_sync", "start", "invalidate", "get_raw_connection"})
_ASYNC_ENGINE_COROUTINES = frozenset({"dispose"})
_ANY_METHOD = (_SYNC_SESSION_IO | _SYNC_CONNECTION_IO | _SYNC_ENGINE_IO | _ASYNC_SESSION_COROUTINES
               | _ASYNC_CONNECTION_COROUTINES | _ASYNC_ENGINE_COROUTINES)


def _io_methods(handle: Handle) -> frozenset[str]:
    if handle.is_session:
        return _ASYNC_SESSION_COROUTINES if handle.is_async else _SYNC_SESSION_IO
    if handle.role == CONNECTION:
        return _ASYNC_CONNECTION_COROUTINES if handle.is_async else _SYNC_CONNECTION_IO
    if handle.role == ENGINE:
        return _ASYNC_ENGINE_COROUTINES if handle.is_async else _SYNC_ENGINE_IO
    return frozenset()


class DB601(Rule):
    """## What it does
    Finds blocking database I/O on a sync `Session`, `Connection` or `Engine`
    inside an `async def`: `execute`, `exec` (SQLModel), `scalar(s)`, `get`,
    `query`, `commit`, `rollback`, `flush`, `refresh`, `merge`, `delete`,
    `close`, `connect`, `begin`, `dispose`.

    The object must be known to be sync: annotated `Session` (also through
    `Annotated[...]` and type aliases), injected by `Depends()` on a dependency
    that yields a sync session, or created from a sync `sessionmaker`. Calls
    made through `run_in_threadpool(...)` / `run_sync(...)` (a function or
    lambda handed over, not called), plain `def` routes, and startup/shutdown
    handlers (`lifespan`, `on_event`) are not reported.

    ## Why is this bad?
    A sync driver call blocks the event loop thread for the whole round trip:
    while one request waits for the database, no other request on that worker is
    served. FastAPI runs `def` routes in a thread pool precisely to avoid this;
    an `async def` route runs on the loop itself (seed common issue 7).

    ## Example
    ```python
    from fastapi import Depends, FastAPI
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session, sessionmaker

    app = FastAPI()
    SessionLocal = sessionmaker(bind=create_engine("sqlite://"))


    def get_db():
        with SessionLocal() as db:
            yield db


    @app.get("/health")
    async def health(db: Session = Depends(get_db)):
        return db.execute(text("SELECT 1")).scalar_one()
    ```

    ## Use instead
    ```python
    from fastapi import Depends, FastAPI
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session, sessionmaker

    app = FastAPI()
    SessionLocal = sessionmaker(bind=create_engine("sqlite://"))


    def get_db():
        with SessionLocal() as db:
            yield db


    @app.get("/health")
    def health(db: Session = Depends(get_db)):
        return db.execute(text("SELECT 1")).scalar_one()
    ```

    ## Limitations
    `self.session` is followed inside its class when every assignment to it (or
    the class annotation) says what it is; other attributes (`request.state.db`)
    and unannotated parameters without `Depends()` are not followed.

    ## References
    - [FastAPI: Concurrency and async / await](https://fastapi.tiangolo.com/async/)
    """

    code = "DB601"
    name = "sync-session-in-async"
    message = "blocking '{}.{}()' on a sync {} inside async def '{}'"
    checklist = ()


class DB602(Rule):
    """## What it does
    Finds coroutine methods of an `AsyncSession`, `AsyncConnection` or
    `AsyncEngine` (`execute`, `scalar(s)`, `get`, `commit`, `flush`, `refresh`,
    `rollback`, `delete`, `merge`, `close`, `stream`, `run_sync`, ...) called
    without `await`: as a statement on its own, with a method chained on the
    coroutine (`db.execute(q).scalars()`), or assigned to a name that is never
    awaited or handed on.

    `add()`, `add_all()`, `expunge()` and `expire()` are plain methods on
    `AsyncSession` and are not reported; nor is a coroutine passed to
    `asyncio.gather`, `create_task`, `wait_for`, ... or assigned and awaited later.

    ## Why is this bad?
    Calling a coroutine function only creates the coroutine; it runs when
    awaited. An un-awaited `commit()` commits nothing and the write is silently
    lost when the session closes (verified with SQLAlchemy 2.1 on aiosqlite);
    Python only prints a "was never awaited" RuntimeWarning.

    ## Example
    ```python
    from sqlalchemy.ext.asyncio import AsyncSession


    async def save(db: AsyncSession, obj):
        db.add(obj)
        db.commit()
    ```

    ## Use instead
    ```python
    from sqlalchemy.ext.asyncio import AsyncSession


    async def save(db: AsyncSession, obj):
        db.add(obj)
        await db.commit()
    ```

    ## Limitations
    The object must be known to be async (annotation, `Depends()` on an async
    session dependency, or created from `async_sessionmaker`).
    """

    code = "DB602"
    name = "unawaited-async-session-call"
    message = "'{}.{}()' is a coroutine and is never awaited"
    checklist = ()


class DB604(Rule):
    """## What it does
    Finds `async_sessionmaker(...)`, `AsyncSession(...)` and
    `sessionmaker(class_=AsyncSession, ...)` without `expire_on_commit=False`.

    ## Why is this bad?
    By default a commit expires every loaded object. Reading an attribute
    afterwards (`return user` serialized by FastAPI, `user.id` in a log line)
    makes SQLAlchemy refresh it with implicit I/O, which an `AsyncSession` cannot
    do outside `await`: it raises `MissingGreenlet` (a `StatementError` wrapping
    it, verified with SQLAlchemy 2.1). The seed's session factory sets
    `expire_on_commit=False` for this reason.

    ## Example
    ```python
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    engine = create_async_engine("sqlite+aiosqlite://")
    async_session = async_sessionmaker(engine)
    ```

    ## Use instead
    ```python
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    engine = create_async_engine("sqlite+aiosqlite://")
    async_session = async_sessionmaker(engine, expire_on_commit=False)
    ```

    ## Limitations
    A non-literal `expire_on_commit=` or `**kwargs` is trusted.

    ## References
    - [SQLAlchemy](https://docs.sqlalchemy.org/en/20/orm/extensions/asyncio.html)
    """

    code = "DB604"
    name = "async-session-expire-on-commit"
    message = "'{}' without expire_on_commit=False: attribute access after commit raises"
    checklist = ()


class DB605(Rule):
    """## What it does
    Finds `.query(...)` called on an `AsyncSession`.

    ## Why is this bad?
    `AsyncSession` has no `query()` method: the legacy `Query` API does
    implicit I/O and is not available in asyncio. The call raises
    `AttributeError` the first time the endpoint runs (verified with
    SQLAlchemy 2.1).

    ## Example
    ```python
    from sqlalchemy.ext.asyncio import AsyncSession


    async def count_users(db: AsyncSession, user_cls):
        return db.query(user_cls).count()
    ```

    ## Use instead
    ```python
    from sqlalchemy import func, select
    from sqlalchemy.ext.asyncio import AsyncSession


    async def count_users(db: AsyncSession, user_cls):
        return await db.scalar(select(func.count()).select_from(user_cls))
    ```

    ## References
    - [SQLAlchemy: AsyncSession](https://docs.sqlalchemy.org/en/20/orm/extensions/asyncio.html)
    """

    code = "DB605"
    name = "query-on-async-session"
    message = "'{}.query()': AsyncSession has no query(); use select() with await execute()"
    checklist = ()


class DB606(Rule):
    """## What it does
    Finds one `AsyncSession` used by coroutines that run concurrently:
    `asyncio.gather(...)` whose awaitables call the session's methods or receive
    the session (two of them, or one built by a comprehension), and
    `async with asyncio.TaskGroup()` (or an anyio task group) whose tasks do the
    same. Reported on the `gather(...)` call or on the `async with` statement.

    ## Why is this bad?
    SQLAlchemy's asyncio documentation requires one `AsyncSession` per
    concurrent task. A shared session is one connection and one transaction:
    concurrent flushes raise ("Session is already flushing"), statements of the
    tasks interleave, and one task's rollback discards another task's committed
    work (verified with aiosqlite; concurrent reads may run without any error,
    so tests don't catch it).

    ## Example
    ```python
    import asyncio

    from sqlalchemy.ext.asyncio import AsyncSession


    async def load_both(db: AsyncSession, user_cls, order_cls, uid, oid):
        return await asyncio.gather(db.get(user_cls, uid), db.get(order_cls, oid))
    ```

    ## Use instead
    ```python
    from sqlalchemy.ext.asyncio import AsyncSession


    async def load_both(db: AsyncSession, user_cls, order_cls, uid, oid):
        return await db.get(user_cls, uid), await db.get(order_cls, oid)
    ```

    ## Limitations
    Only awaitables written in the `gather(...)` call or the task group body,
    and a list bound once to a comprehension (`tasks = [f(db, i) for i in ids]`;
    `gather(*tasks)`), are inspected; lists filled by `append` are not followed.

    ## References
    - [SQLAlchemy](https://docs.sqlalchemy.org/en/20/orm/extensions/asyncio.html)
    """

    code = "DB606"
    name = "async-session-shared-by-tasks"
    message = "AsyncSession '{}' shared by concurrently running tasks: use one session per task"
    checklist = ()


@register
class AsyncSessionChecker(Checker):
    name = "async-sessions"
    rules = (DB601, DB602, DB604, DB605, DB606)

    def begin(self) -> None:
        self.facts = session_facts(self.ctx)
        self.calls: list[ast.Call] = []
        self.groups: list[ast.AsyncWith] = []

    # Nodes are analysed in end(): the parent map then covers the whole file,
    # which resolving names inside a call's arguments needs.
    def visit_Call(self, node: ast.Call) -> None:
        self.calls.append(node)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> None:
        self.groups.append(node)

    def end(self) -> None:
        for call in self.calls:
            self._call(call)
        for group in self.groups:
            self._task_group(group)

    def _call(self, node: ast.Call) -> None:
        self._expire_on_commit(node)
        if self.ctx.qualname(node.func) == "asyncio.gather":
            self._gather(node)
        if not isinstance(node.func, ast.Attribute) or node.func.attr not in _ANY_METHOD:
            return
        method = node.func.attr
        parent = self.ctx.parent(node)
        if method != "query":
            # Cheap shape tests first: resolving the receiver may read other modules.
            if isinstance(parent, ast.Await):
                return  # neither un-awaited (DB602) nor sync I/O (DB601)
            in_async = isinstance(self.ctx.enclosing_function(node), ast.AsyncFunctionDef)
            if not in_async and not isinstance(parent, (ast.Expr, ast.Attribute, ast.Assign)):
                return
        handle = self.facts.handle(node.func.value)
        if handle is None:
            return
        receiver = ast.unparse(node.func.value)
        if handle.is_async:
            if method == "query" and handle.is_session:
                self.report(DB605, node, receiver)
            elif method in _io_methods(handle) and self._not_awaited(node):
                self.report(DB602, node, receiver, method)
        elif method in _io_methods(handle) and not isinstance(self.ctx.parent(node), ast.Await):
            # An awaited call cannot be on a sync object: the annotation is wrong.
            func = self.ctx.enclosing_function(node)
            if isinstance(func, ast.AsyncFunctionDef) and not self._startup_code(func):
                self.report(DB601, node, receiver, method, _kind(handle), func.name)

    # DB601
    def _startup_code(self, func: FunctionNode) -> bool:
        """Lifespan and startup/shutdown handlers run once, not per request."""
        if any(word in func.name for word in ("lifespan", "startup", "shutdown")):
            return True
        for deco in func.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if isinstance(target, ast.Attribute) and target.attr == "on_event":
                return True
            qualname = self.ctx.qualname(target)
            if qualname and last(qualname) == "asynccontextmanager":
                params = func.args.posonlyargs + func.args.args
                if params and (
                        params[0].arg in ("app", "_app") or is_fastapi(
                            self.ctx.qualname(params[0].annotation)
                            if params[0].annotation else None, "FastAPI")):
                    return True
        return False

    # DB602
    def _not_awaited(self, call: ast.Call) -> bool:
        parent = self.ctx.parent(call)
        if isinstance(parent, ast.Expr):
            return True
        if isinstance(parent, ast.Attribute) and parent.value is call:
            return True
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and \
                isinstance(parent.targets[0], ast.Name):
            func = self.ctx.enclosing_function(call)
            if func is None:
                return False
            return self._never_awaited(parent.targets[0].id, func, parent)
        return False

    def _never_awaited(self, name: str, func: FunctionNode, assign: ast.Assign) -> bool:
        """Every later use of ``name`` treats it as a result, none awaits or hands it on."""
        for node in function_nodes(func):
            if not (isinstance(node, ast.Name) and node.id == name) or node is assign.targets[0]:
                continue
            if isinstance(node.ctx, ast.Store):
                return False  # rebound: too complex to follow
            parent = self.ctx.parent(node)
            if isinstance(parent, ast.Attribute) and parent.value is node:
                continue
            return False
        return True

    # DB604
    def _expire_on_commit(self, call: ast.Call) -> None:
        qualname = self.ctx.qualname(call.func)
        if not is_sa(qualname, "async_sessionmaker", "AsyncSession", "sessionmaker"):
            return
        if last(qualname or "") == "sessionmaker":
            class_ = keyword(call, "class_")
            made = self.facts.resolver.annotation(self.ctx.module, class_) if class_ else None
            if made is None or not made.is_async:
                return
        if has_star_kwargs(call):
            return
        value = keyword(call, "expire_on_commit")
        if value is None or literal_bool(value) is True:
            self.report(DB604, call, ast.unparse(call.func))

    # DB606
    def _sessions_in(self, node: ast.AST) -> set[str]:
        return {n.id for n in walk(node) if isinstance(n, ast.Name)
                and self.facts.session_kind(n) == "async"}

    def _comprehension(self, node: ast.expr, call: ast.Call) -> _Comp | None:
        """``*[f(db, i) for i in ids]``, or ``*tasks`` bound once to such a list."""
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            return node
        func = self.ctx.enclosing_function(call)
        if not isinstance(node, ast.Name) or func is None:
            return None
        bindings = self.facts.resolver.scope(func).bindings.get(node.id, [])
        if len(bindings) == 1 and bindings[0][0] == "value" and \
                isinstance(bindings[0][1], (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            return bindings[0][1]
        return None

    def _gather(self, call: ast.Call) -> None:
        uses: dict[str, int] = {}
        for arg in call.args:
            weight = 1
            value: ast.AST = arg
            if isinstance(arg, ast.Starred):
                built = self._comprehension(arg.value, call)
                if built is None:
                    continue
                value, weight = built.elt, 2
            if not isinstance(value, (ast.Call, ast.Await)):
                continue
            for name in self._sessions_in(value):
                uses[name] = uses.get(name, 0) + weight
        shared = sorted(name for name, count in uses.items() if count >= 2)
        if shared:
            self.report(DB606, call, shared[0])

    def _task_group(self, node: ast.AsyncWith) -> None:
        for item in node.items:
            if not isinstance(item.context_expr, ast.Call) or \
                    not isinstance(item.optional_vars, ast.Name):
                continue
            qualname = self.ctx.qualname(item.context_expr.func)
            if qualname == "asyncio.TaskGroup":
                spawn, first = "create_task", 0
            elif qualname == "anyio.create_task_group":
                spawn, first = "start_soon", 1
            else:
                continue
            group = item.optional_vars.id
            uses: dict[str, int] = {}
            for call in local_nodes(node.body):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == spawn and isinstance(call.func.value, ast.Name)
                        and call.func.value.id == group):
                    continue
                weight = 2 if enclosing_loop(self.ctx, call, node) is not None else 1
                names: set[str] = set()
                for arg in call.args[first:]:
                    names |= self._sessions_in(arg)
                for name in names:
                    uses[name] = uses.get(name, 0) + weight
            shared = sorted(name for name, count in uses.items() if count >= 2)
            if shared:
                self.report(DB606, node, shared[0])


_Comp = ast.ListComp | ast.GeneratorExp | ast.SetComp


def _kind(handle: Handle) -> str:
    return {"engine": "Engine", "connection": "Connection"}.get(handle.role, "Session")
