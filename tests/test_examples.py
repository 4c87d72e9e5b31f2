"""The README's demo app: the plugin reports exactly the lines marked ``# expect: DBnnn``."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_fastapi_db.registry import all_rules
from lintutil import codes, lint_source

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILES = sorted(EXAMPLES.rglob("*.py"))
MARK = re.compile(r"#\s*expect:\s*((?:DB\d{3}[\s,]*)+)$")
DEFAULT_ON = {r.code for r in all_rules() if r.default_enabled}


def _expected(source: str) -> set[tuple[int, str]]:
    out = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARK.search(line)
        if match:
            out |= {(number, code) for code in re.findall(r"DB\d{3}", match.group(1))}
    return out


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(EXAMPLES)) for p in FILES])
def test_example_findings_are_exactly_the_marked_lines(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    found = {(line, code) for line, code in codes(lint_source(source, str(path)))
             if code in DEFAULT_ON or code == "DB000"}
    assert found == _expected(source)


def test_examples_show_findings_of_every_rule_family() -> None:
    marked = set()
    for path in FILES:
        marked |= {code for _, code in _expected(path.read_text(encoding="utf-8"))}
    assert {code[:3] for code in marked} >= {"DB1", "DB2", "DB3", "DB4", "DB5", "DB6", "DB7"}
