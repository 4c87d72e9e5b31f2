"""The fast walkers visit exactly what the standard ``ast`` helpers visit."""
from __future__ import annotations

import ast
import sysconfig
from pathlib import Path

import pytest

from flake8_fastapi_db.analysis.flow import function_nodes, local_nodes
from flake8_fastapi_db.analysis.scopewalk import own_nodes, scope_nodes
from flake8_fastapi_db.astwalk import SCALAR_FIELDS, child_nodes, walk, walk_statements

HERE = Path(__file__).parent
_SINGLETONS = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
_STDLIB = Path(sysconfig.get_paths()["stdlib"])
# Modules with every statement kind between them: try/except*, match, with, async.
_SOURCES = sorted((HERE / "eval_files").glob("*.py"))[:40] + [
    p for p in (_STDLIB / "ast.py", _STDLIB / "asyncio" / "taskgroups.py",
                _STDLIB / "json" / "decoder.py", _STDLIB / "tarfile.py") if p.exists()]

_MATCH_AND_TRY_STAR = '''
def f(x):
    match x:
        case [a, *_] if a:
            def in_case(): pass
        case _:
            try:
                pass
            except ValueError as e:
                class InHandler: pass
            else:
                def in_else(): pass
            finally:
                async def in_finally(): pass
'''

_DECORATED_INNER = '''
def outer(items):
    @cache(size=len(items))
    def inner(x):
        return [y for y in x]

    @dataclass
    class Row:
        pass

    return inner(items), Row
'''


def _trees() -> list[ast.AST]:
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in _SOURCES]
    trees.append(ast.parse(_MATCH_AND_TRY_STAR))
    trees.append(ast.parse(_DECORATED_INNER))
    return trees


@pytest.mark.parametrize("tree", _trees())
def test_walk_yields_ast_walk_order_without_the_singleton_nodes(tree: ast.AST) -> None:
    expected = [n for n in ast.walk(tree) if not isinstance(n, _SINGLETONS)]
    assert [id(n) for n in walk(tree)] == [id(n) for n in expected]


@pytest.mark.parametrize("tree", _trees())
def test_child_nodes_match_iter_child_nodes_without_the_singletons(tree: ast.AST) -> None:
    for node in ast.walk(tree):
        expected = [c for c in ast.iter_child_nodes(node) if not isinstance(c, _SINGLETONS)]
        assert [id(c) for c in child_nodes(node)] == [id(c) for c in expected]


def test_the_fields_left_out_are_real_fields_of_real_node_types() -> None:
    # A misspelt name would leave nothing out, silently.
    for type_name, fields in SCALAR_FIELDS.items():
        assert fields <= set(getattr(ast, type_name)._fields), type_name


@pytest.mark.parametrize("tree", _trees())
def test_the_fields_left_out_never_hold_a_node(tree: ast.AST) -> None:
    for node in ast.walk(tree):
        for field in SCALAR_FIELDS.get(type(node).__name__, ()):
            value = getattr(node, field, None)
            assert not any(isinstance(v, ast.AST)
                           for v in (value if isinstance(value, list) else [value]))


@pytest.mark.parametrize("tree", _trees())
def test_walk_statements_is_the_statement_part_of_walk_in_the_same_order(
        tree: ast.AST) -> None:
    blocks = (ast.stmt, ast.excepthandler, ast.match_case, ast.Module)
    expected = [n for n in ast.walk(tree) if isinstance(n, blocks)]
    found = list(walk_statements(tree))
    assert [id(n) for n in found] == [id(n) for n in expected]
    assert len(found) > 1


def test_walk_statements_finds_definitions_nested_in_handlers_and_cases() -> None:
    names = {n.name for n in walk_statements(ast.parse(_MATCH_AND_TRY_STAR))
             if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    assert names == {"f", "in_case", "InHandler", "in_else", "in_finally"}


@pytest.mark.parametrize("tree", _trees())
def test_shared_walks_give_what_their_own_walk_would(tree: ast.AST) -> None:
    # function_nodes reuses own_nodes' list unless a nested definition is decorated.
    functions = [n for n in ast.walk(tree)
                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for func in functions:
        assert [id(n) for n in own_nodes(func)] == \
            [id(n) for n in scope_nodes(func, comprehensions=True)]
        assert [id(n) for n in function_nodes(func)] == [id(n) for n in local_nodes(func.body)]


def test_decorators_of_nested_definitions_are_the_function_s_own_nodes_only() -> None:
    outer = ast.parse(_DECORATED_INNER).body[0]
    decorator_calls = {id(n) for n in ast.walk(outer) if isinstance(n, ast.Call)
                       and isinstance(n.func, ast.Name) and n.func.id == "cache"}
    assert decorator_calls <= {id(n) for n in own_nodes(outer)}
    assert not decorator_calls & {id(n) for n in function_nodes(outer)}
