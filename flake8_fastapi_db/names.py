"""Local names -> import-qualified names, and the library alias table.

A name imported from a library is identified by its import-qualified public
name. SQLAlchemy re-exports most names from several places
(``sqlalchemy.Column``, ``sqlalchemy.schema.Column``, ``sqlmodel.Column``), so
library names are matched by their package family and last component, never
by inferring into the library.
"""
from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

# Package families: the first component of a qualified name -> family.
# sqlmodel re-exports SQLAlchemy's core names (select, Column, Session, ...).
_FAMILIES: dict[str, str] = {
    "sqlalchemy": "sqlalchemy",
    "sqlmodel": "sqlalchemy",
    "fastapi": "fastapi",
    "starlette": "fastapi",
    "alembic": "alembic",
    "pydantic": "pydantic",
    "fastapi_pagination": "fastapi_pagination",
}

# Libraries the plugin never parses or infers into.
LIBRARY_ROOTS: frozenset[str] = frozenset(
    {"sqlalchemy", "sqlmodel", "fastapi", "starlette", "alembic", "pydantic",
     "pydantic_core", "fastapi_pagination", "typing", "typing_extensions"}
)

# Text markers of a file that can concern the data layer at all.
DB_LIBRARY_MARKERS: tuple[str, ...] = ("sqlalchemy", "sqlmodel", "fastapi", "alembic")


def family(qualname: str | None) -> str | None:
    """The library family of a qualified name, or None for non-library names."""
    if not qualname:
        return None
    return _FAMILIES.get(qualname.partition(".")[0])


def last(qualname: str) -> str:
    return qualname.rpartition(".")[2]


def is_lib(qualname: str | None, fam: str, *names: str) -> bool:
    """True if ``qualname`` is one of ``names`` exported by library family ``fam``."""
    # ``family`` and ``last`` written out: rules ask this for most calls of a file.
    return bool(qualname) and qualname.rpartition(".")[2] in names and \
        _FAMILIES.get(qualname.partition(".")[0]) == fam  # type: ignore[union-attr]


def is_sa(qualname: str | None, *names: str) -> bool:
    # ``is_lib`` written out, for the same reason.
    return bool(qualname) and qualname.rpartition(".")[2] in names and \
        _FAMILIES.get(qualname.partition(".")[0]) == "sqlalchemy"  # type: ignore[union-attr]


def is_fastapi(qualname: str | None, *names: str) -> bool:
    return is_lib(qualname, "fastapi", *names)


def is_sqlmodel(qualname: str | None, *names: str) -> bool:
    if not qualname or qualname.partition(".")[0] != "sqlmodel":
        return False
    return last(qualname) in names


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str | None:
    """Absolute module name of ``from <level dots><target> import ...``."""
    if level == 0:
        return target
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    if level - 1 > len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    if target:
        base = [*base, *target.split(".")]
    return ".".join(base) if base else None


_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
# statement type -> which of _BLOCK_FIELDS it has (most have none).
_BLOCKS: dict[type, tuple[str, ...]] = {}


def iter_statements(body: Iterable[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included, without descending into expressions."""
    stack = list(body)[::-1]
    while stack:
        stmt = stack.pop()
        yield stmt
        fields = _BLOCKS.get(type(stmt))
        if fields is None:
            fields = _BLOCKS[type(stmt)] = tuple(
                f for f in _BLOCK_FIELDS if f in type(stmt)._fields)
        if not fields:
            continue
        nested: list[ast.stmt] = []
        for field in fields:
            value = getattr(stmt, field, None)
            if not value:
                continue
            for child in value:
                if isinstance(child, ast.stmt):
                    nested.append(child)
                else:  # ExceptHandler / match_case carry their own bodies
                    nested.extend(getattr(child, "body", ()))
        stack.extend(reversed(nested))


class ImportMap:
    """Maps local names bound by imports to qualified names.

    Module-level bindings win over function-level ones: a name imported inside
    a function only fills a name the module does not bind itself.
    """

    __slots__ = ("module", "names", "modules", "plain_imports")

    def __init__(self, module: str = "", is_package: bool = False,
                 body: Iterable[ast.stmt] = ()) -> None:
        self.module = module
        self.names: dict[str, str] = {}
        # Absolute module names imported anywhere in the file (for relevance).
        self.modules: set[str] = set()
        # ``import a.b.c`` without ``as``: binds ``a``, but the module the file
        # means to use is ``a.b.c`` (the relevance gate asks about that one).
        self.plain_imports: set[str] = set()
        nested: list[ast.stmt] = []
        top = list(body)
        for stmt in top:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                self._add(stmt, is_package, override=True)
            else:
                nested.append(stmt)
        for stmt in iter_statements(nested):
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                self._add(stmt, is_package, override=False)

    @classmethod
    def from_parts(cls, module: str, names: dict[str, str],
                   modules: Iterable[str]) -> ImportMap:
        """A map read before (``names`` and ``modules`` of an earlier one)."""
        made = cls.__new__(cls)
        made.module = module
        made.names = dict(names)
        made.modules = set(modules)
        # Only the checked file's own map is asked (by the gate), never a stored one.
        made.plain_imports = set()
        return made

    def _add(self, stmt: ast.Import | ast.ImportFrom, is_package: bool, override: bool) -> None:
        bind = self.names.__setitem__ if override else self.names.setdefault
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                self.modules.add(alias.name)
                if alias.asname:
                    bind(alias.asname, alias.name)
                else:
                    head = alias.name.partition(".")[0]
                    bind(head, head)
                    self.plain_imports.add(alias.name)
            return
        base = resolve_relative(self.module, is_package, stmt.level, stmt.module)
        if base is None:
            return
        self.modules.add(base)
        for alias in stmt.names:
            if alias.name == "*":
                continue
            bind(alias.asname or alias.name, f"{base}.{alias.name}")

    def imports_any(self, roots: Iterable[str]) -> bool:
        wanted = set(roots)
        return any(m.partition(".")[0] in wanted for m in self.modules)


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    # ``name`` and ``name.attr`` are most of what rules ask: answered without a list.
    node_type = type(node)
    if node_type is ast.Name:
        return node.id  # type: ignore[attr-defined, no-any-return]
    if node_type is ast.Attribute and type(node.value) is ast.Name:  # type: ignore[attr-defined]
        return f"{node.value.id}.{node.attr}"  # type: ignore[attr-defined]
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def call_name(node: ast.AST) -> str | None:
    """Dotted name of the function a Call calls (unresolved)."""
    if isinstance(node, ast.Call):
        return dotted(node.func)
    return None


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def has_star_kwargs(call: ast.Call) -> bool:
    return any(kw.arg is None for kw in call.keywords)


def literal_bool(node: ast.expr | None) -> bool | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    return None


def literal_str(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None
