"""Markdown rendering of the checklist report (``--format=db-checklist-md``), for
pasting into a pull-request review: a task list GitHub/GitLab render with boxes,
passed items ticked."""
from __future__ import annotations

import re

from .model import FAILED, PASSED, ChecklistReport, Finding

TITLE = "### Data-layer review checklist (flake8-fastapi-db)"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup or HTML."""
    return _SPECIAL.sub(r"\\\1", text)


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def code_span(text: str) -> str:
    """``text`` as inline code, whatever backticks it contains."""
    fence = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(report: ChecklistReport, *, show_source: bool = False) -> list[str]:
    lines = [TITLE, ""]
    for item in report.items:
        box = "x" if item.status == PASSED else " "
        head = f"- [{box}] **{item.number}. {escape(item.text)}**"
        codes = ", ".join(code_span(code) for code in item.enabled)
        off = ", ".join(code_span(code) for code in item.disabled)
        if item.status == FAILED:
            count = len(item.findings)
            noun = "finding" if count == 1 else "findings"
            lines.append(f"{head}: failed, {count} {noun} ({codes}{_off(off)})")
        elif item.status == PASSED:
            lines.append(f"{head}: passed ({codes}{_off(off)})")
        else:
            lines.append(f"{head}: not checked, no enabled rule answers this item"
                         + (f" (not enabled: {off})" if off else ""))
        lines.extend(_findings(item.findings, show_source, indent="  "))
    for title, findings in (("Beyond the checklist", report.beyond),
                            ("Other findings (not from flake8-fastapi-db)", report.other)):
        if findings:
            lines += ["", f"#### {title}", ""]
            lines.extend(_findings(findings, show_source, indent=""))
    lines += ["", f"**Summary:** {escape(report.summary())}"]
    return lines


def _off(codes: str) -> str:
    return f"; not enabled: {codes}" if codes else ""


def _findings(findings: list[Finding], show_source: bool, indent: str) -> list[str]:
    out = []
    for finding in findings:
        out.append(f"{indent}- {code_span(finding.location)} **{finding.code}** "
                   f"{escape(finding.text)}")
        if show_source and finding.source:
            fence = "`" * max(3, _longest_backtick_run(finding.source) + 1)
            out.append(f"{indent}  {fence}")
            out.extend(f"{indent}  {line}" for line in finding.source.splitlines())
            out.append(f"{indent}  {fence}")
    return out
