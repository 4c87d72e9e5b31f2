#!/usr/bin/env python3
"""Fetch the pinned real-code corpus used to measure flake8-fastapi-db.

The corpus is a fixed set of open-source applications built on FastAPI,
SQLAlchemy/SQLModel and Alembic, downloaded from PyPI as wheels with exact
versions and sha256 hashes, so that precision sweeps (no DB000, false-positive
review) and cost measurements are repeatable by anyone.

Third-party code is never stored in this repository: everything goes to a cache
folder outside it (default ``~/.cache/flake8-fastapi-db/corpus``, or
``--cache DIR``, or the ``DB_CORPUS_DIR`` environment variable). Only ``.py``
files are unpacked, into ``<cache>/<name>-<version>/``.

Standard library only; Python 3.10+. Usage::

    python benchmarks/corpus.py            # fetch what is missing, print trees
    python benchmarks/corpus.py --list     # print the pinned set
    python benchmarks/corpus.py prefect    # only some projects
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

DEFAULT_CACHE = Path("~/.cache/flake8-fastapi-db/corpus")
ENV_CACHE = "DB_CORPUS_DIR"

# A tree counts as complete only once this marker exists: unpacking goes to a
# temporary sibling that is renamed at the end, and the marker guards against a
# tree someone emptied or half-copied by hand.
COMPLETE_MARKER = ".corpus-complete"


@dataclass(frozen=True)
class Pin:
    """One corpus member: a PyPI distribution pinned to one exact file."""

    name: str  # PyPI project name, as given to pip
    version: str
    filename: str  # the exact wheel pip must produce
    sha256: str
    why: str  # what the project exercises, for --list and the README

    @property
    def tree_name(self) -> str:
        return f"{self.name}-{self.version}"


# Chosen by unpacking candidates and counting files that import sqlalchemy /
# sqlmodel / fastapi / alembic (see benchmarks/README.md). All are pure-Python
# universal wheels, so every platform downloads the same file and hash.
# Dropped: mlflow 3.18.0 (397 k lines, only 157 relevant files: it would
# dominate the cost figures with code the plugin barely inspects), letta
# (its PyPI wheel is a platform-specific binary bundle), dispatch (not on PyPI).
PINS: tuple[Pin, ...] = (
    Pin(
        "prefect",
        "3.9.1",
        "prefect-3.9.1-py3-none-any.whl",
        "0c662e26e971b617993eed1f3d02fb8bc3c2dd47bee521b495f6e4dfeb38ae74",
        "FastAPI server with its own APIRouter subclass, SQLAlchemy 2 async ORM, "
        "Alembic migrations for SQLite and PostgreSQL",
    ),
    Pin(
        "apache-airflow-core",
        "3.3.2",
        "apache_airflow_core-3.3.2-py3-none-any.whl",
        "99258922bccec15be4700ff89f3c942b8acd93407e263c287ce863e671bb3c50",
        "large SQLAlchemy 2 model layer, FastAPI REST/execution APIs, >100 Alembic migrations",
    ),
    Pin(
        "open-webui",
        "0.12.4",
        "open_webui-0.12.4-py3-none-any.whl",
        "02e9caba96234db3fa17a92e56163b3f7f2b8ca8227fa886b85c178d696483f6",
        "FastAPI app with legacy Column-style SQLAlchemy models and Alembic "
        "(the wheel is ~100 MB because it bundles the web frontend)",
    ),
    Pin(
        "langflow-base",
        "1.13.0",
        "langflow_base-1.13.0-py3-none-any.whl",
        "e15db23e16cf27d6d1ac8fcc5030cf25ad3a04356a9581862b4e97de739dd3a2",
        "FastAPI + SQLModel (table=True models, AsyncSession), Alembic",
    ),
    Pin(
        "zenml",
        "0.98.0",
        "zenml-0.98.0-py3-none-any.whl",
        "801ffbe1821bd48dfc03c9fd5519f5a7d4387d86b3d48d08bd2057dfcde5ad30",
        "SQLModel schemas and sync Session store, FastAPI server, Alembic",
    ),
    Pin(
        "ethyca-fides",
        "2.78.2",
        "ethyca_fides-2.78.2-py2.py3-none-any.whl",
        "702e5d6bb753ab6abe0d9ead99470012976b0f5552bee7b2a0a1b4a415728ca1",
        "FastAPI with a project APIRouter subclass, legacy SQLAlchemy models, "
        "~330 Alembic migrations",
    ),
    Pin(
        "arize-phoenix",
        "20.26.1",
        "arize_phoenix-20.26.1-py3-none-any.whl",
        "dd318844cba1d7021d8accaa995b7f3716d559eab4afb549dfb1017dd51bab56",
        "SQLAlchemy 2 async models (Mapped/mapped_column), FastAPI routers, Alembic",
    ),
)

# Same shape as the plugin's own cheap pre-filter: a line that imports one of
# the libraries the rules are about. Only used for the summary printed here.
_RELEVANT_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+(sqlalchemy|sqlmodel|fastapi|alembic)\b", re.MULTILINE
)


class CorpusError(RuntimeError):
    """A download or verification failure the user must see (exit status 1)."""


def cache_dir(cli_value: str | None) -> Path:
    """``--cache`` wins over ``DB_CORPUS_DIR``, which wins over the default."""
    raw = cli_value or os.environ.get(ENV_CACHE) or str(DEFAULT_CACHE)
    return Path(raw).expanduser().resolve()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(pin: Pin, dest: Path) -> Path:
    """Download exactly ``pin.filename`` into ``dest`` through pip and verify it.

    pip is given the hash as well (``--require-hashes`` through a requirements
    file), so it refuses any other file before writing it; the second check
    below protects against a pip that silently ignores hash mode.
    """
    requirements = dest / "requirements.txt"
    requirements.write_text(
        f"{pin.name}=={pin.version} --hash=sha256:{pin.sha256}\n", encoding="utf-8"
    )
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",  # wheels only: no build step, same file everywhere
        "--require-hashes",
        "--dest",
        str(dest),
        "-r",
        str(requirements),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise CorpusError(
            f"pip download of {pin.name}=={pin.version} failed "
            f"(exit {completed.returncode}):\n{completed.stdout}{completed.stderr}"
        )
    archive = dest / pin.filename
    if not archive.is_file():
        got = sorted(p.name for p in dest.iterdir() if p != requirements)
        raise CorpusError(f"pip did not produce {pin.filename} (got {got})")
    actual = sha256_of(archive)
    if actual != pin.sha256:
        raise CorpusError(
            f"sha256 mismatch for {pin.filename}: expected {pin.sha256}, got {actual}"
        )
    return archive


def _safe_member(name: str) -> PurePosixPath | None:
    """The member's relative path, or None if it would escape the tree."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path


