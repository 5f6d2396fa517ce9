"""Rule ``structure-empty-heading``: a Markdown heading followed directly by a heading of the same or a
higher rank."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, page_rule
from ...layout import plain_page
from .common import _text_blocks

RULE = Rule(
    id="structure-empty-heading",
    category="structure",
    severity="warning",
    summary="标题下没有正文，紧接着是同级或更高级的标题",
    explanation="""\
Markdown 标题后面直接跟着同级或更高级的标题，这一节没有任何内容（正文、图片说明或下级标题），
多是稿件漏排或标题多余。栏目标题后接下级标题（如“### 一周动态”后接“#### 稿件标题”）不报告。
只有标题区用 Markdown 标记、正文仍是纯文本（段首缩进，或段间不空行）的稿件，开头连续的几行标题是
引题、主题、副题，不报告。

A Markdown heading directly followed by a heading of the same or a higher rank: its section is empty.
A section heading followed by deeper headings is fine.  On a page whose Markdown marks only its title block
over a plain-text body (indented paragraphs, or none set apart by blank lines), the stacked headings at its
top are that block (引题, 主题, 副题) and are not reported.""",
    bad="## 示范区召开推进会\n\n## 示范区召开安全生产会议\n\n本报讯……",
    good="## 示范区召开推进会\n\n本报讯……\n\n## 示范区召开安全生产会议\n\n本报讯……",
    examples=[
        {"text": "## 示范区召开推进会\n\n## 示范区召开安全生产会议\n\n本报讯 会议召开。\n", "fires": True, "date": None},
        {"text": "## 示范区召开推进会\n\n本报讯 会议召开。\n\n## 示范区召开安全生产会议\n\n本报讯 会议召开。\n", "fires": False, "date": None},
        {"text": "## 老街修缮见成效\n## 某某县推进历史街区保护利用\n　　本报讯 县里今年完成老街修缮。\n　　修缮中坚持修旧如旧。\n",
         "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def empty_heading(rc: RuleContext) -> None:
    page = rc.page
    blocks = _text_blocks(page)
    # A page whose Markdown marks only its title block over a plain-text body (a converted e-paper article, a
    # Word story with heading styles): its stacked headings are the lines of that block — 引题, 主题, 副题 —
    # not sections without a body.
    deck = plain_page(blocks) and next((i for i, b in enumerate(blocks) if b.kind != "heading"), len(blocks))
    for i, (b, nxt) in enumerate(zip(blocks, blocks[1:])):
        if deck and i + 1 < deck:
            continue
        if b.kind == "heading" and b.level > 0 and nxt.kind == "heading" and 0 < nxt.level <= b.level:
            rc.report(b.start, b.end,
                      f"标题“{b.text[:20]}”下没有内容，紧接着是{'同级' if nxt.level == b.level else '更高一级'}标题",
                      related=[page.location(nxt.start, nxt.end, "下一个标题")], key=b.text)
