"""Rule ``structure-empty-heading``: a Markdown heading followed directly by a heading of the same or a
higher rank."""
from __future__ import annotations

from ...finding import Rule
from ...layout import plain_page
from ...rule import RuleContext, page_rule
from .common import _text_blocks

RULE = Rule(
    id="structure-empty-heading",
    category="structure",
    severity="warning",
    summary="标题下没有正文，紧接着是同级或更高级的标题",
    explanation="""\
Markdown 标题后面直接跟着同级或更高级的标题，这一节没有任何内容（正文、图片说明或下级标题），
多是稿件漏排或标题多余。栏目标题后接下级标题（如“### 一周动态”后接“#### 稿件标题”）不报告。
只有标题区用 Markdown 标记的稿件（正文中没有 Markdown 标题），开头连续排列（其间不空行、正文段首缩进，
或第一行标题比其余几行高一级，如“# 引题”下的“## 主题”“## 副题”）的几行标题是引题、主题、副题，不报告。

A Markdown heading directly followed by a heading of the same or a higher rank: its section is empty.
A section heading followed by deeper headings is fine.  On a page whose Markdown marks only its title block
(no heading below its text), the headings stacked at its top — set solid, over an indented body, or under a
first heading that outranks them — are that block (引题, 主题, 副题) and are not reported.""",
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
    # A page whose Markdown marks only its title block (a converted e-paper article, a CMS export, a Word story
    # with heading styles): its stacked headings are the lines of that block — 引题, 主题, 副题 — not sections
    # without a body, when they are set solid (no blank line between them), stand over an indented body, or
    # open with a heading that outranks the rest (# 引题 / ## 主题 / ## 副题: one title, its decks under it).
    top = next((i for i, b in enumerate(blocks) if b.kind != "heading" or not b.level), len(blocks))
    deck = plain_page(blocks) and (not any(b.blank_before for b in blocks[1:top]) or (
        top < len(blocks) and blocks[top].indented) or (
        top > 2 and all(0 < blocks[0].level < b.level for b in blocks[1:top]))) and top
    for i, (b, nxt) in enumerate(zip(blocks, blocks[1:])):
        if deck and i + 1 < deck:
            continue
        if b.kind == "heading" and b.level > 0 and nxt.kind == "heading" and 0 < nxt.level <= b.level:
            rc.report(b.start, b.end,
                      f"标题“{b.text[:20]}”下没有内容，紧接着是{'同级' if nxt.level == b.level else '更高一级'}标题",
                      related=[page.location(nxt.start, nxt.end, "下一个标题")], key=b.text)
