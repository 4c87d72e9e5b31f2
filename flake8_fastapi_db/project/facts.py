"""Declarations of one class or ``Table``: columns, relationships, indexes.

Extraction is purely syntactic and local to the defining module; inheritance
and model-ness are decided in :mod:`.models`.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..names import is_sa, is_sqlmodel, keyword, literal_bool, literal_str
from .modules import ModuleSummary
from ..astwalk import walk

# Positional arguments of Column()/mapped_column() that are not the SQL type.
_NON_TYPE_ARGS = ("ForeignKey", "Sequence", "Identity", "Computed", "CheckConstraint",
                  "FetchedValue", "DefaultClause", "UniqueConstraint")
_COLUMN_CALLS = ("Column", "mapped_column")
# __table_args__ entries that declare no index.
_KNOWN_TABLE_ARGS = ("CheckConstraint", "ForeignKeyConstraint", "ExcludeConstraint",
                     "Computed", "Identity", "DDL", "event")
_WRAPPERS = ("deferred",)
_RELATIONSHIP_CALLS = ("relationship", "relation")
_COLLECTION_TYPES = frozenset({"list", "List", "set", "Set", "Sequence", "MutableSequence",
                               "Collection", "Iterable", "AbstractSet", "MutableSet",
                               "frozenset", "FrozenSet", "tuple", "Tuple", "dict", "Dict",
                               "Mapping", "MutableMapping", "WriteOnlyMapped",
                               "DynamicMapped", "InstrumentedList"})


@dataclass
class ForeignKeyFacts:
    target: str | None          # "users.id" when literal
    node: ast.AST
    ondelete: ast.expr | None


@dataclass
class ColumnFacts:
    attr: str
    name: str
    node: ast.AST               # where a finding about this column is reported
    call: ast.Call | None       # Column/mapped_column/Field/sa_column call
    kind: str                   # mapped_column | Column | field | annotation | table
    module: ModuleSummary
    annotation: ast.expr | None = None
    mapped: bool = False        # annotated Mapped[...]
    optional: bool | None = None  # nullability the annotation states
    type_expr: ast.expr | None = None
    foreign_keys: list[ForeignKeyFacts] = field(default_factory=list)
    primary_key: bool = False
    index: bool | None = None
    unique: bool | None = None
    nullable: bool | None = None
    nullable_node: ast.expr | None = None
    kwargs: dict[str, ast.expr] = field(default_factory=dict)
    owner: str = ""             # class (or table variable) that declares it
    # Declared through ``**kwargs`` or a project helper (``build_field(...)``):
    # its flags (index, unique, nullable, onupdate...) are not all visible.
    opaque: bool = False

    def kw(self, name: str) -> ast.expr | None:
        return self.kwargs.get(name)


@dataclass
class RelationshipFacts:
    attr: str
    node: ast.AST
    call: ast.Call
    module: ModuleSummary
    target: ast.expr | None     # first positional arg or annotation's inner type
    collection: bool | None
    kwargs: dict[str, ast.expr]
    owner: str = ""

    def kw(self, name: str) -> ast.expr | None:
        return self.kwargs.get(name)

    @property
    def lazy(self) -> str | None:
        value = self.kwargs.get("lazy")
        if value is None:
            return "select"
        text = literal_str(value)
        if text is not None:
            return text
        flag = literal_bool(value)
        if flag is True:
            return "select"
        if flag is False:
            return "joined"
        if isinstance(value, ast.Constant) and value.value is None:
            return "noload"
        return None  # not a literal: unknown

    @property
    def viewonly(self) -> bool:
        return literal_bool(self.kwargs.get("viewonly")) is True

    @property
    def target_name(self) -> str | None:
        """Class name (last dotted component) of the related class, if literal."""
        node = self.target
        if isinstance(node, ast.Lambda):
            node = node.body
        text = literal_str(node)
        if text is not None:
            text = text.strip()
            return text.rpartition(".")[2] if text.isidentifier() or "." in text else None
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            return node.attr
        return None


@dataclass
class IndexFacts:
    columns: tuple[str | None, ...]   # column names; None stands for an expression
    unique: bool
    kind: str                          # index | unique | pk
    node: ast.AST
    name: str | None = None
    partial: bool = False
    origin: str = "table_args"         # column | table_args | module | table
    module: ModuleSummary | None = None  # where it is declared

    @property
    def leading(self) -> str | None:
        return self.columns[0] if self.columns else None


@dataclass
class ClassFacts:
    name: str
    node: ast.ClassDef
    module: ModuleSummary
    tablename: str | None = None
    has_tablename: bool = False
    tablename_declared: bool = False      # via declared_attr: a name exists, value unknown
    has_table: bool = False               # __table__ = Table(...)
    abstract: bool = False
    table_kw: bool | None = None          # SQLModel table=True
    columns: dict[str, ColumnFacts] = field(default_factory=dict)
    relationships: dict[str, RelationshipFacts] = field(default_factory=dict)
    attributes: set[str] = field(default_factory=set)   # every name the body binds
    table_args: list[IndexFacts] | None = None          # None: not declared here
    table_args_opaque: bool = False
    table_indexes: list[IndexFacts] = field(default_factory=list)   # from __table__
    mapped_decorator: bool = False
    column_syntax: set[str] = field(default_factory=set)  # "Mapped", "Column"


def qual(module: ModuleSummary, node: ast.AST | None) -> str | None:
    return module.qualname(node) if node is not None else None


def _unwrap_annotation(module: ModuleSummary, ann: ast.expr | None) -> tuple[ast.expr | None, bool]:
    """(inner type, is Mapped) of ``Mapped[X]`` / ``X``; strings are parsed."""
    if ann is None:
        return None, False
    ann = _parse_string_annotation(ann)
    if isinstance(ann, ast.Subscript):
        outer = qual(module, ann.value)
        if is_sa(outer, "Mapped", "WriteOnlyMapped", "DynamicMapped"):
            return _parse_string_annotation(ann.slice), True
        if outer is None and isinstance(ann.value, ast.Name) and ann.value.id == "Mapped":
            return _parse_string_annotation(ann.slice), True
    return ann, False


def _parse_string_annotation(node: ast.expr) -> ast.expr:
    text = literal_str(node)
    if text is None:
        return node
    try:
        parsed = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError):
        return node
    ast.copy_location(parsed, node)
    for sub in walk(parsed):
        sub.lineno = getattr(node, "lineno", 1)
        sub.col_offset = getattr(node, "col_offset", 0)
    return parsed


def annotation_optional(module: ModuleSummary, inner: ast.expr | None) -> bool | None:
    """True for Optional[X] / X | None / Union[X, None]; False for plain X."""
    if inner is None:
        return None
    if isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.BitOr):
        parts = _union_parts(inner)
        return any(isinstance(p, ast.Constant) and p.value is None for p in parts)
    if isinstance(inner, ast.Subscript):
        name = qual(module, inner.value) or _plain_name(inner.value)
        tail = (name or "").rpartition(".")[2]
        if tail == "Optional":
            return True
        if tail == "Union":
            elts = inner.slice.elts if isinstance(inner.slice, ast.Tuple) else [inner.slice]
            return any(isinstance(e, ast.Constant) and e.value is None for e in elts)
        if tail == "Annotated":
            first = inner.slice.elts[0] if isinstance(inner.slice, ast.Tuple) else inner.slice
            return annotation_optional(module, first)
    if isinstance(inner, ast.Constant) and inner.value is None:
        return True
    return False


def _union_parts(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_union_parts(node.left), *_union_parts(node.right)]
    return [node]


def _plain_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def annotation_is_collection(module: ModuleSummary, inner: ast.expr | None) -> bool | None:
    if inner is None:
        return None
    if isinstance(inner, ast.Subscript):
        name = (qual(module, inner.value) or _plain_name(inner.value) or "").rpartition(".")[2]
        if name in ("Optional",):
            return False
        return name in _COLLECTION_TYPES
    if isinstance(inner, ast.BinOp):
        return False
    return False


def annotation_target(module: ModuleSummary, inner: ast.expr | None) -> ast.expr | None:
    """The related class inside ``list["Post"]`` / ``Optional[Post]`` / ``"Post"``."""
    if inner is None:
        return None
    if isinstance(inner, ast.Subscript):
        sl = inner.slice
        if isinstance(sl, ast.Tuple):
            sl = sl.elts[-1] if sl.elts else None
        return annotation_target(module, _parse_string_annotation(sl)) if sl is not None else None
    if isinstance(inner, ast.BinOp):
        for part in _union_parts(inner):
            if not (isinstance(part, ast.Constant) and part.value is None):
                return annotation_target(module, _parse_string_annotation(part))
        return None
    return inner


def _call_tail(module: ModuleSummary, call: ast.AST) -> str | None:
    """Library name of a SQLAlchemy/SQLModel call (``Column``), else None."""
    if not isinstance(call, ast.Call):
        return None
    qn = qual(module, call.func)
    if qn is None:
        return None
    if is_sa(qn, *_COLUMN_CALLS, *_WRAPPERS, *_RELATIONSHIP_CALLS, "Table", "Index",
             "UniqueConstraint", "PrimaryKeyConstraint", "ForeignKey", "ForeignKeyConstraint",
             "column_property", "synonym", "composite", "association_proxy", "query_expression",
             "Field", "Relationship"):
        return qn.rpartition(".")[2]
    return None


def column_from_call(module: ModuleSummary, attr: str, call: ast.Call, node: ast.AST,
                     owner: str) -> ColumnFacts | None:
    """Facts of ``Column(...)``/``mapped_column(...)``; None for other calls."""
    tail = _call_tail(module, call)
    if tail in _WRAPPERS and call.args and isinstance(call.args[0], ast.Call):
        return column_from_call(module, attr, call.args[0], node, owner)
    if tail not in _COLUMN_CALLS:
        return None
    col = ColumnFacts(attr=attr, name=attr, node=node, call=call,
                      kind="mapped_column" if tail == "mapped_column" else "Column",
                      module=module, owner=owner)
    args = list(call.args)
    if args and literal_str(args[0]) is not None:
        col.name = literal_str(args[0]) or attr
        args = args[1:]
    for arg in args:
        arg_tail = _arg_tail(module, arg)
        if arg_tail == "ForeignKey" and isinstance(arg, ast.Call):
            col.foreign_keys.append(_foreign_key(arg))
        elif arg_tail in _NON_TYPE_ARGS:
            continue
        elif col.type_expr is None:
            col.type_expr = arg
    for kw in call.keywords:
        if kw.arg is not None:
            col.kwargs[kw.arg] = kw.value
        else:
            col.opaque = True
    if col.type_expr is None and "type_" in col.kwargs:
        col.type_expr = col.kwargs["type_"]
    _apply_flags(col)
    return col


def _arg_tail(module: ModuleSummary, arg: ast.expr) -> str | None:
    if not isinstance(arg, ast.Call):
        return None
    qn = qual(module, arg.func)
    if qn is not None and is_sa(qn, *_NON_TYPE_ARGS):
        return qn.rpartition(".")[2]
    return None


def _foreign_key(call: ast.Call) -> ForeignKeyFacts:
    target = None
    if call.args:
        text = literal_str(call.args[0])
        if text is not None:
            target = text
        elif isinstance(call.args[0], ast.Attribute):
            # ForeignKey(User.id) / ForeignKey(users.c.id): keep "User.id" as written
            parts = []
            node: ast.expr = call.args[0]
            while isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            if isinstance(node, ast.Name):
                parts.append(node.id)
            target = ".".join(reversed(parts))
    return ForeignKeyFacts(target=target, node=call, ondelete=keyword(call, "ondelete"))


def _apply_flags(col: ColumnFacts) -> None:
    col.primary_key = literal_bool(col.kwargs.get("primary_key")) is True
    col.index = literal_bool(col.kwargs.get("index"))
    col.unique = literal_bool(col.kwargs.get("unique"))
    if "nullable" in col.kwargs:
        col.nullable_node = col.kwargs["nullable"]
        col.nullable = literal_bool(col.nullable_node)


def field_column(module: ModuleSummary, attr: str, call: ast.Call | None, node: ast.AST,
                 owner: str) -> ColumnFacts:
    """A SQLModel ``Field(...)`` (or bare annotation) of a ``table=True`` model."""
    col = ColumnFacts(attr=attr, name=attr, node=node, call=call, kind="field",
                      module=module, owner=owner)
    if call is None:
        col.kind = "annotation"
        return col
    fkw = {kw.arg: kw.value for kw in call.keywords if kw.arg is not None}
    sa_column = fkw.get("sa_column")
    if isinstance(sa_column, ast.Call):
        inner = column_from_call(module, attr, sa_column, node, owner)
        if inner is not None:
            inner.kind = "field"
            return inner
    col.kwargs = dict(fkw)
    col.opaque = any(kw.arg is None for kw in call.keywords)
    extra = fkw.get("sa_column_kwargs")
    if isinstance(extra, ast.Dict):
        for key, value in zip(extra.keys, extra.values):
            text = literal_str(key)
            if text is not None:
                col.kwargs[text] = value
            else:
                col.opaque = True  # {**common}
    elif extra is not None:
        col.opaque = True
    if isinstance(sa_column, ast.expr) and not isinstance(sa_column, ast.Call):
        col.opaque = True  # sa_column=SOME_COLUMN
    if "foreign_key" in fkw:
        col.foreign_keys.append(ForeignKeyFacts(literal_str(fkw["foreign_key"]), fkw["foreign_key"],
                                                fkw.get("ondelete")))
    col.type_expr = fkw.get("sa_type")
    _apply_flags(col)
    return col


def relationship_from_call(module: ModuleSummary, attr: str, call: ast.Call, node: ast.AST,
                           inner: ast.expr | None, owner: str) -> RelationshipFacts | None:
    tail = _call_tail(module, call)
    if tail not in (*_RELATIONSHIP_CALLS, "Relationship"):
        return None
    if tail == "Relationship" and not is_sqlmodel(qual(module, call.func), "Relationship"):
        return None
    kwargs = {kw.arg: kw.value for kw in call.keywords if kw.arg is not None}
    extra = kwargs.get("sa_relationship_kwargs")
    if isinstance(extra, ast.Dict):
        for key, value in zip(extra.keys, extra.values):
            text = literal_str(key)
            if text is not None:
                kwargs.setdefault(text, value)
    if tail == "Relationship":
        _sqlmodel_relationship_kwargs(kwargs)
    target = (call.args[0] if call.args and tail != "Relationship"
              else annotation_target(module, inner))
    collection = annotation_is_collection(module, inner)
    uselist = literal_bool(kwargs.get("uselist"))
    if uselist is not None:
        collection = uselist
    return RelationshipFacts(attr=attr, node=node, call=call, module=module, target=target,
                             collection=collection, kwargs=kwargs, owner=owner)


def _sqlmodel_relationship_kwargs(kwargs: dict[str, ast.expr]) -> None:
    """SQLModel's own ``Relationship()`` parameters, as the ``relationship()`` ones
    SQLModel turns them into: ``cascade_delete=True`` is ``cascade="all,
    delete-orphan"``, ``link_model=`` is ``secondary=``."""
    cascade_delete = kwargs.get("cascade_delete")
    if cascade_delete is not None and "cascade" not in kwargs:
        flag = literal_bool(cascade_delete)
        if flag is not False:  # True, or an expression: unknown, so not "no delete"
            kwargs["cascade"] = ast.copy_location(
                ast.Constant("all, delete-orphan" if flag else None), cascade_delete)
    link_model = kwargs.get("link_model")
    if link_model is not None:
        kwargs.setdefault("secondary", link_model)


