"""How much more probable a correction makes its context, under the character trigram model.

A typo the dictionaries cannot see — what is written is a word too (机智 for 机制), or reads as two words
(家|强 for 加强) — shows only in its context: the corrected characters run on with their neighbours and the
written ones do not.  :func:`gains` scores many candidate corrections of one text at once with the model of
:mod:`newslint.analyses.charlm` (its arrays searched with numpy, not one look-up at a time): for each, the
log-probability (nats) of the characters the change touches — the changed one and the two after it, each
given the two before — corrected minus as written.  An inserted character (a dropped one restored) adds a
factor, so it must pay for itself.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

_BITS = 21  # as charlm.key


class _Arrays:
    def __init__(self):
        import numpy as np

        from ..analyses import charlm

        m = charlm.model()
        self.np = np
        self.k1, self.v1 = m.k1.astype(np.uint64), m.v1
        self.k2, self.v2 = m.k2.astype(np.uint64), m.v2
        self.k3, self.v3 = m.k3.astype(np.uint64), m.v3
        self.kb1, self.vb1 = m.kb1.astype(np.uint64), m.vb1
        self.kb2, self.vb2 = m.kb2.astype(np.uint64), m.vb2
        self.unk = m.unk
        self.normalise = charlm.normalise
        self.bos = ord(charlm.BOS)
        self.eos = ord(charlm.EOS)

    def _get(self, keys, vals, q, default):
        """``vals`` at each of the keys ``q`` (a uint64 array), ``default`` where a key is absent, and the
        mask of the keys found."""
        np = self.np
        pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        found = keys[pos] == q
        return np.where(found, vals[pos], default), found

    def logp3(self, a, b, c):
        """log P(c | a b) for arrays of character codes (back-off as :meth:`charlm.CharLM.p3`)."""
        np = self.np
        s = np.uint64(_BITS)
        p1, _ = self._get(self.k1, self.v1, c, self.unk)
        bo1, _ = self._get(self.kb1, self.vb1, b, 0.0)
        p2, f2 = self._get(self.k2, self.v2, (b << s) | c, 0.0)
        p2 = np.where(f2, p2, bo1 + p1)
        bo2, _ = self._get(self.kb2, self.vb2, (a << s) | b, 0.0)
        p3, f3 = self._get(self.k3, self.v3, (((a << s) | b) << s) | c, 0.0)
        return np.where(f3, p3, bo2 + p2)


@lru_cache(maxsize=1)
def _arrays() -> _Arrays:
    return _Arrays()


_STOP = set("。！？\n")


_NORM: Dict[str, int] = {}


def _codes(text: str) -> List[int]:
    """One code a character of ``text``, normalised as the model reads it (a space kept, as unknown)."""
    norm = _NORM
    missing = set(text).difference(norm)
    if missing:
        f = _arrays().normalise
        for ch in missing:
            n = f(ch)
            norm[ch] = ord(n) if n else ord(ch)
    return [norm[ch] for ch in text]


def gains(text: str, changes: Sequence[Tuple[int, int, str]]) -> List[float]:
    """For each change ``(start, end, replacement)`` of ``text`` (one character replaced: end = start + 1;
    one inserted: end = start), log P(corrected) - log P(written) over the characters it touches, in nats.
    A sentence break (。！？ or a line end) cuts the context as it would in training."""
    if not changes:
        return []
    A = _arrays()
    np = A.np
    codes = _codes(text)
    size = len(text)
    bos = A.bos
    rows: List[Tuple[int, int, int]] = []
    own: List[int] = []
    for k, (s, e, rep) in enumerate(changes):
        # the two characters before the change, cut at a sentence break
        a = b = bos
        for j in (s - 2, s - 1):
            if j < 0:
                continue
            if text[j] in _STOP:
                a = b = bos
            else:
                a, b = b, codes[j]
        tail = []  # the characters after the change whose probability it touches
        for j in range(e, min(size, e + 2)):
            tail.append(codes[j])
            if text[j] in _STOP:
                break  # what follows a break is read afresh, the same either way
        for sign, mid in ((-1, codes[s:e]), (1, _NORM.get(rep) and [_NORM[rep]] or _codes(rep))):
            x, y = a, b
            for c in mid + tail:
                rows.append((x, y, c))
                own.append(sign * (k + 1))
                x, y = y, c
    arr = np.array(rows, dtype=np.uint64)
    lp = A.logp3(arr[:, 0], arr[:, 1], arr[:, 2]).astype(np.float64)
    o = np.array(own, dtype=np.int64)
    sign = np.sign(o).astype(np.float64)
    total = np.bincount(np.abs(o) - 1, weights=lp * sign, minlength=len(changes))
    return total.tolist()
