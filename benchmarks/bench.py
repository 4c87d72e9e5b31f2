#!/usr/bin/env python3
"""Performance benchmark of flake8-fastapi-db on the pinned real-code corpus.

A script, not a unit test: it runs the real ``flake8`` CLI several times over
the corpus of ``benchmarks/corpus.py`` and prints a table of wall times, peak
memory, import cost and ratios against the targets of DESIGN.md invariant 7:

    overhead  = (with plugin - plain) / plain            <= 0.25
    DB only   = only our plugin loaded / plain           <= 0.5
    import    = import flake8_fastapi_db.plugin          <= 20 ms, astroid not imported
    non-DB    = with plugin / plain on files naming none
                of sqlalchemy/sqlmodel/fastapi/alembic
                and importing no project module that
                uses SQLAlchemy/SQLModel                 <= 1.05
    scaling   = corpus twice over / corpus once          <= 2.2
    peak RSS  = with plugin / plain                      <= 2

"plain" is flake8 in the same environment with the plugin's distribution
filtered out of plugin discovery (``benchmarks/_flake8_runner.py``). The
plugin under test is the one importable by the running interpreter. The last
line printed is exactly ``overhead=<value with 3 decimals>``.

The runs are made in ``--runs`` rounds. A round runs every configuration once,
the two sides of each ratio one right after the other, and every other round
runs them in reverse order. Each ratio is computed within a round and the
median over rounds is reported, with its range: the machine's speed drifts by
tens of percent within minutes, which one run per configuration, or medians
taken per configuration, would pass on to the ratios.

Usage (stdlib only)::

    python benchmarks/bench.py                   # all projects, 3 runs each
    python benchmarks/bench.py --runs 1 --projects prefect,zenml
    python benchmarks/bench.py --quick           # small subset, 1 run: a smoke test
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling script, stdlib only)

RUNNER = HERE / "_flake8_runner.py"
LIBRARIES = ("sqlalchemy", "sqlmodel", "fastapi", "alembic")
# Files per project in --quick mode: enough to exercise every code path, small
# enough for a smoke run of well under a minute.
QUICK_FILES_PER_PROJECT = 20

TARGETS = {
    "overhead": 0.25,
    "db_only": 0.5,
    "import_ms": 20.0,
    "non_db": 1.05,
    "scaling": 2.2,
    "rss": 2.0,
}


@dataclass
class Measure:
    seconds: float        # wall clock
    cpu: float            # user + sys of flake8 and its workers
    maxrss_kb: int
    db_lines: int
    db000_lines: int
    output_lines: int


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- running flake8 ----------------------------------------------------------
def run_once(mode: str, flake8_args: Sequence[str], paths_file: Path) -> Measure:
    """One flake8 run in a fresh wrapper process (its own RUSAGE_CHILDREN)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    try:
        command = [sys.executable, str(RUNNER), "--measure", str(out), "--mode", mode, "--",
                   "--isolated", *flake8_args, "--paths-from", str(paths_file)]
        subprocess.run(command, check=True)
        data = json.loads(out.read_text(encoding="utf-8"))
    finally:
        out.unlink(missing_ok=True)
    # flake8 exits 1 when it reports something; anything else is a failure.
    if data["returncode"] not in (0, 1):
        raise SystemExit(f"flake8 ({mode} {' '.join(flake8_args)}) exited "
                         f"{data['returncode']}:\n{data['stderr_tail']}")
    return Measure(data["seconds"], data["cpu_seconds"], data["maxrss_kb"], data["db_lines"],
                   data["db000_lines"], data["output_lines"])


def run_rounds(jobs: Sequence[tuple[str, str, str, list[str], list[Path]]], rounds: int,
               workdir: Path, parallel: bool) -> dict[str, list[Measure]]:
    """Every job once per round; odd rounds in reverse order (see the module doc).

    With ``parallel`` every job of a round runs at once: CPU-time ratios stay
    meaningful, wall times do not.
    """
    paths_files: dict[str, Path] = {}
    for key, _label, _mode, _fargs, paths in jobs:
        paths_files[key] = workdir / f"paths-{key}.txt"
        paths_files[key].write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")

    def one(job: tuple[str, str, str, list[str], list[Path]], number: int) -> Measure:
        key, label, mode, fargs, _paths = job
        log(f"  round {number}/{rounds} {label} ...")
        m = run_once(mode, fargs, paths_files[key])
        log(f"  round {number}/{rounds} {label}: wall {m.seconds:.2f} s, cpu {m.cpu:.2f} s, "
            f"{m.maxrss_kb / 1024:.0f} MiB, {m.db_lines} DB lines")
        return m

    results: dict[str, list[Measure]] = {key: [] for key, *_ in jobs}
    for index in range(rounds):
        order = list(jobs) if index % 2 == 0 else list(reversed(jobs))
        if parallel:
            with ThreadPoolExecutor(max_workers=len(order)) as pool:
                done = [(job[0], pool.submit(one, job, index + 1)) for job in order]
                for key, future in done:
                    results[key].append(future.result())
        else:
            for job in order:
                results[job[0]].append(one(job, index + 1))
    return results


