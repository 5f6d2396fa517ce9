#!/usr/bin/env python3
"""Where planted moved tails are lost: the diagnostics behind structure-continuation's figures.

    python benchmarks/moved_tails.py                      # xwlb rmrb gov, moved-same and moved-other
    python benchmarks/moved_tails.py rmrb --kinds moved-same --show rival-end
    python benchmarks/moved_tails.py xwlb --set LM_ALONE=1 --set MARGIN=1.0   # a constant of the rule changed

It plants the pages ``benchmarks/planted.py`` plants (same seeds, same pages) and runs the rule's page
analysis in-process (``checks.continuation.candidates`` and ``pairs``), so it takes seconds, not minutes.
For every planted head and tail that is not paired it says where the pair was lost:

  head-not-end(kind/role)  the head is not taken as an open end (the layout read it as a heading, …)
  tail-not-start(…)        the tail is not a start candidate
  score<=0                 nothing ties the two (no word, mark or quote across the join, and the model
                           alone reads it too weakly)
  below-need               the pair scores, but less than the page asks of a pair
  rival-end / -adj         another start of the same end (-adj: the next paragraph's standing) is within
                           MARGIN of it
  rival-start              another end of the same start is within MARGIN of it
  used                     its end or start was taken by a better pair

and it counts the wrong pairings (the false alarms ``planted.py`` reports on those pages).  ``--show KIND``
prints the lost cases of one kind with the join, the pair's score and the best rival.  Recall here is the
same as ``planted.py``'s for the kind (the rule reports exactly ``pairs``).
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
_spec = importlib.util.spec_from_file_location("planted", ROOT / "benchmarks" / "planted.py")
planted = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(planted)

from newslint.checks import continuation as C  # noqa: E402
from newslint.page import Page  # noqa: E402


def lost_where(c, page, head: int, tail: int) -> str:
    blocks = {b.line: b for b in page.layout.blocks}
    hb, tb = blocks[head], blocks[tail]
    if c is None or head not in {e.block.line for e in c.ends}:
        return f"head-not-end({hb.kind}/{hb.role})"
    if tail not in {s.block.line for s in c.starts}:
        return f"tail-not-start({tb.kind}/{tb.role})"
    sc = [x for x in c.scored if x[1].block.line == head and x[2].block.line == tail]
    if not sc:
        return "score<=0"
    s0, e, s = sc[0][0], sc[0][1], sc[0][2]
    if s0 < c.need:
        return "below-need"
    top = max(((x, j) for x, j in c.best_for_end[e.block.index] if j != s.block.index), default=(None, None))
    if top[0] is not None and top[0] > s0 - C.MARGIN:
        return "rival-end-adj" if top[1] == -1 else "rival-end"
    if any(x > s0 - C.MARGIN for x, j in c.best_for_start[s.block.index] if j != e.block.index):
        return "rival-start"
    return "used"


def describe(c, page, head: int, tail: int) -> str:
    blocks = {b.line: b for b in page.layout.blocks}
    hb, tb = blocks[head], blocks[tail]
    left, right = C._structure.clean(hb.text), C._structure.clean(tb.text)
    out = f"{Path(page.path).name} {head}->{tail}: …{left[-10:]} | {right[:10]}…"
    if c is not None:
        sc = [x for x in c.scored if x[1].block.line == head and x[2].block.line == tail]
        if sc:
            out += f"  score {sc[0][0]:.1f} (need {c.need})"
        rivals = [x for x in c.scored if x[1].block.line == head and x[2].block.line != tail]
        if rivals:
            r = max(rivals, key=lambda x: x[0])
            out += f"; best rival {r[2].head[:10]}… {r[0]:.1f}: {'；'.join(r[3])[:60]}"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="labels: " + ", ".join(planted.CORPORA) + " (default: all found)")
    ap.add_argument("--kinds", default="moved-same,moved-other")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", metavar="WHERE", help="print the cases lost there (e.g. score<=0, rival-end)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="change a constant of checks/continuation.py for this run")
    args = ap.parse_args()
    for kv in args.set:
        name, value = kv.split("=", 1)
        if not hasattr(C, name):
            ap.error(f"checks/continuation.py has no {name}")
        setattr(C, name, type(getattr(C, name))(float(value)))
    for label in args.corpora or list(planted.CORPORA):
        name, style = planted.CORPORA[label]
        files = planted.corpus_files(planted.SHARED / name)
        if not files:
            print(f"{label}: no corpus at {planted.SHARED / name}, skipped", file=sys.stderr)
            continue
        paras = planted.paragraphs(files, style)
        for kind in args.kinds.split(","):
            with tempfile.TemporaryDirectory() as tmp:
                rng = planted.seeded(args.seed, label, kind)
                pages, cases = planted.scramble_pages(Path(tmp), kind, paras, args.n, rng, style)
                by = collections.defaultdict(list)
                for path, tail, head in cases:
                    by[path].append((tail, head))
                where, shown, wrong = collections.Counter(), [], []
                for path in pages:
                    page = Page.from_text(str(path), path.read_text("utf-8"))
                    c = C.candidates(page)
                    got = {(s.block.line, e.block.line) for e, s, _, _ in C.pairs(page)}
                    truth = set(by[path])
                    wrong += [f"{path.name} {h}->{t}" for t, h in sorted(got - truth)]
                    for tail, head in by[path]:
                        if (tail, head) in got:
                            where["found"] += 1
                            continue
                        w = lost_where(c, page, head, tail)
                        where[w] += 1
                        if args.show and w.startswith(args.show):
                            shown.append(describe(c, page, head, tail))
            print(f"{label} {kind}: found {where.pop('found', 0)}/{len(cases)}, wrong pairings {len(wrong)}")
            for w, k in where.most_common():
                print(f"  {w:<28} {k}")
            for line in wrong:
                print(f"  wrong: {line}")
            for line in shown:
                print(f"    {line}")


if __name__ == "__main__":
    main()
