"""No crash, no DB000, valid positions, bounded work on hostile or unusual input.

The quick versions run in the normal suite; ``tox -e fuzz`` raises the counts
(``DB_FUZZ_EXAMPLES``, ``DB_MUTANTS``, ``DB_STDLIB_FILES=all``).
"""
from __future__ import annotations

import ast
import os
import random
import re
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
    path.write_bytes(b"# -*- coding: latin-1 -*-\nfrom sqlalchemy import Column\n"
                     b"name = '\xe9t\xe9'\n")
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


# -- mutated eval files ------------------------------------------------------------
# Grammar-generated modules rarely name a model, a session or a query, so they seldom
# reach the rules' deeper logic. Damaged copies of the eval files do: every rule's
# triggers are there, with lines missing, names swapped and bodies cut short — the
# half-written code an editor lints on every keystroke.
EVAL_FILES = sorted((ROOT / "tests" / "eval_files").glob("*.py"))
_IDENTIFIER = re.compile(r"\b[A-Za-z_][A-Za-z_0-9]*\b")


def _mutate(lines: list[str], rng: random.Random) -> list[str]:
    out = list(lines)
    how = rng.randrange(4)
    start = rng.randrange(len(out))
    if how == 0:          # a chunk of lines deleted
        del out[start:start + rng.randint(1, 8)]
    elif how == 1:        # one name replaced by another name of the same file
        names = _IDENTIFIER.findall("\n".join(out))
        found = list(_IDENTIFIER.finditer(out[start]))
        if names and found:
            hit = rng.choice(found)
            out[start] = out[start][:hit.start()] + rng.choice(names) + out[start][hit.end():]
    elif how == 2:        # a line repeated further down, at its own indentation
        out.insert(rng.randrange(start, len(out) + 1), out[start])
    else:                 # the file cut short
        out = out[:start]
    return out


def _mutants(count: int) -> list[tuple[Path, str]]:
    rng = random.Random(20261125)
    texts = {path: path.read_text(encoding="utf-8").splitlines() for path in EVAL_FILES}
    found: list[tuple[Path, str]] = []
    for _ in range(count * 20):
        if len(found) == count:
            break
        path = rng.choice(EVAL_FILES)
        lines = texts[path]
        for _ in range(rng.randint(1, 3)):
            if lines:
                lines = _mutate(lines, rng)
        source = "\n".join(lines) + "\n"
        try:
            ast.parse(source)
        except (SyntaxError, ValueError):
            continue
        found.append((path, source))
    return found


def test_mutated_eval_files_never_crash_a_rule() -> None:
    count = int(os.environ.get("DB_MUTANTS", "60"))
    mutants = _mutants(count)
    assert len(mutants) == count
    for path, source in mutants:
        # Linted under the file's own path: its sibling modules resolve as usual.
        _check(source, str(path))


# -- no reference cycles -----------------------------------------------------------
# The plugin pauses the cyclic garbage collector while it checks a file (plugin.py);
# that is only sound while it leaves no cycles behind: each file's tree, parent map
# and analyses must be freed by reference counting the moment the file is done.
def test_checking_a_file_leaves_no_reference_cycles() -> None:
    import gc

    files = [*EVAL_FILES, *sorted((ROOT / "tests" / "projects").rglob("*.py")),
             *sorted((ROOT / "examples").rglob("*.py"))]
    for path in files:   # fills the per-process caches, which are not garbage
        lint_source(path.read_text(encoding="utf-8"), str(path))
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        leaks = []
        for path in files:
            lint_source(path.read_text(encoding="utf-8"), str(path))
            # Collection disabled: everything the file allocated is still in the
            # youngest generation, so collecting it alone finds any new cycle.
            found = gc.collect(0)
            if found:
                leaks.append(f"{path.relative_to(ROOT)}: {found} objects")
    finally:
        if was_enabled:
            gc.enable()
    assert not leaks, leaks
