"""The seed guide's Review Checklist and which rules answer each item.

The item texts live here, once, verbatim from the guide. Which codes answer an
item is NOT listed here: every rule declares it itself (``Rule.checklist``), so a
rule added later lands under its item in the checklist report, the explorer and
the docs without touching this module.
"""
from __future__ import annotations

from .rules import InternalError, Rule

# "## Review Checklist" of the seed guide, in its order; item n is ITEMS[n - 1].
ITEMS: tuple[str, ...] = (
    "All tables have proper indexes (primary keys, foreign keys, frequently queried columns)",
    "Timestamps (created_at, updated_at) on all tables",
    "Proper use of eager loading (selectinload/joinedload) to avoid N+1 queries",
    "Pagination implemented for list endpoints",
    "Database sessions managed through dependency injection",
    "Proper transaction handling for multi-step operations",
    "Alembic migrations for all schema changes",
    "Connection pool properly configured",
    "Bulk operations for batch inserts/updates",
    "Proper cascade rules on relationships",
    "Indexes on foreign keys",
    "Composite indexes for common query patterns",
)

BEYOND = "Beyond the checklist"


def item_numbers() -> range:
    return range(1, len(ITEMS) + 1)


def item_text(number: int) -> str:
    return ITEMS[number - 1]


def _registered(rules: list[type[Rule]] | None) -> list[type[Rule]]:
    if rules is not None:
        return rules
    from .registry import all_rules  # late: importing the checks is not free

    return all_rules()


def rules_by_item(rules: list[type[Rule]] | None = None) -> dict[int, list[type[Rule]]]:
    """Item number -> the rules that answer it (sorted by code); every item is a key."""
    rules = _registered(rules)
    out: dict[int, list[type[Rule]]] = {number: [] for number in item_numbers()}
    for rule in sorted(rules, key=lambda r: r.code):
        for number in rule.checklist:
            if number in out and rule not in out[number]:
                out[number].append(rule)
    return out


def beyond_checklist(rules: list[type[Rule]] | None = None) -> list[type[Rule]]:
    """Rules that answer no checklist item (sorted by code), DB000 aside: it reports
    a bug of the plugin, not a finding about the reviewed code."""
    rules = _registered(rules)
    return sorted((r for r in rules if not r.checklist and r is not InternalError),
                  key=lambda r: r.code)


def invalid_items(rules: list[type[Rule]] | None = None) -> list[str]:
    """``DBnnn: item N`` for every declared item number that is not in the checklist."""
    rules = _registered(rules)
    valid = set(item_numbers())
    return [f"{rule.code}: item {number}" for rule in rules for number in rule.checklist
            if number not in valid]
