"""The plugin through the real ``python -m flake8`` command line."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MODELS = textwrap.dedent('''\
    from sqlalchemy import ForeignKey, String
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

    from .mixins import TimestampMixin


    class Base(DeclarativeBase):
        pass


    class User(TimestampMixin, Base):
        __tablename__ = "users"
        id: Mapped[int] = mapped_column(primary_key=True)
        email: Mapped[str] = mapped_column(String(255), unique=True)
        name: Mapped[str] = mapped_column(String)


    class Post(TimestampMixin, Base):
        __tablename__ = "posts"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


    class Tag(Base):
        __tablename__ = "tags"
        id: Mapped[int] = mapped_column(primary_key=True)
    ''')
MIXINS = textwrap.dedent('''\
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import Mapped, mapped_column


    class TimestampMixin:
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
    ''')


def flake8(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "flake8", "--select=DB", *args], cwd=cwd,
                          input=stdin, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text(MODELS)
    (app / "mixins.py").write_text(MIXINS)
    return tmp_path


def codes(output: str) -> list[str]:
    return sorted(line.split(": ", 1)[1].split()[0] + "@" + line.split(":")[1]
                  for line in output.splitlines() if ": DB" in line)


def test_plugin_is_listed_by_flake8_version(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "flake8-fastapi-db" in result.stdout


def test_cross_module_mixin_columns_count_and_findings_are_reported(project: Path) -> None:
    result = flake8("app", cwd=project)
    found = codes(result.stdout)
    assert "DB101@21" in found            # Post.author_id
    assert "DB102@24" in found            # Tag has no timestamps
    assert not any(c.startswith("DB102@11") or c.startswith("DB102@18") for c in found)
    assert result.returncode == 1


def test_default_off_codes_are_hidden_unless_extend_selected(project: Path) -> None:
    plain = subprocess.run([sys.executable, "-m", "flake8", "app"], cwd=project,
                           capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "DB105" not in plain.stdout and "DB101" in plain.stdout
    extended = subprocess.run([sys.executable, "-m", "flake8", "--extend-select=DB105", "app"],
                              cwd=project, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "DB105" in extended.stdout


def test_noqa_with_code_silences_that_finding(project: Path) -> None:
    models = project / "app" / "models.py"
    models.write_text(models.read_text().replace(
        'mapped_column(ForeignKey("users.id"))', 'mapped_column(ForeignKey("users.id"))'
        '  # noqa: DB101'))
    assert "DB101" not in flake8("app", cwd=project).stdout


def test_options_are_read_from_setup_cfg(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\ndb-timestamp-columns = inserted_at,changed_at\n")
    found = codes(flake8("app", cwd=project).stdout)
    # The mixin's created_at/updated_at no longer count, so every model lacks timestamps.
    assert {"DB102@11", "DB102@18", "DB102@24"} <= set(found)


def test_bad_option_value_is_one_line_naming_the_option(project: Path) -> None:
    result = flake8("--db-timestamp-columns=only_one", "app", cwd=project)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "--db-timestamp-columns" in lines[0]
    assert "Traceback" not in result.stderr


def test_jobs_one_and_two_give_identical_output(project: Path) -> None:
    for i in range(6):
        (project / "app" / f"extra{i}.py").write_text(
            MODELS.replace("from .mixins", "from app.mixins"))
    one = flake8("--jobs=1", "app", cwd=project).stdout
    two = flake8("--jobs=2", "app", cwd=project).stdout
    assert sorted(one.splitlines()) == sorted(two.splitlines())
    assert "DB101" in one


def test_stdin_with_display_name_resolves_cross_module_facts(project: Path) -> None:
    path = project / "app" / "models.py"
    on_disk = codes(flake8("app/models.py", cwd=project).stdout)
    from_stdin = codes(flake8("--stdin-display-name", "app/models.py", "-", cwd=project,
                              stdin=path.read_text()).stdout)
    assert on_disk == from_stdin
    assert "DB101@21" in from_stdin and "DB102@24" in from_stdin


def test_plugin_import_does_not_import_astroid_or_sqlalchemy() -> None:
    code = ("import sys, flake8_fastapi_db.plugin; "
            "print(sorted(m for m in ('astroid', 'sqlalchemy', 'fastapi') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "[]", result.stderr