def is_declared_attr(module: ModuleSummary, func: ast.FunctionDef) -> bool:
    """``@declared_attr`` / ``@declared_attr.directive``: the one kind of method whose
    body says something about the model (its columns, ``__table_args__``...)."""
    return any(is_sa(qual(module, d.func if isinstance(d, ast.Call) else d), "declared_attr",
                     "directive") or (isinstance(d, ast.Attribute) and d.attr == "directive")
               for d in func.decorator_list)


def _declared_attr_return(module: ModuleSummary, func: ast.FunctionDef) -> ast.expr | None:
    """The returned expression of a ``@declared_attr`` function with one return."""
    if not is_declared_attr(module, func):
        return None
    returns = [s for s in walk(func) if isinstance(s, ast.Return)]
    if len(returns) != 1:
        return None
    return returns[0].value


def extract_class(module: ModuleSummary, node: ast.ClassDef, sqlmodel_table: bool) -> ClassFacts:
    """Syntactic declarations of a class body.

    ``sqlmodel_table``: bare annotations are columns (SQLModel ``table=True``).
    """
    facts = ClassFacts(name=node.name, node=node, module=module)
    for kw in node.keywords:
        if kw.arg == "table":
            facts.table_kw = literal_bool(kw.value)
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Attribute) and target.attr in ("mapped", "mapped_as_dataclass"):
            facts.mapped_decorator = True
    for stmt in node.body:
        _extract_stmt(module, facts, stmt, sqlmodel_table)
    return facts


