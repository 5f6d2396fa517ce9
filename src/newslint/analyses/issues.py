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

This module is a plugin: it collects each page's issue key (``ISSUE_KEY``) once, for every cross-page
rule; the rules ask :func:`issue_of` and :func:`same_issue` and cap severities with :func:`cap`.
"""
from __future__ import annotations

from typing import Optional

from ..hookspecs import hookimpl

ISSUE_KEY = "issue"
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


@hookimpl
def newslint_collect_page(page, ctx):
    return {ISSUE_KEY: issue_date(page)}


def issue_of(corpus, page) -> Optional[str]:
    """The issue key of a page of ``corpus`` (computed here when the per-page phase did not collect it)."""
    got = corpus.collected(page, ISSUE_KEY, _MISSING) if corpus is not None else _MISSING
    if got is _MISSING:
        got = issue_date(page)
        if corpus is not None:
            corpus.set_collected(page, {ISSUE_KEY: got})
    return got


def same_issue(corpus, a, b) -> bool:
    """Two pages of one issue (the same page, the same explicit date, or both undated)."""
    return a is b or issue_of(corpus, a) == issue_of(corpus, b)


def cap(severity: Optional[str], same: bool) -> Optional[str]:
    """The severity of a finding made on similarity alone: unchanged within an issue, at most ``info``
    across issues (``None`` means the rule's configured severity, which is then capped too)."""
    if same or severity in ("info", "hint"):
        return severity
    return "info"


__all__ = ["ISSUE_KEY", "issue_date", "issue_of", "same_issue", "cap"]
