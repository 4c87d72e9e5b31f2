"""One module's top-level symbol table, built from its ``ast`` tree.

The same summary serves the file flake8 is checking (built from the tree
flake8 hands over) and every other project module the index parses from disk,
so a fact is derived the same way wherever it is looked up.
"""
from __future__ import annotations

import ast
import pickle
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from ..names import DB_LIBRARY_MARKERS, ImportMap, dotted

_D = TypeVar("_D", ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
DEFINITIONS = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def is_main_guard(stmt: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` holds script code, not module scope."""
    if not isinstance(stmt, ast.If) or not isinstance(stmt.test, ast.Compare):
        return False
    test = stmt.test
    names = [test.left, *test.comparators]
    return any(isinstance(n, ast.Name) and n.id == "__name__" for n in names) and any(
        isinstance(n, ast.Constant) and n.value == "__main__" for n in names
    )


def module_statements(tree: ast.Module) -> list[ast.stmt]:
    """Statements that run at import time at module scope (if/try bodies flattened)."""
    out: list[ast.stmt] = []
    stack: list[ast.stmt] = list(reversed(tree.body))
    while stack:
        stmt = stack.pop()
        if is_main_guard(stmt):
            continue
        if isinstance(stmt, ast.If):
            stack.extend(reversed([*stmt.body, *stmt.orelse]))
            continue
        if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            blocks = [*stmt.body, *stmt.orelse, *stmt.finalbody]  # type: ignore[attr-defined]
            for handler in stmt.handlers:  # type: ignore[attr-defined]
                blocks.extend(handler.body)
            stack.extend(reversed(blocks))
            continue
        out.append(stmt)
    return out


def definitions(tree: ast.Module) -> list[ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef]:
    """The top-level classes and functions, in ``module_statements`` order."""
    return [stmt for stmt in module_statements(tree) if isinstance(stmt, DEFINITIONS)]


class StoredBody(list):  # type: ignore[type-arg]
    """The body of a top-level class or function of a stored module, still pickled.

    Another module's file mostly needs a few of its definitions (the models a query
    names, one session factory), so a stored module comes back with its definitions'
    bodies left as bytes; ``Definitions`` loads a body when it hands the definition
    out. To anything else it is an empty list."""

    def __init__(self, blob: bytes) -> None:
        super().__init__()
        self.blob = blob


def load_body(node: _D) -> _D:
    body = node.body
    if type(body) is StoredBody:
        node.body = pickle.loads(body.blob)
    return node


class Definitions(dict):  # type: ignore[type-arg]
    """name -> definition, for a summary whose definitions may have stored bodies:
    every way of getting a definition out loads its body first."""

    def __getitem__(self, name: str) -> ast.AST:
        return load_body(dict.__getitem__(self, name))

    def get(self, name: str, default: object = None) -> object:  # type: ignore[override]
        node = dict.get(self, name)
        return default if node is None else load_body(node)

    def values(self):  # type: ignore[no-untyped-def]
        return [load_body(node) for node in dict.values(self)]

    def items(self):  # type: ignore[no-untyped-def]
        return [(name, load_body(node)) for name, node in dict.items(self)]


class ModuleSummary:
    """Top-level facts of one module: imports, classes, functions, assignments.

    ``imports``: the module's import map when already known (a stored module's,
    read from its whole tree before its bodies were stored). ``stored``: the tree's
    definitions may have stored bodies (``StoredBody``)."""

    def __init__(self, name: str, tree: ast.Module, path: Path | None = None,
                 is_package: bool = False, source: str | None = None,
                 mentions: bool | None = None, imports: ImportMap | None = None,
                 stored: bool = False) -> None:
        self.name = name
        self.tree = tree
        self.path = path
        self.is_package = is_package
        self.imports = imports if imports is not None else ImportMap(name, is_package, tree.body)
        self.classes: dict[str, ast.ClassDef] = Definitions() if stored else {}
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = \
            Definitions() if stored else {}
        # name -> value of its module-level assignment; several assignments of
        # one name make it ambiguous, which is recorded as None.
        self.assigns: dict[str, ast.expr | None] = {}
        self.annotations: dict[str, ast.expr] = {}
        self.toplevel_calls: list[ast.Call] = []
        # Decided now so the (large) source text is not kept alive with the summary;
        # ``mentions`` is that answer for a tree stored without its source.
        self._mentions = (any(marker in source for marker in DB_LIBRARY_MARKERS)
                          if source is not None else mentions)
        for stmt in module_statements(tree):
            self._record(stmt)

    def _record(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.ClassDef):
            self.classes[stmt.name] = stmt
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.functions[stmt.name] = stmt
        elif isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                for name in _target_names(target):
                    self._bind(name, stmt.value if isinstance(target, ast.Name) else None)
            if isinstance(stmt.value, ast.Call):
                self.toplevel_calls.append(stmt.value)
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            self.annotations[stmt.target.id] = stmt.annotation
            if stmt.value is not None:
                self._bind(stmt.target.id, stmt.value)
                if isinstance(stmt.value, ast.Call):
                    self.toplevel_calls.append(stmt.value)
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            self.toplevel_calls.append(stmt.value)

    def _bind(self, name: str, value: ast.expr | None) -> None:
        if name in self.assigns:
            self.assigns[name] = None
        else:
            self.assigns[name] = value

    @cached_property
    def mentions_db_library(self) -> bool:
        if self._mentions is not None:
            return self._mentions
        return self.imports.imports_any(DB_LIBRARY_MARKERS)

    def defines(self, name: str) -> bool:
        return name in self.classes or name in self.functions or name in self.assigns

    def qualname(self, node: ast.AST) -> str | None:
        """Import-qualified name of a Name/Attribute chain as seen from this module."""
        if isinstance(node, ast.Subscript):
            node = node.value
        name = dotted(node)
        if name is None:
            return None
        head, dot, rest = name.partition(".")
        target = self.imports.names.get(head)
        if target is None:
            if self.defines(head):
                target = f"{self.name}.{head}" if self.name else head
            else:
                return None
        return f"{target}{dot}{rest}"


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        out: list[str] = []
        for elt in target.elts:
            out.extend(_target_names(elt))
        return out
    return []