def unpack_py(archive: Path, target: Path) -> None:
    """Extract only the ``.py`` members of a wheel into ``target`` (atomically)."""
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)  # leftover of an interrupted run
    partial.mkdir(parents=True)
    with zipfile.ZipFile(archive) as wheel:
        for info in wheel.infolist():
            if info.is_dir() or not info.filename.endswith(".py"):
                continue
            relative = _safe_member(info.filename)
            if relative is None:
                raise CorpusError(f"{archive.name}: unsafe member path {info.filename!r}")
            out = partial.joinpath(*relative.parts)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(wheel.read(info))
    (partial / COMPLETE_MARKER).write_text(archive.name + "\n", encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)  # an incomplete tree without the marker
    partial.rename(target)


def is_complete(tree: Path) -> bool:
    return (tree / COMPLETE_MARKER).is_file()


LIBRARIES = ("sqlalchemy", "sqlmodel", "fastapi", "alembic")


@dataclass
class TreeStats:
    py_files: int = 0
    lines: int = 0
    relevant_files: int = 0  # files importing any of LIBRARIES
    by_library: Counter[str] = field(default_factory=Counter)

    def add(self, other: TreeStats) -> None:
        self.py_files += other.py_files
        self.lines += other.lines
        self.relevant_files += other.relevant_files
        self.by_library.update(other.by_library)

    def describe(self) -> str:
        per_library = " ".join(f"{lib}={self.by_library[lib]}" for lib in LIBRARIES)
        return (
            f"py_files={self.py_files} lines={self.lines} "
            f"db_files={self.relevant_files} ({per_library})"
        )


