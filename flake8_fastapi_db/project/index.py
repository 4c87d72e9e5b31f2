"""ProjectIndex: other project modules, parsed on demand and cached per process.

Only files under the project's source roots are ever read, and never a module
of a denied library, so inference cannot descend into SQLAlchemy, FastAPI,
Pydantic or any other installed distribution. Nothing is imported or executed.
"""
from __future__ import annotations

import ast
import os
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, TypeVar, Union

from ..names import LIBRARY_ROOTS
from .modules import ModuleSummary, module_statements
from .roots import find_module

SymbolNode = Union[ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef, ast.expr]

_MAX_HOPS = 16
_T = TypeVar("_T")


@dataclass(frozen=True)
class Symbol:
    """A top-level definition in some project module."""

    module: ModuleSummary
    name: str
    node: SymbolNode

    @property
    def qualname(self) -> str:
        return f"{self.module.name}.{self.name}" if self.module.name else self.name

    @property
    def is_class(self) -> bool:
        return isinstance(self.node, ast.ClassDef)

    @property
    def is_function(self) -> bool:
        return isinstance(self.node, (ast.FunctionDef, ast.AsyncFunctionDef))

    @property
    def kind(self) -> str:
        return CLASS if self.is_class else FUNCTION if self.is_function else VALUE


# (path, module name) -> (mtime_ns, size, summary); shared by every index of the process.
_PARSED: OrderedDict[tuple[str, str], tuple[int, int, ModuleSummary | None]] = OrderedDict()
# A parsed tree costs about 30 times its source in memory, so the cache is bounded
# by source bytes, least recently used first out. Every full collection of the
# cyclic GC (flake8's own objects trigger them between our files) walks the cached
# trees, so the bound trades re-parsing against collector time: on zenml + prefect
# + open-webui, 384 kB cost 8% less CPU than 768 kB (GC 14 s vs 17 s) for 16% more
# parses (1.3 s more parse time over the whole corpus). A module evicted while a
# file still uses it stays alive through that file's references.
_MAX_PARSED_BYTES = 384 * 1024
_parsed_bytes = 0
# key -> the part of the source its pruned tree stands for (what the budget counts).
_RETAINED: dict[tuple[str, str], int] = {}


def parse_module(path: str | Path, name: str, is_package: bool) -> ModuleSummary | None:
    """Parse one file into a summary, uncached; None when it is not valid Python."""
    try:
        with open(path, "rb") as handle:
            source = handle.read().decode("utf-8")
        tree = ast.parse(source, filename=os.fspath(path))
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, OSError):
        return None
    return ModuleSummary(name, tree, Path(path), is_package, source)


def _cached(cache: Mapping[tuple[str, str], tuple[int, int, _T]], key: tuple[str, str],
            ) -> tuple[os.stat_result | None, tuple[int, int, _T] | None, bool]:
    """The file's stat (None when it is gone), its entry in ``cache`` and whether that
    entry is current (same mtime and size). Shared by the two per-process caches."""
    try:
        stat = os.stat(key[0])
    except OSError:
        return None, None, False
    entry = cache.get(key)
    fresh = entry is not None and entry[0] == stat.st_mtime_ns and entry[1] == stat.st_size
    return stat, entry, fresh


def _parse(path: str, name: str, is_package: bool) -> ModuleSummary | None:
    global _parsed_bytes
    key = (path, name)
    stat, cached, fresh = _cached(_PARSED, key)
    if stat is None:
        return None
    if fresh:
        _PARSED.move_to_end(key)
        return cached[2]  # type: ignore[index]
    if cached is not None:
        _parsed_bytes -= _RETAINED.pop(key, 0)
    summary = parse_module(path, name, is_package)
    # The outline outlives the tree: later ``kind`` questions need no new parse.
    _keep_outline(key, stat, summary)
    retained = stat.st_size
    if summary is not None:
        lines = (summary.tree.body[-1].end_lineno or 1) if summary.tree.body else 1
        retained = int(retained * max(0.0, 1 - drop_method_bodies(summary) / lines))
    _PARSED[key] = (stat.st_mtime_ns, stat.st_size, summary)
    _PARSED.move_to_end(key)
    _RETAINED[key] = retained
    _parsed_bytes += retained
    # The newest entry always stays, even when it alone exceeds the budget.
    while _parsed_bytes > _MAX_PARSED_BYTES and len(_PARSED) > 1:
        evicted, _ = _PARSED.popitem(last=False)
        _parsed_bytes -= _RETAINED.pop(evicted, 0)
    return summary


