"""Rule ``punctuation-doubled``: clause marks doubled or run together (，， 。。 ，。)."""
from __future__ import annotations

import regex

from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import context_key

RULE = Rule(
    id="punctuation-doubled",
    category="punctuation",
    severity="warning",
    summary="点号重复或连用（，，　。。　，。　？，），多打了或漏删了一个",
    explanation="""\
逗号、顿号、分号、冒号、句号两个连在一起（“，，”“。。”“，。”“、，”），或问号、叹号后面又跟一个点号，
在 GB/T 15834 中都不成立，多是改稿时删字留下的或多敲了一次。同一个点号重复时 `--fix` 只留一个；
不同点号连用时要由编辑决定留哪一个，不自动修改。省略号“……”和破折号“——”本来就是两个字符，不在此列。

Two sentence or clause marks in a row (，， 。。 ，。 、，, or a mark after ？/！): one was typed twice or
left behind by an edit. A mark doubled is fixed to one; two different marks are left to the editor.""",
    bad="会议强调，，要压实责任。。",
    good="会议强调，要压实责任。",
    fixable=True,
    examples=[
        {"text": "会议强调，，要压实责任。\n", "fires": True, "date": None},
        {"text": "会议强调，要压实责任。\n", "fires": False, "date": None},
    ],
)
_DOUBLED_RE = regex.compile(r"[，、；：。！？][，、；：。]+")


@page_rule(RULE)
def doubled(rc: RuleContext) -> None:
    text = rc.page.text
    for m in _DOUBLED_RE.finditer(text):
        run = m.group()
        same = len(set(run)) == 1
        rc.report(
            m.start(), m.end(),
            f"“{run}”：{'同一个点号重复' if same else '点号连用'}，" + ("应只留一个" if same else "应只留其中一个"),
            suggestion=run[0] if same else None, fix=Fix(m.start(), m.end(), run[0], "safe") if same else None,
            key=context_key(text, m.start()))
