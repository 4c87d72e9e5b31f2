"""DB3xx session and transaction rules: who creates a session, how it is committed."""
from __future__ import annotations

import ast
from functools import cached_property

from ..analysis.flow import (
    enclosing_loop,
    function_nodes,
    is_forever,
    leaves_loop_after,
    local_nodes,
    mutually_exclusive,
)
from ..analysis.sessions import (
    CONNECTION,
    FunctionNode,
    Handle,
    find_param,
    session_facts,
)
from ..checker import Checker
from ..names import dotted, is_fastapi, is_sa, keyword, last, literal_bool
from ..registry import register
from ..rules import Rule
from ..astwalk import walk, walk_statements

# Exceptions a failed flush raises (``sqlalchemy.exc``) and DBAPI driver packages.
DB_ERRORS = frozenset({
    "SQLAlchemyError", "DBAPIError", "IntegrityError", "OperationalError", "DataError",
    "ProgrammingError", "InternalError", "NotSupportedError", "DatabaseError",
    "InterfaceError", "StatementError", "InvalidRequestError", "PendingRollbackError",
})
DRIVER_ROOTS = frozenset({"psycopg2", "psycopg", "asyncpg", "sqlite3", "pymysql", "MySQLdb",
                          "aiomysql", "aiosqlite", "cx_Oracle", "oracledb", "pyodbc"})
BROAD_ERRORS = frozenset({"Exception", "BaseException"})
# Text without which a function has nothing for the per-function rules.
_FUNCTION_MARKERS = ("commit", "flush", "yield", "get(", "select(", "query(")
# Result methods that give one object (``.scalar_one()`` ...), ending a load.
SINGLE_RESULT = frozenset({"first", "one", "one_or_none", "scalar_one", "scalar_one_or_none",
                           "scalar", "get", "get_one"})


class DB301(Rule):
    """## What it does
    Finds a session created at module scope: calling a `sessionmaker` or
    `async_sessionmaker` factory, a `scoped_session` registry, `Session(...)` or
    `AsyncSession(...)` when the module is imported, including as a parameter
    default (`def items(db=SessionLocal())`), which is evaluated once, at import.

    Creating the factory or the `scoped_session` registry at module level is the
    right thing to do and is not reported; neither are sessions opened in a
    module-level `with` block, under `if __name__ == "__main__":`, or in test files.

    ## Why is this bad?
    A module-level session is one object shared by every request and every
    worker thread. Sessions are not thread-safe, one failed flush poisons it for
    all requests (PendingRollbackError), and objects of one user's request stay
    in its identity map for the next one.

    ## Example
    ```python
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    engine = create_engine("sqlite://")
    SessionLocal = sessionmaker(bind=engine)
    db = SessionLocal()
    ```

    ## Use instead
    ```python
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    engine = create_engine("sqlite://")
    SessionLocal = sessionmaker(bind=engine)


    def get_db():
        with SessionLocal() as db:
            yield db
    ```

    ## Limitations
    A factory is recognised when it is built by `sessionmaker`/`async_sessionmaker`/
    `scoped_session` in a project module the plugin can read.

    ## References
    - [SQLAlchemy](https://docs.sqlalchemy.org/en/20/orm/session_basics.html)
    """

    code = "DB301"
    name = "module-level-session"
    message = "session created at module scope by '{}': create it per request"
    checklist = (5,)


class DB302(Rule):
    """## What it does
    Finds route functions that create their own session (`SessionLocal()`,
    `with Session(engine)`, `async with async_session()`) instead of receiving it
    through `Depends(...)`.

    Background tasks, lifespan handlers and other non-route functions are not
    reported: they have no request to attach a dependency to.

    ## Why is this bad?
    A session dependency gives every request exactly one session, closes it on
    every path, and lets tests override it with `app.dependency_overrides`. A
    route that opens its own session bypasses all of that (seed: "Database
    sessions managed through dependency injection").

    ## Example
    ```python
    from fastapi import FastAPI
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import sessionmaker

    app = FastAPI()
    engine = create_engine("sqlite://")
    SessionLocal = sessionmaker(bind=engine)


    @app.get("/health")
    def health():
        with SessionLocal() as db:
            return db.execute(text("SELECT 1")).scalar_one()
    ```

    ## Use instead
    ```python
    from fastapi import Depends, FastAPI
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session, sessionmaker

    app = FastAPI()
    engine = create_engine("sqlite://")
    SessionLocal = sessionmaker(bind=engine)


    def get_db():
        with SessionLocal() as db:
            yield db


    @app.get("/health")
    def health(db: Session = Depends(get_db)):
        return db.execute(text("SELECT 1")).scalar_one()
    ```

    ## Limitations
    Sessions opened through a project helper (`with session_scope() as db`) are
    not reported.

    ## References
    - [FastAPI](https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-with-yield/)
    """

    code = "DB302"
    name = "route-creates-session"
    message = "route '{}' creates its own session with '{}': inject it with Depends()"
    checklist = (5,)