def median_of(measures: Sequence[Measure]) -> Measure:
    last = measures[-1]
    return Measure(statistics.median(m.seconds for m in measures),
                   statistics.median(m.cpu for m in measures),
                   int(statistics.median(m.maxrss_kb for m in measures)),
                   last.db_lines, last.db000_lines, last.output_lines)


def paired(results: dict[str, list[Measure]], over: str, under: str,
           value: Callable[[Measure, Measure], float]) -> tuple[float, float, float]:
    """``value(over, under)`` within each round: (median, min, max) over rounds."""
    values = [value(a, b) for a, b in zip(results[over], results[under])]
    return statistics.median(values), min(values), max(values)


def spread(low: float, high: float) -> str:
    return f" ({low:.3f}-{high:.3f})" if high > low else ""


# -- import cost -------------------------------------------------------------
_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)\s*$")


def import_cost(statement: str, module: str, runs: int) -> tuple[float, set[str]]:
    """Cumulative ms of importing ``module`` (best of runs), and heavy libraries seen.

    Measured with ``python -X importtime -c statement`` in a fresh interpreter,
    the best of ``runs`` (least disturbed by other processes);
    the figure is the sum of the top-level entries of our package (the package
    ``__init__`` is imported first, as its own top-level entry).
    """
    values = []
    heavy: set[str] = set()
    for _ in range(runs):
        completed = subprocess.run([sys.executable, "-X", "importtime", "-c", statement],
                                   capture_output=True, text=True, check=True)
        micros = 0
        for line in completed.stderr.splitlines():
            match = _IMPORTTIME.match(line)
            if not match:
                continue
            _self, cumulative, indent, name = match.groups()
            top = name.split(".")[0]
            if top in ("astroid", "sqlalchemy", "sqlmodel", "fastapi", "pydantic", "alembic"):
                heavy.add(top)
            if len(indent) == 1 and top == module.split(".")[0]:
                micros += int(cumulative)
        values.append(micros / 1000)
    return min(values), heavy