def drop_method_bodies(summary: ModuleSummary) -> int:
    """Empty the method bodies of top-level classes, except ``@declared_attr`` ones;
    the number of lines dropped.

    No question asked of *another* module looks into them: model facts read class
    bodies and ``@declared_attr`` functions, dependencies read ``__init__``'s
    parameters, session lookups stop at top-level functions. In big model modules
    methods are most of the tree, so dropping them lets the cache hold several times
    more modules for the same collector time."""
    from .facts import is_declared_attr

    dropped = 0
    for stmt in module_statements(summary.tree):
        if not isinstance(stmt, ast.ClassDef):
            continue
        for member in stmt.body:
            if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and member.body \
                    and not (isinstance(member, ast.FunctionDef) and
                             is_declared_attr(summary, member)):
                first = member.body[0]
                dropped += (member.end_lineno or first.lineno) - first.lineno + 1
                member.body = [ast.copy_location(ast.Pass(), first)]
    return dropped


# What a top-level name is bound to, as ``ProjectIndex.kind`` reports it.
CLASS, FUNCTION, VALUE = "class", "function", "value"
MISSING = "missing"   # ``resolve`` finds nothing
# What ``resolve(..., want=)`` callers ask for.
VALUES = frozenset({VALUE})
FUNCTIONS = frozenset({FUNCTION})
CLASSES_OR_VALUES = frozenset({CLASS, VALUE})   # a class, or an alias/factory of one


_IMPORTED = ">"      # outline code prefix: imported from the qualified name after it
_ASSIGNED = "="      # assigned once (``resolve`` gives the value)
_AMBIGUOUS = "~"     # assigned more than once (``resolve`` gives nothing)


class Outline:
    """The names a module binds at top level, without its tree: enough to follow a
    re-export and to tell what a name is.

    One dict of strings (name -> CLASS, FUNCTION, ``=``, ``~`` or ``>qualname``):
    the cyclic collector stops tracking such a dict, so thousands of outlines
    kept for the run add nothing to its full passes (frozensets would)."""

    __slots__ = ("names",)

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def kind(self, attr: str) -> tuple[str | None, str | None]:
        """(kind, None), or (None, the imported qualified name to follow), with
        ``ProjectIndex.resolve``'s precedence: definitions, imports, assignments."""
        code = self.names.get(attr)
        if code is None or code == _AMBIGUOUS:
            return MISSING, None
        if code[0] == _IMPORTED:
            return None, code[1:]
        return (VALUE if code == _ASSIGNED else code), None

    def binds(self, attr: str) -> bool:
        return attr in self.names

    def imports(self) -> list[str]:
        """Qualified names the module imports at top level."""
        return [code[1:] for code in self.names.values() if code[0] == _IMPORTED]


def outline_of(summary: ModuleSummary) -> Outline:
    # Written lowest precedence first, so a later kind replaces an earlier one.
    names = {name: _ASSIGNED if value is not None else _AMBIGUOUS
             for name, value in summary.assigns.items()}
    names.update((name, _IMPORTED + qualname) for name, qualname in summary.imports.names.items())
    names.update(dict.fromkeys(summary.functions, FUNCTION))
    names.update(dict.fromkeys(summary.classes, CLASS))
    return Outline(names)


# (path, module name) -> (mtime_ns, size, outline); small, so it is kept for the run.
_OUTLINES: dict[tuple[str, str], tuple[int, int, Outline | None]] = {}
_MAX_OUTLINES = 8192