def tree_stats(tree: Path) -> TreeStats:
    stats = TreeStats()
    for path in tree.rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        stats.py_files += 1
        stats.lines += len(text.splitlines())
        imported = set(_RELEVANT_IMPORT.findall(text))
        if imported:
            stats.relevant_files += 1
            stats.by_library.update(imported)
    return stats


def ensure(pin: Pin, cache: Path, keep_dist: bool) -> Path:
    """Make ``<cache>/<name>-<version>`` exist and be complete; return it."""
    tree = cache / pin.tree_name
    if is_complete(tree):
        return tree  # idempotent: no network once a tree is in place
    dist_dir = cache / "dist"
    kept = dist_dir / pin.filename
    if kept.is_file() and sha256_of(kept) == pin.sha256:
        unpack_py(kept, tree)
        return tree
    with tempfile.TemporaryDirectory(prefix=f".download-{pin.name}-", dir=cache) as tmp:
        archive = download(pin, Path(tmp))
        unpack_py(archive, tree)
        if keep_dist:
            dist_dir.mkdir(exist_ok=True)
            shutil.move(str(archive), kept)
    return tree


def parsed_files(trees: Iterable[Path]) -> Iterator[tuple[Path, list[str], ast.Module]]:
    """Each tree's ``.py`` files in sorted order (as ``flake8 --jobs 1`` visits them),
    read and parsed as flake8 would; files flake8 reports as E999 (and runs no plugin
    on) are left out. For in-process measurements of the plugin."""
    for tree in trees:
        for path in sorted(tree.rglob("*.py")):
            try:
                with tokenize.open(path) as handle:
                    lines = handle.readlines()
                module = ast.parse("".join(lines), filename=str(path))
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            yield path, lines, module


def select_pins(pins: Sequence[Pin], names: Iterable[str]) -> list[Pin]:
    wanted = list(names)
    if not wanted:
        return list(pins)
    by_name = {pin.name: pin for pin in pins}
    unknown = [name for name in wanted if name not in by_name]
    if unknown:
        raise CorpusError(
            f"unknown corpus member(s): {', '.join(unknown)}; "
            f"known: {', '.join(by_name)}"
        )
    return [by_name[name] for name in wanted]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Download and unpack the pinned flake8-fastapi-db benchmark corpus."
    )
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help="only these corpus members (default: all)"
    )
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help=f"cache folder (default: ${ENV_CACHE} or {DEFAULT_CACHE})",
    )
    parser.add_argument(
        "--list", action="store_true", help="print the pinned set and exit (no network)"
    )
    parser.add_argument(
        "--keep-dist",
        action="store_true",
        help="keep the downloaded wheels in <cache>/dist (default: delete after unpacking)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        pins = select_pins(PINS, args.names)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.list:
        for pin in pins:
            print(f"{pin.name}=={pin.version}  {pin.filename}  sha256:{pin.sha256}")
            print(f"    {pin.why}")
        return 0

    cache = cache_dir(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    total = TreeStats()
    failed = False
    for pin in pins:
        try:
            tree = ensure(pin, cache, args.keep_dist)
        except (CorpusError, OSError, zipfile.BadZipFile) as exc:
            # Keep going: one unreachable project should not hide the others.
            print(f"error: {pin.name}=={pin.version}: {exc}", file=sys.stderr)
            failed = True
            continue
        stats = tree_stats(tree)
        total.add(stats)
        print(f"{tree}  {stats.describe()}")
    print(f"total  {total.describe()}")
    print("(db_files: files importing sqlalchemy, sqlmodel, fastapi or alembic)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
