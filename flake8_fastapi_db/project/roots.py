"""Source roots: where a file's absolute imports are looked up.

flake8 does not put the current directory on ``sys.path``, and the plugin never
imports anything, so roots are found from the file's own path: the directory
above its outermost package, then the project directory (the nearest ancestor
holding a project marker) and its ``src/``.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

PROJECT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".flake8",
                   "alembic.ini", ".git")
_MAX_UP = 12


# Every per-process memo here is a plain dict of strings, bounded by clearing: the
# cyclic collector stops tracking such dicts, while an lru_cache of Paths kept some
# 10,000 objects (links, keys, Paths and their part lists) that every full collection
# walked again for the rest of the run.
_LIMIT = 4096
_T = TypeVar("_T")


def _remembered(memo: dict[str, _T], key: str, compute: Callable[[str], _T],
                limit: int = _LIMIT) -> _T:
    if key in memo:
        return memo[key]
    if len(memo) >= limit:
        memo.clear()
    found = memo[key] = compute(key)
    return found


_IS_FILE: dict[str, bool] = {}
_PACKAGE_ROOTS: dict[str, str] = {}
_PROJECT_DIRS: dict[str, str | None] = {}
_MARKED: dict[str, bool] = {}
_ROOTS: dict[str, tuple[str, ...]] = {}


def _is_file(path: str) -> bool:
    return _remembered(_IS_FILE, path, os.path.isfile)


def package_root(path: Path) -> Path:
    """The directory above the outermost package holding ``path``.

    A directory without ``__init__.py`` directly inside a regular package is a
    namespace subpackage of it (open-webui's ``open_webui/models/``), not a root.
    """
    return Path(_remembered(_PACKAGE_ROOTS, os.path.dirname(path), _package_root_of))


def _package_root_of(directory: str) -> str:
    for _ in range(_MAX_UP):
        parent = os.path.dirname(directory)
        if not _is_file(os.path.join(directory, "__init__.py")) and \
                not _is_file(os.path.join(parent, "__init__.py")):
            break
        directory = parent
    return directory


def project_dir(directory: Path) -> Path | None:
    found = _remembered(_PROJECT_DIRS, os.fspath(directory), _project_dir)
    return Path(found) if found is not None else None


def _project_dir(current: str) -> str | None:
    for _ in range(_MAX_UP):
        if _remembered(_MARKED, current, _has_marker):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
    return None


def _has_marker(directory: str) -> bool:
    return any(os.path.exists(os.path.join(directory, marker)) for marker in PROJECT_MARKERS)


def roots_for(path: Path, override: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    if override:
        return override
    return tuple(Path(root) for root in
                 _remembered(_ROOTS, os.path.dirname(path), _roots_of))


def _roots_of(directory: str) -> tuple[str, ...]:
    """Roots of every file in ``directory`` (files of one folder share them)."""
    roots = [_remembered(_PACKAGE_ROOTS, directory, _package_root_of)]
    proj = _remembered(_PROJECT_DIRS, directory, _project_dir)
    if proj is not None:
        roots.append(proj)
        src = os.path.join(proj, "src")
        if os.path.isdir(src):
            roots.append(src)
    return tuple(dict.fromkeys(roots))


def module_name_for(path: Path, roots: tuple[Path, ...]) -> tuple[str, bool]:
    """Dotted module name of ``path`` and whether it is a package ``__init__``."""
    is_package = path.name == "__init__.py"
    for root in roots:
        try:
            rel = path.relative_to(root)
        except ValueError:
            continue
        parts = list(rel.with_suffix("").parts)
        if is_package:
            parts = parts[:-1]
        if parts and all(part.isidentifier() for part in parts):
            return ".".join(parts), is_package
    stem = path.parent.name if is_package else path.stem
    return stem, is_package


# root directories -> {module name -> (file, is_package) or None}. Plain dicts of strings, which
# the cyclic collector stops tracking: as an lru_cache of Paths this was some 40,000
# objects (links, keys, results, Paths and their part lists) that every full
# collection walked again, for the rest of the run.
_FOUND: dict[tuple[str, ...], dict[str, tuple[str, bool] | None]] = {}
_MAX_FOUND = 8192


def find_module(name: str, roots: tuple[str, ...]) -> tuple[str, bool] | None:
    """File of module ``name`` under the root directories: (path, is_package)."""
    return _remembered(_per_roots(_FOUND, roots), name, lambda key: _find_module(key, roots),
                       _MAX_FOUND)


def _find_module(name: str, roots: tuple[str, ...]) -> tuple[str, bool] | None:
    parts = name.split(".")
    # Most names asked about belong to installed libraries: one look for their top
    # package answers every dotted name under it.
    if len(parts) > 1 and not _head_exists(parts[0], roots):
        return None
    for root in roots:
        base = os.path.join(root, *parts)
        init = os.path.join(base, "__init__.py")
        if os.path.isfile(init):
            return init, True
        if os.path.isfile(base + ".py"):
            return base + ".py", False
    return None


# root directories -> {top-level name -> a directory of that name exists under one}
_HEADS: dict[tuple[str, ...], dict[str, bool]] = {}


def _head_exists(head: str, roots: tuple[str, ...]) -> bool:
    """Could ``head.x`` be under the roots? Only a directory can hold it, with or
    without an ``__init__.py`` (namespace packages hold modules too)."""
    return _remembered(_per_roots(_HEADS, roots), head, lambda key: any(
        os.path.isdir(os.path.join(root, key)) for root in roots), _MAX_FOUND)


def _per_roots(table: dict[tuple[str, ...], dict[str, _T]],
               roots: tuple[str, ...]) -> dict[str, _T]:
    known = table.get(roots)
    if known is None:
        if len(table) >= 256:
            table.clear()
        known = table[roots] = {}
    return known
