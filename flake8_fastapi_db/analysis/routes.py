"""Routes and what they answer: HTTP method, response type, schemas, pagination.

Builds on ``ctx.route(func)`` (which recognises path operations) and resolves
Pydantic/SQLModel schema classes and dependency classes/functions across the
project's modules, never into a library.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..context import Route, literal_strings
from ..names import family, is_fastapi, keyword, last
from ..project.index import CLASSES_OR_VALUES, Symbol
from ..project.modules import ModuleSummary
from ..astwalk import walk

if TYPE_CHECKING:
    from ..context import FileContext

COLLECTION_TYPES = frozenset({"list", "List", "Sequence", "set", "Set", "tuple", "Tuple",
                              "Iterable", "Collection", "FrozenSet", "frozenset"})
_WRAPPERS = frozenset({"Optional", "Annotated"})
BOUND_KEYWORDS = ("le", "lt")
SIZE_PARAMS = ("limit", "page_size", "per_page", "size")
_INT_NAMES = frozenset({"int", "conint", "PositiveInt", "NonNegativeInt", "StrictInt",
                        "NegativeInt", "NonPositiveInt"})
_MAX_DEPTH = 8


def http_method(route: Route) -> str | None:
    """get/post/...; for ``api_route`` the literal ``methods=`` decide (GET wins)."""
    if route.method != "api_route":
        return route.method
    methods = literal_strings(keyword(route.decorator, "methods"))
    if methods is None:
        return None if keyword(route.decorator, "methods") is not None else "get"
    lowered = [m.lower() for m in methods]
    return "get" if "get" in lowered else (lowered[0] if lowered else None)


def response_annotation(route: Route) -> tuple[ast.expr | None, bool]:
    """(the declared response type, declared?) — ``response_model=`` first, then
    the return annotation. ``response_model=None`` counts as declared-nothing."""
    model = keyword(route.decorator, "response_model")
    if model is not None:
        if isinstance(model, ast.Constant) and model.value is None:
            return None, True
        return model, True
    returns = route.func.returns
    if returns is not None:
        return _parse_string(returns), True
    return None, False


def _parse_string(node: ast.expr) -> ast.expr:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            return ast.parse(node.value.strip(), mode="eval").body
        except SyntaxError:
            return node
    return node


def type_name(module: ModuleSummary, node: ast.expr) -> str | None:
    """Last component of a type's (qualified) name: ``List``, ``Page``, ``UserOut``."""
    target = node.value if isinstance(node, ast.Subscript) else node
    qn = module.qualname(target)
    if qn is not None:
        return last(qn)
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return None


def _slice_items(node: ast.Subscript) -> list[ast.expr]:
    sl = node.slice
    return list(sl.elts) if isinstance(sl, ast.Tuple) else [sl]


def unwrap(module: ModuleSummary, node: ast.expr | None) -> tuple[ast.expr | None, bool]:
    """(element type, is a collection) of ``list[X]``, ``Optional[list[X]]``, ``X | None``."""
    collection = False
    for _ in range(_MAX_DEPTH):
        if node is None:
            return None, collection
        node = _parse_string(node)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            parts = [p for p in (node.left, node.right)
                     if not (isinstance(p, ast.Constant) and p.value is None)]
            if len(parts) != 1:
                return None, collection
            node = parts[0]
            continue
        if isinstance(node, ast.Subscript):
            name = type_name(module, node)
            items = _slice_items(node)
            if name in _WRAPPERS or name == "Union":
                kept = [i for i in items if not (isinstance(i, ast.Constant) and i.value is None)]
                if name == "Annotated":
                    kept = items[:1]
                if len(kept) != 1:
                    return None, collection
                node = kept[0]
                continue
            if name in COLLECTION_TYPES and not collection:
                collection = True
                node = items[0]
                continue
            return node, collection
        return node, collection
    return None, collection


def is_page_type(ctx: FileContext, node: ast.expr | None) -> bool:
    """fastapi-pagination's ``Page[X]`` & co, or a project class named ``*Page``."""
    if node is None:
        return False
    node = _parse_string(node)
    target = node.value if isinstance(node, ast.Subscript) else node
    qn = ctx.qualname(target)
    if qn is not None and family(qn) == "fastapi_pagination":
        return True
    name = type_name(ctx.module, node) or ""
    return name.endswith("Page") or name.endswith("Paginated") or name.startswith("Paginated")


def calls_paginate(func: ast.AST) -> bool:
    for node in walk(func):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else (
                node.func.id if isinstance(node.func, ast.Name) else "")
            if name in ("paginate", "apaginate"):
                return True
    return False


# -- classes: schemas and dependency models ------------------------------------
@dataclass
class FieldInfo:
    name: str
    node: ast.AST                   # the AnnAssign (or parameter)
    annotation: ast.expr | None
    default: ast.expr | None
    module: ModuleSummary


