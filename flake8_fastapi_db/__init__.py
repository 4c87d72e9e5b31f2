"""flake8 plugin reviewing the data layer of FastAPI applications."""
from __future__ import annotations

__version__ = "0.1.0"
