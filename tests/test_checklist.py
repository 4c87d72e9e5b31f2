"""The checklist data: item texts verbatim from the seed, every rule's items valid."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_fastapi_db.checklist import (ITEMS, beyond_checklist, invalid_items,
                                         rules_by_item)
from flake8_fastapi_db.registry import all_rules

REPO = Path(__file__).resolve().parent.parent
SEED_DIRS = (REPO.parent / "shared" / "seed", Path("/work/shared/seed"))

# The intended mapping (lead's decision, issue 8). Each rule declares its own items;
# this table only catches a rule that declares something else. Codes not in it
# answer no item ("Beyond the checklist").
INTENDED: dict[int, set[str]] = {
    1: {"DB101", "DB107", "DB111", "DB114", "DB117"},
    2: {"DB102", "DB103", "DB104"},
    3: {"DB201", "DB202", "DB203", "DB212", "DB603"},
    4: {"DB204", "DB205", "DB206"},
    5: {"DB301", "DB302", "DB303", "DB308"},
    6: {"DB304", "DB305", "DB306", "DB307"},
    7: {f"DB40{n}" for n in range(1, 10)},
    8: {f"DB50{n}" for n in range(1, 7)},
    9: {"DB207", "DB306"},
    10: {"DB109", "DB110"},
    11: {"DB101", "DB405"},
    12: {"DB115", "DB117"},
}


def seed_items() -> list[str] | None:
    for directory in SEED_DIRS:
        for path in sorted(directory.glob("*.txt")) if directory.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            if "## Review Checklist" in text:
                block = text.split("## Review Checklist", 1)[1].split("\n## ", 1)[0]
                return re.findall(r"^- \[ \] (.+)$", block, flags=re.M)
    return None


def test_items_are_the_seed_checklist_verbatim() -> None:
    items = seed_items()
    if items is None:
        pytest.skip("seed guide not found next to the repository")
    assert list(ITEMS) == items


def test_every_declared_item_exists() -> None:
    assert invalid_items() == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_declares_the_intended_items(rule: type) -> None:
    intended = tuple(sorted(n for n, codes in INTENDED.items() if rule.code in codes))
    assert tuple(sorted(rule.checklist)) == intended


def test_every_rule_is_under_an_item_or_beyond() -> None:
    by_item = rules_by_item()
    assert sorted(by_item) == list(range(1, len(ITEMS) + 1))
    listed = {r for rules in by_item.values() for r in rules} | set(beyond_checklist())
    assert listed == {r for r in all_rules() if r.code != "DB000"}
    assert all(r.code != "DB000" for r in beyond_checklist())
