"""Plain-text layout (no Markdown marks) and the structure rules on it (fixtures invented)."""
import pytest

from helpers import lint_text, rule_ids
from newslint import layout
from newslint.page import Page

STRUCT = ["structure"]


def blocks(text):
    return layout.analyse(Page.from_text("t.txt", text)).blocks


def kinds(text):
    return [(b.text[:8], b.kind, b.role) for b in blocks(text)]


def fixed(run_cli, write, name, text):
    """The file after ``--fix --unsafe-fixes`` of the structure rules."""
    p = write(name, text)
    run_cli("check", "--no-cache", "--select", "structure", "--fix", "--unsafe-fixes", p)
    return p.read_bytes().decode("utf-8")


# An e-paper article: CRLF, an unmarked title block, full-width indents, no blank lines between paragraphs.
EPAPER = (
    "\r\n"
    "让古镇老街焕发新活力\r\n"
    "某某县推进历史街区保护利用（民生观）\r\n"
    "\r\n"
    "　　本报某地5月11日电  （记者张明）记者日前从某某县获悉，当地去年启动老街修缮工程，今年已完成过半。\r\n"
    "　　“老街要修旧如旧，更要留住烟火气”\r\n"
    "　　走进修缮后的老街，石板路两旁的店铺陆续开门迎客。县里请来老匠人，按照老照片一砖一瓦复原门面。\r\n"
    "　　●提高居民参与度\r\n"
    "　　修缮方案先后征求了三百多户居民的意见，居民代表全程参与施工监督。\r\n"
    "　　版式设计：李小红\r\n"
)


def test_epaper_title_block_subheads_and_credit_are_read_from_their_form():
    ks = kinds(EPAPER)
    assert ks[0][1:] == ("heading", "title") and ks[1][1:] == ("heading", "title")
    assert ks[2][1] == "dateline"
    assert ks[3][1:] == ("heading", "subhead")  # a quotation used as a subhead
    assert ks[5][1:] == ("heading", "label")  # a bullet subhead
    assert ks[7][1:] == ("body", "production")  # (kind body: other rules read it as before)
    arts = layout.analyse(Page.from_text("t.txt", EPAPER)).articles
    assert len(arts) == 1 and arts[0].title == "让古镇老街焕发新活力"


def test_epaper_article_has_no_structure_findings():
    assert lint_text(EPAPER, STRUCT) == []


@pytest.mark.parametrize("text", [
    # a plain heading and its body
    "县里召开秋收工作会\n\n本报讯　县里昨天召开会议部署秋收工作。\n\n强化责任落实\n\n各乡镇要把任务分解到村，确保颗粒归仓。\n",
    # a numbered section head followed by 报告指出：…
    "亮点三 数字经济产业园、科技孵化园\n\n报告指出：园区今年新引进企业四十家，带动就业两千人。\n",
    # a bullet subhead
    "●提高知信行合一能力\n\n各级干部要把学习成果转化为推动工作的实际本领。\n",
    # a quotation used as a subhead
    "　　上午的会议开得很紧凑。\n　　“中国必将更加开放，这个趋势不可阻挡”\n　　与会专家认为，开放合作仍是大势所趋。\n",
    # a column tag closing a headline
    "反向过年，不变的是团圆（民生观）\n\n　　今年春节，不少老人从老家来到子女工作的城市过年。\n",
])
def test_no_fix_ever_joins_a_heading_and_a_paragraph(run_cli, write, text):
    assert fixed(run_cli, write, "h.txt", text) == text
    assert not [f for f in lint_text(text, STRUCT) if f.rule == "structure-split-paragraph" and f.fix]


def test_datelines_and_source_lines_alone_on_their_line_are_not_truncated_paragraphs():
    for line in ("新华社北京1月3日电", "本台消息", "央视网消息", "据新华社电", "本报北京5月11日电  （记者王明）"):
        text = f"{line}\n\n市场监管部门近日开展专项检查，共检查经营主体一百余家。\n"
        bs = blocks(text)
        assert bs[0].kind == "dateline" and bs[0].role == "alone", line
        assert lint_text(text, STRUCT) == [], line


