"""jieba word segmentation of a page's blocks, with offsets.

jieba costs about 0.8 s to load its dictionary and segments under 1 MB/s, so it is imported here only,
on the first page whose rules ask for ``page.analysis("tokens")``; a run whose rules need no tokens
never loads it.  The prefix dictionary is cached on disk by jieba itself after the first load.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Dict, List

_TOKENIZER = None


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str


def tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        cache_dir = os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(tempfile.gettempdir(), "newslint")
        try:
            os.makedirs(cache_dir, exist_ok=True)
            tk.tmp_dir = cache_dir
        except OSError:
            pass
        tk.initialize()
        _TOKENIZER = tk
    return _TOKENIZER


def tokenize(text: str, base: int = 0) -> List[Token]:
    return [Token(base + s, base + e, w) for w, s, e in tokenizer().tokenize(text, HMM=True)]


def analyse(page) -> Dict[int, List[Token]]:
    """Tokens of every block, keyed by block index."""
    return {b.index: tokenize(b.text, b.start) for b in page.layout.blocks}