@dataclass
class ClassFields:
    symbol: Symbol
    fields: dict[str, FieldInfo] = field(default_factory=dict)
    complete: bool = True           # every base was followed


def resolve_class(ctx: FileContext, module: ModuleSummary, node: ast.expr | None) -> Symbol | None:
    if node is None:
        return None
    target = node.value if isinstance(node, ast.Subscript) else node
    qn = module.qualname(target)
    if qn is None or family(qn) is not None:
        return None
    symbol = ctx.project.follow_alias(ctx.project.resolve(qn, want=CLASSES_OR_VALUES))
    if symbol is None or not isinstance(symbol.node, ast.ClassDef):
        return None
    return symbol


def class_fields(ctx: FileContext, symbol: Symbol, depth: int = 0) -> ClassFields:
    """Annotated class-body names, own and inherited from project bases."""
    out = ClassFields(symbol)
    cls = symbol.node
    assert isinstance(cls, ast.ClassDef)
    if depth < _MAX_DEPTH:
        for base in reversed(cls.bases):
            base_symbol = resolve_class(ctx, symbol.module, base)
            if base_symbol is None:
                qn = symbol.module.qualname(base.value if isinstance(base, ast.Subscript)
                                            else base)
                if family(qn) is None:
                    out.complete = False
                continue
            inherited = class_fields(ctx, base_symbol, depth + 1)
            out.fields.update(inherited.fields)
            out.complete = out.complete and inherited.complete
    for stmt in cls.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            name = stmt.target.id
            if name.startswith("_") or _is_classvar(stmt.annotation):
                continue
            out.fields[name] = FieldInfo(name, stmt, stmt.annotation, stmt.value, symbol.module)
    return out


def _is_classvar(annotation: ast.expr) -> bool:
    target = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in ("ClassVar", "Final")


# -- parameters and dependencies -------------------------------------------------
def _depends_call(module: ModuleSummary, node: ast.expr | None) -> ast.Call | None:
    if isinstance(node, ast.Call) and is_fastapi(module.qualname(node.func), "Depends"):
        return node
    return None


def dependency_of(module: ModuleSummary, annotation: ast.expr | None,
                  default: ast.expr | None) -> tuple[ast.expr | None, bool]:
    """(the dependency callable expression, is a dependency) of a parameter.

    ``p: Model = Depends()`` and ``Annotated[Model, Depends()]`` give ``Model``.
    """
    call = _depends_call(module, default)
    annotated_type = annotation
    if call is None and isinstance(annotation, ast.Subscript) and \
            type_name(module, annotation) == "Annotated":
        items = _slice_items(annotation)
        annotated_type = items[0] if items else None
        for item in items[1:]:
            call = _depends_call(module, item)
            if call is not None:
                break
    if call is None:
        return None, False
    target = call.args[0] if call.args else keyword(call, "dependency")
    if target is None:
        target = annotated_type
    return target, True


@dataclass
class Param:
    name: str
    node: ast.arg
    annotation: ast.expr | None
    default: ast.expr | None


