"""Splits and truncations on plain-text pages: the kinds of evidence that find a paragraph cut between whole
words where the page sets its lines without Markdown (fixtures invented)."""
import pytest

from helpers import lint_text, rule_ids
from newslint import layout
from newslint.checks.structure import split_evidence
from newslint.page import Page

STRUCT = ["structure"]
SPLIT = "structure-split-paragraph"
TRUNCATED = "structure-truncated-paragraph"


def blocks(text):
    return layout.analyse(Page.from_text("t.txt", text)).blocks


def found(text, rule, path="t.txt"):
    return [f for f in lint_text(text, STRUCT, path=path) if f.rule == rule]


FIRST = "本报讯　县里今年启动老街修缮工程，计划三年完成。"


# An e-paper page: a title flush left between blank lines, indented paragraphs without blank lines.
def epaper(*paras, title="某某县推进老街修缮工程"):
    return "\r\n" + title + "\r\n\r\n" + "".join("\u3000\u3000" + p + "\r\n" for p in paras)


# ---- evidence at the break ------------------------------------------------------------------------
@pytest.mark.parametrize("left,right,evidence", [
    ("县里依托自然资源和交通区位优势以及", "特色农产品快速通关的便利条件，发展外向型农业", "以及"),
    ("事件发生后，该局负责人被迫", "向公众道歉，并承诺彻查此事", "被迫"),
    ("他们对这项工作一直", "十分重视，多次召开专题会议", "一直"),
    ("某国经济学家安东尼", "·罗西认为，这一合作前景广阔", "间隔号"),
    ("患者连续服药10", "天，病情明显好转", "单位"),
    ("这项工作始于2014年", "10月15日，县里召开了动员大会", "日期"),
    ("在庆祝新中国成立70", "周年之际，各界人士纷纷致贺", "单位"),
    ("全村298户农户、900多", "人口，人均耕地不足一亩", "单位"),
    ("法国制片人、导演丹尼斯·阿", "尔努瓦说，这部纪录片很感人", "人名"),
    ("某集团全球副总裁王明", "表示，展会为各国企业提供了机遇", "表示"),  # the speaker above his verb
])
def test_split_evidence_of_words_no_clause_ends_on(left, right, evidence):
    why = split_evidence(left, right)
    assert why and evidence in why


@pytest.mark.parametrize("left,right", [
    ("全世界都将从合作中获益", "我第一次来到这座城市是在十年前。"),
    ("薪火相传，名家辈出", "学校的校训，代代相传。"),
    ("这种做法值得推广", "各地纷纷前来学习。"),  # 这种 opens the line: only the last word counts
    ("大会圆满闭幕", "此外，会议还通过了决议。"),
])
def test_no_such_evidence_after_a_whole_clause(left, right):
    assert split_evidence(left, right) is None


def test_a_paper_adds_words_no_clause_ends_on_through_a_pack(write):
    from newslint import packs

    left, right = "记者从会上获悉，该市业已", "建成公园二十座"
    assert split_evidence(left, right) is None
    pack = write("house.toml", '[[open_end_word]]\npattern = "业已"\nnote = "an adverb before its verb"\n')
    try:
        packs.activate([pack], None)
        assert "业已" in (split_evidence(left, right) or "")
    finally:
        packs.activate([], None)


def test_a_paper_adds_measure_words_through_a_pack(write, tmp_path):
    """A bare quantity opening a line is the object of the line above: the measure words are the layout
    pack's ``measure_word`` section, and a paper adds its own (an invented container unit: 标箱)."""
    from helpers import PM, RULES
    from newslint.config import Config
    from newslint.engine import Context, check_pages

    tail = "港口生产保持平稳，各项指标稳中有升。前十个月累计完成集装箱吞吐量"  # (no opening that is evidence of its own)

    def page(unit):
        return epaper(FIRST, tail, f"3200万{unit}，同比增长百分之五。")

    assert len(found(page("吨"), SPLIT)) == 1  # a listed unit
    assert found(page("标箱"), SPLIT) == []
    write("house.toml", '[[measure_word]]\npattern = "标箱"\nnote = "a container unit"\n')
    ctx = Context(PM, RULES, Config(root=tmp_path, data={"packs": ["house.toml"]}), select=[SPLIT])
    assert rule_ids(check_pages(ctx, [Page.from_text("t.txt", page("标箱"))]).findings) == [SPLIT]


