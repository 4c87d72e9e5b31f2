"""Which ``downgrade()`` operations undo an ``upgrade()`` operation.

Pairs (either direction): ``add_column``/``drop_column``, ``create_table``/
``drop_table``, ``create_index``/``drop_index``, ``create_foreign_key``/
``create_unique_constraint`` and ``drop_constraint``. A ``drop_table(t)``
undoes everything on ``t``, a ``create_table(t)`` everything an upgrade
dropped from ``t``, and a ``drop_column(t, c)`` the indexes and constraints
on ``c`` (PostgreSQL drops them with the column). Tables and columns renamed
in the migration are one name. Whatever is not literal matches anything: the
answer "not undone" is given only when it is certain.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..project.migration_schema import column_def
from ..project.migrations import Operation

CHECKED = frozenset({"add_column", "drop_column", "create_table", "drop_table", "create_index",
                     "drop_index", "create_foreign_key", "create_unique_constraint"})
_CONSTRAINT_CREATES = ("create_foreign_key", "create_unique_constraint")


class _Names:
    """Names made equal by renames; ``unknown`` when some rename is not literal."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.unknown = False

    def find(self, name: str) -> str:
        name = name.lower()
        while self.parent.get(name, name) != name:
            name = self.parent[name]
        return name

    def union(self, a: str | None, b: str | None) -> None:
        if a is None or b is None:
            self.unknown = True
            return
        self.parent[self.find(a)] = self.find(b)

    def same(self, a: str | None, b: str | None) -> bool:
        return self.unknown or a is None or b is None or self.find(a) == self.find(b)


class Inverses:
    def __init__(self, upgrade: list[Operation], downgrade: list[Operation]) -> None:
        self.down = downgrade
        self.tables = _Names()
        self.columns = _Names()
        for op in [*upgrade, *downgrade]:
            if op.name == "rename_table":
                self.tables.union(op.table, op.text(op.param("new_table_name")))
            elif op.name == "alter_column" and op.param("new_column_name") is not None:
                self.columns.union(op.column, op.text(op.param("new_column_name")))

    def _down(self, *names: str) -> Iterable[Operation]:
        return (op for op in self.down if op.name in names)

    def _on_table(self, op: Operation, *names: str) -> bool:
        return any(self.tables.same(op.table, d.table) for d in self._down(*names))

    def _column_dropped(self, op: Operation, columns: tuple[str, ...] | None) -> bool:
        """A downgrade ``drop_column`` of ``op``'s table removes one of ``columns``."""
        for d in self._down("drop_column"):
            if self.tables.same(op.table, d.table) and (
                    columns is None or any(self.columns.same(c, d.column) for c in columns)):
                return True
        return False

    def undone(self, op: Operation) -> bool:
        """Does ``downgrade()`` undo upgrade operation ``op``? True when unsure."""
        if op.table is None and op.name not in ("create_index", "drop_index"):
            return True
        if op.name != "create_table" and self._on_table(op, "drop_table"):
            return True
        if op.name.startswith("drop_") and self._on_table(op, "create_table"):
            return True
        if op.name == "create_table":
            return self._on_table(op, "drop_table")
        if op.name == "drop_table":
            return False   # no create_table of it (checked above)
        if op.name in ("add_column", "drop_column"):
            inverse = "drop_column" if op.name == "add_column" else "add_column"
            return any(self.tables.same(op.table, d.table) and self.columns.same(op.column,
                                                                                 d.column)
                       for d in self._down(inverse))
        if op.name in ("create_index", "drop_index"):
            return self._index_undone(op)
        if op.name in _CONSTRAINT_CREATES:
            return self._constraint_undone(op)
        return True

    def _index_undone(self, op: Operation) -> bool:
        name = op.object_name
        if name is None:
            return True
        inverse = "drop_index" if op.name == "create_index" else "create_index"
        if any(d.object_name is None or d.object_name.lower() == name.lower()
               for d in self._down(inverse)):
            return True
        if op.name == "create_index":
            return self._column_dropped(op, op.columns)
        # A dropped index comes back with a table the downgrade re-creates, or with
        # a column it adds back with index=True.
        if op.table is None and any(True for _ in self._down("create_table")):
            return True
        return any(self.tables.same(op.table, d.table) and _adds_indexed_column(d)
                   for d in self._down("add_column"))

    def _constraint_undone(self, op: Operation) -> bool:
        name = op.object_name
        for d in self._down("drop_constraint"):
            if not self.tables.same(op.table, d.table):
                continue
            other = d.object_name
            if name is None or other is None or other.lower() == name.lower():
                return True
        return self._column_dropped(op, op.columns)


def _adds_indexed_column(op: Operation) -> bool:
    if op.module is None:
        return True
    col = column_def(op.module, op.param("column"))
    return col is None or col.index


def describe(op: Operation) -> str:
    """``add_column('users', 'email')``-style text naming what ``op`` changes."""
    if op.name in ("add_column", "drop_column"):
        return f"{op.name}({op.table!r}, {op.column!r})"
    if op.name in ("create_table", "drop_table"):
        return f"{op.name}({op.table!r})"
    name = op.object_name
    if name is not None:
        return f"{op.name}({name!r})"
    return f"{op.name} on {op.table!r}"
