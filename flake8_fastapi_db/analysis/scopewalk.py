"""The nodes that belong to one scope: what the local analyses walk.

``localflow`` (which definition reaches a use), ``bindings`` (every value a
name may hold) and the session layer (``flow.local_nodes``) answer different
questions over the same walk, so the walk and the parameter list live here once.
"""
from __future__ import annotations

import ast
import weakref

from ..astwalk import RECORDED, child_nodes

NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_NESTED = frozenset(NESTED_SCOPES)
_COMPREHENSION_TYPES = frozenset(COMPREHENSIONS)


def scope_nodes(scope: ast.AST, *, comprehensions: bool = False) -> list[ast.AST]:
    """Nodes of ``scope``'s own body in source order, not entering nested functions,
    classes or lambdas (their decorators do run in this scope).

    Comprehensions bind their own names: unless ``comprehensions`` is true only
    their first iterable, which is evaluated in this scope, is entered.
    """
    body = getattr(scope, "body", None)
    stack: list[ast.AST] = list(reversed(body)) if isinstance(body, list) else []
    return _collect(stack, decorators=True, comprehensions=comprehensions)


# scope -> ``own_nodes(scope)``; an entry goes with its tree (weak keys). A function's
# flow, its returns and the session layer (``flow.function_nodes``) read one walk.
_OWN_NODES: weakref.WeakKeyDictionary[ast.AST, list[ast.AST]] = weakref.WeakKeyDictionary()


def own_nodes(scope: ast.AST) -> list[ast.AST]:
    """Nodes of ``scope``'s body, comprehensions included (their targets are
    definitions here), not entering nested functions/classes/lambdas. Read-only."""
    found = _OWN_NODES.get(scope)
    if found is None:
        found = _OWN_NODES[scope] = scope_nodes(scope, comprehensions=True)
    return found


def _collect(stack: list[ast.AST], *, decorators: bool, comprehensions: bool) -> list[ast.AST]:
    """Pre-order walk of ``stack`` (top last) that stops at nested scopes.

    A hot loop (every local flow and session scope goes through it): it builds a
    list rather than yielding per node."""
    out: list[ast.AST] = []
    add, pop, extend = out.append, stack.pop, stack.extend
    recorded = RECORDED.get   # what ``child_nodes`` reads first, without the call
    while stack:
        node = pop()
        add(node)
        node_type = type(node)
        if node_type in _NESTED:
            if decorators and node_type is not ast.Lambda:
                extend(reversed(node.decorator_list))  # type: ignore[attr-defined]
            continue
        if not comprehensions and node_type in _COMPREHENSION_TYPES:
            stack.append(node.generators[0].iter)  # type: ignore[attr-defined]
            continue
        children = recorded(node)
        if children is None:
            children = child_nodes(node)
        if children:
            extend(reversed(children))
    return out


def body_nodes(body: list[ast.stmt]) -> list[ast.AST]:
    """Nodes of a statement list, comprehensions included, not entering nested
    functions, classes or lambdas (nor their decorators)."""
    return _collect(list(reversed(body)), decorators=False, comprehensions=True)


def parameters(scope: ast.AST) -> list[ast.arg]:
    """Every parameter of a function; none for other scopes."""
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    args = scope.args
    return [*args.posonlyargs, *args.args, *args.kwonlyargs,
            *([args.vararg] if args.vararg else []), *([args.kwarg] if args.kwarg else [])]
