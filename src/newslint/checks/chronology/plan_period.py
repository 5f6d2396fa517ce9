"""Rule ``anachronism-plan-period``."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import _EXPL_TAIL, CAT, _ref_year, _sentence, load_knowledge

RULE = Rule(
    id="anachronism-plan-period", category=CAT, severity="warning",
    summary="五年规划时期与年份不符（如2024年称“十五五”开局）",
    explanation="“十四五”为2021—2025年，“十五五”为2026—2030年。把某一规划的开局、收官放在不相符的年份是差错；"
                "“为‘十五五’开局打好基础”之类的筹划表述不报告。\n\nA Five-Year Plan period that does not fit the year."
                + _EXPL_TAIL,
    bad="（2024年）今年是“十五五”开局之年", good="（2024年）今年是“十四五”规划实施的关键一年", needs=("dates",),
    examples=[
        {"text": "今年是“十五五”开局之年，各项工作全面展开。\n", "fires": True, "date": "2024-03-01"},
        {"text": "今年是“十四五”规划实施的关键一年，各项工作全面展开。\n", "fires": False, "date": "2024-03-01"},
    ],
)

_PREPARE = regex.compile(r"为|奠定|打下|打好|基础|谋划|迎接|准备|确保|实现|推动|编制|研究|前期|思路|着眼|布局|衔接|即将|明年|后年|将")
_PRESENT = regex.compile(r"(?:今年|本年度?|这一年)(?:是|为|正值|恰逢|作为)")


PLAN_RE = regex.compile(r"(?<![一二三四五六七八九十])[“\"‘「]?十(?P<d>[一二三四五六七八九])五[”\"’」]?(?:规划)?(?:的)?"
                        r"(?P<what>开局之年|开局年|开局|起步之年|收官之年|收官年|收官|最后一年|第(?P<k>[一二三四五])年)?")


@page_rule(RULE)
def plan_period(rc: RuleContext) -> None:
    page, ctx = rc.page, rc.ctx
    k = load_knowledge(ctx)
    pd = page.analysis("dates")
    text = page.text
    if "五" not in text:
        return
    for m in PLAN_RE.finditer(text):
        n = 10 + "一二三四五六七八九".index(m.group("d")) + 1
        start, end = (k.plans[n][:2] if n in k.plans else (1966 + 5 * (n - 3), 1966 + 5 * (n - 3) + 4))
        where = k.plans[n][2] if n in k.plans else "1966 + 5×(N−3)"
        a, b = _sentence(text, m.start(), m.end())
        ref, how = _ref_year(text, a, m.start(), pd.year)
        if ref is None:
            continue
        sent = text[a:b]
        label = f"“十{m.group('d')}五”"
        period = f"{label}时期为{start}—{end}年（知识包 {where}）"
        what = m.group("what")
        if what is None:
            ref = pd.year
            if ref is not None and start - ref > 6:
                rc.report(m.start(), m.end(),
                                       f"{label}在{ref}年尚远未开始：{period}。请核实规划序数。", key=label)
            continue
        if what.startswith(("开局", "起步")):
            claimed = start
        elif what.startswith(("收官", "最后")):
            claimed = end
        else:
            claimed = start + "一二三四五".index(m.group("k"))
        if ref == claimed:
            continue
        present = _PRESENT.search(text[a:m.start()]) is not None or (how == "written" and regex.search(
            r"[0-9０-９]{4}年(?:是|为|正值|恰逢)", text[a:m.start()]) is not None)
        too_early = claimed - ref >= 2 and not _PREPARE.search(sent)
        if present or too_early:
            basis = {"written": f"同句写明的{ref}年", "relative": f"{ref}年", "page": f"页面日期的年份{ref}年"}[how]
            rc.report(
                m.start(), m.end(),
                f"{label}{what}应在{claimed}年，与{basis}不符：{period}。", key=label + what)
