"""Run the plugin in-process the way flake8 does, and read expectations from files."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from flake8_fastapi_db.plugin import Plugin
from flake8_fastapi_db.settings import Settings

EXPECT = re.compile(r"#\s*((?:DB\d{3}[\s,]*)+)$")
OPTION_LINE = re.compile(r"^#\s*flake8-fastapi-db:\s*(.+)$")


def lint_source(source: str, filename: str = "example.py",
                settings: Settings | None = None) -> list[tuple[int, int, str]]:
    """(line, col, "DBnnn message") for every finding, all codes enabled."""
    tree = ast.parse(source)
    plugin = Plugin(tree, filename, source.splitlines(keepends=True))
    old = Plugin.settings
    Plugin.settings = settings or Settings()
    try:
        return [(line, col, text) for line, col, text, _ in plugin.run()]
    finally:
        Plugin.settings = old


def codes(findings: list[tuple[int, int, str]]) -> set[tuple[int, str]]:
    return {(line, text.split()[0]) for line, _, text in findings}


def expected(source: str) -> set[tuple[int, str]]:
    out: set[tuple[int, str]] = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            for code in re.findall(r"DB\d{3}", match.group(1)):
                out.add((number, code))
    return out


def selected(source: str) -> tuple[str, ...]:
    """Code prefixes a ``# select: DB101,DB2`` header line restricts the file to."""
    for line in source.splitlines()[:10]:
        if line.startswith("# select:"):
            return tuple(c.strip() for c in line.partition(":")[2].split(",") if c.strip())
    return ("DB",)


def settings_for(source: str) -> Settings:
    """Options from a ``# flake8-fastapi-db: --db-x=a,b`` header line."""
    values: dict[str, tuple[str, ...]] = {}
    from flake8_fastapi_db.settings import OPTIONS

    for line in source.splitlines()[:10]:
        match = OPTION_LINE.match(line)
        if not match:
            continue
        for item in match.group(1).split():
            flag, _, value = item.partition("=")
            spec = next(s for s in OPTIONS if s.flag == flag)
            values[spec.attr] = spec.convert(flag, [v for v in value.split(",") if v])
    return Settings(**values)


def lint_file(path: Path) -> tuple[set[tuple[int, str]], set[tuple[int, str]], list]:
    """(found, expected, raw findings) for one file on disk."""
    source = path.read_text(encoding="utf-8")
    prefixes = selected(source)
    findings = [f for f in lint_source(source, str(path), settings_for(source))
                if f[2].startswith(prefixes) or f[2].startswith("DB000")]
    return codes(findings), expected(source), findings


def describe(found: set[tuple[int, str]], wanted: set[tuple[int, str]], raw: list,
             path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [f"{path}:"]
    for line, code in sorted(found - wanted):
        message = next((t for ln, _, t in raw if ln == line and t.startswith(code)), code)
        out.append(f"  unexpected line {line}: {message}\n      | {lines[line - 1].strip()}")
    for line, code in sorted(wanted - found):
        out.append(f"  missing    line {line}: {code}\n      | {lines[line - 1].strip()}")
    return "\n".join(out)
