"""Rule ``wording-faulty-phrase``: known faulty phrases with their correction, from the data pack."""
from __future__ import annotations

from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import blocks, pack_of

RULE = Rule(
    id="wording-faulty-phrase",
    category="wording",
    severity="warning",
    summary="常见错别字或错误搭配（再接再励→再接再厉），依据数据包",
    explanation="""\
数据包 rules/wording.toml 的 [[phrase]] 列出公认的错误写法及其正确写法（如 再接再励→再接再厉、
迫不急待→迫不及待、按装→安装、截止目前→截至目前），每条注明出处。只收没有歧义的写法；
可能在别的语境中正确的，用 not_before / not_after 排除。用户可用 packs 配置加入自己的词表。

Known faulty phrases from the data pack, each with its correction and source.""",
    bad="希望大家再接再励，迫不急待地投入工作。",
    good="希望大家再接再厉，迫不及待地投入工作。",
    fixable=True,
    needs=("dates",),
    examples=[
        {"text": "希望大家再接再励，再创佳绩。\n", "fires": True, "date": None},
        {"text": "希望大家再接再厉，再创佳绩。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def faulty_phrase(rc: RuleContext) -> None:
    pack = pack_of(rc.ctx)
    page = rc.page
    if pack.phrase_re is None or not pack.phrase_re.search(page.text):
        return  # (literal phrases: none on the page, none in any of its blocks — most pages)
    for b in blocks(page):
        s = b.text
        base = b.start
        for m in pack.phrase_re.finditer(s):
            wrong, right, reason, nb, na = pack.by_wrong[m.group()]
            if na is not None and na.search(s[max(0, m.start() - 12):m.start()]):
                continue
            if nb is not None and nb.match(s, m.end()):
                continue
            since = pack.since.get(wrong)
            if since is not None:
                year = page.analysis("dates").year
                if year is not None and year < since:
                    continue  # the form was standard when the page was written (好象 before 1986)
            a = base + m.start()
            rc.report(a, a + len(wrong), f"“{wrong}”应为“{right}”" + (f"（{reason}）" if reason else ""),
                      suggestion=right, fix=Fix(a, a + len(wrong), right), key=wrong)
