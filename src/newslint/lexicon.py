"""Word look-ups in jieba's dictionary without loading jieba.

Loading jieba costs about 0.5–0.8 s (it builds a 350,000-entry prefix dictionary), which alone breaks a
0.5 s budget for checking one page.  Many rules only ask "is this a dictionary word, and how common?";
for them this module keeps jieba's own ``dict.txt`` as a sorted file (built once, on first use, in the
cache directory) and answers by binary search over a memory map: nothing is loaded up front and each
look-up reads a few dozen bytes.  Segmentation (``page.analysis("tokens")``) still uses jieba itself.
"""
from __future__ import annotations

import bisect
import mmap
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional, Tuple


def _jieba_dict() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def cache_dir() -> Path:
    base = os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newslint")
    return Path(base)


class Lexicon:
    """Sorted ``word<TAB>freq<TAB>tag`` lines (UTF-8 byte order), searched in a memory map."""

    def __init__(self, path: Path):
        self.path = path
        self._fh = open(path, "rb")
        self._mm = mmap.mmap(self._fh.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size else b""
        self._size = len(self._mm)
        self._memo: dict = {}
        self._fences: Optional[Tuple[list, list]] = None

    def _line_at(self, pos: int) -> Tuple[int, int]:
        """Start and end of the line that contains ``pos``."""
        start = self._mm.rfind(b"\n", 0, pos) + 1
        end = self._mm.find(b"\n", pos)
        return start, (self._size if end < 0 else end)

    _MEMO_MAX = 200_000  # words remembered (a run looks the same words up again and again)

    def lookup(self, word: str) -> Optional[Tuple[int, str]]:
        """``(frequency, POS tag)`` of ``word`` in jieba's dictionary, or None."""
        memo = self._memo
        if word in memo:
            return memo[word]
        hit = self._search(word)
        if len(memo) < self._MEMO_MAX:
            memo[word] = hit
        return hit

    _FENCE = 4096  # bytes between the lines whose words bound a search (made once, ~2,500 of them)

    def _bounds(self, key: bytes) -> Tuple[int, int]:
        """The byte range that holds ``key``'s line if the file has it: between the fence lines (the first
        line starting after every ``_FENCE``-th byte) on either side of it, found by ``bisect`` in C."""
        if self._fences is None:
            mm, starts, words = self._mm, [0], []
            for off in range(self._FENCE, self._size, self._FENCE):
                s = mm.find(b"\n", off) + 1
                if 0 < s < self._size and s != starts[-1]:
                    starts.append(s)
            for s in starts:
                words.append(mm[s:mm.find(b"\t", s)])
            self._fences = (starts, words)
        starts, words = self._fences
        i = bisect.bisect_right(words, key)  # fence words[i-1] <= key < words[i]
        lo = starts[i - 1] if i else 0
        hi = starts[i] if i < len(starts) else self._size
        return lo, hi

    def _search(self, word: str) -> Optional[Tuple[int, str]]:
        key = word.encode("utf-8")
        lo, hi = self._bounds(key) if self._size else (0, 0)
        mm = self._mm
        while lo < hi:
            mid = (lo + hi) // 2
            s, e = self._line_at(mid)
            tab = mm.find(b"\t", s, e)
            w = mm[s:tab]
            if w == key:
                rest = mm[tab + 1:e].split(b"\t")
                return int(rest[0]), (rest[1].decode() if len(rest) > 1 else "")
            if w < key:
                lo = e + 1
            else:
                hi = s
        return None

    def freq(self, word: str) -> int:
        hit = self.lookup(word)
        return hit[0] if hit else 0

    def __contains__(self, word: str) -> bool:
        """A dictionary word (prefixes of words, listed with frequency 0, are not words)."""
        hit = self.lookup(word)
        return bool(hit and hit[0] > 0)

    @property
    def total(self) -> int:
        """Sum of all word frequencies (jieba's ``total``)."""
        try:
            return int(Path(str(self.path) + ".total").read_text())
        except (OSError, ValueError):
            return 60_101_967  # jieba 0.42's dict.txt


def build(source: Path, target: Path) -> None:
    entries = []
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                entries.append((parts[0].encode("utf-8"), parts[1], parts[2] if len(parts) > 2 else ""))
    # Every prefix of a word is listed too, with frequency 0 — as in jieba's own prefix dictionary — so
    # that jieba's segmenter can walk its word graph over this file (see analyses/tokens.py).
    words = {w for w, _, _ in entries}
    total = sum(int(f) for _, f, _ in entries)
    prefixes = set()
    for w in words:
        s = w.decode("utf-8")
        for k in range(1, len(s)):
            p = s[:k].encode("utf-8")
            if p not in words:
                prefixes.add(p)
    entries.extend((p, "0", "") for p in prefixes)
    entries.sort()
    from .cache import atomic_file

    target.parent.mkdir(parents=True, exist_ok=True)
    Path(str(target) + ".total").write_text(str(total))
    with atomic_file(target) as out:
        last = None
        for w, f, t in entries:
            if w == last:
                continue
            last = w
            out.write(w + b"\t" + f.encode() + b"\t" + t.encode() + b"\n")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon (built from jieba's dict.txt on first use, then memory-mapped)."""
    src = _jieba_dict()
    st = src.stat()
    target = cache_dir() / f"lexicon2-{st.st_size}-{int(st.st_mtime)}.tsv"
    if not target.exists():
        try:
            build(src, target)
        except OSError:  # no writable cache: build in a private temporary directory
            target = Path(tempfile.mkdtemp(prefix="newslint-")) / target.name
            build(src, target)
    return Lexicon(target)


def is_word(word: str) -> bool:
    return word in lexicon()


def word_freq(word: str) -> int:
    return lexicon().freq(word)
