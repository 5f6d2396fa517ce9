"""Rule ``anachronism-dateline-year``."""
from __future__ import annotations

import datetime as _dt

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import _EXPL_TAIL, CAT, _safe_date, _sentence

RULE = Rule(
    id="anachronism-dateline-year", category=CAT, severity="warning",
    summary="电头或页首日期的年份与页面日期矛盾",
    explanation="文章电头（本报讯……2023年1月4日）或页首日期行写的年份与页面日期（--date、配置、文件名等）不符，"
                "常见于年初沿用上一年年份。\n\nA year in a dateline that contradicts the page date." + _EXPL_TAIL,
    bad="（页面日期2024-01-05）本报讯 2023年1月4日，……", good="本报讯 2024年1月4日，……", needs=("dates",),
    examples=[
        {"text": "本报讯 2023年1月4日，全区召开工作会议，部署全年任务。\n", "fires": True, "date": "2024-01-05"},
        {"text": "本报讯 2024年1月4日，全区召开工作会议，部署全年任务。\n", "fires": False, "date": "2024-01-05"},
    ],
)

_AFTER_DATELINE_RE = None
_RETRO_DATE_RE = regex.compile(r"今天|今日|周年|一年来|以来|至今|起|此前|当时|曾|回顾|那年|当年")


@page_rule(RULE)
def dateline_year(rc: RuleContext) -> None:
    page = rc.page
    pd = page.analysis("dates")
    from ...analyses.dates import FULL_DATE_RE, _date_line, _match_date
    from ...layout import DATELINE_RE

    global _AFTER_DATELINE_RE
    if _AFTER_DATELINE_RE is None:
        _AFTER_DATELINE_RE = regex.compile(r"(?:[（(][^）)\n]{0,30}[）)])?[:：\s　]*(?:[*_]{0,2})?" + FULL_DATE_RE.pattern)

    if not pd.page_date or not pd.explicit:
        return
    p = pd.page_date
    if pd.source != "dateline":
        top = _date_line(page)
        if top and (top[0].year != p.year if pd.precision == "year" else top[0] != p):
            s, e = top[2]
            rc.report(
                s, e,
                f"页首日期（{top[0].isoformat()}）与页面日期（{p.isoformat()}，来源：{pd.detail or pd.source_name}）不符。",
                key="top-date")
    for b in page.layout.blocks:
        if b.kind != "dateline":
            continue
        p = pd.date_at(b.start)  # a page holding several days: the dateline's own day
        # the article's own date stands right after the dateline: 本报讯（记者…）2023年2月4日上午，……
        head = DATELINE_RE.match(b.text)
        m = _AFTER_DATELINE_RE.match(b.text, head.end()) if head else None
        if not m:
            continue
        d = _match_date(m)
        if d is None or d.year == p.year or (pd.precision == "year" and d.year < p.year):
            continue
        a, z = _sentence(b.text, m.end(), m.end())
        if _RETRO_DATE_RE.search(b.text, a, z):
            continue  # 2023年4月1日，《黄河保护法》正式实施，今天是施行一周年: a date in the past, on purpose
        same = _safe_date(p.year, d.month, d.day)
        typo = (abs(d.year - p.year) == 1 and same is not None
                and p - _dt.timedelta(days=60) <= same <= p + _dt.timedelta(days=1))
        if d > p + _dt.timedelta(days=1) or typo:
            hint = f"，应为{p.year}年？" if typo else ""
            rc.report(
                b.start + m.start(), b.start + m.end(),
                f"电头日期“{m.group()}”的年份与页面日期（{p.isoformat()}，来源：{pd.source_name}）矛盾{hint}",
                suggestion=f"{p.year}年{d.month}月{d.day}日" if typo else None, key=m.group())
