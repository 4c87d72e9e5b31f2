"""Source roots: where a file's absolute imports are looked up.

flake8 does not put the current directory on ``sys.path``, and the plugin never
imports anything, so roots are found from the file's own path: the directory
above its outermost package, then the project directory (the nearest ancestor
holding a project marker) and its ``src/``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

PROJECT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".flake8",
                   "alembic.ini", ".git")
_MAX_UP = 12


@lru_cache(maxsize=4096)
def _is_file(path: Path) -> bool:
    return path.is_file()


@lru_cache(maxsize=4096)
def _is_dir(path: Path) -> bool:
    return path.is_dir()


def package_root(path: Path) -> Path:
    """The directory above the outermost package holding ``path``.

    A directory without ``__init__.py`` directly inside a regular package is a
    namespace subpackage of it (open-webui's ``open_webui/models/``), not a root.
    """
    return _package_root_of(path.parent)


@lru_cache(maxsize=4096)
def _package_root_of(directory: Path) -> Path:
    for _ in range(_MAX_UP):
        if not _is_file(directory / "__init__.py") and \
                not _is_file(directory.parent / "__init__.py"):
            break
        directory = directory.parent
    return directory


@lru_cache(maxsize=4096)
def project_dir(directory: Path) -> Path | None:
    current = str(directory)
    for _ in range(_MAX_UP):
        if _has_marker(current):
            return Path(current)
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
    return None


@lru_cache(maxsize=4096)
def _has_marker(directory: str) -> bool:
    # Strings, not Paths: every file's directory climbs through the same few
    # ancestors, and building Path objects dominated the relevance gate.
    return any(os.path.exists(os.path.join(directory, marker)) for marker in PROJECT_MARKERS)


def roots_for(path: Path, override: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    if override:
        return override
    return _roots_of(path.parent)


@lru_cache(maxsize=4096)
def _roots_of(directory: Path) -> tuple[Path, ...]:
    """Roots of every file in ``directory`` (files of one folder share them)."""
    roots = [_package_root_of(directory)]
    proj = project_dir(directory)
    if proj is not None:
        roots.append(proj)
        if _is_dir(proj / "src"):
            roots.append(proj / "src")
    seen: list[Path] = []
    for root in roots:
        if root not in seen:
            seen.append(root)
    return tuple(seen)


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


# roots -> {module name -> (file, is_package) or None}. Plain dicts of strings, which
# the cyclic collector stops tracking: as an lru_cache of Paths this was some 40,000
# objects (links, keys, results, Paths and their part lists) that every full
# collection walked again, for the rest of the run.
_FOUND: dict[tuple[Path, ...], dict[str, tuple[str, bool] | None]] = {}
_MAX_FOUND = 8192


def find_module(name: str, roots: tuple[Path, ...]) -> tuple[str, bool] | None:
    """File of module ``name`` under the roots: (path, is_package)."""
    known = _FOUND.get(roots)
    if known is None:
        if len(_FOUND) >= 256:
            _FOUND.clear()
        known = _FOUND[roots] = {}
    elif name in known:
        return known[name]
    parts = name.split(".")
    found: tuple[str, bool] | None = None
    for root in roots:
        base = os.path.join(str(root), *parts)
        init = os.path.join(base, "__init__.py")
        if os.path.isfile(init):
            found = (init, True)
            break
        if parts and os.path.isfile(base + ".py"):
            found = (base + ".py", False)
            break
    if len(known) >= _MAX_FOUND:
        known.clear()
    known[name] = found
    return found
