"""Checker registration: every checker module under ``checks/`` registers itself."""
from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

from .rules import InternalError, Rule

if TYPE_CHECKING:
    from .checker import Checker

CHECKERS: list[type[Checker]] = []
_loaded = False


def register(cls: type[Checker]) -> type[Checker]:
    """Class decorator adding a checker; validates its rules at import time."""
    if not cls.rules:
        raise TypeError(f"{cls.__name__} declares no rules")
    for rule in cls.rules:
        _validate(rule)
    CHECKERS.append(cls)
    return cls


def _validate(rule: type[Rule]) -> None:
    if not (rule.code.startswith("DB") and len(rule.code) == 5 and rule.code[2:].isdigit()):
        raise TypeError(f"{rule.__name__}: bad code {rule.code!r}")
    if not rule.name or rule.name != rule.name.lower() or " " in rule.name:
        raise TypeError(f"{rule.__name__}: name must be a kebab-case slug")
    if not rule.message:
        raise TypeError(f"{rule.__name__}: missing message")


def load_checkers() -> list[type[Checker]]:
    global _loaded
    if not _loaded:
        from . import checks

        for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name):
            importlib.import_module(f"{checks.__name__}.{info.name}")
        _loaded = True
    return CHECKERS


def all_rules() -> list[type[Rule]]:
    """Every rule, DB000 included, sorted by code; codes are unique."""
    seen: dict[str, type[Rule]] = {InternalError.code: InternalError}
    for checker in load_checkers():
        for rule in checker.rules:
            other = seen.get(rule.code)
            if other is not None and other is not rule:
                raise TypeError(f"{rule.code} declared twice: {other.__name__}, {rule.__name__}")
            seen[rule.code] = rule
    return [seen[code] for code in sorted(seen)]


def rule_by_code(code: str) -> type[Rule] | None:
    return next((r for r in all_rules() if r.code == code.upper()), None)
