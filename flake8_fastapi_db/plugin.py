"""flake8 entry point. Kept thin and cheap to import: no astroid, no SQLAlchemy."""
from __future__ import annotations

import ast
import gc
import sys

from . import __version__
from .settings import OPTIONS, OptionError, Settings

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: nothing more to import when flake8 starts
    from collections.abc import Iterator
    from typing import Any


# Codes of the rules that are off by default (``Rule.default_enabled = False``).
DEFAULT_OFF = ("DB105", "DB108", "DB110", "DB112", "DB115", "DB116", "DB211", "DB213",
               "DB407", "DB408", "DB506")


class Plugin:
    name = "flake8-fastapi-db"
    version = __version__
    settings = Settings()

    def __init__(self, tree: ast.Module, filename: str = "stdin",
                 lines: list[str] | None = None) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines if lines is not None else []

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        for spec in OPTIONS:
            option_manager.add_option(spec.flag, default=spec.default, parse_from_config=True,
                                      help=f"{spec.help} (default: {spec.default or 'none'})")
        # Named here rather than read from the rule classes: that would import every
        # check module in every flake8 process (~45 ms), files with DB code or not.
        # tests/test_registry.py holds the list to the rules' ``default_enabled``.
        option_manager.extend_default_ignore(list(DEFAULT_OFF))

    @classmethod
    def parse_options(cls, options: Any) -> None:
        try:
            cls.settings = Settings.from_options(options)
        except OptionError as exc:
            # One line naming the option, never a traceback.
            print(f"flake8-fastapi-db: error: {exc}", file=sys.stderr)
            raise SystemExit(2) from None

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        from .context import FileContext
        from .runner import Runner

        lines = self.lines
        if not lines and self.filename not in ("stdin", "-"):
            try:
                with open(self.filename, encoding="utf-8", errors="replace") as handle:
                    lines = handle.readlines()
            except OSError:
                lines = []
        runner = Runner(FileContext(self.tree, self.filename, lines, self.settings))
        # The plugin leaves no reference cycles behind (Runner.release; a test holds
        # it to that), so the cyclic collector has nothing to find while it runs,
        # yet each of its full passes would walk every live tree again — measured
        # at a third of the plugin's cost on large projects. It is paused for the
        # duration of one file and always restored.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            violations = runner.run()
        finally:
            runner.release()
            if paused:
                gc.enable()
        for violation in violations:
            yield violation.line, violation.col, violation.text, type(self)
