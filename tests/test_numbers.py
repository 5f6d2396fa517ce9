"""Number rules: counts vs lists, headline figures, complementary parts, mixed-width digits (数字核对)."""
import pytest

from helpers import check, lint_text
from helpers import rule_ids as rules_of
from newslint.checks.numbers import parse_list


def lint(text, select=("number",)):
    return lint_text(text, select)


HEAD = "## 高新区举行第一届职工运动会\n\n本报讯（记者朱晓琳）4月24日上午，职工运动会开幕。\n\n"


# ---- counts ---------------------------------------------------------------------------------
def test_grouped_list_summed_is_right():
    text = HEAD + ("本届运动会设置竞技类（太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋）和趣味类（同舟共济、袋鼠跳）"
                   "共9大比赛项目，36家单位的850余名队员参加比赛。\n")
    assert lint(text) == []


def test_grouped_list_with_a_wrong_total():
    text = HEAD + ("本届运动会设置竞技类（太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋）和趣味类（同舟共济、袋鼠跳）"
                   "共8大比赛项目。\n")
    fs = lint(text)
    assert rules_of(fs) == ["number-count-mismatch"]
    assert "9" in fs[0].message and text[fs[0].location.start:fs[0].location.end] == "8大"


@pytest.mark.parametrize("body,fires", [
    ("运动会设太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋、跳远、跳高共8项比赛。", True),  # 9 listed
    ("运动会设太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋、跳远和跳高共9项比赛。", False),
    ("我区实施道路提升、绿化美化、污水治理、雨污分流三大工程。", True),  # four listed
    ("我区实施道路提升、绿化美化、污水治理三大工程。", False),
    ("张三、李四、王五、赵六等3名同志受到表彰。", True),  # 等3名 after four names
    ("张三、李四等5名同志受到表彰。", False),  # 等: more than those named
    ("目前有中国、53个非洲国家和非盟委员会共55个成员。", False),  # numbers inside items
    ("本届运动会共设男子和女子足球、篮球、排球共6个小项。", False),  # 男子和女子 × 3
    ("在短道速滑、越野滑雪、冬季两项等项目上产生7枚金牌。", False),  # 冬季两项 is an item
    ("仓储业、多式联运及装卸搬运行业指数回升2个百分点以上。", False),
    ("叶光富、李聪、李广苏已在轨驻留四个月。", False),
    ("按照职业男子、女子组，青少年男子、女子组以及精英公开组五个组别比赛。", False),
    ("推动大健康、现代金融、高新技术、会展商贸和文化体育等四大产业发展。", False),  # 会展商贸和文化体育
    ("控制了甲地、乙地、丙地地区的5个定居点。", False),
    ("北京、天津、河北共120个项目集中开工。", False),  # far off: counts something else
    # the count announced before its list
    ("项目涵盖4个领域，分别为先进制造业、现代服务业、基础设施。", True),
    ("项目涵盖3个领域，分别为先进制造业、现代服务业、基础设施。", False),
    ("会议部署三项工作：安全生产、环境保护和质量管理。", False),
    ("会议部署三项工作：安全生产、环境保护、质量管理、资金保障。", True),
    ("会议部署三项工作：安全生产、环境保护、质量管理和资金保障。", False),  # 质量管理和资金保障 may be one
    ("会议部署三项工作：安全生产、环境保护等。", False),  # 等: some of them
])
def test_counted_lists(body, fires):
    fs = lint(HEAD + body + "\n")
    assert rules_of(fs) == (["number-count-mismatch"] if fires else []), fs


def test_parse_list_shapes():
    assert parse_list("设置竞技类（太极拳、篮球、象棋）和趣味类（同舟共济、袋鼠跳）") == (2, 5, True)
    assert parse_list("张三、李四和王五") == (3, None, True)
    assert parse_list("男子和女子足球、篮球、排球") is None
    assert parse_list("北京、上海等") is None


# ---- headline figures ---------------------------------------------------------------------------
def test_headline_figure_contradicted_by_body():
    text = ("## 我区集中开工项目27个 总投资130.23亿元\n\n本报讯（记者王明）3月1日，我区举行一季度重大项目集中开工活动，"
            "此次集中开工项目26个，总投资130.23亿元。\n")
    fs = lint(text)
    assert rules_of(fs) == ["number-headline-mismatch"]
    f = fs[0]
    assert f.location.line == 1 and "27" in f.message and "26" in f.message
    assert f.related[0].line == 3


def test_headline_figures_agreeing_in_other_notation_or_as_a_sum():
    text = ("## 我区集中开工项目27个 总投资130.23亿元\n\n本报讯（记者王明）3月1日，我区集中开工项目二十七个，"
            "总投资1302300万元。其中第一批开工项目15个，第二批开工项目12个。\n")
    assert lint(text) == []
    text = ("## 两批开工项目27个\n\n本报讯（记者王明）首批开工项目15个，第二批开工项目12个。\n")
    assert lint(text) == []


def test_headline_rounding_the_body_figure_is_not_a_mismatch():
    text = ("## 全县20年退耕还林3160万亩\n\n本报讯 20年来，全县累计退耕还林3159.67万亩，森林覆盖率提高。\n")
    assert lint(text) == []
    # a coarse step is no rounding: 30 projects for 26
    text = ("## 我区集中开工项目30个\n\n本报讯（记者王明）3月1日，我区集中开工项目26个，总投资10亿元。\n")
    assert rules_of(lint(text)) == ["number-headline-mismatch"]


