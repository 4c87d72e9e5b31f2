"""Mapped classes: inheritance, model-ness, merged columns and indexes.

A class is a model only when every base resolves: to a project class, or to a
known library base (``DeclarativeBase``, ``SQLModel``, ...). Anything else and
the class is ``unknown``, and every rule that needs it stays silent.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..names import family, is_sa, is_sqlmodel, keyword, literal_str
from .facts import (ClassFacts, ColumnFacts, IndexFacts, RelationshipFacts, TableFacts,
                    column_level_indexes, extract_class, extract_table, index_from_call, qual)
from .index import CLASSES_OR_VALUES, VALUES
from .modules import ModuleSummary

if TYPE_CHECKING:
    from .index import ProjectIndex, Symbol

# Library bases that neither map a class nor hide anything from the rules.
_NEUTRAL_BASES = {
    ("typing", "Generic"), ("typing", "Protocol"), ("typing_extensions", "Protocol"),
    ("abc", "ABC"), ("builtins", "object"),
}
_NEUTRAL_SA = ("MappedAsDataclass", "AsyncAttrs")
_DECLARATIVE_ROOTS = ("DeclarativeBase", "DeclarativeBaseNoMeta")
_BASE_FACTORIES = ("declarative_base", "generate_base")
_MAX_DEPTH = 24

MODEL, BASE, ABSTRACT, MIXIN, SCHEMA, UNKNOWN, TABLE = (
    "model", "base", "abstract", "mixin", "schema", "unknown", "table")


@dataclass
class ModelInfo:
    """A class (or ``Table``) after inheritance is applied."""

    qualname: str
    kind: str
    module: ModuleSummary
    node: ast.AST
    facts: ClassFacts | None = None
    sqlmodel: bool = False
    own_table: bool = False              # has a table of its own (not STI)
    tablename: str | None = None
    columns: dict[str, ColumnFacts] = field(default_factory=dict)
    relationships: dict[str, RelationshipFacts] = field(default_factory=dict)
    indexes: list[IndexFacts] = field(default_factory=list)
    indexes_complete: bool = True
    ancestors: list[ModelInfo] = field(default_factory=list)
    # Columns of the class's own table in SQLAlchemy's order (decides which column
    # leads a composite primary key).
    table_columns: list[ColumnFacts] = field(default_factory=list)
    mixin_names: set[str] = field(default_factory=set)  # attrs whose value is opaque

    @property
    def name(self) -> str:
        return self.qualname.rpartition(".")[2]

    @property
    def is_model(self) -> bool:
        return self.kind in (MODEL, TABLE)

    @property
    def is_concrete_table(self) -> bool:
        return self.kind == MODEL and self.own_table

    def column(self, attr: str) -> ColumnFacts | None:
        return self.columns.get(attr)

    def column_by_name(self, name: str) -> ColumnFacts | None:
        for col in self.columns.values():
            if col.name == name:
                return col
        return self.columns.get(name)

    def inherited_columns(self, kinds: tuple[str, ...]) -> list[ColumnFacts]:
        """Columns of this table that a base of one of ``kinds`` declares (mixin,
        abstract, base, schema = SQLModel non-table base).

        A mapped parent's columns live in the parent's own table (joined
        inheritance) and are judged there.
        """
        owners: set[tuple[int, str]] = set()
        stack = list(self.ancestors)
        while stack:
            current = stack.pop()
            if current.facts is None or current.kind not in kinds:
                continue
            owners.add((id(current.module), current.facts.name))
            stack.extend(current.ancestors)
        return [c for c in self.columns.values() if (id(c.module), c.owner) in owners]

    def report_node(self, col: ColumnFacts, module: ModuleSummary) -> ast.AST:
        """Where a finding about ``col`` goes in ``module``: the column when the
        module declares it, else this model's class header."""
        return col.node if col.module is module else self.node

    def leading_indexes(self, col: ColumnFacts) -> list[IndexFacts]:
        return [ix for ix in self.indexes if ix.leading in (col.name, col.attr)]

    def has_index_leading(self, col: ColumnFacts) -> bool:
        """Declared in the model: PK, unique, index=True or leading an Index."""
        # A composite primary key's index covers only its first column.
        return bool(col.index) or bool(col.unique) or bool(self.leading_indexes(col))


def _base_expr(expr: ast.expr) -> ast.expr:
    return expr.value if isinstance(expr, ast.Subscript) else expr


