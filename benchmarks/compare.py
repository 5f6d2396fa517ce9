#!/usr/bin/env python3
"""Same findings as before? Compare two sets of JSON reports by fingerprint (a refactoring must change
nothing):

    python benchmarks/rates.py --save /tmp/before      # on the old code
    python benchmarks/rates.py --save /tmp/after       # on the new code
    python benchmarks/compare.py /tmp/before /tmp/after
    python benchmarks/compare.py /tmp/before/rmrb.json /tmp/after/rmrb.json   # two single reports

Prints, per report file, the findings only in one of the two (rule, path:line, message) and exits 1 when
any differ.  Paths are compared relative to the directory that holds all of a report's files.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def _key(f: dict, root: str) -> tuple:
    path, message = f["path"], f["message"]
    if root:
        path = path[len(root):] if path.startswith(root) else path
        message = message.replace(root, "")
    return (f["fingerprint"], f["rule"], f["severity"], path, f["line"], f["column"], message)


def _keys(report: Path) -> set:
    """The findings of one report, paths relative to the directory holding all its files (so a run from
    another checkout, whose corpus path differs, compares equal)."""
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    paths = {f["path"] for f in findings}
    root = os.path.commonpath(list(paths)) + os.sep if len(paths) > 1 else ""
    return {_key(f, root) for f in findings}


def _pairs(before: Path, after: Path):
    """(before report, after report) pairs: two files, or the same-named reports of two directories.
    Anything else is an error, never an empty comparison that passes."""
    if before.is_file() and after.is_file():
        return [(before, after)]
    if before.is_dir() and after.is_dir():
        pairs = [(a, after / a.name) for a in sorted(before.glob("*.json"))]
        if pairs:
            return pairs
        sys.exit(f"compare: no *.json report in {before}")
    sys.exit(f"compare: give two report files or two directories of reports, not {before} and {after}")


def compare(before: Path, after: Path) -> int:
    differ = 0
    for a, b in _pairs(before, after):
        if not b.exists():
            print(f"{a.name}: missing in {after}")
            differ += 1
            continue
        fa, fb = _keys(a), _keys(b)
        print(f"{a.name}: {len(fa)} before, {len(fb)} after, {len(fa - fb)} gone, {len(fb - fa)} new")
        for tag, keys in (("-", fa - fb), ("+", fb - fa)):
            for k in sorted(keys, key=lambda k: k[3:]):
                print(f"  {tag} {k[1]} {k[3]}:{k[4]}:{k[5]} {k[6]}")
        differ += len(fa ^ fb)
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(compare(Path(sys.argv[1]), Path(sys.argv[2])))
