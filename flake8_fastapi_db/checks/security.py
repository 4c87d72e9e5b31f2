"""DB7xx security rules: SQL injection, leaked database errors, committed credentials."""
from __future__ import annotations

import ast
from collections.abc import Iterator

from ..analysis.bindings import scope_chain
from ..analysis.scopewalk import scope_nodes
from ..analysis.engines import ENGINE_FACTORIES, EngineAnalysis
from ..analysis.strings import StringAnalysis
from ..analysis.urls import DB_URL_NAME, embedded_password, env_key_default, literal_text, \
    url_literals
from ..checker import Checker
from ..names import dotted, is_fastapi, is_lib, is_sa, literal_str
from ..registry import register
from ..rules import Rule
from ..astwalk import child_nodes, walk

# Leading words of SQL statements: a formatted string passed to ``.execute()`` of an
# object of unknown type is reported only when it starts like SQL.
SQL_VERBS = frozenset({
    "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP", "TRUNCATE",
    "EXPLAIN", "GRANT", "REVOKE", "SET", "SHOW", "PRAGMA", "VACUUM", "ANALYZE", "COPY",
    "REFRESH", "COMMENT", "LOCK", "MERGE", "REPLACE", "DESCRIBE", "CALL", "EXEC", "DECLARE",
    "RENAME", "REINDEX", "CLUSTER", "UPSERT", "USE",
})

# Exceptions whose text carries SQL, parameters or schema details.
SA_DB_ERRORS = ("SQLAlchemyError", "DBAPIError", "IntegrityError", "OperationalError",
                "DataError", "ProgrammingError", "InternalError", "NotSupportedError",
                "InterfaceError", "DatabaseError", "StatementError")
DRIVER_PACKAGES = frozenset({"asyncpg", "psycopg", "psycopg2", "pymysql", "MySQLdb",
                             "sqlite3", "aiosqlite", "aiomysql", "asyncmy", "pyodbc",
                             "oracledb", "cx_Oracle"})
GENERIC_ERRORS = ("Exception", "BaseException")
# Session/connection methods that talk to the database; with a generic ``except
# Exception`` around them, the exception may be a database error.
DB_METHODS = frozenset({"commit", "flush", "execute", "scalar", "scalars", "exec",
                        "exec_driver_sql", "refresh"})
DB_HANDLE_TYPES = ("Session", "AsyncSession", "Connection", "AsyncConnection",
                   "scoped_session", "async_scoped_session")
DB_HANDLE_NAMES = frozenset({"db", "session", "db_session", "dbsession", "async_session",
                             "conn", "connection", "db_conn"})
# Attributes of a caught exception that hold its text (SQL, parameters, driver message).
TEXT_ATTRIBUTES = frozenset({"args", "orig", "statement", "params", "detail", "message",
                             "msg", "pgerror", "diag", "_message", "__str__", "__repr__"})
RESPONSE_CLASSES = ("JSONResponse", "ORJSONResponse", "UJSONResponse", "PlainTextResponse",
                    "HTMLResponse", "Response")


