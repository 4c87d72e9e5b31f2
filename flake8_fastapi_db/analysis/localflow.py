"""Which definition of a local name reaches a use, inside one function (or module).

Deliberately simple: the definition that ends last, in source order, before the
use. Control flow is not modelled; a name bound by something other than an
assignment, a ``for`` target or a comprehension target (parameter, ``with ...
as``, import, ``except ... as``) has an *opaque* definition and callers stay
silent about it.
"""
from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

from .scopewalk import COMPREHENSIONS, own_nodes, parameters
from ..astwalk import walk

Scope = Union[ast.Module, ast.FunctionDef, ast.AsyncFunctionDef]

ASSIGN = "assign"      # name = value (value is the whole right-hand side)
ELEMENT = "element"    # a, b = value: ``index`` says which element
LOOP = "loop"          # for name in value / comprehension target
OPAQUE = "opaque"      # parameter, with-as, import, except-as, augmented, global...


@dataclass(frozen=True)
class Definition:
    kind: str
    value: ast.expr | None     # right-hand side / loop iterable
    node: ast.AST              # the binding statement, For, or comprehension
    end: tuple[int, int]       # the definition takes effect after this position
    index: int | None = None   # position in a tuple target (ELEMENT, LOOP over rows)


def _end(node: ast.AST) -> tuple[int, int]:
    return (getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0)


def _start(node: ast.AST) -> tuple[int, int]:
    return (getattr(node, "lineno", 0) or 0, getattr(node, "col_offset", 0) or 0)


class LocalFlow:
    """Definitions of every local name of one scope, in source order."""

    def __init__(self, scope: ast.AST) -> None:
        self.scope = scope
        self.defs: dict[str, list[Definition]] = {}
        self.loads: dict[str, list[ast.Name]] = {}
        for arg in parameters(scope):
            self._add(arg.arg, Definition(OPAQUE, None, arg, (0, 0)))
        # Dispatch on the exact node type: most nodes bind nothing, and each of
        # them would otherwise go through the whole chain of isinstance tests.
        loads = self.loads
        recorders = _RECORDERS
        for node in own_nodes(scope):
            node_type = type(node)
            if node_type is ast.Name:
                if type(node.ctx) is ast.Load:
                    found = loads.get(node.id)
                    if found is None:
                        loads[node.id] = [node]
                    else:
                        found.append(node)
                continue
            recorder = recorders.get(node_type)
            if recorder is not None:
                recorder(self, node)
        for items in self.defs.values():
            items.sort(key=lambda d: d.end)

    def _add(self, name: str, definition: Definition) -> None:
        self.defs.setdefault(name, []).append(definition)

    def _bind_target(self, target: ast.expr, kind: str, value: ast.expr | None,
                     node: ast.AST, end: tuple[int, int]) -> None:
        if isinstance(target, ast.Name):
            self._add(target.id, Definition(kind, value, node, end))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for i, elt in enumerate(target.elts):
                if isinstance(elt, ast.Name):
                    sub = ELEMENT if kind == ASSIGN else kind
                    self._add(elt.id, Definition(sub, value, node, end, index=i))
                else:
                    self._bind_target(elt, OPAQUE, None, node, end)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, OPAQUE, None, node, end)

    def _assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._bind_target(target, ASSIGN, node.value, node, _end(node))

    def _ann_assign(self, node: ast.AnnAssign) -> None:
        if isinstance(node.target, ast.Name) and node.value is not None:
            self._add(node.target.id, Definition(ASSIGN, node.value, node, _end(node)))

    def _aug_assign(self, node: ast.AugAssign) -> None:
        if isinstance(node.target, ast.Name):
            self._add(node.target.id, Definition(OPAQUE, None, node, _end(node)))

    def _named_expr(self, node: ast.NamedExpr) -> None:
        self._add(node.target.id, Definition(ASSIGN, node.value, node, _end(node)))

    def _loop(self, node: ast.For | ast.AsyncFor | ast.comprehension) -> None:
        self._bind_target(node.target, LOOP, node.iter, node, _end(node.target))

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                self._bind_target(item.optional_vars, OPAQUE, None, node,
                                  _end(item.optional_vars))

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            name = (alias.asname or alias.name).partition(".")[0]
            self._add(name, Definition(OPAQUE, None, node, _end(node)))

    def _except(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self._add(node.name, Definition(OPAQUE, None, node, _start(node)))

    def _global(self, node: ast.Global | ast.Nonlocal) -> None:
        for name in node.names:
            self._add(name, Definition(OPAQUE, None, node, (0, 0)))

    def _definition(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self._add(node.name, Definition(OPAQUE, None, node, _start(node)))

    def reaching(self, name: ast.Name) -> Definition | None:
        """The definition of ``name`` in effect at its position; None if unbound here."""
        # A comprehension target shadows everything for the comprehension's elements.
        comp = self._comprehension_def(name)
        if comp is not None:
            return comp
        items = self.defs.get(name.id)
        if not items:
            return None
        where = _start(name)
        best: Definition | None = None
        for definition in items:
            if isinstance(definition.node, ast.comprehension):
                continue
            if definition.end <= where:
                best = definition
        if best is None and any(d.kind == OPAQUE and d.end == (0, 0) for d in items):
            return next(d for d in items if d.end == (0, 0))
        return best

    def _comprehension_def(self, name: ast.Name) -> Definition | None:
        for definition in self.defs.get(name.id, ()):
            node = definition.node
            if isinstance(node, ast.comprehension) and self._inside_comprehension(name, node):
                return definition
        return None

    def _inside_comprehension(self, name: ast.Name, gen: ast.comprehension) -> bool:
        owner = self._owners().get(id(gen))
        if owner is None or name is gen.target:
            return False
        # Elements, conditions and later generators see the target; the first iterable does not.
        if gen.iter is not None and _contains(gen.iter, name):
            return False
        return _contains(owner, name)

    def _owners(self) -> dict[int, ast.AST]:
        cached = getattr(self, "_owner_cache", None)
        if cached is None:
            cached = {}
            for node in own_nodes(self.scope):
                if isinstance(node, COMPREHENSIONS):
                    for gen in node.generators:
                        cached[id(gen)] = node
            self._owner_cache = cached
        return cached

    def uses_after(self, name: str, position: tuple[int, int]) -> list[ast.Name]:
        return [n for n in self.loads.get(name, ()) if _start(n) > position]


# node type -> how it binds names (Name loads are handled inline).
_RECORDERS: dict[type, Callable[[LocalFlow, Any], None]] = {
    ast.Assign: LocalFlow._assign,
    ast.AnnAssign: LocalFlow._ann_assign,
    ast.AugAssign: LocalFlow._aug_assign,
    ast.NamedExpr: LocalFlow._named_expr,
    ast.For: LocalFlow._loop,
    ast.AsyncFor: LocalFlow._loop,
    ast.comprehension: LocalFlow._loop,
    ast.With: LocalFlow._with,
    ast.AsyncWith: LocalFlow._with,
    ast.Import: LocalFlow._import,
    ast.ImportFrom: LocalFlow._import,
    ast.ExceptHandler: LocalFlow._except,
    ast.Global: LocalFlow._global,
    ast.Nonlocal: LocalFlow._global,
    ast.FunctionDef: LocalFlow._definition,
    ast.AsyncFunctionDef: LocalFlow._definition,
    ast.ClassDef: LocalFlow._definition,
}


def _contains(tree: ast.AST, target: ast.AST) -> bool:
    return any(node is target for node in walk(tree))


def names_in(tree: ast.AST) -> set[str]:
    return {n.id for n in walk(tree) if isinstance(n, ast.Name)}
