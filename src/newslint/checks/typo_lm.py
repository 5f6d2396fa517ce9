"""How much more probable a correction makes its context, under the character trigram model.

A typo the dictionaries cannot see — what is written is a word too (机智 for 机制), or reads as two words
(家|强 for 加强) — shows only in its context: the corrected characters run on with their neighbours and the
written ones do not.  :func:`gains` scores many candidate corrections of one text at once with the model of
:mod:`newslint.analyses.charlm` (its arrays searched with numpy, not one look-up at a time): for each, the
log-probability (nats) of the characters the change touches — the changed one and the two after it, each
given the two before — corrected minus as written.  An inserted character (a dropped one restored) adds a
factor, so it must pay for itself.

Two models score each change, their log-probabilities mixed (``DOCS_WEIGHT``): ``charlm.npz`` (the
government work reports and jieba's dictionary; closer to news) and ``charlm-docs.npz`` (the same and the
PRC's statutory texts; stronger on official documents, weaker on news).  Mixed half and half they find
more of ECSpell's errors (train split 36.2 -> 40.0 %) and of the typos planted into news (83.2 ->
84.2 %) than the first alone, with 8 % more info notes on the edited news corpora; the second alone
finds more still (42.1 %) but with 49 % more of those notes (``rules/charlm.md``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Sequence, Tuple

from ..analyses.charlm import _BITS  # how charlm.key packs characters into one integer

DOCS_WEIGHT = 0.5  # the weight of charlm-docs.npz's log-probabilities (the rest: charlm.npz's)


class _Arrays:
    def __init__(self, m):
        import numpy as np

        from ..analyses import charlm

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


class _Mix:
    """Two models' :meth:`_Arrays.logp3` mixed log-linearly (``w`` for the second)."""

    def __init__(self, a: _Arrays, b: _Arrays, w: float):
        self.a, self.b, self.w = a, b, w
        self.np, self.bos, self.eos, self.normalise = a.np, a.bos, a.eos, a.normalise

    def logp3(self, a, b, c):
        np = self.np
        return ((1 - self.w) * self.a.logp3(a, b, c).astype(np.float64)
                + self.w * self.b.logp3(a, b, c).astype(np.float64))


@lru_cache(maxsize=1)
def _arrays():
    from ..analyses import charlm

    return _Mix(_Arrays(charlm.model()), _Arrays(charlm.docs_model()), DOCS_WEIGHT)


def fast():
    """The first model alone (``charlm.npz``, a third the size of the documents model: its arrays stay in
    the processor's cache), to set aside at little cost what the mix would not let pass."""
    return _arrays().a


_STOP = "。！？\n"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}  # as charlm's


def codes(text: str):
    """The characters of ``text`` as the model reads them, one uint64 code each (digits 0, Latin letters
    A, half-width marks full-width, as :func:`charlm.normalise`; a space is kept, an unknown character),
    and where a sentence breaks (。！？ or a line end)."""
    np = _arrays().np
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    digit = ((c >= 0x30) & (c <= 0x39)) | ((c >= 0xFF10) & (c <= 0xFF19))
    latin = (((c | 0x20) >= 0x61) & ((c | 0x20) <= 0x7A)) | ((c >= 0xFF21) & (c <= 0xFF3A)) | (
        (c >= 0xFF41) & (c <= 0xFF5A))
    c = np.where(digit, np.uint64(0x30), np.where(latin, np.uint64(0x41), c))
    for a, b in _HALF.items():
        c[c == ord(a)] = ord(b)
    stop = np.zeros(len(c), dtype=bool)
    for ch in _STOP:
        stop |= c == ord(ch)
    return c, stop