def _extract_stmt(module: ModuleSummary, facts: ClassFacts, stmt: ast.stmt,
                  sqlmodel_table: bool) -> None:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        facts.attributes.add(stmt.name)
        if isinstance(stmt, ast.FunctionDef):
            value = _declared_attr_return(module, stmt)
            if value is not None:
                _extract_value(module, facts, stmt.name, value, stmt, None, sqlmodel_table,
                               declared=True)
        return
    if isinstance(stmt, ast.Assign):
        for target in stmt.targets:
            if isinstance(target, ast.Name):
                _extract_value(module, facts, target.id, stmt.value, stmt, None, sqlmodel_table)
        return
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        _extract_value(module, facts, stmt.target.id, stmt.value, stmt, stmt.annotation,
                       sqlmodel_table)


def _is_classvar(module: ModuleSummary, ann: ast.expr | None) -> bool:
    if ann is None:
        return False
    ann = _parse_string_annotation(ann)
    target = ann.value if isinstance(ann, ast.Subscript) else ann
    name = qual(module, target) or _plain_name(target) or ""
    return name.rpartition(".")[2] in ("ClassVar", "Final")


def _extract_value(module: ModuleSummary, facts: ClassFacts, attr: str, value: ast.expr | None,
                   stmt: ast.stmt, ann: ast.expr | None, sqlmodel_table: bool,
                   declared: bool = False) -> None:
    facts.attributes.add(attr)
    if attr.startswith("__") and attr.endswith("__"):
        _extract_dunder(module, facts, attr, value, declared)
        return
    if _is_classvar(module, ann):
        return
    inner, mapped = _unwrap_annotation(module, ann)
    if isinstance(value, ast.Call):
        col = column_from_call(module, attr, value, stmt, facts.name)
        if col is not None:
            col.annotation, col.mapped = inner, mapped
            col.optional = annotation_optional(module, inner) if ann is not None else None
            facts.columns[attr] = col
            facts.column_syntax.add("Mapped" if mapped else "Column")
            return
        rel = relationship_from_call(module, attr, value, stmt, inner, facts.name)
        if rel is not None:
            facts.relationships[attr] = rel
            return
        if sqlmodel_table and is_sqlmodel(qual(module, value.func), "Field"):
            col = field_column(module, attr, value, stmt, facts.name)
            col.annotation = inner
            col.optional = annotation_optional(module, inner)
            facts.columns[attr] = col
            return
    if value is None and ann is not None:
        if mapped:
            col = ColumnFacts(attr=attr, name=attr, node=stmt, call=None, kind="annotation",
                              module=module, annotation=inner, mapped=True,
                              optional=annotation_optional(module, inner), owner=facts.name)
            facts.columns[attr] = col
            facts.column_syntax.add("Mapped")
        elif sqlmodel_table and not attr.startswith("_"):
            col = field_column(module, attr, None, stmt, facts.name)
            col.annotation = inner
            col.optional = annotation_optional(module, inner)
            facts.columns[attr] = col
        return
    if sqlmodel_table and ann is not None and value is not None and not attr.startswith("_"):
        # ``name: str = "default"``: a SQLModel column with a plain default.
        col = field_column(module, attr, None, stmt, facts.name)
        col.kind = "field"
        # ``= build_foreign_key_field(...)``: a helper returns the Field.
        col.opaque = isinstance(value, ast.Call)
        col.annotation = inner
        col.optional = annotation_optional(module, inner)
        facts.columns[attr] = col


