"""Rule ``anachronism-term``."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import _EXPL_TAIL, CAT, _ymd, load_knowledge

RULE = Rule(
    id="anachronism-term", category=CAT, severity="warning",
    summary="使用了页面日期时尚未提出的提法",
    explanation="有些提法有明确的首次提出时间（新质生产力：2023年9月；两个确立：2021年11月）。早于该时间的稿件不可能使用，"
                "通常说明页面日期或稿件有误。\n\nA time-bound term used before it was first used." + _EXPL_TAIL,
    bad="（2022年）加快发展新质生产力", good="（2024年）加快发展新质生产力", needs=("dates",),
    examples=[
        {"text": "会议提出，要加快发展新质生产力。\n", "fires": True, "date": "2022-05-10"},
        {"text": "会议提出，要加快发展新质生产力。\n", "fires": False, "date": "2024-05-10"},
    ],
)

@page_rule(RULE)
def term(rc: RuleContext) -> None:
    page, ctx = rc.page, rc.ctx
    k = load_knowledge(ctx)
    pd = page.analysis("dates")
    if not pd.page_date:
        return
    text = page.text
    latest = pd.latest
    for term, since, where in k.terms:
        if latest >= since:
            continue
        i = text.find(term)
        while i >= 0:
            rc.report(
                i, i + len(term),
                f"“{term}”的提法始于{_ymd(since)}（知识包 {where}），早于此的页面日期（{pd.page_date.isoformat()}，"
                f"来源：{pd.source_name}）不应出现。请核实页面日期或用语。", key=term)
            i = text.find(term, i + len(term))
