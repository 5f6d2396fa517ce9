#!/usr/bin/env python3
"""Same findings as before? Compare two sets of JSON reports by fingerprint (a refactoring must change
nothing):

    python benchmarks/rates.py --save /tmp/before      # on the old code
    python benchmarks/rates.py --save /tmp/after       # on the new code
    python benchmarks/compare.py /tmp/before /tmp/after

Prints, per report file, the findings only in one of the two (rule, path:line, message) and exits 1 when
any differ.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def _key(f: dict) -> tuple:
    return (f["fingerprint"], f["rule"], f["severity"], f["path"], f["line"], f["column"], f["message"])


def compare(before: Path, after: Path) -> int:
    differ = 0
    for a in sorted(before.glob("*.json")):
        b = after / a.name
        if not b.exists():
            print(f"{a.name}: missing in {after}")
            differ += 1
            continue
        fa = {_key(f) for f in json.loads(a.read_text(encoding="utf-8"))["findings"]}
        fb = {_key(f) for f in json.loads(b.read_text(encoding="utf-8"))["findings"]}
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