def gains_at(text_codes, stop, pos, insert, new):
    """Vectorised :func:`gains`: for changes at positions ``pos`` (int array) of a text given by
    :func:`codes`, replacing the character there (``insert`` False) or inserting before it (True) the
    characters ``new`` (uint64 codes), log P(corrected) - log P(written) in nats, as a float array."""
    A = _arrays()
    np = A.np
    h = len(pos)
    if not h:
        return np.zeros(0)
    n = len(text_codes)
    bos = np.uint64(A.bos)
    pad = np.concatenate([text_codes, np.zeros(3, dtype=np.uint64)])
    spad = np.concatenate([stop, np.ones(3, dtype=bool)])
    p = np.asarray(pos, dtype=np.intp)
    ins = np.asarray(insert, dtype=bool)
    x = np.asarray(new, dtype=np.uint64)

    def at(i):
        return pad[np.clip(i, 0, n + 2)]

    # the two characters before the change, cut at a sentence break
    ok1 = (p - 1 >= 0) & ~spad[np.clip(p - 1, 0, n + 2)]
    ok2 = ok1 & (p - 2 >= 0) & ~spad[np.clip(p - 2, 0, n + 2)]
    l2 = np.where(ok1, at(p - 1), bos)
    l1 = np.where(ok2, at(p - 2), bos)
    # e: the first character after the change; the tail is e and e + 1, cut after a break
    e = np.where(ins, p, p + 1)
    t0, t1 = at(e), at(e + 1)
    v0 = e < n
    v1 = (e + 1 < n) & ~spad[np.clip(e, 0, n + 2)]
    written_mid = at(p)
    # written: l1 l2 [c[p]] t0 t1 ; corrected: l1 l2 x t0 t1 (for an insertion the written has no middle)
    w_seq = np.where(ins[:, None], np.stack([l1, l2, t0, t1, t1], 1), np.stack([l1, l2, written_mid, t0, t1], 1))
    w_ok = np.where(ins[:, None], np.stack([v0, v1, np.zeros(h, bool)], 1), np.stack([np.ones(h, bool), v0, v1], 1))
    c_seq = np.stack([l1, l2, x, t0, t1], 1)
    c_ok = np.stack([np.ones(h, bool), v0, v1], 1)
    total = np.zeros(h)
    for seq, ok, sign in ((w_seq, w_ok, -1.0), (c_seq, c_ok, 1.0)):
        for j in range(3):
            m = ok[:, j]
            if m.any():
                lp = A.logp3(seq[m, j], seq[m, j + 1], seq[m, j + 2]).astype(np.float64)
                total[m] += sign * lp
    return total


def gains(text: str, changes: Sequence[Tuple[int, int, str]]) -> List[float]:
    """For each change ``(start, end, replacement)`` of ``text`` (one character replaced: end = start + 1;
    one inserted: end = start), log P(corrected) - log P(written) over the characters it touches, in nats.
    A sentence break (。！？ or a line end) cuts the context as it would in training."""
    if not changes:
        return []
    np = _arrays().np
    c, stop = codes(text)
    new, _ = codes("".join(rep for _, _, rep in changes))
    return gains_at(c, stop, np.array([s for s, _, _ in changes]), np.array([s == e for s, e, _ in changes]),
                    new).tolist()



def text_logp(text_codes, stop, at=None, model=None):
    """log P(c | the two characters before) of each character of a text given by :func:`codes`, the
    context cut at a sentence break as in training (one look-up per character); ``at``: only at these
    positions (a bool mask; elsewhere 0); ``model``: another than the mix (:func:`fast`)."""
    A = model or _arrays()
    np = A.np
    size = len(text_codes)
    if at is not None:
        out = np.zeros(size)
        idx = np.flatnonzero(at)
        if len(idx):
            ok1 = (idx >= 1) & ~stop[np.maximum(idx - 1, 0)]
            ok2 = ok1 & (idx >= 2) & ~stop[np.maximum(idx - 2, 0)]
            bos = np.uint64(A.bos)
            b = np.where(ok1, text_codes[np.maximum(idx - 1, 0)], bos)
            a = np.where(ok2, text_codes[np.maximum(idx - 2, 0)], bos)
            out[idx] = A.logp3(a, b, text_codes[idx]).astype(np.float64)
        return out
    bos = np.uint64(A.bos)
    i = np.arange(size)
    ok1 = (i >= 1) & ~np.concatenate([[True], stop[:-1]])[:size]
    ok2 = ok1 & (i >= 2) & ~np.concatenate([[True, True], stop[:-2]])[:size]
    b = np.where(ok1, np.concatenate([[bos], text_codes[:-1]])[:size], bos)
    a = np.where(ok2, np.concatenate([[bos, bos], text_codes[:-2]])[:size], bos)
    return A.logp3(a, b, text_codes).astype(np.float64)


