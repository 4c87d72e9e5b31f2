"""Schema elements written inside migration operations.

``op.create_table("t", sa.Column(...), sa.ForeignKeyConstraint(...), ...)`` and
``op.add_column("t", sa.Column(...))`` carry columns, foreign keys and
constraints as SQLAlchemy constructor calls; this module reads them
syntactically (names identified by their import-qualified names).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..names import has_star_kwargs, is_sa, keyword, literal_bool, literal_str
from .modules import ModuleSummary
from ..astwalk import walk

if TYPE_CHECKING:
    from .migrations import Operation

# Positional Column() arguments that generate a value for existing rows.
_GENERATED = ("Computed", "Identity", "DefaultClause", "FetchedValue")


@dataclass(frozen=True)
class ColumnDef:
    """A ``sa.Column(...)`` call of a migration."""

    name: str | None
    call: ast.Call
    primary_key: bool
    index: bool                      # index=True or unique=True
    unique: bool
    nullable: bool | None            # literal nullable=, None when absent or computed
    server_default: bool | None      # a value for existing rows; None when hidden by **kw
    foreign_keys: tuple[ast.Call, ...]


def column_def(module: ModuleSummary, node: ast.expr | None) -> ColumnDef | None:
    """The column a ``sa.Column(...)`` call declares, else None."""
    if not isinstance(node, ast.Call) or not is_sa(module.qualname(node.func), "Column"):
        return None
    name = literal_str(node.args[0]) if node.args else literal_str(keyword(node, "name"))
    fks: list[ast.Call] = []
    generated = False
    for arg in node.args:
        if isinstance(arg, ast.Call):
            qn = module.qualname(arg.func)
            if is_sa(qn, "ForeignKey"):
                fks.append(arg)
            elif is_sa(qn, *_GENERATED):
                generated = True
    default = keyword(node, "server_default")
    has_default: bool | None = generated or (
        default is not None and not (isinstance(default, ast.Constant) and default.value is None))
    if not has_default and has_star_kwargs(node):
        has_default = None
    unique = literal_bool(keyword(node, "unique")) is True
    return ColumnDef(
        name=name, call=node,
        primary_key=literal_bool(keyword(node, "primary_key")) is True,
        index=literal_bool(keyword(node, "index")) is True or unique,
        unique=unique,
        nullable=literal_bool(keyword(node, "nullable")),
        server_default=has_default,
        foreign_keys=tuple(fks),
    )


def table_elements(op: Operation) -> list[ast.expr]:
    """Columns and constraints of ``create_table`` (``*helper()`` ones as Starred)."""
    return list(op.call.args[1:])


_INDEXING = ("Index", "UniqueConstraint", "PrimaryKeyConstraint")
_NOT_INDEXING = ("ForeignKeyConstraint", "CheckConstraint", "ForeignKey", "Computed",
                 "Identity", "Sequence")
_INDEX_KEYWORDS = ("index", "unique", "primary_key")
_MAX_HELPER_DEPTH = 4


def may_hide_index(module: ModuleSummary, element: ast.expr, depth: int = 0) -> bool:
    """Could a ``create_table`` element create an index the literal reading misses?

    Literal columns and constraints are read by ``created_indexes``; what they
    cannot read is an index built from non-literal arguments, or one returned by
    a helper (``*_timestamps()``). A helper defined in the migration counts as
    index-free when its body builds no index, unique or primary-key construct.
    """
    if isinstance(element, ast.Starred):
        element = element.value
    if not isinstance(element, ast.Call):
        return True
    qn = module.qualname(element.func)
    if is_sa(qn, "Column"):
        return has_star_kwargs(element) or any(
            kw.arg in _INDEX_KEYWORDS and literal_bool(kw.value) is None
            for kw in element.keywords)
    if is_sa(qn, *_INDEXING):
        # only the leading column matters; later expressions (``sa.text("at DESC")``) do not
        columns = element.args[1 if is_sa(qn, "Index") else 0:]
        return not columns or literal_str(columns[0]) is None
    if is_sa(qn, *_NOT_INDEXING):
        return False
    func = module.functions.get(element.func.id) if isinstance(element.func, ast.Name) else None
    if func is None or depth >= _MAX_HELPER_DEPTH:
        return True
    for node in walk(func):
        if not isinstance(node, ast.Call):
            continue
        inner = module.qualname(node.func)
        if is_sa(inner, *_INDEXING) or (is_sa(inner, "Column") and (
                has_star_kwargs(node) or any(kw.arg in _INDEX_KEYWORDS and
                                             literal_bool(kw.value) is not False
                                             for kw in node.keywords))):
            return True
        if isinstance(node.func, ast.Name) and node.func.id in module.functions and \
                may_hide_index(module, node, depth + 1):
            return True
    return False


@dataclass(frozen=True)
class ForeignKeyDef:
    """A foreign key a migration adds: its table, local columns and where to report it."""

    table: str | None
    columns: tuple[str, ...]
    node: ast.Call
    name: str | None = None          # constraint name of create_foreign_key


def foreign_keys(module: ModuleSummary, ops: list[Operation]) -> list[ForeignKeyDef]:
    """Foreign keys added by ``create_table``, ``add_column`` and ``create_foreign_key``."""
    out: list[ForeignKeyDef] = []
    for op in ops:
        if op.name == "create_foreign_key":
            cols = op.columns
            if cols:
                out.append(ForeignKeyDef(op.table, cols, op.call, op.object_name))
        elif op.name == "add_column":
            col = column_def(module, op.param("column"))
            if col is not None and col.name:
                out.extend(ForeignKeyDef(op.table, (col.name,), fk) for fk in col.foreign_keys)
        elif op.name == "create_table":
            for element in table_elements(op):
                out.extend(_table_foreign_keys(module, op, element))
    return out


def _table_foreign_keys(module: ModuleSummary, op: Operation,
                        element: ast.expr) -> list[ForeignKeyDef]:
    col = column_def(module, element)
    if col is not None:
        if not col.name:
            return []
        return [ForeignKeyDef(op.table, (col.name,), fk) for fk in col.foreign_keys]
    if isinstance(element, ast.Call) and \
            is_sa(module.qualname(element.func), "ForeignKeyConstraint"):
        local = element.args[0] if element.args else keyword(element, "columns")
        if isinstance(local, (ast.List, ast.Tuple)) and local.elts:
            cols = tuple(op.text(e) for e in local.elts)
            if all(cols):
                return [ForeignKeyDef(op.table, cols, element)]  # type: ignore[arg-type]
    return []


# -- raw SQL -------------------------------------------------------------------

_EMPTYING = re.compile(
    r"\b(?:DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?([\w.\"`\[\]]+)", re.IGNORECASE)
_TABLE_FACTORIES = ("table", "Table")
_TEXT_MODIFIERS = ("bindparams", "columns", "execution_options")


def emptied_tables(op: Operation, local_tables: dict[str, str]) -> set[str] | None:
    """Tables an ``execute`` operation deletes every row from (``DELETE FROM t``,
    ``TRUNCATE t``, ``sa.delete(t)``, ``t.delete()``); None when its SQL cannot be read.

    ``local_tables`` maps names bound in the function to ``sa.table("t", ...)``.
    """
    sql = op.param("sqltext")
    if sql is None:
        return None
    text = _sql_text(op, sql)
    if text is not None:
        return {_unquote(m.group(1)) for m in _EMPTYING.finditer(text)}
    return _expression_deletes(op.module, sql, local_tables)


_DDL = re.compile(r"(?:^|;)\s*(?:--[^\n]*\n\s*)*(?:CREATE|ALTER|DROP|COMMENT\s+ON|RENAME)\b",
                  re.IGNORECASE)
_DDL_CONSTRUCTS = ("CreateTable", "DropTable", "CreateIndex", "DropIndex", "AddConstraint",
                   "DropConstraint", "CreateSequence", "DropSequence", "CreateSchema",
                   "DropSchema", "CreateColumn")


def changes_schema(op: Operation) -> bool | None:
    """Does an ``execute`` operation run DDL? None when its SQL cannot be read."""
    sql = op.param("sqltext")
    if sql is None or op.module is None:
        return None
    if isinstance(sql, ast.Call) and is_sa(op.module.qualname(sql.func), "DDL") and sql.args:
        sql = sql.args[0]
    text = _sql_text(op, sql)
    if text is not None:
        return _DDL.search(text) is not None
    if isinstance(sql, ast.Call) and is_sa(op.module.qualname(sql.func), *_DDL_CONSTRUCTS):
        return True
    return False if _expression_deletes(op.module, sql, {}) is not None else None


def _sql_text(op: Operation, node: ast.expr) -> str | None:
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr in _TEXT_MODIFIERS:
        node = node.func.value
    if isinstance(node, ast.Call) and op.module is not None and \
            is_sa(op.module.qualname(node.func), "text") and node.args:
        node = node.args[0]
    return op.text(node)


def _unquote(name: str) -> str:
    return name.rpartition(".")[2].strip("\"`[]").lower()


def _expression_deletes(module: ModuleSummary | None, node: ast.expr,
                        local_tables: dict[str, str]) -> set[str] | None:
    """A Core statement: ``delete`` of a known lightweight table, or no delete at all."""
    if module is None:
        return None
    # Walk down the method chain to the statement's constructor: t.delete().where(...)
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        method = node.func.attr
        qn = module.qualname(node.func)
        if is_sa(qn, "delete", "update", "insert", "select"):
            break
        if method in ("delete", "update", "insert", "select"):
            if method != "delete":
                return set()
            table = _table_of(module, node.func.value, local_tables)
            return {table} if table else None
        node = node.func.value
    if isinstance(node, ast.Call):
        qn = module.qualname(node.func)
        if is_sa(qn, "update", "insert", "select"):
            return set()
        if is_sa(qn, "delete") and node.args:
            table = _table_of(module, node.args[0], local_tables)
            return {table} if table else None
    return None


def _table_of(module: ModuleSummary, node: ast.expr, local_tables: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name) and node.id in local_tables:
        return local_tables[node.id].lower()
    name = lightweight_table(module, node)
    return name.lower() if name else None


def lightweight_table(module: ModuleSummary, node: ast.expr | None) -> str | None:
    """Table name of ``sa.table("t", ...)`` / ``sa.Table("t", ...)``."""
    if isinstance(node, ast.Call) and is_sa(module.qualname(node.func), *_TABLE_FACTORIES) \
            and node.args:
        return literal_str(node.args[0])
    return None


def local_tables(module: ModuleSummary, func: ast.FunctionDef) -> dict[str, str]:
    """Names bound to a lightweight table, in ``func`` or else at module level."""
    found: dict[str, str] = {}
    for name, value in module.assigns.items():
        table = lightweight_table(module, value)
        if table:
            found[name] = table
    local: dict[str, set[str | None]] = {}
    for node in walk(func):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name):
            local.setdefault(node.targets[0].id, set()).add(lightweight_table(module, node.value))
    for name, tables in local.items():
        table = next(iter(tables)) if len(tables) == 1 else None
        if table:
            found[name] = table
        else:
            found.pop(name, None)   # rebound, or bound to something else
    return found
