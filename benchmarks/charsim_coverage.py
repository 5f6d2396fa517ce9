#!/usr/bin/env python3
"""How much of the character-similarity data covers the characters of people's names.

    python benchmarks/charsim_coverage.py            # the table
    python benchmarks/charsim_coverage.py --missing  # also list the characters with no look-alike

A misspelt name can only be found when the wrong character is known to sound or look like the right
one.  For the characters of names — the given-name characters and surnames of the leaders' roster
(rules/leaders.toml) and the surnames of rules/surnames.toml — this prints how many have at least one
sound-alike (a shared toneless reading), at least one strong look-alike, at least one look-alike of any
level (weak shapes and component containment included) and both a sound- and a look-alike, among the
common characters (single characters of jieba's dictionary with frequency >= 100).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.analyses import charsim  # noqa: E402
from newslint.engine import load_pack, pack_dir  # noqa: E402


def common_chars(min_freq: int = 100) -> list:
    from newslint.lexicon import _jieba_dict

    out = []
    with open(_jieba_dict(), encoding="utf-8") as fh:
        for line in fh:
            w, f = line.split(" ", 2)[:2]
            if len(w) == 1 and "\u4e00" <= w <= "\u9fff" and int(f) >= min_freq:
                out.append(w)
    return out


def name_chars():
    leaders = [e["name"] for e in load_pack(pack_dir() / "leaders.toml")["leader"] if "·" not in e["name"]]
    surnames = set()
    for e in load_pack(pack_dir() / "surnames.toml")["surnames"]:
        surnames |= {c for c in (e.get("single") or "") if not c.isspace()}
    return {
        "roster given names": sorted({c for n in leaders for c in n[1:]}),
        "roster surnames": sorted({n[0] for n in leaders}),
        "surnames.toml": sorted(surnames),
    }


class Index:
    """Candidate partners of a character: same reading, same four-corner code, a shared component."""

    def __init__(self, universe):
        self.by_reading = defaultdict(set)
        self.by_code = defaultdict(set)
        self.by_part = defaultdict(set)
        for c in universe:
            for r in charsim.readings(c):
                self.by_reading[r].add(c)
            fc = charsim.four_corner(c)
            if fc:
                self.by_code[fc[:4]].add(c)
            self.by_part[c].add(c)
            for parts in charsim.decompositions(c):
                for p in parts:
                    self.by_part[p].add(c)

    def sound(self, c):
        return {x for r in charsim.readings(c) for x in self.by_reading[r]} - {c}

    def shape_candidates(self, c):
        fc = charsim.four_corner(c)
        out = set(self.by_code[fc[:4]]) if fc else set()
        parts = {p for d in charsim.decompositions(c) for p in d} | {c}
        for p in parts:
            out |= self.by_part[p]
        return out - {c}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--missing", action="store_true", help="list the characters without any look-alike")
    ap.add_argument("--min-freq", type=int, default=100)
    args = ap.parse_args(argv)
    universe = common_chars(args.min_freq)
    idx = Index(universe)
    print(f"common characters (jieba, single, freq >= {args.min_freq}): {len(universe)}")
    head = f"{'characters':20} {'n':>5} {'sound':>7} {'shape':>7} {'any shape':>10} {'contain':>8} {'both':>7} {'none':>6}"
    print(head)
    for label, chars in name_chars().items():
        n = len(chars)
        counts = defaultdict(int)
        missing = []
        for c in chars:
            sound = bool(idx.sound(c))
            cands = idx.shape_candidates(c)
            strong = any(charsim.shape_level(c, x) >= 2 for x in cands)
            anyshape = strong or any(charsim.shape_level(c, x) >= 1 for x in cands)
            contain = any(charsim.contains(c, x) for x in cands)
            counts["sound"] += sound
            counts["shape"] += strong
            counts["any"] += anyshape
            counts["contain"] += contain
            counts["both"] += sound and anyshape
            counts["none"] += not sound and not anyshape
            if not anyshape:
                missing.append(c)

        def pct(k):
            return f"{100 * counts[k] / n:6.1f}%" if n else "     -"
        print(f"{label:20} {n:5} {pct('sound'):>7} {pct('shape'):>7} {pct('any'):>10} {pct('contain'):>8}"
              f" {pct('both'):>7} {pct('none'):>6}")
        if args.missing and missing:
            print(f"    no look-alike: {''.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
