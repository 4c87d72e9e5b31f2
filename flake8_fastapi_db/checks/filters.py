"""DB114/DB115: columns that queries filter or sort on, and the indexes behind them."""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from ..checker import Checker
from ..names import is_sa, literal_str
from ..project.facts import ColumnFacts, annotation_target
from ..project.models import ModelInfo
from ..project.modules import ModuleSummary
from ..registry import register
from ..rules import Rule
from ..astwalk import walk

_FILTER_METHODS = ("where", "filter", "filter_by")
_JOIN_METHODS = ("join", "outerjoin")
_ORDER_METHODS = ("order_by",)
_LOW_CARDINALITY_TYPES = ("Boolean", "Enum", "BOOLEAN")
_ENUM_BASES = ("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag")
_HIGH_CARDINALITY_BUILTINS = frozenset({"str", "int", "float", "bytes", "Decimal", "datetime",
                                        "date", "time", "UUID", "timedelta", "dict", "list"})


class DB114(Rule):
    """## What it does
    Finds columns of a resolved model that a query in this file filters with
    equality or `IN` (`where`, `filter`, `filter_by`, a join's ON clause) or sorts
    with `order_by`, while no index leads with them.

    A column also counts as covered when it follows, in a composite index, columns
    that the same function filters with equality (`where(a == x).order_by(b)` with
    `Index(a, b)`) or matches in a join's ON clause (on the joined table; for an
    inner join, which the database may drive from either side, on both tables),
    and when one of the project's migrations creates a matching index.

    ## Why is this bad?
    Without an index every such query scans the whole table; it is fast in
    development and slow the day the table is large.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func, select
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Article(Base):
        __tablename__ = "articles"
        id: Mapped[int] = mapped_column(primary_key=True)
        slug: Mapped[str] = mapped_column(String(200))


    def by_slug(slug: str):
        return select(Article).where(Article.slug == slug)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func, select
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Article(Base):
        __tablename__ = "articles"
        id: Mapped[int] = mapped_column(primary_key=True)
        slug: Mapped[str] = mapped_column(String(200), index=True)


    def by_slug(slug: str):
        return select(Article).where(Article.slug == slug)
    ```

    ## Limitations
    Primary keys, booleans and enums (low cardinality) are never reported, nor are
    columns whose type cannot be determined; a string column whose values a
    `CheckConstraint` lists (`col IN ('a', 'b')`, `col = 'a' OR col = 'b'`) counts
    as an enum. A statement that also filters the
    primary key or a unique column of the same model with equality is not judged
    for that model: the key already pins the rows. Test files are not checked:
    their queries are not production access patterns. One finding per column and
    file, at its first use that no index covers.
    """

    code = "DB114"
    name = "filter-on-unindexed-column"
    message = "{}.{} is used in {} but has no index"
    checklist = (1,)


class DB115(Rule):
    """## What it does
    Finds a query that filters with equality on two or more columns of the same
    model when no composite index has those columns as its leading columns.

    ## Why is this bad?
    The database can use only one single-column index and must filter the rest of
    the rows itself; a composite index answers the whole condition at once.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, String, func, select
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Ticket(Base):
        __tablename__ = "tickets"
        id: Mapped[int] = mapped_column(primary_key=True)
        project: Mapped[str] = mapped_column(String(50), index=True)
        owner: Mapped[str] = mapped_column(String(50), index=True)


    def mine(project: str, owner: str):
        return select(Ticket).where(Ticket.project == project, Ticket.owner == owner)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, Index, String, func, select
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Ticket(Base):
        __tablename__ = "tickets"
        id: Mapped[int] = mapped_column(primary_key=True)
        project: Mapped[str] = mapped_column(String(50))
        owner: Mapped[str] = mapped_column(String(50))
        __table_args__ = (Index("ix_tickets_project_owner", "project", "owner"),)


    def mine(project: str, owner: str):
        return select(Ticket).where(Ticket.project == project, Ticket.owner == owner)
    ```

    ## Limitations
    Off by default. Only conditions in one chained statement are combined. Silent
    when one of the columns is unique or the primary key.
    """

    code = "DB115"
    name = "missing-composite-index"
    message = "query filters {} on ({}) with no composite index leading with them"
    default_enabled = False
    checklist = (12,)


