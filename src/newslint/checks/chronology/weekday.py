"""Rule ``anachronism-weekday``."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...numerals import parse_int
from ...rule import RuleContext, page_rule
from .common import _CN_MONTH, _EXPL_TAIL, _WEEK, _WEEK_NAME, CAT, _safe_date, _ymd

RULE = Rule(
    id="anachronism-weekday", category=CAT, severity="warning",
    summary="日期与星期不符",
    explanation="“X月X日（星期Y）”的星期按写明的年份计算；未写年份时按页面日期所在年份（跨年时取最近的一年）计算。\n\n"
                "A weekday that does not match its date." + _EXPL_TAIL,
    bad="2024年7月18日（星期三）", good="2024年7月18日（星期四）", needs=("dates",),
    examples=[
        {"text": "2024年7月18日（星期三），全区召开工作会议。\n", "fires": True, "date": None},
        {"text": "2024年7月18日（星期四），全区召开工作会议。\n", "fires": False, "date": None},
    ],
)

WEEKDAY_RE = regex.compile(
    rf"(?:(?P<y>[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})年)?(?<![0-9０-９])(?P<m>[0-9０-９]{{1,2}}|[{_CN_MONTH}]{{1,2}})月"
    rf"(?P<d>[0-9０-９]{{1,2}}|[{_CN_MONTH}]{{1,3}})[日号]"
    rf"\s*(?:[（(]\s*(?:星期|周|礼拜)(?P<w1>[一二三四五六日天])\s*[）)]|[，,　 ]?\s*(?:星期|礼拜)(?P<w2>[一二三四五六日天])|(?:星期|周)(?P<w3>[一二三四五六日天]))"
    r"(?![至到\-—~～、和及与或])")


@page_rule(RULE)
def weekday(rc: RuleContext) -> None:
    page = rc.page
    pd = page.analysis("dates")
    text = page.text
    if "星期" not in text and "周" not in text and "礼拜" not in text:
        return
    for m in WEEKDAY_RE.finditer(text):
        mo, d = parse_int(m.group("m")), parse_int(m.group("d"))
        if not mo or not d:
            continue
        w = _WEEK[m.group("w1") or m.group("w2") or m.group("w3")]
        if m.group("y"):
            y = parse_int(m.group("y"))
            cands = [y] if y else []
            basis = "写明的年份"
        elif pd.page_date:
            y0 = pd.page_date.year
            cands = [y0 - 1, y0, y0 + 1]
            basis = f"页面日期（{pd.page_date.isoformat()}）"
        else:
            continue
        dates = [x for x in (_safe_date(y, mo, d) for y in cands) if x is not None]
        if not dates:
            continue
        ref = pd.page_date if pd.page_date else dates[0]
        day = min(dates, key=lambda x: abs((x - ref).days))
        if day.weekday() == w:
            continue
        right = _WEEK_NAME[day.weekday()]
        rc.report(
            m.start(), m.end(),
            f"{_ymd(day)}是星期{right}，不是星期{'日' if w == 6 else _WEEK_NAME[w]}（年份按{basis}）。",
            suggestion=f"星期{right}", key=m.group())
