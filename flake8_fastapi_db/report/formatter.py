"""flake8 ``flake8.report`` plugins: ``--format=db-checklist`` / ``db-checklist-md``.

flake8 hands every reported violation to ``handle()``; the report needs all of
them before it can say whether an item passed, so findings are collected and
the report is written in ``stop()``. Everything else stays flake8's: the exit
code (the formatter never sees it), ``--output-file``/``--tee`` (through
``_write``), ``--count``. ``--statistics``/``--benchmark`` output, which flake8
writes before ``stop()``, is held back and printed after the report.

flake8 imports every installed report plugin at start-up, whatever ``--format``
says, so this module imports nothing heavy until a report is written.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flake8.formatting.base import BaseFormatter


class ChecklistFormatter(BaseFormatter):
    """The seed guide's review checklist, each item passed or failed, as plain text."""

    def after_init(self) -> None:
        self.findings: list[Any] = []
        self.deferred: list[Callable[[], None]] = []

    def handle(self, error: Any) -> None:
        from .model import Finding

        self.findings.append(Finding(error.filename, error.line_number, error.column_number,
                                     error.code, error.text, self.show_source(error) or ""))

    def format(self, error: Any) -> str | None:
        # Unused: handle() collects instead of writing line by line.
        return f"{error.filename}:{error.line_number}:{error.column_number}: " \
               f"{error.code} {error.text}"

    def show_statistics(self, statistics: Any) -> None:
        self.deferred.append(lambda: BaseFormatter.show_statistics(self, statistics))

    def show_benchmarks(self, benchmarks: list[tuple[str, float]]) -> None:
        self.deferred.append(lambda: BaseFormatter.show_benchmarks(self, benchmarks))

    def render(self, report: Any) -> list[str]:
        from .text import render

        return render(report, color=self.color, show_source=bool(self.options.show_source))

    def stop(self) -> None:
        from ..registry import all_rules
        from .model import build

        report = build(self.findings, all_rules(), self._enabled_predicate())
        for line in self.render(report):
            self._write(line)
        for write_later in self.deferred:
            write_later()
        super().stop()

    def _enabled_predicate(self) -> Callable[[str], bool]:
        """Whether the run reports a code, decided by flake8's own select/ignore logic
        (``--select``, ``--extend-select``, ``--ignore``, default-off codes)."""
        try:
            from flake8.style_guide import Decision, DecisionEngine

            engine = DecisionEngine(self.options)
            engine.decision_for("DB000")
        except Exception:  # noqa: BLE001 - an internal flake8 API; fall back to defaults
            from ..registry import rule_by_code

            def by_default(code: str) -> bool:
                rule = rule_by_code(code)
                return rule is not None and rule.default_enabled
            return by_default
        return lambda code: engine.decision_for(code) is Decision.Selected


class MarkdownChecklistFormatter(ChecklistFormatter):
    """The same report as a Markdown task list, for a pull-request review."""

    def after_init(self) -> None:
        super().after_init()
        self.color = False

    def render(self, report: Any) -> list[str]:
        from .markdown import render

        return render(report, show_source=bool(self.options.show_source))
