"""Alembic migrations: recognition, the ordered operation model, the revision chain.

Used by the DB4xx rules for one migration, and by the model rules to learn
which indexes the project's migrations create (a column indexed only in a
migration is treated as indexed).
"""
from __future__ import annotations

import ast
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from pathlib import Path

from ..names import dotted as _dotted
from ..names import is_sa, keyword, literal_bool, literal_str
from .migration_schema import column_def
from .modules import ModuleSummary
from .roots import package_root, project_dir
from ..astwalk import walk

_SKIP_DIRS = frozenset({".git", ".tox", ".venv", "venv", "env", "node_modules", "__pycache__",
                        "site-packages", "build", "dist", ".mypy_cache", ".pytest_cache",
                        ".nox", ".eggs"})
_MAX_MIGRATION_FILES = 5000
_NESTED_PROJECT_MARKERS = frozenset({"pyproject.toml", "setup.py", "setup.cfg"})


def _imports_alembic_op(summary: ModuleSummary) -> bool:
    """``from alembic import op`` in any form, ``import alembic.op`` or ``import alembic``.

    ``import alembic.config`` binds the name ``alembic`` too, so plain imports are
    read from the statements themselves: a management script that imports
    ``alembic.command`` and defines ``upgrade()`` is not a migration.
    """
    for qualname in summary.imports.names.values():
        if qualname == "alembic.op" or qualname.startswith("alembic.op."):
            return True
    for stmt in summary.tree.body:
        if isinstance(stmt, ast.Import) and any(a.name in ("alembic", "alembic.op")
                                                for a in stmt.names):
            return True
    return False


def is_migration(summary: ModuleSummary) -> bool:
    """A module that imports ``alembic.op`` and defines ``revision`` or ``upgrade()``.

    Alembic's ``env.py`` configures the run and is never a revision.
    """
    if summary.path is not None and summary.path.name == "env.py":
        return False
    if not _imports_alembic_op(summary):
        return False
    return "revision" in summary.assigns or "upgrade" in summary.functions


# Alembic's signatures of the operations the rules read, in positional order.
# Batch operations (``batch_op.<name>``) take the table from their context and
# have no table parameter.
_SIGNATURES: dict[str, tuple[str, ...]] = {
    "create_table": ("table_name",), "drop_table": ("table_name",),
    "add_column": ("table_name", "column"), "drop_column": ("table_name", "column_name"),
    "alter_column": ("table_name", "column_name"),
    "create_index": ("index_name", "table_name", "columns"),
    "drop_index": ("index_name", "table_name"),
    "create_foreign_key": ("constraint_name", "source_table", "referent_table", "local_cols",
                           "remote_cols"),
    "create_unique_constraint": ("constraint_name", "table_name", "columns"),
    "create_primary_key": ("constraint_name", "table_name", "columns"),
    "create_check_constraint": ("constraint_name", "table_name", "condition"),
    "drop_constraint": ("constraint_name", "table_name", "type_"),
    "rename_table": ("old_table_name", "new_table_name"),
    "execute": ("sqltext",),
    "bulk_insert": ("table", "rows"),
}
_BATCH_IMPLICIT = frozenset({"table_name", "source_table"})
_NAME_PARAM = {"create_index": "index_name", "drop_index": "index_name"}
_COLUMNS_PARAM = {"create_index": "columns", "create_unique_constraint": "columns",
                  "create_primary_key": "columns", "create_foreign_key": "local_cols"}


