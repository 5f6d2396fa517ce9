#!/usr/bin/env python3
"""False-alarm rates on professionally edited text: warnings (warning + error) per 10,000 characters.

    python benchmarks/rates.py                       # every corpus found in ../shared/corpus
    python benchmarks/rates.py rmrb gov              # only those (xwlb, rmrb, gov)
    python benchmarks/rates.py --save DIR            # also keep each corpus's JSON report in DIR
    python benchmarks/rates.py --rules               # the per-rule breakdown of each corpus

Each corpus is checked in one run, as a user would check a month of pages (``--no-cache``): the files
of one date are one issue of the paper, the other dates are the run's archive.  Characters are those of
the files as read (line endings normalised).  The targets of the precision issue are printed beside the
figures.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
NEWSLINT = [sys.executable, "-m", "newslint"]
CORPORA = {  # label: (directory, target warnings per 10k)
    "xwlb": ("xwlb-2024", 0.05),
    "rmrb": ("rmrb-2019-10", 0.15),
    "gov": ("gov-reports", 0.15),
}


def corpus_files(directory: Path):
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))


def characters(files) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")) for p in files)


def run(directory: Path, extra=()):
    """The JSON report of one run over ``directory``."""
    proc = subprocess.run(NEWSLINT + ["check", "--format", "json", "--no-cache", *extra, str(directory)],
                          capture_output=True, cwd=ROOT)
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed on {directory} (exit {proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return json.loads(proc.stdout.decode("utf-8"))


def warnings_of(report):
    return [f for f in report["findings"] if f["severity"] in ("warning", "error")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="labels: " + ", ".join(CORPORA))
    ap.add_argument("--save", metavar="DIR", help="write each corpus's JSON report to DIR/LABEL.json")
    ap.add_argument("--rules", action="store_true", help="print the warnings of each rule")
    ap.add_argument("--select", help="passed to newslint check --select")
    ap.add_argument("--target", type=float, help="one target for every corpus (a rule family's own bar)")
    args = ap.parse_args(argv)
    labels = args.corpora or list(CORPORA)
    for label in labels:
        if label not in CORPORA:
            ap.error(f"unknown corpus {label!r} (one of {', '.join(CORPORA)})")
    extra = ["--select", args.select] if args.select else []
    rows = []
    for label in labels:
        name, target = CORPORA[label]
        target = args.target if args.target is not None else target
        directory = SHARED / name
        if not directory.is_dir():
            print(f"{label}: {directory} not found, skipped", file=sys.stderr)
            continue
        report = run(directory, extra)
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            (Path(args.save) / f"{label}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        chars = characters(corpus_files(directory))
        warns = warnings_of(report)
        rate = len(warns) / (chars / 1e4)
        rows.append((label, chars, len(warns), rate, target))
        if args.rules:
            by = collections.Counter(f["rule"] for f in warns)
            infos = collections.Counter(f["rule"] for f in report["findings"] if f["severity"] == "info")
            print(f"{label}: {len(warns)} warnings, {sum(infos.values())} info notes")
            for rule, n in by.most_common():
                print(f"   {n:6d}  {rule}")
    print(f"{'corpus':8} {'characters':>12} {'warnings':>9} {'per 10k':>8} {'target':>7}")
    for label, chars, n, rate, target in rows:
        mark = "ok" if rate <= target else "OVER"
        print(f"{label:8} {chars:12,d} {n:9d} {rate:8.3f} {target:7.2f}  {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
