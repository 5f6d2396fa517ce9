"""Rule ``wording-repeated-le``: two verbs each with its own 了 back to back (会议传达了学习了…)."""
from __future__ import annotations

from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import blocks, le_pairs, pack_of

RULE = Rule(
    id="wording-repeated-le",
    category="wording",
    severity="warning",
    summary="两个动词各带“了”连用（传达了学习了），多了一个“了”",
    explanation="""\
“会议传达了学习了……精神”这类写法是改稿时留下的残迹：两个并列动词只需在后一个后面带“了”，
应写作“传达学习了”或“传达了、学习了”。本规则查找“动词＋了＋动词＋了”紧挨着出现的情况
（动词由 jieba 词典的词性判断），并给出删去第一个“了”的修改。

Two verbs each followed by 了 back to back (传达了学习了): an editing leftover; the first 了 goes.""",
    bad="会议传达了学习了习近平总书记的重要讲话精神。",
    good="会议传达学习了习近平总书记的重要讲话精神。",
    fixable=True,
    needs=("tokens",),
    examples=[
        {"text": "会议传达了学习了上级会议精神。\n", "fires": True, "date": None},
        {"text": "会议传达学习了上级会议精神。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def repeated_le(rc: RuleContext) -> None:
    pack = pack_of(rc.ctx)
    for b in blocks(rc.page):
        s = b.text
        base = b.start
        if "了" not in s:
            continue
        for v1, le1, v2, le2 in le_pairs(s, pack):
            a, e = base + v1[1], base + le2[2]
            rc.report(a, e, f"“{s[v1[1]:le2[2]]}”中两个动词各带“了”，多了一个“了”，可改为“{v1[0]}{v2[0]}了”",
                      suggestion=f"{v1[0]}{v2[0]}了", fix=Fix(base + le1[1], base + le1[2], ""),
                      key=s[v1[1]:le2[2]])
