"""Single-file cases: each finding's code sits as a trailing comment on its line."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintutil import describe, lint_file

EVAL_DIR = Path(__file__).parent / "eval_files"
FILES = sorted(EVAL_DIR.glob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_eval_file_findings_match_trailing_comments(path: Path) -> None:
    found, wanted, raw = lint_file(path)
    assert not any(code == "DB000" for _, code in found), raw
    assert found == wanted, describe(found, wanted, raw, path)


def test_eval_files_exist() -> None:
    assert len(FILES) >= 10