class ModelResolver:
    """Builds :class:`ModelInfo` for classes of one :class:`ProjectIndex`."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self._cache: dict[tuple[int, str], ModelInfo] = {}
        self._tables: dict[tuple[int, str], ModelInfo | None] = {}

    # -- entry points -------------------------------------------------
    def model_for_class(self, module: ModuleSummary, node: ast.ClassDef) -> ModelInfo:
        return self._class_info(module, node, 0)

    def model_for_qualname(self, qualname: str | None) -> ModelInfo | None:
        symbol = self.index.follow_alias(self.index.resolve(qualname, want=CLASSES_OR_VALUES))
        if symbol is None:
            return None
        if isinstance(symbol.node, ast.ClassDef):
            return self._class_info(symbol.module, symbol.node, 0)
        return self.table_for_symbol(symbol)

    def model_for_node(self, module: ModuleSummary, node: ast.AST) -> ModelInfo | None:
        """The model a Name/Attribute refers to (``User``, ``models.User``)."""
        info = self.model_for_qualname(module.qualname(node))
        return info if info is not None and info.is_model else None

    def table_for_symbol(self, symbol: Symbol) -> ModelInfo | None:
        key = (id(symbol.module), symbol.name)
        if key in self._tables:
            return self._tables[key]
        info = None
        node = symbol.node
        if isinstance(node, ast.Call) and is_sa(qual(symbol.module, node.func), "Table"):
            table = extract_table(symbol.module, symbol.name, node)
            info = self.table_info(symbol.module, symbol.name, table)
        self._tables[key] = info
        return info

    def table_info(self, module: ModuleSummary, name: str, table: TableFacts) -> ModelInfo:
        info = ModelInfo(qualname=f"{module.name}.{name}", kind=TABLE, module=module,
                         node=table.node, own_table=True, tablename=table.tablename)
        info.columns = dict(table.columns)
        info.indexes = column_level_indexes(list(info.columns.values())) + table.indexes
        info.indexes.extend(_module_indexes(module, name))
        return info

    def relationship_target(self, rel: RelationshipFacts) -> ModelInfo | None:
        """The model a relationship points to: by expression, or by class name the
        way SQLAlchemy's registry resolves strings (unique name in the project's
        modules near the declaring one)."""
        node = rel.target
        if isinstance(node, ast.Lambda):
            node = node.body
        text = literal_str(node)
        if text is None:
            if isinstance(node, (ast.Name, ast.Attribute)):
                return self.model_for_node(rel.module, node)
            return None
        text = text.strip()
        if "." in text:
            found = self.model_for_qualname(text)
            if found is not None and found.is_model:
                return found
            text = text.rpartition(".")[2]
        if not text.isidentifier():
            return None
        if rel.module.defines(text) or text in rel.module.imports.names:
            found = self.model_for_qualname(rel.module.qualname(ast.Name(id=text)))
            return found if found is not None and found.is_model else None
        matches = {id(info.node): info for info in self._models_named(rel.module, text)}
        return next(iter(matches.values())) if len(matches) == 1 else None

    def _models_named(self, module: ModuleSummary, name: str) -> list[ModelInfo]:
        """Models called ``name`` in the declaring module's package and its imports."""
        candidates: list[str] = []
        package = module.name if module.is_package else module.name.rpartition(".")[0]
        if module.path is not None:
            directory = module.path.parent
            try:
                entries = sorted(directory.iterdir())
            except OSError:
                entries = []
            for entry in entries:
                if entry.suffix == ".py" and entry.stem.isidentifier() and \
                        entry.stem != "__init__":
                    candidates.append(f"{package}.{entry.stem}" if package else entry.stem)
        candidates.extend(module.imports.modules)
        out: list[ModelInfo] = []
        for mod_name in dict.fromkeys(candidates):
            summary = self.index.module(mod_name)
            if summary is None:
                continue
            if name in summary.classes:
                info = self._class_info(summary, summary.classes[name], 0)
                if info.is_model:
                    out.append(info)
        return out

    # -- classes ------------------------------------------------------
    def _class_info(self, module: ModuleSummary, node: ast.ClassDef, depth: int) -> ModelInfo:
        key = (id(module), node.name if node is module.classes.get(node.name) else
               f"{node.name}@{node.lineno}")
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        qualname = f"{module.name}.{node.name}" if module.name else node.name
        # Placeholder breaks inheritance cycles (class A(B), class B(A)).
        info = ModelInfo(qualname=qualname, kind=UNKNOWN, module=module, node=node)
        self._cache[key] = info
        if depth > _MAX_DEPTH:
            return info
        self._fill(info, module, node, depth)
        return info

    def _fill(self, info: ModelInfo, module: ModuleSummary, node: ast.ClassDef,
              depth: int) -> None:
        declarative = sqlmodel = root = False
        resolved = True
        parents: list[ModelInfo] = []
        for base in node.bases:
            verdict = self._classify_base(module, _base_expr(base), depth)
            if verdict is None:
                resolved = False
                continue
            if isinstance(verdict, ModelInfo):
                parents.append(verdict)
                if verdict.kind == UNKNOWN:
                    resolved = False
                elif verdict.kind in (MODEL, BASE, ABSTRACT):
                    declarative = declarative or not verdict.sqlmodel
                    sqlmodel = sqlmodel or verdict.sqlmodel
                elif verdict.kind == SCHEMA:
                    sqlmodel = True
            elif verdict == "root":
                root = declarative = True
            elif verdict == "declarative":
                declarative = True
            elif isinstance(verdict, _FactoryBase):
                declarative = True
                parents.append(verdict.cls)
                if verdict.cls.kind == UNKNOWN:
                    resolved = False
            elif verdict == "sqlmodel":
                sqlmodel = True
        for deco in node.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            dq = qual(module, target)
            if is_sa(dq, "as_declarative", "as_declarative_base"):
                root = declarative = True
            elif isinstance(target, ast.Attribute) and \
                    target.attr in ("mapped", "mapped_as_dataclass"):
                if self._is_registry(module, target.value):
                    declarative = True
                else:
                    resolved = False
        for kw in node.keywords:
            if kw.arg == "metaclass":
                resolved = False
        table_kw = any(kw.arg == "table" for kw in node.keywords)
        # SQLModel fields of non-table bases become columns of the table models below them.
        facts = extract_class(module, node, sqlmodel_table=sqlmodel)
        info.facts = facts
        info.ancestors = parents
        info.sqlmodel = sqlmodel
        self._merge(info, parents, facts)
        if not resolved:
            info.kind = UNKNOWN
            return
        if sqlmodel:
            if facts.table_kw is True:
                info.kind, info.own_table = MODEL, True
                info.tablename = facts.tablename if facts.has_tablename else node.name.lower()
            elif table_kw:
                info.kind = UNKNOWN  # table=<expression>
            else:
                info.kind = SCHEMA
            return
        if not declarative:
            info.kind = MIXIN
            return
        if facts.abstract:
            info.kind = ABSTRACT
        elif root:
            info.kind = BASE
        elif facts.has_tablename or facts.has_table:
            info.kind, info.own_table = MODEL, True
            info.tablename = facts.tablename
        elif any(p.kind == MODEL for p in parents):
            info.kind, info.own_table = MODEL, False   # single-table inheritance
            info.tablename = next(p.tablename for p in parents if p.kind == MODEL)
        elif any(_provides_tablename(p) for p in parents):
            info.kind, info.own_table = MODEL, True    # declared_attr __tablename__
        else:
            info.kind = UNKNOWN

    def _merge(self, info: ModelInfo, parents: list[ModelInfo], facts: ClassFacts) -> None:
        columns: dict[str, ColumnFacts] = {}
        rels: dict[str, RelationshipFacts] = {}
        table_args: list[IndexFacts] | None = facts.table_args
        opaque = facts.table_args_opaque
        for parent in reversed(parents):
            columns.update(parent.columns)
            rels.update(parent.relationships)
        for parent in parents:
            if table_args is None and parent.facts is not None:
                inherited = _effective_table_args(parent)
                if inherited is not None:
                    table_args, opaque = inherited
            if not parent.indexes_complete:
                opaque = True
        # An attribute the class rebinds to something else hides the inherited one.
        for attr in facts.attributes:
            columns.pop(attr, None)
            rels.pop(attr, None)
        columns.update(facts.columns)
        rels.update(facts.relationships)
        info.columns = columns
        info.relationships = rels
        info.table_columns = _table_order(columns, parents, facts)
        info.indexes = column_level_indexes(list(columns.values()), info.table_columns)
        info.indexes.extend(table_args or [])
        info.indexes.extend(facts.table_indexes)
        info.indexes.extend(_module_indexes(facts.module, facts.name))
        info.indexes_complete = not opaque

    def _classify_base(self, module: ModuleSummary, expr: ast.expr,
                       depth: int) -> ModelInfo | _FactoryBase | str | None:
        """A base's nature: ModelInfo (project class), 'root', 'declarative',
        'sqlmodel', 'neutral', or None when it cannot be resolved."""
        qn = qual(module, expr)
        if qn is None:
            if isinstance(expr, ast.Name) and expr.id == "object":
                return "neutral"
            return None
        if is_sa(qn, *_DECLARATIVE_ROOTS):
            return "root"
        if is_sa(qn, *_NEUTRAL_SA):
            return "neutral"
        if is_sqlmodel(qn, "SQLModel"):
            return "sqlmodel"
        head, _, tail = qn.rpartition(".")
        if (head, tail) in _NEUTRAL_BASES:
            return "neutral"
        if family(qn) is not None:
            return None
        symbol = self.index.follow_alias(self.index.resolve(qn, want=CLASSES_OR_VALUES))
        if symbol is None:
            return None
        if isinstance(symbol.node, ast.ClassDef):
            return self._class_info(symbol.module, symbol.node, depth + 1)
        if self._is_base_factory(symbol.module, symbol.node):
            assert isinstance(symbol.node, ast.Call)
            cls = keyword(symbol.node, "cls")
            if cls is None:
                return "declarative"
            # declarative_base(cls=FidesBase): the class's columns are every model's.
            verdict = self._classify_base(symbol.module, cls, depth + 1)
            if isinstance(verdict, ModelInfo):
                return _FactoryBase(verdict)
            return "declarative" if verdict == "neutral" else None
        return None

    def _is_base_factory(self, module: ModuleSummary, node: ast.AST) -> bool:
        """``declarative_base()`` / ``registry().generate_base()`` / ``reg.generate_base()``."""
        if not isinstance(node, ast.Call):
            return False
        qn = qual(module, node.func)
        if is_sa(qn, "declarative_base"):
            return True
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "generate_base":
            return self._is_registry(module, func.value)
        return False

    def _is_registry(self, module: ModuleSummary, node: ast.AST) -> bool:
        if isinstance(node, ast.Call):
            return is_sa(qual(module, node.func), "registry")
        symbol = self.index.resolve(module.qualname(node), want=VALUES)
        if symbol is None or not isinstance(symbol.node, ast.Call):
            return False
        return is_sa(qual(symbol.module, symbol.node.func), "registry")