@dataclass
class Operation:
    """One ``op.<name>(...)`` (or ``batch_op.<name>(...)``) call, in order.

    SQL run through a connection (``op.get_bind().execute(...)``) is recorded as
    an ``execute`` operation too: for the rules it is raw SQL all the same.
    """

    name: str
    call: ast.Call
    table: str | None            # literal table name when known
    batch: bool = False
    module: ModuleSummary | None = field(default=None, repr=False, compare=False)

    def arg(self, position: int, name: str) -> ast.expr | None:
        """A parameter given by ``position`` in the call as written, or by keyword."""
        value = keyword(self.call, name)
        if value is not None:
            return value
        args = self.call.args
        return args[position] if position < len(args) else None

    def param(self, name: str) -> ast.expr | None:
        """A parameter of Alembic's signature of this operation, by keyword or position."""
        value = keyword(self.call, name)
        if value is not None:
            return value
        params = _SIGNATURES.get(self.name, ())
        if self.batch:
            params = tuple(p for p in params if p not in _BATCH_IMPLICIT)
        if name not in params:
            return None
        position = params.index(name)
        args = self.call.args
        if any(isinstance(a, ast.Starred) for a in args[:position + 1]):
            return None
        return args[position] if position < len(args) else None

    def text(self, node: ast.expr | None) -> str | None:
        """A literal string, ``op.f("...")``, or a module-level string constant."""
        return literal_text(self.module, node)

    @property
    def object_name(self) -> str | None:
        """Literal name of the index or constraint this operation creates or drops."""
        return self.text(self.param(_NAME_PARAM.get(self.name, "constraint_name")))

    @property
    def column(self) -> str | None:
        """Literal column name of ``add_column``/``drop_column``/``alter_column``."""
        if self.name == "add_column":
            column = self.param("column")
            if isinstance(column, ast.Call) and column.args:
                return self.text(column.args[0])
            return None
        return self.text(self.param("column_name"))

    @property
    def columns(self) -> tuple[str, ...] | None:
        """Literal column list of an index/constraint operation, None if not literal."""
        node = self.param(_COLUMNS_PARAM.get(self.name, "columns"))
        if not isinstance(node, (ast.List, ast.Tuple)) or not node.elts:
            return None
        cols = tuple(self.text(e) for e in node.elts)
        return cols if all(cols) else None  # type: ignore[return-value]


@dataclass
class OperationList:
    ops: list[Operation] = field(default_factory=list)
    # Something the model cannot follow (a helper call, a loop, a non-literal
    # table name): rules that need the complete list stay silent.
    complete: bool = True
    # Code the model cannot see ran (a helper, ``op.invoke``, a nested def): it
    # may have run any operation. Implies ``complete`` is False.
    opaque: bool = False


def literal_text(module: ModuleSummary | None, node: ast.expr | None) -> str | None:
    """``"ix"``, ``op.f("ix")`` or a Name bound once at module level to a string."""
    text = _literal_name(node)
    if text is None and isinstance(node, ast.Name) and module is not None:
        text = _literal_name(module.assigns.get(node.id))
    return text


