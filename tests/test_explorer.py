"""The rule explorer: ``python -m flake8_fastapi_db list | explain | checklist``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_fastapi_db.__main__ import main
from flake8_fastapi_db.checklist import ITEMS
from flake8_fastapi_db.docs import HEADER, rule_page
from flake8_fastapi_db.registry import all_rules

REPO = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_registered_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list")
    assert (code, err) == (0, "")
    rows = [line.split(None, 3) for line in out.splitlines()]
    assert [row[0] for row in rows] == [r.code for r in all_rules()]
    for row, rule in zip(rows, all_rules()):
        assert row[1] == rule.name
        assert row[2] == ("on" if rule.default_enabled else "off")
        assert row[3] == rule.summary().replace("`", "")


def test_list_filters_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "db1")
    listed = [line.split()[0] for line in out.splitlines()]
    assert code == 0
    assert listed == [r.code for r in all_rules() if r.code.startswith("DB1")]
    code, out, _ = run(capsys, "list", "DB000", "DB10")
    assert [line.split()[0] for line in out.splitlines()] == \
        [r.code for r in all_rules() if r.code.startswith(("DB000", "DB10"))]


@pytest.mark.parametrize("flag, state", [("--on", True), ("--off", False)])
def test_list_filters_by_default_state(capsys: pytest.CaptureFixture[str], flag: str,
                                       state: bool) -> None:
    code, out, _ = run(capsys, "list", flag)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == \
        [r.code for r in all_rules() if r.default_enabled is state]


def test_list_prefix_matching_nothing_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", "XY9")
    assert (code, out) == (2, "")
    assert err == "flake8-fastapi-db: error: no rule code starts with XY9\n"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_explain_prints_the_docs_page(capsys: pytest.CaptureFixture[str], rule: type) -> None:
    code, out, _ = run(capsys, "explain", rule.code.lower())
    assert code == 0
    assert out == rule_page(rule).removeprefix(HEADER).strip() + "\n"
    assert out.startswith(f"# {rule.code}: {rule.name}\n")
    assert run(capsys, "explain", rule.name)[1] == out


def test_explain_unknown_code_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "DB999")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "unknown rule 'DB999'" in err


def test_checklist_command_lists_items_and_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklist")
    assert code == 0
    for number, text in enumerate(ITEMS, start=1):
        assert f"{number:>2}. {text}\n" in out
    for rule in all_rules():
        if rule.code != "DB000":
            assert rule.code in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2 and "explain" in out


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def test_python_dash_m_and_broken_pipe(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "flake8_fastapi_db", "explain", "DB999"],
                            cwd=tmp_path, env=_env(), capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("flake8-fastapi-db: error: unknown rule 'DB999'; "
                             "see `flake8-fastapi-db list`\n")
    # The reader goes away before anything is written (`... list | head`): quiet exit.
    reader_gone = subprocess.Popen([sys.executable, "-m", "flake8_fastapi_db", "list"],
                                   cwd=tmp_path, env=_env(), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
    assert reader_gone.stdout is not None and reader_gone.stderr is not None
    reader_gone.stdout.close()
    assert reader_gone.stderr.read() == ""
    assert reader_gone.wait(timeout=60) == 0


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("flake8-fastapi-db")
    if not script.exists():
        pytest.fail(f"{script} missing: run `pip install -e {REPO}`")
    result = subprocess.run([str(script), "list", "DB1"], cwd=tmp_path, env=_env(),
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("DB101 ")
