"""Editors lint the unsaved buffer: ``flake8 - --stdin-display-name <path>``.

Cross-module facts (a timestamp mixin, a child model in another module) must be
found for the buffer exactly as for the file on disk: the display name is the
path the plugin resolves the project from.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from cliutil import run_flake8, write_project

MIXINS = """
    from datetime import datetime

    from sqlalchemy import DateTime, func
    from sqlalchemy.orm import Mapped, mapped_column


    class TimestampMixin:
        created_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now())
        updated_at: Mapped[datetime] = mapped_column(
            DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
"""

BASE = """
    from sqlalchemy.orm import DeclarativeBase


    class Base(DeclarativeBase):
        pass
"""

CHILDREN = """
    from sqlalchemy import ForeignKey
    from sqlalchemy.orm import Mapped, mapped_column

    from app.base import Base
    from app.mixins import TimestampMixin


    class Child(TimestampMixin, Base):
        __tablename__ = "children"
        id: Mapped[int] = mapped_column(primary_key=True)
        parent_id: Mapped[int] = mapped_column(ForeignKey("parents.id"), index=True)
"""

# Tag gets its timestamps from a mixin in another module: silent. Label has none:
# DB102. Parent's relationship nulls a NOT NULL foreign key declared in another
# module: DB109. Note.author_id is an unindexed foreign key: DB101.
MODELS = """
    from sqlalchemy import ForeignKey
    from sqlalchemy.orm import Mapped, mapped_column, relationship

    from app.base import Base
    from app.children import Child
    from app.mixins import TimestampMixin


    class Tag(TimestampMixin, Base):
        __tablename__ = "tags"
        id: Mapped[int] = mapped_column(primary_key=True)


    class Label(Base):
        __tablename__ = "labels"
        id: Mapped[int] = mapped_column(primary_key=True)


    class Parent(TimestampMixin, Base):
        __tablename__ = "parents"
        id: Mapped[int] = mapped_column(primary_key=True)
        children: Mapped[list[Child]] = relationship()


    class Note(TimestampMixin, Base):
        __tablename__ = "notes"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("parents.id"))
"""

SELECT = ["--select=DB1", "--extend-ignore=DB116,DB108,DB110"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("editor"), {
        "app/__init__.py": "",
        "app/base.py": BASE,
        "app/mixins.py": MIXINS,
        "app/children.py": CHILDREN,
        "app/models.py": MODELS,
    })


def findings(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.strip())


def test_disk_findings_are_the_expected_ones(project: Path) -> None:
    result = run_flake8([*SELECT, "app/models.py"], cwd=project)
    assert result.returncode == 1, result.stderr
    codes = [(line.split(":")[1], line.split()[1]) for line in findings(result.stdout)]
    assert codes == [("14", "DB102"), ("22", "DB109"), ("28", "DB101")], result.stdout


@pytest.mark.parametrize("name", ["app/models.py", "app/children.py", "app/mixins.py"])
@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
def test_stdin_buffer_reports_exactly_what_the_file_on_disk_reports(
        project: Path, name: str, absolute: bool) -> None:
    display = str(project / name) if absolute else name
    on_disk = run_flake8([*SELECT, display], cwd=project)
    buffer = (project / name).read_text(encoding="utf-8")
    from_stdin = run_flake8([*SELECT, "-", "--stdin-display-name", display], cwd=project,
                            stdin=buffer)
    assert from_stdin.stderr == "" and on_disk.stderr == ""
    assert findings(from_stdin.stdout) == findings(on_disk.stdout)
    assert from_stdin.returncode == on_disk.returncode


def test_stdin_from_another_working_directory(project: Path, tmp_path: Path) -> None:
    """Editors may start flake8 anywhere; an absolute display name still finds the project."""
    display = str(project / "app" / "models.py")
    buffer = (project / "app" / "models.py").read_text(encoding="utf-8")
    result = run_flake8([*SELECT, "-", "--stdin-display-name", display], cwd=tmp_path,
                        stdin=buffer)
    codes = sorted(line.split()[1] for line in findings(result.stdout))
    assert codes == ["DB101", "DB102", "DB109"], result.stdout + result.stderr


def test_unsaved_buffer_is_linted_not_the_file_on_disk(project: Path) -> None:
    """The buffer gives Label the mixin (not saved yet): its DB102 disappears, while the
    mixin itself is still read from its module on disk."""
    buffer = (project / "app" / "models.py").read_text(encoding="utf-8").replace(
        "class Label(Base):", "class Label(TimestampMixin, Base):")
    result = run_flake8([*SELECT, "-", "--stdin-display-name", "app/models.py"],
                        cwd=project, stdin=buffer)
    codes = sorted(line.split()[1] for line in findings(result.stdout))
    assert codes == ["DB101", "DB109"], result.stdout + result.stderr


def test_without_display_name_unresolvable_imports_stay_silent(
        project: Path, tmp_path: Path) -> None:
    """Plain ``flake8 -`` started outside the project has no path to resolve ``app.*``
    from: Base and the mixins are unknown, so nothing is reported rather than guessed."""
    buffer = (project / "app" / "models.py").read_text(encoding="utf-8")
    result = run_flake8([*SELECT, "-"], cwd=tmp_path, stdin=buffer)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
