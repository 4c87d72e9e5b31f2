"""One walk over the tree, dispatching each node to the checkers that want it.

A checker that raises is switched off for the rest of the file and turned into
exactly one DB000 finding; the other checkers go on.
"""
from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from .checker import Checker, Violation
from .context import FileContext
from .registry import load_checkers
from .rules import InternalError


class Runner:
    def __init__(self, ctx: FileContext, checker_types: list[type[Checker]] | None = None) -> None:
        self.ctx = ctx
        types = checker_types if checker_types is not None else load_checkers()
        self.checkers = [cls(ctx) for cls in types]
        self.failed: dict[Checker, BaseException] = {}

    def _guard(self, checker: Checker, func: Callable[..., object], *args: object) -> None:
        if checker in self.failed:
            return
        try:
            func(*args)
        except (Exception, RecursionError) as exc:  # noqa: BLE001 - isolation is the point
            self.failed[checker] = exc

    def run(self) -> list[Violation]:
        if not self.ctx.relevant:
            return []
        dispatch: dict[type, list[tuple[Checker, Callable[[ast.AST], object]]]] = {}
        for checker in self.checkers:
            self._guard(checker, checker.begin)
            for attr in dir(checker):
                if attr.startswith("visit_"):
                    node_type = getattr(ast, attr[6:], None)
                    if isinstance(node_type, type):
                        dispatch.setdefault(node_type, []).append((checker, getattr(checker, attr)))
        parents = self.ctx.parents
        stack: list[ast.AST] = [self.ctx.tree]
        while stack:
            node = stack.pop()
            handlers = dispatch.get(type(node))
            if handlers:
                for checker, handler in handlers:
                    self._guard(checker, handler, node)
            children = list(ast.iter_child_nodes(node))
            for child in children:
                parents[child] = node
            stack.extend(reversed(children))
        for checker in self.checkers:
            self._guard(checker, checker.end)
        return self._collect()

    def _collect(self) -> list[Violation]:
        out: list[Violation] = []
        seen: set[tuple[int, int, str]] = set()
        for checker in self.checkers:
            if checker in self.failed:
                exc = self.failed[checker]
                detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
                out.append(Violation(1, 0, InternalError,
                                     InternalError.format(checker.name, detail)))
                continue
            for violation in checker.violations:
                key = (violation.line, violation.col, violation.text)
                if key not in seen:
                    seen.add(key)
                    out.append(violation)
        out.sort(key=lambda v: (v.line, v.col, v.rule.code))
        return out


def iter_violations(ctx: FileContext) -> Iterator[Violation]:
    yield from Runner(ctx).run()
