"""Just enough control flow for transaction rules: loops, exclusive branches, exits.

Works on the checked file's parent map (``ctx.parents``), so it is used from a
checker's ``end()`` (or from a visit of a node whose ancestors are known).
"""
from __future__ import annotations

import ast
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING
from .scopewalk import body_nodes, own_nodes

if TYPE_CHECKING:
    from ..context import FileContext

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
LOOPS = (ast.For, ast.AsyncFor, ast.While)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_EXITS = (ast.Return, ast.Raise)

# One step of a path from a function down to a node: (owner, field, index).
Slot = tuple[ast.AST, str, int]


def ancestors_within(ctx: FileContext, node: ast.AST, func: ast.AST) -> Iterator[ast.AST]:
    """Ancestors of ``node`` up to (not including) ``func``."""
    for anc in ctx.ancestors(node):
        if anc is func:
            return
        yield anc


def is_forever(loop: ast.AST) -> bool:
    """``while True:`` / ``while 1:`` — a service loop, not a loop over rows."""
    return isinstance(loop, ast.While) and isinstance(loop.test, ast.Constant) \
        and bool(loop.test.value)


def enclosing_loop(ctx: FileContext, node: ast.AST, func: ast.AST) -> ast.AST | None:
    """The innermost loop or comprehension, inside ``func``, whose body holds ``node``."""
    child: ast.AST = node
    grandchild: ast.AST | None = None
    for anc in ancestors_within(ctx, node, func):
        if isinstance(anc, (ast.For, ast.AsyncFor, ast.While)) and child in anc.body:
            return anc
        if isinstance(anc, COMPREHENSIONS):
            # The first iterable is evaluated once, before the comprehension loops.
            first = anc.generators[0]
            if not (child is first and grandchild is first.iter):
                return anc
        grandchild, child = child, anc
    return None


def _slot(owner: ast.AST, child: ast.AST) -> tuple[str, int]:
    for field, value in ast.iter_fields(owner):
        if isinstance(value, list):
            for index, item in enumerate(value):
                if item is child:
                    return field, index
        elif value is child:
            return field, 0
    return "", 0


def path_from(ctx: FileContext, node: ast.AST, func: ast.AST) -> list[Slot]:
    """Slots from ``func`` down to ``node``: where each step sits in its owner."""
    out: list[Slot] = []
    child = node
    for anc in ctx.ancestors(node):
        field, index = _slot(anc, child)
        out.append((anc, field, index))
        if anc is func:
            break
        child = anc
    out.reverse()
    return out


def _try_part(field: str, index: int) -> tuple[str, int]:
    return (field, index) if field == "handlers" else (field, 0)


def _exclusive_at(owner: ast.AST, first: tuple[str, int], second: tuple[str, int]) -> bool:
    if isinstance(owner, (ast.If, ast.IfExp)):
        return first[0] != second[0] and {first[0], second[0]} <= {"body", "orelse"}
    if isinstance(owner, ast.Try) or type(owner).__name__ == "TryStar":
        a, b = _try_part(*first), _try_part(*second)
        if a == b or "finalbody" in (a[0], b[0]):
            return False
        return {a[0], b[0]} != {"body", "orelse"}
    if isinstance(owner, ast.Match):
        return first[0] == second[0] == "cases" and first[1] != second[1]
    return False


def _exits_after(owner: ast.AST, field: str, index: int, stop: int | None = None) -> bool:
    """An unconditional return/raise follows position ``index`` in the block."""
    block = getattr(owner, field, None)
    if not isinstance(block, list):
        return False
    following = block[index + 1: stop]
    return any(isinstance(stmt, _EXITS) for stmt in following)


def mutually_exclusive(ctx: FileContext, first: ast.AST, second: ast.AST,
                       func: ast.AST) -> bool:
    """Can ``second`` never run after ``first`` (``first`` earlier in the source)?

    True when they sit in different branches of one ``if``/``match``, in a
    ``try`` body and one of its handlers (or two handlers), or when an
    unconditional ``return``/``raise`` follows ``first`` before the branches meet.
    """
    path_a, path_b = path_from(ctx, first, func), path_from(ctx, second, func)
    depth = 0
    while depth < min(len(path_a), len(path_b)) and path_a[depth] == path_b[depth]:
        depth += 1
    if depth >= min(len(path_a), len(path_b)):
        return False
    owner_a, field_a, index_a = path_a[depth]
    owner_b, field_b, index_b = path_b[depth]
    if owner_a is not owner_b:
        return False
    if _exclusive_at(owner_a, (field_a, index_a), (field_b, index_b)):
        return True
    # Early exit on the way from ``first`` up to where the two paths meet.
    if field_a == field_b and _exits_after(owner_a, field_a, index_a, index_b):
        return True
    for owner, field, index in path_a[depth + 1:]:
        if _exits_after(owner, field, index):
            return True
    return False


def leaves_loop_after(ctx: FileContext, node: ast.AST, loop: ast.AST) -> bool:
    """Once ``node``'s statement completes, the loop is left unconditionally: a
    ``break``/``return`` follows it in its block or in any enclosing block up to
    the loop, or it sits in a ``try`` body whose ``else`` breaks (a retry loop:
    ``try: commit() except IntegrityError: continue else: break``)."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.Try) and child in anc.body and \
                any(isinstance(stmt, (ast.Break, ast.Return)) for stmt in anc.orelse):
            return True
        for field in ("body", "orelse", "finalbody"):
            block = getattr(anc, field, None)
            if isinstance(block, list) and child in block:
                following = block[block.index(child) + 1:]
                if any(isinstance(stmt, (ast.Break, ast.Return)) for stmt in following):
                    return True
        if anc is loop:
            return False
        child = anc
    return False


def local_nodes(body: list[ast.stmt]) -> list[ast.AST]:
    """Nodes of a body, not descending into nested functions, lambdas or classes."""
    return body_nodes(body)


# Nested definitions: their decorators run in the enclosing function.
_DEFINITIONS = frozenset((ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))

# function node -> its local nodes; an entry goes with its tree (weak keys), so
# functions of cached project modules keep theirs across files.
_FUNCTION_NODES: weakref.WeakKeyDictionary[ast.AST, list[ast.AST]] = \
    weakref.WeakKeyDictionary()


def function_nodes(func: FunctionNode) -> list[ast.AST]:
    """``local_nodes(func.body)``, walked once per function: the session layer and
    several transaction rules read the same bodies. Read-only."""
    found = _FUNCTION_NODES.get(func)
    if found is None:
        # The function's own nodes are those, plus the decorators of nested
        # definitions: shared with its flow unless there are such decorators.
        own = own_nodes(func)
        found = _FUNCTION_NODES[func] = own if not any(
            type(n) in _DEFINITIONS and n.decorator_list for n in own  # type: ignore[attr-defined]
        ) else local_nodes(func.body)
    return found
