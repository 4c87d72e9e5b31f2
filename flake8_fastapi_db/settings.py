"""Plugin options: declared once, read from the command line and config files."""
from __future__ import annotations

import fnmatch
import os

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: this module is imported when flake8 starts,
    # so it stays clear of typing/dataclasses (about 10 ms of imports on their own).
    from typing import Any, Callable

DEFAULT_TEST_PATHS = ("tests/*", "test_*.py", "*_test.py", "conftest.py")


class OptionError(ValueError):
    """A bad option value; the message names the option."""


def _identifiers(option: str, values: list[str]) -> tuple[str, ...]:
    for value in values:
        if not value.isidentifier():
            raise OptionError(f"{option}: {value!r} is not a valid column/parameter name")
    return tuple(values)


def _timestamps(option: str, values: list[str]) -> tuple[str, ...]:
    names = _identifiers(option, values)
    if len(names) != 2:
        raise OptionError(f"{option}: expected two names (created,updated), got {len(names)}")
    return names


def _globs(option: str, values: list[str]) -> tuple[str, ...]:
    return tuple(v for v in values if v)


def _directories(option: str, values: list[str]) -> tuple[str, ...]:
    for value in values:
        if not os.path.isdir(value):
            raise OptionError(f"{option}: {value!r} is not a directory")
    return tuple(os.path.realpath(v) for v in values)


class OptionSpec:
    """One ``--db-*`` option: its flag, the Settings attribute it fills, its default
    and the converter that validates it."""

    __slots__ = ("flag", "attr", "default", "convert", "help")

    def __init__(self, flag: str, attr: str, default: str,
                 convert: Callable[[str, list[str]], tuple[str, ...]], help: str) -> None:
        self.flag = flag
        self.attr = attr
        self.default = default
        self.convert = convert
        self.help = help

    @property
    def dest(self) -> str:
        """The attribute flake8's option parser stores the value under."""
        return self.flag.lstrip("-").replace("-", "_")


OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec("--db-timestamp-columns", "timestamp_columns", "created_at,updated_at",
               _timestamps, "Names of the creation and update timestamp columns (DB102, DB103)."),
    OptionSpec("--db-unique-columns", "unique_columns", "email,username", _identifiers,
               "Columns that must be unique (DB107)."),
    OptionSpec("--db-pagination-params", "pagination_params",
               "limit,offset,skip,page,page_size,per_page,size,cursor", _identifiers,
               "Route parameters that mean a list endpoint is paginated (DB204)."),
    OptionSpec("--db-test-paths", "test_paths", ",".join(DEFAULT_TEST_PATHS), _globs,
               "Glob patterns of test files, exempt from DB301, DB401 and DB703."),
    OptionSpec("--db-source-roots", "source_roots", "", _directories,
               "Directories to resolve absolute imports from (default: discovered)."),
)


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        items = value.replace("\n", ",").split(",")
    else:
        items = [str(v) for v in value]
    return [item.strip() for item in items if item.strip()]


_DEFAULTS: dict[str, tuple[str, ...]] = {
    "timestamp_columns": ("created_at", "updated_at"),
    "unique_columns": ("email", "username"),
    "pagination_params": ("limit", "offset", "skip", "page", "page_size", "per_page",
                          "size", "cursor"),
    "test_paths": DEFAULT_TEST_PATHS,
    "source_roots": (),
}


class Settings:
    """The option values a run uses (immutable; equal when the values are)."""

    __slots__ = ("timestamp_columns", "unique_columns", "pagination_params", "test_paths",
                 "source_roots")
    timestamp_columns: tuple[str, ...]
    unique_columns: tuple[str, ...]
    pagination_params: tuple[str, ...]
    test_paths: tuple[str, ...]
    source_roots: tuple[str, ...]

    def __init__(self, **values: tuple[str, ...]) -> None:
        unknown = set(values) - set(_DEFAULTS)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        for name, default in _DEFAULTS.items():
            object.__setattr__(self, name, tuple(values.get(name, default)))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Settings are immutable")

    def _values(self) -> tuple[tuple[str, ...], ...]:
        return tuple(getattr(self, name) for name in _DEFAULTS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in _DEFAULTS) + ")"

    @classmethod
    def from_options(cls, options: Any) -> Settings:
        values: dict[str, tuple[str, ...]] = {}
        for spec in OPTIONS:
            raw = getattr(options, spec.dest, spec.default)
            values[spec.attr] = spec.convert(spec.flag, _split(raw))
        return cls(**values)

    @property
    def created_column(self) -> str:
        return self.timestamp_columns[0]

    @property
    def updated_column(self) -> str:
        return self.timestamp_columns[1]

    def is_test_path(self, filename: str) -> bool:
        path = filename.replace(os.sep, "/")
        parts = path.split("/")
        for pattern in self.test_paths:
            pattern = pattern.replace(os.sep, "/")
            if "/" not in pattern:
                # A bare file pattern matches the file name, never a directory in the path.
                if fnmatch.fnmatchcase(parts[-1], pattern):
                    return True
                continue
            depth = pattern.count("/")
            for start in range(len(parts)):
                # tests/* matches "tests/<anything below>", anchored at a path segment.
                head = "/".join(parts[start:start + depth + 1])
                if fnmatch.fnmatchcase(head, pattern) and start + depth < len(parts):
                    return True
        return False