def test_credits_fields_and_signatures_are_not_running_text():
    text = ("　　活动将持续到月底，欢迎市民参观。\n"
            "　　开放时间：周二至周日9：00—17：00\n"
            "　　——某某大学教授、书法家王明\n"
            "　　制图：赵小青\n")
    assert [b.role for b in blocks(text)] == ["", "field", "field", "production"]
    assert lint_text(text, STRUCT) == []


SPLIT_PLAIN = (
    "某某区召开经济运行分析会\n\n"
    "本报讯　会议指出，一季度全区主要经济指标增速均高于全市平均水\n\n"
    "平，工业投资增长明显。\n\n"
    "会议要求，各部门要进一步压实责任，确保全年目标任务完成。\n"
)


def test_a_word_cut_across_two_plain_lines_is_still_a_split():
    fs = [f for f in lint_text(SPLIT_PLAIN, STRUCT) if f.rule == "structure-split-paragraph"]
    assert len(fs) == 1 and "水平" in fs[0].message and fs[0].fix and fs[0].fix.applicability == "unsafe"


def test_a_short_line_whose_join_makes_a_word_is_not_a_heading():
    text = "　　今年以来，全县粮食产量稳中有升。\n　　全县粮食平均亩产达到新水\n　　平，农民收入持续增长。\n"
    assert [b.kind for b in blocks(text)] == ["body", "body", "body"]
    assert "structure-split-paragraph" in rule_ids(lint_text(text, STRUCT))


def test_a_paragraph_cut_before_a_blank_line_on_an_indented_page_is_not_joined_without_evidence():
    # an indented page sets paragraphs without blank lines: a line set off by one is a lead or subhead
    text = ("　　各地区各部门认真贯彻落实决策部署，经济运行总体平稳、稳中有进\n\n"
            "　　前三季度，全国规模以上工业增加值同比增长百分之五。\n")
    assert lint_text(text, STRUCT) == []


@pytest.mark.parametrize("left,right,evidence", [
    ("民革全党将更加紧密地团结在", "以习近平同志为核心的党中央周围", "在"),
    ("一季度全区土地生态环境整治", "等四大整治行动全面展开", "等"),
    ("高新区城改工作迎来的又一件", "喜事，群众拍手称快", "又一件"),
    ("他说：“我们要把这件事", "办好，让群众满意。”", "“"),
])
def test_join_evidence_kinds(left, right, evidence):
    why = layout.join_evidence(left, right)
    assert why and evidence in why


@pytest.mark.parametrize("left,right", [
    ("擦亮国之重器，迈向创新高地", "当好排头兵，上海靠什么？"),  # 高地 is a noun, not 地 the particle
    ("加强党的全面领导，确保办学方向", "检查期间，执法检查组随机抽查了学校。"),
    ("五年来，我国国民经济持续发展，总的形势是很好的", "国家经济实力继续得到显著增强。"),
    ("他今天不在", "明天再来。"),
    ("832个贫困县已摘帽436个", "这几日，村里很热闹。"),
])
def test_no_join_evidence_for_complete_clauses(left, right):
    assert layout.join_evidence(left, right) is None


def test_verse_lines_ending_on_commas_are_not_splits():
    text = ("　　一首小诗写道：\n"
            "　　停车随时离场，\n"
            "　　缴费不必匆忙。\n")
    assert lint_text(text, STRUCT) == []


def test_a_lead_in_to_numbered_points_is_not_truncated():
    text = ("回顾五年来的工作，其中最值得认真吸取的经验有以下几点\n\n"
            "一、牢固树立改革的观念\n\n"
            "改革是发展的动力，必须坚定不移地推进。\n")
    assert lint_text(text, STRUCT) == []


