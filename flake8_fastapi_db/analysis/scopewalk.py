"""The nodes that belong to one scope: what both local analyses walk.

``localflow`` (which definition reaches a use) and ``bindings`` (every value a
name may hold) answer different questions over the same walk, so the walk and
the parameter list live here once.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from ..astwalk import child_nodes

NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def scope_nodes(scope: ast.AST, *, comprehensions: bool = False) -> Iterator[ast.AST]:
    """Nodes of ``scope``'s own body in source order, not entering nested functions,
    classes or lambdas (their decorators do run in this scope).

    Comprehensions bind their own names: unless ``comprehensions`` is true only
    their first iterable, which is evaluated in this scope, is entered.
    """
    body = getattr(scope, "body", None)
    stack: list[ast.AST] = list(reversed(body)) if isinstance(body, list) else []
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, NESTED_SCOPES):
            if not isinstance(node, ast.Lambda):
                stack.extend(reversed(node.decorator_list))
            continue
        if not comprehensions and isinstance(node, COMPREHENSIONS):
            stack.append(node.generators[0].iter)
            continue
        stack.extend(reversed(child_nodes(node)))


def parameters(scope: ast.AST) -> list[ast.arg]:
    """Every parameter of a function; none for other scopes."""
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    args = scope.args
    return [*args.posonlyargs, *args.args, *args.kwonlyargs,
            *([args.vararg] if args.vararg else []), *([args.kwarg] if args.kwarg else [])]
