"""Multi-module cases: every file of every scenario under tests/projects/."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintutil import describe, lint_file

PROJECTS = Path(__file__).parent / "projects"
FILES = sorted(PROJECTS.glob("*/**/*.py"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(PROJECTS)) for p in FILES])
def test_project_file_findings_match_trailing_comments(path: Path) -> None:
    found, wanted, raw = lint_file(path)
    assert not any(code == "DB000" for _, code in found), raw
    assert found == wanted, describe(found, wanted, raw, path)


def test_every_scenario_is_its_own_project() -> None:
    """A marker file stops the plugin from reading the repository around a scenario."""
    for scenario in PROJECTS.iterdir():
        if scenario.is_dir():
            assert (scenario / "pyproject.toml").is_file(), scenario
