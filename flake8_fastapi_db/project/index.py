"""ProjectIndex: other project modules, parsed on demand and cached per process.

Only files under the project's source roots are ever read, and never a module
of a denied library, so inference cannot descend into SQLAlchemy, FastAPI,
Pydantic or any other installed distribution. Nothing is imported or executed.
"""
from __future__ import annotations

import ast
import os
import pickle
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, TypeVar, Union

from ..names import LIBRARY_ROOTS, ImportMap
from .modules import ModuleSummary, StoredBody, definitions, module_statements
from .roots import find_module

SymbolNode = Union[ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef, ast.expr]

_MAX_HOPS = 16
_T = TypeVar("_T")
_E = TypeVar("_E", bound=tuple)  # type: ignore[type-arg]


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


# (path, module name) -> _Stored. Shared by every index of the process.
#
# Few trees are kept between files: every full pass of the cyclic collector (flake8's
# own objects trigger ~240 over a 1.3 M-line corpus) walks every live node, and a
# 384 kB cache of trees cost more in those passes (~15 s) than it saved in parsing.
# Pickled bytes are invisible to the collector and load about twice as fast as the
# source parses (the plugin runs with the collector paused); only the most recently
# used trees stay built (``_HOT``), for the next files of the same package. Every file
# gets its own summary around the tree, kept by its ``ProjectIndex`` for the file.
#
# A stored module is pickled in parts: the tree with the bodies of its top-level
# classes and functions taken out, and each of those bodies; a file gets a body back
# only when it asks for that definition (``modules.StoredBody``). Over the corpus a
# file needs about a seventh of the definitions' bytes it used to load.
# _Stored = (mtime_ns, size, tree without bodies (b"": not valid Python), mentions a DB
#            library, import names, imported modules, the bodies in ``definitions`` order)
_Stored = tuple[int, int, bytes, bool, dict[str, str], tuple[str, ...], tuple[bytes, ...]]
_STORED: OrderedDict[tuple[str, str], _Stored] = OrderedDict()
# Pickled pruned trees take about three times their source (prefect's server package);
# 8 MB holds the working set of every corpus project: 0.8 of 17.7 MB parsed twice over
# a corpus run (least recently used first out).
_MAX_STORED_BYTES = 8 * 1024 * 1024
_stored_bytes = 0
# key -> (built tree, size of its pickle); bounded by that size. Replaying the corpus'
# module requests, 192 kB (~130 kB of source) saves two thirds of the loads for
# ~3 s of collector time; larger sets cost the collector more than they save.
_HOT: OrderedDict[tuple[str, str], tuple[ast.Module, int]] = OrderedDict()
_MAX_HOT_BYTES = 192 * 1024
_hot_bytes = 0


def parse_module(path: str | Path, name: str, is_package: bool) -> ModuleSummary | None:
    """Parse one file into a summary, uncached; None when it is not valid Python."""
    try:
        with open(path, "rb") as handle:
            source = handle.read().decode("utf-8")
        tree = ast.parse(source, filename=os.fspath(path))
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, OSError):
        return None
    return ModuleSummary(name, tree, Path(path), is_package, source)


def _cached(cache: Mapping[tuple[str, str], _E], key: tuple[str, str],
            ) -> tuple[os.stat_result | None, _E | None, bool]:
    """The file's stat (None when it is gone), its entry in ``cache`` and whether that
    entry is current (same mtime and size, its first two items). Shared by the two
    per-process caches."""
    try:
        stat = os.stat(key[0])
    except OSError:
        return None, None, False
    entry = cache.get(key)
    fresh = entry is not None and entry[0] == stat.st_mtime_ns and entry[1] == stat.st_size
    return stat, entry, fresh


