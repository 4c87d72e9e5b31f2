"""Opt-in: flake8-sarif's ``--format=sarif`` carries DB findings (code scanning UIs).

Runs only where flake8-sarif is installed (``pip install flake8-sarif``); it is not
a dependency of the plugin or of the test suite.
"""
from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from cliutil import SAMPLE_MODELS, run_flake8, write_project

pytestmark = pytest.mark.skipif(
    "sarif" not in {ep.name for ep in entry_points(group="flake8.report")},
    reason="flake8-sarif is not installed")


def test_sarif_report_carries_db_findings(tmp_path: Path) -> None:
    write_project(tmp_path, {"app/__init__.py": "", "app/models.py": SAMPLE_MODELS})
    # flake8-sarif 1.0.15 never flushes --output-file (its stop() skips the base
    # class's): redirect stdout instead, as the docs say.
    result = run_flake8(["--select=DB", "--format=sarif", "app"], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    run = json.loads(result.stdout)["runs"][0]
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
               for r in run["results"]}
    assert ("DB101", 13) in results and ("DB102", 10) in results
    fk = next(r for r in run["results"] if r["ruleId"] == "DB101")
    assert fk["message"]["text"] == "foreign key column 'author_id' of Post has no index"
    assert fk["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/models.py"
    assert {"DB101", "DB102"} <= {rule["id"] for rule in run["tool"]["driver"]["rules"]}
