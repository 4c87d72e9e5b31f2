"""The checklist report formatters: grouping (in-process) and end to end through
``python -m flake8 --format=db-checklist`` / ``db-checklist-md``."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from cliutil import SAMPLE_MODELS, require_entry_points, run_flake8, write_project
from flake8_fastapi_db.checklist import ITEMS, rules_by_item
from flake8_fastapi_db.registry import all_rules
from flake8_fastapi_db.report import markdown
from flake8_fastapi_db.report.model import FAILED, NOT_CHECKED, PASSED, Finding, build
from flake8_fastapi_db.rules import Rule


# -- grouping, in process ------------------------------------------------------------
class FakeIndexes(Rule):
    code, name, message, checklist = "DB901", "fake-indexes", "x", (1, 11)


class FakeBeyond(Rule):
    code, name, message, checklist = "DB902", "fake-beyond", "x", ()


class FakeTimestamps(Rule):
    code, name, message, checklist = "DB903", "fake-timestamps", "x", (2,)


FAKE = [FakeIndexes, FakeBeyond, FakeTimestamps]


def test_findings_land_under_items_beyond_and_other() -> None:
    found = [Finding("b.py", 3, 1, "DB901", "fk"), Finding("a.py", 9, 1, "E501", "long"),
             Finding("a.py", 2, 5, "DB902", "beyond"), Finding("a.py", 1, 1, "DB901", "fk")]
    report = build(found, FAKE, enabled=lambda code: code != "DB903")
    items = {item.number: item for item in report.items}
    assert [f.location for f in items[1].findings] == ["a.py:1:1", "b.py:3:1"]
    assert items[11].findings == items[1].findings
    assert items[1].status == items[11].status == FAILED
    assert items[2].status == NOT_CHECKED and items[2].disabled == ["DB903"]
    assert all(items[n].status == NOT_CHECKED for n in range(3, 11))
    assert [f.code for f in report.beyond] == ["DB902"]
    assert [f.code for f in report.other] == ["E501"]
    assert report.plugin_findings == 3  # DB901 under two items counts once
    assert report.summary() == ("2 of 12 checklist items failed, 0 passed, 10 not checked; "
                                "3 DB findings (1 beyond the checklist), 1 other finding")


def test_item_passes_when_an_enabled_rule_answers_it_and_nothing_is_found() -> None:
    report = build([], FAKE, enabled=lambda code: True)
    statuses = {item.number: item.status for item in report.items}
    assert statuses[1] == statuses[2] == statuses[11] == PASSED
    assert statuses[3] == NOT_CHECKED


def test_internal_errors_are_called_out_in_the_summary() -> None:
    from flake8_fastapi_db.rules import InternalError

    report = build([Finding("a.py", 1, 1, "DB000", "boom")], [InternalError, *FAKE],
                   enabled=lambda code: True)
    assert [f.code for f in report.beyond] == ["DB000"]
    assert "1 internal error (DB000)" in report.summary()


def test_markdown_escapes_messages_and_code_spans_survive_backticks() -> None:
    assert markdown.escape("a_b *c* <d> [e]|") == r"a\_b \*c\* \<d\> \[e\]\|"
    assert markdown.code_span("x`y") == "``x`y``"
    assert markdown.code_span("`x") == "`` `x ``"


# -- end to end through flake8 -------------------------------------------------------
ITEM_LINE = re.compile(r"^\[(PASS|FAIL|SKIP)\]\s+(\d+)\. (.*)$")
STATUS = {"PASS": PASSED, "FAIL": FAILED, "SKIP": NOT_CHECKED}


@pytest.fixture(scope="module", autouse=True)
def _formatters_installed() -> None:
    require_entry_points("flake8.report", "db-checklist", "db-checklist-md")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("report"), {
        "app/__init__.py": "", "app/models.py": SAMPLE_MODELS})


def parse_text(output: str) -> tuple[dict[int, tuple[str, str, list[str]]], dict[str, list[str]],
                                     str]:
    """item -> (status, text, lines under it); section -> lines; summary line."""
    items: dict[int, tuple[str, str, list[str]]] = {}
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    lines = output.splitlines()
    for i, line in enumerate(lines):
        match = ITEM_LINE.match(line)
        if match:
            current = []
            items[int(match.group(2))] = (STATUS[match.group(1)], match.group(3), current)
        elif i + 1 < len(lines) and lines[i + 1].startswith("---"):
            current = sections.setdefault(line, [])
        elif line.startswith(" "):
            current.append(line.strip())
    return items, sections, lines[-1]


def test_text_report_lists_every_item_in_order_with_findings_under_it(project: Path) -> None:
    result = run_flake8(["--format=db-checklist", "app"], cwd=project)
    assert result.returncode == 1, result.stderr
    items, sections, summary = parse_text(result.stdout)
    assert [items[n][1] for n in sorted(items)] == list(ITEMS)
    fk = "app/models.py:13:5: DB101 foreign key column 'author_id' of Post has no index"
    assert items[1][0] == items[11][0] == FAILED
    assert fk in items[1][2] and fk in items[11][2]
    assert items[2][0] == FAILED and items[2][2][1:] == [
        "app/models.py:10:1: DB102 model Post has no created_at or updated_at column"]
    beyond = sections["Beyond the checklist"]
    assert any(line.startswith("app/models.py:14:5: DB106 ") for line in beyond), beyond
    other = sections["Other findings (not from flake8-fastapi-db)"]
    assert "app/models.py:1:1: F401 'os' imported but unused" in other
    assert summary.startswith("3 of 12 checklist items failed"), summary
    assert "1 other finding" in summary


def test_every_registered_rule_is_listed_under_its_item(project: Path) -> None:
    """Rules declare their items; the report needs no change when rules are added."""
    result = run_flake8(["--format=db-checklist", "--select=DB", "app/__init__.py"],
                        cwd=project)
    items, _, _ = parse_text(result.stdout)
    for number, rules in rules_by_item().items():
        status, _, lines = items[number]
        codes = [r.code for r in rules]
        if codes:
            assert status == PASSED and lines[0] == f"checked by {', '.join(codes)}"
        else:
            assert status == NOT_CHECKED


def test_clean_project_passes_and_exits_zero(tmp_path: Path) -> None:
    write_project(tmp_path, {"clean.py": "X = 1\n"})
    result = run_flake8(["--format=db-checklist", "clean.py"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    items, _, summary = parse_text(result.stdout)
    assert FAILED not in {status for status, _, _ in items.values()}
    assert summary.startswith("0 of 12 checklist items failed")


def test_default_off_codes_are_named_and_selecting_them_checks_them(tmp_path: Path) -> None:
    off = [r for r in all_rules() if not r.default_enabled and r.checklist]
    if not off:
        pytest.skip("no default-off rule answers a checklist item yet")
    write_project(tmp_path, {"clean.py": "X = 1\n"})
    rule = off[0]
    plain = parse_text(run_flake8(["--format=db-checklist", "clean.py"], cwd=tmp_path).stdout)
    assert rule.code in plain[0][rule.checklist[0]][2][0].partition("not enabled")[2]
    chosen = parse_text(run_flake8(["--format=db-checklist", f"--extend-select={rule.code}",
                                    "clean.py"], cwd=tmp_path).stdout)
    assert rule.code in chosen[0][rule.checklist[0]][2][0].partition("not enabled")[0]


def test_items_are_not_checked_when_db_codes_are_not_selected(project: Path) -> None:
    result = run_flake8(["--format=db-checklist", "--select=F", "app"], cwd=project)
    items, sections, summary = parse_text(result.stdout)
    assert {status for status, _, _ in items.values()} == {NOT_CHECKED}
    assert "Beyond the checklist" not in sections
    assert summary.startswith("0 of 12 checklist items failed, 0 passed, 12 not checked")
    assert result.returncode == 1  # F401 still counts: flake8's exit code


def test_exit_code_stays_flake8s(project: Path) -> None:
    assert run_flake8(["--format=db-checklist", "--exit-zero", "app"], cwd=project
                      ).returncode == 0
    assert run_flake8(["--format=db-checklist-md", "app"], cwd=project).returncode == 1


def test_output_file_and_tee(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "review" / "checklist.txt"
    result = run_flake8(["--format=db-checklist", f"--output-file={out}", "app"], cwd=project)
    assert result.returncode == 1 and result.stdout == ""
    written = out.read_text(encoding="utf-8")
    assert written.startswith("flake8-fastapi-db review checklist\n")
    assert "DB101" in written
    teed = run_flake8(["--format=db-checklist-md", f"--output-file={tmp_path / 'r.md'}",
                       "--tee", "app"], cwd=project)
    assert teed.stdout == (tmp_path / "r.md").read_text(encoding="utf-8")


def test_statistics_and_count_come_after_the_report(project: Path) -> None:
    result = run_flake8(["--format=db-checklist", "--statistics", "--count", "app"],
                        cwd=project)
    lines = result.stdout.splitlines()
    summary = next(i for i, line in enumerate(lines) if "checklist items failed" in line)
    assert re.match(r"^1\s+DB101 ", lines[summary + 1]), lines[summary:]
    assert lines[-1].isdigit() and int(lines[-1]) >= 4


def test_show_source(project: Path) -> None:
    text = run_flake8(["--format=db-checklist", "--show-source", "app"], cwd=project).stdout
    assert "author_id: Mapped[int] = mapped_column(ForeignKey(\"users.id\"))" in text
    md = run_flake8(["--format=db-checklist-md", "--show-source", "app"], cwd=project).stdout
    assert "\n    ```\n" in md and "ForeignKey(\"users.id\")" in md


def test_markdown_report_is_a_task_list(project: Path) -> None:
    result = run_flake8(["--format=db-checklist-md", "app"], cwd=project)
    lines = result.stdout.splitlines()
    assert lines[0] == markdown.TITLE
    boxes = [line for line in lines if re.match(r"^- \[[ x]\] \*\*\d+\. ", line)]
    assert len(boxes) == len(ITEMS)
    assert boxes[0].startswith("- [ ] **1. All tables have proper indexes")
    assert "  - `app/models.py:13:5` **DB101** foreign key column 'author\\_id' of Post " \
           "has no index" in lines
    assert "#### Beyond the checklist" in lines
    assert "#### Other findings (not from flake8-fastapi-db)" in lines
    assert lines[-1].startswith("**Summary:** ")


def test_parallel_jobs_give_the_same_report(project: Path) -> None:
    one = run_flake8(["--format=db-checklist", "--jobs=1", "app"], cwd=project).stdout
    two = run_flake8(["--format=db-checklist", "--jobs=2", "app"], cwd=project).stdout
    assert one == two


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no examples/ app in this checkout")
def test_report_on_examples_puts_every_finding_under_its_items() -> None:
    """The demo app, end to end: every line plain flake8 prints is in the report, under
    each item its code answers, under Beyond the checklist, or under Other findings."""
    args = ["--max-line-length=100", "."]
    plain = run_flake8(args, cwd=EXAMPLES)
    report = run_flake8(["--format=db-checklist", *args], cwd=EXAMPLES)
    assert plain.returncode == report.returncode == 1, report.stderr
    items, sections, summary = parse_text(report.stdout)
    assert [items[n][1] for n in sorted(items)] == list(ITEMS)
    rules = {r.code: r for r in all_rules()}
    db_lines = 0
    for line in plain.stdout.splitlines():
        code = line.split()[1]
        rule = rules.get(code)
        if rule is None:
            assert line in sections["Other findings (not from flake8-fastapi-db)"], line
            continue
        db_lines += 1
        for number in rule.checklist:
            assert items[number][0] == FAILED and line in items[number][2], line
        if not rule.checklist:
            assert line in sections["Beyond the checklist"], line
    assert db_lines and f"; {db_lines} DB findings" in summary, summary