def test_section_heads_of_a_report_are_labels():
    text = ("第二，继续发展各种横向经济联合，鼓励建立企业群体和企业集团\n\n"
            "在深入改革企业经营机制的同时，必须推进企业之间的横向联合。\n")
    assert blocks(text)[0].role == "label"
    assert lint_text(text, STRUCT) == []


def test_a_cut_paragraph_with_whole_sentences_on_a_spaced_page_is_a_split():
    text = ("某某报告\n\n"
            "今年要扎实推进各项工作。全社会研发经费支出与国内生产总值\n\n"
            "之比达到百分之二以上。国内有效发明专利数量继续增长。\n")
    fs = [f for f in lint_text(text, STRUCT) if f.rule == "structure-split-paragraph"]
    assert len(fs) == 1


def test_a_paper_extends_the_layout_conventions_through_packs(write, tmp_path):
    from newslint import packs

    pack = write("house.toml", '[[credit]]\npattern = "责任校对"\nnote = "a house credit"\n')
    text = "　　全市今年新建公园二十座，市民休闲去处更多了。\n　　责任校对 某某某\n"
    assert blocks(text)[-1].role != "production"
    try:
        packs.activate([pack], None)
        assert blocks(text)[-1].role == "production"
    finally:
        packs.activate([], None)
    assert blocks(text)[-1].role != "production"


def test_a_bad_pattern_in_a_layout_pack_is_a_config_error(run_cli, write, tmp_path):
    pack = write("bad.toml", '[[dateline]]\npattern = "本报("\n')
    write("newslint.toml", f'packs = ["{pack.name}"]\n')
    page = write("p.txt", "本报讯　今天天气很好。\n")
    code, out, err = run_cli("check", "--no-cache", "--config", tmp_path / "newslint.toml", page)
    assert code == 2 and "bad.toml" in err and "pattern" in err


def test_the_last_line_of_a_box_of_unmarked_items_is_not_truncated():
    """A sidebar of facts set line by line without end marks: its last line ends as its items do.  The
    same line after paragraphs that end with a full stop is cut off."""
    items = ("　　第一次全市运动会：\r\n　　1983年在市体育场举行\r\n　　王小明是第一位领奖的运动员\r\n"
             "　　自此，全市运动会成为市民每年秋天的体育盛会\r\n")
    head = "运动会的那些“第一次”\r\n\r\n"
    assert lint_text(head + items, ["structure-truncated-paragraph"], path="a.txt") == []
    body = ("　　全市运动会已经举办了四十届。\r\n　　运动员们在赛场上挥洒汗水。\r\n　　观众们为他们加油喝彩。\r\n"
            "　　自此，全市运动会成为市民每年秋天的体育盛会\r\n")
    assert rule_ids(lint_text(head + body, ["structure-truncated-paragraph"], path="b.txt")) == \
        ["structure-truncated-paragraph"]


def test_word_across_asks_jieba_only_when_a_word_can_span_the_join():
    """The look-up that skips jieba (no dictionary word runs across the join) finds what segmenting the
    window finds: the word jieba forms across the join, or none."""
    from newslint.analyses.tokens import window_tokenizer
    from newslint.layout import word_across

    def segmented(left, right):
        a, b = left[-6:], right[:6]
        tk = window_tokenizer()
        for w, s, e in tk.tokenize(a + b, HMM=False):
            if s < len(a) < e and tk.FREQ.get(w, 0) > 0:
                return w
        return None

    pairs = [("我们要坚持以人民为", "中心的发展思想"), ("会议在北京召", "开"), ("推动经济高质量", "发展"),
             ("这些企业已经", "成为带动就业的主力军"), ("他说", "明天再来"), ("习近", "平总书记"),
             ("今年以来完成投资", "亿元"), ("中国式现", "代化"), ("天气", "很好"), ("研究", "研究")]
    for left, right in pairs:
        assert word_across(left, right) == segmented(left, right)
    assert word_across("会议在北京召", "开") == "召开"
