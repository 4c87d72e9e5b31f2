"""Alembic migrations: recognition, the ordered operation model, the revision chain.

Used by the DB4xx rules for one migration, and by the model rules to learn
which indexes the project's migrations create (a column indexed only in a
migration is treated as indexed).
"""
from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..names import is_sa, keyword, literal_bool, literal_str
from .modules import ModuleSummary
from .roots import package_root, project_dir

_SKIP_DIRS = frozenset({".git", ".tox", ".venv", "venv", "env", "node_modules", "__pycache__",
                        "site-packages", "build", "dist", ".mypy_cache", ".pytest_cache",
                        ".nox", ".eggs"})
_MAX_MIGRATION_FILES = 5000


def _imports_alembic_op(summary: ModuleSummary) -> bool:
    for qualname in summary.imports.names.values():
        if qualname == "alembic.op" or qualname == "alembic" or qualname.startswith("alembic.op."):
            return True
    return False


def is_migration(summary: ModuleSummary) -> bool:
    """A module that imports ``alembic.op`` and defines ``revision`` or ``upgrade()``."""
    if not _imports_alembic_op(summary):
        return False
    return "revision" in summary.assigns or "upgrade" in summary.functions


@dataclass
class Operation:
    """One ``op.<name>(...)`` (or ``batch_op.<name>(...)``) call, in order."""

    name: str
    call: ast.Call
    table: str | None            # literal table name when known
    batch: bool = False

    def arg(self, position: int, name: str) -> ast.expr | None:
        """A parameter given by position (after the implicit batch table) or keyword."""
        value = keyword(self.call, name)
        if value is not None:
            return value
        args = self.call.args
        return args[position] if position < len(args) else None


@dataclass
class OperationList:
    ops: list[Operation] = field(default_factory=list)
    # Something the model cannot follow (a helper call, a loop, a non-literal
    # table name): rules that need the complete list stay silent.
    complete: bool = True


def _literal_name(node: ast.expr | None) -> str | None:
    """``"ix_name"`` or ``op.f("ix_name")``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "f" \
            and node.args:
        return literal_str(node.args[0])
    return literal_str(node)


# Position of the table-name parameter of each operation on ``op`` (batch ops take it
# from the context).
_TABLE_POSITION = {
    "create_table": 0, "drop_table": 0, "add_column": 0, "drop_column": 0, "alter_column": 0,
    "create_index": 1, "drop_index": None, "create_foreign_key": 1, "create_unique_constraint": 1,
    "create_primary_key": 1, "create_check_constraint": 1, "drop_constraint": 1,
    "rename_table": 0, "bulk_insert": 0, "create_table_comment": 0, "drop_table_comment": 0,
}
_TABLE_KEYWORD = {
    "create_table": "table_name", "drop_table": "table_name", "add_column": "table_name",
    "drop_column": "table_name", "alter_column": "table_name", "create_index": "table_name",
    "drop_index": "table_name", "create_foreign_key": "source_table",
    "create_unique_constraint": "table_name", "create_primary_key": "table_name",
    "create_check_constraint": "table_name", "drop_constraint": "table_name",
    "rename_table": "old_table_name",
}


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
    op_names = _op_names(summary)
    _collect(func.body, op_names, {}, result, in_loop=False)
    return result


def _dotted(node: ast.AST) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _collect(body: list[ast.stmt], op_names: set[str], batch: dict[str, str | None],
             result: OperationList, in_loop: bool) -> None:
    for stmt in body:
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            inner = dict(batch)
            for item in stmt.items:
                ctx = item.context_expr
                if isinstance(ctx, ast.Call) and _dotted(ctx.func) in {f"{o}.batch_alter_table"
                                                                     for o in op_names}:
                    table = literal_str(ctx.args[0]) if ctx.args else literal_str(
                        keyword(ctx, "table_name"))
                    if table is None:
                        result.complete = False
                    if isinstance(item.optional_vars, ast.Name):
                        inner[item.optional_vars.id] = table
            _collect(stmt.body, op_names, inner, result, in_loop)
            continue
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            _scan_calls(stmt, op_names, batch, result, in_loop=True)
            result.complete = False
            continue
        if isinstance(stmt, (ast.If, ast.Try)) or type(stmt).__name__ == "TryStar":
            _scan_calls(stmt, op_names, batch, result, in_loop)
            # Conditional operations make the list depend on runtime state.
            result.complete = False
            continue
        _scan_calls(stmt, op_names, batch, result, in_loop)


def _scan_calls(stmt: ast.stmt, op_names: set[str], batch: dict[str, str | None],
                result: OperationList, in_loop: bool) -> None:
    calls = [n for n in ast.walk(stmt) if isinstance(n, ast.Call)]
    calls.sort(key=lambda c: (c.lineno, c.col_offset))
    for call in calls:
        name = _dotted(call.func)
        if name is None or "." not in name:
            if isinstance(stmt, ast.Expr) and stmt.value is call and name is not None:
                # A bare call to a local helper: it may run operations we cannot see.
                result.complete = False
            continue
        owner, _, method = name.rpartition(".")
        if owner in op_names:
            result.ops.append(Operation(method, call, _op_table(method, call), batch=False))
        elif owner in batch:
            result.ops.append(Operation(method, call, batch[owner], batch=True))


def _op_table(method: str, call: ast.Call) -> str | None:
    value = keyword(call, _TABLE_KEYWORD.get(method, "table_name"))
    if value is None:
        pos = _TABLE_POSITION.get(method)
        if pos is not None and pos < len(call.args):
            value = call.args[pos]
    return literal_str(value)


@dataclass(frozen=True)
class MigrationIndex:
    """An index, unique constraint or primary key a migration creates."""

    revision: str | None
    name: str | None
    table: str | None
    columns: tuple[str, ...]
    unique: bool = False


@dataclass
class MigrationFacts:
    path: Path
    revision: str | None
    down_revisions: tuple[str, ...]
    created: list[MigrationIndex]
    dropped: list[tuple[str, str | None]]   # (index name, table)


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
    if isinstance(node, (ast.List, ast.Tuple)):
        cols = tuple(literal_str(e) or "" for e in node.elts)
        return cols if cols and all(cols) else None
    return None


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
            cols = tuple(literal_str(a) or "" for a in args)
            name = _literal_name(arg.args[0]) if is_sa(qn, "Index") and arg.args else \
                _literal_name(keyword(arg, "name"))
            unique = not is_sa(qn, "Index") or literal_bool(keyword(arg, "unique")) is True
            if cols and all(cols):
                out.append(MigrationIndex(revision, name, op.table, cols, unique))
    if pk:
        out.append(MigrationIndex(revision, None, op.table, tuple(pk), True))
    return out


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
    ops = operations(summary, up if isinstance(up, ast.FunctionDef) else None).ops
    return MigrationFacts(path=summary.path or Path(), revision=revision, down_revisions=downs,
                          created=created_indexes(summary, revision, ops),
                          dropped=dropped_indexes(ops))


def _candidate_files(root: Path) -> list[Path]:
    """``*.py`` files inside ``versions`` directories below the project directory,
    and their subdirectories (``versions/postgresql/``, alembic's
    ``recursive_version_locations``)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")]
        if "versions" in Path(dirpath).relative_to(root).parts:
            found.extend(Path(dirpath, f) for f in filenames if f.endswith(".py"))
            if len(found) > _MAX_MIGRATION_FILES:
                break
    return sorted(found)


