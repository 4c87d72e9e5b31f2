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

The runs are made in ``--runs`` rounds. The machine's speed drifts by tens of
percent within minutes, which one run per configuration over the whole corpus
would pass on to the ratios, so a round measures the ratios **interleaved**:
the files are cut into chunks, by default one per project (``--chunk-lines N``:
runs of consecutive files of one project of about N lines), every side of a
ratio lints a chunk right after the other (order reversed every other chunk),
and a ratio is the sum over chunks of one side's CPU seconds over the other's.
Drift slower than a chunk cancels out. Faster disturbances remain (two runs of
the same chunk seconds apart differ by up to a third on a shared machine), so
each side runs a chunk ``--repeat`` times, taking turns, and the run of least CPU
counts. The non-DB target's files get ``--repeat-non-db`` runs (default 7): the
target is a 5% difference, about what a disturbed run adds even to the least of
three, and those files are a quarter of the corpus, so the extra runs are cheap.
Each chunk is a fresh flake8 process, as ``flake8`` run in that project (or, with
small chunks, a pre-commit hook given some files) would be: it pays the plugin's
start-up and fills its per-process caches again, which counts against the plugin.
Scaling is measured the same way: each chunk is also linted together with its
hard-linked copy (the corpus twice over), next to the chunk alone. The whole
corpus is also linted in one process per round, with the plugin and without
(peak memory and the ``--jobs 2`` speed-up are whole-run properties); their
ratio is printed for information. Each figure is the median over rounds, with
its range. ``--chunk-lines 0`` measures the ratios on whole runs instead (the
sixth and seventh passes' method).

Usage (stdlib only)::

    python benchmarks/bench.py                   # all projects, 1 round
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
from collections.abc import Callable, Mapping, Sequence
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


@dataclass(frozen=True)
class Side:
    """One side of an interleaved ratio."""
    key: str
    label: str
    mode: str
    args: list[str]
    # What the side lints of a chunk; None: the chunk itself. The scaling side
    # lints the chunk and its hard-linked copy.
    files: Callable[[list[Path]], list[Path]] | None = None


def chunk_files(files: Sequence[Path], lines_of: Mapping[Path, int],
                tree_of: Mapping[Path, Path], budget: int) -> list[list[Path]]:
    """Consecutive files of one project, about ``budget`` lines per chunk.

    A chunk never spans two projects (each process then sees one project, as
    a hook run in that project would); a file longer than the budget is a chunk
    of its own.
    """
    chunks: list[list[Path]] = []
    current: list[Path] = []
    size = 0
    for path in files:
        if current and (size + lines_of[path] > budget or tree_of[path] != tree_of[current[0]]):
            chunks.append(current)
            current, size = [], 0
        current.append(path)
        size += lines_of[path]
    if current:
        chunks.append(current)
    return chunks


def run_interleaved(sides: Sequence[Side], chunks: Sequence[list[Path]], workdir: Path,
                    title: str, repeat: int = 1) -> dict[str, list[Measure]]:
    """Every side on every chunk, back to back, ``repeat`` times; the side that goes
    first alternates. Per chunk and side the run of least CPU is kept: a disturbance
    by other processes only ever adds time, so the least-disturbed run is the best
    estimate of the cost, as ``timeit`` takes its minimum."""
    results: dict[str, list[Measure]] = {side.key: [] for side in sides}
    turn = 0
    for index, chunk in enumerate(chunks):
        listings: dict[str, Path] = {}
        for side in sides:
            listings[side.key] = workdir / f"chunk-{side.key}.txt"
            files = side.files(chunk) if side.files else chunk
            listings[side.key].write_text("".join(f"{p}\n" for p in files), encoding="utf-8")
        best: dict[str, Measure] = {}
        for _ in range(repeat):
            order = sides if turn % 2 == 0 else list(reversed(sides))
            turn += 1
            for side in order:
                m = run_once(side.mode, side.args, listings[side.key])
                if side.key not in best or m.cpu < best[side.key].cpu:
                    best[side.key] = m
        for key in results:
            results[key].append(best[key])
        done = ", ".join(f"{side.label} {best[side.key].cpu:.2f}" for side in sides)
        log(f"  {title} chunk {index + 1}/{len(chunks)} ({len(chunk)} files): cpu s {done}")
    return results


def total_of(measures: Sequence[Measure]) -> Measure:
    """One side of an interleaved pass: the sums over its chunks (peak RSS: the largest)."""
    return Measure(sum(m.seconds for m in measures), sum(m.cpu for m in measures),
                   max(m.maxrss_kb for m in measures), sum(m.db_lines for m in measures),
                   sum(m.db000_lines for m in measures), sum(m.output_lines for m in measures))


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


# (key, label, mode, flake8 args, paths) of a whole run.
Job = tuple[str, str, str, list[str], list[Path]]

PLUGIN_ARGS = ["--jobs", "1", "--extend-select=DB"]
PLAIN_ARGS = ["--jobs", "1"]
ONLY_ARGS = ["--jobs", "1", "--select=DB"]
LABELS = {
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
# Sides whose output is flake8's own: no DB findings to count.
NO_FINDINGS = ("plain", "nondb_plain", "textnondb_plain", "none")


@dataclass
class FileSets:
    trees: list[Path]
    selected: dict[Path, list[Path]]     # tree -> its files (all, or the quick subset)
    lines_of: dict[Path, int]
    all_files: list[Path]
    tree_of: dict[Path, Path]            # file -> its tree
    non_db: list[Path]                   # the non-DB target's set
    text_non_db: list[Path]              # files naming no DB library (informational)

    def lines(self, files: Sequence[Path]) -> int:
        return sum(self.lines_of[f] for f in files)


def file_sets(trees: list[Path], quick: bool) -> FileSets:
    selected = {tree: quick_subset(py_files(tree)) if quick else py_files(tree)
                for tree in trees}
    all_files = [f for files in selected.values() for f in files]
    tree_of = {f: tree for tree, files in selected.items() for f in files}
    # Two non-DB sets: files naming no DB library (strict, informational), and of
    # those the ones importing no DB-using project module (the target's set).
    text_non_db = [f for f in all_files if not mentions_db_library(f)]
    return FileSets(trees, selected, {f: len(f.read_bytes().splitlines()) for f in all_files},
                    all_files, tree_of, non_db_per_target(text_non_db, tree_of), text_non_db)


def make_copies(sets: FileSets, work: Path) -> dict[Path, Path]:
    """Each tree's second copy, for the scaling figure: tree -> its copy."""
    # Same filesystem as the corpus, so the copies can be hard links.
    copies = work / "copy"
    copies.mkdir()
    for tree in sets.trees:
        hardlink_copy(tree, copies / tree.name)
    return {tree: copies / tree.name for tree in sets.trees}


def with_copies(sets: FileSets, copies: Mapping[Path, Path]
                ) -> Callable[[list[Path]], list[Path]]:
    """Files -> the files, then the same files in the copies (the corpus twice over)."""
    def twice(files: list[Path]) -> list[Path]:
        return [*files, *(copies[sets.tree_of[f]] / f.relative_to(sets.tree_of[f])
                          for f in files)]
    return twice


def whole_jobs(sets: FileSets, skip: set[str], interleave: bool, quick: bool,
               copies: Mapping[Path, Path] | None) -> list[Job]:
    """The whole-corpus runs of a round. Order matters: the two sides of a ratio run
    next to each other (plain sits between "with plugin" and "DB only")."""
    # Whole trees are passed (as a user would) unless --quick picked files.
    targets: list[Path] = sets.all_files if quick else sets.trees
    jobs: list[Job] = [("plugin", "with plugin", "plugin", PLUGIN_ARGS, targets),
                       ("plain", "plain", "plain", PLAIN_ARGS, targets)]
    if not interleave:   # else these are measured interleaved
        if "dbonly" not in skip:
            jobs.append(("only", "DB only", "only", ONLY_ARGS, targets))
        if "floor" not in skip:
            jobs.append(("none", "no checks (floor)", "none", PLAIN_ARGS, targets))
        if "nondb" not in skip and sets.non_db:
            jobs.extend([
                ("nondb_plain", "non-DB plain", "plain", PLAIN_ARGS, sets.non_db),
                ("nondb_plugin", "non-DB with plugin", "plugin", PLUGIN_ARGS, sets.non_db),
                ("textnondb_plain", "no DB library named, plain", "plain", PLAIN_ARGS,
                 sets.text_non_db),
                ("textnondb_plugin", "no DB library named, with plugin", "plugin",
                 PLUGIN_ARGS, sets.text_non_db)])
    if "jobs2" not in skip:
        jobs.append(("jobs2", "with plugin --jobs 2", "plugin",
                     ["--jobs", "2", "--extend-select=DB"], targets))
    if copies is not None and not interleave:   # else measured interleaved
        twice = with_copies(sets, copies)(sets.all_files) if quick else \
            [*targets, *(copies[tree] for tree in sets.trees)]
        jobs.append(("twice", "corpus twice, with plugin", "plugin", PLUGIN_ARGS, twice))
    return jobs


# The group of the non-DB target (more runs per chunk: --repeat-non-db).
NON_DB_GROUP = "non-DB"


def interleaved_groups(sets: FileSets, skip: set[str], budget: int,
                       copies: Mapping[Path, Path] | None,
                       ) -> list[tuple[str, list[Side], list[list[Path]]]]:
    """(title, sides, chunks): the ratios measured chunk by chunk.

    Scaling is a side of the corpus group: a chunk and its copy in one process,
    next to the same chunk alone ("with plugin"), so both see the same machine.
    """
    tree_of = sets.tree_of
    sides = [Side("plugin", "with plugin", "plugin", PLUGIN_ARGS),
             Side("plain", "plain", "plain", PLAIN_ARGS)]
    if "dbonly" not in skip:
        sides.append(Side("only", "DB only", "only", ONLY_ARGS))
    if "floor" not in skip:
        sides.append(Side("none", "floor", "none", PLAIN_ARGS))
    if copies is not None:
        sides.append(Side("twice", "twice", "plugin", PLUGIN_ARGS, with_copies(sets, copies)))
    groups = [("corpus", sides, chunk_files(sets.all_files, sets.lines_of, tree_of, budget))]
    if "nondb" not in skip and sets.non_db:
        groups.append((NON_DB_GROUP,
                       [Side("nondb_plugin", "with plugin", "plugin", PLUGIN_ARGS),
                        Side("nondb_plain", "plain", "plain", PLAIN_ARGS)],
                       chunk_files(sets.non_db, sets.lines_of, tree_of, budget)))
        groups.append(("no DB library named",
                       [Side("textnondb_plugin", "with plugin", "plugin", PLUGIN_ARGS),
                        Side("textnondb_plain", "plain", "plain", PLAIN_ARGS)],
                       chunk_files(sets.text_non_db, sets.lines_of, tree_of, budget)))
    return groups


def runs_per_chunk(title: str, repeat: int, repeat_non_db: int) -> int:
    return repeat_non_db if title == NON_DB_GROUP else repeat


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", help="comma-separated corpus members (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_FILES_PER_PROJECT} files per project, 1 run (smoke test)")
    parser.add_argument("--runs", type=int, default=None,
                        help="rounds; each figure is the median over rounds (default 1)")
    parser.add_argument("--chunk-lines", type=int, default=None,
                        help="cut each project's files into chunks of about this many "
                             "lines for the interleaved ratios (default: one chunk per "
                             "project; 0: ratios from whole runs)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each side per chunk, the least CPU kept (default 3)")
    parser.add_argument("--repeat-non-db", type=int, default=7,
                        help="the same for the non-DB file sets, whose target is a 5%% "
                             "difference (default 7)")
    parser.add_argument("--cache", help="corpus cache folder (as for corpus.py)")
    parser.add_argument("--skip", default="",
                        help="comma-separated parts to skip: dbonly,floor,nondb,jobs2,scaling")
    parser.add_argument("--parallel", action="store_true",
                        help="run a round's whole runs concurrently (shared machines: "
                             "faster, CPU ratios stay valid, wall times do not)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else 1
    if runs < 1 or args.repeat < 1 or args.repeat_non_db < 1 or \
            (args.chunk_lines is not None and args.chunk_lines < 0):
        parser.error("--runs, --repeat and --repeat-non-db must be at least 1, "
                     "--chunk-lines at least 0")
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    # No budget: a chunk is a whole project, as ``flake8`` run in that project is.
    budget = args.chunk_lines if args.chunk_lines is not None else sys.maxsize
    interleave = budget > 0

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
    sets = file_sets(trees, args.quick)

    per_round: dict[str, list[Measure]] = {}     # whole runs
    passes: dict[str, list[Measure]] = {}        # interleaved: one total per round
    chunk_counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-", dir=cache.parent) as tmp:
        work = Path(tmp)
        log(f"corpus: {len(sets.all_files)} files, {sets.lines(sets.all_files)} lines "
            f"({len(sets.non_db)} non-DB files, {sets.lines(sets.non_db)} lines); "
            f"runs={runs}; python={sys.executable}")
        copies = make_copies(sets, work) if "scaling" not in skip else None
        per_round = run_rounds(whole_jobs(sets, skip, interleave, args.quick, copies), runs,
                               work, args.parallel)
        groups = interleaved_groups(sets, skip, budget, copies) if interleave else []
        for number in range(runs):
            for title, sides, chunks in groups:
                measured = run_interleaved(
                    sides, chunks, work, f"round {number + 1}/{runs} {title}",
                    runs_per_chunk(title, args.repeat, args.repeat_non_db))
                for key, measures in measured.items():
                    passes.setdefault(key, []).append(total_of(measures))
                    chunk_counts[key] = len(chunks)

    imp_ms, heavy = import_cost("import flake8_fastapi_db.plugin", "flake8_fastapi_db",
                                max(runs, 5))
    full_ms, full_heavy = import_cost(
        "import flake8_fastapi_db.plugin, flake8_fastapi_db.context, "
        "flake8_fastapi_db.runner, flake8_fastapi_db.registry as r; r.load_checkers()",
        "flake8_fastapi_db", max(runs, 5))

    print(f"flake8-fastapi-db benchmark: {len(trees)} project(s), {len(sets.all_files)} files, "
          f"{sets.lines(sets.all_files):,} lines{' (quick subset)' if args.quick else ''}; "
          f"{runs} round(s); figures: median over rounds (range)")
    print(f"python {sys.version.split()[0]} at {sys.executable}; cpus={os.cpu_count()}")
    print()
    non_db_lines, text_non_db_lines = sets.lines(sets.non_db), sets.lines(sets.text_non_db)
    line_counts = {"nondb_plain": non_db_lines, "nondb_plugin": non_db_lines,
                   "textnondb_plain": text_non_db_lines, "textnondb_plugin": text_non_db_lines,
                   "twice": 2 * sets.lines(sets.all_files)}
    print_runs("whole runs, one process each", per_round, line_counts,
               sets.lines(sets.all_files), {})
    if passes:
        size = "one chunk per project" if args.chunk_lines is None else \
            f"chunks of about {args.chunk_lines:,} lines"
        print(f"interleaved: {size}, one process per chunk and side, the least CPU of "
              f"{args.repeat} kept ({args.repeat_non_db} for the non-DB files); "
              f"sums over chunks")
        print_runs("interleaved (chunks)", passes, line_counts, sets.lines(sets.all_files),
                   chunk_counts)
    ratios = passes if passes else per_round
    rows = figure_rows(ratios, per_round, bool(passes), len(sets.non_db),
                       len(sets.text_non_db), import_rows(imp_ms, heavy, full_ms, full_heavy))
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'value':<24} {'target':<18} result")
    for label, value, target, result in rows:
        print(f"{label:<{width}}  {value:<24} {target:<18} {result}")
    failed = any(r[3] == "FAIL" for r in rows)
    overhead = paired(ratios, "plugin", "plain", lambda a, b: a.cpu / b.cpu - 1)[0]
    print()
    print(f"overhead={overhead:.3f}")
    return 1 if (failed and args.strict) else 0


def print_runs(title: str, results: dict[str, list[Measure]], line_counts: dict[str, int],
               lines: int, chunk_counts: dict[str, int]) -> None:
    print(f"{title:<36} {'wall s':>8} {'cpu s':>8} {'lines/cpu-s':>11} {'peak RSS MiB':>13} "
          f"{'DB findings':>12}")
    for key, label in LABELS.items():
        if key not in results:
            continue
        m = median_of(results[key])
        n = line_counts.get(key, lines)
        findings = "-" if key in NO_FINDINGS else f"{m.db_lines} ({m.db000_lines} DB000)"
        if key in chunk_counts:
            label = f"{label} [{chunk_counts[key]}]"
        print(f"{label:<36} {m.seconds:>8.2f} {m.cpu:>8.2f} {n / m.cpu:>11,.0f} "
              f"{m.maxrss_kb / 1024:>13.0f} {findings:>12}")
    print()


Row = tuple[str, str, str, str]   # label, measured, target, verdict


def ratio_row(results: dict[str, list[Measure]], label: str, over: str, under: str,
              target: str | None, minus_one: bool = False) -> Row:
    """CPU seconds of ``over`` / ``under`` (a shared machine's wall time measures the
    neighbours as much as flake8)."""
    value, low, high = paired(results, over, under,
                              lambda a, b: a.cpu / b.cpu - (1 if minus_one else 0))
    shown = f"{value:.3f}{spread(low, high)}"
    if target is None:
        return (label, shown, "-", "-")
    return (label, shown, f"<= {TARGETS[target]}", verdict(value <= TARGETS[target]))


def figure_rows(ratios: dict[str, list[Measure]], whole: dict[str, list[Measure]],
                interleaved: bool, non_db: int, text_non_db: int,
                import_figures: list[Row]) -> list[Row]:
    rows = [ratio_row(ratios, "overhead (plugin - plain) / plain", "plugin", "plain",
                      "overhead", minus_one=True)]
    if interleaved:
        rows.append(ratio_row(whole, "  (info) same, whole runs", "plugin", "plain", None,
                              minus_one=True))
    if "only" in ratios:
        rows.append(ratio_row(ratios, "DB only / plain", "only", "plain", "db_only"))
        if "none" in ratios:
            own = statistics.median(
                (o.cpu - n.cpu) / p.cpu for o, n, p in
                zip(ratios["only"], ratios["none"], ratios["plain"]))
            rows.append(("  (info) (DB only - floor) / plain", f"{own:.3f}", "-", "-"))
    rows.extend(import_figures)
    if "nondb_plugin" in ratios:
        rows.append(ratio_row(ratios, f"non-DB files ({non_db}) plugin / plain",
                              "nondb_plugin", "nondb_plain", "non_db"))
    if "textnondb_plugin" in ratios:
        rows.append(ratio_row(ratios, f"  (info) no DB library named ({text_non_db})",
                              "textnondb_plugin", "textnondb_plain", None))
    scaled = ratios if "twice" in ratios else whole
    if "twice" in scaled:
        rows.append(ratio_row(scaled, "scaling: corpus x2 / x1 (plugin)", "twice", "plugin",
                              "scaling"))
    rss, low, high = paired(whole, "plugin", "plain", lambda a, b: a.maxrss_kb / b.maxrss_kb)
    rows.append(("peak RSS plugin / plain", f"{rss:.3f}{spread(low, high)}",
                 f"<= {TARGETS['rss']}", verdict(rss <= TARGETS["rss"])))
    if "jobs2" in whole:
        speedup = paired(whole, "plugin", "jobs2", lambda a, b: a.seconds / b.seconds)[0]
        rows.append(("(info) --jobs 2 wall speed-up", f"{speedup:.2f}x", "-", "-"))
    return rows


def import_rows(imp_ms: float, heavy: set[str], full_ms: float, full_heavy: set[str],
                ) -> list[Row]:
    ok = imp_ms <= TARGETS["import_ms"] and "astroid" not in heavy
    return [("import flake8_fastapi_db.plugin (ms)",
             f"{imp_ms:.1f} heavy={','.join(sorted(heavy)) or 'none'}",
             f"<= {TARGETS['import_ms']:.0f}, no astroid", verdict(ok)),
            ("  (info) + context/runner/all checks",
             f"{full_ms:.1f} heavy={','.join(sorted(full_heavy)) or 'none'}", "-", "-")]


if __name__ == "__main__":
    sys.exit(main())