class DB303(Rule):
    """## What it does
    Finds generator functions (session dependencies, `@contextmanager` helpers)
    that create a session and `yield` it outside a `with`/`async with` block and
    outside a `try` whose `finally` closes it. Reported on the statement that
    creates the session.

    ## Why is this bad?
    When the request (or the `with` block using the helper) raises, the exception
    is thrown into the generator at the `yield`; the lines after it never run, so
    the session is never closed and its connection leaks from the pool until
    garbage collection. Enough failing requests exhaust the pool.

    ## Example
    ```python
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    engine = create_engine("sqlite://")
    SessionLocal = sessionmaker(bind=engine)


    def get_db():
        db = SessionLocal()
        yield db
        db.close()
    ```

    ## Use instead
    ```python
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    engine = create_engine("sqlite://")
    SessionLocal = sessionmaker(bind=engine)


    def get_db():
        with SessionLocal() as db:
            yield db
    ```

    ## Limitations
    Only a session created in the generator itself and yielded by name is followed.

    ## References
    - [FastAPI](https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-with-yield/)
    """

    code = "DB303"
    name = "session-not-closed"
    message = "session '{}' is yielded without a with-block or try/finally that closes it"
    checklist = (5,)


class DB304(Rule):
    """## What it does
    Finds a second `commit()` on the same session in one function when both
    commits run in sequence. Commits in exclusive branches (`if`/`else`, a `try`
    body and its `except`, different `match` cases) or after an early
    `return`/`raise` are not reported. A commit that is the function's first
    statement only ends the caller's transaction ("start fresh before taking a
    lock") and does not count as a first step. Reported on the second commit.

    ## Why is this bad?
    Each commit ends a transaction. A multi-step operation split across two
    commits leaves the first step written when the second one fails: half an
    order, a debit without its credit. Use `flush()` to get generated keys
    mid-way and commit once (seed: "Proper transaction handling for multi-step
    operations").

    ## Example
    ```python
    from sqlalchemy.orm import Session


    def register(db: Session, user, profile):
        db.add(user)
        db.commit()
        profile.user_id = user.id
        db.add(profile)
        db.commit()
    ```

    ## Use instead
    ```python
    from sqlalchemy.orm import Session


    def register(db: Session, user, profile):
        db.add(user)
        db.flush()
        profile.user_id = user.id
        db.add(profile)
        db.commit()
    ```

    ## Limitations
    A second commit with no visible write since the previous one (reads, refreshes,
    calls that open their own session) commits nothing and is not reported.

    The session must be known (annotation, `Depends()` on a session dependency,
    or a local `SessionLocal()`). Commits inside loops are DB306's concern.
    """

    code = "DB304"
    name = "multiple-commits"
    message = "second commit() on '{}' in '{}': one operation split across transactions"
    checklist = (6,)


