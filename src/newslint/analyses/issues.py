"""Issues of a paper: which pages of a run are one issue, and which are archive context.

A run may hold many days of a paper (a month of e-paper files, a year of transcripts).  Pages of one
date are one issue: the cross-page rules (name variants, duplicates, attribution) compare them with
each other as they always did.  Pages of another date are archive context: a similar name or a repeated
paragraph across dates is an ordinary thing (two reporters 李铮 and 李铭, a background paragraph reused
a week later), so a finding across dates needs stronger evidence than similarity and is never more than
``info`` on similarity alone.

The issue of a page is its *explicit* date — from ``--date``, the config's ``dates`` table, front
matter, a date line or the file name (see :mod:`newslint.analyses.dates`).  A date merely estimated from
the text (a year and the latest dateline) is no issue date.  Pages without an explicit date form one
group, as all pages of a run did before.

One file may hold several issues: a week's archive export whose top-level sections each open with a
heading that is a date (``# 《新闻联播》（20240102）``, ``## 2024年1月2日``, a plain date line between the
days — see :func:`newslint.analyses.dates.day_sections`).  Each such section is an issue of its own: two
places of the file in sections of different dates are compared as two pages of different dates are.  Text
before the first dated section has the page's date; a page of one day is one issue, as before.

This module is a plugin: it collects each page's issue key (``ISSUE_KEY``) and, on a page of several days,
where each day starts (``SECTIONS_KEY``) once, for every rule that compares articles; the rules ask
:func:`issue_of` and :func:`same_issue` — with the offsets of the two places compared, so that the days of
one file count — and cap severities with :func:`cap`.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from ..hookspecs import hookimpl
from .dates import day_index

ISSUE_KEY = "issue"
SECTIONS_KEY = "issue.sections"  # [(offset, ISO date)] of a page holding several days; absent otherwise
EXPLICIT_SOURCES = ("--date", "config", "front-matter", "dateline", "filename")
_MISSING = object()


def issue_date(page) -> Optional[str]:
    """The page's issue: its explicit page date (ISO) or None."""
    try:
        d = page.analysis("dates")
    except Exception:  # the dates analysis is optional for the callers
        return None
    if d.page_date is None or d.source not in EXPLICIT_SOURCES or d.precision != "day":
        return None
    return d.page_date.isoformat()


def issue_sections(page) -> List[Tuple[int, str]]:
    """Where each day of a page holding several starts, with its date (ISO); ``[]`` for a page of one day."""
    try:
        d = page.analysis("dates")
    except Exception:  # the dates analysis is optional for the callers
        return []
    return [(s.start, s.date.isoformat()) for s in getattr(d, "sections", ())]


def _collect(page) -> dict:
    data = {ISSUE_KEY: issue_date(page)}
    sections = issue_sections(page)
    if sections:
        data[SECTIONS_KEY] = sections
    return data


@hookimpl
def newslint_collect_page(page, ctx):
    return _collect(page)


def issue_of(corpus, page, at: Optional[int] = None) -> Optional[str]:
    """The issue key of a page of ``corpus`` (computed here when the per-page phase did not collect it);
    with ``at``, of the place at that offset (its day's on a page of several days)."""
    got = corpus.collected(page, ISSUE_KEY, _MISSING) if corpus is not None else _MISSING
    if got is _MISSING:
        data = _collect(page)
        got, sections = data[ISSUE_KEY], data.get(SECTIONS_KEY)
        if corpus is not None:
            corpus.set_collected(page, data)
    else:
        sections = corpus.collected(page, SECTIONS_KEY) if at is not None else None
    k = day_index([start for start, _ in sections], at) if at is not None and sections else -1
    return sections[k][1] if k >= 0 else got


def days_of(corpus, page) -> List[Tuple[int, str]]:
    """Where the days of a page holding several start, with their dates (ISO); ``[]`` for a page of one day."""
    if corpus is None:
        return issue_sections(page)
    issue_of(corpus, page)  # (collects the page's issue data when the per-page phase did not)
    return [(start, day) for start, day in corpus.collected(page, SECTIONS_KEY) or ()]


def day_starts(corpus, page) -> List[int]:
    """Where the days of a page holding several start (offsets); ``[]`` for a page of one day."""
    return [start for start, _ in days_of(corpus, page)]


def same_issue(corpus, a, b, a_at: Optional[int] = None, b_at: Optional[int] = None) -> bool:
    """Two pages of one issue (the same page, the same explicit date, or both undated); with the offsets
    of the two places compared, two places of one issue (a page of several days holds several issues)."""
    if a is b and (a_at is None or b_at is None):
        return True
    return issue_of(corpus, a, a_at) == issue_of(corpus, b, b_at)


def cap(severity: Optional[str], same: bool) -> Optional[str]:
    """The severity of a finding made on similarity alone: unchanged within an issue, at most ``info``
    across issues (``None`` means the rule's configured severity, which is then capped too)."""
    if same or severity in ("info", "hint"):
        return severity
    return "info"


__all__ = ["ISSUE_KEY", "SECTIONS_KEY", "issue_date", "issue_sections", "issue_of", "days_of", "day_starts", "same_issue", "cap"]
