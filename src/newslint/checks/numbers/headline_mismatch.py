"""Rule ``number-headline-mismatch``: a headline figure the body states differently."""
from __future__ import annotations

from typing import List, Tuple

import regex

from ...finding import Rule
from ...numerals import parse_number
from ...rule import RuleContext, page_rule

RULE = Rule(
    id="number-headline-mismatch",
    category="number",
    severity="warning",
    summary="标题中的数字与正文不一致（如标题“开工项目27个”，正文为26个）",
    explanation="""\
标题中的数字（项目个数、投资额、人数……）应与正文一致。本规则取标题中“关键词+数字+单位”
（如“项目27个”“总投资130.23亿元”），在正文中找同一关键词、同一单位的数字：正文给出了这类数字，
却没有一处与标题相同，各数之和也不等于标题数字时报告，并指出正文中的位置。

A figure in the headline (开工项目27个, 总投资130.23亿元) that the body states differently.""",
    bad="## 我区集中开工项目27个 总投资130.23亿元\n本报讯……此次集中开工项目26个，总投资130.23亿元。",
    good="## 我区集中开工项目26个 总投资130.23亿元\n本报讯……此次集中开工项目26个，总投资130.23亿元。",
    examples=[
        {"text": "## 我区集中开工项目27个 总投资130.23亿元\n\n本报讯 此次集中开工项目26个，总投资130.23亿元。\n", "fires": True, "date": None},
        {"text": "## 我区集中开工项目26个 总投资130.23亿元\n\n本报讯 此次集中开工项目26个，总投资130.23亿元。\n", "fires": False, "date": None},
    ],
)

_FIG_RE = regex.compile(
    r"(?P<key>\p{Han}{2,4}?)(?P<num>[0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两百千]+)(?P<unit>[万亿]{0,2}"
    r"(?:元|美元|个|项|家|名|人次|人|吨|千瓦|平方米|亩|公里|户|套|台|辆|所|座|条|场|次|件|款|种|批))")
_STOP_KEY = regex.compile(r"^(?:第|近|约|超|逾|共|达|为|是|有|和|与|及|的|了|在|于|至|到|超过|将近|接近)")


_KEY_TRIM = regex.compile(r"(?:共计|合计|总计|累计|共|达到|达|超过|超|约|近|逾|为|是|有)$")
_APPROX_BEFORE = regex.compile(r"(?:超过|超|逾|近|约|突破|破|不到|不足|以上|余)$")
_APPROX_AFTER = regex.compile(r"余|多|以上|左右|上下")
_FIG_QUICK = regex.compile(r"[0-9一二三四五六七八九十两百千][万亿]{0,2}(?:元|美元|个|项|家|名|人|吨|千瓦|平方米|亩|公里|户|套|台|辆|所|座|条|场|次|件|款|种|批)")


def _figures(text: str, base: int) -> List[Tuple[str, float, str, int, int, str]]:
    """(key word, value, unit, start, end, text) of the figures in ``text``."""
    out = []
    if not _FIG_QUICK.search(text):
        return out
    for m in _FIG_RE.finditer(text):
        key = m.group("key")
        # the key word is the noun right before the number; trim particles such as 达/共/超
        key = _KEY_TRIM.sub("", key)
        if len(key) < 2:
            continue
        if _APPROX_BEFORE.search(m.group("key")) or _APPROX_AFTER.match(text[m.end():m.end() + 2]):
            continue  # 超15万亿元, 近百万人次, 3000余人: approximate figures
        unit = m.group("unit")
        val = parse_number(m.group("num") + unit[:len(unit) - len(unit.lstrip("万亿"))])
        if val is None:
            continue
        base_unit = unit.lstrip("万亿")
        out.append((key[-2:], float(val), base_unit, base + m.start("num"), base + m.end(), m.group()))
    return out


@page_rule(RULE)
def headline_mismatch(rc: RuleContext) -> None:
    page = rc.page
    layout = page.layout
    for art in layout.articles:
        # (the headline block: the subheads, labels and tags that plain text sets as lines of their own in the
        # article — items of a round-up — head their own paragraphs, not the article)
        heads = [h for h in art.headings if h.role not in ("subhead", "label", "tag")]
        paras = art.paragraphs
        if not heads or not paras:
            continue
        head_figs = [f for h in heads[:2] for f in _figures(h.text, h.start)]
        if not head_figs:
            continue
        body_figs = []
        for p in paras:
            body_figs.extend(_figures(p.text, p.start))
        if not body_figs:
            continue
        body_text = "\n".join(p.text for p in paras)
        for key, val, unit, s, e, ftext in head_figs:
            same = [f for f in body_figs if f[0] == key and f[2] == unit]
            if not same:
                continue
            values = [f[1] for f in same]
            if any(abs(v - val) < 1e-6 * max(1.0, val) for v in values):
                continue
            if _appears(body_text, val, unit):
                continue
            if len(values) > 1 and abs(sum(values) - val) < 1e-6 * max(1.0, val):
                continue  # the headline sums the body's parts
            if len(same) > 1:
                continue  # several different body figures: which one the headline means is unclear
            if _rounds_to(ftext, val, same[0][1]):
                continue  # the headline rounds the body's figure: 2160万亩 for 2159.67万亩
            f0 = same[0]
            rc.report(
                s, e,
                f"标题写“{ftext}”，正文写“{f0[5]}”，数字不一致，请核对",
                related=[page.location(f0[3], f0[4], "正文中的数字")],
                key=f"{ftext}|{f0[5]}")


_WRITTEN_NUM = regex.compile(r"[0-9]+(?:\.[0-9]+)?")


def _rounds_to(written: str, val: float, exact: float) -> bool:
    """Is ``val`` (written as the Arabic number in ``written``) ``exact`` rounded to the digits written?
    2160 is 2159.67 to the ten, 3.5 is 3.46 to the tenth.  A headline rounds; it does not change a figure."""
    m = _WRITTEN_NUM.search(written)
    if not exact:
        return False
    if m is None:
        # a round figure in Chinese numerals (十万个, 七百亿) is a headline's approximation of the body's
        # figure (10.27万个): one significant digit, within a tenth of it
        digits = f"{val:.0f}".rstrip("0") if val >= 10 and float(val).is_integer() else ""
        return len(digits) == 1 and exact != val and abs(exact - val) < 0.1 * abs(val)
    num = m.group()
    scale = val / float(num) if float(num) else 1.0  # the 万/亿 written after the number
    if "." in num:
        step = 10.0 ** -len(num.split(".")[1])
    else:
        step = 10.0 ** (len(num) - len(num.rstrip("0"))) if num.rstrip("0") else 1.0
    if step * scale > 0.01 * abs(val):
        return False  # 30个 for 26个 is no rounding: only a fine step (under 1% of the figure) counts
    return abs(exact - val) <= step * scale / 2 + 1e-9 * max(1.0, abs(val)) and exact != val


def _appears(text: str, val: float, unit: str) -> bool:
    """The value written anywhere in the body with the same unit, in any notation."""
    for m in regex.finditer(r"([0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两百千]+)([万亿]{0,2})" + regex.escape(unit), text):
        v = parse_number(m.group(1) + m.group(2))
        if v is not None and abs(float(v) - val) < 1e-6 * max(1.0, val):
            return True
    return False


# ---- complementary percentages --------------------------------------------------------------------