def _extract_dunder(module: ModuleSummary, facts: ClassFacts, attr: str, value: ast.expr | None,
                    declared: bool) -> None:
    if attr == "__tablename__":
        facts.has_tablename = True
        if declared:
            facts.tablename_declared = True
        else:
            facts.tablename = literal_str(value)
            if facts.tablename is None:
                facts.tablename_declared = True
    elif attr == "__abstract__":
        facts.abstract = literal_bool(value) is True
    elif attr == "__table__":
        facts.has_table = True
        if isinstance(value, ast.Call) and _call_tail(module, value) == "Table":
            table = extract_table(module, facts.name, value)
            facts.tablename = table.tablename
            facts.has_tablename = True
            facts.columns.update(table.columns)
            facts.table_indexes = table.indexes
    elif attr == "__table_args__":
        facts.table_args, facts.table_args_opaque = _table_args(module, value)


def _table_args(module: ModuleSummary, value: ast.expr | None) -> tuple[list[IndexFacts], bool]:
    if isinstance(value, ast.Dict):
        return [], False
    if not isinstance(value, (ast.Tuple, ast.List)):
        return [], True
    out: list[IndexFacts] = []
    opaque = False
    for item in value.elts:
        if isinstance(item, ast.Dict):
            continue
        if isinstance(item, ast.Starred):
            opaque = True
            continue
        dialect_only = False
        if isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute) and \
                item.func.attr == "ddl_if" and isinstance(item.func.value, ast.Call):
            item, dialect_only = item.func.value, True  # Index(...).ddl_if(dialect=...)
        facts = index_from_call(module, item, "table_args")
        if facts is not None:
            # An index that exists on one dialect only is never compared (DB117).
            facts.partial = facts.partial or dialect_only
            out.append(facts)
        elif not isinstance(item, ast.Call) or qual(module, item.func) is None or \
                not is_sa(qual(module, item.func), *_KNOWN_TABLE_ARGS):
            # A project helper (``build_index(...)``) may return an index.
            opaque = True
    return out, opaque