def word_gains_at(text_codes, stop, pos, n: int, new, least_gain: float = -1e9,
                  least_fluency: float = -1e9, written_logp=None, model=None):
    """For whole-word changes of a text given by :func:`codes`: the ``n`` characters at each of the
    positions ``pos`` replaced by the rows of ``new`` (uint64 codes, one row of n per change).  Returns two
    float arrays: the gain, log P(corrected) - log P(written) over the characters the change touches (the
    n replaced and the two after it, each given the two before), and the *fluency* of the correction,
    the mean log-probability of those characters as corrected — a correction that is only less
    improbable than what is written (a name, a rare word read as a common one) stays far below one that
    runs on with its neighbours.

    Only the changes that reach both ``least_gain`` and ``least_fluency`` get their exact figures (the
    others ``-1e9``): the corrected characters are scored one position at a time, and a change whose
    partial log-probability (a bound, log-probabilities being negative) can no longer reach either is
    dropped — most of a page's candidates go after the first.  ``written_logp``: :func:`text_logp` of
    the text, if already computed; ``model``: another than the mix (:func:`fast`)."""
    A = model or _arrays()
    np = A.np
    h = len(pos)
    if not h:
        return np.zeros(0), np.zeros(0)
    size = len(text_codes)
    lp = text_logp(text_codes, stop, model=model) if written_logp is None else written_logp
    pad = np.concatenate([text_codes, np.zeros(3, dtype=np.uint64)])
    spad = np.concatenate([stop, np.ones(3, dtype=bool)])
    lpad = np.concatenate([lp, np.zeros(3)])
    p = np.asarray(pos, dtype=np.intp)
    x = np.asarray(new, dtype=np.uint64).reshape(h, n)

    def at(i):
        return pad[np.clip(i, 0, size + 2)]

    bos = np.uint64(A.bos)
    ok1 = (p - 1 >= 0) & ~spad[np.clip(p - 1, 0, size + 2)]
    ok2 = ok1 & (p - 2 >= 0) & ~spad[np.clip(p - 2, 0, size + 2)]
    l2 = np.where(ok1, at(p - 1), bos)
    l1 = np.where(ok2, at(p - 2), bos)
    e = p + n
    t0, t1 = at(e), at(e + 1)
    v0 = e < size
    v1 = (e + 1 < size) & ~spad[np.clip(e, 0, size + 2)]
    ok = np.concatenate([np.ones((h, n), bool), np.stack([v0, v1], 1)], 1)
    count = ok.sum(1)
    written = sum(lpad[np.clip(p + j, 0, size + 2)] for j in range(n))
    written = written + np.where(v0, lpad[np.clip(e, 0, size + 2)], 0.0) + np.where(v1, lpad[np.clip(e + 1, 0, size + 2)], 0.0)
    seq = np.concatenate([l1[:, None], l2[:, None], x, t0[:, None], t1[:, None]], 1)
    corrected = np.zeros(h)
    alive = np.ones(h, bool)
    for j in range(n + 2):
        m = alive & ok[:, j]
        if m.any():
            corrected[m] += A.logp3(seq[m, j], seq[m, j + 1], seq[m, j + 2]).astype(np.float64)
        alive &= (corrected - written >= least_gain) & (corrected >= least_fluency * count)
    gain = np.where(alive, corrected - written, -1e9)
    return gain, np.where(alive, corrected / count, -1e9)
