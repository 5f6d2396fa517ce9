"""Rule ``structure-truncated-paragraph``: a paragraph stops mid-sentence and nothing continues it."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import breaks

RULE = Rule(
    id="structure-truncated-paragraph",
    category="structure",
    severity="warning",
    summary="段落在句子中间结束，后文缺失",
    explanation="""\
段落没有句末标点就结束，其后是标题、另一篇稿件或版面结尾，没有任何段落接续它，如“据了解，2022年示范区”。
通常是拼版时后文被截掉或漏排，需要补齐或删去残句。带序号的正文段落（“（二）……。……”）同样判断；
标题下唯一的一段后面直接是下一篇稿件的标题时，它是这篇稿件的正文而不是导语；停在新分句第一两个字上的
“小标题”（“……，巩”）也是被截断的段落。

A paragraph of running text that ends mid-sentence with nothing continuing it (a heading, another
article or the end of the page follows): the rest of it was lost.""",
    bad="据了解，2022年示范区\n\n## 下一篇稿件的标题",
    good="据了解，2022年示范区规上企业总数达到120家。\n\n## 下一篇稿件的标题",
    examples=[
        {"text": "## 示范区企业发展迅速\n\n据了解，2022年示范区\n\n## 下一篇稿件的标题\n\n本报讯 会议召开。\n", "fires": True, "date": None},
        {"text": "## 示范区企业发展迅速\n\n据了解，2022年示范区规上企业总数达到120家。\n\n## 下一篇稿件的标题\n\n本报讯 会议召开。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def truncated_paragraph(rc: RuleContext) -> None:
    for b, tail in breaks(rc.page).truncated:
        rc.report(max(b.start, b.end - 6), b.end,
                  f"段落在句子中间结束（“…{tail[-10:]}”），后面没有接续的内容，后文可能缺失", key=tail[-12:])
