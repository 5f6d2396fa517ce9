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
             "下一步，园区将坚持实施创",
             "园区今年新增企业四十家，带动就业三千余人，税收同比增长一成。",
             "园区还将举办投资推介会，邀请长三角地区的企业代表参加。",
             "新驱动发展战略，推动产业转型升级取得明显成效。"]
    page = _e_paper(*lines)
    assert Page.from_text("p.txt", page).layout.blocks[2].role == "subhead"  # what the layout makes of it
    fs = lint_text(page, SEL, path="p.txt")
    assert [(f.location.line, f.related[0].line) for f in fs] == [(7, 4)]
    # a head that opens as running text does (园区负责人表示，…: the pack's [[body_opening]]) is no subhead at all
    page = _e_paper(lines[0], "园区负责人表示，下一步，园区将坚持实施创", *lines[2:])
    assert Page.from_text("p.txt", page).layout.blocks[2].role == ""
    assert [(f.location.line, f.related[0].line) for f in lint_text(page, SEL, path="p.txt")] == [(7, 4)]


def test_a_short_real_subhead_is_not_taken_for_a_cut_head():
    lines = ["近年来，园区坚持实施创新驱动发展战略，产业结构持续优化。",
             "坚持实施创",
             "园区今年新增企业四十家，带动就业三千余人，税收同比增长一成。",
             "园区还将举办投资推介会，邀请长三角地区的企业代表参加。",
             "新驱动发展战略，推动产业转型升级取得明显成效。"]
    assert lint_text(_e_paper(*lines), SEL, path="p.txt") == []


# ---- evidence beyond the character model -----------------------------------------------------------
from newslint.checks import continuation as C  # noqa: E402

SPLIT_OR_MOVED = """# 园区加快转型

今年以来，园区引进了一批高新技术企业，这些企业已经成

园区今年新增企业四十家，带动就业三千余人。

据了解，园区还将举办多场招聘会，帮助高校毕业生就业。

为带动就业的主力军，为园区经济发展作出了贡献。
"""


def test_a_head_paired_with_its_tail_elsewhere_is_not_also_split_from_the_next_paragraph():
    fs = lint_text(SPLIT_OR_MOVED, ["structure"], path="p.md")
    assert [(f.rule, f.location.line) for f in fs] == [("structure-continuation", 9)]
    assert "第9行的段落应接在第3行之后" in fs[0].message
    # the split rule defers to structure-continuation only when that rule runs
    assert [f.location.line for f in lint_text(SPLIT_OR_MOVED, ["structure-split-paragraph"], path="p.md")] == [3]
    # without the tail, the next paragraph is the only reading left: the split rule reports it
    alone = SPLIT_OR_MOVED.replace("\n为带动就业的主力军，为园区经济发展作出了贡献。\n", "")
    assert [f.rule for f in lint_text(alone, ["structure"], path="p.md")] == ["structure-split-paragraph"]


def _candidates(text):
    page = Page.from_text("p.md", text)
    c = C.candidates(page)
    return page, c, {s.block.line: s for s in c.starts}, {e.block.line: e for e in c.ends}


SPEAKER = """## 园区加快转型

今年以来，园区引进了一批高新技术企业，这些企业已经

## 全区召开防汛工作会议

本报讯 全区防汛工作会议昨天召开，会议部署了汛期各项工作。

张明表示，各部门要压实责任，确保安全度汛。
"""


def test_a_paragraph_that_opens_with_its_own_speaker_is_no_tail_on_the_model_alone(monkeypatch):
    page, c, starts, ends = _candidates(SPEAKER)
    start, end = starts[9], ends[3]
    assert start.opens  # 张明表示，… opens with a speaker
    assert C._speech_openings(page) == {start.block.index}
    monkeypatch.setattr(C, "_lm_points", lambda tail, head: 4.0)  # say the model read the join as one sentence
    assert C._score(end, start, ())[0] == 0
    start.opens = False
    assert C._score(end, start, ())[0] > 0


COHESION = """## 园区举办招聘会

园区人社局联合高校举办专场招聘会，提供就业岗位两千余个。

招聘会现场，前来应聘的高校毕业生络绎不绝，企业

## 全区召开防汛工作会议

本报讯 全区防汛工作会议昨天召开，会议部署了汛期排涝泵站检修和防汛物资储备工作。

{tail}
"""


