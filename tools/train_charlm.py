#!/usr/bin/env python3
"""Train the character n-gram model of ``newslint.analyses.charlm`` and write ``rules/charlm.npz``.

    python tools/train_charlm.py                  # jieba's dictionary + gov-reports up to 2012
    python tools/train_charlm.py --until 2012 --out rules/charlm.npz

Sources, both with a clear licence, and nothing else:

- jieba's dictionary (``jieba/dict.txt``, MIT licence): every word contributes the character n-grams
  inside it, weighted by its frequency (scaled, see ``--dict-weight``).  It knows which characters make a
  word (创|新, 建|设) but nothing of what follows a word.
- the 政府工作报告 in ``../shared/corpus/gov-reports/`` (PRC official documents, public domain) up to
  ``--until`` (default 2012): running text, split into sentences at 。！？, so the model learns what opens
  a sentence and what runs on inside one.  The later reports are left out so that defects planted in
  them (``benchmarks/planted.py gov --held-out``) are measured on text the model has not seen.

Only counts leave this script — smoothed log-probabilities of character unigrams, bigrams and trigrams
(Witten–Bell interpolation, stored in back-off form) — never a sentence of the sources.  Trigrams seen
once are pruned, which keeps the table to about 2 MB.  Characters are normalised as the model reads
them (:func:`newslint.analyses.charlm.normalise`): digits become 0, Latin letters A, half-width marks
full-width.
"""
from __future__ import annotations

import argparse
import collections
import math
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.analyses.charlm import BOS, EOS, key, normalise  # noqa: E402

SENT = re.compile(r"[^。！？]*[。！？]+[”’）」』]*|[^。！？]+$")


def gov_sentences(corpus: Path, until: int):
    files = sorted(corpus.glob("gwr_*.txt"))
    used = []
    for f in files:
        year = int(f.stem.split("_")[1])
        if year > until:
            continue
        used.append(f.name)
        for line in f.read_text(encoding="utf-8").splitlines():
            line = normalise(line.strip())
            if len(line) < 2:
                continue
            for s in SENT.findall(line):
                if s:
                    yield s
    gov_sentences.used = used


def jieba_words():
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                yield normalise(parts[0]), int(parts[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "gov-reports"))
    ap.add_argument("--until", type=int, default=9999, help="last year of the reports trained on (default: all)")
    ap.add_argument("--dict-weight", type=float, default=1.0,
                    help="the dictionary's characters as a multiple of the reports' characters")
    ap.add_argument("--min-trigram", type=float, default=2, help="prune trigrams counted less often")
    ap.add_argument("--min-bigram", type=float, default=1, help="prune bigrams counted less often")
    ap.add_argument("--out", default=str(ROOT / "rules" / "charlm.npz"))
    args = ap.parse_args()

    c1, c2, c3 = collections.Counter(), collections.Counter(), collections.Counter()
    n_chars = 0
    for s in gov_sentences(Path(args.corpus), args.until):
        seq = [BOS, BOS] + list(s) + [EOS]
        n_chars += len(s)
        for i in range(2, len(seq)):
            c1[seq[i]] += 1
            c2[(seq[i - 1], seq[i])] += 1
            c3[(seq[i - 2], seq[i - 1], seq[i])] += 1
    words = list(jieba_words())
    dict_chars = sum(len(w) * f for w, f in words)
    scale = args.dict_weight * n_chars / dict_chars
    for w, f in words:
        wt = f * scale
        for i, ch in enumerate(w):
            c1[ch] += wt
            if i >= 1:
                c2[(w[i - 1], ch)] += wt
            if i >= 2:
                c3[(w[i - 2], w[i - 1], ch)] += wt
    print(f"reports: {n_chars} characters from {len(gov_sentences.used)} files; dictionary: {len(words)} words "
          f"scaled x{scale:.4g}", file=sys.stderr)

    # Witten-Bell: P(c|h) = (C(hc) + T(h) P(c|h')) / (C(h) + T(h)); unseen c: bow(h) = T(h) / (C(h) + T(h))
    total1 = sum(c1.values())
    vocab = len(c1)
    p1 = {c: (n + 1) / (total1 + vocab + 1) for c, n in c1.items()}
    unk = 1 / (total1 + vocab + 1)
    ctx1, types1 = collections.Counter(), collections.Counter()
    for (a, b), n in c2.items():
        ctx1[a] += n
        types1[a] += 1
    p2 = {}
    for (a, b), n in c2.items():
        if n < args.min_bigram:
            continue
        p2[(a, b)] = (n + types1[a] * p1[b]) / (ctx1[a] + types1[a])
    bow1 = {a: types1[a] / (ctx1[a] + types1[a]) for a in ctx1}
    ctx2, types2 = collections.Counter(), collections.Counter()
    for (a, b, c), n in c3.items():
        ctx2[(a, b)] += n
        types2[(a, b)] += 1
    p3 = {}
    for (a, b, c), n in c3.items():
        if n < args.min_trigram:
            continue
        low = (c2[(b, c)] + types1[b] * p1[c]) / (ctx1[b] + types1[b])  # (the bigram before pruning)
        p3[(a, b, c)] = (n + types2[(a, b)] * low) / (ctx2[(a, b)] + types2[(a, b)])
    # a context without a kept trigram backs off entirely (weight 1): only the others are stored
    kept_ctx = {(a, b) for a, b, _ in p3}
    bow2 = {h: types2[h] / (ctx2[h] + types2[h]) for h in kept_ctx}

    def table(d, n):
        keys = np.array([key(*k) if n > 1 else key(k) for k in d], dtype=np.uint64)
        vals = np.array([math.log(v) for v in d.values()], dtype=np.float32)
        order = np.argsort(keys)
        return keys[order], vals[order].astype(np.float16)

    k1, v1 = table(p1, 1)
    k2, v2 = table(p2, 2)
    k3, v3 = table(p3, 3)
    kb1, vb1 = table(bow1, 1)
    kb2, vb2 = table(bow2, 2)
    about = (f"newslint character trigram model (Witten-Bell, back-off form, natural-log probabilities). "
             f"Trained by tools/train_charlm.py from jieba's dict.txt (MIT licence; words x frequency) and the "
             f"PRC government work reports {', '.join(gov_sentences.used[:1])}..{gov_sentences.used[-1]} "
             f"(public domain). Counts only; no source text.")
    np.savez(args.out, k1=k1, v1=v1, k2=k2, v2=v2, k3=k3, v3=v3, kb1=kb1, vb1=vb1, kb2=kb2, vb2=vb2,
             unk=np.array([math.log(unk)], dtype=np.float32), about=np.array(about),
             trained_on=np.array(gov_sentences.used))
    size = Path(args.out).stat().st_size
    print(f"{len(k1)} unigrams, {len(k2)} bigrams, {len(k3)} trigrams -> {args.out} ({size / 1e6:.2f} MB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