def _table_order(columns: dict[str, ColumnFacts], parents: list[ModelInfo],
                 facts: ClassFacts) -> list[ColumnFacts]:
    """Columns in the order SQLAlchemy puts them in the table.

    Declarative places a class's own columns first, then those of its mixins and
    bases in MRO order (verified with 2.1), stably sorted by ``sort_order=``.
    Joined-table inheritance: a mapped parent's columns live in the parent's
    table. Single-table inheritance: the parent's table, then the new columns.
    """
    live = {id(c) for c in columns.values()}
    own_table = facts.has_tablename or facts.has_table
    ordered: list[ColumnFacts] = []
    seen: set[int] = set()

    def add(cols: list[ColumnFacts]) -> None:
        for col in cols:
            if id(col) in live and id(col) not in seen:
                seen.add(id(col))
                ordered.append(col)

    mapped = [p for p in parents if p.kind == MODEL]
    if mapped and not own_table:
        for parent in mapped:
            add(parent.table_columns)
    add(list(facts.columns.values()))
    for parent in parents:
        if parent.kind != MODEL:
            add(parent.table_columns)
    return sorted(ordered, key=_sort_order)


def _sort_order(col: ColumnFacts) -> int:
    value = col.kwargs.get("sort_order")
    if isinstance(value, ast.Constant) and isinstance(value.value, int):
        return value.value
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub) and \
            isinstance(value.operand, ast.Constant) and isinstance(value.operand.value, int):
        return -value.operand.value
    return 0


