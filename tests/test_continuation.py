"""Continuation pairing: a paragraph's tail printed elsewhere on the page (fixtures invented)."""
from helpers import lint_text
from newslint.fixing import apply_to_text
from newslint.page import Page


def apply_fixes(text, fixes):
    return apply_to_text(Page.from_text("p.md", text), fixes)[0]

SEL = ["structure-continuation"]

MOVED_OTHER = """## 示范区推进基层治理

会议要求，各村要把群众工作做实做细，既

## 示范区举办招聘会

本报讯 招聘会现场气氛热烈，群众纷纷点赞。

要讲政策、讲感情，又要讲方法，切实解决群众的急难愁盼问题。
"""

MOVED_WORD = """# 园区加快转型

近年来，园区坚持实施创

园区今年新增企业四十家，带动就业三千余人。

新驱动发展战略，推动产业转型升级取得明显成效。
"""


def test_a_tail_under_another_article_is_paired_with_its_head():
    fs = lint_text(MOVED_OTHER, SEL, path="p.md")
    assert len(fs) == 1
    f = fs[0]
    assert f.location.line == 9 and "第9行的段落应接在第3行之后" in f.message and "另一篇稿件" in f.message
    assert "既" in f.message and f.related[0].line == 3
    assert f.fix is not None and f.fix.applicability == "unsafe"


def test_a_tail_starting_mid_word_is_paired_and_the_fix_moves_it_back():
    fs = lint_text(MOVED_WORD, SEL, path="p.md")
    assert [f.location.line for f in fs] == [7]
    assert "创新" in fs[0].message
    fixed = apply_fixes(MOVED_WORD, [fs[0].fix])
    assert "近年来，园区坚持实施创新驱动发展战略，推动产业转型升级取得明显成效。" in fixed
    assert fixed.count("新驱动") == 1 and fixed.rstrip().endswith("带动就业三千余人。")


def test_a_tail_printed_before_its_head_is_moved_after_it():
    text = ("# 园区加快转型\n\n新驱动发展战略，推动产业转型升级取得明显成效。\n\n园区今年新增企业四十家，带动就业三千余人。\n\n"
            "近年来，园区坚持实施创\n")
    fs = lint_text(text, SEL, path="p.md")
    assert [f.location.line for f in fs] == [3] and "接在第7行之后" in fs[0].message
    fixed = apply_fixes(text, [fs[0].fix])
    assert fixed == ("# 园区加快转型\n\n园区今年新增企业四十家，带动就业三千余人。\n\n"
                     "近年来，园区坚持实施创新驱动发展战略，推动产业转型升级取得明显成效。\n")


def test_whole_paragraphs_are_not_paired():
    text = MOVED_WORD.replace("实施创\n", "实施创新驱动发展战略。\n").replace("新驱动发展战略，推动", "园区推动")
    assert lint_text(text, SEL, path="p.md") == []


def test_an_ordinary_start_does_not_pair_with_an_open_end():
    # the open end has no partner: the truncation is the structure rules' business, not a pairing
    text = MOVED_WORD.replace("新驱动发展战略，推动", "园区推动")
    assert lint_text(text, SEL, path="p.md") == []


def test_two_equally_good_partners_are_no_pairing():
    text = MOVED_WORD.replace("园区今年", "同时，园区积极推进创\n\n园区今年")
    # 实施创|新驱动 and 推进创|新驱动: two heads fit the tail equally well, so neither pairing is reported
    assert lint_text(text, SEL, path="p.md") == []


def _e_paper(*lines):
    """A plain e-paper page: a title, a blank line, indented paragraphs, CRLF."""
    return "\r\n".join(["园区加快转型", ""] + ["　　" + x for x in lines]) + "\r\n"


def test_a_cut_head_the_plain_layout_reads_as_a_subhead_is_still_paired():
    """A paragraph's head cut short by the column break looks like a subhead on a plain page (no end mark);
    one with a clause inside, between running text of its article, is still a head its tail can join."""
    lines = ["近年来，园区坚持实施创新驱动发展战略，产业结构持续优化。",
             "园区负责人表示，下一步，园区将坚持实施创",
             "园区今年新增企业四十家，带动就业三千余人，税收同比增长一成。",
             "园区还将举办投资推介会，邀请长三角地区的企业代表参加。",
             "新驱动发展战略，推动产业转型升级取得明显成效。"]
    page = _e_paper(*lines)
    assert Page.from_text("p.txt", page).layout.blocks[2].role == "subhead"  # what the layout makes of it
    fs = lint_text(page, SEL, path="p.txt")
    assert [(f.location.line, f.related[0].line) for f in fs] == [(7, 4)]


def test_a_short_real_subhead_is_not_taken_for_a_cut_head():
    lines = ["近年来，园区坚持实施创新驱动发展战略，产业结构持续优化。",
             "坚持实施创",
             "园区今年新增企业四十家，带动就业三千余人，税收同比增长一成。",
             "园区还将举办投资推介会，邀请长三角地区的企业代表参加。",
             "新驱动发展战略，推动产业转型升级取得明显成效。"]
    assert lint_text(_e_paper(*lines), SEL, path="p.txt") == []