def _column_ref(node: ast.expr) -> str | None:
    """Column name in an index definition: "email", email, User.email, t.c.email."""
    text = literal_str(node)
    if text is not None:
        return text if text.replace("_", "a").isalnum() or text.isidentifier() else None
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, (ast.Name, ast.Attribute)):
        return node.attr
    return None


def index_from_call(module: ModuleSummary, item: ast.expr, origin: str) -> IndexFacts | None:
    tail = _call_tail(module, item)
    if tail not in ("Index", "UniqueConstraint", "PrimaryKeyConstraint"):
        return None
    assert isinstance(item, ast.Call)
    args = list(item.args)
    name: str | None = literal_str(keyword(item, "name"))
    if tail == "Index":
        if not args:
            return None
        name = literal_str(args[0])
        args = args[1:]
    cols = tuple(_column_ref(a) for a in args)
    partial = any(kw.arg is not None and kw.arg.endswith("_where") for kw in item.keywords)
    # Another access method (GIN, hash) or operator classes: a different index, never
    # compared with a plain B-tree one (DB117), though it still indexes the column.
    partial = partial or any(
        kw.arg is not None and kw.arg.endswith(("_using", "_ops")) and
        (literal_str(kw.value) or "").lower() != "btree" for kw in item.keywords)
    if tail == "Index":
        unique = literal_bool(keyword(item, "unique")) is True
        kind = "unique" if unique else "index"
    else:
        unique = True
        kind = "unique" if tail == "UniqueConstraint" else "pk"
    return IndexFacts(columns=cols, unique=unique, kind=kind, node=item, name=name,
                      partial=partial, origin=origin, module=module)