@dataclass
class _Use:
    model: ModelInfo
    col: ColumnFacts
    node: ast.AST
    how: str
    # order_by only: columns of the same model sorted before it in the same call (an
    # index (a, b, c) serves ``where(a == x).order_by(b, c)``).
    before: tuple[str, ...] = ()


@dataclass
class _Scope:
    equal: dict[str, set[str]] = field(default_factory=dict)   # model -> equality columns
    uses: list[_Use] = field(default_factory=list)


def _literal_true(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


@register
class FilterIndexChecker(Checker):
    name = "filter-indexes"
    rules = (DB114, DB115)

    def begin(self) -> None:
        self.scopes: dict[ast.AST | None, _Scope] = {}
        self._check_texts: dict[int, list[str]] = {}
        self.active = not self.ctx.is_migration and not self.ctx.is_test

    def visit_Call(self, node: ast.Call) -> None:
        if not self.active or not isinstance(node.func, ast.Attribute):
            return
        if not self._is_chain_top(node):
            return
        chain = _chain(node)
        if not any(c.func.attr in (*_FILTER_METHODS, *_JOIN_METHODS, *_ORDER_METHODS)
                   for c in chain if isinstance(c.func, ast.Attribute)):
            return
        scope = self.scopes.setdefault(self.ctx.enclosing_function(node), _Scope())
        statement_equal: list[_Use] = []
        statement_uses: list[_Use] = []
        entity = self._chain_entity(chain)
        for call in chain:
            method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
            if method in _FILTER_METHODS:
                found = self._equalities(call, entity) if method != "filter_by" else \
                    self._filter_by(call, entity)
                statement_equal.extend(found)
                statement_uses.extend(found)
                for use in found:
                    scope.equal.setdefault(use.model.qualname, set()).add(use.col.attr)
            elif method in _JOIN_METHODS and len(call.args) >= 2:
                joined = self._equalities_in(call.args[1], "a join condition")
                statement_uses.extend(joined)
                # A table probed by its columns of the condition has them pinned like an
                # equality filter: they lead a composite index for the columns after
                # them. An outer join probes the joined table only; an inner join can
                # be driven from either side, so both sides' columns may be probed.
                target = self.ctx.model_for(call.args[0])
                # (``isouter=flag``: unknown, taken as inner, the silent reading.)
                inner = method == "join" and not any(
                    k.arg in ("isouter", "full") and _literal_true(k.value)
                    for k in call.keywords)
                for use in joined:
                    if inner or (target is not None and use.model.qualname == target.qualname):
                        scope.equal.setdefault(use.model.qualname, set()).add(use.col.attr)
            elif method in _ORDER_METHODS:
                sorted_before: list[_Use] = []
                for arg in call.args:
                    use = self._sort_column(arg)
                    if use is not None:
                        use.before = tuple(u.col.attr for u in sorted_before
                                           if u.model.qualname == use.model.qualname)
                        sorted_before.append(use)
                        statement_uses.append(use)
        # Equality on the primary key or a unique column pins the rows of that
        # model: the statement's other columns of it need no index of their own
        # (``update(Auth).where(Auth.id == i, Auth.stamp == s)``).
        pinned = {u.model.qualname for u in statement_equal
                  if self._unique_index(u.model, u.col) or u.col.unique}
        scope.uses.extend(u for u in statement_uses if u.model.qualname not in pinned or
                          self._unique_index(u.model, u.col) or u.col.unique)
        self._composite(chain, statement_equal)

    def _is_chain_top(self, node: ast.Call) -> bool:
        parent = self.ctx.parent(node)
        if isinstance(parent, ast.Attribute) and parent.value is node:
            grand = self.ctx.parent(parent)
            return not (isinstance(grand, ast.Call) and grand.func is parent)
        return True

    # -- recognising column references --------------------------------------
    def _column(self, node: ast.AST) -> tuple[ModelInfo, ColumnFacts] | None:
        if not isinstance(node, ast.Attribute):
            return None
        model = self.ctx.model_for(node.value)
        if model is None:
            return None
        col = model.column(node.attr)
        return (model, col) if col is not None else None

    def _equalities(self, call: ast.Call, entity: ModelInfo | None) -> list[_Use]:
        out: list[_Use] = []
        for arg in call.args:
            out.extend(self._equalities_in(arg, "an equality filter"))
        return out

    def _equalities_in(self, expr: ast.AST, how: str) -> list[_Use]:
        out: list[_Use] = []
        if isinstance(expr, ast.Call) and is_sa(self.ctx.qualname(expr.func), "and_"):
            for arg in expr.args:
                out.extend(self._equalities_in(arg, how))
        elif isinstance(expr, ast.Compare) and len(expr.ops) == 1 and \
                isinstance(expr.ops[0], ast.Eq):
            for side in (expr.left, expr.comparators[0]):
                found = self._column(side)
                if found is not None:
                    out.append(_Use(found[0], found[1], side, how))
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and \
                expr.func.attr == "in_":
            target = expr.func.value
            # ``tuple_(a, b).in_(pairs)`` pins every listed column, like ``a == x and b == y``.
            columns = target.args if isinstance(target, ast.Call) and \
                is_sa(self.ctx.qualname(target.func), "tuple_") else [target]
            for column in columns:
                found = self._column(column)
                if found is not None:
                    out.append(_Use(found[0], found[1], column, "an IN filter"))
        return out

    def _filter_by(self, call: ast.Call, entity: ModelInfo | None) -> list[_Use]:
        if entity is None:
            return []
        out = []
        for kw in call.keywords:
            col = entity.column(kw.arg) if kw.arg else None
            if col is not None:
                out.append(_Use(entity, col, kw, "an equality filter"))
        return out

    def _sort_column(self, arg: ast.AST) -> _Use | None:
        # Model.col, Model.col.desc(), desc(Model.col), Model.col.desc().nulls_last()
        node = arg
        while isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr in (
                    "desc", "asc", "nulls_first", "nulls_last", "nullsfirst", "nullslast"):
                node = node.func.value
            elif is_sa(self.ctx.qualname(node.func), "desc", "asc", "nulls_first",
                       "nulls_last") and len(node.args) == 1:
                node = node.args[0]
            else:
                return None
        found = self._column(node)
        return _Use(found[0], found[1], node, "order_by") if found is not None else None

    def _chain_entity(self, chain: list[ast.Call]) -> ModelInfo | None:
        """The single entity of ``select(X)``/``query(X)`` when no join intervenes."""
        root = chain[-1] if chain else None
        if root is None or any(isinstance(c.func, ast.Attribute) and
                               c.func.attr in (*_JOIN_METHODS, "select_from") for c in chain):
            return None
        if len(root.args) != 1:
            return None
        is_root = is_sa(self.ctx.qualname(root.func), "select") or (
            isinstance(root.func, ast.Attribute) and root.func.attr == "query")
        return self.ctx.model_for(root.args[0]) if is_root else None

    # -- DB115 -------------------------------------------------------------
    def _composite(self, chain: list[ast.Call], uses: list[_Use]) -> None:
        by_model: dict[str, list[_Use]] = {}
        for use in uses:
            by_model.setdefault(use.model.qualname, []).append(use)
        for group in by_model.values():
            cols = {u.col.attr: u.col for u in group}
            if len(cols) < 2:
                continue
            model = group[0].model
            if not model.indexes_complete or any(
                    c.primary_key or c.unique or c.opaque or self._unique_index(model, c)
                    for c in cols.values()):
                continue
            names = {c.name for c in cols.values()} | set(cols)
            wanted = len(cols)
            if any(len(ix.columns) >= wanted and not ix.partial and
                   {str(c) for c in ix.columns[:wanted]} <= names for ix in model.indexes):
                continue
            if self.ctx.migrations.covers(model.tablename, tuple(c.name for c in cols.values())):
                continue
            first = min((c for c in chain if isinstance(c.func, ast.Attribute) and
                         c.func.attr in _FILTER_METHODS),
                        key=lambda c: (c.lineno, c.col_offset), default=chain[0])
            self.report(DB115, first, model.name, ", ".join(sorted(cols)))

    @staticmethod
    def _unique_index(model: ModelInfo, col: ColumnFacts) -> bool:
        return any(ix.unique and ix.columns == (col.name,) or ix.unique and
                   ix.columns == (col.attr,) for ix in model.indexes)

    # -- DB114 -------------------------------------------------------------
    def end(self) -> None:
        if not self.active:
            return
        seen: set[tuple[str, str]] = set()
        candidates: list[tuple[_Use, _Scope]] = [(u, s) for s in self.scopes.values()
                                                 for u in s.uses]
        candidates.sort(key=lambda p: (getattr(p[0].node, "lineno", 0),
                                       getattr(p[0].node, "col_offset", 0)))
        for use, scope in candidates:
            key = (use.model.qualname, use.col.attr)
            # One finding per column: at its first use that no index covers.
            if key in seen or not self._needs_index(use, scope):
                continue
            seen.add(key)
            self.report(DB114, use.node, use.model.name, use.col.attr, use.how)

    def _needs_index(self, use: _Use, scope: _Scope) -> bool:
        col, model = use.col, use.model
        if col.primary_key or self._low_cardinality(col) is not False:
            return False
        if _checked_in_list(model, col, self._check_texts):
            return False  # a string column an IN-list CHECK keeps to a few values: an enum
        if self.ctx.column_indexed(model, col.attr) is not False:
            return False
        equal = scope.equal.get(model.qualname, set()) | set(use.before)
        equal_names = equal | {model.columns[a].name for a in equal if a in model.columns}
        column_lists = [ix.columns for ix in model.indexes if not ix.partial and ix.columns]
        column_lists.extend(self.ctx.migrations.index_columns(model.tablename))
        for columns in column_lists:
            for position, name in enumerate(columns):
                if name in (col.name, col.attr):
                    if all(c in equal_names for c in columns[:position]):
                        return False
                    break
        return True

    def _low_cardinality(self, col: ColumnFacts) -> bool | None:
        """True for booleans/enums, False for known high-cardinality types, None if unknown."""
        by_annotation = self._annotation_cardinality(col)
        if by_annotation is True:
            # Mapped[Literal[...]] / Mapped[SomeEnum] stored as String(20): still few values
            return True
        module = col.module
        if col.type_expr is not None:
            target = col.type_expr.func if isinstance(col.type_expr, ast.Call) else col.type_expr
            qualname = module.qualname(target)
            if is_sa(qualname, *_LOW_CARDINALITY_TYPES):
                return True
            if qualname is not None and (qualname.startswith("sqlalchemy.") or
                                         qualname.startswith("sqlmodel.")):
                return False
            return None
        return by_annotation

    def _annotation_cardinality(self, col: ColumnFacts) -> bool | None:
        module = col.module
        if _is_literal(module, col.annotation):
            return True
        inner = annotation_target(module, col.annotation) if col.annotation is not None else None
        if inner is None:
            return None
        text = literal_str(inner)
        if isinstance(inner, ast.Subscript):
            outer = module.qualname(inner.value) or ""
            return True if outer.rpartition(".")[2] == "Literal" else None
        if text is not None:
            return None
        if isinstance(inner, ast.Name) and inner.id == "bool":
            return True
        qualname = module.qualname(inner)
        if qualname is None:
            return False if isinstance(inner, ast.Name) and \
                inner.id in _HIGH_CARDINALITY_BUILTINS else None
        tail = qualname.rpartition(".")[2]
        if qualname.startswith(("datetime.", "uuid.", "decimal.")) and \
                tail in _HIGH_CARDINALITY_BUILTINS:
            return False
        symbol = self.ctx.project.resolve(qualname)
        if symbol is not None and isinstance(symbol.node, ast.ClassDef):
            return self._is_enum_class(symbol.module, symbol.node, 0)
        return None

    def _is_enum_class(self, module: ModuleSummary, node: ast.ClassDef,
                       depth: int) -> bool | None:
        if depth > 8:
            return None
        for base in node.bases:
            qualname = module.qualname(base)
            if qualname is None:
                continue
            if qualname.startswith("enum.") and qualname.rpartition(".")[2] in _ENUM_BASES:
                return True
            symbol = self.ctx.project.resolve(qualname)
            if symbol is not None and isinstance(symbol.node, ast.ClassDef):
                found = self._is_enum_class(symbol.module, symbol.node, depth + 1)
                if found:
                    return True
        return None


def _is_literal(module: ModuleSummary, ann: ast.expr | None) -> bool:
    """``Literal[...]``, also inside ``Optional[...]`` / ``... | None``."""
    if isinstance(ann, ast.BinOp):
        return any(_is_literal(module, side) for side in (ann.left, ann.right))
    if not isinstance(ann, ast.Subscript):
        return False
    tail = (module.qualname(ann.value) or "").rpartition(".")[2]
    if tail == "Literal":
        return True
    if tail in ("Optional", "Union"):
        parts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        return any(_is_literal(module, p) for p in parts)
    return False


def _chain(top: ast.Call) -> list[ast.Call]:
    """Calls of a method chain, outermost first: ``a().b().c()`` -> [c, b, a]."""
    out: list[ast.Call] = []
    node: ast.AST = top
    while isinstance(node, ast.Call):
        out.append(node)
        func = node.func
        node = func.value if isinstance(func, ast.Attribute) else func
        while isinstance(node, ast.Attribute):
            node = node.value
    return out


def _checked_in_list(model: ModelInfo, col: ColumnFacts,
                     texts: dict[int, list[str]]) -> bool:
    """Is the column restricted by ``CheckConstraint("<col> IN (...)")`` on its model (or
    a model it inherits from)? Its SQL text may be a literal, an f-string or a module
    constant; only its leading ``<col> IN (`` is read. ``texts`` remembers each class's
    CHECK texts for the file (a class is walked once, not once per column)."""
    names = {col.name, col.attr}
    for info in (model, *model.ancestors):
        if not isinstance(info.node, ast.ClassDef):
            continue
        found = texts.get(id(info.node))
        if found is None:
            found = texts[id(info.node)] = _check_texts(info.module, info.node)
        if any(_enumerates(text, name) for text in found for name in names):
            return True
    return False


def _check_texts(module: ModuleSummary, cls: ast.ClassDef) -> list[str]:
    """The literal SQL texts of the ``CheckConstraint``s declared in a class."""
    out: list[str] = []
    for node in walk(cls):
        if not (isinstance(node, ast.Call) and node.args and
                (module.qualname(node.func) or "").endswith("CheckConstraint")):
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Name):
            arg = module.assigns.get(arg.id)
        if isinstance(arg, ast.JoinedStr) and arg.values:
            arg = arg.values[0]
        text = literal_str(arg) if arg is not None else None
        if text is not None:
            out.append(text)
    return out


def _enumerates(sql: str, column: str) -> bool:
    """``col IN ('a', 'b')``, ``col IS NULL OR col IN (...)`` or
    ``col = 'a' OR col = 'b'``: the CHECK lists the column's few values."""
    text = " ".join(sql.split()).lower()
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    name = re.escape(column.lower())
    if re.match(rf"(?:{name} is null or )?{name} in \(", text):
        return True
    value = rf"{name} ?= ?'[^']*'"
    return re.fullmatch(rf"\(?{value}\)?(?: or \(?{value}\)?)+", text) is not None