def test_a_start_that_reads_like_the_heads_article_scores_above_one_that_reads_like_its_own(monkeypatch):
    monkeypatch.setattr(C, "_lm_points", lambda tail, head: 4.0)
    monkeypatch.setattr(C, "PARA_COHESION", 0.0)  # (the article's words, not the head paragraph's)
    fits = COHESION.format(tail="纷纷拿出就业岗位，高校毕业生与企业现场签约。")
    foreign = COHESION.format(tail="纷纷检修排涝泵站，防汛物资储备全部到位。")
    scores = []
    for text in (fits, foreign):
        page, c, starts, ends = _candidates(text)
        scores.append(C._score(ends[5], starts[11], (), C._Page(page))[0])
        assert C._score(ends[5], starts[11], ())[0] == 4.0 - C.LM_ALONE  # the same without the page
    assert scores[1] < 4.0 - C.LM_ALONE - 1  # a start that reads like its own article counts against
    assert scores[0] > scores[1] + 1
    # with a word across the join, fitting the head's article counts for the pair
    page, c, starts, ends = _candidates(fits.replace("企业\n", "企业纷\n").replace("纷纷拿出", "纷拿出"))
    s = C._Start(starts[11].block, starts[11].head, 0, "")
    assert C._score(ends[5], s, (), C._Page(page))[0] >= C._score(ends[5], s, ())[0] + 1


def test_a_word_across_the_join_that_the_page_prints_whole_is_evidence(monkeypatch):
    monkeypatch.setattr(C, "PARA_COHESION", 0.0)  # (the page's words, not the head paragraph's)
    text = ("# 园区加快智慧城市建设\n\n园区今年将加快数字孪生城市建设，打造智慧园区。\n\n"
            "园区负责人介绍，下一步将推进数字孪\n\n据了解，园区今年新增企业四十家。\n\n生平台与城市大脑对接。\n")
    page = Page.from_text("p.md", text)
    pg = C._Page(page)
    assert pg.repeated_across("下一步将推进数字孪", "生平台与城市大脑对接") == "数字孪生"
    assert pg.repeated_across("下一步将推进数字", "平台与城市大脑对接") == ""  # 数字|平台: nothing printed whole
    c = C.candidates(page)
    end, start = c.ends[0], c.starts[-1]
    assert C._score(end, start, (), pg)[0] == C._score(end, start, ())[0] + C.REPEATED
    fs = lint_text(text, SEL, path="p.md")
    assert len(fs) == 1 and "在版面别处完整出现" in fs[0].message and "第9行的段落应接在第5行之后" in fs[0].message


SHORT_HEAD = """# 园区加快转型

近年来，园区产业结构持续优化，新增企业四十家。

园区管委会今年还将继续坚持实施创

园区今年新增企业四十家，带动就业三千余人。

新驱动发展战略，推动产业转型升级取得明显成效。
"""


def test_a_head_cut_short_without_a_clause_mark_is_still_an_open_end():
    """A body line short and unpunctuated reads as a headline (a signature, a date); one of 16 characters
    or more between paragraphs of its article can be a head cut short by the column break."""
    fs = lint_text(SHORT_HEAD, SEL, path="p.md")
    assert [(f.location.line, f.related[0].line) for f in fs] == [(9, 5)]
    assert lint_text(SHORT_HEAD.replace("园区管委会今年还将继续坚持实施创", "坚持实施创"), SEL, path="p.md") == []


def test_a_number_cut_in_two_is_evidence_but_a_date_opening_the_next_paragraph_is_not():
    from newslint.layout import Block

    end = C._End(Block("body", 0, 1, 3, "", article=0, index=1), "今年一季度，园区接待游客12万人次，环比增长5")

    def score(head):
        return C._score(end, C._Start(Block("body", 0, 1, 9, "", article=0, index=5), head, 0, ""), ())

    sc, why = score("3%，创历史同期新高。")
    assert sc >= C.MIN_SCORE and "一个数字与其后文被拆开" in why
    assert score("2023年4月1日起，园区实行新的开放时间。") == (0, [])  # 增长5 | 2023年…: no number runs on
    assert score("5年前，园区还是一片荒滩。") == (0, [])  # nor 增长5 | 5年前…
    assert score("7日下午，园区举行签约仪式。") == (0, [])  # nor 增长5 | 7日下午…


LOCAL = """## 园区举办招聘会

园区今年将继续扩大招聘规模。

园区人社局联合高校举办专场招聘会，提供智能制造、集成电路等岗位两千余个，前来应聘的毕业生

据了解，园区还将组织企业走进校园开展宣讲。

{tail}
"""


def test_a_start_that_shares_its_heads_paragraphs_words_scores_above_one_that_does_not(monkeypatch):
    """Local cohesion: a tail carries on its head's paragraph, so it shares that paragraph's rare words."""
    monkeypatch.setattr(C, "_lm_points", lambda tail, head: 4.0)
    scores = []
    for tail in ("纷纷咨询集成电路和智能制造企业的岗位要求。", "纷纷询问住房补贴和落户政策。"):
        page, c, starts, ends = _candidates(LOCAL.format(tail=tail))
        end, start = ends[5], starts[9]
        assert C._score(end, start, ())[0] == 4.0 - C.LM_ALONE  # the same without the page
        scores.append(C._score(end, start, (), C._Page(page)))
    assert scores[0][0] >= scores[1][0] + 1 and "这一段与上一半用词相同" in scores[0][1]
    assert scores[0][0] <= 4.0 - C.LM_ALONE + C.PARA_CAP  # (capped: a paragraph on the same subject is no tail)
