"""Checker base: receives nodes from the shared walk and reports violations."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from .rules import Rule

if TYPE_CHECKING:
    from .context import FileContext


class Violation(NamedTuple):
    line: int
    col: int
    rule: type[Rule]
    text: str


class Checker:
    """A group of related rules. Implement ``visit_<NodeType>`` methods.

    ``begin()`` runs before the walk, ``end()`` after it. Report with
    ``self.report(RuleClass, node, *message_args)``.
    """

    name: ClassVar[str] = ""
    rules: ClassVar[tuple[type[Rule], ...]] = ()

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self.violations: list[Violation] = []

    def begin(self) -> None:
        """Called once before the walk."""

    def end(self) -> None:
        """Called once after the walk."""

    def report(self, rule: type[Rule], node: ast.AST | None, *args: object,
               line: int | None = None, col: int | None = None) -> None:
        if line is None:
            line = getattr(node, "lineno", 1) or 1
        if col is None:
            col = getattr(node, "col_offset", 0) or 0
        self.violations.append(Violation(line, col, rule, rule.format(*args)))
