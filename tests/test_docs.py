"""The rule pages are generated from the rule classes and their examples are real."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_fastapi_db.docs import check_docstrings
from flake8_fastapi_db.registry import all_rules
from flake8_fastapi_db.rules import Rule, doc_sections
from lintutil import lint_source

ROOT = Path(__file__).resolve().parent.parent
RULES = [r for r in all_rules() if r.code != "DB000"]
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _block(rule: type[Rule], section: str) -> str:
    text = doc_sections(rule.doc()).get(section, "")
    blocks = PYTHON_BLOCK.findall(text)
    assert len(blocks) == 1, f"{rule.code} '{section}' must hold exactly one python block"
    return blocks[0]


def _lint_snippet(tmp_path: Path, source: str) -> set[str]:
    # Each snippet is its own project, so nothing around it is read.
    (tmp_path / "pyproject.toml").write_text("")
    path = tmp_path / "snippet.py"
    path.write_text(source)
    return {text.split()[0] for _, _, text in lint_source(source, str(path))}


def test_committed_docs_match_the_rule_classes() -> None:
    result = subprocess.run([sys.executable, "-m", "flake8_fastapi_db.docs", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_rule_docstring_has_the_required_sections() -> None:
    assert check_docstrings() == []


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_example_block_raises_its_code(rule: type[Rule], tmp_path: Path) -> None:
    found = _lint_snippet(tmp_path, _block(rule, "Example"))
    assert rule.code in found, f"{rule.code} Example raised only {sorted(found)}"


DEFAULT_ON = {r.code for r in all_rules() if r.default_enabled}


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_use_instead_block_raises_nothing_by_default(rule: type[Rule], tmp_path: Path) -> None:
    """Nothing a default configuration reports, and never the rule's own code."""
    found = _lint_snippet(tmp_path, _block(rule, "Use instead"))
    reported = {code for code in found if code in DEFAULT_ON or code == rule.code}
    assert reported == set(), f"{rule.code} Use-instead raised {sorted(reported)}"


def test_every_rule_has_a_page_and_an_index_row() -> None:
    index = (ROOT / "docs" / "rules" / "index.md").read_text()
    for rule in all_rules():
        assert (ROOT / "docs" / "rules" / f"{rule.code}.md").is_file()
        assert f"[{rule.code}]({rule.code}.md)" in index
