"""Run the real ``python -m flake8`` on small projects written into a temp dir.

The subprocess imports ``flake8_fastapi_db`` from this checkout (PYTHONPATH),
while flake8 finds the plugin through the installed entry points, which is what
a user gets after ``pip install``.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# A model module with findings of several kinds: DB102 (line 10), DB101 (13),
# DB106 (14, beyond the checklist) and F401 (1, not from this plugin).
SAMPLE_MODELS = """
    import os
    from sqlalchemy import ForeignKey
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        pass


    class Post(Base):
        __tablename__ = "posts"
        id: Mapped[int] = mapped_column(primary_key=True)
        author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
        password: Mapped[str] = mapped_column()
"""


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Files (dedented) under ``root``; a pyproject.toml marks it as its own project."""
    files = {"pyproject.toml": "", **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def require_entry_points(group: str, *names: str) -> None:
    found = {ep.name for ep in entry_points(group=group)}
    missing = [name for name in names if name not in found]
    if missing:
        pytest.fail(f"{group} entry point(s) {missing} are not installed in this environment; "
                    f"run `pip install -e {REPO}` after changing setup.cfg")


def run_flake8(args: list[str], cwd: Path, stdin: str | None = None
               ) -> subprocess.CompletedProcess[str]:
    require_entry_points("flake8.extension", "DB")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "flake8", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120)
