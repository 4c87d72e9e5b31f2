#!/usr/bin/env python3
"""Compare the plugin's CPU time of two versions, file by file, in one process.

Whole-process runs of the same code on this kind of machine differ by up to a
third from one run to the next, and two processes started together on two cores
by several percent: too much to see a 5% change. Here both versions live in one
process (their packages copied under other names, so each keeps its own
per-process caches, as in a real run) and check the same parsed file one after
the other, the order swapped every file. A version compared with itself reads
1.00 within about 1%.

What it does not see: the cyclic collector's passes outside the plugin and
flake8's own work (``bench.py`` measures those). Findings of both are counted, so
a change that alters them shows.

Usage (stdlib only; run from the repository)::

    python benchmarks/ab.py HEAD~2 .               # a git revision against the work tree
    python benchmarks/ab.py /path/to/old-checkout . --projects open-webui,zenml
"""
from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling script, stdlib only)

PACKAGE = "flake8_fastapi_db"


def _place(version: str, target: Path) -> None:
    """Put the package of ``version`` (a folder holding it, or a git revision of
    this repository) at ``target``."""
    folder = Path(version)
    if (folder / PACKAGE).is_dir():
        shutil.copytree(folder / PACKAGE, target,
                        ignore=shutil.ignore_patterns("__pycache__"))
        return
    archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", version, PACKAGE],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"ab.py: {version!r} is neither a checkout nor a git revision: "
                         f"{archive.stderr.decode(errors='replace').strip()}")
    with tempfile.TemporaryDirectory() as unpacked:
        subprocess.run(["tar", "-x", "-C", unpacked], input=archive.stdout, check=True)
        shutil.copytree(Path(unpacked, PACKAGE), target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="checkout folder or git revision (A)")
    parser.add_argument("new", help="checkout folder or git revision (B)")
    parser.add_argument("--projects", help="comma-separated corpus members (default: all)")
    parser.add_argument("--cache", help="corpus cache folder (as for corpus.py)")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.projects.split(",")] if args.projects else []
    cache = corpus.cache_dir(args.cache)
    trees = [corpus.ensure(pin, cache, keep_dist=False)
             for pin in corpus.select_pins(corpus.PINS, names)]
    with tempfile.TemporaryDirectory(prefix="fdb-ab-") as tmp:
        plugins = []
        for tag, version in (("a", args.old), ("b", args.new)):
            _place(version, Path(tmp, f"fdb_ab_{tag}"))
        sys.path.insert(0, tmp)
        for tag in ("a", "b"):
            plugins.append(importlib.import_module(f"fdb_ab_{tag}.plugin").Plugin)
        seconds = [0.0, 0.0]
        findings = [0, 0]
        files = 0
        for path, lines, module in corpus.parsed_files(trees):
            files += 1
            for side in ((0, 1) if files % 2 else (1, 0)):
                start = time.process_time()
                findings[side] += len(list(plugins[side](module, str(path), lines).run()))
                seconds[side] += time.process_time() - start
    print(f"{files} files")
    print(f"A {args.old}: {seconds[0]:.2f} s CPU, {findings[0]} findings")
    print(f"B {args.new}: {seconds[1]:.2f} s CPU, {findings[1]} findings")
    print(f"B/A {seconds[1] / seconds[0]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