def _outline(path: str, name: str, is_package: bool) -> Outline | None:
    key = (path, name)
    stat, cached, fresh = _cached(_OUTLINES, key)
    if stat is None:
        return None
    if fresh:
        return cached[2]  # type: ignore[index]
    _, parsed, parsed_fresh = _cached(_PARSED, key)
    summary = parsed[2] if parsed_fresh else \
        parse_module(path, name, is_package)   # the tree is dropped right away
    return _keep_outline(key, stat, summary)


def _known_outline(key: tuple[str, str]) -> tuple[bool, Outline | None]:
    """The outline of a module seen before and unchanged since, without parsing:
    (False, None) when there is none."""
    stat, cached, fresh = _cached(_OUTLINES, key)
    return (True, cached[2]) if fresh else (stat is None, None)  # type: ignore[index]


def _keep_outline(key: tuple[str, str], stat: os.stat_result,
                  summary: ModuleSummary | None) -> Outline | None:
    outline = None if summary is None else outline_of(summary)
    if len(_OUTLINES) >= _MAX_OUTLINES:
        _OUTLINES.clear()
    _OUTLINES[key] = (stat.st_mtime_ns, stat.st_size, outline)
    return outline


_MENTIONS: dict[tuple[str, int], bool] = {}


# What an imported project module must mention for the importing file to be checked:
# models, sessions and engines all come from SQLAlchemy/SQLModel. (The file's own
# text is tested against every DB library, FastAPI and Alembic included.)
_ORM_MARKERS = (b"sqlalchemy", b"sqlmodel")


def file_mentions_db_library(path: str) -> bool:
    """Cheap text test (no parse): does the file use SQLAlchemy or SQLModel at all?"""
    try:
        stat = os.stat(path)
    except OSError:
        return False
    key = (path, stat.st_mtime_ns)
    found = _MENTIONS.get(key)
    if found is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            data = b""
        found = any(marker in data for marker in _ORM_MARKERS)
        _MENTIONS[key] = found
    return found


def _follow(qualname: str | None,
            lookup: Callable[[str, str], tuple[_T | None, str | None]]) -> _T | None:
    """Follow a chain of re-exports: ``lookup(module, name)`` gives what it found,
    or the qualified name the module imported ``name`` from (the next hop)."""
    seen: set[str] = set()
    for _ in range(_MAX_HOPS):
        if not qualname or qualname in seen:
            return None
        seen.add(qualname)
        module_name, _, attr = qualname.rpartition(".")
        found, qualname = lookup(module_name, attr)
        if qualname is None:
            return found
    return None


