"""The structure rules: split, truncated and fragment paragraphs, empty headings (fixtures invented)."""
import json

import pytest

from newslint.checks import structure

SEL = "structure"


def findings(run_cli, path, select=SEL):
    code, out, err = run_cli("check", "--no-cache", "--format", "json", "--select", select, path)
    assert err == "" or "error" not in err.lower(), err
    return json.loads(out)["findings"]


def rules_of(fs):
    return [f["rule"] for f in fs]


SPLIT_WORD = """# 开发区召开经济运行分析会

本报讯（记者王明）3月2日上午，开发区召开经济运行分析会。会议指出，1至2月份，全区主要经济指标增速均高于全市平均水

平，工业投资增长明显。

会议要求，各部门要进一步压实责任。
"""

SPLIT_CLAUSE = """## 科技园举行项目签约仪式

本报讯（记者李华）5月8日，科技园举行项目签约仪式，双方将在智能制造领域开展合作，共同打造了

“示范工厂”，带动上下游企业集聚发展。
"""


def test_split_mid_word_is_reported_at_the_break_with_related_continuation(run_cli, write):
    p = write("a.txt", SPLIT_WORD)
    fs = findings(run_cli, p)
    assert rules_of(fs) == ["structure-split-paragraph"]
    f = fs[0]
    assert f["severity"] == "warning"
    assert f["line"] == 3 and f["end_line"] == 3
    assert f["related"][0]["line"] == 5 and f["related"][0]["column"] == 1
    assert "平均水平" in f["message"]  # the word formed across the break


def test_split_mid_clause_before_an_opening_quote(run_cli, write):
    fs = findings(run_cli, write("b.md", SPLIT_CLAUSE))
    assert rules_of(fs) == ["structure-split-paragraph"]
    assert fs[0]["line"] == 3 and fs[0]["related"][0]["line"] == 5


def test_split_fix_is_unsafe_and_needs_unsafe_fixes(run_cli, write):
    p = write("s.txt", SPLIT_WORD)
    fs = findings(run_cli, p)
    assert fs and all(f["fix"]["applicability"] == "unsafe" for f in fs if f["fix"])
    run_cli("check", "--no-cache", "--select", SEL, "--fix", p)
    assert p.read_text(encoding="utf-8") == SPLIT_WORD  # joining paragraphs is a judgement
    code, out, err = run_cli("check", "--no-cache", "--select", SEL, "--unsafe-fixes", p)
    assert code == 2 and "--unsafe-fixes" in err and p.read_text(encoding="utf-8") == SPLIT_WORD


def test_split_fix_joins_and_is_idempotent(run_cli, write):
    p = write("a.txt", SPLIT_WORD)
    code, out, err = run_cli("check", "--no-cache", "--select", SEL, "--fix", "--unsafe-fixes", p)
    once = p.read_text(encoding="utf-8")
    assert "全市平均水平，工业投资增长明显。" in once
    assert once.count("\n\n") == SPLIT_WORD.count("\n\n") - 1
    code, out, err = run_cli("check", "--no-cache", "--select", SEL, "--fix", "--unsafe-fixes", p)
    assert p.read_text(encoding="utf-8") == once
    assert findings(run_cli, p) == []


def test_split_fix_keeps_crlf_file_consistent(run_cli, write):
    p = write("c.txt", SPLIT_WORD.replace("\n", "\r\n"))
    run_cli("check", "--no-cache", "--select", SEL, "--fix", "--unsafe-fixes", p)
    data = p.read_bytes().decode("utf-8")
    assert "平均水平，" in data and "\r\n" in data and "\n" not in data.replace("\r\n", "")


def test_truncated_paragraph_before_a_heading_and_at_page_end(run_cli, write):
    text = """## 新区新增规上企业12家

本报讯（记者赵强）近日，记者从市统计局获悉，新区去年新增规上企业12家。

据了解，2023年新区

## 新区举办招聘会

本报讯（记者赵强）3月1日，新区举办春季招聘会，其中，大
"""
    fs = findings(run_cli, write("t.txt", text))
    assert rules_of(fs) == ["structure-truncated-paragraph", "structure-truncated-paragraph"]
    assert [f["line"] for f in fs] == [5, 9]


def test_plain_lines_that_are_not_running_text_do_not_fire(run_cli, write):
    text = """# 《晚间新闻》（20240101）

## 新闻摘要

本期节目主要内容：

1.全国春运今日启动；

2.多地迎来降雪

**以色列继续空袭加沙地带多地目标**

据当地媒体报道，以色列军机当天空袭了加沙地带多个目标。

七、完善高水平对外开放体制机制

开放是现代化的鲜明标识。必须坚持对外开放基本国策。

中华人民共和国主席　习近平

2024年1月1日

（2024年1月1日第十四届全国人民代表大会常务委员会第七次会议通过）

会议决定如下。

[查看原文](https://example.com/a.shtml)

全省春运首日发送旅客52万人次
"""
    assert findings(run_cli, write("x.md", text)) == []


