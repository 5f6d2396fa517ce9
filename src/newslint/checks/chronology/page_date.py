"""The hooks of the anachronism family: ``--explain-date`` (each page's date and its source), the config's
``[dates]`` table and the knowledge pack checked when the run starts.  The page date itself is put on
each page when the pages are read (``analyses.dates.apply_run_date``), not here."""
from __future__ import annotations

import datetime as _dt
import sys

from ... import hookimpl
from .common import load_knowledge

IDS = ("anachronism-ordinal", "anachronism-anniversary", "anachronism-plan-period", "anachronism-term",
       "anachronism-weekday", "anachronism-impossible-date", "anachronism-dateline-year")


# ---- hooks ------------------------------------------------------------------------------------------------------
@hookimpl
def newslint_add_options(parser):
    parser.add_argument("--explain-date", action="store_true",
                        help="print each page's date and where it came from (stderr; JSON: top-level \"pages\")")


@hookimpl
def newslint_configure(ctx):
    for pattern, value in (ctx.config.get("dates", {}) or {}).items():
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise ctx.config.error("dates", f"{pattern}: not a valid date {value!r}") from None
    if ctx.any_enabled("anachronism-ordinal", "anachronism-anniversary", "anachronism-plan-period",
                       "anachronism-term"):
        load_knowledge(ctx)  # pack errors surface before any page is read


@hookimpl
def newslint_collect_page(page, ctx):
    if not (getattr(ctx.args, "explain_date", False) or ctx.any_enabled(*IDS)):
        return None
    pd = page.analysis("dates")
    return {"chronology.date": (pd.page_date.isoformat() if pd.page_date else None, pd.source, pd.detail,
                                pd.precision)}


@hookimpl
def newslint_check_corpus(corpus, ctx):
    explain = getattr(ctx.args, "explain_date", False)
    pages = []
    for page in corpus.run_pages:
        info = corpus.collected(page, "chronology.date")
        if info is None:
            continue
        date, source, detail, precision = info
        pages.append({"path": page.path, "date": date, "date_source": source, "date_detail": detail,
                      "date_precision": precision if date else None})
        if explain:
            if date:
                approx = "（按年估计）" if precision == "year" else ""
                print(f"{page.path}: {date}{approx} [{source}] {detail}", file=sys.stderr)
            else:
                print(f"{page.path}: 无法确定页面日期 (no date found)", file=sys.stderr)
    if explain:
        ctx.state.setdefault("extra", {})["pages"] = pages
    return None

