#!/usr/bin/env python3
"""The audit of warnings on professionally edited text: which are true defects, which false alarms.

    python benchmarks/audit.py                    # run every corpus, print the audit table
    python benchmarks/audit.py --from DIR         # use reports saved by `rates.py --save DIR`
    python benchmarks/audit.py --todo rmrb        # list the warnings of rmrb not judged yet, with context

Verdicts live in ``benchmarks/audit/<corpus>/<rule>.tsv``, one line per judged warning:

    fingerprint <TAB> rule <TAB> true|false <TAB> one-line reason <TAB> path:line (for the reader)

A finding is matched to its verdict by fingerprint (stable across unrelated edits), so the table can be
reprinted after every change: warnings that have appeared since the last audit are counted as not judged.
Lines starting with ``#`` are comments.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import rates  # noqa: E402  (benchmarks/rates.py: the corpora and how a run is made)

AUDIT = HERE / "audit"
VERDICTS = ("true", "false")


def load_verdicts(label: str):
    """fingerprint -> (rule, verdict, reason) for one corpus."""
    out = {}
    for tsv in sorted((AUDIT / label).glob("*.tsv")):
        for n, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or cols[2] not in VERDICTS:
                sys.exit(f"{tsv}:{n}: expected fingerprint, rule, true|false, reason (tab-separated)")
            out[cols[0]] = (cols[1], cols[2], cols[3])
    return out


def report_of(label: str, saved):
    if saved:
        return json.loads((Path(saved) / f"{label}.json").read_text(encoding="utf-8"))
    name, _ = rates.CORPORA[label]
    return rates.run(rates.SHARED / name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="labels: " + ", ".join(rates.CORPORA))
    ap.add_argument("--from", dest="saved", metavar="DIR", help="reports saved by rates.py --save DIR")
    ap.add_argument("--todo", action="store_true", help="list the warnings not judged yet")
    args = ap.parse_args(argv)
    labels = args.corpora or list(rates.CORPORA)
    rows = []
    for label in labels:
        if label not in rates.CORPORA:
            ap.error(f"unknown corpus {label!r}")
        if not (rates.SHARED / rates.CORPORA[label][0]).is_dir() and not args.saved:
            print(f"{label}: corpus not found, skipped", file=sys.stderr)
            continue
        warns = rates.warnings_of(report_of(label, args.saved))
        verdicts = load_verdicts(label)
        judged = collections.Counter()
        per_rule = collections.defaultdict(collections.Counter)
        for f in warns:
            v = verdicts.get(f["fingerprint"])
            verdict = v[1] if v else "unjudged"
            judged[verdict] += 1
            per_rule[f["rule"]][verdict] += 1
            if args.todo and not v:
                print(f"{f['fingerprint']}\t{f['rule']}\t{f['path']}:{f['line']}:{f['column']}\t{f['message']}")
        rows.append((label, len(warns), judged, per_rule))
    if args.todo:
        return 0
    print(f"{'corpus':8} {'warnings':>8} {'judged':>7} {'true':>5} {'false':>6} {'precision':>9}")
    for label, n, judged, per_rule in rows:
        j = judged["true"] + judged["false"]
        prec = f"{judged['true'] / j:.0%}" if j else "-"
        print(f"{label:8} {n:8d} {j:7d} {judged['true']:5d} {judged['false']:6d} {prec:>9}")
        for rule, c in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"           {rule:34} true {c['true']:3d}  false {c['false']:3d}  unjudged {c['unjudged']:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