class DB305(Rule):
    """## What it does
    Finds an `except` clause that catches a database error (`IntegrityError`,
    `SQLAlchemyError`, `DBAPIError`, a driver error, a bare `except` or
    `Exception`) around a `commit()` or `flush()`, and neither calls `rollback()`
    nor re-raises.

    Handlers that `raise` (including `raise HTTPException(...)`) are fine: the
    session dependency rolls back. So are handlers of a `try` inside
    `with session.begin():`, and commits inside their own `with session.begin():`.
    Also silent: a handler followed directly by a `raise` after the `try`, a
    handler that checks `session.is_active` (it detects the failed state), and
    an outer handler whose commit is already inside an inner `try` that catches
    `Exception`.

    ## Why is this bad?
    After a failed flush the session's transaction is inactive: every later use
    of the session raises `PendingRollbackError` until `rollback()` is called
    (verified with SQLAlchemy 2.1). Swallowing the error turns one failed insert
    into failures of everything that follows on that session.

    ## Example
    ```python
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import Session


    def create(db: Session, user):
        db.add(user)
        try:
            db.commit()
        except IntegrityError:
            return None
        return user
    ```

    ## Use instead
    ```python
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import Session


    def create(db: Session, user):
        db.add(user)
        try:
            db.commit()
        except IntegrityError:
            db.rollback()
            return None
        return user
    ```

    ## Limitations
    A handler that passes the session to a helper, or closes it, is assumed to
    roll back. With only `except Exception`, the committed object must be a known
    session.

    ## References
    - [SQLAlchemy](https://docs.sqlalchemy.org/en/20/faq/sessions.html)
    """

    code = "DB305"
    name = "swallowed-flush-error"
    message = "'{}' around {}() neither calls rollback() nor re-raises"
    checklist = (6,)


class DB306(Rule):
    """## What it does
    Finds `commit()` called inside a loop body or comprehension.

    `while True:` service loops and loops that open a new session per iteration
    are not reported, nor are retry loops that leave the loop once the commit
    succeeds (`commit()` followed by `break`/`return`, or a `try` whose `else`
    breaks).

    ## Why is this bad?
    One transaction per row costs one round trip and one durable write (fsync)
    per row, and it breaks atomicity: when row 500 fails, rows 1-499 are already
    committed. Commit once after the loop (seed §2 "Batch Operations").

    ## Example
    ```python
    from sqlalchemy.orm import Session


    def import_users(db: Session, users):
        for user in users:
            db.add(user)
            db.commit()
    ```

    ## Use instead
    ```python
    from sqlalchemy.orm import Session


    def import_users(db: Session, users):
        db.add_all(users)
        db.commit()
    ```

    ## Limitations
    The committed object must be a known session or connection. Chunked batch
    jobs that commit per chunk on purpose should use `# noqa: DB306`.
    """

    code = "DB306"
    name = "commit-in-loop"
    message = "commit() on '{}' inside a loop: commit once after it"
    checklist = (6, 9)


class DB307(Rule):
    """## What it does
    Finds read-modify-write of an attribute of an ORM object loaded in the same
    function (`session.get(...)`, `select(...)` / `query(...)` results):
    `obj.balance -= amount` or `obj.count = obj.count + 1`, when the load has no
    `with_for_update()` (or `get(..., with_for_update=True)`).

    Objects created in the function and atomic SQL updates
    (`update(Model).values(balance=Model.balance - x)`) are not reported.

    ## Why is this bad?
    Two requests read the same balance, each subtracts its amount from its own
    copy and writes it back: one of the updates is lost. A transaction does not
    prevent this at the default READ COMMITTED isolation (the seed's transfer
    example does exactly this). Lock the row while reading it, or let the
    database compute the new value.

    ## Example
    ```python
    from sqlalchemy import select
    from sqlalchemy.orm import Session


    def withdraw(db: Session, account_cls, account_id, amount):
        account = db.scalars(select(account_cls).where(account_cls.id == account_id)).one()
        account.balance -= amount
    ```

    ## Use instead
    ```python
    from sqlalchemy import select
    from sqlalchemy.orm import Session


    def withdraw(db: Session, account_cls, account_id, amount):
        stmt = select(account_cls).where(account_cls.id == account_id).with_for_update()
        account = db.scalars(stmt).one()
        account.balance -= amount
    ```

    ## Limitations
    Only a load assigned to a name in the same function is followed; objects
    received as parameters are not. Optimistic locking (`version_id_col`) also
    prevents lost updates; use `# noqa: DB307` there.

    ## References
    - [SQLAlchemy: Select.with_for_update](https://docs.sqlalchemy.org/en/20/core/selectable.html)
    """

    code = "DB307"
    name = "read-modify-write"
    message = "read-modify-write of '{}' loaded without with_for_update(): lost updates"
    checklist = (6,)


