"""``benchmarks/ab.py`` runs two copies of the plugin side by side in one process."""
from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_fastapi_db.plugin import Plugin
from flake8_fastapi_db.project import index

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "eval_files" / "db307_read_modify_write.py"


@pytest.fixture(scope="module")
def ab() -> object:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module("ab")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def _findings(plugin: type, path: Path) -> list[tuple[int, int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines(True)
    tree = ast.parse("".join(lines))
    return [(line, col, text) for line, col, text, _ in plugin(tree, str(path), lines).run()]


def _copy(ab: object, version: str, where: Path, name: str) -> object:
    ab._place(version, where / name)  # type: ignore[attr-defined]
    return importlib.import_module(f"{name}.plugin")


def test_a_copied_checkout_finds_what_the_plugin_finds_and_keeps_its_own_caches(
        ab: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    copy = _copy(ab, str(ROOT), tmp_path, "fdb_ab_test_tree")
    expected = _findings(Plugin, SAMPLE)
    assert expected and _findings(copy.Plugin, SAMPLE) == expected  # type: ignore[attr-defined]
    copied_index = importlib.import_module("fdb_ab_test_tree.project.index")
    assert copied_index._STORED is not index._STORED


def test_a_git_revision_is_exported_and_runs(ab: object, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    probe = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                           capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("not a git checkout")
    monkeypatch.syspath_prepend(str(tmp_path))
    copy = _copy(ab, "HEAD", tmp_path, "fdb_ab_test_rev")
    assert _findings(copy.Plugin, SAMPLE)  # type: ignore[attr-defined]


def test_an_unknown_version_is_one_line_naming_it(ab: object, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="'no-such-rev' is neither a checkout"):
        ab._place("no-such-rev", tmp_path / "x")  # type: ignore[attr-defined]
