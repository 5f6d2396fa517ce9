#!/usr/bin/env python3
"""Typo detection (the ``typo`` rules) measured three ways.

    python benchmarks/typos.py                  # everything below
    python benchmarks/typos.py --ecspell        # only ECSpell
    python benchmarks/typos.py --planted        # only the planted typos
    python benchmarks/typos.py --rates          # only the warnings per 10k on the edited corpora

1. **ECSpell** (``../shared/corpus/typos/ecspell-odw.jsonl``, MIT): sentences of government documents,
   1,259 with injected sound-alike/look-alike errors.  A sentence is *flagged* when a typo finding
   (warning; ``any`` also counts info) falls in it; an erroneous sentence is *caught* when a finding
   covers one of its errors and *corrected* when its suggestion gives the gold characters there.  The
   errors are synthetic: the figures are recall on them and false alarms on the clean sentences.
2. **Planted**: one-character typos planted into paragraphs of xwlb, rmrb and gov (gov: the odd years): a
   character of a common word (jieba frequency
   ≥ 300, 2–4 characters) replaced by a sound-alike, by a look-alike, or dropped, and a character doubled.
   Found = a typo finding overlaps the planted character; right = its suggestion restores the text.
3. **Rates**: typo warnings per 10k characters on the three edited corpora (``benchmarks/rates.py``).

Checking runs in-process, one page per sentence or paragraph (``Page.from_text``).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from newslint.checks import typo, typo_data  # noqa: E402
from newslint.page import Page  # noqa: E402


def typos_of(text: str, path: str = "t.txt"):
    return typo.find_typos(Page.from_text(path, text))


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f} %)" if b else "0/0"


def ecspell(split=None, show=0):
    rows = [json.loads(line) for line in open(SHARED / "typos" / "ecspell-odw.jsonl", encoding="utf-8")]
    if split:
        rows = [r for r in rows if r["split"] == split]
    err = clean = 0
    flagged_err = {"warning": 0, "any": 0}
    flagged_clean = {"warning": 0, "any": 0}
    caught = corrected = 0
    false_examples = []
    for r in rows:
        src, tgt = r["src"], r["tgt"]
        found = typos_of(src)
        warn = [t for t in found if t.severity == "warning"]
        if r["has_error"]:
            err += 1
            flagged_err["warning"] += bool(warn)
            flagged_err["any"] += bool(found)
            if len(src) == len(tgt):
                wrong = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
                hit = [t for t in found if any(t.start <= i < t.end for i in wrong)]
                caught += bool(hit)
                corrected += any(t.kind != typo_data.DROP and tgt[t.start:t.end] == t.right for t in hit)
        else:
            clean += 1
            flagged_clean["warning"] += bool(warn)
            flagged_clean["any"] += bool(found)
            if found:
                false_examples.append((src, found))
    label = f"ecspell-odw{' ' + split if split else ''}"
    print(f"{label}: erroneous sentences flagged {pct(flagged_err['warning'], err)} by warnings, "
          f"{pct(flagged_err['any'], err)} with info (target ≥ 50 %)")
    print(f"{label}: clean sentences flagged {pct(flagged_clean['warning'], clean)} by warnings, "
          f"{pct(flagged_clean['any'], clean)} with info (target ≤ 3 %)")
    print(f"{label}: a finding on an injected error in {pct(caught, err)}, with the gold correction in "
          f"{pct(corrected, caught)}")
    for src, found in false_examples[:show]:
        print("   clean:", src[:60], [(t.wrong, t.right, t.severity) for t in found])


# ---- planted typos ---------------------------------------------------------------------------------
def paragraphs(label: str, n: int, rng: random.Random):
    if label == "xwlb":
        files = sorted((SHARED / "xwlb-2024").glob("*.md"))
    elif label == "rmrb":
        files = sorted((SHARED / "rmrb-2019-10").rglob("*.txt"))
    else:  # the odd years only (the rules were tuned looking at findings on the whole corpus)
        files = [p for p in sorted((SHARED / "gov-reports").glob("gwr_*.txt")) if int(p.stem[4:]) % 2]
    paras = []
    for f in files:
        for line in f.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n"):
            line = line.strip().lstrip("\u3000")
            if 60 <= len(line) <= 400 and not line.startswith("#"):
                paras.append(line)
    rng.shuffle(paras)
    return paras[:n]


def plant(para: str, kind: str, rng: random.Random):
    """A planted typo: (text, start, end, original) or None when the paragraph offers no place."""
    from newslint.lexicon import lexicon

    lex = lexicon()
    conf = typo_data.confusables()
    spots = []
    for i in range(len(para) - 1):
        for n in (4, 3, 2):
            w = para[i:i + n]
            if len(w) == n and all(map(typo_data._is_han, w)) and lex.freq(w) >= 300:
                spots.append((i, w))
                break
    rng.shuffle(spots)
    for i, w in spots:
        k = rng.randrange(len(w))
        ch = w[k]
        if kind in ("sound", "shape"):
            want = typo_data.SOUND if kind == "sound" else typo_data.SHAPE
            subs = sorted(d for d, kd in conf.get(ch, {}).items() if kd & want)
            if not subs:
                continue
            d = rng.choice(subs)
            return para[:i + k] + d + para[i + k + 1:], i + k, i + k + 1, ch
        if kind == "drop" and len(w) >= 3:
            return para[:i + k] + para[i + k + 1:], i + k, i + k, ch
        if kind == "double" and len(w) >= 3:
            return para[:i + k + 1] + ch + para[i + k + 1:], i + k, i + k + 2, ch
    return None


def planted(n: int, seed: int = 17):
    rng = random.Random(seed)
    table = []
    for label in ("xwlb", "rmrb", "gov"):
        paras = paragraphs(label, n, rng)
        for kind in ("sound", "shape", "drop", "double"):
            tried = found = right = 0
            for para in paras:
                p = plant(para, kind, rng)
                if p is None:
                    continue
                text, s, e, orig = p
                tried += 1
                if kind == "double":  # reported by wording-repeated-word, not by the typo rules
                    continue
                hits = [t for t in typos_of(text) if t.start <= max(s, e - 1) and s <= t.end and t.end > s - 1]
                hits = [t for t in hits if t.start <= s < t.end or (kind == "drop" and t.start <= s <= t.end)]
                if hits:
                    found += 1
                    t = hits[0]
                    right += (text[:t.start] + t.right + text[t.end:]) == para
            if kind != "double":
                table.append((label, kind, tried, found, right))
    print(f"{'corpus':6} {'kind':6} {'planted':>8} {'found':>16} {'right suggestion':>18}")
    tot = Counter()
    for label, kind, tried, found, right in table:
        print(f"{label:6} {kind:6} {tried:8} {pct(found, tried):>16} {pct(right, found):>18}")
        if kind in ("sound", "shape"):
            tot.update(tried=tried, found=found, right=right)
    print(f"substitutions (sound + shape): found {pct(tot['found'], tot['tried'])} (target ≥ 60 %), "
          f"right suggestion {pct(tot['right'], tot['found'])} (target ≥ 90 %)")


def rates():
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "rates.py"), "--select", "typo", "--rules", "--target", "0.05"],
                   cwd=ROOT, check=False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ecspell", action="store_true")
    ap.add_argument("--planted", action="store_true")
    ap.add_argument("--rates", action="store_true")
    ap.add_argument("-n", type=int, default=200, help="paragraphs per corpus for planted typos")
    ap.add_argument("--show", type=int, default=0, help="print this many flagged clean sentences")
    args = ap.parse_args(argv)
    every = not (args.ecspell or args.planted or args.rates)
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} not found")
    if every or args.ecspell:
        ecspell(show=args.show)
        ecspell("test")
    if every or args.planted:
        planted(args.n)
    if every or args.rates:
        rates()
    return 0


if __name__ == "__main__":
    sys.exit(main())