# ---- indented pages: a line that holds whole sentences and stops mid-sentence ------------------------
def test_a_line_stopping_two_characters_into_a_clause_is_a_split():
    text = epaper(FIRST, "今年全县新建冷库十二座，粮食储存条件明显改善，质量良好、储存安全。建立",
                  "完善粮食储备监管机制，是下一步工作的重点。")
    assert len(found(text, SPLIT)) == 1
    whole = epaper(FIRST, "今年全县新建冷库十二座，粮食储存条件明显改善，质量良好、储存安全，群众满意",
                   "以信用监管为基础的新型监管机制，是下一步工作的重点。")
    assert found(whole, SPLIT) == []  # a pull quote that ends on a whole clause


@pytest.mark.parametrize("tail,head", [
    ("队员们不畏艰险，先后排除各类遗留爆炸物", "2400余枚，处置各类险情二十多起。"),  # a bare quantity: the object
    ("队员们不畏艰险、连续奋战，先后被授予", "“优秀集体”“模范单位”等称号，受到群众好评。"),  # quoted terms in a list
])
def test_a_line_opening_with_the_object_of_the_line_above_is_a_split(tail, head):
    text = epaper(FIRST, "今年以来，县消防救援大队组织开展专项行动四十余次。" + tail, head)
    assert len(found(text, SPLIT)) == 1


def test_a_paragraph_may_open_with_a_date_or_a_quoted_name():
    for head in ("2019年，全县各类险情明显减少。", "“平安县城”建设由此全面展开。"):
        text = epaper(FIRST, "今年以来，县消防救援大队组织开展专项行动四十余次，队员们不畏艰险、连续奋战，守护一方平安",
                      head)
        assert found(text, SPLIT) == []


@pytest.mark.parametrize("tail,head", [
    ("会议还明确提出深化产教融合的重大改革", "任务。今年七月，县里召开专题会议作出部署。"),
    ("会议还明确提出要加快推进职业教育", "改革。今年七月，县里召开专题会议作出部署。"),
])
def test_a_line_whose_first_clause_is_a_bare_noun_ends_the_sentence_above(tail, head):
    text = epaper(FIRST, "会议提出，要加快建设现代职业教育体系。" + tail, head)
    assert len(found(text, SPLIT)) == 1


def test_a_paragraph_may_open_with_a_time_word_a_connective_or_a_topic():
    for head in ("目前，县里已召开专题会议作出部署。", "此外，县里还将召开专题会议。", "旗帜，指引方向。"):
        text = epaper(FIRST, "会议提出，要加快建设现代职业教育体系。会议还明确提出深化产教融合的重大改革", head)
        assert found(text, SPLIT) == []


# ---- a subhead the page sets nothing else like --------------------------------------------------------
LONE = ("县里今年启动老街修缮工程，计划三年完成。",
        "修缮方案先后征求了三百多户居民的意见。",
        "老街修缮坚持修旧如旧原则，县里今年将进一步加大",
        "投入力度，同时加快配套设施建设。",
        "居民们说，老街的烟火气又回来了。")


def test_a_lone_subhead_shaped_like_running_text_is_a_cut_paragraph_head():
    text = epaper(*LONE)
    assert [b.role for b in blocks(text)].count("subhead") == 1
    fs = found(text, SPLIT)
    assert len(fs) == 1 and fs[0].fix is None  # the layout read it as a heading: no fix joins the two
    assert fs[0].severity == "info"  # form and the character model only: a note to check
    # opening as running text does (据介绍，: the layout pack's [[body_opening]]), the line is no subhead: the
    # split is a warning, and its fix joins the two
    text = epaper(LONE[0], LONE[1], "据介绍，" + LONE[2], *LONE[3:])
    assert "subhead" not in [b.role for b in blocks(text)]
    fs = found(text, SPLIT)
    assert len(fs) == 1 and fs[0].severity == "warning" and fs[0].fix is not None


