"""Where a local name gets its value: the bindings of a name in one scope.

Flow-insensitive on purpose, with one restriction: only bindings that appear
before the use are considered (a later rebinding cannot have produced the
value). A name bound by anything but a plain assignment, an augmented
assignment or a ``for`` loop is reported as ``other`` so that callers can stay
silent about it.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Union

from .scopewalk import parameters, scope_nodes
from ..astwalk import walk

Scope = Union[ast.Module, ast.FunctionDef, ast.AsyncFunctionDef]

PARAM = "param"          # a parameter of the function: a value from the caller
ASSIGN = "assign"        # name = value / name: T = value
AUGMENT = "augment"      # name op= value
LOOP = "loop"            # for name in value
IMPORT = "import"        # import / from-import: ask the project index
ELEMENT = "element"      # name.append(v) / .add / .insert / .extend / .update / name[k] = v

_ADDING_METHODS = frozenset({"append", "add", "insert", "extend", "update", "appendleft",
                             "setdefault"})
OTHER = "other"          # import, with-as, except-as, unpacking, walrus, del, global ...


@dataclass(frozen=True)
class Binding:
    kind: str
    value: ast.expr | None   # assigned value / augmented operand / loop iterable
    node: ast.AST            # the statement (or argument) that binds
    op: ast.operator | None = None
    # For ``for a, b in it``: the position of the name in the target tuple.
    index: int | None = None


def _position(node: ast.AST) -> tuple[int, int]:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


class ScopeBindings:
    """Bindings of every name in one scope, computed once."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.names: dict[str, list[Binding]] = {}
        self.declared_global: set[str] = set()
        for arg in parameters(scope):
            self._add(arg.arg, Binding(PARAM, None, arg))
        for node in scope_nodes(scope):
            self._record(node)

    def _add(self, name: str, binding: Binding) -> None:
        self.names.setdefault(name, []).append(binding)

    def _record(self, node: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self._add(target.id, Binding(ASSIGN, node.value, node))
                elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    self._add(target.value.id, Binding(ELEMENT, node.value, node))
                else:
                    self._other_targets(target, node)
        elif isinstance(node, ast.AnnAssign):
            if isinstance(node.target, ast.Name):
                if node.value is not None:
                    self._add(node.target.id, Binding(ASSIGN, node.value, node))
        elif isinstance(node, ast.AugAssign):
            if isinstance(node.target, ast.Name):
                self._add(node.target.id, Binding(AUGMENT, node.value, node, node.op))
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            if isinstance(node.target, ast.Name):
                self._add(node.target.id, Binding(LOOP, node.iter, node))
            elif isinstance(node.target, ast.Tuple) and all(
                    isinstance(e, ast.Name) for e in node.target.elts):
                names = [e.id for e in node.target.elts if isinstance(e, ast.Name)]
                for index, name in enumerate(names):
                    self._add(name, Binding(LOOP, node.iter, node, index=index))
            else:
                self._other_targets(node.target, node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self._add(node.name, Binding(OTHER, None, node))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                name = alias.asname or alias.name.partition(".")[0]
                self._add(name, Binding(IMPORT, None, node))
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            self.declared_global.update(node.names)
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            self._add(node.target.id, Binding(OTHER, node.value, node))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self._add(node.name, Binding(OTHER, None, node))
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            self._other_targets(node.optional_vars, node)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.attr in _ADDING_METHODS:
            # The added value is the last argument (insert(i, v), setdefault(k, v)).
            value = node.args[-1] if node.args else None
            if value is None or isinstance(value, ast.Starred) or node.keywords:
                self._add(node.func.value.id, Binding(OTHER, None, node))
            else:
                self._add(node.func.value.id, Binding(ELEMENT, value, node))
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                self._other_targets(target, node)

    def _other_targets(self, target: ast.AST, node: ast.AST) -> None:
        for sub in walk(target):
            if isinstance(sub, ast.Name):
                self._add(sub.id, Binding(OTHER, None, node))

    def of(self, name: str, before: ast.AST | None = None) -> list[Binding] | None:
        """Bindings of ``name`` here (only those before ``before``), or None if
        this scope does not bind the name at all."""
        found = self.names.get(name)
        if found is None or name in self.declared_global:
            return None
        if before is None:
            return list(found)
        limit = _position(before)
        return [b for b in found if b.kind == PARAM or _position(b.node) < limit]


class Scopes:
    """Per-file cache of ScopeBindings, keyed by scope node."""

    def __init__(self) -> None:
        self._cache: dict[int, ScopeBindings] = {}

    def bindings(self, scope: Scope) -> ScopeBindings:
        found = self._cache.get(id(scope))
        if found is None or found.scope is not scope:
            found = ScopeBindings(scope)
            self._cache[id(scope)] = found
        return found


def scope_chain(ancestors: list[ast.AST], module: ast.Module) -> list[Scope]:
    """Scopes whose names a node can see, innermost first (class bodies excluded,
    as Python excludes them from the scopes of their methods)."""
    chain: list[Scope] = [a for a in ancestors
                          if isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef))]
    chain.append(module)
    return chain


def lookup(scopes: Scopes, chain: list[Scope], name: str,
           before: ast.AST | None) -> tuple[int, list[tuple[int, Binding]]] | None:
    """Index in ``chain`` of the scope that binds ``name``, and its bindings, each
    with the index of the scope it appears in (in the innermost scope only those
    before ``before``). Inner scopes that only add elements to the name
    (``name.append(v)``) contribute their ELEMENT bindings. None if no scope of
    the file binds it (imported elsewhere, builtin or undefined)."""
    extra: list[tuple[int, Binding]] = []
    for i, scope in enumerate(chain):
        found = scopes.bindings(scope).of(name, before if i == 0 else None)
        if found is None:
            continue
        if found and all(b.kind == ELEMENT for b in found):
            extra.extend((i, b) for b in found)
            continue
        return i, [(i, b) for b in found] + extra
    return None
