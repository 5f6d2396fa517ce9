#!/usr/bin/env python3
"""Cost of the duplicate rules over 1, 2 and 4 months (and optionally the year) of news pages.

    python benchmarks/bench_duplicate.py            # reads ../shared/corpus/xwlb-2024
    python benchmarks/bench_duplicate.py --year     # also the whole year
    python benchmarks/bench_duplicate.py --repeat 3 # best of 3 runs per size

Times are CPU seconds of the process (``--wall`` for wall-clock time).  Runs in-process with only ``duplicate`` selected and prints, per size, the per-page phase (clauses and
MinHash sketches, ``newslint_collect_page``), the corpus phase (clause-hash seeds, MinHash LSH, rapidfuzz
verification, ``newslint_check_corpus``) and the cost per MB, which should stay about flat if the cost
grows linearly.  Page reading and layout are timed apart: they are shared with every other rule.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.config import Config  # noqa: E402
from newslint.engine import Context, Corpus, all_rules, check_page, load_pages, plugin_manager  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "xwlb-2024"
_clock = time.process_time  # CPU seconds of this process: steadier than wall time on a shared machine


def measure(files, ctx):
    t0 = _clock()
    pages = load_pages([str(f) for f in files], [])
    for p in pages:
        p.layout
    t1 = _clock()
    corpus = Corpus(pages)
    for p in pages:
        _, data = check_page(p, ctx)
        corpus.set_collected(p, data)
    t2 = _clock()
    findings = []
    for res in ctx.pm.hook.newslint_check_corpus(corpus=corpus, ctx=ctx):
        findings.extend(res or ())
    t3 = _clock()
    mb = sum(len(p.text.encode("utf-8")) for p in pages) / 1e6
    return {"pages": len(pages), "mb": mb, "read": t1 - t0, "collect": t2 - t1, "corpus": t3 - t2,
            "findings": len(findings),
            "warn": sum(1 for f in findings if f.severity != "info")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--year", action="store_true", help="also run the whole year")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs per size")
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of process CPU time")
    args = ap.parse_args()
    global _clock
    if args.wall:
        _clock = time.perf_counter
    files = sorted(Path(args.corpus).glob("*.md"))
    if not files:
        print(f"no pages under {args.corpus}", file=sys.stderr)
        return 2
    pm = plugin_manager()
    ctx = Context(pm, all_rules(pm), Config(), select=["duplicate"])
    # warm up imports (datasketch, scipy, rapidfuzz) so that the first size does not pay for them
    measure(files[:3], ctx)
    sizes = [("1 month", "202401"), ("2 months", ("202401", "202402")),
             ("4 months", ("202401", "202402", "202403", "202404"))]
    if args.year:
        sizes.append(("12 months", "2024"))
    print(f"{'size':<10} {'pages':>5} {'MB':>6} {'read+layout':>11} {'collect':>8} {'corpus':>7} "
          f"{'rule s':>7} {'rule s/MB':>9} {'findings':>8} {'warn+':>5}")
    for label, prefix in sizes:
        sel = [f for f in files if f.name.startswith(prefix)]
        best = None
        for _ in range(max(1, args.repeat)):
            r = measure(sel, ctx)
            if best is None or r["collect"] + r["corpus"] < best["collect"] + best["corpus"]:
                best = r
        rule = best["collect"] + best["corpus"]
        print(f"{label:<10} {best['pages']:>5} {best['mb']:>6.2f} {best['read']:>10.2f}s {best['collect']:>7.2f}s "
              f"{best['corpus']:>6.2f}s {rule:>6.2f}s {rule / best['mb']:>8.2f}s {best['findings']:>8} "
              f"{best['warn']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
