"""DB1xx column-declaration rules: what one ``Column``/``mapped_column``/``Field`` says."""
from __future__ import annotations

import ast

from ..checker import Checker
from ..names import is_sa, is_sqlmodel, keyword, literal_bool
from ..project.facts import ColumnFacts, IndexFacts, column_level_indexes, extract_table
from ..project.models import ABSTRACT, BASE, MODEL, ModelInfo
from ..registry import register
from ..rules import Rule

# Calls evaluated once at import when written as a default: (module, function).
_IMPORT_TIME_CALLS = frozenset({
    ("datetime.datetime", "now"), ("datetime.datetime", "utcnow"), ("datetime.datetime", "today"),
    ("datetime.date", "today"), ("uuid", "uuid1"), ("uuid", "uuid4"), ("uuid", "uuid6"),
    ("uuid", "uuid7"), ("time", "time"), ("time", "time_ns"),
    ("pendulum", "now"), ("arrow", "utcnow"), ("arrow", "now"),
})
_DEFAULT_KEYWORDS = ("default", "insert_default", "onupdate")
_UNSIZED_STRING_TYPES = ("String", "Unicode", "VARCHAR", "NVARCHAR")
_TIMESTAMP_TYPES = ("DateTime", "TIMESTAMP")


class DB104(Rule):
    """## What it does
    Finds timestamp columns stored without a time zone: an explicit `DateTime` /
    `DateTime()` / `TIMESTAMP()` type without `timezone=True`, and a `Mapped[datetime]`
    column with no explicit type in a SQLAlchemy declarative model (which maps to a
    naive `DateTime`).

    ## Why is this bad?
    A naive timestamp carries no offset: values written by servers in different time
    zones, or either side of a DST change, silently shift, and comparing them with
    aware `datetime` objects raises in Python.

    ## Example
    ```python
    from sqlalchemy import Column, DateTime, Integer, MetaData, Table

    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("happened_at", DateTime),
    )
    ```

    ## Use instead
    ```python
    from sqlalchemy import Column, DateTime, Integer, MetaData, Table

    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("happened_at", DateTime(timezone=True)),
    )
    ```

    ## Limitations
    SQLModel `datetime` fields without an explicit `sa_type` are left to SQLModel's
    own default type. A declarative base with a `type_annotation_map` decides the
    type of `Mapped[datetime]` itself, so such models are not reported. Custom types
    are never reported.
    """

    code = "DB104"
    name = "naive-datetime-column"
    message = "column '{}' stores a naive timestamp; use DateTime(timezone=True)"
    checklist = (2,)


class DB105(Rule):
    """## What it does
    Finds explicit `String` / `String()` / `Unicode` / `VARCHAR` column types with no
    length.

    ## Why is this bad?
    The column is unbounded, so a client can store megabytes in a name field, and
    MySQL and some other databases reject `VARCHAR` without a length at `CREATE TABLE`.

    ## Example
    ```python
    from sqlalchemy import Column, Integer, MetaData, String, Table

    users = Table(
        "users",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String),
    )
    ```

    ## Use instead
    ```python
    from sqlalchemy import Column, Integer, MetaData, String, Table, Text

    users = Table(
        "users",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String(100)),
        Column("bio", Text),
    )
    ```

    ## Limitations
    Off by default: PostgreSQL accepts unbounded `VARCHAR`. `Mapped[str]` without an
    explicit type and `Text` are never reported.
    """

    code = "DB105"
    name = "string-without-length"
    message = "column '{}' has {} without a length"
    default_enabled = False