class DB701(Rule):
    """## What it does
    Finds SQL text built by string formatting (f-strings, `%`, `.format()`, `+`,
    `str.join`) with a part that is not a literal constant, passed to `text()`,
    `literal_column()`, `exec_driver_sql()`, Alembic's `op.execute()`, or to any
    `.execute()` when the built string starts with an SQL keyword. Strings
    assembled earlier in the same function (`sql = f"..."`, `sql += ...`) are
    followed.

    ## Why is this bad?
    A value formatted into SQL text is SQL: a quote in it ends the string
    literal and the rest runs as part of the statement (SQL injection). Even
    values that look harmless today (a setting, a computed query) make the
    statement's meaning depend on data. Pass values as bound parameters
    (`text("... WHERE name = :name")` with a parameters dict or
    `.bindparams()`), and build dynamic statements with `select()`.

    ## Example
    ```python
    from sqlalchemy import text
    from sqlalchemy.orm import Session


    def find_user(session: Session, name: str) -> list:
        return list(session.execute(text(f"SELECT * FROM users WHERE name = '{name}'")))
    ```

    ## Use instead
    ```python
    from sqlalchemy import text
    from sqlalchemy.orm import Session


    def find_user(session: Session, name: str) -> list:
        return list(session.execute(text("SELECT * FROM users WHERE name = :name"),
                                    {"name": name}))
    ```

    ## Limitations
    Formatting is fine when every interpolated part is a literal constant: a
    literal, a name bound only to literals (in the function, the module, or a
    project module it is imported from), an element of a literal container, a
    loop or comprehension variable over one, a member of an `Enum` class, a
    number (`int(x)`, `len(x)`, a parameter annotated `int`/`float`/`bool`/
    `UUID`/`Decimal`, a call of a project function annotated `-> int`),
    `uuid4().hex`, a model's `__tablename__`, an identifier quoted by the
    dialect's identifier preparer, `repr()`/`str()`/`quoted_name()` of a
    literal, a compiled `sa.true()`/`sa.false()`/`sa.null()`, the result of a
    plain function of the same file whose every `return` is literal text (given
    the arguments of the call), the keys of a dict built with literal keys
    (`", ".join(record.keys())`), bind placeholders generated from
    `range()`/`enumerate()` indexes (`", ".join(f":id{i}" for i in
    range(len(ids)))`), or a parameter of a module-private helper (`_name`, or
    any function of a migration file) that every call in the module fills with
    such a value. Anything else is reported, including values read from the
    database or from settings: suppress with `# noqa: DB701` where the value is
    known to be safe. A whole SQL string passed in as a parameter is not
    followed into the caller. DB-API placeholders (`cursor.execute("... %s",
    (x,))`) are not formatting and are never reported.
    """

    code = "DB701"
    name = "sql-built-by-string-formatting"
    message = "SQL passed to {}() is built by string formatting from '{}'; " \
              "use bound parameters"


class DB702(Rule):
    """## What it does
    Finds an `HTTPException` (its `detail`), a response (`JSONResponse` and the
    other Starlette responses: their `content`) or a route's return value that
    contains the text of a caught database exception: `str(e)`, `repr(e)`,
    `f"...{e}"`, `"%s" % e`, `"{}".format(e)`, `e.orig`, `e.args`,
    `e.statement`, `e.params`, or a name assigned from one of those in the
    handler.

    The caught exception counts as a database exception when the handler names
    a SQLAlchemy error (`SQLAlchemyError`, `DBAPIError`, `IntegrityError`,
    `OperationalError`, `DataError`, `ProgrammingError`, ...) or a driver's
    error class (asyncpg, psycopg, pymysql, sqlite3, ...), or when it catches
    `Exception` around a `commit()`, `flush()`, `execute()`, `scalar()`,
    `scalars()`, `exec()`, `exec_driver_sql()` or `refresh()` call on a
    session or connection (a parameter annotated with a SQLAlchemy/SQLModel
    `Session`/`AsyncSession`/`Connection` type, or a receiver conventionally named
    `db`, `session`, `db_session`, `conn` or `connection`).

    ## Why is this bad?
    The text of a database error contains the failing SQL statement, its bound
    parameters (other users' data) and the names of tables, columns and
    constraints. Sent to the client it helps an attacker map the schema and
    tune an injection. Log the exception and answer with a generic message.

    ## Example
    ```python
    from fastapi import HTTPException
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import Session


    def save(session: Session, item: object) -> object:
        session.add(item)
        try:
            session.commit()
        except IntegrityError as exc:
            session.rollback()
            raise HTTPException(409, detail=f"Database integrity error: {exc}") from exc
        return item
    ```

    ## Use instead
    ```python
    import logging

    from fastapi import HTTPException
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import Session

    logger = logging.getLogger(__name__)


    def save(session: Session, item: object) -> object:
        session.add(item)
        try:
            session.commit()
        except IntegrityError as exc:
            session.rollback()
            logger.warning("integrity error saving %r: %s", item, exc)
            raise HTTPException(409, detail="Item already exists") from exc
        return item
    ```

    ## Limitations
    Only the handler's own body is inspected: a helper that formats the
    exception, or a custom exception class carrying it to an exception handler,
    is not followed. The exception's class name (`type(e).__name__`) and
    codes (`e.orig.pgcode`, `e.code`) are not reported, nor is anything inside
    an `if isinstance(e, SomeOtherError):` branch. With `except Exception`, the
    database calls are recognised by method and receiver name, so a
    `session.commit()` on an object that is not a database session counts too.
    """

    code = "DB702"
    name = "database-error-leaked-to-client"
    message = "{} exposes the text of the caught database exception '{}'; " \
              "log it and return a generic message"