def test_paragraph_fragment(run_cli, write):
    text = """## 文化进万家

2月3日，生态广场举行春节文艺汇演，现场气氛热烈。

期间开展的众多群众文化活动的缩影。

，节目异彩纷呈，台下掌声不断。

的精彩表演赢得观众阵阵掌声。
"""
    fs = findings(run_cli, write("f.txt", text))
    assert rules_of(fs) == ["structure-paragraph-fragment"] * 3
    assert [f["line"] for f in fs] == [5, 7, 9]


@pytest.mark.parametrize("opening", [
    "期间，与会人员还参观了企业展厅。",  # a locative before a comma opens a sentence
    "地更绿了，水更清了。",  # 地 here is a noun
    "过江隧道穿越长江。",  # 过 here is a verb
    "之后，代表们分组讨论。",
    "左右两侧的商铺已全部开业。",
    "前后两次会议都强调了安全生产。",
])
def test_fragment_false_cases(run_cli, write, opening):
    text = f"## 标题\n\n会议在市里召开。\n\n{opening}\n"
    assert findings(run_cli, write("g.txt", text)) == []


def test_empty_heading(run_cli, write):
    text = """## 示范区召开推进会

## 示范区召开安全生产会议

本报讯（记者王明）会议强调，要压实责任。

### 一周动态

#### 示范区新增10家规上企业

本报讯（记者王明）近日，示范区新增10家规上企业。

## 以“开门红”拼“全年红”

□高亢

### 示范区强音

发展是第一要务。
"""
    fs = findings(run_cli, write("h.md", text))
    assert rules_of(fs) == ["structure-empty-heading"]
    assert fs[0]["line"] == 1 and fs[0]["related"][0]["line"] == 3


def test_select_one_rule_only(run_cli, write):
    p = write("a.txt", SPLIT_WORD + "\n据了解，2023年新区\n")
    fs = findings(run_cli, p, select="structure-truncated-paragraph")
    assert rules_of(fs) == ["structure-truncated-paragraph"]


def test_helpers():
    assert structure.word_across("全市平均水", "平，在") == "平均水平"
    assert structure.word_across("会议强调", "要压实") is None
    assert structure.clean("**标题**\\*\\*") == "标题"


def test_short_first_half_is_a_guess_without_fix(run_cli, write):
    text = "## 标题\n\n本报讯（记者王明）会议指出，要抓落实。\n\n全区六项指标均高于全市平均水\n\n平，在全市开发区观摩评价活动中综合评分第一。\n"
    p = write("s.txt", text)
    fs = findings(run_cli, p)
    assert [(f["rule"], f["severity"], f["line"]) for f in fs] == [("structure-split-paragraph", "info", 5)]
    run_cli("check", "--no-cache", "--select", SEL, "--fix", p)
    assert p.read_text(encoding="utf-8") == text  # a guess is never fixed automatically


def test_signature_lines_that_form_a_word_are_not_a_split(run_cli, write):
    text = "## 贺电\n\n值此佳节，谨致祝贺。\n\n中共中央\n\n国务院\n\n2024年8月11日\n"
    assert findings(run_cli, write("sig.txt", text)) == []


def test_split_after_closing_quote_and_before_decimal(run_cli, write):
    text = ("## 标题\n\n会议提出，要把“三个一批”\n\n作为抓项目的主要抓手，持续推进。\n\n"
            "今年一季度，全区工业增加值增长1\n\n2.5%，增速居全市第一。\n")
    fs = findings(run_cli, write("q.txt", text))
    assert [(f["rule"], f["line"]) for f in fs] == [("structure-split-paragraph", 3), ("structure-split-paragraph", 7)]


def test_missing_headline(run_cli, write):
    text = """## 苏家村：和美乡村建设富村更惠民

本报讯（记者王明）今年以来，苏家村发展特色产业，办好民生实事。

## 杨庄村：创建“五星”支部

本报讯（记者王明）今年以来，杨庄村高标准推进“五星”支部创建工作。

**本报讯**（记者李华）4月28日上午，高新区召开安全生产工作会议。

又讯（记者李华）4月29日，高新区开展消防演练。
"""
    fs = findings(run_cli, write("m.md", text))
    assert [(f["rule"], f["line"]) for f in fs] == [("structure-missing-headline", 9)]
    assert fs[0]["related"][0]["line"] == 7