def _restore(entry: _Stored, path: str, name: str, is_package: bool) -> ModuleSummary | None:
    blob = entry[2]
    if not blob:
        return None
    key = (path, name)
    hot = _HOT.get(key)
    if hot is not None:
        _HOT.move_to_end(key)
        tree = hot[0]
    else:
        tree = pickle.loads(blob)
        for definition, body in zip(definitions(tree), entry[6]):
            definition.body = StoredBody(body)
        _keep_hot(key, tree, _stored_size(entry))
    return ModuleSummary(name, tree, Path(path), is_package, mentions=entry[3],
                         imports=ImportMap.from_parts(name, entry[4], entry[5]), stored=True)


def _stored_size(entry: _Stored) -> int:
    return len(entry[2]) + sum(len(body) for body in entry[6])


def _store(summary: ModuleSummary) -> tuple[bytes, tuple[bytes, ...]]:
    """The tree without its definitions' bodies, and the bodies, pickled. The summary
    keeps its whole tree. Raises what pickling a too deeply nested tree raises."""
    found = definitions(summary.tree)
    kept = [definition.body for definition in found]
    try:
        bodies = tuple(pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL) for body in kept)
        for definition in found:
            definition.body = []
        return pickle.dumps(summary.tree, protocol=pickle.HIGHEST_PROTOCOL), bodies
    finally:
        for definition, body in zip(found, kept):
            definition.body = body


def _keep_hot(key: tuple[str, str], tree: ast.Module, size: int) -> None:
    global _hot_bytes
    old = _HOT.pop(key, None)
    if old is not None:
        _hot_bytes -= old[1]
    _HOT[key] = (tree, size)
    _hot_bytes += size
    while _hot_bytes > _MAX_HOT_BYTES and len(_HOT) > 1:
        _, (_, evicted) = _HOT.popitem(last=False)
        _hot_bytes -= evicted


def _parse(path: str, name: str, is_package: bool) -> ModuleSummary | None:
    """A new summary of a project module (its method bodies pruned, see
    ``prune_methods``): loaded from the store when the file is unchanged,
    else parsed and stored."""
    global _stored_bytes
    key = (path, name)
    stat, entry, fresh = _cached(_STORED, key)
    if stat is None:
        return None
    if fresh:
        _STORED.move_to_end(key)
        return _restore(entry, path, name, is_package)  # type: ignore[arg-type]
    if entry is not None:
        _stored_bytes -= _stored_size(_STORED.pop(key))
    summary = parse_module(path, name, is_package)
    # The outline outlives the tree: later ``kind`` questions need no new parse.
    _keep_outline(key, stat, summary)
    blob, bodies = b"", ()
    if summary is not None:
        prune_methods(summary)
        try:
            blob, bodies = _store(summary)
        except (RecursionError, pickle.PicklingError, TypeError, ValueError):
            return summary   # too deeply nested to store: parsed again when asked
    entry: _Stored = (stat.st_mtime_ns, stat.st_size, blob,
                      summary is not None and summary.mentions_db_library,
                      dict(summary.imports.names) if summary is not None else {},
                      tuple(summary.imports.modules) if summary is not None else (), bodies)
    _STORED[key] = entry
    _stored_bytes += _stored_size(entry)
    if summary is not None:
        _keep_hot(key, summary.tree, _stored_size(entry))
    # The newest entry always stays, even when it alone exceeds the budget.
    while _stored_bytes > _MAX_STORED_BYTES and len(_STORED) > 1:
        _, evicted = _STORED.popitem(last=False)
        _stored_bytes -= _stored_size(evicted)
    return summary


def prune_methods(summary: ModuleSummary) -> None:
    """Reduce the methods of top-level classes to their name and decorators, except
    ``@declared_attr`` ones (kept whole) and ``__init__`` (keeps its parameters).

    No question asked of *another* module looks further: model facts read class
    bodies, method names and ``@declared_attr`` functions, dependencies read
    ``__init__``'s parameters, session lookups stop at top-level functions. In big
    model modules methods are most of the tree, so the stored trees are several
    times smaller and load that much faster."""
    from .facts import is_declared_attr

    for stmt in module_statements(summary.tree):
        if not isinstance(stmt, ast.ClassDef):
            continue
        for member in stmt.body:
            if not isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) or \
                    (isinstance(member, ast.FunctionDef) and is_declared_attr(summary, member)):
                continue
            if member.body:
                member.body = [ast.copy_location(ast.Pass(), member.body[0])]
            if member.name != "__init__":
                member.args = _NO_ARGUMENTS
                member.returns = None