def _literal_name(node: ast.expr | None) -> str | None:
    """``"ix_name"`` or ``op.f("ix_name")``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr == "f" and node.args:
        return literal_str(node.args[0])
    return literal_str(node)


# ``op.<name>`` helpers that run no schema operation.
_HELPERS = frozenset({"f", "get_bind", "get_context", "inline_literal", "batch_alter_table"})
# ``op.<name>`` calls that run code the model cannot see.
_OPAQUE = frozenset({"invoke", "run_async", "implementation_for", "register_operation"})
# Methods that run SQL on whatever object they are called (a connection, a session).
_SQL_METHODS = frozenset({"execute", "exec_driver_sql"})
# Statement calls with no effect on the schema.
_HARMLESS_CALLS = frozenset({"print", "warnings.warn"})
_HARMLESS_OWNERS = frozenset({"log", "logger", "logging", "LOG", "LOGGER", "_log", "_logger"})
_MAX_HELPER_DEPTH = 4


def _op_names(summary: ModuleSummary) -> set[str]:
    names = {local for local, qn in summary.imports.names.items() if qn == "alembic.op"}
    if any(qn == "alembic" for qn in summary.imports.names.values()):
        names.add("alembic.op")
    return names


def operations(summary: ModuleSummary, func: ast.FunctionDef | None) -> OperationList:
    """Ordered schema operations of ``upgrade()``/``downgrade()``."""
    result = OperationList()
    if func is None:
        return result
    _Collector(summary, result).body(func.body, {})
    return result


class _Collector:
    """Walks a function body in execution order and records its operations."""

    def __init__(self, summary: ModuleSummary, result: OperationList) -> None:
        self.module = summary
        self.result = result
        self.op_names = _op_names(summary)
        self.op_heads = {name.partition(".")[0] for name in self.op_names}

    def body(self, body: list[ast.stmt], batch: dict[str, str | None]) -> None:
        for stmt in body:
            self.statement(stmt, batch)

    def statement(self, stmt: ast.stmt, batch: dict[str, str | None]) -> None:
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            inner = dict(batch)
            for item in stmt.items:
                table = self._batch_table(item.context_expr)
                if table is False:
                    self.scan(item.context_expr, stmt, batch)
                    continue
                if table is None:
                    self.result.complete = False
                if isinstance(item.optional_vars, ast.Name):
                    inner[item.optional_vars.id] = table
            self.body(stmt.body, inner)
            return
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # A nested helper: whether and when it runs is not followed.
            self.hidden()
            return
        nested = _nested_bodies(stmt)
        if nested is not None:
            # Loops and conditionals make the list depend on runtime state.
            self.result.complete = False
            for expr in _own_expressions(stmt):
                self.scan(expr, stmt, batch)
            for block in nested:
                self.body(block, batch)
            return
        self.scan(stmt, stmt, batch)

    def _batch_table(self, node: ast.expr) -> str | None | bool:
        """Table of ``op.batch_alter_table("t")``; False when ``node`` is not one."""
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute) or \
                node.func.attr != "batch_alter_table" or \
                _dotted(node.func.value) not in self.op_names:
            return False
        return literal_text(self.module, node.args[0] if node.args else
                            keyword(node, "table_name"))

    def scan(self, node: ast.AST, stmt: ast.stmt, batch: dict[str, str | None]) -> None:
        calls = [n for n in walk(node) if isinstance(n, ast.Call)]
        calls.sort(key=lambda c: (c.lineno, c.col_offset))
        for call in calls:
            self.call(call, stmt, batch)

    def call(self, call: ast.Call, stmt: ast.stmt, batch: dict[str, str | None]) -> None:
        name = _dotted(call.func)
        owner, _, method = (name or "").rpartition(".")
        if owner and (owner in self.op_names or owner in batch):
            if method in _OPAQUE:
                self.hidden()
            elif method not in _HELPERS:
                in_batch = owner in batch and owner not in self.op_names
                table = batch[owner] if in_batch else _op_table(method, call, self.module)
                self.result.ops.append(Operation(method, call, table, batch=in_batch,
                                                 module=self.module))
            return
        if isinstance(call.func, ast.Attribute) and call.func.attr in _SQL_METHODS:
            self.result.ops.append(Operation("execute", call, None, module=self.module))
            return
        if (isinstance(stmt, ast.Expr) and stmt.value is call and not _harmless(name)) or \
                self._passes_op(call, batch) or self._local_runner(call.func):
            # A helper: it may run operations the model cannot see.
            self.hidden()

    def hidden(self) -> None:
        self.result.complete = False
        self.result.opaque = True

    def _local_runner(self, func: ast.expr, depth: int = 0) -> bool:
        """A function of the migration whose body uses ``op`` (directly or through
        another such function); one that only builds columns is no operation."""
        if not isinstance(func, ast.Name) or func.id not in self.module.functions:
            return False
        if depth > _MAX_HELPER_DEPTH:
            return True
        for node in walk(self.module.functions[func.id]):
            if isinstance(node, ast.Name) and node.id in self.op_heads:
                return True
            if isinstance(node, ast.Call) and node.func is not func and \
                    self._local_runner(node.func, depth + 1):
                return True
        return False

    def _passes_op(self, call: ast.Call, batch: dict[str, str | None]) -> bool:
        """``helper(op, ...)`` / ``helper(batch_op=batch_op)``: operations by proxy."""
        values = [*call.args, *(kw.value for kw in call.keywords)]
        return any(_dotted(v) in self.op_names or (isinstance(v, ast.Name) and v.id in batch)
                   for v in values)


def _harmless(name: str | None) -> bool:
    if name is None:
        return False
    return name in _HARMLESS_CALLS or name.partition(".")[0] in _HARMLESS_OWNERS


def _nested_bodies(stmt: ast.stmt) -> list[list[ast.stmt]] | None:
    """Statement blocks of a compound statement (if/for/while/try/match), else None."""
    if isinstance(stmt, (ast.If, ast.For, ast.AsyncFor, ast.While)):
        return [stmt.body, stmt.orelse]
    if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
        blocks = [stmt.body, stmt.orelse, stmt.finalbody]  # type: ignore[attr-defined]
        blocks.extend(h.body for h in stmt.handlers)  # type: ignore[attr-defined]
        return blocks
    if isinstance(stmt, ast.Match):
        return [case.body for case in stmt.cases]
    return None


def _own_expressions(stmt: ast.stmt) -> list[ast.expr]:
    """Expressions a compound statement evaluates itself (its test, iterable, subject)."""
    names = ("test", "iter", "subject")
    return [value for value in (getattr(stmt, n, None) for n in names)
            if isinstance(value, ast.expr)]


def _op_table(method: str, call: ast.Call, module: ModuleSummary | None = None) -> str | None:
    params = _SIGNATURES.get(method, ())
    param = next((p for p in params if p in ("table_name", "source_table", "old_table_name")),
                 "table_name")
    value = keyword(call, param)
    if value is None and param in params:
        position = params.index(param)
        if position < len(call.args) and not any(isinstance(a, ast.Starred)
                                                 for a in call.args[:position + 1]):
            value = call.args[position]
    return literal_text(module, value) if value is not None else None


# The facts of one revision. Those of every revision of a project are read once per
# run; ``ProjectMigrations`` keeps what it needs of them as plain tuples (a named
# tuple, unlike a plain tuple of strings, stays tracked by the cyclic collector).
class MigrationIndex(NamedTuple):
    """An index, unique constraint or primary key a migration creates."""

    revision: str | None
    name: str | None
    table: str | None
    columns: tuple[str, ...]
    unique: bool = False


class MigrationFacts(NamedTuple):
    revision: str | None
    down_revisions: tuple[str, ...]
    created: tuple[MigrationIndex, ...]
    dropped: tuple[tuple[str, str | None], ...]   # (index name, table)
    # tables and (table, column) pairs upgrade() drops: what they held is gone
    removed_tables: tuple[str, ...] = ()
    removed_columns: tuple[tuple[str, str], ...] = ()
    # a rename_table whose names are not literal: any table may be gone after it
    unknown_renames: bool = False
    # tables given to a project helper that creates indexes (``create_index_if_missing``):
    # which columns it indexes is not visible
    helper_index_tables: tuple[str, ...] = ()
    # literal rename_table(old, new): indexes of ``old`` stay with the table
    renames: tuple[tuple[str, str], ...] = ()


def revision_ids(summary: ModuleSummary) -> tuple[str | None, tuple[str, ...]]:
    revision = literal_str(summary.assigns.get("revision"))
    down = summary.assigns.get("down_revision")
    downs: tuple[str, ...] = ()
    if isinstance(down, (ast.Tuple, ast.List)):
        downs = tuple(s for s in (literal_str(e) for e in down.elts) if s)
    elif literal_str(down):
        downs = (literal_str(down) or "",)
    return revision, downs


def _columns_arg(node: ast.expr | None) -> tuple[str, ...] | None:
    """The literal leading columns of an index's column list.

    ``["task_run_id", sa.text("timestamp DESC")]`` still leads with
    ``task_run_id``: the columns before the first expression are kept.
    """
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None
    cols: list[str] = []
    for element in node.elts:
        name = literal_str(element)
        if not name:
            break
        cols.append(name)
    return tuple(cols) or None


def created_indexes(summary: ModuleSummary, revision: str | None,
                    ops: list[Operation]) -> list[MigrationIndex]:
    out: list[MigrationIndex] = []
    for op in ops:
        if op.name in ("create_index", "create_unique_constraint", "create_primary_key"):
            name = _literal_name(op.arg(0, "index_name" if op.name == "create_index"
                                        else "constraint_name"))
            cols_pos = 1 if op.batch else 2
            cols = _columns_arg(op.arg(cols_pos, "columns"))
            unique = op.name != "create_index" or literal_bool(keyword(op.call, "unique")) is True
            if cols:
                out.append(MigrationIndex(revision, name, op.table, cols, unique))
        elif op.name == "create_table":
            out.extend(_create_table_indexes(summary, revision, op))
        elif op.name == "add_column":
            # Alembic creates the index of a Column(index=True) / unique=True it adds.
            col = column_def(summary, op.param("column"))
            if col is not None and col.name and col.index:
                out.append(MigrationIndex(revision, None, op.table, (col.name,), col.unique))
    return out


def _create_table_indexes(summary: ModuleSummary, revision: str | None,
                          op: Operation) -> list[MigrationIndex]:
    out: list[MigrationIndex] = []
    pk: list[str] = []
    for arg in op.call.args[1:]:
        if not isinstance(arg, ast.Call):
            continue
        qn = summary.qualname(arg.func)
        if is_sa(qn, "Column") and arg.args and literal_str(arg.args[0]):
            col = literal_str(arg.args[0]) or ""
            if literal_bool(keyword(arg, "primary_key")):
                pk.append(col)
            unique = literal_bool(keyword(arg, "unique")) is True
            if literal_bool(keyword(arg, "index")) or unique:
                out.append(MigrationIndex(revision, None, op.table, (col,), unique))
        elif is_sa(qn, "PrimaryKeyConstraint", "UniqueConstraint", "Index"):
            args = arg.args[1:] if is_sa(qn, "Index") else arg.args
            cols = _columns_arg(ast.Tuple(elts=list(args)))
            name = _literal_name(arg.args[0]) if is_sa(qn, "Index") and arg.args else \
                _literal_name(keyword(arg, "name"))
            unique = not is_sa(qn, "Index") or literal_bool(keyword(arg, "unique")) is True
            if cols:
                out.append(MigrationIndex(revision, name, op.table, cols, unique))
    if pk:
        out.append(MigrationIndex(revision, None, op.table, tuple(pk), True))
    return out


def looped_indexes(summary: ModuleSummary, revision: str | None,
                   func: ast.FunctionDef | None,
                   nodes: Sequence[ast.AST] | None = None) -> list[MigrationIndex]:
    """Indexes ``op.create_index`` builds in a loop over a literal table of rows.

    ``for name, table, cols in _FK_INDEXES: op.create_index(name, table, cols)``
    with ``_FK_INDEXES`` a module-level list of literal tuples (or a sum of
    such lists) creates one index per row. ``nodes``: ``func``'s nodes when the
    caller has walked it already.
    """
    out: list[MigrationIndex] = []
    if func is None:
        return out
    op_names = _op_names(summary)
    for loop in (nodes if nodes is not None else walk(func)):
        if not isinstance(loop, ast.For) or not isinstance(loop.target, ast.Tuple):
            continue
        targets = [e.id if isinstance(e, ast.Name) else None for e in loop.target.elts]
        rows = _literal_rows(summary, loop.iter)
        if not rows:
            continue
        for call in walk(loop):
            if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute) or \
                    call.func.attr != "create_index" or _dotted(call.func.value) not in op_names:
                continue
            op = Operation("create_index", call, None, module=summary)
            params = [op.param(p) for p in ("index_name", "table_name", "columns")]
            for row in rows:
                if len(row) != len(targets):
                    continue
                bound = {t: v for t, v in zip(targets, row) if t}
                name, table, cols = (bound.get(p.id, p) if isinstance(p, ast.Name) else p
                                     for p in params)
                columns = _columns_arg(cols)
                if columns:
                    unique = literal_bool(keyword(call, "unique")) is True
                    out.append(MigrationIndex(revision, _literal_name(name),
                                              literal_text(summary, table), columns, unique))
    return out


def _literal_rows(summary: ModuleSummary, node: ast.expr,
                  depth: int = 0) -> list[list[ast.expr]] | None:
    """Rows of a literal list of tuples: inline, a module-level name, or ``a + b``."""
    if depth > 4:
        return None
    if isinstance(node, ast.Name):
        value = summary.assigns.get(node.id)
        return _literal_rows(summary, value, depth + 1) if value is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _literal_rows(summary, node.left, depth + 1)
        right = _literal_rows(summary, node.right, depth + 1)
        return left + right if left is not None and right is not None else None
    if isinstance(node, (ast.List, ast.Tuple)) and \
            all(isinstance(e, (ast.Tuple, ast.List)) for e in node.elts):
        return [list(e.elts) for e in node.elts]  # type: ignore[attr-defined]
    return None


def dropped_indexes(ops: list[Operation]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for op in ops:
        if op.name in ("drop_index", "drop_constraint"):
            name = _literal_name(op.arg(0, "index_name" if op.name == "drop_index"
                                        else "constraint_name"))
            if name:
                out.append((name, op.table))
    return out


def migration_facts(summary: ModuleSummary) -> MigrationFacts:
    revision, downs = revision_ids(summary)
    up = summary.functions.get("upgrade")
    up_func = up if isinstance(up, ast.FunctionDef) else None
    ops = operations(summary, up_func).ops
    # One walk of upgrade() for the two searches below (hundreds of revisions a run).
    nodes = list(walk(up_func)) if up_func is not None else []
    created = (*created_indexes(summary, revision, ops),
               *looped_indexes(summary, revision, up_func, nodes))
    return MigrationFacts(revision=revision, down_revisions=downs,
                          created=created,
                          dropped=tuple(dropped_indexes(ops)),
                          removed_tables=tuple(dict.fromkeys(
                              op.table for op in ops if op.name == "drop_table" and op.table)),
                          removed_columns=tuple(dict.fromkeys(
                              (op.table, op.column) for op in ops
                              if op.name == "drop_column" and op.table and op.column)),
                          unknown_renames=any(
                              op.name == "rename_table" and (
                                  op.table is None or
                                  op.text(op.param("new_table_name")) is None)
                              for op in ops),
                          helper_index_tables=tuple(sorted(_helper_index_tables(nodes))),
                          renames=tuple(
                              (op.table, new) for op in ops if op.name == "rename_table"
                              and op.table and (new := op.text(op.param("new_table_name")))))


def _helper_index_tables(nodes: Sequence[ast.AST]) -> frozenset[str]:
    """Literal table names passed to a non-``op`` call (among ``nodes``, those of
    ``upgrade()``) whose name speaks of indexes."""
    out: set[str] = set()
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func) or ""
        owner, _, last = name.rpartition(".")
        if "index" not in last.lower() or owner in ("op", "batch_op"):
            continue
        for arg in [*node.args, *(kw.value for kw in node.keywords)]:
            text = literal_str(arg)
            if text and text.replace("_", "").isalnum():
                out.add(text)
    return frozenset(out)


_MAX_ENV_UP = 4


def migration_environment(path: Path) -> Path | None:
    """The Alembic script directory of a revision file: the nearest ancestor that
    holds ``env.py`` (``migrations/`` above ``versions/`` or ``versions/sqlite/``),
    else the parent of the nearest ``versions`` folder; None when neither exists."""
    parents = list(path.parents)[:_MAX_ENV_UP]
    for directory in parents:
        if (directory / "env.py").is_file():
            return directory
    for directory in parents:
        if directory.name == "versions":
            return directory.parent
    return None


def _candidate_files(root: Path) -> list[Path]:
    """``*.py`` files below ``versions`` directories of the project directory.

    A subdirectory with its own Python project file is another project (a
    service of a monorepo, a test fixture) and is not read.
    """
    found: list[Path] = []
    top = str(root)
    for dirpath, dirnames, filenames in os.walk(root):
        if dirpath != top and not _NESTED_PROJECT_MARKERS.isdisjoint(filenames):
            dirnames[:] = []
            continue
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")]
        # versions/ itself, or per-dialect folders below it (versions/postgresql/);
        # without a project directory the root is such a folder itself.
        if "versions" in (*root.parts[-2:], *Path(dirpath).relative_to(root).parts):
            found.extend(Path(dirpath, f) for f in filenames if f.endswith(".py"))
            if len(found) > _MAX_MIGRATION_FILES:
                break
    return sorted(found)


# Fields of the plain tuples ``ProjectMigrations`` keeps (see its docstring).
_REVISION, _NAME, _TABLE, _COLUMNS, _UNIQUE = range(5)          # a live index
_REMOVED_TABLES, _UNKNOWN_RENAMES, _REMOVED_COLUMNS = range(1, 4)  # a removal


class ProjectMigrations:
    """Indexes the project's migrations create and do not drop later.

    Kept for the whole run (per project), so it holds only plain tuples of strings,
    which the cyclic collector stops tracking; named tuples stay tracked, and the
    ~4,000 of a large project's revisions were walked again by every full collection.
    """

    def __init__(self, facts: list[MigrationFacts]) -> None:
        parents: dict[str, tuple[str, ...]] = {}
        for fact in facts:
            if fact.revision:
                parents[fact.revision] = fact.down_revisions
        self._parents = parents
        self._live: list[tuple[str | None, str | None, str | None, tuple[str, ...], bool]] = [
            tuple(ix) for fact in facts for ix in fact.created  # type: ignore[misc]
            if not self._dropped_later(ix, facts)]
        # (revision, removed tables, unknown renames, removed columns) of the
        # revisions that remove anything
        self._removals = [(fact.revision, fact.removed_tables, fact.unknown_renames,
                           fact.removed_columns) for fact in facts
                          if fact.revision is not None and (
                              fact.removed_tables or fact.unknown_renames or
                              fact.removed_columns)]
        self._helper_tables = frozenset(t for fact in facts for t in fact.helper_index_tables)
        # a renamed table keeps its indexes: look them up under every name it had
        self._former: dict[str, tuple[str, ...]] = {}
        for fact in facts:
            for old, new in fact.renames:
                self._former[new] = (*self._former.get(new, ()), old)

    def _ancestors(self, revision: str) -> set[str] | None:
        seen: set[str] = set()
        stack = [revision]
        while stack:
            rev = stack.pop()
            if rev not in self._parents:
                if rev != revision:
                    seen.add(rev)
                continue
            for parent in self._parents[rev]:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen

    def _dropped_later(self, index: MigrationIndex, facts: list[MigrationFacts]) -> bool:
        if index.name is None or index.revision is None:
            return False
        for fact in facts:
            if fact.revision is None or fact.revision == index.revision:
                continue
            for name, table in fact.dropped:
                if name != index.name or (table and index.table and table != index.table):
                    continue
                ancestors = self._ancestors(fact.revision)
                if ancestors is not None and index.revision in ancestors:
                    return True
        return False

    def removed_later(self, revision: str | None, table: str, column: str) -> bool:
        """A revision after ``revision`` drops ``table`` or its ``column``.

        What such a revision drops (a foreign key with its column or table) is
        not in the schema at head. A later revision that renames tables by
        names that cannot be read may have done so too (zenml renames its
        tables in a loop): that counts as removed. Unknown order: not removed.
        """
        if revision is None:
            return False
        for removal in self._removals:
            later = removal[_REVISION]
            if later == revision:
                continue
            if table not in removal[_REMOVED_TABLES] and not removal[_UNKNOWN_RENAMES] and \
                    (table, column) not in removal[_REMOVED_COLUMNS]:
                continue
            ancestors = self._ancestors(later)  # type: ignore[arg-type]
            if ancestors is not None and revision in ancestors:
                return True
        return False

    def _names(self, table: str) -> set[str]:
        names, stack = {table}, [table]
        while stack:
            for old in self._former.get(stack.pop(), ()):
                if old not in names:
                    names.add(old)
                    stack.append(old)
        return names

    def leads(self, table: str | None, column: str) -> bool:
        """A live migration index on ``table`` leads with ``column`` (any table if unknown).

        True as well when a project helper creates indexes on the table (what it
        indexes cannot be seen: stay silent).
        """
        names = self._names(table) if table is not None else set()
        if names & self._helper_tables:
            return True
        return any(ix[_COLUMNS][0] == column and (table is None or ix[_TABLE] in (None, *names))
                   for ix in self._live)

    def index_columns(self, table: str | None) -> list[tuple[str, ...]]:
        """Column lists of the live migration indexes of ``table`` (all if unknown)."""
        return [ix[_COLUMNS] for ix in self._live
                if table is None or ix[_TABLE] in (None, table)]

    def unique_with(self, table: str | None, column: str) -> bool:
        """A live unique index or constraint of ``table`` includes ``column``."""
        return any(ix[_UNIQUE] and column in ix[_COLUMNS] and
                   (table is None or ix[_TABLE] in (None, table)) for ix in self._live)

    def covers(self, table: str | None, columns: tuple[str, ...]) -> bool:
        n = len(columns)
        return any(set(ix[_COLUMNS][:n]) == set(columns) and
                   (table is None or ix[_TABLE] in (None, table)) for ix in self._live)


def _chain_link(summary: ModuleSummary) -> bool:
    """A revision with no operations and so no alembic import (zenml's empty
    ``0.75.0_release.py``): it still links the revision chain."""
    return "revision" in summary.assigns and "down_revision" in summary.assigns and \
        "upgrade" in summary.functions


def project_migrations(directory: Path) -> ProjectMigrations:
    """Migrations below the project directory that holds ``directory`` (cached per root)."""
    # Without a project marker, the directory above the outermost package holds
    # the package's own migrations (an sdist, a vendored tree).
    return _root_migrations(project_dir(directory) or package_root(directory / "__init__.py"))


@lru_cache(maxsize=16)
def _root_migrations(root: Path) -> ProjectMigrations:
    # Parsed without the shared module cache: only the facts are kept, the trees
    # of hundreds of revisions are dropped right away.
    from .index import parse_module

    facts: list[MigrationFacts] = []
    for path in _candidate_files(root):
        summary = parse_module(path, path.stem, False)
        if summary is not None and (is_migration(summary) or _chain_link(summary)):
            facts.append(migration_facts(summary))
    return ProjectMigrations(facts)
