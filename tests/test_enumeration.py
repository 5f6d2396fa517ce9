"""Enumeration rules: broken numbered series (序号检查)."""
import pytest

from helpers import check, lint_text
from helpers import rule_ids as rules_of


def lint(text, select=("enumeration",)):
    return lint_text(text, select)


HEAD = "## 全区召开项目建设推进会\n\n本报讯（记者王明）3月5日上午，全区项目建设推进会召开。\n\n"


def test_first_item_lost_is_reported_with_the_unnumbered_clause():
    text = HEAD + ("会议强调，要强化专业精神。要学习政策、用好政策。二要强化拼抢意识。要加大争跑力度。三要强化\n\n"
                   "时间观念。要抓住政策窗口期。四要强化结果导向。要把项目建设作为练兵场。\n")
    fs = lint(text)
    assert rules_of(fs) == ["enumeration-missing-item"]
    f = fs[0]
    assert f.location.line == 5 and text[f.location.start:f.location.end] == "二要"
    assert "一要" in f.message
    assert f.related and text[f.related[0].start:f.related[0].end].startswith("要强化专业精神")
    assert f.suggestion == "一要强化专业精神"


def test_complete_series_across_paragraphs_is_quiet():
    text = HEAD + "会议强调，一要提高站位。要把思想统一起来。\n\n二要解放思想，大胆工作。\n\n三要紧盯重点，集中攻坚。\n"
    assert lint(text) == []


@pytest.mark.parametrize("body,missing", [
    ("一是加强领导。二是压实责任。四是严格督查。", "三是"),
    ("第一，要稳增长。第二，要调结构。第四，要惠民生。", "第三"),
    ("其一，完善制度；其二，加强监督；其四，严肃问责。", "其三"),
    ("（一）总体要求\n\n（二）重点任务\n\n（四）保障措施", "（三）"),
    ("一、总体要求\n\n二、重点任务\n\n四、保障措施", "三、"),
    ("1.开幕式举行；\n\n2.代表报到；\n\n4.大会闭幕。", "3."),
    ("（1）新规实施；\n\n（2）工程开工；\n\n（4）赛事开幕。", "（3）"),
    ("①统一思想；②加强协调；④抓好落实。", "③"),
    ("首先，要统一思想；再次，要抓好落实。首先，", None),
    ("元素一：青砖。元素二：灰瓦。元素四：木窗。", "元素三"),
])
def test_each_series_type_reports_a_jump(body, missing):
    fs = lint(HEAD + body + "\n")
    if missing is None:  # 首先 … 再次 with a new 首先: restart, and 其次 missing is reported
        assert rules_of(fs) == ["enumeration-missing-item"] and "其次" in fs[0].message
        return
    assert rules_of(fs) == ["enumeration-missing-item"], fs
    assert missing in fs[0].message


def test_repeated_number():
    fs = lint(HEAD + "一是加强组织领导。二是强化责任落实。二是严格督导检查。三是做好宣传。\n")
    assert rules_of(fs) == ["enumeration-repeated-item"]
    assert "二是" in fs[0].message and fs[0].related


def test_a_repeated_number_followed_by_a_skip_is_one_misnumbered_item():
    text = HEAD + ("元素一：太极拳，已有数百年历史。\n\n元素二：怀药，种植历史悠久。\n\n元素三：竹编，工艺精巧。\n\n"
                   "元素三：剪纸，技艺精湛。\n\n元素五：陶艺，造型古朴。\n")
    fs = lint(text)
    assert rules_of(fs) == ["enumeration-repeated-item"]
    assert "应为“元素四”" in fs[0].message and fs[0].location.line == text.split("\n").index("元素三：剪纸，技艺精湛。") + 1
    # with the repeat rule off, the skip is still reported
    fs = lint(text, select=("enumeration-missing-item",))
    assert rules_of(fs) == ["enumeration-missing-item"]


def test_restart_for_a_new_statement_and_a_new_article():
    text = HEAD + ("会议指出，一要认清形势。二要压实责任。会议强调，一要抓好落实。二要强化督导。\n\n"
                   "## 另一条新闻\n\n本报讯（记者李红）3月6日，另一会议召开。会议要求，一是统一思想。二是落实责任。\n\n"
                   "## 第三条新闻\n\n本报讯（记者李红）3月7日，某会议召开。张三说，一是统一思想。\n")
    assert lint(text) == []


def test_inner_series_inside_outer_series_is_not_a_break():
    text = HEAD + ("会议部署三项工作：第一，抓项目。一是抓开工，二是抓投产。第二，抓招商。一是抓签约，二是抓落地，"
                   "三是抓服务。第三，抓环境。\n\n（一）总体目标\n\n1.稳增长；\n\n2.调结构。\n\n（二）重点任务\n\n"
                   "1.抓项目；\n\n2.优环境。\n")
    assert lint(text) == []


