"""A fresh (non-editable) install must contain every module of the package."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "flake8_fastapi_db"


def test_every_package_directory_has_an_init() -> None:
    """setup.cfg's ``packages = find:`` skips directories without ``__init__.py``: an
    editable install still works, a wheel silently lacks them (ModuleNotFoundError
    at flake8 start-up, as `pre-commit try-repo` showed for ``project/``)."""
    missing = [str(d.relative_to(PACKAGE.parent)) for d in [PACKAGE, *PACKAGE.rglob("*")]
               if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
               and not (d / "__init__.py").is_file()]
    assert missing == []