def params(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[Param]:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults.extend(args.defaults)
    out = [Param(a.arg, a, a.annotation, d) for a, d in zip(positional, defaults)]
    out.extend(Param(a.arg, a, a.annotation, d) for a, d in zip(args.kwonlyargs,
                                                                args.kw_defaults))
    return [p for p in out if p.name not in ("self", "cls")]


@dataclass
class DependencyFields:
    """Names a dependency contributes (parameters of a function, fields of a class)."""

    names: dict[str, FieldInfo]
    owner: Symbol | None              # None when not resolved


def dependency_fields(ctx: FileContext, module: ModuleSummary,
                      target: ast.expr | None) -> DependencyFields:
    if target is None:
        return DependencyFields({}, None)
    if isinstance(target, ast.Call):
        target = target.func
    qn = module.qualname(target.value if isinstance(target, ast.Subscript) else target)
    if qn is not None and family(qn) is not None:
        return DependencyFields({}, Symbol(module, qn, target))   # a library class
    symbol = ctx.project.follow_alias(ctx.project.resolve(qn)) if qn else None
    if symbol is None:
        return DependencyFields({}, None)
    if isinstance(symbol.node, ast.ClassDef):
        init = next((s for s in symbol.node.body if isinstance(s, ast.FunctionDef) and
                     s.name == "__init__"), None)
        if init is not None:
            return DependencyFields(_param_fields(symbol.module, init), symbol)
        return DependencyFields(class_fields(ctx, symbol).fields, symbol)
    if isinstance(symbol.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return DependencyFields(_param_fields(symbol.module, symbol.node), symbol)
    return DependencyFields({}, None)


def _param_fields(module: ModuleSummary,
                  func: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, FieldInfo]:
    return {p.name: FieldInfo(p.name, p.node, p.annotation, p.default, module)
            for p in params(func)}


def has_pagination(ctx: FileContext, route: Route) -> bool | None:
    """True: a pagination parameter or dependency; None: a dependency that cannot be
    resolved (it might paginate); False: neither."""
    wanted = set(ctx.settings.pagination_params)
    unknown = False
    for param in params(route.func):
        if param.name in wanted:
            return True
        target, is_dep = dependency_of(ctx.module, param.annotation, param.default)
        if not is_dep:
            continue
        deps = dependency_fields(ctx, ctx.module, target)
        if deps.owner is None:
            unknown = True
        elif wanted & set(deps.names):
            return True
    return None if unknown else False


# -- upper bounds ------------------------------------------------------------------
def _has_bound(node: ast.expr | None) -> bool:
    if node is None:
        return False
    for sub in walk(node):
        if isinstance(sub, ast.Call):
            if any(kw.arg in BOUND_KEYWORDS or kw.arg is None for kw in sub.keywords):
                return True
            name = sub.func.attr if isinstance(sub.func, ast.Attribute) else getattr(
                sub.func, "id", "")
            if name in ("Le", "Lt", "Interval", "Len", "MaxLen"):
                return True
    return False


def is_int_like(module: ModuleSummary, annotation: ast.expr | None,
                default: ast.expr | None) -> bool:
    if annotation is not None:
        inner, collection = unwrap(module, annotation)
        if collection or inner is None:
            return False
        if isinstance(inner, ast.Call):
            inner = inner.func
        return type_name(module, inner) in _INT_NAMES
    value = default
    if isinstance(value, ast.Call) and value.args:
        value = value.args[0]
    return isinstance(value, ast.Constant) and type(value.value) is int


def upper_bounded(info: FieldInfo) -> bool:
    """Bounded, or computed by code the rule does not see (``LimitBody()``,
    ``Depends(get_limit)``): only a visible, boundless declaration is unbounded."""
    if _has_bound(info.annotation) or _has_bound(info.default):
        return True
    for node in (info.default, *_annotated_extras(info.annotation)):
        if isinstance(node, ast.Call):
            qn = info.module.qualname(node.func)
            if family(qn) is None or is_fastapi(qn, "Depends", "Security"):
                return True
    return False


def _annotated_extras(annotation: ast.expr | None) -> list[ast.expr]:
    if isinstance(annotation, ast.Subscript):
        items = _slice_items(annotation)
        return items[1:]
    return []


def clamped_in_body(func: ast.AST, name: str,
                    functions: dict[str, ast.AST] | None = None, depth: int = 0) -> bool:
    """``min(limit, MAX)`` / ``min(max(limit, 1), MAX)`` or ``if limit > MAX`` in the
    function's body, or ``limit`` handed to a function of the same module (``functions``)
    whose parameter is clamped there (a ``_paged(stmt, limit=limit)`` helper)."""
    for node in walk(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id == "min" and any(_clamp_operand(a, name) for a in node.args):
            return True
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            left, op, right = node.left, node.ops[0], node.comparators[0]
            if isinstance(left, ast.Name) and left.id == name and isinstance(op, (ast.Gt,
                                                                                  ast.GtE)):
                return True
            if isinstance(right, ast.Name) and right.id == name and isinstance(op, (ast.Lt,
                                                                                    ast.LtE)):
                return True
        if isinstance(node, ast.Compare) and len(node.ops) == 2 and isinstance(
                node.comparators[0], ast.Name) and node.comparators[0].id == name:
            return True   # 1 <= limit <= 100
        if functions and depth < 2 and isinstance(node, ast.Call) and \
                isinstance(node.func, ast.Name) and node.func.id in functions:
            callee = functions[node.func.id]
            for param in _receiving_params(node, callee, name):
                if clamped_in_body(callee, param, functions, depth + 1):
                    return True
    return False


def _clamp_operand(node: ast.expr, name: str) -> bool:
    """``limit`` itself or ``max(limit, 1)`` (a lower clamp inside the upper one)."""
    if isinstance(node, ast.Name):
        return node.id == name
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
        node.func.id == "max" and any(_clamp_operand(a, name) for a in node.args)


def _receiving_params(call: ast.Call, callee: ast.AST, name: str) -> list[str]:
    """Parameters of ``callee`` that receive the local ``name`` in ``call``."""
    args = getattr(callee, "args", None)
    if args is None:
        return []
    positional = [a.arg for a in [*args.posonlyargs, *args.args]]
    out = [kw.arg for kw in call.keywords
           if kw.arg is not None and isinstance(kw.value, ast.Name) and kw.value.id == name]
    for i, arg in enumerate(call.args):
        if isinstance(arg, ast.Name) and arg.id == name and i < len(positional):
            out.append(positional[i])
    return out