@pytest.mark.parametrize("body", [
    "要坚持一是一、二是二，实事求是。要坚持三是三的原则。",  # 一是一、二是二
    "一季度增长5%，第一季度工业增加值创新高。第三季度持续回升。",  # 第一季度
    "他是村里的第一书记，第一时间赶到现场，全市第一，第三名是李四。",  # not enumerations
    "一要发展，就要改革。三要素齐全，二要素认证上线。",  # 一要…就要, 要素
    "“十五五”规划编制启动，十四五规划收官。",  # 十五五
    "会上发布了《二是与三是》一书，引发讨论。四是……",  # numbers inside titles
    "吕沛要求，《条例》一是明确职责。二是强化治理。三是严格执法。",  # first item not at an item position
    "1.开幕式举行；\n\n2.代表报到；\n\n3.2023年经济数据发布；\n\n4.大会闭幕。",  # 3.2023 continues the series
])
def test_false_friends_are_quiet(body):
    assert lint(HEAD + body + "\n") == []


def test_markers_far_apart_do_not_make_a_jump():
    filler = "".join(f"这是第{i}段普通的新闻叙述文字。\n\n" for i in range(8))
    text = HEAD + "会议指出，一是统一思想。二是落实责任。\n\n" + filler + "四是他说的话被引用。\n"
    assert lint(text) == []


def test_options_and_selection():
    text = HEAD + "一是加强领导。二是压实责任。四是严格督查。\n"
    assert lint(text, select=("enumeration-repeated-item",)) == []
    assert rules_of(lint(text, select=("enumeration-missing-item",))) == ["enumeration-missing-item"]


def test_page_with_markdown_articles_and_halfwidth_marks_reports_the_missing_first_item():
    """A whole page (invented, shaped like the dev pages: Markdown headings, half-width commas, two articles)."""
    from pathlib import Path

    from newslint.reading import read_page

    page = read_page(str(Path(__file__).resolve().parent / "data" / "pages" / "missing-first-item.md"))
    fs = check([page], ["enumeration"])
    assert [(f.rule, f.location.line) for f in fs] == [("enumeration-missing-item", 9)]
    assert page.text[fs[0].location.start:fs[0].location.end] == "二要"


def test_cli_json_reports_the_missing_first_item(write, run_cli):
    import json

    p = write("a.txt", HEAD + "会议要求，要统一思想。二要压实责任。三要狠抓落实。\n")
    code, out, _ = run_cli("check", "--format", "json", "--select", "enumeration", p)
    doc = json.loads(out)
    assert code == 1
    [f] = doc["findings"]
    assert f["rule"] == "enumeration-missing-item" and f["category"] == "enumeration" and f["line"] == 5
    assert f["related"] and f["related"][0]["line"] == 5 and f["suggestion"] == "一要统一思想"


# ---- nested numbering, items spread over sections, quoted and figure numbers ------------------------------
def test_nested_lists_with_the_same_marker_return_to_the_outer_series():
    # one marker style at two and three levels (a plain-text report): 三、 after an inner 一、二、三、四、
    # continues the suspended outer series
    text = HEAD + "\n\n".join([
        "一、回顾过去一年的工作", "二、今后五年的主要任务", "一、确定适度的增长速度。", "二、控制投资规模。",
        "一、增加能源和交通投资。", "二、控制非生产性建设。", "三、支持现有企业改造。", "四、安排好地区布局。",
        "三、加快科技进步。", "四、扩大出口创汇。", "三、今后五年的改革", "一、认识改革的艰巨性。", "二、认识法制的作用。",
        "四、坚持和平外交政策"]) + "\n"
    assert lint(text) == []


def test_inner_series_restarts_after_a_section_head_and_after_shouldering_words():
    text = HEAD + ("问题主要是：一是物价涨幅偏高。二是农业投入不足。三是投资规模偏大。四是管理有所放松。\n\n"
                   "二、促进经济健康发展\n\n为保证农业增长，首先要增加投入。二是保护耕地。三是搞好农业开发。四是兴修水利。\n")
    assert lint(text) == []
    text = HEAD + ("第一，概念提出。第二，概念内涵。第三，概念意义。第四，概念价值。第五，概念创新。\n\n"
                   + "\n\n".join(["这是另一位作者的文章。"] * 6)
                   + "\n\n首先，要处理好甲和乙的关系。\n\n其次，要处理好丙和丁的关系。\n\n第三，要处理好戊的关系。\n\n"
                     "第四，要处理好己的关系。\n")
    assert lint(text) == []


def test_quoted_excerpts_and_figure_numbers_are_not_the_articles_series():
    text = HEAD + ("第二条增加一项，作为第四项：“（四）代理发行债券”。第八项改为第九项，修改为：“（九）代理收付款项”。\n\n"
                   "图②：工人操作焊接机械手。\n\n图④：技术人员调试设备。\n")
    assert lint(text) == []


def test_a_list_inside_one_quotation_is_still_checked():
    fs = lint(HEAD + "他说：“一是抓落实，二是抓创新，四是抓队伍。”\n")
    assert rules_of(fs) == ["enumeration-missing-item"]
    fs = lint(HEAD + "一是加强领导。二是压实责任。三是严格督查。\n\n二是加强宣传。\n")
    assert rules_of(fs) == ["enumeration-repeated-item"]
