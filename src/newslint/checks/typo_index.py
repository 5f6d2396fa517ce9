"""Exact look-ups of integer keys at numpy speed, and the private cache that keeps the typo rules' derived
tables ready to map.

The typo rules look up every 2-, 3- and 4-character window of a page (is it a variant of a common word, a
dictionary word, the reading of one?) and, for the context model, hundreds of thousands of character
trigrams a month.  Binary search over sorted keys (``numpy.searchsorted``) costs some twenty dependent
memory reads a key; :class:`Buckets` costs one: a key's bucket (four slots) is chosen by multiplicative
hashing, the four keys of the bucket are read at once and compared, and the value is read from the same
place in a parallel array.  A key a full bucket could not take is kept in a small sorted array, searched
only for the queries whose bucket overflowed (a few in a thousand at the load used here).

The tables are derived from the shipped, compressed data (``rules/typo-variants.npz``, the character
models) on first use — about a second, once — and kept by :func:`cached` as one file of plain arrays in
the user's private cache directory (owner-only, checked as the page cache's; numbers and strings only, no
pickle; memory-mapped), so that a later run maps them in a millisecond instead of decompressing and
rebuilding.
Where no private cache directory can be used they are built in memory on every run.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Dict, Iterable, Optional

import numpy as np

MUL = np.uint64(0x9E3779B97F4A7C15)  # 2^64 / golden ratio, odd: Fibonacci hashing
EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)  # an empty slot (no key of these tables has all 64 bits set)
WIDTH = 4  # slots a bucket
SPILL = 0xFFFFFFFF  # the value of a miss in a bucket that overflowed: look in the overflow (no value is this)
# which slot matched, from the four comparisons of a row read as the bytes of one integer: multiplied by
# this, its top byte is 1–4 for a match in slot 0–3 and 0 for none (the value columns are: the miss's,
# then the four slots')
_e = np.zeros(WIDTH, dtype=bool)
_e[0] = True
_PICK = np.uint32(0x01020304 if _e.view(np.uint32)[0] == 1 else 0x04030201)


class Buckets:
    """A map of uint64 keys to uint32 values: ``keys`` (B, 4) with ``EMPTY`` in the free slots, ``vals``
    (B, 5) — what a query that is no key of the bucket gets (the default, or ``SPILL`` where the bucket
    overflowed), then the four slots' values — and the overflowed keys sorted (``okeys``, ``ovals``)."""

    def __init__(self, keys, vals, okeys, ovals, default):
        self.keys, self.okeys, self.ovals = keys, okeys, ovals
        self.default = np.uint32(default[0])
        self.vals = vals.reshape(-1)
        self.shift = np.uint64(64 - int(np.log2(len(keys))))

    @classmethod
    def build(cls, keys, values, default: int = 0, load: float = 1.0) -> "Buckets":
        """The table of ``keys`` (distinct uint64) and their ``values`` (uint32), with about ``load`` keys a
        bucket; a query that is no key gets ``default``."""
        keys = np.asarray(keys, dtype=np.uint64)
        values = np.asarray(values, dtype=np.uint32)
        assert not (keys == EMPTY).any() and not (values == SPILL).any() and default != SPILL
        bits = max(2, int(np.ceil(np.log2(max(len(keys), 1) / load))))
        size = 1 << bits
        b = ((keys * MUL) >> np.uint64(64 - bits)).astype(np.intp)
        order = np.argsort(b, kind="stable")
        bs = b[order]
        rank = np.arange(len(bs)) - np.searchsorted(bs, bs, "left")
        fit = rank < WIDTH
        table = np.full((size, WIDTH), EMPTY, dtype=np.uint64)
        vals = np.full((size, WIDTH + 1), default, dtype=np.uint32)
        table[bs[fit], rank[fit]] = keys[order[fit]]
        vals[bs[fit], rank[fit] + 1] = values[order[fit]]
        vals[bs[~fit], 0] = SPILL
        over = order[~fit]
        over = over[np.argsort(keys[over])]
        return cls(table, vals, keys[over], values[over], np.array([default], dtype=np.uint32))

    def arrays(self, name: str) -> Dict[str, np.ndarray]:
        return {f"{name}.keys": self.keys, f"{name}.vals": self.vals, f"{name}.okeys": self.okeys,
                f"{name}.ovals": self.ovals, f"{name}.default": np.array([self.default], dtype=np.uint32)}

    @classmethod
    def of(cls, arrays: Dict[str, np.ndarray], name: str) -> "Buckets":
        return cls(*(arrays[f"{name}.{part}"] for part in ("keys", "vals", "okeys", "ovals", "default")))

    def get(self, q):
        """The value of each key of ``q`` (a uint64 array), the table's default where it is no key."""
        b = ((q * MUL) >> self.shift).view(np.int64)
        hit = (self.keys.take(b, axis=0) == q[:, None]).view(np.uint32).ravel()
        out = self.vals.take(b * (WIDTH + 1) + ((hit * _PICK) >> np.uint32(24)))
        if len(self.okeys):
            p = (out == SPILL).nonzero()[0]
            if len(p):
                qq = q[p]
                pos = np.minimum(np.searchsorted(self.okeys, qq), len(self.okeys) - 1)
                out[p] = np.where(self.okeys[pos] == qq, self.ovals[pos], self.default)
        return out