@dataclass(frozen=True)
class _FactoryBase:
    """A base made by ``declarative_base(cls=X)`` / ``generate_base(cls=X)``."""

    cls: ModelInfo


def _provides_tablename(info: ModelInfo) -> bool:
    if info.facts is not None and info.facts.has_tablename:
        return True
    return any(_provides_tablename(p) for p in info.ancestors if p.kind != MODEL)


def _effective_table_args(info: ModelInfo) -> tuple[list[IndexFacts], bool] | None:
    """``__table_args__`` as a class attribute lookup finds it (own, then bases)."""
    facts = info.facts
    if facts is not None and facts.table_args is not None:
        return facts.table_args, facts.table_args_opaque
    for parent in info.ancestors:
        found = _effective_table_args(parent)
        if found is not None:
            return found
    return None


def _module_indexes(module: ModuleSummary, owner: str) -> list[IndexFacts]:
    """Module-level ``Index("ix", User.email, ...)`` against ``owner``'s columns."""
    # Cached on the summary itself: the facts refer to the module, so a global weak
    # mapping keyed by the module would never let it go.
    entries = module.__dict__.get("_module_indexes")
    if entries is None:
        entries = []
        for call in module.toplevel_calls:
            facts = index_from_call(module, call, "module")
            if facts is not None:
                entries.append((_index_owner(call), facts))
        module.__dict__["_module_indexes"] = entries
    return [facts for name, facts in entries if name == owner]


def _index_owner(call: ast.Call) -> str | None:
    args = call.args[1:] if call.args and literal_str(call.args[0]) is not None else call.args
    for arg in args:
        node = arg
        # User.email / User.__table__.c.email / users.c.email
        while isinstance(node, ast.Attribute):
            node = node.value
        if isinstance(node, ast.Name):
            return node.id
    table = keyword(call, "_table")
    return table.id if isinstance(table, ast.Name) else None