def test_missing_headline_not_on_pages_of_briefs(run_cli, write):
    text = """## 一周简讯

本报讯（记者王明）3月1日，新区举办招聘会。

本报讯（记者王明）3月2日，新区召开安全生产会议。

本报讯（记者王明）3月3日，新区开展植树活动。
"""
    assert findings(run_cli, write("b.md", text)) == []


def test_lead_in_before_a_list_is_not_truncated(run_cli, write):
    text = "## 标题\n\n本报讯（记者王明）会议部署了三项重点工作，主要包括\n\n- 抓项目建设；\n\n- 抓安全生产。\n"
    assert findings(run_cli, write("l.md", text)) == []


@pytest.mark.parametrize("ending", ["。（完）", "（下转第2版）", "。（记者 王明 通讯员 李华）"])
def test_closing_notes_end_a_paragraph(run_cli, write, ending):
    text = f"## 标题\n\n本报讯（记者王明）会议指出，要压实责任，推动各项工作落地见效{ending}\n\n## 下一篇\n\n正文。\n"
    assert findings(run_cli, write("n.txt", text)) == []


def test_truncated_before_a_bracket_note_that_is_not_closing(run_cli, write):
    text = "## 标题\n\n本报讯（记者王明）会议指出，要压实责任，推动（高新区）\n\n## 下一篇\n\n正文。\n"
    assert rules_of(findings(run_cli, write("n.txt", text))) == ["structure-truncated-paragraph"]


def test_numbers_split_across_the_break(run_cli, write):
    text = ("## 标题\n\n本报讯（记者王明）今年前两个月，全区出口总值达969\n\n.3亿元，同比增长10%。\n\n"
            "卡桑旅2\n\n8日称，双方在城区西部继续交火。\n\n我国出口表现亮眼，占国际市场的份额连续第四年保持在14%\n\n左右的较高水平。\n")
    fs = findings(run_cli, write("d.txt", text))
    assert [(f["rule"], f["line"], f["severity"]) for f in fs] == [
        ("structure-split-paragraph", 3, "warning"), ("structure-split-paragraph", 7, "info"),
        ("structure-split-paragraph", 11, "warning")]
    assert "数字被拆开" in fs[1]["message"]


def test_short_first_halves_cut_before_a_unit_or_a_comma(run_cli, write):
    text = ("## 标题\n\n本报讯（记者王明）会议指出，要抓落实。\n\n新华社北京3月5日电 十四届全国人大二次会议在京开幕\n\n"
            "，并举行第一次全体会议。\n\n市统计局发布的数据显示2024\n\n年前三季度全市经济稳中有进。\n")
    fs = findings(run_cli, write("u.txt", text))
    assert [(f["rule"], f["line"]) for f in fs] == [("structure-split-paragraph", 5), ("structure-split-paragraph", 9)]
    assert "以“，”起首" in fs[0]["message"] and "数字与其单位被拆开" in fs[1]["message"]
    # a short line ending in a number before a paragraph that opens normally is left alone
    ok = text.replace("年前三季度", "前三季度")
    assert [f["line"] for f in findings(run_cli, write("v.txt", ok))] == [5]


def test_split_finding_has_a_join_fix_but_no_replacement_suggestion(run_cli, write):
    p = write("s.txt", SPLIT_WORD)
    f = findings(run_cli, p, "structure-split-paragraph")
    assert rules_of(f) == ["structure-split-paragraph"]
    assert f[0]["suggestion"] is None  # `suggestion` is replacement text for the span; a join is a fix
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", "--select", "structure-split-paragraph", p)
    assert "全区主要经济指标增速均高于全市平均水平，工业投资增长明显。" in p.read_text(encoding="utf-8")


def test_a_short_dateline_paragraph_is_running_text_not_a_headline(run_cli, write):
    # 本报讯（记者…）… with no comma before the break is still running text, split mid-word
    p = write("d.txt", "本报讯（记者张三）全区主要经济指标增速均高于全市平均水\n\n平，综合评分位居全市第三。\n")
    f = findings(run_cli, p, "structure-split-paragraph")
    assert rules_of(f) == ["structure-split-paragraph"] and f[0]["severity"] == "warning"
    assert "平均水平" in f[0]["message"]


@pytest.mark.parametrize("left,right,why", [
    ("今年一季度，全区工业增加值同比增长17.", "23%，增速居全市第一。", "数字被拆开"),  # after the decimal point
    ("国家统计局发布的数据显示，9月CP", "I同比上涨3.0%，涨幅比上月扩大。", "外文缩写被拆开"),
])
def test_a_number_or_an_abbreviation_cut_at_the_break(run_cli, write, left, right, why):
    fs = findings(run_cli, write("n.txt", f"## 标题\n\n{left}\n\n{right}\n"))
    assert [(f["rule"], f["line"]) for f in fs] == [("structure-split-paragraph", 3)]
    assert why in fs[0]["message"]
