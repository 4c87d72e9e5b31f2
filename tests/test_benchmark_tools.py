"""The benchmark scripts: ``ab.py`` runs two copies of the plugin side by side in one
process; ``bench.py`` measures its ratios on interleaved chunks of the corpus."""
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


def _script(name: str) -> object:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def ab() -> object:
    return _script("ab")


@pytest.fixture(scope="module")
def bench() -> object:
    return _script("bench")


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


def test_chunks_keep_the_file_order_stay_in_one_project_and_keep_to_the_budget(
        bench: object) -> None:
    a, b = Path("/c/a"), Path("/c/b")
    files = [a / "1.py", a / "2.py", a / "3.py", a / "big.py", a / "4.py", b / "1.py"]
    lines_of = dict(zip(files, [40, 50, 20, 500, 10, 10]))
    tree_of = {f: f.parent for f in files}
    chunks = bench.chunk_files(files, lines_of, tree_of, 100)  # type: ignore[attr-defined]
    assert chunks == [[a / "1.py", a / "2.py"], [a / "3.py"], [a / "big.py"], [a / "4.py"],
                      [b / "1.py"]]


def test_by_default_each_project_is_one_chunk(bench: object) -> None:
    """bench.py's default budget (``--chunk-lines`` not given): one process per
    project and side, as ``flake8`` run in that project."""
    a, b = Path("/c/a"), Path("/c/b")
    files = [a / "1.py", a / "big.py", b / "1.py", b / "2.py"]
    lines_of = dict(zip(files, [40, 500_000, 10, 20]))
    tree_of = {f: f.parent for f in files}
    chunks = bench.chunk_files(files, lines_of, tree_of, sys.maxsize)  # type: ignore
    assert chunks == [[a / "1.py", a / "big.py"], [b / "1.py", b / "2.py"]]


def test_interleaved_sides_take_turns_going_first_and_sum_the_least_cpu_per_chunk(
        bench: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str]]] = []
    disturbed = iter([5.0, 1.0, 1.0, 9.0] * 3)   # CPU seconds, run after run

    def fake_run(mode: str, fargs: list[str], listing: Path) -> object:
        calls.append((mode, listing.read_text().split()))
        return bench.Measure(1.0, next(disturbed), 100, 1, 0, 1)  # type: ignore[attr-defined]

    monkeypatch.setattr(bench, "run_once", fake_run)
    sides = [bench.Side("plugin", "with plugin", "plugin", []),  # type: ignore[attr-defined]
             bench.Side("plain", "plain", "plain", [])]  # type: ignore[attr-defined]
    chunks = [[Path("x.py")], [Path("y.py")], [Path("z.py")]]
    results = bench.run_interleaved(sides, chunks, tmp_path, "t",  # type: ignore[attr-defined]
                                    repeat=2)
    assert calls == [("plugin", ["x.py"]), ("plain", ["x.py"]), ("plain", ["x.py"]),
                     ("plugin", ["x.py"]), ("plugin", ["y.py"]), ("plain", ["y.py"]),
                     ("plain", ["y.py"]), ("plugin", ["y.py"]), ("plugin", ["z.py"]),
                     ("plain", ["z.py"]), ("plain", ["z.py"]), ("plugin", ["z.py"])]
    # x.py: plugin ran 5.0 then 9.0, plain 1.0 and 1.0: the least of each is kept.
    assert [m.cpu for m in results["plugin"]] == [5.0, 5.0, 5.0]
    assert [m.cpu for m in results["plain"]] == [1.0, 1.0, 1.0]
    total = bench.total_of(results["plugin"])  # type: ignore[attr-defined]
    assert (total.cpu, total.db_lines) == (15.0, 3)


def test_the_scaling_side_lints_each_chunk_with_its_copy_next_to_the_chunk_alone(
        bench: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "corpus" / "a", tmp_path / "corpus" / "b"
    tree_of = {a / "m.py": a, a / "pkg" / "n.py": a, b / "o.py": b}
    for path in tree_of:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    files = list(tree_of)
    sets = bench.FileSets([a, b], {a: files[:2], b: files[2:]},  # type: ignore[attr-defined]
                          dict.fromkeys(files, 1), files, tree_of, [], [])
    (tmp_path / "work").mkdir()
    copies = bench.make_copies(sets, tmp_path / "work")  # type: ignore[attr-defined]
    [(_title, sides, chunks)] = bench.interleaved_groups(  # type: ignore[attr-defined]
        sets, {"dbonly", "floor", "nondb"}, sys.maxsize, copies)
    assert [side.key for side in sides] == ["plugin", "plain", "twice"]
    calls: list[tuple[str, list[str]]] = []

    def fake_run(mode: str, fargs: list[str], listing: Path) -> object:
        listed = listing.read_text().split()
        assert all(Path(p).is_file() for p in listed)
        calls.append((mode, listed))
        # CPU in proportion to the files linted: a linear plugin.
        return bench.Measure(1.0, 0.5 * len(listed), 100, 0, 0, 0)  # type: ignore

    monkeypatch.setattr(bench, "run_once", fake_run)
    results = bench.run_interleaved(sides, chunks, tmp_path, "t")  # type: ignore[attr-defined]
    first = [str(f) for f in files[:2]]
    assert calls == [("plugin", first), ("plain", first),
                     ("plugin", [*first, str(copies[a] / "m.py"), str(copies[a] / "pkg" / "n.py")]),
                     ("plugin", [str(files[2]), str(copies[b] / "o.py")]),
                     ("plain", [str(files[2])]), ("plugin", [str(files[2])])]
    totals = {key: [bench.total_of(measures)]  # type: ignore[attr-defined]
              for key, measures in results.items()}
    rows = bench.figure_rows(totals, totals, True, 0, 0, [])  # type: ignore[attr-defined]
    assert ("scaling: corpus x2 / x1 (plugin)", "2.000", "<= 2.2", "PASS") in rows


def test_only_the_non_db_target_gets_the_extra_runs_per_chunk(bench: object) -> None:
    a = Path("/c/a")
    sets = bench.FileSets([a], {a: [a / "1.py"]}, {a / "1.py": 1},  # type: ignore[attr-defined]
                          [a / "1.py"], {a / "1.py": a}, [a / "1.py"], [a / "1.py"])
    groups = bench.interleaved_groups(sets, set(), sys.maxsize, None)  # type: ignore
    runs = {title: bench.runs_per_chunk(title, 3, 7)  # type: ignore[attr-defined]
            for title, _sides, _chunks in groups}
    assert runs == {"corpus": 3, "non-DB": 7, "no DB library named": 3}


def test_one_measured_run_counts_the_plugins_findings_and_plain_reports_none(
        bench: object, tmp_path: Path) -> None:
    listing = tmp_path / "paths.txt"
    listing.write_text(f"{SAMPLE}\n")
    with_plugin = bench.run_once("plugin", ["--extend-select=DB"], listing)  # type: ignore
    plain = bench.run_once("plain", [], listing)  # type: ignore[attr-defined]
    assert with_plugin.db_lines == len(_findings(Plugin, SAMPLE)) > 0
    assert plain.db_lines == 0 and plain.cpu > 0
