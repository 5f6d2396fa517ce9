"""jieba word segmentation of a page's blocks, with offsets.

jieba costs about 0.8 s to load its dictionary and segments under 1 MB/s, so it is imported here only,
on the first page whose rules ask for ``page.analysis("tokens")``; a run whose rules need no tokens
never loads it.  The prefix dictionary is cached on disk by jieba itself after the first load.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from typing import Dict, Iterator, List, Tuple

_TOKENIZER = None


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str


def import_jieba():
    """``import jieba`` without ``pkg_resources``: jieba 0.42 imports it only to open its own data files
    (about 0.05–0.1 s of a cold start, and a deprecation warning on new setuptools); without it, jieba opens
    the same files beside its module, which is what an installed package has."""
    import sys

    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    missing = "pkg_resources" not in sys.modules
    if missing:
        sys.modules["pkg_resources"] = None  # makes jieba's ``import pkg_resources`` raise ImportError
    try:
        import jieba
    finally:
        if missing:
            del sys.modules["pkg_resources"]
    return jieba


def tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        import logging

        jieba = import_jieba()

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        from ..cache import private_dir
        from ..lexicon import cache_dir

        # jieba's prefix-dictionary cache: in the user's own cache directory, never a shared $TMPDIR one
        # (a file planted there would be loaded); if that directory is not safe, a private one for this run
        own = private_dir(cache_dir())
        tk.tmp_dir = str(own) if own is not None else tempfile.mkdtemp(prefix="newslint-jieba-")
        tk.initialize()
        _TOKENIZER = tk
    return _TOKENIZER


_WINDOW_TOKENIZER = None


class _LexiconFreq:
    """jieba's ``FREQ`` mapping (words and their prefixes) answered from the memory-mapped lexicon."""

    def __init__(self, lex):
        self._lex = lex
        self._memo: Dict[str, object] = {}

    def _freq(self, w: str):
        try:
            return self._memo[w]
        except KeyError:
            hit = self._lex.lookup(w)
            v = self._memo[w] = hit[0] if hit else None
            return v

    def __contains__(self, w: str) -> bool:
        return self._freq(w) is not None

    def __getitem__(self, w: str):
        v = self._freq(w)
        if v is None:
            raise KeyError(w)
        return v

    def get(self, w: str, default=None):
        v = self._freq(w)
        return default if v is None else v


def window_tokenizer():
    """A jieba tokenizer for a few short windows of text: the same dictionary and algorithm, but its
    word graph is read from the memory-mapped lexicon instead of jieba's 0.5 s in-memory load.  Each
    look-up costs microseconds, so use :func:`tokenizer` for whole pages."""
    global _WINDOW_TOKENIZER
    if _TOKENIZER is not None:
        return _TOKENIZER
    if _WINDOW_TOKENIZER is None:
        import logging

        jieba = import_jieba()

        from ..lexicon import lexicon

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        lex = lexicon()
        tk.FREQ = _LexiconFreq(lex)
        tk.total = lex.total
        tk.initialized = True
        _WINDOW_TOKENIZER = tk
    return _WINDOW_TOKENIZER


_WINDOW_WORDS: Dict[str, Tuple[Tuple[str, int, int], ...]] = {}
_WINDOW_WORDS_OF = None  # the tokenizer the remembered windows were segmented by
_WINDOW_WORDS_MAX = 100_000


def window_words(text: str) -> Tuple[Tuple[str, int, int], ...]:
    """``tuple(window_tokenizer().tokenize(text, HMM=False))`` for a short window (a few characters at a
    join, a paragraph's first or last words), remembered: the rules ask about the same windows again and
    again (a paragraph's end against every other paragraph's start)."""
    global _WINDOW_WORDS_OF
    tk = window_tokenizer()
    if tk is not _WINDOW_WORDS_OF or len(_WINDOW_WORDS) >= _WINDOW_WORDS_MAX:
        _WINDOW_WORDS.clear()
        _WINDOW_WORDS_OF = tk
    try:
        return _WINDOW_WORDS[text]
    except KeyError:
        words = _WINDOW_WORDS[text] = tuple(tk.tokenize(text, HMM=False))
        return words


MAX_RUN = 256  # longest piece handed to jieba at once: its HMM (finalseg.viterbi) is quadratic in a run
_JIEBA_RUN = None


def bounded_tokenize(tk, text: str) -> Iterator[Tuple[str, int, int]]:
    """``tk.tokenize(text, HMM=True)`` in linear time: text is handed to jieba in pieces of at most
    :data:`MAX_RUN` characters, cut just after a character jieba itself splits at (punctuation, space), so
    the tokens are jieba's own; only a run of more than MAX_RUN letters with no such character at all
    (never in real text: 的 × 160000) is cut hard."""
    global _JIEBA_RUN
    if _JIEBA_RUN is None:
        jieba = import_jieba()

        _JIEBA_RUN = jieba.re_han_default
    n = len(text)
    pos = 0
    while pos < n:
        end = n if n - pos <= MAX_RUN else _cut_point(text, pos, _JIEBA_RUN)
        for w, s, e in tk.tokenize(text[pos:end], HMM=True):
            yield w, s + pos, e + pos
        pos = end


def _cut_point(text: str, pos: int, run) -> int:
    limit = pos + MAX_RUN
    for i in range(limit - 1, pos, -1):
        if not run.match(text[i]):
            return i + 1
    return limit


def tokenize(text: str, base: int = 0) -> List[Token]:
    return [Token(base + s, base + e, w) for w, s, e in bounded_tokenize(tokenizer(), text)]


def analyse(page) -> Dict[int, List[Token]]:
    """Tokens of every block, keyed by block index."""
    return {b.index: tokenize(b.text, b.start) for b in page.layout.blocks}
