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
from typing import List, Sequence, Tuple

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


def _codes(text: str) -> List[int]:
    """One code a character of ``text``, normalised as the model reads it (space kept as unknown)."""
    norm = _arrays().normalise
    out = []
    for ch in text:
        n = norm(ch)
        out.append(ord(n) if n else ord(ch))
    return out


def gains(text: str, changes: Sequence[Tuple[int, int, str]]) -> List[float]:
    """For each change ``(start, end, replacement)`` of ``text`` (one character replaced: end = start + 1;
    one inserted: end = start), log P(corrected) - log P(written) over the characters it touches, in nats.
    A sentence break (。！？ or a line end) cuts the context as it would in training."""
    if not changes:
        return []
    A = _arrays()
    np = A.np
    written: List[Tuple[int, int, int]] = []
    corrected: List[Tuple[int, int, int]] = []
    own_w: List[int] = []
    own_c: List[int] = []
    for k, (s, e, rep) in enumerate(changes):
        lo = max(0, s - 2)
        hi = min(len(text), e + 2)
        left, mid, right = text[lo:s], text[s:e], text[e:hi]
        for x, out, own in ((mid, written, own_w), (rep, corrected, own_c)):
            seq = left + x + right
            codes = _codes(seq)
            start = len(left)
            ctx = [A.bos, A.bos]  # the context before the change, cut at a sentence break
            for j in range(start):
                ctx = [A.bos, A.bos] if seq[j] in _STOP else (ctx + [codes[j]])[-2:]
            a, b = ctx
            for j in range(start, len(seq)):
                c = codes[j]
                out.append((a, b, c))
                own.append(k)
                a, b = b, c
                if j >= start + len(x) and seq[j] in _STOP:
                    break  # what follows a break is read afresh, the same either way
    res = []
    for rows, own in ((written, own_w), (corrected, own_c)):
        arr = np.array(rows, dtype=np.uint64).reshape(-1, 3)
        lp = A.logp3(arr[:, 0], arr[:, 1], arr[:, 2]).astype(np.float64)
        res.append(np.bincount(np.array(own, dtype=np.int64), weights=lp, minlength=len(changes)))
    return (res[1] - res[0]).tolist()