class DB703(Rule):
    """## What it does
    Finds database URLs written as string literals with an embedded password
    (`scheme://user:password@host/db`) that are passed to `create_engine()` /
    `create_async_engine()`, assigned to a name containing `DATABASE_URL`,
    `DATABASE_URI`, `DB_URL`, `DB_URI` or `SQLALCHEMY_DATABASE_URI` (any case;
    module constants, class attributes such as pydantic-settings fields,
    `os.environ[...]` items, dict keys and keyword arguments), or used as the
    default of `os.getenv("DATABASE_URL", ...)`-style lookups.

    ## Why is this bad?
    Everything in source control is read by everyone with access to the
    repository, its forks, CI logs and backups, forever: a committed password
    has to be considered leaked. Read the URL (or at least the password) from
    the environment or a secret store.

    ## Example
    ```python
    from sqlalchemy import create_engine

    engine = create_engine(
        "postgresql+psycopg://app:S3cr3t-pw@db.internal/app",
        pool_pre_ping=True,
        pool_recycle=1800,
    )
    ```

    ## Use instead
    ```python
    import os

    from sqlalchemy import create_engine

    engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True, pool_recycle=1800)
    ```

    ## Limitations
    Not reported: files under the test paths (`--db-test-paths`); URLs whose
    password is interpolated (`f"...:{password}@..."`) or a placeholder
    (`${DB_PASSWORD}`, `{password}`, `<password>`, `****`, and common dummy
    words such as `password`, `secret`, `changeme`); URLs for the local machine
    (`localhost`, `127.0.0.1`, `::1`, `0.0.0.0`, `host.docker.internal`), whose
    password grants nothing to a reader of the source. A real-looking password
    in the default of `os.getenv(...)` is reported: the default is committed
    source too. A password for a Docker Compose service host (`@db:5432`) is
    reported: the rule cannot tell a development stack from a deployed one.
    """

    code = "DB703"
    name = "database-password-in-source"
    message = "database URL literal embeds the password of '{}@{}'; " \
              "read it from the environment"


def _walk_no_scopes(nodes: list[ast.stmt]) -> Iterator[ast.AST]:
    """Nodes of a statement list, not entering nested functions/classes/lambdas."""
    yield from scope_nodes(ast.Module(body=nodes, type_ignores=[]))


