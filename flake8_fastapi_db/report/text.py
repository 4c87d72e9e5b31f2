"""Plain-text rendering of the checklist report (``--format=db-checklist``)."""
from __future__ import annotations

from .model import FAILED, NOT_CHECKED, PASSED, ChecklistReport, Finding

TITLE = "flake8-fastapi-db review checklist"
MARKS = {PASSED: "PASS", FAILED: "FAIL", NOT_CHECKED: "SKIP"}
COLORS = {PASSED: "\033[32m", FAILED: "\033[1m\033[31m", NOT_CHECKED: "\033[33m"}
RESET = "\033[m"
INDENT = " " * 11  # under the item text, past "[FAIL]  1. "


def render(report: ChecklistReport, *, color: bool = False,
           show_source: bool = False) -> list[str]:
    lines = [TITLE, "=" * len(TITLE), ""]
    for item in report.items:
        mark = MARKS[item.status]
        if color:
            mark = f"{COLORS[item.status]}{mark}{RESET}"
        lines.append(f"[{mark}] {item.number:>2}. {item.text}")
        if item.enabled:
            checked = f"{INDENT}checked by {', '.join(item.enabled)}"
        else:
            checked = f"{INDENT}not checked: no enabled rule answers this item"
        if item.disabled:
            checked += f" (not enabled: {', '.join(item.disabled)})"
        lines.append(checked)
        lines.extend(_findings(item.findings, show_source))
    for title, findings in (("Beyond the checklist", report.beyond),
                            ("Other findings (not from flake8-fastapi-db)", report.other)):
        if findings:
            lines += ["", title, "-" * len(title)]
            lines.extend(_findings(findings, show_source))
    lines += ["", report.summary()]
    return lines


def _findings(findings: list[Finding], show_source: bool) -> list[str]:
    out = []
    for finding in findings:
        out.append(f"{INDENT}{finding.location}: {finding.code} {finding.text}")
        if show_source and finding.source:
            out.extend(f"{INDENT}    {line}" for line in finding.source.splitlines())
    return out
