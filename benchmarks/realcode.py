"""Real-code robustness gate (``tox -e realcode``): the whole corpus and standard library.

Checks, through the real flake8 command line:
- zero DB000 and no traceback over the pinned corpus and CPython's ``Lib/``;
- every reported position lies inside its file (line exists, column within it);
- ``--jobs 1``, ``--jobs 2`` and reversed file order give identical sorted output.
Exit status 0 when everything holds; the failures are printed otherwise.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMAT = "%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s"


def corpus_dirs() -> list[Path]:
    out = subprocess.run([sys.executable, str(HERE / "corpus.py")], capture_output=True,
                         text=True, check=True).stdout
    return [Path(line.split()[0]) for line in out.splitlines()
            if line.strip() and Path(line.split()[0]).is_dir()]


def flake8(paths: list[str], jobs: int) -> tuple[list[str], str]:
    result = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select=DB",
                             f"--jobs={jobs}", f"--format={FORMAT}", *paths],
                            capture_output=True, text=True)
    return sorted(result.stdout.splitlines()), result.stderr


def check_positions(lines: list[str]) -> list[str]:
    bad = []
    cache: dict[str, list[str]] = {}
    for line in lines:
        path, row, col, code, text = line.split("\t", 4)
        if path not in cache:
            cache[path] = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        source = cache[path]
        r, c = int(row), int(col)
        if not (1 <= r <= max(len(source), 1)) or (source and c - 1 > len(source[r - 1])):
            bad.append(f"position outside the file: {line}")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-stdlib", action="store_true")
    parser.add_argument("--skip-determinism", action="store_true")
    args = parser.parse_args()
    problems: list[str] = []
    dirs = [str(d) for d in corpus_dirs()]
    files = sorted(str(p) for d in dirs for p in Path(d).rglob("*.py"))
    one, err = flake8(dirs, jobs=1)
    problems += [f"internal error: {x}" for x in one if "\tDB000\t" in x]
    problems += ["traceback in stderr (corpus)"] if "Traceback" in err else []
    problems += check_positions(one)
    print(f"corpus: {len(files)} files, {len(one)} findings")
    if not args.skip_determinism:
        two, _ = flake8(dirs, jobs=2)
        backwards, _ = flake8(list(reversed(files)), jobs=1)
        if two != one:
            problems.append(f"--jobs 2 differs from --jobs 1 ({len(two)} vs {len(one)} lines)")
        if backwards != one:
            problems.append(f"reversed file order differs ({len(backwards)} vs {len(one)} lines)")
    if not args.skip_stdlib:
        stdlib = sysconfig.get_paths()["stdlib"]
        lines, err = flake8([stdlib, "--extend-exclude=site-packages"], jobs=2)
        problems += [f"internal error: {x}" for x in lines if "\tDB000\t" in x]
        problems += ["traceback in stderr (stdlib)"] if "Traceback" in err else []
        problems += check_positions(lines)
        print(f"stdlib: {len(lines)} findings")
    for problem in problems:
        print(problem)
    print("realcode: " + ("FAIL" if problems else "OK"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