@dataclass
class TableFacts:
    """A ``Table("name", metadata, Column(...), ...)`` declaration."""

    tablename: str | None
    node: ast.Call
    module: ModuleSummary
    columns: dict[str, ColumnFacts] = field(default_factory=dict)
    indexes: list[IndexFacts] = field(default_factory=list)


def extract_table(module: ModuleSummary, owner: str, call: ast.Call) -> TableFacts:
    table = TableFacts(tablename=literal_str(call.args[0]) if call.args else None,
                       node=call, module=module)
    for arg in call.args[1:]:
        if not isinstance(arg, ast.Call):
            continue
        col = column_from_call(module, "", arg, arg, owner)
        if col is not None:
            col.attr = col.name
            col.kind = "table"
            table.columns[col.name] = col
            continue
        idx = index_from_call(module, arg, "table")
        if idx is not None:
            table.indexes.append(idx)
    return table


def column_level_indexes(columns: list[ColumnFacts],
                         table_columns: list[ColumnFacts] | None = None) -> list[IndexFacts]:
    """Indexes that column flags create: PK (composite in order), unique, index.

    ``table_columns``: the columns of the table itself when ``columns`` also
    holds a joined-inheritance parent's (they form the primary key).
    """
    out: list[IndexFacts] = []
    pk = [c for c in (columns if table_columns is None else table_columns) if c.primary_key]
    if pk:
        out.append(IndexFacts(columns=tuple(c.name for c in pk), unique=True, kind="pk",
                              node=pk[0].node, origin="column", module=pk[0].module))
    for col in columns:
        # unique=True with index=True is one unique index in SQLAlchemy, not two.
        if col.unique or col.index:
            out.append(IndexFacts(columns=(col.name,), unique=bool(col.unique),
                                  kind="unique" if col.unique else "index",
                                  node=col.node, origin="column", module=col.module))
    return out


def is_call_to(module: ModuleSummary, node: ast.AST, *names: str) -> bool:
    return isinstance(node, ast.Call) and is_sa(qual(module, node.func), *names)
