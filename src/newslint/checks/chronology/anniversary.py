"""Rule ``anachronism-anniversary``."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...numerals import parse_int
from ...rule import RuleContext, page_rule
from .common import _EXPL_TAIL, CAT, _near, _ref_year, _sentence, load_knowledge

RULE = Rule(
    id="anachronism-anniversary", category=CAT, severity="warning",
    summary="“成立N周年”“诞辰N周年”与年份不符",
    explanation="周年数应等于所指年份减去成立（诞生）年份。所指年份取同句写明的年份（“2021年是中国共产党成立100周年”），"
                "否则取页面日期的年份；页面日期早于当年纪念日时，上一个周年（三月的报告回顾去年七月的95周年）也相符。"
                "本规则只判断关于页面当下的说法：回顾往年的纪念活动（“在庆祝中国共产党成立100周年大会上的讲话”"
                "“庆祝…95周年音乐会”）、书名号内的作品名，以及与当年相差一年以上又没有“今年是”“之际”等词锚定"
                "当下的周年数（“为庆祝新中国成立35周年而创作”）都不报告。锚定词和活动名可在数据包"
                " [[anniversary_context]] 中扩充。\n\n"
                "An anniversary count that does not match the year minus the founding year." + _EXPL_TAIL,
    bad="（2023年）庆祝中华人民共和国成立75周年", good="（2023年）庆祝中华人民共和国成立74周年", needs=("dates",),
    examples=[
        {"text": "今年10月1日，各地举行活动，庆祝中华人民共和国成立75周年。\n", "fires": True, "date": "2023-10-01"},
        {"text": "今年10月1日，各地举行活动，庆祝中华人民共和国成立74周年。\n", "fires": False, "date": "2023-10-01"},
    ],
)

_EVENT_AFTER = regex.compile(r"[^，。；]{0,3}(?:大会|座谈会|纪念会|招待会|晚会|阅兵|讲话|活动|庆典|纪念章|纪念币|邮票|展览|文艺|献礼|"
                             r"主题|系列|专题|重要|盛典|仪式)")
_ANTICIPATE = regex.compile(r"迎接|迎来|喜迎|即将|前夕|献礼|筹备|明年|将|临近|着眼|到[^，。]{0,20}时|届时|之前|前后|目标|为")
_RETRO = regex.compile(r"去年|当年|那年|曾|回顾|时任|此前|上一年|此后")
_SHORT_NAME_PREV = set("是暨、，“（( \t\n")
_SHORT_NAME_PREV2 = ("庆祝", "纪念", "迎接", "喜迎", "恰逢", "正值", "适逢")


def _in_title(text: str, a: int, i: int) -> bool:
    """Is ``text[i]`` inside a 《title》 opened in the sentence starting at ``a``?"""
    j = text.rfind("《", a, i)
    return j >= 0 and text.find("》", j, i) < 0


@page_rule(RULE)
def anniversary(rc: RuleContext) -> None:
    page, ctx = rc.page, rc.ctx
    k = load_knowledge(ctx)
    pd = page.analysis("dates")
    text = page.text
    if "周年" not in text or k.founding_re is None:
        return
    by_name = {n: f for f in k.foundings for n in f[2]}
    for m in _near(k.founding_re, text, "周年", before=32, after=2):
        name = m.group("name")
        if len(name) <= 2 and m.start() > 0 and text[m.start() - 1] not in _SHORT_NAME_PREV and \
                text[max(0, m.start() - 2):m.start()] not in _SHORT_NAME_PREV2:
            continue  # 空军建军, 越共着眼于建党: a bare 建军/建党 is only ours after 庆祝, 纪念 …
        n = parse_int(m.group("n"))
        if n is None:
            continue
        what, fdate, _, where = by_name[name]
        a, b = _sentence(text, m.start(), m.end())
        ref, how = _ref_year(text, a, m.start(), pd.year)
        if ref is None:
            continue
        reached = ref - fdate.year  # the anniversary of the year spoken of
        fits = {reached}
        if how == "page" and (pd.precision != "day" or (pd.page_date.month, pd.page_date.day) <
                              (fdate.month, fdate.day)):
            # before this year's anniversary day (or the day unknown) the last one reached is a year back:
            # a report of March 2017 reviews the party's 95th anniversary of July 2016
            fits.add(reached - 1)
        if n in fits:
            continue
        expected = min(fits, key=lambda x: (abs(x - n), -x))
        sent = text[a:b]
        if _in_title(text, a, m.start()):
            continue  # 《庆祝中国共产党成立95周年大会上的讲话》: the title of a work names its own year
        present = k.present_re is not None and k.present_re.search(text, a, min(b, m.end() + 4)) is not None
        if not present and abs(n - expected) > 1:
            continue  # a past (or future) anniversary named — 为庆祝新中国成立35周年而创作 — not a claim about today
        after = text[m.end():m.end() + 12]
        event = _EVENT_AFTER.match(after) or (k.event_re is not None and k.event_re.match(after))
        if event and n < expected:
            continue  # a past anniversary's event (……100周年大会上的讲话) or the coming one's preparations
        if n > expected and _ANTICIPATE.search(sent):
            continue  # 以优异成绩迎接建军100周年: a coming anniversary
        if n < expected and _RETRO.search(sent):
            continue
        basis = {"written": f"同句写明的{ref}年", "relative": f"{ref}年（按页面日期推算）",
                 "page": f"页面日期的年份{ref}年"}[how]
        found = f"{fdate.year}年{fdate.month}月{fdate.day}日"
        rc.report(
            m.start(), m.end(),
            f"“{m.group()}”与年份不符：{what}于{found}（知识包 {where}），按{basis}应为{expected}周年。",
            suggestion=f"{name}{expected}周年", key=f"{what}{n}")