def test_subheads_set_as_a_series_are_not_cut_heads():
    text = epaper(LONE[0], LONE[1], "坚持修旧如旧，老街留住烟火气", LONE[3], LONE[4],
                  "坚持共建共享，居民参与全过程", "居民代表全程参与施工监督。")
    assert found(text, SPLIT) == []


# ---- truncations -----------------------------------------------------------------------------------
def test_a_lead_with_no_text_after_it_is_the_article_cut_short():
    """The only paragraph between a title and the next article's title is no lead of anything."""
    text = epaper("全县今年新建冷库十二座。粮食储存条件明显改善，农民收入") + \
        "\r\n下一篇稿件的标题\r\n\r\n\u3000\u3000本报讯　今天全县召开会议。\r\n"
    assert len(found(text, TRUNCATED)) == 1


def test_a_lead_above_its_article_text_is_not_truncated():
    text = epaper("全县今年新建冷库十二座，粮食储存条件明显改善，农民收入稳步增长",
                  "本报讯　今天全县召开粮食工作会议，总结经验、部署工作。")
    assert found(text, TRUNCATED) == []


def test_a_numbered_paragraph_of_running_text_cut_before_a_heading_is_truncated():
    text = ("某某工作报告\n\n"
            "（二）深化重点领域改革。要全面深化各领域改革，着力破除制约高质量发展的体制机制障碍，增强发展\n\n"
            "三、下一阶段的主要任务\n\n"
            "今年要扎实推进各项工作。\n")
    assert rule_ids(found(text, TRUNCATED)) == [TRUNCATED]
    short = ("某某工作报告\n\n（二）深化重点领域改革\n\n三、下一阶段的主要任务\n\n今年要扎实推进各项工作。\n")
    assert found(short, TRUNCATED) == []  # a numbered heading is no paragraph


def test_on_a_spaced_page_a_first_line_holding_whole_sentences_is_no_lead():
    text = ("某某工作报告\n\n"
            "过去一年，全省经济运行总体平稳。解决这个问题的\n\n"
            "加快发展现代农业\n\n"
            "今年要扎实推进各项工作，确保粮食稳产增产。\n")
    assert TRUNCATED in rule_ids(lint_text(text, STRUCT))


def test_a_subhead_that_stops_two_characters_into_a_clause_is_a_cut_head():
    text = epaper(FIRST, "展会闭幕后，各项成果陆续落地。", "首届展会闭幕后的一年间，一大批展品变商品，相关",
                  "政策已经或正在落地，既满足了消费需求，也带动了产业升级。", "坚持开放合作，展会越办越好",
                  "展会规模逐年扩大。")
    fs = found(text, SPLIT)
    assert len(fs) == 1 and "相关" in fs[0].message and fs[0].fix is None


@pytest.mark.parametrize("line", ["坚持预防为主的方针，办好县乡两级医院，巩",  # read as a subhead
                                  "坚持稳中求进，突出主题、贯穿主线、统筹兼顾、协",  # an item of one character
                                  "第二，五年内取消农业税。今年"])  # read as a numbered section label
def test_a_subhead_that_stops_two_characters_into_a_clause_before_a_heading_is_truncated(line):
    text = ("某某工作报告\n\n今年要扎实推进各项工作。\n\n" + line + "\n\n"
            "加快发展现代农业\n\n"
            "今年要确保粮食稳产增产。\n")
    assert rule_ids(found(text, TRUNCATED)) == [TRUNCATED]


def test_a_foreign_name_cut_at_its_dot_is_a_split():
    text = epaper(FIRST, "论坛上，专家们纷纷发言。某国经济学家安东尼", "·罗西认为，这一合作前景广阔。")
    fs = found(text, SPLIT)
    assert len(fs) == 1 and "间隔号" in fs[0].message


def test_a_short_line_ending_on_such_a_word_stays_a_subhead_and_is_reported_without_a_fix():
    """The layout reads a line's role from its form; the split rule judges what the line stops on."""
    text = epaper(FIRST, "县里今年新建公园二十座，市民休闲去处更多了。", "事件发生后，该局负责人被迫",
                  "向公众道歉，并承诺彻查此事。", "坚持问题导向，整改落实到位", "整改工作已全部完成。")
    assert [b.role for b in blocks(text)].count("subhead") == 2
    fs = found(text, SPLIT)
    assert len(fs) == 1 and "被迫" in fs[0].message and fs[0].fix is None


