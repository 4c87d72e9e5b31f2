"""pytest-flake8 (pytest<9) reports DB findings on examples/: run by ``tox -e pytest-flake8``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--flake8", "-m", "flake8", "-p", "no:cacheprovider",
         "-o", "flake8-max-line-length=100", "--rootdir", str(ROOT / "examples"),
         str(ROOT / "examples")],
        cwd=ROOT / "examples", capture_output=True, text=True)
    print(result.stdout[-4000:])
    codes = {word for word in result.stdout.split() if word.startswith("DB") and
             word[2:5].isdigit()}
    if result.returncode != 1 or not codes:
        print(f"expected failing flake8 items with DB codes; exit {result.returncode}",
              file=sys.stderr)
        return 1
    print(f"pytest-flake8 reported: {', '.join(sorted(codes))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
