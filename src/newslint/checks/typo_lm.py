"""How much more probable a correction makes its context, under the character trigram model.

A typo the dictionaries cannot see — what is written is a word too (机智 for 机制), or reads as two words
(家|强 for 加强) — shows only in its context: the corrected characters run on with their neighbours and the
written ones do not.  :func:`gains` scores many candidate corrections of one text at once with the model of
:mod:`newslint.analyses.charlm` (vectorised with numpy, not one look-up at a time): for each, the
log-probability (nats) of the characters the change touches — the changed one and the two after it, each
given the two before — corrected minus as written.  An inserted character (a dropped one restored) adds a
factor, so it must pay for itself.

Two models score each change, their log-probabilities mixed (``DOCS_WEIGHT``): ``charlm.npz`` (the
government work reports and jieba's dictionary; closer to news) and ``charlm-docs.npz`` (the same and the
PRC's statutory texts; stronger on official documents, weaker on news).  Mixed half and half they find
more of ECSpell's errors (train split 36.2 -> 40.0 %) and of the typos planted into news (83.2 ->
84.2 %) than the first alone, with 8 % more info notes on the edited news corpora; the second alone
finds more still (42.1 %) but with 49 % more of those notes (``rules/charlm.md``).

Both models are read at once: :func:`_build_tables` joins their sorted arrays into hashed tables
(:mod:`.typo_index`) that give, for a trigram, the two models' log-probabilities in one look-up — the
back-off already applied where the trigram is known to either model — and are kept in the private cache
(built once, about a second; a warm run maps them).  The figures are bit for bit those of a binary search
of each model's arrays with the same float16 back-off.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Sequence, Tuple

from ..analyses.charlm import _BITS  # how charlm.key packs characters into one integer

DOCS_WEIGHT = 0.5  # the weight of charlm-docs.npz's log-probabilities (the rest: charlm.npz's)


LM_LAYOUT = 5  # of the derived look-up tables below (a change rebuilds the user's cached copy)
LM_LOAD = 1.4  # keys a bucket (of four slots): the tables fit the cache better; about 1 % of buckets spill
_NAN2 = 0x7E007E00  # two float16 NaNs: "no such n-gram" (no stored value is NaN)
_P2_TAG = 1 << 63  # a bigram key (42 bits) as the key of P(c | b) (a trigram key has 63 bits: no clash)
_BO2_TAG = (1 << 63) | (1 << 62)  # and as the key of the back-off weight of the context a b


def _search(keys, vals, q, default):
    """``vals`` at the keys ``q`` in the sorted ``keys``, ``default`` where absent (as charlm's arrays are
    read: the result has the values' dtype), and the mask of the keys found."""
    import numpy as np

    pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
    found = keys[pos] == q
    return np.where(found, vals[pos], default), found


def _pairs(a, b):
    """Two float16 columns as one uint32 a row."""
    import numpy as np

    return np.ascontiguousarray(np.stack([a, b], 1).astype(np.float16)).view(np.uint32).ravel()


def _build_tables(ma, mb) -> dict:
    """The look-up tables of both models at once (:class:`_Pair`), from their sorted arrays.  Each table
    holds, for every key either model has, the two models' values as two float16 in one uint32; what
    needs no context of the query is computed here, with the very float16 operations of the back-off
    (:meth:`charlm.CharLM.p3`), so that a look-up gives bit for bit what the searches gave:

    - ``p1``: P(c) (the model's ``unk`` where it lacks c); ``bo1``: the back-off weight of b (0);
      both indexed by the character's code;
    - ``bigrams``: P(c | b) where either model has the bigram — that model's value, the other's backed
      off — under ``_P2_TAG``, and the back-off weight of the context a b (0) under ``_BO2_TAG``;
    - ``t3``: log P(c | a b) where either model has the trigram — the other's backed off.
    """
    import numpy as np

    from .typo_index import Buckets

    u64, f16 = np.uint64, np.float16
    s = u64(_BITS)
    mask = u64((1 << _BITS) - 1)
    models = (ma, mb)

    def keys(attr):
        return np.union1d(getattr(ma, attr).astype(u64), getattr(mb, attr).astype(u64))

    def col(m, kattr, vattr, q, default):
        return _search(getattr(m, kattr).astype(u64), getattr(m, vattr), q, default)

    k1, kb1, k2, kb2, k3 = keys("k1"), keys("kb1"), keys("k2"), keys("kb2"), keys("k3")

    def p1(m, c):
        return col(m, "k1", "v1", c, m.unk)[0]

    def bo1(m, b):
        return col(m, "kb1", "vb1", b, 0.0)[0]

    def p2(m, bc):  # P(c | b), backed off as charlm does
        v, f = col(m, "k2", "v2", bc, 0.0)
        return np.where(f, v, bo1(m, bc >> s) + p1(m, bc & mask))

    def t3(m, abc):
        v, f = col(m, "k3", "v3", abc, 0.0)
        bo2 = col(m, "kb2", "vb2", abc >> s, 0.0)[0]
        return np.where(f, v, bo2 + p2(m, abc & ((mask << s) | mask)))

    cols = {
        "t3": (k3, [t3(m, k3) for m in models]),
        "p2": (k2 | _P2_TAG, [p2(m, k2) for m in models]),
        "bo2": (kb2 | _BO2_TAG, [col(m, "kb2", "vb2", kb2, 0.0)[0] for m in models]),
    }
    for va, vb in (v for _, v in cols.values()):
        assert va.dtype == f16 and vb.dtype == f16 and np.isfinite(va).all() and np.isfinite(vb).all()
    out = Buckets.build(k3, _pairs(*cols["t3"][1]), default=_NAN2, load=LM_LOAD).arrays("t3")
    # the bigrams of both kinds in one table, told apart by a tag in the top bits
    out.update(Buckets.build(np.concatenate([cols["p2"][0], cols["bo2"][0]]),
                             np.concatenate([_pairs(*cols["p2"][1]), _pairs(*cols["bo2"][1])]),
                             default=_NAN2, load=LM_LOAD).arrays("bigrams"))
    # the unigrams, indexed by the character's code (below 2^21)
    every = np.arange(1 << _BITS, dtype=u64)
    for name, k, fn in (("p1", k1, p1), ("bo1", kb1, bo1)):
        va, vb = fn(ma, every), fn(mb, every)
        assert np.isfinite(va).all() and np.isfinite(vb).all()
        out[name] = _pairs(va, vb)
    return out


class _Pair:
    """Both models' log P(c | a b) from one look-up of each n-gram (:func:`_build_tables`)."""

    def __init__(self, arrays):
        import numpy as np

        from .typo_index import Buckets

        self.np = np
        self.t3, self.bigrams = Buckets.of(arrays, "t3"), Buckets.of(arrays, "bigrams")
        self.p1, self.bo1 = arrays["p1"], arrays["bo1"]

    def logp3(self, a, b, c):
        """log P(c | a b) of both models for arrays of character codes, as an (n, 2) float16 array (the
        first column ``charlm.npz``'s, the second ``charlm-docs.npz``'s)."""
        np = self.np
        s = np.uint64(_BITS)
        ab = (a << s) | b
        v = self.t3.get((ab << s) | c)
        miss = (v == _NAN2).nonzero()[0]
        if len(miss):
            bm, cm = b[miss], c[miss]
            k = len(miss)
            two = self.bigrams.get(np.concatenate([((bm << s) | cm) | np.uint64(_P2_TAG),
                                                   ab[miss] | np.uint64(_BO2_TAG)]))
            p2, bo2 = two[:k], np.where(two[k:] == _NAN2, np.uint32(0), two[k:])
            m2 = (p2 == _NAN2).nonzero()[0]
            if len(m2):
                p2[m2] = (self.bo1.take(bm[m2].view(np.int64)).view(np.float16)
                          + self.p1.take(cm[m2].view(np.int64)).view(np.float16)).view(np.uint32)
            v[miss] = (bo2.view(np.float16) + p2.view(np.float16)).view(np.uint32)
        return v.view(np.float16).reshape(-1, 2)


class _View:
    """One model of a :class:`_Pair` (``col`` 0 or 1: its float16 log-probabilities) or the two mixed
    log-linearly (``col`` None: float64, ``w`` the weight of the second)."""

    def __init__(self, pair: _Pair, col, w: float = DOCS_WEIGHT):
        from ..analyses import charlm

        self.pair, self.col, self.w = pair, col, w
        self.np = pair.np
        self.normalise = charlm.normalise
        self.bos = ord(charlm.BOS)
        self.eos = ord(charlm.EOS)

    def mix(self, lp2):
        """The mixed log-probabilities of an (n, 2) array of :meth:`_Pair.logp3`."""
        np = self.np
        return (1 - self.w) * lp2[:, 0].astype(np.float64) + self.w * lp2[:, 1].astype(np.float64)

    def logp3(self, a, b, c):
        lp2 = self.pair.logp3(a, b, c)
        return lp2[:, self.col] if self.col is not None else self.mix(lp2)


@lru_cache(maxsize=1)
def _pair() -> _Pair:
    from ..analyses import charlm
    from ..packs import pack_dir
    from .typo_index import cached, source_key

    key = source_key([pack_dir() / "charlm.npz", pack_dir() / "charlm-docs.npz"], LM_LAYOUT)
    return _Pair(cached("typo-lm", key, lambda: _build_tables(charlm.model(), charlm.docs_model())))


@lru_cache(maxsize=1)
def _arrays() -> _View:
    """The two models mixed (``DOCS_WEIGHT`` for the documents model)."""
    return _View(_pair(), None)


def fast() -> _View:
    """The first model alone (``charlm.npz``), to set aside at little cost what the mix would not let pass."""
    return _fast()


@lru_cache(maxsize=1)
def _fast() -> _View:
    return _View(_pair(), 0)


_STOP = "。！？\n"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}  # as charlm's