@register
class SecurityChecker(Checker):
    name = "security"
    rules = (DB701, DB702, DB703)

    def begin(self) -> None:
        self.scopes = self.ctx.scopes
        self.strings = StringAnalysis(self.ctx, self.scopes)
        self.engines = EngineAnalysis(self.ctx, self.scopes)

    def _chain(self, node: ast.AST) -> list:
        return scope_chain(list(self.ctx.ancestors(node)), self.ctx.tree)

    # -- visits ----------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        self._sql_formatting(node)
        if not self.ctx.is_test:
            self._credentials_in_call(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if not self.ctx.is_test:
            for target in node.targets:
                self._credentials_assigned(target, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if not self.ctx.is_test and node.value is not None:
            self._credentials_assigned(node.target, node.value)

    def visit_Dict(self, node: ast.Dict) -> None:
        if self.ctx.is_test:
            return
        for key, value in zip(node.keys, node.values):
            name = literal_str(key)
            if name is not None and DB_URL_NAME.search(name):
                self._check_literals(url_literals(value, self.ctx.qualname))

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name and node.type is not None and self._catches_db_error(node):
            self._leaks(node)

    # -- DB701 -----------------------------------------------------------------
    def _sql_sink(self, call: ast.Call) -> tuple[str, ast.expr | None, bool] | None:
        """(label, SQL argument, whether the string must look like SQL)."""
        func = call.func
        first = call.args[0] if call.args else None

        def arg(keyword: str) -> ast.expr | None:
            return first if first is not None else next(
                (kw.value for kw in call.keywords if kw.arg == keyword), None)

        if isinstance(func, ast.Attribute):
            if func.attr == "exec_driver_sql":
                return "exec_driver_sql", arg("statement"), False
            if func.attr == "execute":
                if is_lib(self.ctx.qualname(func), "alembic", "execute"):
                    return "op.execute", arg("sqltext"), False
                return "execute", first, True
        qualname = self.ctx.qualname(func)
        if is_sa(qualname, "text"):
            return "text", arg("text"), False
        if is_sa(qualname, "literal_column"):
            return "literal_column", arg("text"), False
        return None

    def _sql_formatting(self, call: ast.Call) -> None:
        sink = self._sql_sink(call)
        if sink is None or sink[1] is None or isinstance(sink[1], ast.Starred):
            return
        label, argument, needs_sql = sink
        if isinstance(argument, (ast.Constant, ast.Call)) and not (
                isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)
                and argument.func.attr in ("format", "join")):
            return          # a literal, or a clause built by a function (select(), text())
        ancestors = list(self.ctx.ancestors(call))
        chain = scope_chain(ancestors, self.ctx.tree)
        env = self.strings.comprehension_env(ancestors, chain, call)
        built = self.strings.analyse(argument, chain, call, env)
        if not built.built or not built.unsafe:
            return
        if needs_sql and not _starts_like_sql(built.prefix):
            return
        part = ast.unparse(_culprit(built.unsafe[0]))
        if len(part) > 40:
            part = part[:37] + "..."
        self.report(DB701, call, label, part)

    # -- DB702 -----------------------------------------------------------------
    def _catches_db_error(self, handler: ast.ExceptHandler) -> bool:
        assert handler.type is not None
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        generic = False
        for node in types:
            if self._db_error_class(node):
                return True
            if self.ctx.qualname(node) is None and isinstance(node, ast.Name) and \
                    node.id in GENERIC_ERRORS:
                generic = True
        return generic and self._try_touches_database(handler)

    def _db_error_class(self, node: ast.expr) -> bool:
        """A SQLAlchemy error class or a database driver's exception class."""
        qualname = self.ctx.qualname(node)
        if is_sa(qualname, *SA_DB_ERRORS):
            return True
        return qualname is not None and qualname.partition(".")[0] in DRIVER_PACKAGES and \
            qualname.rpartition(".")[2][:1].isupper()

    def _narrowed_away(self, test: ast.expr, exc_name: str) -> bool:
        """``isinstance(e, NotADatabaseError)`` (possibly in an ``and``): the body of
        this ``if`` handles some other exception."""
        tests = test.values if isinstance(test, ast.BoolOp) and \
            isinstance(test.op, ast.And) else [test]
        for item in tests:
            if isinstance(item, ast.Call) and isinstance(item.func, ast.Name) and \
                    item.func.id == "isinstance" and len(item.args) == 2 and \
                    isinstance(item.args[0], ast.Name) and item.args[0].id == exc_name:
                classes = item.args[1]
                elts = classes.elts if isinstance(classes, ast.Tuple) else [classes]
                if not any(self._db_error_class(c) for c in elts):
                    return True
        return False

    def _try_touches_database(self, handler: ast.ExceptHandler) -> bool:
        owner = self.ctx.parent(handler)
        if not isinstance(owner, ast.Try) and type(owner).__name__ != "TryStar":
            return False
        func = self.ctx.enclosing_function(handler)
        typed = _db_typed_parameters(self.ctx, func) if func is not None else set()
        for node in _walk_no_scopes(owner.body):  # type: ignore[attr-defined]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in DB_METHODS:
                receiver = dotted(node.func.value)
                if receiver is None:
                    continue
                short = receiver.rpartition(".")[2]
                if receiver in typed or short in DB_HANDLE_NAMES or short.endswith("_session"):
                    return True
        return False

    def _leaks(self, handler: ast.ExceptHandler) -> None:
        exc_name = handler.name
        assert exc_name is not None
        tainted: set[str] = set()
        func = self.ctx.enclosing_function(handler)
        route = func.name if func is not None and self.ctx.route(func) is not None else None
        for node in self._handler_nodes(handler.body, exc_name):
            if isinstance(node, ast.Assign) and _leaky(node.value, exc_name, tainted):
                tainted.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.Call):
                what = self._client_payload(node)
                if what is not None and what[1] is not None and \
                        _leaky(what[1], exc_name, tainted):
                    self.report(DB702, node, what[0], exc_name)
            elif isinstance(node, ast.Return) and route and node.value is not None:
                if isinstance(node.value, ast.Call) and \
                        self._client_payload(node.value) is not None:
                    continue
                if _leaky(node.value, exc_name, tainted):
                    self.report(DB702, node, f"the response of route '{route}'", exc_name)

    def _handler_nodes(self, body: list[ast.stmt], exc_name: str) -> Iterator[ast.AST]:
        """Nodes of a handler body in source order, skipping nested functions and
        the bodies of ``if isinstance(e, OtherError):`` branches."""
        stack: list[ast.AST] = list(reversed(body))
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                 ast.Lambda)):
                continue
            if isinstance(node, ast.If) and self._narrowed_away(node.test, exc_name):
                stack.extend(reversed(node.orelse))
                continue
            stack.extend(reversed(child_nodes(node)))

    def _client_payload(self, call: ast.Call) -> tuple[str, ast.expr | None] | None:
        qualname = self.ctx.qualname(call.func)
        if is_fastapi(qualname, "HTTPException", "WebSocketException"):
            keyword = "detail" if qualname and qualname.endswith("HTTPException") else "reason"
            value = call.args[1] if len(call.args) > 1 else next(
                (kw.value for kw in call.keywords if kw.arg == keyword), None)
            return f"{qualname.rpartition('.')[2]} {keyword}", value  # type: ignore[union-attr]
        if is_fastapi(qualname, *RESPONSE_CLASSES):
            value = call.args[0] if call.args else next(
                (kw.value for kw in call.keywords if kw.arg == "content"), None)
            return f"{qualname.rpartition('.')[2]} content", value  # type: ignore[union-attr]
        return None

    # -- DB703 -----------------------------------------------------------------
    def _credentials_in_call(self, call: ast.Call) -> None:
        default = env_key_default(call)
        if default is not None:
            self._check_literals(url_literals(default, self.ctx.qualname))
        for kw in call.keywords:
            if kw.arg is not None and DB_URL_NAME.search(kw.arg):
                self._check_literals(url_literals(kw.value, self.ctx.qualname))
        if not self.ctx.mentions("engine") or \
                not is_sa(self.ctx.qualname(call.func), *ENGINE_FACTORIES):
            return
        chain = self._chain(call)
        engine = self.engines.engine_call(call, chain)
        if engine is None or engine.url is None:
            return
        self._check_literals(url_literals(engine.url, self.ctx.qualname))
        value = self.engines.url_assignment(engine.url, chain, call)
        if value is not None:
            self._check_literals(url_literals(value, self.ctx.qualname))

    def _credentials_assigned(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            name = target.id
        elif isinstance(target, ast.Attribute):
            name = target.attr
        elif isinstance(target, ast.Subscript):
            name = literal_str(target.slice) or ""
        else:
            return
        if DB_URL_NAME.search(name):
            self._check_literals(url_literals(value, self.ctx.qualname))

    def _check_literals(self, literals: list[ast.expr]) -> None:
        for literal in literals:
            text = literal_text(literal)
            found = embedded_password(text) if text is not None else None
            if found is not None:
                self.report(DB703, literal, found.user, found.host)


def _culprit(part: ast.expr) -> ast.expr:
    """The value to name in the message: the part itself when it is a plain value,
    else the first name inside it (``source`` in ``" OR ".join(f"{source}" ...)``)."""
    if isinstance(part, (ast.Name, ast.Attribute, ast.Subscript)):
        return part
    builder = isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and \
        part.func.attr in ("join", "format")
    if isinstance(part, ast.Call) and not builder:
        return part
    for node in walk(part):
        if isinstance(node, ast.FormattedValue):
            return _culprit(node.value)
    return part


def _starts_like_sql(prefix: str | None) -> bool:
    if not prefix:
        return False
    words = prefix.lstrip(" \t\r\n(").split(None, 1)
    return bool(words) and words[0].upper().rstrip(";") in SQL_VERBS


def _db_typed_parameters(ctx: object, func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Parameters annotated with a SQLAlchemy/SQLModel session or connection type
    (also inside ``Annotated[...]``, ``Optional[...]``, ``X | None``)."""
    out: set[str] = set()
    args = func.args
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
        if arg.annotation is None:
            continue
        for node in walk(arg.annotation):
            if isinstance(node, (ast.Name, ast.Attribute)) and \
                    is_sa(ctx.qualname(node), *DB_HANDLE_TYPES):  # type: ignore[attr-defined]
                out.add(arg.arg)
                break
    return out


_NOT_TEXT_ATTRIBUTES = frozenset({"code", "pgcode", "sqlstate", "status_code", "errno",
                                  "__class__", "__name__", "__qualname__"})


def _attribute_chain(node: ast.Attribute) -> tuple[list[str], ast.expr]:
    """``e.orig.args`` -> (["args", "orig"], Name e): outermost attribute first."""
    chain: list[str] = []
    current: ast.expr = node
    while isinstance(current, ast.Attribute):
        chain.append(current.attr)
        current = current.value
    return chain, current


def _exception_text(node: ast.expr, exc_name: str, tainted: set[str]) -> bool:
    """Does ``node`` evaluate to the exception (or one of its text-bearing parts)?"""
    if isinstance(node, ast.Name):
        return node.id == exc_name or node.id in tainted
    if not isinstance(node, ast.Attribute):
        return False
    chain, root = _attribute_chain(node)
    # e.orig, e.orig.args: text; e.orig.pgcode, e.__class__.__name__: not text.
    return isinstance(root, ast.Name) and root.id == exc_name and \
        chain[0] not in _NOT_TEXT_ATTRIBUTES


def _leaky(expr: ast.expr, exc_name: str, tainted: set[str]) -> bool:
    """Does ``expr`` put the text of exception ``exc_name`` into a value?"""
    stack: list[ast.AST] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name) and node.id in tainted:
            return True
        if isinstance(node, ast.Attribute):
            chain, root = _attribute_chain(node)
            if isinstance(root, ast.Name) and root.id == exc_name:
                if chain[0] not in _NOT_TEXT_ATTRIBUTES and \
                        any(attr in TEXT_ATTRIBUTES for attr in chain):
                    return True
                continue
        if isinstance(node, ast.FormattedValue) and \
                _exception_text(node.value, exc_name, tainted):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("str", "repr", "format") and \
                    node.args and _exception_text(node.args[0], exc_name, tainted):
                return True
            if isinstance(func, ast.Attribute) and func.attr == "format" and any(
                    _exception_text(a, exc_name, tainted) for a in node.args):
                return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            parts = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            if any(_exception_text(p, exc_name, tainted) for p in parts):
                return True
        stack.extend(child_nodes(node))
    return False