def source_key(paths: Iterable[Path], *extra) -> str:
    """What derived tables are built from: the files' names, sizes and times, and ``extra``."""
    h = hashlib.sha256()
    for p in paths:
        st = os.stat(p)
        h.update(f"{Path(p).name}:{st.st_size}:{st.st_mtime_ns};".encode())
    h.update(repr(extra).encode())
    h.update(np.__version__.split(".")[0].encode())
    return h.hexdigest()[:16]


def _private_root() -> Optional[Path]:
    from ..cache import private_dir
    from ..lexicon import cache_dir

    return private_dir(cache_dir())


_MAGIC = b"NLARRAYS"
_KINDS = "buifU"  # the dtypes a cached file may hold: data only
STALE_DAYS = 7  # another key's file of the same name, untouched this long, is removed


def _write(path: Path, arrays: Dict[str, np.ndarray]) -> None:
    """One file: magic, the length of a JSON index (name: dtype, shape, offset), the index, and each
    array's bytes at its offset (aligned to 64 bytes)."""
    import json

    index, offset, parts = {}, 0, []
    for k, a in arrays.items():
        a = np.ascontiguousarray(a)
        index[k] = [a.dtype.str, list(a.shape), offset]
        parts.append((offset, a))
        offset += (a.nbytes + 63) // 64 * 64
    head = json.dumps(index).encode()
    start = (16 + len(head) + 63) // 64 * 64
    from ..cache import atomic_file

    with atomic_file(path) as fh:
        fh.write(_MAGIC + len(head).to_bytes(8, "little") + head)
        for off, a in parts:
            fh.seek(start + off)
            fh.write(a.tobytes())
        fh.truncate(start + offset)


def _read(path: Path) -> Optional[Dict[str, np.ndarray]]:
    """The arrays of a file :func:`_write` made, mapped read-only (None if it is not one)."""
    import json
    import mmap

    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if mm[:8] != _MAGIC:
            return None
        size = int.from_bytes(mm[8:16], "little")
        index = json.loads(mm[16:16 + size].decode())
        start = (16 + size + 63) // 64 * 64
        out = {}
        for k, (dtype, shape, offset) in index.items():
            dt = np.dtype(dtype)
            if dt.kind not in _KINDS or dt.hasobject:
                return None
            count = int(np.prod(shape, dtype=np.int64))
            out[k] = np.frombuffer(mm, dtype=dt, count=count, offset=start + int(offset)).reshape(shape)
        return out
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def cached(name: str, key: str, build: Callable[[], Dict[str, np.ndarray]]) -> Dict[str, np.ndarray]:
    """The arrays ``build()`` makes, kept under ``name`` and ``key`` in the private cache directory: mapped
    from there when present (read-only), else built, written there for the next run, and returned.  Data
    only (numbers and strings, no pickle), in a directory of the user's own; a file of ``name`` under
    another key left untouched for ``STALE_DAYS`` is removed."""
    import time

    root = _private_root()
    target = root / f"{name}-{key}.arrays" if root is not None else None
    if target is not None and target.is_file():
        arrays = _read(target)
        if arrays is not None:
            return arrays
    arrays = build()
    if target is None:
        return arrays
    try:
        _write(target, arrays)
        for old in root.glob(f"{name}-*.arrays"):
            if old != target and time.time() - old.stat().st_mtime > STALE_DAYS * 86400:
                old.unlink()
    except OSError:
        pass
    return arrays