class ProjectMigrations:
    """Indexes the project's migrations create and do not drop later."""

    def __init__(self, facts: list[MigrationFacts]) -> None:
        self.facts = facts
        parents: dict[str, tuple[str, ...]] = {}
        for fact in facts:
            if fact.revision:
                parents[fact.revision] = fact.down_revisions
        self._parents = parents
        self._live: list[MigrationIndex] = [ix for fact in facts for ix in fact.created
                                            if not self._dropped_later(ix)]

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

    def _dropped_later(self, index: MigrationIndex) -> bool:
        if index.name is None or index.revision is None:
            return False
        for fact in self.facts:
            if fact.revision is None or fact.revision == index.revision:
                continue
            for name, table in fact.dropped:
                if name != index.name or (table and index.table and table != index.table):
                    continue
                ancestors = self._ancestors(fact.revision)
                if ancestors is not None and index.revision in ancestors:
                    return True
        return False

    def leads(self, table: str | None, column: str) -> bool:
        """A live migration index on ``table`` leads with ``column`` (any table if unknown)."""
        return any(ix.columns[0] == column and (table is None or ix.table in (None, table))
                   for ix in self._live)

    def index_columns(self, table: str | None) -> list[tuple[str, ...]]:
        """Column lists of the live migration indexes of ``table`` (all if unknown)."""
        return [ix.columns for ix in self._live
                if table is None or ix.table in (None, table)]

    def unique_with(self, table: str | None, column: str) -> bool:
        """A live unique index or constraint of ``table`` includes ``column``."""
        return any(ix.unique and column in ix.columns and
                   (table is None or ix.table in (None, table)) for ix in self._live)

    def covers(self, table: str | None, columns: tuple[str, ...]) -> bool:
        n = len(columns)
        return any(set(ix.columns[:n]) == set(columns) and
                   (table is None or ix.table in (None, table)) for ix in self._live)


@lru_cache(maxsize=64)
def project_migrations(directory: Path) -> ProjectMigrations:
    """Migrations below the project directory that holds ``directory`` (cached)."""
    from .index import _parse  # the shared parse cache

    # Without a project marker, the directory above the outermost package holds
    # the package's own migrations (an sdist, a vendored tree).
    root = project_dir(directory) or package_root(directory / "__init__.py")
    facts: list[MigrationFacts] = []
    for path in _candidate_files(root):
        summary = _parse(path, path.stem, False)
        if summary is not None and is_migration(summary):
            facts.append(migration_facts(summary))
    return ProjectMigrations(facts)
