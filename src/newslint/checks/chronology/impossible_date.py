"""Rule ``anachronism-impossible-date``."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import CAT, _safe_date

RULE = Rule(
    id="anachronism-impossible-date", category=CAT, severity="error",
    summary="日期不存在（如2月30日、4月31日）",
    explanation="月份超过12、日期超过当月天数，或写明年份的平年2月29日。\n\nA calendar date that does not exist.",
    bad="4月31日", good="4月30日", needs=("dates",),
    examples=[
        {"text": "活动将于4月31日在体育馆举行。\n", "fires": True, "date": None},
        {"text": "活动将于4月30日在体育馆举行。\n", "fires": False, "date": None},
    ],
)

_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@page_rule(RULE)
def impossible_date(rc: RuleContext) -> None:
    page = rc.page
    pd = page.analysis("dates")
    text = page.text
    for mt in pd.mentions:
        bad = None
        if not 1 <= mt.month <= 12:
            bad = f"没有{mt.month}月"
        elif mt.day < 1 or mt.day > _MONTH_DAYS[mt.month - 1]:
            bad = f"{mt.month}月没有{mt.day}日"
        elif mt.month == 2 and mt.day == 29 and mt.year and _safe_date(mt.year, 2, 29) is None:
            bad = f"{mt.year}年是平年，2月没有29日"
        if bad is None:
            continue
        # a range such as 1—12月 or a number run such as 2.30日 is not a date
        prev = text[mt.start - 1:mt.start] if mt.start else ""
        if prev and (prev.isdigit() or prev in ".．-—~～"):
            continue
        rc.report(mt.start, mt.end, f"日期“{text[mt.start:mt.end]}”不存在：{bad}。",
                               key=text[mt.start:mt.end])
