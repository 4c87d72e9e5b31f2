#!/usr/bin/env python3
"""cProfile the plugin alone over the corpus, in-process (no flake8 around it).

Each file is read and parsed with ``ast`` outside the profiler; only
``Plugin(tree, filename, lines).run()`` is profiled, so the report shows where
the plugin itself spends its time. Files are visited in sorted order, as
``flake8 --jobs 1`` would, so per-process caches behave as in a real run.

Usage (stdlib only)::

    python benchmarks/profile_plugin.py                       # whole corpus
    python benchmarks/profile_plugin.py --projects open-webui --top 40
    python benchmarks/profile_plugin.py --sort tottime --out /tmp/plugin.prof
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling script, stdlib only)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", help="comma-separated corpus members (default: all)")
    parser.add_argument("--cache", help="corpus cache folder (as for corpus.py)")
    parser.add_argument("--top", type=int, default=30, help="rows of the report")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key")
    parser.add_argument("--out", help="also dump the raw profile here")
    parser.add_argument("--non-db", action="store_true",
                        help="only files whose text names none of sqlalchemy/sqlmodel/"
                             "fastapi/alembic (the cost the relevance gate must keep low)")
    args = parser.parse_args(argv)

    from flake8_fastapi_db.plugin import Plugin

    names = [n.strip() for n in args.projects.split(",")] if args.projects else []
    cache = corpus.cache_dir(args.cache)
    trees = [corpus.ensure(pin, cache, keep_dist=False)
             for pin in corpus.select_pins(corpus.PINS, names)]
    # CPU time, not wall time: on a shared machine the neighbours would
    # otherwise show up in every row.
    profiler = cProfile.Profile(time.process_time)
    files = findings = 0
    per_file: list[tuple[float, Path]] = []
    for path, lines, module in corpus.parsed_files(trees):
        if args.non_db and any(lib in "".join(lines) for lib in corpus.LIBRARIES):
            continue
        files += 1
        start = time.process_time()
        profiler.enable()
        found = list(Plugin(module, str(path), lines).run())
        profiler.disable()
        per_file.append((time.process_time() - start, path))
        findings += len(found)
    stats = pstats.Stats(profiler)
    total = sum(t for t, _ in per_file)
    print(f"{files} files, {findings} findings, plugin CPU time {total:.2f} s (under cProfile)")
    print("slowest files:")
    for seconds, path in sorted(per_file, reverse=True)[:10]:
        print(f"  {seconds:8.3f} s  {path}")
    if args.out:
        stats.dump_stats(args.out)
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