class DB308(Rule):
    """## What it does
    Finds a session received through `Depends(...)` (or a route's session
    parameter) passed to `BackgroundTasks.add_task(...)`, as a positional or
    keyword argument.

    ## Why is this bad?
    The request's session belongs to the request; a background task outlives it,
    and what it then gets depends on the FastAPI version. FastAPI 0.106-0.117 run
    the dependency's exit code before background tasks (documented: "using
    resources from dependencies with yield in background tasks is no longer
    supported"), so the task receives a closed session whose objects are
    detached. Since 0.118 the exit code runs after the background tasks: the
    task shares the request's session and transaction, and the session keeps its
    pooled connection checked out for as long as the task runs (verified with
    FastAPI 0.165), so slow tasks (e-mails, webhooks) starve the pool; with
    `Depends(..., scope="function")` the session is closed before the task
    again. Let the task open its own short session.

    ## Example
    ```python
    from fastapi import BackgroundTasks, Depends, FastAPI
    from sqlalchemy.orm import Session

    from app.db import get_db
    from app.jobs import send_welcome

    app = FastAPI()


    @app.post("/signup")
    def signup(tasks: BackgroundTasks, db: Session = Depends(get_db)):
        tasks.add_task(send_welcome, db)
    ```

    ## Use instead
    ```python
    from fastapi import BackgroundTasks, FastAPI

    from app.jobs import send_welcome

    app = FastAPI()


    @app.post("/signup")
    def signup(tasks: BackgroundTasks):
        tasks.add_task(send_welcome)
    ```

    ## References
    - [FastAPI](https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-with-yield/)
    """

    code = "DB308"
    name = "session-in-background-task"
    message = "request session '{}' passed to a background task: open a new session in the task"
    checklist = (5,)


def _receiver_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return dotted(call.func.value)
    return None


def _method_calls(body: list[ast.stmt], *methods: str) -> list[ast.Call]:
    return [n for n in local_nodes(body) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute) and n.func.attr in methods]


def _modifies_attribute(node: ast.AST) -> bool:
    """``obj.x += ...`` or ``obj.x = <arithmetic>``: what ``_rmw_target`` examines."""
    node_type = type(node)
    if node_type is ast.AugAssign:
        return type(node.target) is ast.Attribute  # type: ignore[attr-defined]
    return node_type is ast.Assign and _attribute_arithmetic(node) is not None


def _attribute_arithmetic(node: ast.AST) -> ast.Attribute | None:
    """The target of ``obj.x = <arithmetic>`` (one attribute target, a BinOp value)."""
    if type(node) is ast.Assign and type(node.value) is ast.BinOp and \
            len(node.targets) == 1 and type(node.targets[0]) is ast.Attribute:
        return node.targets[0]  # type: ignore[return-value]
    return None


def _operands(node: ast.expr) -> list[ast.expr]:
    """Operands of a chain of binary operations (``a + b * c`` -> a, b, c)."""
    out: list[ast.expr] = []
    stack = [node]
    while stack:  # iterative: generated code can chain thousands of operands
        current = stack.pop()
        if isinstance(current, ast.BinOp):
            stack.extend((current.right, current.left))
        else:
            out.append(current)
    return out


def _unawait(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Await) else node


_WRITE_METHODS = frozenset({"add", "add_all", "delete", "merge", "execute", "exec", "flush",
                            "bulk_save_objects", "bulk_insert_mappings",
                            "bulk_update_mappings", "exec_driver_sql"})


def _writes_between(func: FunctionNode, first: ast.Call, second: ast.Call) -> bool:
    """A visible write (session write call, attribute assignment) between two lines."""
    start, end = first.lineno, second.lineno
    for node in function_nodes(func):
        line = getattr(node, "lineno", 0)
        if not start <= line <= end or node is first or node is second:
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in _WRITE_METHODS:
            return True
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        if any(isinstance(t, (ast.Attribute, ast.Subscript)) for t in targets):
            return True
    return False


def _leading(func: FunctionNode, call: ast.Call) -> bool:
    """``call`` is the function's first statement (after a docstring): a commit
    there only ends the caller's transaction ("start fresh before locking"),
    nothing of this function's own operation is written before it."""
    body = func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    return bool(body) and isinstance(body[0], ast.Expr) and _unawait(body[0].value) is call