class DB111(Rule):
    """## What it does
    Finds columns declared with both `primary_key=True` and `index=True`.

    ## Why is this bad?
    The primary key is already indexed by its constraint. `index=True` makes
    SQLAlchemy emit a second index (`CREATE INDEX ix_<table>_id`) that every insert,
    update and delete has to maintain, for no lookup it can speed up.

    ## Example
    ```python
    from sqlalchemy import Column, Integer, MetaData, Table

    users = Table("users", MetaData(), Column("id", Integer, primary_key=True, index=True))
    ```

    ## Use instead
    ```python
    from sqlalchemy import Column, Integer, MetaData, Table

    users = Table("users", MetaData(), Column("id", Integer, primary_key=True))
    ```

    ## Limitations
    A composite primary key's index covers its first column only, so a later key
    column with `index=True` is not reported (DB101 asks for that index). The key's
    column order is the one declarative uses: the class's own columns first, then
    those of its mixins and bases, or an explicit `PrimaryKeyConstraint`.

    ## References
    The seed guide's own "good" `User` model declares `id` this way.
    """

    code = "DB111"
    name = "index-on-primary-key"
    message = "column '{}' is the primary key; index=True adds a redundant second index"
    checklist = (1,)


class DB112(Rule):
    """## What it does
    Finds legacy `Column(...)` attributes in declarative model classes, where
    SQLAlchemy 2.0's typed `Mapped[...] = mapped_column(...)` style can be used.

    ## Why is this bad?
    `Mapped[...]` annotations give type checkers the Python type and nullability of
    every attribute; `Column` attributes are typed as `Column` objects and hide
    mistakes until runtime.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import Column, DateTime, Integer, func
    from sqlalchemy.orm import DeclarativeBase


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Tag(Base):
        __tablename__ = "tags"
        id = Column(Integer, primary_key=True)
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


    class Tag(Base):
        __tablename__ = "tags"
        id: Mapped[int] = mapped_column(primary_key=True)
    ```

    ## Limitations
    Off by default: migrating a large code base is a project of its own. `Table(...)`
    columns and classes mapped through `__table__` are not reported.
    """

    code = "DB112"
    name = "legacy-column-attribute"
    message = "column '{}' uses Column(); declare it as Mapped[...] = mapped_column(...)"
    default_enabled = False


class DB113(Rule):
    """## What it does
    Finds an explicit `nullable=` that contradicts the `Mapped[...]` annotation:
    `Mapped[Optional[X]]` / `Mapped[X | None]` with `nullable=False`, or `Mapped[X]`
    with `nullable=True`.

    ## Why is this bad?
    SQLAlchemy derives nullability from the annotation unless `nullable=` overrides
    it, so the annotation now lies: type checkers and readers believe a value can (or
    cannot) be `None` while the database says otherwise.

    ## Example
    ```python
    from typing import Optional

    from sqlalchemy.orm import Mapped, mapped_column


    class ProfileMixin:
        nickname: Mapped[Optional[str]] = mapped_column(nullable=False)
    ```

    ## Use instead
    ```python
    from sqlalchemy.orm import Mapped, mapped_column


    class ProfileMixin:
        nickname: Mapped[str] = mapped_column()
    ```

    ## Limitations
    Primary keys are exempt (always NOT NULL). Non-literal `nullable=` values are
    not judged.
    """

    code = "DB113"
    name = "nullable-contradicts-annotation"
    message = "column '{}' is annotated {} but declares nullable={}"


class DB118(Rule):
    """## What it does
    Finds column defaults that call a function once, at import time:
    `default=datetime.now()`, `datetime.utcnow()`, `date.today()`, `uuid.uuid4()`,
    `time.time()` (called, not passed), in `Column`, `mapped_column` and SQLModel
    `Field`; also `insert_default=` and `onupdate=`.

    ## Why is this bad?
    The call runs once when the module is imported, so every row gets the same
    timestamp or the same UUID — the second insert of a UUID primary key fails.

    ## Example
    ```python
    from datetime import datetime

    from sqlalchemy import Column, DateTime, Integer, MetaData, Table

    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("seen_at", DateTime(timezone=True), default=datetime.now()),
    )
    ```

    ## Use instead
    ```python
    from datetime import datetime

    from sqlalchemy import Column, DateTime, Integer, MetaData, Table, func

    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("seen_at", DateTime(timezone=True), default=datetime.now),
        Column("created_at", DateTime(timezone=True), server_default=func.now()),
    )
    ```
    """

    code = "DB118"
    name = "default-evaluated-at-import"
    message = "column '{}': {}={}() is evaluated once at import; pass the function itself"


