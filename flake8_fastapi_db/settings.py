"""Plugin options: declared once, read from the command line and config files."""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
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
    return tuple(str(Path(v).resolve()) for v in values)


@dataclass(frozen=True)
class OptionSpec:
    flag: str
    attr: str
    default: str
    convert: Callable[[str, list[str]], tuple[str, ...]]
    help: str

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


@dataclass(frozen=True)
class Settings:
    timestamp_columns: tuple[str, ...] = ("created_at", "updated_at")
    unique_columns: tuple[str, ...] = ("email", "username")
    pagination_params: tuple[str, ...] = ("limit", "offset", "skip", "page", "page_size",
                                          "per_page", "size", "cursor")
    test_paths: tuple[str, ...] = DEFAULT_TEST_PATHS
    source_roots: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

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