@register
class SessionChecker(Checker):
    name = "sessions"
    rules = (DB301, DB302, DB303, DB304, DB305, DB306, DB307, DB308)

    def begin(self) -> None:
        self.facts = session_facts(self.ctx)
        self.functions: list[FunctionNode] = []

    # -- per call: where sessions are created and passed -------------------
    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Attribute) and node.func.attr == "add_task":
            self._background_task(node)
            return
        # Only calls at module scope (DB301) and in routes (DB302) can matter;
        # deciding whether a call makes a session may read other modules.
        func = self.ctx.enclosing_function(node)
        owner = self._default_of(node)
        if owner is not None:
            # ``def f(db=SessionLocal())``: the default is made once, at import.
            if self.ctx.at_module_scope(owner) and not self.ctx.is_test and \
                    self.facts.creates_session(node) is not None:
                self.report(DB301, node, ast.unparse(node.func))
        elif func is not None:
            if func in self.ctx.routes and self.facts.creates_session(node) is not None:
                self.report(DB302, node, func.name, ast.unparse(node.func))
        elif self.ctx.at_module_scope(node) and not self.ctx.is_test and \
                not self._is_with_item(node) and self.facts.creates_session(node) is not None:
            self.report(DB301, node, ast.unparse(node.func))

    @cached_property
    def _in_defaults(self) -> set[int]:
        """Every node inside a parameter default of a function of the file."""
        out: set[int] = set()
        for stmt in walk_statements(self.ctx.tree):
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for default in [*stmt.args.defaults, *stmt.args.kw_defaults]:
                    if default is not None:
                        out.update(id(n) for n in walk(default))
        return out

    def _default_of(self, node: ast.Call) -> FunctionNode | None:
        """The function whose parameter default (evaluated at definition) holds ``node``."""
        if id(node) not in self._in_defaults:
            return None   # most calls: no need to climb to the function
        child: ast.AST = node
        for anc in self.ctx.ancestors(node):
            if isinstance(anc, ast.arguments):
                owner = self.ctx.parent(anc)
                in_default = any(child is d for d in [*anc.defaults, *anc.kw_defaults])
                return owner if in_default and isinstance(
                    owner, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
            if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                ast.ClassDef)):
                return None
            child = anc
        return None

    def _is_with_item(self, node: ast.Call) -> bool:
        parent = self.ctx.parent(node)
        return isinstance(parent, ast.withitem) and parent.context_expr is node

    def _background_task(self, call: ast.Call) -> None:
        func = self.ctx.enclosing_function(call)
        tasks = call.func.value if isinstance(call.func, ast.Attribute) else None
        if func is None or not isinstance(tasks, ast.Name):
            return
        param = find_param(func, tasks.id)
        if param is None or not is_fastapi(self.ctx.qualname(param.annotation)
                                           if param.annotation else None, "BackgroundTasks"):
            return
        is_route = self.ctx.route(func) is not None
        for arg in [*call.args[1:], *(kw.value for kw in call.keywords)]:
            if not isinstance(arg, ast.Name) or find_param(func, arg.id) is None:
                continue
            handle = self.facts.param(func, arg.id)
            if handle is None or not handle.is_session:
                continue
            if is_route or self.facts.is_injected(func, arg.id):
                self.report(DB308, arg, arg.id)

    # -- per function: transactions --------------------------------------
    def visit_FunctionDef(self, node: FunctionNode) -> None:
        self.functions.append(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def end(self) -> None:
        for func in self.functions:
            text = "".join(self.ctx.lines[func.lineno - 1:func.end_lineno])
            if not any(marker in text for marker in _FUNCTION_MARKERS):
                continue  # cheap: most functions never touch a session
            nodes = function_nodes(func)  # one walk serves every rule below
            if "yield" in text and any(isinstance(n, ast.Yield) for n in nodes) and \
                    not self._is_fixture(func):
                self._unclosed_yield(func, nodes)
            if "commit" in text or "flush" in text:
                commits = [n for n in nodes if isinstance(n, ast.Call)
                           and isinstance(n.func, ast.Attribute) and n.func.attr == "commit"
                           and self._is_db(n)]
                self._commits(func, commits)
                self._swallowed_errors(func, nodes)
            if ("get(" in text or "select(" in text or "query(" in text) and \
                    any(_modifies_attribute(n) for n in nodes):
                self._read_modify_write(func, nodes)

    def _is_fixture(self, func: FunctionNode) -> bool:
        """pytest runs a fixture's code after ``yield`` even when the test fails."""
        for deco in func.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            qualname = self.ctx.qualname(target)
            if qualname and last(qualname) == "fixture":
                return True
        return False

    @cached_property
    def _schema_script(self) -> bool:
        """Migrations and Alembic's env.py loop over schemas/tenants, not rows."""
        return self.ctx.is_migration or self.ctx.module.imports.imports_any(("alembic",))

    def _is_db(self, call: ast.Call) -> bool:
        """The receiver of ``x.commit()`` is a known session or connection."""
        assert isinstance(call.func, ast.Attribute)
        handle: Handle | None = self.facts.handle(call.func.value)
        return handle is not None and (handle.is_session or handle.role == CONNECTION)

    # DB303
    def _unclosed_yield(self, func: FunctionNode, nodes: list[ast.AST]) -> None:
        created: dict[str, ast.stmt] = {}
        for node in nodes:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                    isinstance(node.targets[0], ast.Name) and \
                    isinstance(_unawait(node.value), ast.Call) and \
                    self.facts.creates_session(_unawait(node.value)) is not None:  # type: ignore
                created.setdefault(node.targets[0].id, node)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Yield) and \
                    isinstance(node.value.value, ast.Call) and \
                    self.facts.creates_session(node.value.value) is not None:
                self.report(DB303, node, ast.unparse(node.value.value))
        for name, stmt in created.items():
            yields = [n for n in nodes if isinstance(n, ast.Yield)
                      and isinstance(n.value, ast.Name) and n.value.id == name]
            if yields and not all(self._closed_around(y, func, name) for y in yields):
                self.report(DB303, stmt, name)

    def _closed_around(self, node: ast.AST, func: FunctionNode, name: str) -> bool:
        child = node
        for anc in self.ctx.ancestors(node):
            if anc is func:
                return False
            if isinstance(anc, (ast.With, ast.AsyncWith)):
                return True
            if isinstance(anc, ast.Try) and child in anc.body and any(
                    isinstance(n, ast.Name) and n.id == name
                    for stmt in anc.finalbody for n in walk(stmt)):
                return True
            child = anc
        return False

    # DB304 / DB306
    def _commits(self, func: FunctionNode, commits: list[ast.Call]) -> None:
        straight: dict[tuple[str, int], list[ast.Call]] = {}
        rebinds = [n for n in function_nodes(func) if isinstance(n, ast.Assign)] \
            if commits else []
        for call in commits:
            receiver = _receiver_name(call) or "?"
            loop = enclosing_loop(self.ctx, call, func)
            if loop is not None:
                # A retry loop (``commit(); break`` on success) commits once.
                if not is_forever(loop) and not self._bound_in(loop, receiver) and \
                        not self._schema_script and \
                        not leaves_loop_after(self.ctx, call, loop):
                    self.report(DB306, call, receiver)
                continue
            straight.setdefault((receiver, self._binding(call, receiver, rebinds)),
                                []).append(call)
        for (receiver, _), calls in straight.items():
            calls.sort(key=lambda c: (c.lineno, c.col_offset))
            for index, second in enumerate(calls[1:], start=1):
                firsts = [first for first in calls[:index] if not _leading(func, first)
                          and not mutually_exclusive(self.ctx, first, second, func)]
                # A second commit after reads only commits nothing: nothing is split.
                if firsts and _writes_between(func, firsts[-1], second):
                    self.report(DB304, second, receiver, func.name)

    def _binding(self, call: ast.Call, name: str, assigns: list[ast.Assign]) -> int:
        """Which session a name means at ``call``: two ``with factory() as s`` blocks
        (or two ``s = factory()``) in one function are two sessions."""
        for anc in self.ctx.ancestors(call):
            if isinstance(anc, (ast.With, ast.AsyncWith)) and any(
                    item.optional_vars is not None and dotted(item.optional_vars) == name
                    for item in anc.items):
                return id(anc)
        before = [a for a in assigns if a.lineno < call.lineno
                  and any(dotted(t) == name for t in a.targets)]
        return id(before[-1]) if before else 0

    @staticmethod
    def _bound_in(loop: ast.AST, name: str) -> bool:
        """The session is created per iteration (bound inside the loop)."""
        for node in walk(loop):
            if isinstance(node, ast.withitem) and node.optional_vars is not None and \
                    dotted(node.optional_vars) == name:
                return True
            if isinstance(node, ast.Assign) and any(dotted(t) == name for t in node.targets):
                return True
        return False

    # DB305
    def _swallowed_errors(self, func: FunctionNode, nodes: list[ast.AST]) -> None:
        for node in nodes:
            if not isinstance(node, ast.Try) or self._inside_begin(node, func):
                continue
            calls = [c for c in _method_calls(node.body, "commit", "flush")
                     if not self._inside_begin(c, node)
                     and not self._owned_by_with(c, node)
                     and not self._caught_within(c, node)]
            if not calls:
                continue
            known = any(self._is_db(c) for c in calls)
            for handler in node.handlers:
                caught = self._caught(handler.type)
                if caught is None or (caught in BROAD_ERRORS | {"except"} and not known):
                    continue
                names = {_receiver_name(c) for c in calls}
                if not self._handles(handler, names) and \
                        not self._falls_into_raise(node, handler):
                    method = calls[0].func.attr  # type: ignore[attr-defined]
                    label = "except" if caught == "except" else f"except {caught}"
                    self.report(DB305, handler, label, method)

    def _inside_begin(self, node: ast.AST, stop: ast.AST) -> bool:
        """Inside ``with x.begin():`` (which rolls back on error) below ``stop``."""
        for anc in self.ctx.ancestors(node):
            if anc is stop:
                return False
            if isinstance(anc, (ast.With, ast.AsyncWith)) and any(
                    isinstance(item.context_expr, ast.Call)
                    and isinstance(item.context_expr.func, ast.Attribute)
                    and item.context_expr.func.attr in ("begin", "begin_nested")
                    for item in anc.items):
                return True
        return False

    def _owned_by_with(self, call: ast.Call, stop: ast.AST) -> bool:
        """The session is bound by a ``with`` inside the try (``with scope() as s``):
        leaving that block on the error closes or rolls back the session first."""
        name = _receiver_name(call)
        for anc in self.ctx.ancestors(call):
            if anc is stop:
                return False
            if isinstance(anc, (ast.With, ast.AsyncWith)) and any(
                    item.optional_vars is not None and dotted(item.optional_vars) == name
                    for item in anc.items):
                return True
        return False

    def _caught_within(self, call: ast.Call, stop: ast.Try) -> bool:
        """A ``try`` nested inside ``stop`` already catches every error of ``call``
        (``except Exception``/bare): the outer handler never sees it."""
        child: ast.AST = call
        for anc in self.ctx.ancestors(call):
            if anc is stop:
                return False
            if isinstance(anc, ast.Try) and child in anc.body and any(
                    self._caught(h.type) in BROAD_ERRORS | {"except"} for h in anc.handlers):
                return True
            child = anc
        return False

    def _falls_into_raise(self, node: ast.Try, handler: ast.ExceptHandler) -> bool:
        """The handler ends normally and the statement right after the ``try`` is a
        ``raise`` (``except ...: log(...)`` then ``raise HTTPException``): the error
        still propagates, the session is not used again."""
        if any(isinstance(n, (ast.Return, ast.Break, ast.Continue))
               for n in local_nodes(handler.body)):
            return False
        parent = self.ctx.parent(node)
        for field in ("body", "orelse", "finalbody"):
            block = getattr(parent, field, None)
            if isinstance(block, list) and node in block:
                index = block.index(node)
                return index + 1 < len(block) and isinstance(block[index + 1], ast.Raise)
        return False

    def _caught(self, node: ast.expr | None) -> str | None:
        """Name of the database error a handler catches, else None."""
        if node is None:
            return "except"
        if isinstance(node, ast.Tuple):
            found = [self._caught(e) for e in node.elts]
            specific = [f for f in found if f is not None and f not in BROAD_ERRORS]
            broad = [f for f in found if f is not None]
            return (specific or broad or [None])[0]
        qualname = self.ctx.qualname(node)
        if qualname is None:
            if isinstance(node, ast.Name) and node.id in BROAD_ERRORS and \
                    not self.ctx.module.defines(node.id):
                return node.id
            return None
        if is_sa(qualname, *DB_ERRORS) or (qualname.partition(".")[0] in DRIVER_ROOTS
                                           and qualname.endswith("Error")):
            return last(qualname)
        return None

    @staticmethod
    def _handles(handler: ast.ExceptHandler, sessions: set[str | None]) -> bool:
        for node in local_nodes(handler.body):
            if isinstance(node, ast.Raise):
                return True
            if isinstance(node, ast.Attribute) and node.attr == "is_active" and \
                    dotted(node.value) in sessions:
                return True  # checks for the failed state and stops using the session
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Attribute) and node.func.attr in (
                        "rollback", "close"):
                    return True
                if any(dotted(a) in sessions for a in node.args):
                    return True
        return False

    # DB307
    def _read_modify_write(self, func: FunctionNode, nodes: list[ast.AST]) -> None:
        loads: dict[str, ast.stmt] = {}
        assigned: dict[str, list[ast.expr]] = {}
        for node in nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for node in nodes:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                    isinstance(node.targets[0], ast.Name) and \
                    self._unlocked_load(node.value, assigned):
                loads.setdefault(node.targets[0].id, node)
        if not loads:
            return
        for node in nodes:
            target = self._rmw_target(node)
            if target is None or not isinstance(target.value, ast.Name):
                continue
            load = loads.get(target.value.id)
            if load is None or (node.lineno, node.col_offset) <= (load.lineno, load.col_offset):
                continue
            if len(assigned.get(target.value.id, ())) != 1:
                continue  # rebound: which object is modified is unclear
            if self._is_relationship(load, target.attr):
                continue
            self.report(DB307, node, f"{target.value.id}.{target.attr}")

    @staticmethod
    def _rmw_target(node: ast.AST) -> ast.Attribute | None:
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Attribute):
            return node.target
        target = _attribute_arithmetic(node)
        if target is not None:
            # ``obj.x = obj.x + 1``: the old value is an operand of the arithmetic
            # (not a fallback such as ``form.x or obj.x``).
            # (ast.unparse, not ast.dump: dump's recursive helper is a reference cycle.)
            text = ast.unparse(target.value)
            for sub in _operands(node.value):  # type: ignore[attr-defined]
                if isinstance(sub, ast.Attribute) and sub.attr == target.attr and \
                        ast.unparse(sub.value) == text:
                    return target
        return None

    def _unlocked_load(self, value: ast.expr, assigned: dict[str, list[ast.expr]]) -> bool:
        """``value`` loads one ORM object through a session, without a row lock."""
        call = _unawait(value)
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute) or \
                call.func.attr not in SINGLE_RESULT:
            return False
        nodes = list(walk(value))
        seen: set[str] = set()
        for node in nodes:  # statements built in local names: ``stmt = select(...)``
            if isinstance(node, ast.Name) and node.id not in seen:
                seen.add(node.id)
                for bound in assigned.get(node.id, ())[:4]:
                    nodes.extend(walk(bound))
        if any(self._locks(n) for n in nodes):
            return False
        if call.func.attr in ("get", "get_one") and len(call.args) >= 2:
            # ``session.get(Model, pk)``; a dict's ``get`` has no known session.
            return self.facts.session_kind(call.func.value) is not None or \
                self.ctx.model_for(call.args[0]) is not None
        return any(self._selects(n) for n in nodes)

    def _selects(self, node: ast.AST) -> bool:
        if not isinstance(node, ast.Call):
            return False
        if is_sa(self.ctx.qualname(node.func), "select"):
            return True
        return isinstance(node.func, ast.Attribute) and node.func.attr == "query" and \
            self.facts.session_kind(node.func.value) is not None

    @staticmethod
    def _locks(node: ast.AST) -> bool:
        if isinstance(node, ast.Attribute) and node.attr in ("with_for_update",
                                                             "with_lockmode"):
            return True
        if isinstance(node, ast.Call):
            lock = keyword(node, "with_for_update")
            return lock is not None and literal_bool(lock) is not False and not (
                isinstance(lock, ast.Constant) and lock.value is None)
        return False

    def _is_relationship(self, load: ast.stmt, attr: str) -> bool:
        """The attribute is a relationship of the loaded model (not a column)."""
        for node in walk(load):
            if isinstance(node, ast.Call) and node.args and (
                    is_sa(self.ctx.qualname(node.func), "select") or
                    (isinstance(node.func, ast.Attribute) and node.func.attr in ("get",
                                                                                 "query"))):
                model = self.ctx.model_for(node.args[0])
                if model is not None and attr in model.relationships:
                    return True
        return False
