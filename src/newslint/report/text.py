"""``--format text`` (the default): ``path:line:column: severity [rule] message`` lines that editors and
Vim/Emacs ``errorformat`` understand, each followed by the source line with the span underlined.

Underlines are measured in terminal cells (a Chinese character takes two), long paragraphs are shown
as a window around the span, colour is used only when writing to a terminal (and NO_COLOR is unset),
and a rule that fires more than ``SUMMARY_AFTER`` times in one file is summarised after the first few.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import Dict, List

from .. import hookimpl
from ..lang import count, of, severity_counts, t

SUMMARY_AFTER = 20  # more findings than this of one rule in one file are summarised…
SHOW_FIRST = 5  # …after showing this many
WINDOW = 36  # characters of context either side of the span
TAB = "    "  # a tab in the shown line: a fixed run of spaces, so the underline can be measured

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m",
            "path": "\033[1m", "rule": "\033[2m", "caret": "\033[1;31m", "reset": "\033[0m"}


_CONTROL = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}  # ␛ for ESC: shown, never obeyed
_CONTROL.update({0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}})


def printable(s: str) -> str:
    """``s`` with control characters (an ESC sequence in a page or a file name) made visible, one
    character for one so columns stay right: a terminal shows them and never acts on them."""
    return s.translate(_CONTROL)


def width(s: str) -> int:
    from wcwidth import wcswidth, wcwidth  # imported when a finding is drawn: a clean run never needs it

    w = wcswidth(s)
    if w >= 0:
        return w
    return sum(max(wcwidth(ch), 0) for ch in s)


def use_colour(stream, choice: str = "auto") -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def excerpt(line: str, col0: int, col1: int) -> tuple:
    """A window of ``line`` around ``[col0, col1)`` (0-based columns): (text, caret start, caret end)."""
    a = max(0, col0 - WINDOW)
    b = min(len(line), max(col1, col0 + 1) + WINDOW)
    prefix = "…" if a > 0 else ""
    suffix = "…" if b < len(line) else ""

    def tabs(s: str) -> str:  # a terminal would expand a tab to its next stop: show it as spaces instead
        return s.replace("\t", TAB)

    shown = tabs(prefix + line[a:b] + suffix)
    start = width(tabs(prefix + line[a:col0]))
    span = tabs(line[col0:max(col1, col0 + 1)]) or " "
    return shown, start, start + max(1, width(span))


def render_finding(f, page, colour: bool, show_source: bool = True, lang: str = "zh") -> List[str]:
    c = _COLOURS if colour else defaultdict(str)
    loc = f.location
    out = [f"{c['path']}{printable(loc.path)}:{loc.line}:{loc.column}:{c['reset']} "
           f"{c[f.severity]}{t(lang, f.severity)}{c['reset']} {c['rule']}[{f.rule}]{c['reset']} {printable(f.message)}"]
    if show_source and page is not None and 1 <= loc.line <= page.line_count:
        # a Word paragraph is shown without the '#' marks its heading style gave it (columns leave them out)
        line = printable(getattr(page, "paragraph_line", page.line_text)(loc.line))
        col0 = loc.column - 1
        col1 = loc.end_column - 1 if loc.end_line == loc.line else len(line)
        shown, s, e = excerpt(line, col0, col1)
        gutter = f"{loc.line:>5} | "
        out.append(gutter + shown)
        out.append(" " * (len(gutter) - 2) + "| " + " " * s + c["caret"] + "^" * (e - s) + c["reset"])
    for r in f.related:
        out.append(printable(f"      = {t(lang, 'related')}: {r.path}:{r.line}:{r.column}"
                             + (f" {r.message}" if r.message else "")))
    if f.suggestion is not None:
        out.append(printable(f"      = {t(lang, 'suggestion')}: {f.suggestion}"))
    return out


def report(result, ctx, stream) -> None:
    args = getattr(ctx, "args", None)
    lang = of(ctx)
    colour = use_colour(stream, getattr(args, "color", "auto") or "auto")
    show_all = bool(getattr(args, "show_all", False))
    pages: Dict[str, object] = {p.path: p for p in result.pages}
    per_file_rule = Counter((f.location.path, f.rule) for f in result.findings)
    shown = Counter()
    summarised = set()
    lines: List[str] = []
    for f in result.findings:
        key = (f.location.path, f.rule)
        if not show_all and per_file_rule[key] > SUMMARY_AFTER:
            shown[key] += 1
            if shown[key] > SHOW_FIRST:
                if key not in summarised:
                    summarised.add(key)
                    lines.append(t(lang, "summarised", path=printable(f.location.path),
                                   n=per_file_rule[key] - SHOW_FIRST, rule=f.rule))
                continue
        lines.extend(render_finding(f, pages.get(f.location.path), colour, lang=lang))
    for line in lines:
        stream.write(line + "\n")
    if not getattr(args, "quiet", False):
        stream.write(summary(result, lang) + "\n")


def summary(result, lang: str = "zh") -> str:
    n = len(result.findings)
    files = count(lang, len(result.pages), "file")
    if not n:
        return t(lang, "clean", files=files)
    parts = severity_counts(lang, Counter(f.severity for f in result.findings))
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in result.findings if f.fix is not None and not f.fix.safe)
    tail = t(lang, "fixable", n=fixable) if fixable else ""
    if unsafe:
        tail += t(lang, "unsafe", n=unsafe)
    return t(lang, "found", problems=count(lang, n, "problem"), parts=parts, files=files) + tail + t(lang, "end")


@hookimpl
def newslint_reporters():
    return {"text": report}
