#!/usr/bin/env python3
"""Run flake8 with a chosen set of plugins, in the SAME environment, for benchmarks.

``benchmarks/bench.py`` needs "flake8 without the plugin" measured in the very
environment where the plugin is installed (same flake8, same pycodestyle, same
interpreter). Uninstalling is not an option, so this wrapper filters flake8's
plugin discovery (``flake8.plugins.finder.find_plugins``) before calling
``flake8.main.cli.main``:

- ``plain``: every discovered plugin except the ``flake8-fastapi-db`` ones;
- ``plugin``: everything (what a user with the plugin installed runs);
- ``only``: only ``flake8-fastapi-db`` (plus flake8's reporters) -- the cost of
  the DB codes alone, without pycodestyle / pyflakes / mccabe;
- ``none``: no checks at all, only flake8's reporters -- the floor every run
  pays (reading, tokenizing, parsing each file), for context.

The mode comes from the ``FLAKE8_BENCH_MODE`` environment variable so that the
patch is also applied in ``--jobs`` workers started with ``spawn`` or
``forkserver`` (they re-import this module as ``__mp_main__`` and re-discover
plugins); with ``fork`` they inherit the parent's loaded plugins anyway.

Usage (stdlib only)::

    FLAKE8_BENCH_MODE=plain python benchmarks/_flake8_runner.py [flake8 args]
    python benchmarks/_flake8_runner.py --measure OUT.json --mode plain -- [flake8 args]

``--measure`` runs the flake8 invocation in a child process (this wrapper is a
fresh process per run, so ``RUSAGE_CHILDREN`` holds exactly that child's peak
RSS and CPU time) and writes ``{"seconds", "cpu_seconds", "maxrss_kb", "returncode", "output_lines",
"db_lines", "db000_lines"}`` as JSON. ``--paths-from FILE`` (either form) adds
one path per line of FILE to flake8's arguments, which avoids command-line
length limits for long file lists.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

MODE_ENV = "FLAKE8_BENCH_MODE"
MODES = ("plain", "plugin", "only", "none")
OUR_DISTRIBUTION = "flake8-fastapi-db"


def _normalize(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _keep(plugin: object, mode: str) -> bool:
    package = _normalize(getattr(plugin, "package", ""))
    ours = package == OUR_DISTRIBUTION
    if mode == "plain":
        return not ours
    group = getattr(getattr(plugin, "entry_point", None), "group", "")
    if mode == "only":
        return ours or group == "flake8.report"
    if mode == "none":
        return group == "flake8.report"
    return True


def install_filter(mode: str) -> None:
    """Wrap ``find_plugins`` so discovery returns only the plugins of ``mode``."""
    if mode not in MODES:
        raise SystemExit(f"_flake8_runner: unknown mode {mode!r} (use one of {MODES})")
    if mode == "plugin":
        return
    from flake8.plugins import finder

    original = finder.find_plugins
    if getattr(original, "_bench_mode", None) == mode:
        return

    def find_plugins(cfg, opts):  # type: ignore[no-untyped-def]
        return [p for p in original(cfg, opts) if _keep(p, mode)]

    find_plugins._bench_mode = mode  # type: ignore[attr-defined]
    # parse_args.py calls ``finder.find_plugins(...)`` through the module, so
    # replacing the module attribute is enough.
    finder.find_plugins = find_plugins


def _expand_paths_from(argv: list[str]) -> list[str]:
    out: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--paths-from":
            listing = next(args)
            with open(listing, encoding="utf-8") as handle:
                out.extend(line.rstrip("\n") for line in handle if line.strip())
        elif arg.startswith("--paths-from="):
            with open(arg.partition("=")[2], encoding="utf-8") as handle:
                out.extend(line.rstrip("\n") for line in handle if line.strip())
        else:
            out.append(arg)
    return out


def run_flake8(argv: list[str]) -> int:
    install_filter(os.environ.get(MODE_ENV, "plugin"))
    from flake8.main import cli

    return cli.main(_expand_paths_from(argv))


def measure(out_file: str, mode: str, argv: list[str]) -> int:
    """Run one flake8 invocation in a child; record wall time and peak RSS."""
    env = dict(os.environ, **{MODE_ENV: mode})
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as output:
        start = time.perf_counter()
        completed = subprocess.run([sys.executable, os.path.abspath(__file__), *argv],
                                   stdout=output, stderr=subprocess.PIPE, env=env,
                                   check=False)
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        output.seek(0)
        total = db = db000 = 0
        for line in output:
            total += 1
            if ": DB" in line:
                db += 1
                if ": DB000 " in line:
                    db000 += 1
    result = {
        "seconds": seconds,
        # CPU seconds of the flake8 process and its --jobs workers: stable on a
        # shared machine, where wall time depends on what else is running.
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        # Linux reports KiB, macOS bytes.
        "maxrss_kb": usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1),
        "returncode": completed.returncode,
        "output_lines": total,
        "db_lines": db,
        "db000_lines": db000,
        "stderr_tail": completed.stderr.decode("utf-8", "replace")[-2000:],
    }
    with open(out_file, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:
        out_file, rest = argv[1], argv[2:]
        mode = "plugin"
        if rest[:1] == ["--mode"]:
            mode, rest = rest[1], rest[2:]
        if rest[:1] == ["--"]:
            rest = rest[1:]
        return measure(out_file, mode, rest)
    return run_flake8(argv)


# Applied at import as well, for --jobs workers re-importing this module (spawn).
if __name__ != "__main__" and os.environ.get(MODE_ENV):
    install_filter(os.environ[MODE_ENV])

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