def warm_bytecode(prefix: Path) -> None:
    """Let every child use and write cached bytecode, and fill the cache once.

    Users run with ``.pyc`` files; an environment exporting
    ``PYTHONDONTWRITEBYTECODE`` (CI images, sandboxes) would otherwise make each
    process compile the plugin (and stdlib modules without a ``.pyc``) from
    source, which dominates the import figure. The cache goes to a prefix
    folder outside the source tree.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    env = dict(os.environ, FLAKE8_BENCH_MODE="plugin")
    subprocess.run([sys.executable, str(RUNNER), "--version"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-c", "import flake8_fastapi_db.context, "
                    "flake8_fastapi_db.runner, multiprocessing.pool"], check=True)


# -- file sets ---------------------------------------------------------------
def mentions_db_library(path: Path) -> bool:
    text = path.read_text(encoding="utf-8", errors="replace")
    return any(lib in text for lib in LIBRARIES)


_ORM = (b"sqlalchemy", b"sqlmodel")


def _import_targets(module: ast.Module, package: tuple[str, ...],
                    ) -> list[tuple[tuple[str, ...], set[str] | None, set[str] | None]]:
    """(module name parts, the names imported from it (None: the whole module), the
    names the statement binds (None: a star import)) for every import statement;
    relative imports resolved against ``package``."""
    out: list[tuple[tuple[str, ...], set[str] | None, set[str] | None]] = []
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            out.extend((tuple(a.name.split(".")), None, {a.asname or a.name.split(".")[0]})
                       for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base: tuple[str, ...] = tuple(node.module.split(".")) if node.module else ()
            if node.level:
                up = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                base = (*up, *base)
            names = {a.name for a in node.names}
            if "*" in names:
                out.append((base, None, None))
                continue
            out.append((base, names, {a.asname or a.name for a in node.names}))
            out.extend(((*base, a.name), None, {a.asname or a.name}) for a in node.names)
    return out


def _files(tree: Path, parts: tuple[str, ...]) -> list[Path]:
    if not parts:
        return []
    return [c for c in (tree.joinpath(*parts, "__init__.py"),
                        tree.joinpath(*parts[:-1], parts[-1] + ".py")) if c.is_file()]


def imported_modules(path: Path, tree: Path, depth: int = 3,
                     wanted: set[str] | None = None) -> set[Path]:
    """Files of the corpus tree ``tree`` that ``path`` imports (absolute imports from
    the tree's top level, relative imports from the file's package; for ``from m
    import x`` both ``m.x`` and ``m``), and, through up to ``depth`` package
    ``__init__``s, the modules those re-export the imported names from (every module
    an ``__init__`` imports when the package itself is imported).

    ``wanted``: only imports binding these names (a re-export being followed).
    The benchmark's own scan, independent of the plugin's relevance gate, so the
    figure below measures the gate rather than agreeing with it by construction.
    """
    try:
        module = ast.parse(path.read_bytes())
    except (SyntaxError, ValueError):
        return set()
    package = path.parent.relative_to(tree).parts
    found: set[Path] = set()
    for parts, names, binds in _import_targets(module, package):
        if wanted is not None and binds is not None and not binds & wanted:
            continue
        for candidate in _files(tree, parts):
            if candidate == path:
                continue
            found.add(candidate)
            if depth and candidate.name == "__init__.py":
                found |= imported_modules(candidate, tree, depth - 1, names)
    return found


def non_db_per_target(files: list[Path], tree_of: dict[Path, Path]) -> list[Path]:
    """Files naming no DB library that import no project module using SQLAlchemy or
    SQLModel (models, sessions, engines): the set the issue's non-DB target names
    ("files that import none of ... and no project model")."""
    orm: dict[Path, bool] = {}

    def uses_orm(module: Path) -> bool:
        if module not in orm:
            data = module.read_bytes()
            orm[module] = any(marker in data for marker in _ORM)
        return orm[module]

    return [f for f in files
            if not any(uses_orm(m) for m in imported_modules(f, tree_of[f]))]


def py_files(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*.py") if p.is_file())


def quick_subset(files: list[Path]) -> list[Path]:
    """Deterministic sample spread over the tree, DB and non-DB files alike."""
    if len(files) <= QUICK_FILES_PER_PROJECT:
        return files
    step = len(files) / QUICK_FILES_PER_PROJECT
    return [files[int(i * step)] for i in range(QUICK_FILES_PER_PROJECT)]


def hardlink_copy(src: Path, dest: Path) -> None:
    """A second copy of a corpus tree: hard links when possible (instant)."""
    try:
        subprocess.run(["cp", "-al", str(src), str(dest)], check=True,
                       stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(src, dest)


# -- report ------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", help="comma-separated corpus members (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_FILES_PER_PROJECT} files per project, 1 run (smoke test)")
    parser.add_argument("--runs", type=int, default=None,
                        help="rounds (each configuration once per round); ratios are the "
                             "median over rounds (default 3; 1 with --quick)")
    parser.add_argument("--cache", help="corpus cache folder (as for corpus.py)")
    parser.add_argument("--skip", default="",
                        help="comma-separated parts to skip: dbonly,floor,nondb,jobs2,scaling")
    parser.add_argument("--parallel", action="store_true",
                        help="run a round's configurations concurrently (shared machines: "
                             "faster, CPU ratios stay valid, wall times do not)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (1 if args.quick else 3)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    names = [n.strip() for n in args.projects.split(",")] if args.projects else []
    try:
        pins = corpus.select_pins(corpus.PINS, names)
    except corpus.CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cache = corpus.cache_dir(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    trees = [corpus.ensure(pin, cache, keep_dist=False) for pin in pins]

    warm_bytecode(cache.parent / "bench-pycache")

    selected: dict[Path, list[Path]] = {}
    for tree in trees:
        files = py_files(tree)
        selected[tree] = quick_subset(files) if args.quick else files
    all_files = [f for files in selected.values() for f in files]
    tree_of = {f: tree for tree, files in selected.items() for f in files}
    # Two non-DB sets: files naming no DB library (strict, informational), and of
    # those the ones importing no DB-using project module (the target's set).
    text_non_db = [f for f in all_files if not mentions_db_library(f)]
    non_db = non_db_per_target(text_non_db, tree_of)
    lines = sum(len(f.read_bytes().splitlines()) for f in all_files)
    non_db_lines = sum(len(f.read_bytes().splitlines()) for f in non_db)
    text_non_db_lines = sum(len(f.read_bytes().splitlines()) for f in text_non_db)
    # Whole trees are passed (as a user would) unless --quick picked files.
    targets = all_files if args.quick else trees

    plugin_args = ["--jobs", "1", "--extend-select=DB"]
    plain_args = ["--jobs", "1"]
    rows: list[tuple[str, str, str, str]] = []   # label, measured, target, verdict
    results: dict[str, Measure] = {}

    # Same filesystem as the corpus, so the second copy can be hard links.
    with tempfile.TemporaryDirectory(prefix="bench-", dir=cache.parent) as tmp:
        work = Path(tmp)
        log(f"corpus: {len(all_files)} files, {lines} lines ({len(non_db)} non-DB files, "
            f"{non_db_lines} lines); runs={runs}; python={sys.executable}")
        # (key, label, mode, flake8 args, paths). Order matters: the two sides of a
        # ratio run next to each other (plain sits between "with plugin" and "DB only").
        jobs: list[tuple[str, str, str, list[str], list[Path]]] = [
            ("plugin", "with plugin", "plugin", plugin_args, targets),
            ("plain", "plain", "plain", plain_args, targets),
        ]
        if "dbonly" not in skip:
            jobs.append(("only", "DB only", "only", ["--jobs", "1", "--select=DB"], targets))
        if "floor" not in skip:
            jobs.append(("none", "no checks (floor)", "none", ["--jobs", "1"], targets))
        if "nondb" not in skip and non_db:
            jobs.append(("nondb_plain", "non-DB plain", "plain", plain_args, non_db))
            jobs.append(("nondb_plugin", "non-DB with plugin", "plugin", plugin_args, non_db))
            jobs.append(("textnondb_plain", "no DB library named, plain", "plain", plain_args,
                         text_non_db))
            jobs.append(("textnondb_plugin", "no DB library named, with plugin", "plugin",
                         plugin_args, text_non_db))
        if "jobs2" not in skip:
            jobs.append(("jobs2", "with plugin --jobs 2", "plugin",
                         ["--jobs", "2", "--extend-select=DB"], targets))
        if "scaling" not in skip:
            copies = work / "copy"
            copies.mkdir()
            second: list[Path] = []
            for tree in trees:
                hardlink_copy(tree, copies / tree.name)
                if args.quick:
                    second.extend(copies / tree.name / f.relative_to(tree)
                                  for f in selected[tree])
                else:
                    second.append(copies / tree.name)
            jobs.append(("twice", "corpus twice, with plugin", "plugin", plugin_args,
                         [*targets, *second]))
        per_round = run_rounds(jobs, runs, work, args.parallel)
        results.update({key: median_of(measures) for key, measures in per_round.items()})

    imp_ms, heavy = import_cost("import flake8_fastapi_db.plugin", "flake8_fastapi_db",
                                max(runs, 5))
    full_ms, full_heavy = import_cost(
        "import flake8_fastapi_db.plugin, flake8_fastapi_db.context, "
        "flake8_fastapi_db.runner, flake8_fastapi_db.registry as r; r.load_checkers()",
        "flake8_fastapi_db", max(runs, 5))

    # -- table ---------------------------------------------------------------
    print(f"flake8-fastapi-db benchmark: {len(trees)} project(s), {len(all_files)} files, "
          f"{lines:,} lines{' (quick subset)' if args.quick else ''}; {runs} round(s), "
          f"medians (ratios: median within-round ratio, range)")
    print(f"python {sys.version.split()[0]} at {sys.executable}; cpus={os.cpu_count()}")
    print()
    print(f"{'run':<36} {'wall s':>8} {'cpu s':>8} {'lines/cpu-s':>11} {'peak RSS MiB':>13} "
          f"{'DB findings':>12}")
    line_counts = {"nondb_plain": non_db_lines, "nondb_plugin": non_db_lines,
                   "textnondb_plain": text_non_db_lines,
                   "textnondb_plugin": text_non_db_lines, "twice": 2 * lines}
    labels = {
        "plain": "plain flake8 --jobs 1",
        "plugin": "with plugin, --extend-select=DB",
        "only": "DB codes alone (--select=DB)",
        "none": "no checks at all (flake8 floor)",
        "jobs2": "with plugin --jobs 2",
        "nondb_plain": "non-DB files, plain",
        "nondb_plugin": "non-DB files, with plugin",
        "textnondb_plain": "no DB library named, plain",
        "textnondb_plugin": "no DB library named, with plugin",
        "twice": "corpus twice, with plugin",
    }
    for key, label in labels.items():
        m = results.get(key)
        if m is None:
            continue
        n = line_counts.get(key, lines)
        findings = "-" if key in ("plain", "nondb_plain", "textnondb_plain", "none") else \
            f"{m.db_lines} ({m.db000_lines} DB000)"
        print(f"{label:<36} {m.seconds:>8.2f} {m.cpu:>8.2f} {n / m.cpu:>11,.0f} "
              f"{m.maxrss_kb / 1024:>13.0f} {findings:>12}")
    print()

    # Ratios use CPU seconds: on a shared machine wall time measures the
    # neighbours as much as flake8. (--jobs 2 is compared on wall time.)
    def cpu_ratio(a: Measure, b: Measure) -> float:
        return a.cpu / b.cpu

    overhead, low, high = paired(per_round, "plugin", "plain",
                                 lambda a, b: cpu_ratio(a, b) - 1)
    rows.append(("overhead (plugin - plain) / plain", f"{overhead:.3f}{spread(low, high)}",
                 f"<= {TARGETS['overhead']}", verdict(overhead <= TARGETS["overhead"])))
    if "only" in results:
        ratio, low, high = paired(per_round, "only", "plain", cpu_ratio)
        rows.append(("DB only / plain", f"{ratio:.3f}{spread(low, high)}",
                     f"<= {TARGETS['db_only']}", verdict(ratio <= TARGETS["db_only"])))
        if "none" in results:
            own = statistics.median(
                (o.cpu - n.cpu) / p.cpu for o, n, p in
                zip(per_round["only"], per_round["none"], per_round["plain"]))
            rows.append(("  (info) (DB only - floor) / plain", f"{own:.3f}", "-", "-"))
    import_ok = imp_ms <= TARGETS["import_ms"] and "astroid" not in heavy
    rows.append(("import flake8_fastapi_db.plugin (ms)",
                 f"{imp_ms:.1f} heavy={','.join(sorted(heavy)) or 'none'}",
                 f"<= {TARGETS['import_ms']:.0f}, no astroid", verdict(import_ok)))
    rows.append(("  (info) + context/runner/all checks",
                 f"{full_ms:.1f} heavy={','.join(sorted(full_heavy)) or 'none'}", "-", "-"))
    if "nondb_plugin" in results:
        ratio, low, high = paired(per_round, "nondb_plugin", "nondb_plain", cpu_ratio)
        rows.append((f"non-DB files ({len(non_db)}) plugin / plain",
                     f"{ratio:.3f}{spread(low, high)}",
                     f"<= {TARGETS['non_db']}", verdict(ratio <= TARGETS["non_db"])))
    if "textnondb_plugin" in results:
        ratio, low, high = paired(per_round, "textnondb_plugin", "textnondb_plain", cpu_ratio)
        rows.append((f"  (info) no DB library named ({len(text_non_db)})",
                     f"{ratio:.3f}{spread(low, high)}",
                     "-", "-"))
    if "twice" in results:
        ratio, low, high = paired(per_round, "twice", "plugin", cpu_ratio)
        rows.append(("scaling: corpus x2 / x1 (plugin)", f"{ratio:.3f}{spread(low, high)}",
                     f"<= {TARGETS['scaling']}", verdict(ratio <= TARGETS["scaling"])))
    rss, low, high = paired(per_round, "plugin", "plain", lambda a, b: a.maxrss_kb / b.maxrss_kb)
    rows.append(("peak RSS plugin / plain", f"{rss:.3f}{spread(low, high)}",
                 f"<= {TARGETS['rss']}",
                 verdict(rss <= TARGETS["rss"])))
    if "jobs2" in results:
        speedup = paired(per_round, "plugin", "jobs2", lambda a, b: a.seconds / b.seconds)[0]
        rows.append(("(info) --jobs 2 wall speed-up", f"{speedup:.2f}x", "-", "-"))

    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'value':<24} {'target':<18} result")
    for label, value, target, result in rows:
        print(f"{label:<{width}}  {value:<24} {target:<18} {result}")
    failed = any(r[3] == "FAIL" for r in rows)
    print()
    print(f"overhead={overhead:.3f}")
    return 1 if (failed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
