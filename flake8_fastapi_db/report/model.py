"""What the checklist report says, independent of how it is printed.

Every finding flake8 reported lands in exactly one of three places: under each
checklist item its code answers (a code may answer two items, e.g. DB101 is both
"proper indexes" and "indexes on foreign keys"), under "Beyond the checklist"
(this plugin's codes that answer no item), or under "Other findings" (codes of
other plugins, E501 and friends), so nothing reported is dropped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..checklist import item_text, rules_by_item
from ..rules import Rule

FAILED = "failed"
PASSED = "passed"
NOT_CHECKED = "not checked"


@dataclass(frozen=True)
class Finding:
    path: str
    row: int
    col: int
    code: str
    text: str
    source: str = ""  # physical line + caret when --show-source is on

    @property
    def location(self) -> str:
        return f"{self.path}:{self.row}:{self.col}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.row, self.col, self.code)


@dataclass
class ItemResult:
    number: int
    text: str
    codes: list[str]          # every rule answering the item
    enabled: list[str]        # those of them the run reports (select/ignore applied)
    findings: list[Finding] = field(default_factory=list)

    @property
    def disabled(self) -> list[str]:
        """Codes answering the item that this run does not report (default-off ones)."""
        return [code for code in self.codes if code not in self.enabled]

    @property
    def status(self) -> str:
        if self.findings:
            return FAILED
        return PASSED if self.enabled else NOT_CHECKED


@dataclass
class ChecklistReport:
    items: list[ItemResult]
    beyond: list[Finding]     # this plugin's codes that answer no item
    other: list[Finding]      # codes of flake8 itself and of other plugins

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def plugin_findings(self) -> int:
        """Distinct DB findings; one under two items counts once."""
        seen = {f for item in self.items for f in item.findings}
        return len(seen | set(self.beyond))

    @property
    def internal_errors(self) -> int:
        return sum(1 for f in self.beyond if f.code == "DB000")

    def summary(self) -> str:
        total = len(self.items)
        parts = [f"{self.count(FAILED)} of {total} checklist items failed",
                 f"{self.count(PASSED)} passed"]
        if self.count(NOT_CHECKED):
            parts.append(f"{self.count(NOT_CHECKED)} not checked")
        line = ", ".join(parts)
        line += f"; {_plural(self.plugin_findings, 'DB finding')}"
        if self.beyond:
            line += f" ({len(self.beyond)} beyond the checklist)"
        line += f", {_plural(len(self.other), 'other finding')}"
        if self.internal_errors:
            line += (f"; {_plural(self.internal_errors, 'internal error')} (DB000): "
                     "some checks did not run, results are incomplete")
        return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def build(findings: Iterable[Finding], rules: list[type[Rule]],
          enabled: Callable[[str], bool]) -> ChecklistReport:
    """Group ``findings`` by checklist item; ``enabled(code)`` says whether the run
    reports a code at all, which tells "passed" from "not checked"."""
    by_item = rules_by_item(rules)
    items = [ItemResult(number, item_text(number), [r.code for r in answering],
                        [r.code for r in answering if enabled(r.code)])
             for number, answering in by_item.items()]
    items_of = {rule.code: rule.checklist for rule in rules}
    beyond: list[Finding] = []
    other: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        if finding.code not in items_of:
            other.append(finding)
            continue
        numbers = [n for n in items_of[finding.code] if n in by_item]
        if not numbers:
            beyond.append(finding)
        for number in numbers:
            items[number - 1].findings.append(finding)
    return ChecklistReport(items, beyond, other)
