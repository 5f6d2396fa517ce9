"""The character model at work (invented text): a moved tail cut between two whole words is paired with its
head, a plain-text paragraph split between two words is reported, and what reads as two sentences is not."""
from helpers import lint_text
from newslint.analyses import charlm

PAIR = ["structure-continuation"]
STRUCT = ["structure"]

# cut between 已经 and 成为: no word across the cut, nothing dangling, an ordinary first character
MOVED_BETWEEN_WORDS = """## 园区加快转型

据了解，园区还将举办多场招聘会，帮助高校毕业生就业。

今年以来，园区引进了一批高新技术企业，这些企业已经

## 全区召开防汛工作会议

本报讯 全区防汛工作会议昨天召开，会议部署了汛期各项工作。

成为带动就业的主力军，为园区经济发展作出了贡献。
"""


def test_a_tail_cut_between_two_words_is_paired_by_the_character_model():
    assert charlm.join_score("这些企业已经", "成为带动就业的主力军") > 12
    fs = lint_text(MOVED_BETWEEN_WORDS, PAIR, path="p.md")
    assert len(fs) == 1
    assert "第11行的段落应接在第5行之后" in fs[0].message and "通顺" in fs[0].message


def test_an_ordinary_paragraph_opening_is_not_taken_for_the_tail():
    text = MOVED_BETWEEN_WORDS.replace("成为带动就业的主力军，为园区经济发展作出了贡献。",
                                       "会议强调，各部门要压实责任，确保安全度汛。")
    assert charlm.join_score("这些企业已经", "会议强调，各部门要压实责任") < 8
    assert lint_text(text, PAIR, path="p.md") == []


# an e-paper article: CRLF, full-width indents, no blank lines between paragraphs
EPAPER_SPLIT = (
    "园区加快转型\r\n"
    "\r\n"
    "　　本报某地5月11日电  （记者张明）今年以来，园区引进了一批高新技术企业。一年下来，这些企业早已\r\n"
    "　　成为带动就业的主力军，为全区经济发展作出了贡献。\r\n"
)


def test_a_plain_text_paragraph_split_between_two_words_is_reported():
    fs = [f for f in lint_text(EPAPER_SPLIT, STRUCT) if f.rule == "structure-split-paragraph"]
    assert len(fs) == 1 and fs[0].location.line == 3 and "通顺" in fs[0].message
    assert fs[0].fix is not None and fs[0].fix.applicability == "unsafe"


def test_a_lead_line_before_the_body_is_not_joined_when_the_two_read_as_two_sentences():
    text = (
        "园区加快转型\r\n"
        "\r\n"
        "　　一座老工业园区的转型之路，从一次次改革中走来，从一家家企业中走来\r\n"
        "　　十月的园区，处处是繁忙景象。园区今年新引进企业四十家，带动就业两千人。\r\n"
    )
    assert charlm.join_score("从一家家企业中走来", "十月的园区，处处是繁忙景象") < 8
    assert [f for f in lint_text(text, STRUCT) if f.rule == "structure-split-paragraph"] == []


def test_a_start_opening_with_a_mark_is_read_after_each_end_by_how_readily_the_mark_follows_it():
    from newslint.analyses.joins import mark_score
    from newslint.checks.continuation import _lm_points

    head = "，园区将进一步优化营商环境"
    assert mark_score("园区负责人介绍，近年来", head) > mark_score("园区还将建设一批", head) + 4
    assert _lm_points("园区负责人介绍，近年来", head) > 0 == _lm_points("园区还将建设一批", head)
    assert mark_score("园区还将建设一批", "园区将进一步优化") is None  # no mark: the two halves of score() read it
    assert mark_score("近年来，", head) is None  # a mark on both sides: nothing to read