def _normalise_codes(c):
    """:func:`codes`' reading of an array of code points (uint64): the normalised codes and the breaks."""
    np = _arrays().np
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


@lru_cache(maxsize=1)
def _code_tables():
    """:func:`_normalise_codes` of every BMP code point (what it does beyond the BMP is nothing)."""
    np = _arrays().np
    return _normalise_codes(np.arange(0x10000, dtype=np.uint64))


def codes(text: str):
    """The characters of ``text`` as the model reads them, one uint64 code each (digits 0, Latin letters
    A, half-width marks full-width, as :func:`charlm.normalise`; a space is kept, an unknown character),
    and where a sentence breaks (。！？ or a line end).  Read from tables of the BMP."""
    np = _arrays().np
    norm, breaks = _code_tables()
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    bmp = np.minimum(c, 0xFFFF)
    if (c > 0xFFFF).any():
        return np.where(c > 0xFFFF, c.astype(np.uint64), norm[bmp]), breaks[bmp] & (c <= 0xFFFF)
    return norm[bmp], breaks[bmp]


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
    # the text padded by two places before and three after (index i + 2): what is read there is masked
    pad = np.concatenate([np.zeros(2, dtype=np.uint64), text_codes, np.zeros(3, dtype=np.uint64)])
    spad = np.concatenate([np.ones(2, dtype=bool), stop, np.ones(3, dtype=bool)])
    p = np.asarray(pos, dtype=np.intp)
    ins = np.asarray(insert, dtype=bool)
    x = np.asarray(new, dtype=np.uint64)

    def at(i):
        return pad[i + 2]

    # the two characters before the change, cut at a sentence break
    ok1 = (p - 1 >= 0) & ~spad[p + 1]
    ok2 = ok1 & (p - 2 >= 0) & ~spad[p]
    l2 = np.where(ok1, at(p - 1), bos)
    l1 = np.where(ok2, at(p - 2), bos)
    # e: the first character after the change; the tail is e and e + 1, cut after a break
    e = np.where(ins, p, p + 1)
    t0, t1 = at(e), at(e + 1)
    v0 = e < n
    v1 = (e + 1 < n) & ~spad[e + 2]
    written_mid = at(p)
    # written: l1 l2 [c[p]] t0 t1 ; corrected: l1 l2 x t0 t1 (for an insertion the written has no middle)
    w_seq = np.where(ins[:, None], np.stack([l1, l2, t0, t1, t1], 1), np.stack([l1, l2, written_mid, t0, t1], 1))
    w_ok = np.where(ins[:, None], np.stack([v0, v1, np.zeros(h, bool)], 1), np.stack([np.ones(h, bool), v0, v1], 1))
    c_seq = np.stack([l1, l2, x, t0, t1], 1)
    c_ok = np.stack([np.ones(h, bool), v0, v1], 1)
    # all the trigrams in one look-up, summed in the order of the terms (written first)
    parts = [(seq, ok[:, j], j, sign) for seq, ok, sign in ((w_seq, w_ok, -1.0), (c_seq, c_ok, 1.0))
             for j in range(3)]
    rows = [m.nonzero()[0] for _, m, _, _ in parts]
    lp = A.logp3(*(np.concatenate([seq[r, j + k] for (seq, _, j, _), r in zip(parts, rows)]) for k in range(3)))
    lp = lp.astype(np.float64)
    total = np.zeros(h)
    at = 0
    for (_, _, _, sign), r in zip(parts, rows):
        if len(r):
            total[r] += sign * lp[at:at + len(r)]
            at += len(r)
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
        idx = at.nonzero()[0]
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


