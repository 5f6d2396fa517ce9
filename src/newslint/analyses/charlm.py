"""A compact character n-gram model of Chinese running text: is this join a sentence running on?

A paragraph cut between two whole words leaves no lexical trace at the cut (……坚持 | 以人民为中心……):
no word spans it, nothing dangles.  What remains is how *probable* the right half's first characters
are after the left half's last ones, compared with how probable they are at the start of a sentence.
This module answers that with a character trigram model:

- :func:`logprob` — the log-probability (natural log) of a text, optionally after a left context;
- :func:`join_gain` — how much more probable ``right``'s first characters are after ``left`` than at a
  sentence start (nats; positive: the join reads on, negative: ``right`` reads as a new sentence);
- :func:`end_gain` — the same seen from the right: how much more probable ``left``'s last characters are
  before ``right`` than at the end of a sentence, under a right-to-left model;
- :func:`join_score` — the two added: the evidence, from both sides, that a cut separates one sentence.

Each model (``charlm.npz`` and ``charlm-rev.npz`` among the built-in packs, about 1 MB each) holds smoothed log-probabilities of
character unigrams, bigrams and trigrams in back-off form (Witten–Bell), as sorted integer keys and
16-bit floats; it is trained by ``tools/train_charlm.py`` from jieba's dictionary (MIT) and the public-
domain 政府工作报告 (see the ``about`` field and ``rules/charlm.md``).  They are loaded on first use only —
a page without a candidate join never reads them — and load in about 10 ms each (``numpy.load``).
Characters are normalised as in training: digits read as 0, Latin letters as A, half-width marks as
their full-width forms.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Optional, Sequence

BOS = "\x02"  # a sentence starts here
EOS = "\x03"  # a sentence ends here
_BITS = 21
_MASK = (1 << _BITS) - 1
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def normalise(text: str) -> str:
    """The text as the model reads it: digits 0, Latin letters A, half-width marks full-width, no spaces."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch.isdigit() and o < 0x3000 or 0xFF10 <= o <= 0xFF19:
            out.append("0")
        elif ch.isascii() and ch.isalpha() or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
            out.append("A")
        elif ch in " \t\u3000\u00a0\r\n\ufeff":
            continue
        else:
            out.append(_HALF.get(ch, ch))
    return "".join(out)


def key(*chars: str) -> int:
    """The integer key of an n-gram (up to three characters, 21 bits each)."""
    k = 0
    for c in chars:
        k = (k << _BITS) | ord(c)
    return k


class CharLM:
    """Back-off look-ups over the sorted tables of ``charlm.npz``."""

    def __init__(self, path):
        import numpy as np

        z = np.load(path)
        self._u64 = np.uint64
        self.k1, self.v1 = z["k1"], z["v1"]
        self.k2, self.v2 = z["k2"], z["v2"]
        self.k3, self.v3 = z["k3"], z["v3"]
        self.kb1, self.vb1 = z["kb1"], z["vb1"]
        self.kb2, self.vb2 = z["kb2"], z["vb2"]
        self.unk = float(z["unk"][0])
        self.about = str(z["about"])

    def _find(self, keys, vals, k: int) -> Optional[float]:
        k = self._u64(k)  # (a Python int would make numpy convert the whole table to compare)
        i = int(keys.searchsorted(k))
        if i < len(keys) and keys[i] == k:
            return float(vals[i])
        return None

    def p1(self, c: str) -> float:
        v = self._find(self.k1, self.v1, ord(c))
        return self.unk if v is None else v

    def p2(self, b: str, c: str) -> float:
        v = self._find(self.k2, self.v2, key(b, c))
        if v is not None:
            return v
        return (self._find(self.kb1, self.vb1, ord(b)) or 0.0) + self.p1(c)

    def p3(self, a: str, b: str, c: str) -> float:
        """log P(c | a b)."""
        v = self._find(self.k3, self.v3, key(a, b, c))
        if v is not None:
            return v
        return (self._find(self.kb2, self.vb2, key(a, b)) or 0.0) + self.p2(b, c)

    def logprob(self, text: str, context: Optional[str] = None) -> float:
        """log P(text | context); ``context`` None means a sentence start.  Both are normalised here."""
        seq = (BOS + BOS) if context is None else (BOS + BOS + normalise(context))[-2:]
        t = normalise(text)
        seq += t
        return sum(self.p3(seq[i - 2], seq[i - 1], seq[i]) for i in range(2, len(seq)))

    def join_gain(self, left: str, right: str, n: int = 2) -> float:
        """How much more probable ``right``'s first ``n`` characters are right after ``left`` than at the
        start of a sentence (nats).  A trigram model sees two characters back, so n = 2 covers every
        character whose probability the join changes."""
        r = normalise(right[:n + 8])[:n]
        if not r:
            return 0.0
        return self.logprob(r, left[-8:]) - self.logprob(r, None)


@lru_cache(maxsize=None)
def model() -> CharLM:
    """The left-to-right model."""
    from ..packs import pack_dir

    return CharLM(pack_dir() / "charlm.npz")


@lru_cache(maxsize=None)
def reverse_model() -> CharLM:
    """The right-to-left model: trained on reversed sentences without their final marks, so its "sentence
    start" is the end of a sentence's text."""
    from ..packs import pack_dir

    return CharLM(pack_dir() / "charlm-rev.npz")


@lru_cache(maxsize=None)
def docs_model() -> CharLM:
    """The left-to-right model of official documents (``charlm-docs.npz``): trained on the reports and on
    the statutory texts of the PRC (laws, regulations, judicial interpretations) as well, which makes it
    stronger on the register of official documents and weaker on news; the typo rules use it with
    :func:`model` (``checks/typo_lm.py``), the joins do not."""
    from ..packs import pack_dir

    return CharLM(pack_dir() / "charlm-docs.npz")


def logprob(text: str, context: Optional[str] = None) -> float:
    """log P(text | context) under the built-in model (``context`` None: at a sentence start)."""
    return model().logprob(text, context)


def join_gain(left_tail: str, right_head: str) -> float:
    """How much more probable ``right_head`` is after ``left_tail`` than at a sentence start (nats)."""
    return model().join_gain(left_tail, right_head)


def end_gain(left_tail: str, right_head: str) -> float:
    """How much more probable ``left_tail``'s last two characters are before ``right_head`` than at the end
    of a sentence, under the right-to-left model (nats)."""
    t = normalise(left_tail[-10:])[-2:][::-1]
    if not t:
        return 0.0
    lm = reverse_model()
    return lm.logprob(t, normalise(right_head[:10])[:2][::-1]) - lm.logprob(t, None)


def join_score(left_tail: str, right_head: str) -> float:
    """:func:`join_gain` + :func:`end_gain`: how strongly both sides of a cut read as one sentence."""
    return join_gain(left_tail, right_head) + end_gain(left_tail, right_head)


def perplexity(texts: Sequence[str]) -> float:
    """Per-character perplexity of whole sentences (for measuring the model, not for rules)."""
    lm = model()
    total, n = 0.0, 0
    for t in texts:
        total += lm.logprob(t + EOS)
        n += len(normalise(t)) + 1
    return math.exp(-total / max(n, 1))
