"""docs/index.md and docs/usage.md: the generated checklist map is current, the
before/after example says what the plugin really reports, usage covers every
option, formatter and explorer command."""
from __future__ import annotations

import re
from pathlib import Path

from flake8_fastapi_db.docs import CHECKLIST_END, CHECKLIST_START, checklist_section
from flake8_fastapi_db.registry import all_rules
from flake8_fastapi_db.settings import OPTIONS
from lintutil import lint_source

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "docs" / "index.md"
USAGE = ROOT / "docs" / "usage.md"
DEFAULT_ON = {r.code for r in all_rules() if r.default_enabled}


def block_after(text: str, marker: str) -> str:
    """The fenced block right after ``<!-- example:<marker> -->``."""
    match = re.search(rf"<!-- example:{marker} -->\n```\w*\n(.*?)```", text, re.S)
    assert match, f"docs/index.md lacks the example:{marker} block"
    return match.group(1)


def flake8_lines(source: str, project: Path) -> list[str]:
    """What ``flake8 app/models.py`` prints for ``source`` (default-on codes)."""
    (project / "app").mkdir(parents=True)
    (project / "pyproject.toml").write_text("")
    (project / "app" / "__init__.py").write_text("")
    path = project / "app" / "models.py"
    path.write_text(source)
    return [f"app/models.py:{line}:{col + 1}: {text}"
            for line, col, text in lint_source(source, str(path))
            if text.split()[0] in DEFAULT_ON]


def test_front_page_checklist_map_is_generated_and_current() -> None:
    text = INDEX.read_text(encoding="utf-8")
    assert CHECKLIST_START in text and CHECKLIST_END in text
    assert checklist_section(text, all_rules()) == text, \
        "run: python -m flake8_fastapi_db.docs"


def test_before_example_output_is_what_the_plugin_reports(tmp_path: Path) -> None:
    text = INDEX.read_text(encoding="utf-8")
    expected = block_after(text, "output").splitlines()
    assert flake8_lines(block_after(text, "before"), tmp_path) == expected


def test_after_example_is_clean(tmp_path: Path) -> None:
    text = INDEX.read_text(encoding="utf-8")
    assert flake8_lines(block_after(text, "after"), tmp_path) == []


def test_usage_covers_options_formats_and_explorer_commands() -> None:
    text = USAGE.read_text(encoding="utf-8")
    for spec in OPTIONS:
        assert f"`{spec.flag}`" in text, spec.flag
    for name in ("db-checklist", "db-checklist-md"):
        assert f"--format={name} " in text
    for command in ("list", "explain", "checklist"):
        assert f"flake8-fastapi-db {command}" in text, command


def test_docs_link_only_to_pages_that_exist() -> None:
    for page in (INDEX, USAGE):
        for target in re.findall(r"\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)",
                                 page.read_text(encoding="utf-8")):
            if not re.fullmatch(r"rules/DB\d{3}\.md", target):  # generated per rule
                assert (page.parent / target).exists(), f"{page.name}: {target}"
