"""Rule ``structure-missing-headline``: a news item whose dateline follows the previous item's body: its headline
was lost."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule

RULE = Rule(
    id="structure-missing-headline",
    category="structure",
    severity="warning",
    summary="稿件没有标题：电头直接接在上一篇稿件的正文后面",
    explanation="""\
版面上的稿件都有标题，而某篇以“本报讯（记者……）”之类的电头开头的稿件直接接在上一篇稿件的正文后面，
没有自己的标题，多是拼版时标题丢失。“又讯”表示同题的另一则消息，本来就不带标题，不报告；
版面上多数稿件没有标题时（如简讯栏）也不报告。

A news item that opens with a dateline (本报讯…) right after the body of the previous item, on a
page whose other items have headlines: its headline was lost. 又讯 items are headless by design.""",
    bad="……确保各项工作不留盲点。\n\n本报讯（记者王明）4月28日上午，高新区召开安全生产工作会议……",
    good="……确保各项工作不留盲点。\n\n## 高新区召开安全生产工作会议\n\n本报讯（记者王明）4月28日上午……",
    examples=[
        {"text": "## 示范区举办招聘会\n\n本报讯 招聘会现场气氛热烈。\n\n## 示范区召开推进会\n\n本报讯（记者王明）会议要求，确保各项工作不留盲点。\n\n本报讯（记者李华）4月28日上午，高新区召开安全生产工作会议。\n", "fires": True, "date": None},
        {"text": "## 示范区举办招聘会\n\n本报讯 招聘会现场气氛热烈。\n\n## 示范区召开推进会\n\n本报讯（记者王明）会议要求，确保各项工作不留盲点。\n\n## 高新区召开安全生产工作会议\n\n本报讯（记者李华）4月28日上午，高新区召开安全生产工作会议。\n", "fires": False, "date": None},
    ],
)


# Datelines that introduce a further item under the same headline, headless by design.
_FOLLOW_ON_DATELINE = regex.compile(r"^[*_]{0,2}(?:又讯|另讯|再讯|还讯)")


_DATED = regex.compile(r"\d|[一二三四五六七八九十]+日")


def _same_place_and_date(d, article) -> bool:
    """The dateline ``d`` names the place and date of the dateline of ``article`` (本报香港10月1日电 under an
    article that opened with 本报香港10月1日电): a further report of the same round-up, not a story whose
    headline was lost.  A bare 本报讯 names neither and proves nothing."""
    from ...layout import conventions

    first = article.dateline
    if first is None:
        return False
    conv = conventions()
    a, b = conv.dateline.match(d.text), conv.dateline.match(first.text)
    return bool(a and b and a.group() == b.group() and _DATED.search(a.group()))


@page_rule(RULE)
def missing_headline(rc: RuleContext) -> None:
    page = rc.page
    layout = page.layout
    news = [a for a in layout.articles if a.kind in ("news", "commentary")]
    headed = [a for a in news if a.headings]
    if len(headed) < 2 or len(headed) * 2 < len(news):
        return  # a page of briefs, or one without headlines at all
    blocks = layout.blocks
    for a in layout.articles:
        if a.kind != "news" or a.headings or not a.blocks or a.blocks[0].kind != "dateline":
            continue
        d = a.blocks[0]
        if _FOLLOW_ON_DATELINE.match(d.text) or d.index == 0:
            continue
        prev = blocks[d.index - 1]
        prev_article = layout.articles[prev.article] if prev.article >= 0 else None
        if not prev.is_text or prev_article is None or not prev_article.headings:
            continue
        if _same_place_and_date(d, prev_article):
            continue  # 本报香港10月1日电 twice under one headline: a round-up of reports from one place that day
        rc.report(
            d.start, min(d.end, d.start + 12),
            f"这篇稿件没有标题：电头直接接在上一篇稿件《{prev_article.title[:20]}》的正文后面，标题可能丢失",
            related=[page.location(prev.start, min(prev.end, prev.start + 1), "上一篇稿件的最后一段")],
            key=d.text[:20])