def _text_queries(text_codes, stop, idx):
    """The trigrams that score the characters at ``idx`` of a text given by :func:`codes` (the context
    cut at a sentence break, as :func:`text_logp`)."""
    np = _pair().np
    ok1 = (idx >= 1) & ~stop[np.maximum(idx - 1, 0)]
    ok2 = ok1 & (idx >= 2) & ~stop[np.maximum(idx - 2, 0)]
    bos = np.uint64(_arrays().bos)
    b = np.where(ok1, text_codes[np.maximum(idx - 1, 0)], bos)
    a = np.where(ok2, text_codes[np.maximum(idx - 2, 0)], bos)
    return a, b, text_codes[idx]


def text_logp_both(text_codes, stop, at):
    """:func:`text_logp` at the positions ``at`` (a bool mask) under the first model alone and under the
    mix, from one look-up: two float arrays (0 elsewhere)."""
    P = _pair()
    np = P.np
    size = len(text_codes)
    fast_lp, mix_lp = np.zeros(size), np.zeros(size)
    idx = at.nonzero()[0]
    if len(idx):
        lp2 = P.logp3(*_text_queries(text_codes, stop, idx))
        fast_lp[idx] = lp2[:, 0].astype(np.float64)
        mix_lp[idx] = _arrays().mix(lp2)
    return fast_lp, mix_lp