def test_a_body_line_opening_with_a_numeral_and_holding_sentences_is_judged_as_running_text():
    text = epaper(FIRST, "十、双方同意加强教育、文化、旅游、传统医药等领域交流合作。中方将于明年在某国首都举") + \
        "\r\n下一篇稿件的标题\r\n\r\n\u3000\u3000本报讯　今天全县召开会议。\r\n"
    assert rule_ids(found(text, TRUNCATED)) == [TRUNCATED]


def test_a_noun_after_a_quoted_term_carries_the_line_above_on():
    text = epaper(FIRST, "县里今年启动老街修缮工程，计划三年完成。施工队全面推进“微改造”",
                  "工程。目前，老街东段已完工。")
    assert len(found(text, SPLIT)) == 1


def test_a_subhead_above_a_bare_quantity_is_a_cut_head():
    text = epaper(FIRST, "油田连续多年保持高产稳产。", "上世纪九十年代以来，大庆油田连续多年保持年产原油",
                  "5000万吨以上；近年来，油田加快转型发展。", "坚持创新驱动，老油田焕发新活力", "油田科技投入逐年增加。")
    fs = found(text, SPLIT)
    assert len(fs) == 1 and fs[0].fix is None


def test_a_one_line_summary_under_the_first_title_of_an_index_page_stays_a_lead():
    """Only a line holding whole sentences is the cut-short text of its article; a summary reads as one line."""
    text = ("\r\n全县新建公园二十座\r\n\r\n\u3000\u3000今年以来全县新建口袋公园和社区公园二十座，"
            "市民休闲去处更多了，城市颜值不断提升，群众的获得感幸福感持续增强，"
            "下一步全县还将结合老旧小区改造继续建设一批家门口的小微公园和健身步道\r\n"
            "\r\n秋粮收购有序开展\r\n\r\n\u3000\u3000本报讯　今年全县秋粮收购工作已全面展开。\r\n")
    assert found(text, TRUNCATED) == []


def test_a_cut_line_over_a_paragraph_that_opens_its_own_sentence_is_not_joined_to_it():
    """The rest of a cut line printed elsewhere (a column scramble): the line below opens a sentence of its own,
    so the line is no split with it and no fix joins the two."""
    text = epaper(FIRST, "今年全县新建冷库十二座，粮食储存条件明显改善，质量良好、储存安全。建立",
                  "2018年，县里启动了粮食仓储设施改造试点。")
    assert found(text, SPLIT) == []


MID = "县里今年启动老街修缮工程，计划三年完成。修缮中坚持修旧如旧的原则，请来老匠人按老照片"
DONE = "老街全长一千二百米，两旁有明清时期的店铺八十余间、古井三口，是县城保存最完整、人气最旺的历史街区。"


def test_a_line_of_whole_sentences_cut_in_the_middle_of_the_text_is_a_split_or_a_truncation():
    """On an indented page a line that holds whole sentences and stops without a mark is a lead or a pull quote
    where a paper sets them (under a title, a subhead, a name line); right after a finished paragraph of running
    text it was cut — a split when the next line reads on, a truncation when it opens a sentence of its own."""
    fs = found(epaper(FIRST, DONE, MID, "复原门面，恢复了青石板路和木格窗。"), SPLIT)
    assert len(fs) == 1 and fs[0].fix is not None and "前面是一段完整的正文" in fs[0].message
    text = epaper(FIRST, DONE, MID, "居民们说，老街的烟火气又回来了。")
    assert found(text, SPLIT) == [] and len(found(text, TRUNCATED)) == 1
    # under the title the same line is where a lead stands; a quotation set as a subhead ends on its quote
    assert found(epaper(MID, "复原门面，恢复了青石板路和木格窗。"), TRUNCATED) == []
    quote = "“老街修好了，我们都很高兴。这是大家盼了多年的事”"
    text = epaper(FIRST, DONE, quote, "居民们说，老街的烟火气又回来了。")
    assert found(text, SPLIT) == [] and found(text, TRUNCATED) == []
