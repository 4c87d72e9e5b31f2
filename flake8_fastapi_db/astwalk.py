"""Fast replacements for ``ast.iter_child_nodes`` and ``ast.walk``.

The rules walk function bodies many times per file; the standard helpers go
through two generators per node (``iter_fields`` and ``iter_child_nodes``) and
visit the shared singleton nodes of expression contexts and operators
(``Load``, ``Add``, ``Eq``...). These read each node type's fields once per
process and skip the singletons: no rule looks for them by walking (they are
read as attributes, ``node.ctx``, ``node.ops``). Same nodes, same order
otherwise.
"""
from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator, Sequence

# Fields holding only shared singleton nodes (expr_context, operators).
SINGLETON_FIELDS = frozenset(("ctx", "op", "ops"))
# Fields the grammar gives an identifier, constant, flag or type comment: never a
# node. Leaving them out makes ``Name`` and ``Constant`` (two nodes in five) leaves
# without a field to read. By type name, so that a type one Python lacks costs nothing.
SCALAR_FIELDS: dict[str, frozenset[str]] = {
    name: frozenset(fields) for name, fields in {
        "Name": ("id",), "Constant": ("value", "kind"), "Attribute": ("attr",),
        "alias": ("name", "asname"), "arg": ("arg", "type_comment"), "keyword": ("arg",),
        "FunctionDef": ("name", "type_comment"), "AsyncFunctionDef": ("name", "type_comment"),
        "ClassDef": ("name",), "ImportFrom": ("module", "level"), "Global": ("names",),
        "Nonlocal": ("names",), "ExceptHandler": ("name",), "FormattedValue": ("conversion",),
        "comprehension": ("is_async",), "AnnAssign": ("simple",),
        "Assign": ("type_comment",), "For": ("type_comment",), "AsyncFor": ("type_comment",),
        "With": ("type_comment",), "AsyncWith": ("type_comment",),
        "MatchSingleton": ("value",), "MatchStar": ("name",), "MatchAs": ("name",),
        "MatchMapping": ("rest",), "MatchClass": ("kwd_attrs",), "TypeIgnore": ("lineno", "tag"),
    }.items()}
# node type -> names of the fields that may hold child nodes (per process).
CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
# node type -> the same with the singleton fields kept (per process).
ALL_FIELDS: dict[type, tuple[str, ...]] = {}
# What a node without children records: shared, like every recorded list read-only.
NO_CHILDREN: tuple[ast.AST, ...] = ()

_AST = ast.AST
_NOTHING: frozenset[str] = frozenset()


def child_fields(node_type: type, singletons: bool = False) -> tuple[str, ...]:
    """Fields of ``node_type`` that may hold nodes; ``singletons``: the singletons'
    fields too (for checkers that visit ``Load``, ``Add``...)."""
    cache = ALL_FIELDS if singletons else CHILD_FIELDS
    fields = cache.get(node_type)
    if fields is None:
        left_out = SCALAR_FIELDS.get(node_type.__name__, _NOTHING)
        if not singletons:
            left_out = left_out | SINGLETON_FIELDS
        fields = cache[node_type] = tuple(
            name for name in node_type._fields if name not in left_out)
    return fields


# Children of every node of the file being checked, recorded by the runner's one walk
# and forgotten when the file is released: the rules walk function bodies again and
# again, and reading the fields of each node anew was a tenth of the plugin's time.
RECORDED: dict[ast.AST, Sequence[ast.AST]] = {}


def child_nodes(node: ast.AST) -> Sequence[ast.AST]:
    """Direct children in field order, like ``ast.iter_child_nodes`` minus singletons.

    The sequence may be shared (``RECORDED``): callers must not change it."""
    known = RECORDED.get(node)
    if known is not None:
        return known
    fields = CHILD_FIELDS.get(type(node))
    if fields is None:
        fields = child_fields(type(node))
    out: list[ast.AST] = []
    for name in fields:
        value = getattr(node, name, None)
        if type(value) is list:
            for item in value:
                if isinstance(item, _AST):
                    out.append(item)
        elif isinstance(value, _AST):
            out.append(value)
    return out


def walk(node: ast.AST) -> Iterator[ast.AST]:
    """Breadth-first, like ``ast.walk`` (``node`` itself first)."""
    todo = deque((node,))
    pop, extend = todo.popleft, todo.extend
    while todo:
        current = pop()
        extend(child_nodes(current))
        yield current


# Fields that hold statements (or the handlers/cases that hold them).
_BLOCK_FIELDS = frozenset(("body", "orelse", "handlers", "finalbody", "cases"))
# node type -> its block fields in field order (per process).
_BLOCKS: dict[type, tuple[str, ...]] = {}


def statement_children(node: ast.AST) -> list[ast.AST]:
    """The statements (and except handlers, match cases) directly under ``node``,
    in field order; expressions are not entered."""
    node_type = type(node)
    fields = _BLOCKS.get(node_type)
    if fields is None:
        fields = _BLOCKS[node_type] = tuple(
            name for name in node_type._fields if name in _BLOCK_FIELDS)
    out: list[ast.AST] = []
    for name in fields:
        value = getattr(node, name, None)
        if type(value) is list:
            out.extend(value)
    return out


def walk_statements(node: ast.AST) -> Iterator[ast.AST]:
    """The statements under ``node`` (with the except handlers and match cases between
    them), in the order ``walk`` would yield them, without entering expressions.

    Statements only ever nest in these blocks, so this finds every function and
    class definition for a fraction of a full walk.
    """
    todo = deque((node,))
    pop, extend = todo.popleft, todo.extend
    while todo:
        current = pop()
        extend(statement_children(current))
        yield current
