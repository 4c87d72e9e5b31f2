"""No crash, no DB000, valid positions, bounded work on hostile or unusual input.

The quick versions run in the normal suite; ``tox -e fuzz`` raises the counts
(``DB_FUZZ_EXAMPLES``, ``DB_STDLIB_FILES=all``).
"""
from __future__ import annotations

import ast
import os
import random
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from lintutil import lint_source

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])


def _check(source: str, filename: str) -> list[tuple[int, int, str]]:
    findings = lint_source(source, filename)
    lines = source.splitlines() or [""]
    for line, col, text in findings:
        assert not text.startswith("DB000"), (filename, text)
        assert 1 <= line <= max(len(lines), 1), (filename, line, text)
        assert 0 <= col <= len(lines[line - 1]) if line <= len(lines) else col == 0, \
            (filename, line, col, text)
    return findings


def _stdlib_files() -> list[Path]:
    files = sorted(p for p in STDLIB.rglob("*.py") if "site-packages" not in p.parts)
    wanted = os.environ.get("DB_STDLIB_FILES", "120")
    if wanted == "all":
        return files
    return random.Random(7).sample(files, min(int(wanted), len(files)))


@pytest.mark.parametrize("path", _stdlib_files(), ids=lambda p: str(p.relative_to(STDLIB)))
def test_stdlib_module_gives_no_internal_error(path: Path) -> None:
    try:
        source = path.read_text(encoding="utf-8")
        ast.parse(source)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        pytest.skip("not parseable by this interpreter")
    _check(source, str(path))


def test_empty_file(tmp_path: Path) -> None:
    assert _check("", str(tmp_path / "empty.py")) == []


def test_file_that_is_not_utf8_through_flake8(tmp_path: Path) -> None:
    path = tmp_path / "latin.py"
    path.write_bytes(b"# -*- coding: latin-1 -*-\nfrom sqlalchemy import Column\nname = '\xe9t\xe9'\n")
    bad = tmp_path / "broken.py"
    bad.write_bytes(b"from sqlalchemy import Column\nx = '\xff\xfe'\n")
    result = subprocess.run([sys.executable, "-m", "flake8", "--select=DB", str(tmp_path)],
                            capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert "DB000" not in result.stdout and "Traceback" not in result.stderr


def test_project_module_that_is_not_utf8_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "base.py").write_bytes(b"x = '\xff'\nclass Base: pass\n")
    source = "from base import Base\nfrom sqlalchemy.orm import Mapped\n\n\n" \
             "class User(Base):\n    __tablename__ = 'u'\n    id: Mapped[int]\n"
    assert _check(source, str(tmp_path / "models.py")) == []


def test_twenty_thousand_line_models_module(tmp_path: Path) -> None:
    header = ("from datetime import datetime\nfrom sqlalchemy import ForeignKey, String\n"
              "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\n\n"
              "class Base(DeclarativeBase):\n    pass\n")
    model = textwrap.dedent('''

        class Model{n}(Base):
            __tablename__ = "model_{n}"
            id: Mapped[int] = mapped_column(primary_key=True)
            name: Mapped[str] = mapped_column(String(50))
            parent_id: Mapped[int] = mapped_column(ForeignKey("model_{p}.id"))
            created_at: Mapped[datetime]
            updated_at: Mapped[datetime]
        ''')
    body = "".join(model.format(n=i, p=max(i - 1, 0)) for i in range(2300))
    source = header + body
    assert source.count("\n") > 20_000
    findings = _check(source, str(tmp_path / "models.py"))
    assert sum(t.startswith("DB101") for _, _, t in findings) == 2300


def test_deeply_nested_expressions(tmp_path: Path) -> None:
    depth = 150
    nested = "(" * depth + "User.id == 1" + ")" * depth
    chain = "select(User)" + ".where(User.id == 1)" * 300
    source = ("from sqlalchemy import select\nfrom app import User\n\n"
              f"a = {nested}\nb = {chain}\nc = {'[' * 90 + ']' * 90}\n")
    _check(source, str(tmp_path / "deep.py"))


def _hypothesmith_examples() -> int:
    return int(os.environ.get("DB_FUZZ_EXAMPLES", "25"))


def test_generated_modules_never_crash_a_rule() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    hypothesmith = pytest.importorskip("hypothesmith")
    prefix = ("from sqlalchemy import select, Column, ForeignKey, text\n"
              "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship\n"
              "from fastapi import APIRouter, Depends\n")

    @hypothesis.settings(max_examples=_hypothesmith_examples(), deadline=None, database=None,
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(hypothesmith.from_grammar())
    def check(source: str) -> None:
        try:
            ast.parse(prefix + source)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return
        _check(prefix + source, "generated.py")

    check()