@register
class ColumnChecker(Checker):
    name = "column-declarations"
    rules = (DB104, DB105, DB111, DB112, DB113, DB118)

    def begin(self) -> None:
        self._reported: set[tuple[int, int]] = set()

    def visit_Call(self, node: ast.Call) -> None:
        if self.ctx.is_migration:
            return
        qualname = self.ctx.qualname(node.func)
        if is_sa(qualname, "Column", "mapped_column"):
            self._column_call(node, sqlmodel_field=False)
        elif is_sqlmodel(qualname, "Field"):
            self._column_call(node, sqlmodel_field=True)

    def _column_call(self, call: ast.Call, sqlmodel_field: bool) -> None:
        label = self._label(call)
        if literal_bool(keyword(call, "primary_key")) and literal_bool(keyword(call, "index")) \
                and self._leads_primary_key(call):
            self.report(DB111, call, label)
        for kw in call.keywords:
            if kw.arg in _DEFAULT_KEYWORDS and isinstance(kw.value, ast.Call):
                name = self._import_time_call(kw.value)
                if name:
                    self.report(DB118, kw.value, label, kw.arg, name)
        type_expr = self._type_expr(call, sqlmodel_field)
        if type_expr is not None:
            self._check_type(call, label, type_expr)

    def _leads_primary_key(self, call: ast.Call) -> bool:
        """Is the column the first one of its table's primary key?

        Only then is its own index redundant: a later column of a composite
        primary key is not covered by the key's index (and DB101 asks for one).
        """
        for anc in self.ctx.ancestors(call):
            if isinstance(anc, ast.Call) and is_sa(self.ctx.qualname(anc.func), "Table"):
                table = extract_table(self.ctx.module, "", anc)
                columns = list(table.columns.values())
                indexes = column_level_indexes(columns) + table.indexes
                mine = next((c for c in columns if c.call is call), None)
                return mine is None or _first_of_pk(indexes, (mine.name,))
            if isinstance(anc, ast.ClassDef):
                model = self.ctx.model_for_class(anc)
                mine = next((c for c in model.columns.values() if c.call is call), None)
                if mine is None and model.facts is not None:
                    mine = next((c for c in model.facts.columns.values() if c.call is call),
                                None)
                return mine is None or _first_of_pk(model.indexes, (mine.name, mine.attr))
        return True

    def _import_time_call(self, call: ast.Call) -> str | None:
        qualname = self.ctx.qualname(call.func)
        if qualname is None:
            return None
        module, _, func = qualname.rpartition(".")
        if (module, func) in _IMPORT_TIME_CALLS:
            return f"{module.rpartition('.')[2]}.{func}"
        return None

    def _label(self, call: ast.Call) -> str:
        """The column's name: first string argument, else the assigned attribute."""
        if call.args and isinstance(call.args[0], ast.Constant) and \
                isinstance(call.args[0].value, str):
            return call.args[0].value
        parent = self.ctx.parent(call)
        if isinstance(parent, ast.keyword):  # Field(sa_column=Column(...))
            parent = self.ctx.parent(self.ctx.parent(parent) or parent)
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and \
                isinstance(parent.targets[0], ast.Name):
            return parent.targets[0].id
        if isinstance(parent, ast.AnnAssign) and isinstance(parent.target, ast.Name):
            return parent.target.id
        func = self.ctx.enclosing_function(call)
        if isinstance(func, ast.FunctionDef) and isinstance(parent, ast.Return):
            return func.name  # @declared_attr
        return "<column>"

    def _type_expr(self, call: ast.Call, sqlmodel_field: bool) -> ast.expr | None:
        if sqlmodel_field:
            return keyword(call, "sa_type")
        explicit = keyword(call, "type_")
        if explicit is not None:
            return explicit
        args = list(call.args)
        if args and isinstance(args[0], ast.Constant):
            args = args[1:]
        return args[0] if args else None

    def _check_type(self, call: ast.Call, label: str, type_expr: ast.expr) -> None:
        target = type_expr.func if isinstance(type_expr, ast.Call) else type_expr
        qualname = self.ctx.qualname(target)
        if is_sa(qualname, *_TIMESTAMP_TYPES):
            tz = keyword(type_expr, "timezone") if isinstance(type_expr, ast.Call) else None
            if tz is None and isinstance(type_expr, ast.Call) and type_expr.args:
                tz = type_expr.args[0]
            if tz is None or literal_bool(tz) is False:
                self.report(DB104, call, label)
        elif is_sa(qualname, *_UNSIZED_STRING_TYPES):
            sized = isinstance(type_expr, ast.Call) and (
                type_expr.args or keyword(type_expr, "length") is not None)
            if not sized:
                self.report(DB105, call, label, (qualname or "").rpartition(".")[2])

    # -- class-level: DB104 for bare Mapped[datetime], DB112, DB113 --------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if self.ctx.is_migration:
            return
        model = self.ctx.model_for_class(node)
        if model.kind == "unknown" or model.facts is None:
            return
        declarative = model.kind in (MODEL, ABSTRACT, BASE) and not model.sqlmodel
        for col in model.facts.columns.values():
            if col.mapped and col.nullable is not None and not col.primary_key:
                self._nullability(col)
            if declarative and col.kind == "Column" and not model.facts.has_table:
                self.report(DB112, col.node, col.attr)
            if declarative and col.mapped and col.type_expr is None and \
                    self._is_datetime(col) and not _has_type_map(model):
                self.report(DB104, col.node, col.attr)
        if model.kind == MODEL and model.own_table and not model.sqlmodel and \
                not _has_type_map(model):
            # A plain mixin's bare Mapped[datetime] becomes a naive DateTime in the
            # models that use it (the mixin alone does not know their base).
            for col in model.inherited_columns(("mixin",)):
                if col.mapped and col.type_expr is None and self._is_datetime(col):
                    node = model.report_node(col, self.ctx.module)
                    if (id(col.node), id(node)) not in self._reported:
                        self._reported.add((id(col.node), id(node)))
                        self.report(DB104, node, col.attr)

    def _nullability(self, col: ColumnFacts) -> None:
        if col.optional is True and col.nullable is False:
            self.report(DB113, col.node, col.attr, "Optional", "False")
        elif col.optional is False and col.nullable is True:
            self.report(DB113, col.node, col.attr, "non-Optional", "True")

    def _is_datetime(self, col: ColumnFacts) -> bool:
        inner = col.annotation
        if inner is None:
            return False
        if isinstance(inner, ast.Subscript) or isinstance(inner, ast.BinOp):
            # Optional[datetime] / datetime | None
            parts = [inner.left, inner.right] if isinstance(inner, ast.BinOp) else [inner.slice]
            return any(self._names_datetime(col, p) for p in parts)
        return self._names_datetime(col, inner)

    def _names_datetime(self, col: ColumnFacts, node: ast.expr) -> bool:
        return col.module.qualname(node) == "datetime.datetime"


def _first_of_pk(indexes: list[IndexFacts], names: tuple[str, ...]) -> bool:
    """No primary key declaration puts another column before ``names``.

    An explicit ``PrimaryKeyConstraint`` replaces the order of the column flags.
    """
    keys = [ix for ix in indexes if ix.kind == "pk" and ix.columns]
    explicit = [ix for ix in keys if ix.origin != "column"]
    return all(ix.columns[0] in names for ix in explicit or keys)


def _has_type_map(model: ModelInfo) -> bool:
    """A base in the hierarchy sets ``type_annotation_map`` (or ``registry``)."""
    stack = list(model.ancestors)
    while stack:
        current = stack.pop()
        if current.facts is not None and current.facts.attributes & {"type_annotation_map",
                                                                     "registry"}:
            return True
        stack.extend(current.ancestors)
    return False