def word_gains_both(text_codes, stop, pos, lens, new, least_gain, least_fluency, fast_gain, fast_fluency,
                    touched):
    """:func:`word_gains_at` under the mix, for the changes that also reach ``fast_gain`` and
    ``fast_fluency`` under the first model alone — what a first pass with :func:`fast` and a second with
    the mix over its survivors gave, in one pass over changes of any length: the ``lens[i]`` characters at
    ``pos[i]`` replaced by ``new[i, :lens[i]]`` (``new``: one row of four codes a change).  Both models'
    log-probabilities come from one look-up of each trigram, in three look-ups in all: the written
    characters the changes touch (``touched``, a bool mask of the text) with each change's first
    term; the second term of the changes still in the running; the rest of theirs.  Every
    log-probability is at most 0, so a partial sum bounds the whole: a change whose gain can no longer
    reach its bound is dropped between look-ups, and all four bounds are tested on the whole sums, made
    term by term from the left — the survivors and their figures are the two passes' exactly.
    ``least_gain``, ``fast_gain``, ``fast_fluency``: per change."""
    P = _pair()
    mix = _arrays().mix
    np = P.np
    h = len(pos)
    if not h:
        return np.zeros(0), np.zeros(0)
    size = len(text_codes)
    # the text padded by two places before and six after (index i + 2): what is read there is masked
    pad = np.concatenate([np.zeros(2, dtype=np.uint64), text_codes, np.zeros(6, dtype=np.uint64)])
    spad = np.concatenate([np.ones(2, dtype=bool), stop, np.ones(6, dtype=bool)])
    p = np.asarray(pos, dtype=np.intp)
    n = np.asarray(lens, dtype=np.intp)
    rows = np.arange(h)
    bos = np.uint64(_arrays().bos)
    ok1 = (p - 1 >= 0) & ~spad[p + 1]
    ok2 = ok1 & (p - 2 >= 0) & ~spad[p]
    e = p + n
    v0 = e < size
    v1 = (e + 1 < size) & ~spad[e + 2]
    # the characters, one row each: l1 l2 x0 … x(n-1) t0 t1; and which of the n + 2 terms exist
    seq = np.zeros((8, h), dtype=np.uint64)
    seq[0] = np.where(ok2, pad[p], bos)
    seq[1] = np.where(ok1, pad[p + 1], bos)
    seq[2:6] = np.asarray(new, dtype=np.uint64).reshape(h, 4).T
    seq[n + 2, rows] = pad[e + 2]
    seq[n + 3, rows] = pad[e + 3]
    ok = np.zeros((6, h), dtype=bool)
    ok[:4] = np.arange(4)[:, None] < n
    ok[n, rows] = v0
    ok[n + 1, rows] = v1
    count = ok.sum(0)
    lf, lm = np.zeros((6, h)), np.zeros((6, h))  # each term's log-probability, first model and mix

    def look(steps, rs, extra=None):
        """Look up the terms ``steps`` (one each) of the rows ``rs`` (and ``extra`` queries first)."""
        qs = [extra] if extra is not None else []
        qs += [tuple(seq[j + k, r] for k in range(3)) for j, r in zip(steps, rs)]
        lp2 = P.logp3(*(np.concatenate([q[k] for q in qs]) for k in range(3)))
        f, m = lp2[:, 0].astype(np.float64), mix(lp2)
        at = len(extra[0]) if extra is not None else 0
        for j, r in zip(steps, rs):
            lf[j, r], lm[j, r] = f[at:at + len(r)], m[at:at + len(r)]
            at += len(r)
        return (f[:len(extra[0])], m[:len(extra[0])]) if extra is not None else None

    # 1. the written characters and every change's first term
    idx = touched.nonzero()[0]
    written_fast, written_mix = np.zeros(size), np.zeros(size)
    written_fast[idx], written_mix[idx] = look([0], [rows], _text_queries(text_codes, stop, idx))

    def written_of(lp, r):
        lpad = np.concatenate([np.zeros(2), lp, np.zeros(6)])
        w = 0
        pr, nr, er = p[r], n[r], e[r]
        for j in range(4):
            w = np.where(j < nr, w + lpad[pr + j + 2], w)
        return w + np.where(v0[r], lpad[er + 2], 0.0) + np.where(v1[r], lpad[er + 3], 0.0)

    wm = written_of(written_mix, rows)
    # the partial sum bounds the whole: a change whose gain can no longer reach its bound is dropped
    alive = lm[0] - wm >= least_gain
    # 2. the second term of those left
    r = (alive & ok[1]).nonzero()[0]
    if len(r):
        look([1], [r])
        alive[r] = lm[0, r] + lm[1, r] - wm[r] >= least_gain[r]
    # 3. the rest of theirs
    steps = [j for j in range(2, 6)]
    rs = [(alive & ok[j]).nonzero()[0] for j in steps]
    if any(len(x) for x in rs):
        look(steps, rs)
    cf, cm = np.zeros(h), np.zeros(h)
    for j in range(6):
        cf = np.where(ok[j], cf + lf[j], cf)
        cm = np.where(ok[j], cm + lm[j], cm)
    r = alive.nonzero()[0]
    wf = np.zeros(h)
    wf[r] = written_of(written_fast, r)
    alive &= ((cf - wf >= fast_gain) & (cf >= fast_fluency * count)
              & (cm - wm >= least_gain) & (cm >= least_fluency * count))
    return np.where(alive, cm - wm, -1e9), np.where(alive, cm / count, -1e9)