# Shared by every pruned method: nothing reads or changes it.
_NO_ARGUMENTS = ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                              kw_defaults=[], kwarg=None, defaults=[])


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

    One dict of strings (name -> CLASS, FUNCTION, ``=``, ``~`` or ``>qualname``).
    The per-process cache keeps only that dict, which the cyclic collector stops
    tracking, so thousands of outlines kept for the run add nothing to its full
    passes (frozensets or these wrappers would)."""

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


# (path, module name) -> (mtime_ns, size, outline names); small, kept for the run.
_OUTLINES: dict[tuple[str, str], tuple[int, int, dict[str, str] | None]] = {}
_MAX_OUTLINES = 8192


def _outline(path: str, name: str, is_package: bool) -> Outline | None:
    key = (path, name)
    stat, cached, fresh = _cached(_OUTLINES, key)
    if stat is None:
        return None
    if fresh:
        return _wrap(cached[2])  # type: ignore[index]
    _, stored, stored_fresh = _cached(_STORED, key)
    summary = _restore(stored, path, name, is_package) if stored_fresh else \
        parse_module(path, name, is_package)   # type: ignore[arg-type]
    return _keep_outline(key, stat, summary)


def _known_outline(key: tuple[str, str]) -> tuple[bool, Outline | None]:
    """The outline of a module seen before and unchanged since, without parsing:
    (False, None) when there is none."""
    stat, cached, fresh = _cached(_OUTLINES, key)
    return (True, _wrap(cached[2])) if fresh else (stat is None, None)  # type: ignore[index]


def _wrap(names: dict[str, str] | None) -> Outline | None:
    return Outline(names) if names is not None else None


def _keep_outline(key: tuple[str, str], stat: os.stat_result,
                  summary: ModuleSummary | None) -> Outline | None:
    outline = None if summary is None else outline_of(summary)
    if len(_OUTLINES) >= _MAX_OUTLINES:
        _OUTLINES.clear()
    _OUTLINES[key] = (stat.st_mtime_ns, stat.st_size,
                      outline.names if outline is not None else None)
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
        # Strings, the per-process memo's key: hashing and comparing a tuple of Paths
        # for every lookup was a tenth of the relevance gate.
        self._root_dirs = tuple(os.fspath(root) for root in roots)
        self.current = current
        # name -> what ``module`` loaded for this file (the same object every time).
        self._loaded: dict[str, ModuleSummary | None] = {}
        # Files are compared as strings: the per-process caches hold no Paths.
        self.current_file = os.fspath(current.path) if current.path is not None else None

    def release(self) -> None:
        """Forget the modules loaded for this file. Facts cached on a summary refer
        back to it (an index's facts name their module), so they are dropped here
        rather than left to the cyclic collector."""
        for summary in self._loaded.values():
            if summary is not None:
                summary.__dict__.clear()
        self._loaded.clear()

    @cached_property
    def _current_outline(self) -> Outline:
        return outline_of(self.current)

    def module(self, name: str) -> ModuleSummary | None:
        if not name:
            return None
        if name == self.current.name:
            return self.current
        if name in self._loaded:
            return self._loaded[name]
        if name.partition(".")[0] in LIBRARY_ROOTS:
            return None
        found = find_module(name, self._root_dirs)
        if found is None:
            return None
        path, is_package = found
        if path == self.current_file:
            return self.current
        summary = self._loaded[name] = _parse(path, name, is_package)
        return summary

    def module_path(self, name: str) -> tuple[str, bool] | None:
        """File of a project module without parsing it."""
        if not name or name.partition(".")[0] in LIBRARY_ROOTS:
            return None
        return find_module(name, self._root_dirs)

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
        resolved once keeps its outline after its tree is no longer kept."""
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
