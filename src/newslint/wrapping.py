"""Hard-wrapped text: lines broken at a fixed width inside paragraphs.

Text copied out of a PDF, an e-paper's text layer or a typesetting system often arrives with every line of
a column ending at the same width, so one paragraph spans several lines.  Read line by line, each break
would be a paragraph split mid-sentence, hundreds on a page.  This module recognises the wrap from the form
of the page and reads the wrapped lines of a paragraph as one line: the analysed text of the page has those
breaks removed, while every location (line, column), every fix and every source line shown is the file's
own (:class:`newslint.page.WrappedPage`).

The evidence (see :func:`wrap_breaks`): many lines of the page end at one width — the widest of the page,
counted in characters or in display columns (CJK characters two, ASCII one) — and no more than a few are
wider.  A break after such a full line is a wrap when the next line carries the paragraph on: it is not
blank, not indented, not a Markdown heading, list or quote, and (on a page that marks paragraphs neither by
indent nor by blank lines) the full line does not end its sentence.  A break after a shorter line is a
paragraph's end, as it was.
"""
from __future__ import annotations

import collections
import unicodedata
from typing import List, Optional, Tuple

MIN_WIDTH = 16  # a wrap width narrower than this is a list or verse, not a column
MAX_WIDTH = 160  # characters: a line longer than this is no wrapped line
MIN_LINES = 4  # non-blank lines a page needs before its form says anything
FULL_SHARE = 0.2  # lines at the full width: at least this share of the non-blank lines …
MIN_FULL = 2  # … and at least this many
OVER_SHARE = 0.05  # lines wider than the full width: at most this share (a title or a table may be)
_INDENT = ("  ", "\u3000", "\t", "\u00a0\u00a0", " \u00a0", "\u00a0 ")  # (as the layout reads an indent: one space is none)
_SENTENCE_END = "。！？!?…；;"
_CLOSERS = "”’」』）)》】"
_MARKDOWN_OPEN = ("#", ">", "- ", "* ", "+ ", "|", "```", "<!--")


class _Widths(dict):
    """A character's display width (2 for East Asian wide and full-width ones), remembered per character
    so that a line is measured by ``sum(map(...))`` in C."""

    def __missing__(self, ch: str) -> int:
        w = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return w


_WIDTHS = _Widths()


def _display_width(s: str) -> int:
    return sum(map(_WIDTHS.__getitem__, s))


def _full_width(values: List[int], tolerance: int) -> Optional[int]:
    """The width most lines stop at, when the page's form shows one (see the module docstring)."""
    wide = [v for v in values if v >= MIN_WIDTH]
    if len(values) < MIN_LINES or not wide:
        return None
    counts = collections.Counter(wide)
    best = None
    for w, _ in counts.most_common(3):
        full = sum(1 for v in values if w - tolerance <= v <= w)
        over = sum(1 for v in values if v > w + tolerance)
        if full >= MIN_FULL and full >= FULL_SHARE * len(values) and over <= OVER_SHARE * len(values):
            if best is None or full > best[1]:
                best = (w, full)
    return best[0] if best else None


def _ends_sentence(line: str) -> bool:
    t = line.rstrip(" \t\u3000" + _CLOSERS)
    return bool(t) and t[-1] in _SENTENCE_END


def wrap_breaks(text: str) -> Tuple[List[int], int]:
    """The offsets of the line breaks (``\\n``) of ``text`` that are hard wraps inside a paragraph, and the
    width the page wraps at (0 when it is not hard-wrapped)."""
    if text.count("\n") < MIN_LINES:
        return [], 0
    lines = text.split("\n")
    # (a line is measured with its trailing spaces: a wrap may fall after a space; a blank line is empty)
    stripped = [l if l.strip() else "" for l in lines]
    content = [s for s in stripped if s.strip()]
    if sum(1 for s in content if len(s) > MAX_WIDTH) > OVER_SHARE * len(content):
        return [], 0  # (lines that long are paragraphs, not a column's width: the common case, decided cheaply)
    # (a line's width counts its indent: the first line of an indented paragraph is full at the same width)
    measures = ((lambda s: len(s), 1), (_display_width, 2))
    width, measure, tol = None, None, 0
    for m, t in measures:
        w = _full_width([m(s) for s in content], t)
        if w is not None:
            width, measure, tol = w, m, t
            break
    if width is None:
        return [], 0
    nonblank = [s for s in stripped if s.strip()]
    indents = sum(1 for s in nonblank if s.startswith(_INDENT))
    uses_indent = indents >= 2 and indents * 5 >= len(nonblank) * 1  # a fifth of the lines or more open indented
    uses_blank = sum(1 for a, b in zip(stripped, stripped[1:]) if a.strip() and not b.strip()) >= 2
    out: List[int] = []
    pos = 0
    for k, line in enumerate(stripped[:-1]):
        pos_nl = pos + len(lines[k])  # offset of this line's \n
        pos = pos_nl + 1
        nxt = stripped[k + 1]
        if not line.strip() or not nxt.strip() or measure(line) < width - tol:
            continue
        if nxt.startswith(_INDENT) or nxt.lstrip().startswith(_MARKDOWN_OPEN) or line.lstrip().startswith(("#", "|")):
            continue
        if not (uses_indent or uses_blank) and _ends_sentence(line):
            continue  # (no mark of a paragraph's start: a full line ending its sentence may end its paragraph)
        out.append(pos_nl)
    if len(out) < MIN_FULL:
        return [], 0
    return out, width
