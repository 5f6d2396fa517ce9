"""Section blocks: a short block printed twice, stacked numbered heads (fixtures invented)."""
from helpers import lint_text, rule_ids

QUOTES = """# 学习笔记

一、坚持人民至上

“民之所忧，我必念之。”

二、坚持自信自立

“路是走出来的。”

三、坚持守正创新

“守正才能不迷失方向。”
"""


def test_a_short_section_printed_again_under_another_number_is_a_repeated_block():
    text = QUOTES + "\n四、坚持人民至上\n\n“民之所忧，我必念之。”\n"
    fs = lint_text(text, ["duplicate-block"], path="p.md")
    assert len(fs) == 1 and fs[0].location.line == 15 and "第3行" in fs[0].message
    assert fs[0].related[0].line == 3


def test_distinct_sections_and_a_repeated_heading_with_another_body_are_fine():
    assert lint_text(QUOTES, ["duplicate-block"], path="p.md") == []
    text = QUOTES + "\n四、坚持人民至上\n\n“江山就是人民，人民就是江山。”\n"
    assert lint_text(text, ["duplicate-block"], path="p.md") == []


def test_a_stack_of_heads_is_one_finding():
    text = QUOTES.replace("“路是走出来的。”\n\n", "") + "\n四、坚持问题导向\n\n“问题是时代的声音。”\n"
    fs = lint_text(text, ["structure-stacked-headings"], path="p.md")
    assert len(fs) == 1 and fs[0].location.line == 7
    assert "第7行" in fs[0].message and "第9行" in fs[0].message and len(fs[0].related) == 1


def test_numbered_list_items_and_outlines_are_not_stacked_heads():
    outline = "# 报名须知\n\n一、报名时间\n\n二、报名地点\n\n三、报名方式\n"
    assert lint_text(outline, ["structure-stacked-headings"], path="p.md") == []
    items = QUOTES + "\n本期要点：\n\n1.园区召开推进会；\n\n2.企业代表座谈；\n\n3.项目集中签约。\n"
    assert rule_ids(lint_text(items, ["structure-stacked-headings"], path="p.md")) == []


def test_an_unnumbered_subhead_and_its_short_paragraph_printed_again():
    """A subhead with a one-line quotation under it, printed again further down (plain e-paper text)."""
    lines = ["示范区召开民生工作会议", "", "　　本报讯 会议总结了今年的民生工作，部署了下一步任务。",
             "　　民生实事", "　　“群众的事再小也是大事。”", "　　营商环境", "　　“企业有呼声，政府有回应。”",
             "　　民生实事", "　　“群众的事再小也是大事。”"]
    fs = lint_text("\r\n".join(lines) + "\r\n", ["duplicate-block"], path="a.txt")
    assert [(f.location.line, f.related[0].line) for f in fs] == [(8, 4)]
    # the same subhead over other words is a recurring label, not a repeat
    lines[-1] = "　　“件件有着落，事事有回音。”"
    assert lint_text("\r\n".join(lines) + "\r\n", ["duplicate-block"], path="b.txt") == []
