"""Rule ``number-share-mismatch``: a part's stated share of a total that the two figures contradict."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import rounding

RULE = Rule(
    id="number-share-mismatch",
    category="number",
    severity="warning",
    summary="“其中……占比N%”与前面给出的两个数之比不符",
    explanation="""\
一句话先给出总量，再说“其中某部分为多少，占比N%（占总……的N%）”时，部分与总量之比应等于N%（允许两个
数和百分比各自四舍五入造成的误差）。写“超过、近、约N%”的按不等式或不核对。改稿时只改了一个数字，
常留下这种矛盾。

A total, then 其中 a part of it in the same unit and its share (占比N%): the share must equal the
part divided by the total, within the rounding of the three figures written.""",
    bad="全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比65.3%。",
    good="全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比56.5%。",
    examples=[
        {"text": "全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比65.3%。\n", "fires": True, "date": None},
        {"text": "全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比56.5%。\n", "fires": False, "date": None},
    ],
)

_SHARE_UNITS = ("万亿元|亿元|万元|亿美元|万美元|亿人次|万人次|人次|万人|万户|万吨|万辆|万千瓦|亿千瓦时|万千瓦时|千瓦"
                "|公里|平方公里|万平方米|平方米|万亩|亩")
_SHARE_RE = regex.compile(
    rf"(?P<y>[0-9]+(?:\.[0-9]+)?)(?P<u>{_SHARE_UNITS})[^。；;0-9]{{0,30}}?[，,]其中[^。；;，,0-9]{{0,20}}?"
    rf"(?P<x>[0-9]+(?:\.[0-9]+)?)(?P=u)[，,]?(?:占比|占(?P<of>[^。；;，,0-9]{{0,8}}?总[^。；;，,0-9]{{0,6}}?)的?(?:比重|比例)?)"
    r"(?P<q>为|达|达到|超过|超|逾|近|约|接近|不到|不足)?(?P<z>[0-9]+(?:\.[0-9]+)?)[%％]")
_AT_LEAST = ("超过", "超", "逾")
_AT_MOST = ("近", "接近", "不到", "不足")


@page_rule(RULE)
def share_mismatch(rc: RuleContext) -> None:
    text = rc.page.text
    if "其中" not in text or ("%" not in text and "％" not in text):
        return
    for m in _SHARE_RE.finditer(text):
        y, x, z = float(m.group("y")), float(m.group("x")), float(m.group("z"))
        q = m.group("q") or ""
        if y <= 0 or x > y or q == "约" or regex.search(r"全|世界|各", m.group("of") or ""):
            continue  # 占全市总量的…: a share of some larger whole
        share = x / y * 100
        slack = (rounding(m.group("z")) + share * (rounding(m.group("x")) / max(x, 1e-9)
                                                     + rounding(m.group("y")) / y) + 1e-9)
        if q in _AT_LEAST:
            wrong = share < z - slack
        elif q in _AT_MOST:
            wrong = share > z + slack
        else:
            wrong = abs(share - z) > slack
        if not wrong:
            continue
        rc.report(
            m.start("x"), m.end(),
            f"{m.group('x')}{m.group('u')}是{m.group('y')}{m.group('u')}的{share:.1f}%，"
            f"这里却写“{q if q in _AT_LEAST + _AT_MOST else ''}{m.group('z')}%”，"
            f"请核对数字", key=m.group())
