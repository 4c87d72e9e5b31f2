"""Registration: the plugin's table of default-off codes, and what flake8 start-up loads."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flake8_fastapi_db.plugin import DEFAULT_OFF
from flake8_fastapi_db.registry import all_rules


def test_the_default_off_table_names_exactly_the_rules_that_are_off_by_default() -> None:
    assert list(DEFAULT_OFF) == [r.code for r in all_rules() if not r.default_enabled]


def test_a_flake8_run_over_files_without_db_code_never_imports_the_check_modules(
        tmp_path: Path) -> None:
    """Through flake8's own start-up (option registration included): registering the
    default-off codes read every rule class, which imported all check modules in
    every flake8 process (~45 ms of a 130 ms start on a one-line file)."""
    (tmp_path / "pyproject.toml").write_text("")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n\n\ndef g(x):\n    return json.dumps(x)\n")
    script = (
        "import sys\n"
        "from flake8.main import cli\n"
        f"code = cli.main(['--isolated', '--jobs', '1', '--extend-select', 'DB', {str(plain)!r}])\n"
        "assert 'flake8_fastapi_db.plugin' in sys.modules\n"
        "print(sorted(m for m in sys.modules if m.startswith('flake8_fastapi_db.checks')))\n")
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               check=True, cwd=tmp_path)
    assert completed.stdout.strip() == "[]"
