"""Opt-in integration check of this repository's pre-commit hook.

Copies a project (default: ``examples/``) into a fresh git repository, runs
``pre-commit try-repo <this repo> flake8-fastapi-db --all-files`` there, and
checks that the hook fails with DB findings, the way a user's commit would.

A copy is needed because pre-commit lints the files of the repository it runs
in, and this repository's own flake8 config excludes ``examples/``.

Usage: python tests/integration/pre_commit_try_repo.py [--project DIR] [--repo DIR]
Needs ``pre-commit`` and git on PATH, and a package index for the hook's venv.
Exit status: 0 when DB findings came out, 1 when not, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOOK = "flake8-fastapi-db"
FINDING = re.compile(r"^\S+\.py:\d+:\d+: (DB\d{3}) ", re.M)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=str(REPO / "examples"),
                        help="project to lint (default: examples/)")
    parser.add_argument("--repo", default=str(REPO), help="repository offering the hook")
    args = parser.parse_args(argv)
    project = Path(args.project)
    if not project.is_dir():
        print(f"error: {project} is not a directory", file=sys.stderr)
        return 2
    pre_commit = shutil.which("pre-commit")
    if pre_commit is None:
        print("error: pre-commit is not installed (pip install pre-commit)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="try-repo-") as tmp:
        work = Path(tmp) / project.name
        shutil.copytree(project, work, ignore=shutil.ignore_patterns(
            "__pycache__", "*.pyc", ".git", ".tox", ".venv"))
        git(work, "init", "-q")
        git(work, "add", "-A")
        env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
        result = subprocess.run([pre_commit, "try-repo", str(Path(args.repo).resolve()),
                                 HOOK, "--all-files", "--verbose"],
                                cwd=work, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    print(output)
    codes = sorted(set(FINDING.findall(output)))
    if result.returncode == 1 and codes:
        print(f"ok: the {HOOK} hook failed with DB findings: {', '.join(codes)}")
        return 0
    print(f"FAILED: expected the {HOOK} hook to fail with DB findings "
          f"(pre-commit exit {result.returncode}, DB codes found: {codes or 'none'})",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
