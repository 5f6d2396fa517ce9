"""The page model: the decoded text of one file and an index between offsets and (line, column).

Line breaks are ``\\n``, ``\\r\\n`` and ``\\r`` only (never U+2028 or form feeds, which editors do not
break on).  The analysed text has every break normalised to ``\\n``, so CRLF and CR files give the same
locations as LF files; ``original_offset`` maps an offset back into the file's own text for ``--fix``.

Lines and columns are 1-based and columns count characters (code points), as the JSON contract says.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from .finding import Location
from .wrapping import wrap_breaks


def normalise_newlines(raw: str) -> Tuple[str, List[int]]:
    """Return ``raw`` with every line break as ``\\n`` and the sorted offsets (in the normalised
    text) of each ``\\n`` that stood for a two-character ``\\r\\n``."""
    if "\r" not in raw:
        return raw, []
    out: List[str] = []
    crlf_at: List[int] = []
    pos = 0  # offset in the normalised text
    i = 0
    n = len(raw)
    while i < n:
        j = raw.find("\r", i)
        if j < 0:
            out.append(raw[i:])
            break
        out.append(raw[i:j])
        pos += j - i
        if j + 1 < n and raw[j + 1] == "\n":
            crlf_at.append(pos)
            i = j + 2
        else:
            i = j + 1
        out.append("\n")
        pos += 1
    return "".join(out), crlf_at


@dataclass
class Page:
    """One page (file) of a run."""

    path: str
    text: str
    raw_text: Optional[str] = None  # the file's own text when newlines were normalised
    encoding: str = "utf-8"
    bom: bool = False
    index: int = 0  # position in the run (stable order)
    archive: bool = False  # an archive page: context for corpus rules, never reported on
    meta: Dict[str, Any] = field(default_factory=dict)
    _crlf_at: List[int] = field(default_factory=list, repr=False)
    _line_starts: Optional[List[int]] = field(default=None, repr=False)
    _cache: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(cls, path: str, raw: str, **kw: Any) -> "Page":
        text, crlf = normalise_newlines(raw)
        if cls is Page:  # a hard-wrapped page is read with its paragraphs' lines joined (wrapping.py)
            wrapped = unwrapped(path, text, raw, crlf, **kw)
            if wrapped is not None:
                return wrapped
        page = cls(path=path, text=text, raw_text=raw if text is not raw else None, **kw)
        page._crlf_at = crlf
        return page

    # ---- offsets and lines -------------------------------------------------------------
    @property
    def line_starts(self) -> List[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def linecol(self, offset: int) -> Tuple[int, int]:
        """1-based (line, column) of a character offset; ``offset == len(text)`` is allowed."""
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside page of {len(self.text)} characters")
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`linecol`."""
        if line < 1 or line > self.line_count:
            raise ValueError(f"line {line} outside page of {self.line_count} lines")
        start = self.line_starts[line - 1]
        end = self.line_end(line)
        off = start + column - 1
        if column < 1 or off > end:
            raise ValueError(f"column {column} outside line {line}")
        return off

    def line_end(self, line: int) -> int:
        """Offset just past the last character of ``line`` (before its newline)."""
        starts = self.line_starts
        return starts[line] - 1 if line < len(starts) else len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.line_starts[line - 1]: self.line_end(line)]

    def location(self, start: int, end: Optional[int] = None, message: str = "") -> Location:
        """A self-contained, picklable location for the span ``[start, end)``."""
        if end is None:
            end = start
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside page of {len(self.text)} characters")
        line, col = self.linecol(start)
        end_line, end_col = self.linecol(end)
        return Location(path=self.path, line=line, column=col, end_line=end_line,
                        end_column=end_col, start=start, end=end, message=message)

    def original_offset(self, offset: int) -> int:
        """Offset in the file's own text (CRLF counted as two characters)."""
        return offset + bisect.bisect_left(self._crlf_at, offset)

    @property
    def file_text(self) -> str:
        return self.raw_text if self.raw_text is not None else self.text

    # ---- shared analyses (lazy, once per page) ------------------------------------------
    def analysis(self, name: str) -> Any:
        """The result of the named shared analysis, computed on first use and cached."""
        if name not in self._cache:
            from .analyses import get_analysis

            self._cache[name] = get_analysis(name)(self)
        return self._cache[name]

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """Cache an arbitrary per-page value under ``key`` (for a rule's own derived data)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @property
    def layout(self):
        return self.analysis("layout")

    def __getstate__(self):  # drop caches when sent to worker processes
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state


@dataclass
class WrappedPage(Page):
    """A page whose hard wraps are removed from the analysed ``text``; lines, columns, source lines and
    fixes are the file's own.  ``wrap_width`` is the width it was wrapped at."""

    wrap_width: int = 0
    _lined: str = ""  # the text with its line breaks (newlines normalised to \n)
    _breaks: List[int] = field(default_factory=list, repr=False)  # offsets in _lined of the removed \n
    _wrap_at: List[int] = field(default_factory=list, repr=False)  # the same, as offsets in ``text``
    _lined_starts: List[int] = field(default_factory=list, repr=False)

    def _lined_offset(self, offset: int) -> int:
        return offset + bisect.bisect_right(self._wrap_at, offset)

    def linecol(self, offset: int) -> Tuple[int, int]:
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside page of {len(self.text)} characters")
        n = self._lined_offset(offset)
        line = bisect.bisect_right(self._lined_starts, n) - 1
        return line + 1, n - self._lined_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        if line < 1 or line > len(self._lined_starts):
            raise ValueError(f"line {line} outside page of {len(self._lined_starts)} lines")
        start = self._lined_starts[line - 1]
        end = self._lined_starts[line] - 1 if line < len(self._lined_starts) else len(self._lined)
        n = start + column - 1
        if column < 1 or n > end:
            raise ValueError(f"column {column} outside line {line}")
        return n - bisect.bisect_left(self._breaks, n)

    @property
    def line_count(self) -> int:
        return len(self._lined_starts)

    def line_text(self, line: int) -> str:
        start = self._lined_starts[line - 1]
        end = self._lined_starts[line] - 1 if line < len(self._lined_starts) else len(self._lined)
        return self._lined[start:end]

    def original_offset(self, offset: int) -> int:
        n = self._lined_offset(offset)
        return n + bisect.bisect_left(self._crlf_at, n)


def unwrapped(path: str, text: str, raw: str, crlf_at: List[int], **kw) -> Optional[WrappedPage]:
    """A :class:`WrappedPage` of ``text`` (newlines normalised; ``raw`` the file's own text) when it is
    hard-wrapped, else None."""
    breaks, width = wrap_breaks(text)
    if not breaks:
        return None
    parts, prev = [], 0
    for b in breaks:
        parts.append(text[prev:b])
        prev = b + 1
    parts.append(text[prev:])
    page = WrappedPage(path=path, text="".join(parts), raw_text=raw, wrap_width=width, **kw)
    page._crlf_at = crlf_at
    page._lined = text
    page._breaks = breaks
    page._wrap_at = [b - k for k, b in enumerate(breaks)]
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    page._lined_starts = starts
    page.meta["wrap_width"] = width
    return page
