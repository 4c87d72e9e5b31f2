"""Precision audit over the pinned corpus (see corpus.py).

    python benchmarks/audit.py run      # lint the corpus, (re)sample, keep earlier verdicts
    python benchmarks/audit.py resample # re-draw the sample from the last lint's findings
    python benchmarks/audit.py render   # write docs/audit.md from benchmarks/audit.json

Every default-on code is audited: all its findings, or a seeded random sample of
40 when it has more. Each sampled finding gets a verdict (tp/fp) and a one-line
reason in ``benchmarks/audit.json``; ``render`` turns that into the table in
``docs/audit.md`` and checks the targets (>= 95% per code with >= 10 findings,
>= 97% overall).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AUDIT = HERE / "audit.json"
VERDICTS = HERE / "verdicts"   # <family>.json lists of classified findings, merged on run
REPORT = ROOT / "docs" / "audit.md"
SAMPLE = 40
SEED = 2026
# Every finding of the last lint, kept outside the repository (it names third-party lines).
RAW = Path(os.environ.get("DB_AUDIT_RAW",
                          Path.home() / ".cache" / "flake8-fastapi-db" / "audit_raw.json"))


def corpus_dirs() -> list[Path]:
    out = subprocess.run([sys.executable, str(HERE / "corpus.py")], capture_output=True,
                         text=True, check=True).stdout
    dirs = [Path(line.split()[0]) for line in out.splitlines() if line.strip()
            and Path(line.split()[0]).is_dir()]
    if not dirs:
        raise SystemExit("corpus.py printed no directories")
    return dirs


def lint(dirs: list[Path], select: str = "DB") -> list[dict[str, object]]:
    """Every finding, file paths relative to the corpus folder."""
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", f"--select={select}", "--jobs=2",
         "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s", *map(str, dirs)],
        capture_output=True, text=True)
    base = dirs[0].parent
    findings = []
    for line in result.stdout.splitlines():
        path, row, col, code, text = line.split("\t", 4)
        findings.append({"file": str(Path(path).resolve().relative_to(base)), "line": int(row),
                         "col": int(col), "code": code, "message": text})
    return findings


def _key(item: dict[str, object]) -> tuple[object, ...]:
    return (item["file"], item["line"], item["code"], item["message"])


def _rank(item: dict[str, object]) -> str:
    """Seeded, per-finding sample order: removing or adding one finding (a fixed false
    positive, a new rule) changes the sample by that finding only."""
    text = "|".join(map(str, (SEED, *_key(item))))
    return hashlib.sha256(text.encode()).hexdigest()


def sample(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    """All findings of a default-on code, or the SAMPLE with the smallest rank."""
    from flake8_fastapi_db.registry import all_rules

    default_on = {r.code for r in all_rules() if r.default_enabled}
    by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
    for item in findings:
        if item["code"] in default_on:
            by_code[str(item["code"])].append(item)
    chosen = []
    for items in by_code.values():
        chosen.extend(sorted(items, key=_rank)[:SAMPLE])
    return sorted(chosen, key=_key)


def run(select: str = "DB") -> None:
    findings = lint(corpus_dirs(), select)
    RAW.parent.mkdir(parents=True, exist_ok=True)
    RAW.write_text(json.dumps(findings))
    resample()


def resample() -> None:
    findings = json.loads(RAW.read_text())
    previous = json.loads(AUDIT.read_text()) if AUDIT.is_file() else {"findings": []}
    known = list(previous.get("findings", []))
    for extra in sorted(VERDICTS.glob("*.json")) if VERDICTS.is_dir() else []:
        known.extend(json.loads(extra.read_text()))
    verdicts = {_key(f): f for f in known if f.get("verdict")}
    counts: dict[str, int] = defaultdict(int)
    for item in findings:
        counts[str(item["code"])] += 1
    sampled = []
    for item in sample(findings):
        old = verdicts.get(_key(item), {})
        sampled.append({**item, "verdict": old.get("verdict"), "reason": old.get("reason", "")})
    AUDIT.write_text(json.dumps({"counts": dict(sorted(counts.items())), "findings": sampled},
                                indent=1) + "\n")
    todo = sum(1 for s in sampled if not s["verdict"])
    print(f"{len(findings)} findings, {len(sampled)} sampled, {todo} without a verdict")


def render() -> int:
    data = json.loads(AUDIT.read_text())
    counts: dict[str, int] = data["counts"]
    rows = defaultdict(lambda: {"tp": 0, "fp": 0, "open": 0})
    for item in data["findings"]:
        verdict = item.get("verdict") or "open"
        rows[item["code"]][verdict if verdict in ("tp", "fp") else "open"] += 1
    lines = ["<!-- Generated by `python benchmarks/audit.py render` from benchmarks/audit.json -->",
             "", "# Precision audit on real applications", "",
             "Corpus: the pinned applications of `benchmarks/corpus.py`. Every default-on code",
             f"is audited: all findings, or a seeded random sample of {SAMPLE} (seed {SEED}).",
             "", "| code | findings | sampled | TP | FP | precision |", "|---|---|---|---|---|---|"]
    total_tp = total_fp = 0
    failing = []
    for code in sorted(rows):
        row = rows[code]
        judged = row["tp"] + row["fp"]
        precision = row["tp"] / judged if judged else 1.0
        total_tp += row["tp"]
        total_fp += row["fp"]
        if counts.get(code, 0) >= 10 and precision < 0.95:
            failing.append(code)
        lines.append(f"| {code} | {counts.get(code, 0)} | {judged + row['open']} | {row['tp']} | "
                     f"{row['fp']} | {precision:.0%} |")
    overall = total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0
    lines += ["", f"Overall precision: **{overall:.1%}** ({total_tp} TP, {total_fp} FP).", ""]
    off = sorted(c for c in counts if c not in rows)
    if off:
        lines += ["Default-off codes (not audited): " +
                  ", ".join(f"{c} ({counts[c]})" for c in off), ""]
    current = {_key(f) for f in data["findings"]}
    if RAW.is_file():
        current |= {_key(f) for f in json.loads(RAW.read_text())}
    fixed = []
    for extra in sorted(VERDICTS.glob("*.json")) if VERDICTS.is_dir() else []:
        fixed += [f for f in json.loads(extra.read_text())
                  if f.get("verdict") == "fp" and _key(f) not in current]
    if fixed:
        lines += ["## False positives found by earlier samples and fixed", "",
                  "Judged on earlier samples of this audit; the rules were corrected and these",
                  "findings no longer occur.", "", "| code | where | reason |", "|---|---|---|"]
        for item in sorted(fixed, key=lambda i: (i["code"], i["file"], i["line"])):
            lines.append(f"| {item['code']} | `{item['file']}:{item['line']}` | "
                         f"{item.get('reason', '').replace('|', '/')} |")
        lines.append("")
    lines += ["## Classified findings", "", "| code | where | verdict | reason |",
              "|---|---|---|---|"]
    for item in sorted(data["findings"], key=lambda i: (i["code"], i["file"], i["line"])):
        lines.append(f"| {item['code']} | `{item['file']}:{item['line']}` | "
                     f"{item.get('verdict') or '?'} | {item.get('reason', '').replace('|', '/')} |")
    REPORT.write_text("\n".join(lines) + "\n")
    print(f"overall precision {overall:.3f}; codes below 95%: {failing or 'none'}")
    return 0 if overall >= 0.97 and not failing else 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("run", "resample", "render", "sample"))
    parser.add_argument("--select", default="DB", help="codes to lint (run)")
    parser.add_argument("--raw", help="sample: a JSON list of findings to sample from")
    args = parser.parse_args()
    if args.command == "run":
        run(args.select)
        return 0
    if args.command == "resample":
        resample()
        return 0
    if args.command == "sample":
        print(json.dumps(sample(json.loads(Path(args.raw).read_text())), indent=1))
        return 0
    return render()


if __name__ == "__main__":
    raise SystemExit(main())