def test_headline_round_chinese_figure_approximates_the_body():
    # 十万个 in a headline is the body's 10.27万个 rounded, as headlines do with figures in characters
    text = ("## 结对帮扶十万个村\n\n本报讯 截至6月底，参与企业已结对帮扶10.27万个村，投入资金逾百亿元。\n")
    assert lint(text) == []
    # a round figure far from the body's is still a mismatch
    text = ("## 结对帮扶十万个村\n\n本报讯 截至6月底，参与企业已结对帮扶8.6万个村，投入资金逾百亿元。\n")
    assert rules_of(lint(text)) == ["number-headline-mismatch"]


def test_count_of_characters_announced_before_a_list():
    assert lint(HEAD + "他说：“我的感想可以总结为八个字：振奋、自豪、责任、使命。”\n") == []
    assert rules_of(lint(HEAD + "他说：“我的感想可以总结为三个方面：振奋、自豪、责任、使命。”\n")) == [
        "number-count-mismatch"]


def test_headline_approximate_figures_are_not_judged():
    text = ("## 全年社会消费品零售额超47万亿元\n\n本报讯 全年社会消费品零售额47.1万亿元，增长3.5%。\n")
    assert lint(text) == []


# ---- parts and mixed width ---------------------------------------------------------------------------
def test_complementary_percentages():
    assert rules_of(lint(HEAD + "参赛选手中，男性占52%，女性占46%。\n")) == ["number-parts-mismatch"]
    assert lint(HEAD + "参赛选手中，男性占54%，女性占46%。\n") == []
    assert lint(HEAD + "参赛选手中，男性占54.3%，女性占45.8%。\n") == []  # rounding
    # one decimal place leaves room for 0.1 only; 男性人口 is a part too
    assert rules_of(lint(HEAD + "全区常住人口中，男性占52.3%，女性占46.7%。\n")) == ["number-parts-mismatch"]
    assert rules_of(lint(HEAD + "全区常住人口中，男性人口占52%，女性人口占46%。\n")) == ["number-parts-mismatch"]


def test_mixed_width_digits_and_fix():
    text = HEAD + "2０23年全区生产总值增长5.2%，２０２４年目标不变。\n"
    fs = lint(text)
    assert rules_of(fs) == ["number-mixed-width"]
    f = fs[0]
    assert text[f.location.start:f.location.end] == "2０23"
    assert f.fix.replacement == "2023" and f.suggestion == "2023"


def test_counted_grouped_list_across_a_split_paragraph_is_quiet():
    """A page (invented, shaped like a dev page) whose count of a grouped list (4 + 3 in brackets = 7) follows a
    paragraph split mid-word: no count mismatch; the same page with a wrong total is reported."""
    from pathlib import Path

    from newslint.page import Page

    text = (Path(__file__).resolve().parent / "data" / "pages" / "counted-list-split.md").read_text(encoding="utf-8")
    assert check([Page.from_text("p.md", text)], ["number"]) == []
    wrong = check([Page.from_text("p.md", text.replace("共7个", "共8个"))], ["number"])
    assert [f.rule for f in wrong] == ["number-count-mismatch"]


def test_cli_json_and_fix_of_mixed_width(write, run_cli):
    import json

    p = write("a.txt", "本报讯 2０23年全区生产总值增长5.2%。\n")
    code, out, _ = run_cli("check", "--format", "json", "--select", "number-mixed-width", p)
    f = json.loads(out)["findings"][0]
    assert code == 1 and f["rule"] == "number-mixed-width" and (f["line"], f["column"], f["end_column"]) == (1, 5, 9)
    run_cli("check", "--fix", "--select", "number-mixed-width", p)
    assert p.read_text(encoding="utf-8") == "本报讯 2023年全区生产总值增长5.2%。\n"


@pytest.mark.parametrize("body,fires", [
    ("全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比为65.3%。", True),
    ("全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比为56.5%。", False),
    ("技术合同成交额3177.68亿元，其中就地转化的合同成交额1191.21亿元，占比37.49%。", False),  # 37.487
    ("接待游客17.85万人次，其中韩国游客7.3万人次，占比超40%。", False),  # 40.9 ≥ 40
    ("接待游客17.85万人次，其中韩国游客7.3万人次，占比超45%。", True),
    ("接待游客17.85万人次，其中韩国游客7.3万人次，占比约45%。", False),  # 约: not judged
    ("接待游客17.85万人次，其中韩国游客7.3万吨，占比45%。", False),  # other units: no share
])
def test_share_of_a_total(body, fires):
    fs = lint(HEAD + body + "\n")
    assert rules_of(fs) == (["number-share-mismatch"] if fires else []), fs


def test_a_share_of_a_larger_whole_is_not_judged():
    assert lint(HEAD + "全区完成投资56.8亿元，其中工业投资32.1亿元，占全市工业投资的65.3%。\n") == []
    assert lint(HEAD + "全区完成投资56.8亿元，其中工业投资32.1亿元，占全市总投资的15.3%。\n") == []
    assert rules_of(lint(HEAD + "全区完成投资56.8亿元，其中工业投资32.1亿元，占总投资的65.3%。\n")) == [
        "number-share-mismatch"]
