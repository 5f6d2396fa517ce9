"""Rule ``number-parts-mismatch``: percentages of complementary parts that do not add up to 100%."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import rounding

RULE = Rule(
    id="number-parts-mismatch",
    category="number",
    severity="warning",
    summary="互补的各部分百分比相加不等于100%（如“男性占52%，女性占46%”）",
    explanation="""\
给出一个整体的全部组成部分时，各部分百分比之和应为100%（允许四舍五入误差：每个数按所写的位数
最多差半个末位单位，整数各差0.5，一位小数各差0.05）。本规则只核对明确
互补的成对部分（男/女、城镇/农村、线上/线下、国内/国外……），不核对可能重叠或未列全的部分。

Percentages of complementary parts of one whole (男性52%、女性46%) that do not add up to 100%.""",
    bad="参赛选手中男性占52%，女性占46%。",
    good="参赛选手中男性占54%，女性占46%。",
    examples=[
        {"text": "参赛选手中，男性占52%，女性占46%。\n", "fires": True, "date": None},
        {"text": "参赛选手中，男性占54%，女性占46%。\n", "fires": False, "date": None},
    ],
)

_PAIRS = [("男", "女"), ("城镇", "农村"), ("线上", "线下"), ("国内", "国外"), ("境内", "境外"), ("公办", "民办"),
          ("本地", "外地"), ("城市", "农村")]
_PCT = r"([0-9]+(?:\.[0-9]+)?)[%％]"
_WHO = r"(?:性|生|职工|患者|居民|观众|用户|游客|学生)?(?:人口|人数)?"


@page_rule(RULE)
def parts_mismatch(rc: RuleContext) -> None:
    text = rc.page.text
    if "%" not in text and "％" not in text:
        return
    for a, b in _PAIRS:
        if a not in text or b not in text:
            continue  # (compiling the pair's pattern costs more than looking)
        pat = regex.compile(
            rf"(?:^|[，,。；;：:])(?P<a>{a}{_WHO})(?:占|比例为|占比)(?:比)?{_PCT}"
            rf"[，,、；;](?P<b>{b}{_WHO})(?:占|比例为|占比)(?:比)?{_PCT}(?![，,、]\p{{Han}}{{1,4}}(?:占|比例))",
            regex.M)
        for m in pat.finditer(text):
            if m.group("a")[len(a):] != m.group("b")[len(b):]:
                continue  # 男性 with 女性, 男生 with 女生
            x, y = float(m.group(2)), float(m.group(4))
            total = x + y
            if abs(total - 100) <= rounding(m.group(2), m.group(4)) + 1e-9:
                continue
            rc.report(
                m.start("a"), m.end(),
                f"“{m.group('a')}”{m.group(2)}%与“{m.group('b')}”{m.group(4)}%相加为{total:g}%，不等于100%，请核对",
                key=m.group())