class ProjectIndex:
    """Module lookup and symbol resolution for one set of source roots."""

    def __init__(self, roots: tuple[Path, ...], current: ModuleSummary) -> None:
        self.roots = roots
        self.current = current
        # Files are compared as strings: the per-process caches hold no Paths.
        self.current_file = os.fspath(current.path) if current.path is not None else None

    @cached_property
    def _current_outline(self) -> Outline:
        return outline_of(self.current)

    def module(self, name: str) -> ModuleSummary | None:
        if not name:
            return None
        if name == self.current.name:
            return self.current
        if name.partition(".")[0] in LIBRARY_ROOTS:
            return None
        found = find_module(name, self.roots)
        if found is None:
            return None
        path, is_package = found
        if path == self.current_file:
            return self.current
        return _parse(path, name, is_package)

    def module_path(self, name: str) -> tuple[str, bool] | None:
        """File of a project module without parsing it."""
        if not name or name.partition(".")[0] in LIBRARY_ROOTS:
            return None
        return find_module(name, self.roots)

    def outline(self, name: str) -> Outline | None:
        """Top-level names of a project module, parsed without keeping its tree."""
        found = self.module_path(name)
        return _outline(found[0], name, found[1]) if found is not None else None

    def defining_path(self, qualname: str) -> str | None:
        """File of the module that defines ``qualname``, following the re-exports of
        packages like ``resolve`` but through outlines: no tree is kept.

        A plain module the chain reaches is taken as the definer without parsing
        it: re-exports live in package ``__init__``s, and parsing every large
        module a package re-exports from was most of the relevance gate's cost."""
        def lookup(module_name: str, attr: str) -> tuple[str | None, str | None]:
            found = self.module_path(module_name) if module_name else None
            if found is not None and not found[1]:
                return found[0], None
            outline = _outline(found[0], module_name, found[1]) if found else None
            if found is None or outline is None:
                return None, None
            if not outline.binds(attr):
                return None, None
            _, hop = outline.kind(attr)
            return (None, hop) if hop is not None else (found[0], None)

        return _follow(qualname, lookup)

    def is_project_module(self, name: str) -> bool:
        return self.module(name) is not None

    def kind(self, qualname: str | None) -> str | None:
        """What ``resolve(qualname)`` would find (CLASS, FUNCTION, VALUE or MISSING)
        when the outlines already known tell, else None. Never parses: a module
        resolved once keeps its outline after its tree leaves the parse cache."""
        if not qualname:
            return MISSING

        def lookup(module_name: str, attr: str) -> tuple[str | None, str | None]:
            known, outline = self._outline_for(module_name)
            if not known:
                return None, None
            return outline.kind(attr) if outline is not None else (MISSING, None)

        return _follow(qualname, lookup)

    def _outline_for(self, module_name: str) -> tuple[bool, Outline | None]:
        """(known, outline) of a module without parsing: the checked module's own, a
        project module's seen before, (True, None) for no such module, (False, None)
        when only a parse would tell."""
        if module_name == self.current.name:
            return True, self._current_outline
        found = self.module_path(module_name)
        if found is None:
            return True, None
        if found[0] == self.current_file:
            return True, self._current_outline
        return _known_outline((found[0], module_name))

    def resolve(self, qualname: str | None,
                want: frozenset[str] | None = None) -> Symbol | None:
        """The definition a qualified name refers to, following re-exports.

        ``want``: the kinds the caller can use; a name of another kind is None, found
        without parsing the module that defines it when its outline is known."""
        if want is not None:
            kind = self.kind(qualname)
            if kind is not None and kind not in want:
                return None

        def lookup(module_name: str, attr: str) -> tuple[Symbol | None, str | None]:
            outline = self._outline_for(module_name)[1]
            if outline is not None:
                # A re-export or an absent name needs no tree: packages are not
                # re-parsed for every name they pass on.
                kind, hop = outline.kind(attr)
                if hop is not None or kind == MISSING:
                    return None, hop
            summary = self.module(module_name) if module_name else None
            if summary is None and not module_name and self.current.name == "":
                summary = self.current
            if summary is None:
                return None, None
            if attr in summary.classes:
                return Symbol(summary, attr, summary.classes[attr]), None
            if attr in summary.functions:
                return Symbol(summary, attr, summary.functions[attr]), None
            if attr in summary.imports.names:
                return None, summary.imports.names[attr]
            value = summary.assigns.get(attr)
            return (Symbol(summary, attr, value) if value is not None else None), None

        symbol = _follow(qualname, lookup)
        if want is not None and symbol is not None and symbol.kind not in want:
            return None
        return symbol

    def resolve_node(self, module: ModuleSummary, node: ast.AST) -> Symbol | None:
        return self.resolve(module.qualname(node))

    def follow_alias(self, symbol: Symbol | None) -> Symbol | None:
        """``Base = OtherBase`` style aliases lead to the aliased definition."""
        for _ in range(_MAX_HOPS):
            if symbol is None or not isinstance(symbol.node, (ast.Name, ast.Attribute)):
                return symbol
            target = symbol.module.qualname(symbol.node)
            nxt = self.resolve(target)
            if nxt is None or nxt == symbol:
                return symbol
            symbol = nxt
        return symbol
