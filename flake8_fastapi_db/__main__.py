"""Rule explorer: ``python -m flake8_fastapi_db`` / ``flake8-fastapi-db``.

    list [PREFIX ...]    code, slug, default on/off, one-line summary (``list DB2``);
                         ``--off`` only the opt-in codes, ``--on`` only the default ones
    explain CODE         the rule's documentation page (code or slug)
    checklist            the seed checklist items and the codes answering each

Reads the same rule metadata as the docs generator, so it always matches the
installed rules.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys

from . import __version__
from .checklist import beyond_checklist, item_numbers, item_text, rules_by_item
from .docs import HEADER, rule_page
from .registry import all_rules
from .rules import Rule

PROG = "flake8-fastapi-db"


def _error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def find_rule(key: str) -> type[Rule] | None:
    """A rule by code (``DB101``, ``db101``) or by slug (``foreign-key-without-index``)."""
    key = key.strip()
    for rule in all_rules():
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    return None


def _width() -> int | None:
    """Terminal width when printing to one; no truncation when piped."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def cmd_list(prefixes: list[str], default: bool | None = None) -> int:
    wanted = tuple(p.upper() for p in prefixes)
    rules = [r for r in all_rules() if not wanted or r.code.startswith(wanted)]
    if not rules:
        return _error(f"no rule code starts with {', '.join(prefixes)}")
    if default is not None:
        rules = [r for r in rules if r.default_enabled is default]
    slug_width = max(len(r.name) for r in rules)
    width = _width()
    for rule in rules:
        state = "on " if rule.default_enabled else "off"
        summary = rule.summary().replace("`", "")  # Markdown code marks read as noise here
        line = f"{rule.code}  {rule.name:<{slug_width}}  {state}  {summary}"
        if width and len(line) > width:
            line = line[:max(width - 1, 0)] + "…"
        print(line)
    return 0


def cmd_explain(key: str) -> int:
    rule = find_rule(key)
    if rule is None:
        return _error(f"unknown rule {key!r}; see `{PROG} list`")
    print(rule_page(rule).removeprefix(HEADER).strip())
    return 0


def cmd_checklist() -> int:
    by_item = rules_by_item()
    for number in item_numbers():
        codes = ", ".join(r.code for r in by_item[number]) or "(no rule yet)"
        print(f"{number:>2}. {item_text(number)}\n    {codes}")
    beyond = ", ".join(r.code for r in beyond_checklist()) or "(none)"
    print(f"Beyond the checklist:\n    {beyond}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Explore the rules of the flake8-fastapi-db flake8 plugin.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    lister = sub.add_parser("list", help="list the rules (optionally those whose code "
                                         "starts with PREFIX, e.g. DB2)")
    lister.add_argument("prefixes", nargs="*", metavar="PREFIX")
    state = lister.add_mutually_exclusive_group()
    state.add_argument("--on", dest="default", action="store_const", const=True,
                       help="only codes flake8 reports by default")
    state.add_argument("--off", dest="default", action="store_const", const=False,
                       help="only opt-in codes (enable with --extend-select)")
    explainer = sub.add_parser("explain", help="print a rule's documentation page")
    explainer.add_argument("code", help="a code (DB101) or slug (foreign-key-without-index)")
    sub.add_parser("checklist", help="the review checklist and the codes answering each item")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # `flake8-fastapi-db list | head`: the reader left; not an error of ours. Point
        # stdout at devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "list":
        return cmd_list(args.prefixes, args.default)
    if args.command == "explain":
        return cmd_explain(args.code)
    if args.command == "checklist":
        return cmd_checklist()
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
