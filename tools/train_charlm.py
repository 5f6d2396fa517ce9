#!/usr/bin/env python3
"""Train the character n-gram model of ``newslint.analyses.charlm`` and write ``rules/charlm.npz``.

    python tools/train_charlm.py                  # jieba's dictionary + every gov report (rules/charlm.npz)
    python tools/train_charlm.py --until 2012 --out /tmp/held-out.npz   # the reports up to 2012 only
    python tools/train_charlm.py --laws LAWS --law-weight 0.25 \
        --exclude ../shared/corpus/typos/ecspell-odw.jsonl --out rules/charlm-docs.npz   # the typo rules' second model

Sources, both with a clear licence, and nothing else:

- jieba's dictionary (``jieba/dict.txt``, MIT licence): every word contributes the character n-grams
  inside it, weighted by its frequency (scaled, see ``--dict-weight``).  It knows which characters make a
  word (创|新, 建|设) but nothing of what follows a word.
- the 政府工作报告 in ``../shared/corpus/gov-reports/`` (PRC official documents, public domain), all of
  them or those up to ``--until``: running text, split into sentences at 。！？, so the model learns what
  opens a sentence and what runs on inside one.  The shipped model reads every report, so planted figures
  on gov are in-sample; a model trained with ``--until 2012`` measures them on text it has not seen
  (``rules/charlm.md`` gives both).

- optionally (``--laws``) the statutory texts of a checkout of LawRefBook/Laws (laws, administrative and
  local regulations, departmental rules, judicial interpretations; not subject to copyright: PRC
  Copyright Law, art. 5), the case reports (``案例``) left out: the bodies after ``<!-- INFO END -->``,
  without headings, tables and article or item numbers, split into sentences likewise.  They are 20 times
  the reports and all of one register, so each of their sentences counts ``--law-weight`` times (0.25 for
  ``charlm-docs.npz``); ``--exclude`` leaves out every law sentence sharing 12 characters with a test set
  (ECSpell's sentences are official documents too, some quoting the laws).

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

FINAL = re.compile(r"[。！？；：，、”’）」』]+$")
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


LAW_SKIP_DIRS = {"案例", "scripts"}  # case reports are commentary, not statutory text
LAW_LEAD = re.compile(r"^(?:第[一二三四五六七八九十百千零〇0-9]+[条章节编款项]\s*|[（(][一二三四五六七八九十0-9]+[）)]\s*|"
                      r"[一二三四五六七八九十]+、\s*|[0-9]+[.．、]\s*)+")


def law_files(root: Path):
    """The statutory texts of a LawRefBook/Laws checkout: every Markdown file but the case reports, the
    templates and the indexes."""
    for f in sorted(root.rglob("*.md")):
        rel = f.relative_to(root).parts
        if len(rel) < 2 or rel[0] in LAW_SKIP_DIRS or f.name.startswith("_"):
            continue
        yield f


def shingles(path: Path, n: int = 12) -> set:
    """Every ``n``-character run of the sentences of a JSON-lines test set (its ``src`` and ``tgt``)."""
    import json

    out = set()
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        for t in (row.get("src", ""), row.get("tgt", "")):
            t = normalise(t)
            out.update(t[i:i + n] for i in range(len(t) - n + 1))
    return out


def law_sentences(root: Path, exclude: set = frozenset(), n: int = 12):
    """Sentences of the laws' bodies: after the ``<!-- INFO END -->`` marker (the dates of adoption before it
    are left out), without headings, tables, HTML comments and the article or item numbers that open a
    paragraph (第三条, （一）), so that the model learns how a sentence opens, not how an article is numbered."""
    n = 0
    law_sentences.excluded = 0
    for f in law_files(root):
        text = f.read_text(encoding="utf-8", errors="replace")
        if "<!-- INFO END -->" in text:
            text = text.split("<!-- INFO END -->", 1)[1]
        n += 1
        for line in text.splitlines():
            line = line.strip()
            if not line or line[0] in "#<>|!-*" or "|" in line:
                continue
            line = normalise(LAW_LEAD.sub("", line))
            if len(line) < 4 or not re.search(r"[\u4e00-\u9fff]", line):
                continue
            for s in SENT.findall(line):
                if s and not (exclude and any(s[i:i + 12] in exclude for i in range(len(s) - 11))):
                    yield s
                elif s:
                    law_sentences.excluded += 1
    law_sentences.files = n


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
    ap.add_argument("--laws", default=None,
                    help="a checkout of LawRefBook/Laws: add its statutory texts (laws, regulations, judicial "
                         "interpretations; not copyrightable, PRC Copyright Law art. 5)")
    ap.add_argument("--report-weight", type=float, default=1.0,
                    help="count each sentence of the reports this many times (a law's sentence counts once)")
    ap.add_argument("--law-weight", type=float, default=1.0, help="count each sentence of the laws this many times")
    ap.add_argument("--exclude", action="append", default=[],
                    help="a JSON-lines test set (src/tgt): leave out every sentence of the laws that shares a run "
                         "of 12 characters with it, so that the set stays unseen (repeatable)")
    ap.add_argument("--reverse", action="store_true",
                    help="train the right-to-left model (sentences reversed, their final marks left out)")
    ap.add_argument("--out", default=None, help="default: rules/charlm.npz (rules/charlm-rev.npz with --reverse)")
    args = ap.parse_args()

    c1, c2, c3 = collections.Counter(), collections.Counter(), collections.Counter()
    out = args.out or str(ROOT / "rules" / ("charlm-rev.npz" if args.reverse else "charlm.npz"))

    def count(sentences, weight: float) -> int:
        """Add the n-grams of these sentences, each counted ``weight`` times; return their characters."""
        n3, n2, n1 = collections.Counter(), collections.Counter(), collections.Counter()
        chars = 0
        for s in sentences:
            if args.reverse:
                s = FINAL.sub("", s)[::-1]
            seq = BOS + BOS + s + EOS
            chars += len(s)
            n1.update(seq[2:])
            n2.update(seq[i:i + 2] for i in range(1, len(seq) - 1))
            n3.update(seq[i:i + 3] for i in range(len(seq) - 2))
        for src, dst in ((n1, c1), (n2, c2), (n3, c3)):
            for k, v in src.items():
                dst[k] += v * weight
        return chars

    n_chars = count(gov_sentences(Path(args.corpus), args.until), args.report_weight)
    sources = f"reports: {n_chars} characters from {len(gov_sentences.used)} files x{args.report_weight:g}"
    law_chars = 0
    if args.laws:
        exclude = set()
        for p in args.exclude:
            exclude |= shingles(Path(p))
        law_chars = count(law_sentences(Path(args.laws), exclude), args.law_weight)
        sources += (f"; laws: {law_chars} characters from {law_sentences.files} files x{args.law_weight:g} "
                    f"({law_sentences.excluded} sentences sharing 12 characters with a test set left out)")
    words = [(w[::-1] if args.reverse else w, f) for w, f in jieba_words()]
    dict_chars = sum(len(w) * f for w, f in words)
    scale = args.dict_weight * (n_chars * args.report_weight + law_chars * args.law_weight) / dict_chars
    for w, f in words:
        wt = f * scale
        for i in range(len(w)):
            c1[w[i]] += wt
            if i >= 1:
                c2[w[i - 1:i + 1]] += wt
            if i >= 2:
                c3[w[i - 2:i + 1]] += wt
    print(f"{sources}; dictionary: {len(words)} words scaled x{scale:.4g}", file=sys.stderr)

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
        low = (c2[b + c] + types1[b] * p1[c]) / (ctx1[b] + types1[b])  # (the bigram before pruning)
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
    about = (f"newslint character trigram model{' (right to left)' if args.reverse else ''} (Witten-Bell, back-off form, natural-log probabilities). "
             f"Trained by tools/train_charlm.py from jieba's dict.txt (MIT licence; words x frequency) and the "
             f"PRC government work reports {', '.join(gov_sentences.used[:1])}..{gov_sentences.used[-1]} "
             f"(public domain)" + (
                 f", and {law_sentences.files} statutory texts of LawRefBook/Laws (laws, administrative and local "
                 f"regulations, departmental rules, judicial interpretations; not subject to copyright, PRC "
                 f"Copyright Law art. 5) counted x{args.law_weight:g}"
                 + (f", without {law_sentences.excluded} sentences sharing 12 characters with a test set"
                    if law_sentences.excluded else "") if args.laws else "") + ". Counts only; no source text.")
    np.savez_compressed(out, k1=k1, v1=v1, k2=k2, v2=v2, k3=k3, v3=v3, kb1=kb1, vb1=vb1, kb2=kb2, vb2=vb2,
             unk=np.array([math.log(unk)], dtype=np.float32), about=np.array(about),
             trained_on=np.array(gov_sentences.used))
    size = Path(out).stat().st_size
    print(f"{len(k1)} unigrams, {len(k2)} bigrams, {len(k3)} trigrams -> {out} ({size / 1e6:.2f} MB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
