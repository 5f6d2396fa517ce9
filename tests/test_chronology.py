"""Anachronism rules: the page date against the dated knowledge pack (rules/chronology.toml)."""
import json

import pytest

from helpers import lint_text
from helpers import rule_ids as rules


def lint(text, date=None, path="page.txt", select=("anachronism",)):
    return lint_text(text, select, path=path, date=date)


# ---- ordinals ----------------------------------------------------------------------------------------
def test_absurd_congress_ordinal_even_without_a_date():
    fs = lint("会议强调，要保障党的二十六大决策部署落实见效。")
    assert rules(fs) == ["anachronism-ordinal"]
    assert fs[0].severity == "error" and "党的二十大于2022年10月16日至22日召开" in fs[0].message


def test_absurd_congress_ordinal_on_a_dated_page():
    fs = lint("聚焦贯彻落实党的二十六大各项战略部署。", date="2023-02-10")
    assert rules(fs) == ["anachronism-ordinal"] and "2023-02-10" in fs[0].message


@pytest.mark.parametrize("text", [
    "全面贯彻党的二十大精神。", "充分肯定党的十九大以来的工作。", "学习贯彻二十大精神，推动高质量发展。",
    "会议传达学习了二十届中央国家安全委员会第一次会议精神。", "实施“十大战略”，加快对接“十大招商项目”。",
    "全市二十六大重点项目集中开工。", "团十九大胜利闭幕。",
])
def test_correct_congress_references(text):
    assert lint(text, date="2023-10-09") == []


def test_next_congress_spoken_of_as_held():
    fs = lint("深入学习贯彻党的二十大精神。", date="2022-09-01")
    assert rules(fs) == ["anachronism-ordinal"] and fs[0].severity == "warning"


@pytest.mark.parametrize("text", [
    "以优异成绩迎接党的二十大胜利召开。", "党的二十大将于10月16日在北京召开。", "做好党的二十大代表选举工作。",
])
def test_announcements_of_the_next_congress_are_allowed(text):
    assert lint(text, date="2022-09-01") == []


def test_plenum_not_yet_held():
    assert rules(lint("学习贯彻二十届三中全会精神。", date="2024-06-01")) == ["anachronism-ordinal"]
    assert lint("学习贯彻二十届三中全会精神。", date="2024-07-20") == []
    assert lint("二十届三中全会将于7月在北京召开。", date="2024-06-01") == []
    assert lint("决定将文件稿提请二十届三中全会审议。", date="2024-06-01") == []


def test_absurd_plenums():
    assert rules(lint("贯彻十九届八中全会精神。", date="2024-06-01")) == ["anachronism-ordinal"]
    assert rules(lint("贯彻二十届六中全会精神。", date="2024-06-01")) == ["anachronism-ordinal"]


@pytest.mark.parametrize("text", [
    "进一步学习贯彻省委十一届五次全会、市委十二届四次全会精神。", "县委十五届三中全会精神。",
    "党的十一届三中全会开启了改革开放新时期。", "十九届六中全会精神。",
])
def test_local_and_past_plenums_are_not_judged(text):
    assert lint(text, date="2023-10-09") == []


def test_plenums_of_a_term_the_pack_does_not_list_are_not_judged():
    # the pack lists no plenums of the 12th Central Committee: a 1985 page citing one is not judged
    assert lint("认真贯彻十二届三中全会精神。", date="1985-03-27") == []
    assert lint("认真贯彻十二届三中全会精神。", path="reports/gwr_1985.txt") == []


def test_npc_sessions():
    assert rules(lint("认真贯彻十四届全国人大二次会议精神。", date="2024-02-01")) == ["anachronism-ordinal"]
    assert lint("认真贯彻十四届全国人大二次会议精神。", date="2024-03-20") == []
    assert lint("讨论拟提请十四届全国人大二次会议审议的政府工作报告。", date="2024-02-18") == []
    assert lint("关于召开政协第十四届全国委员会第二次会议的决定。", date="2024-01-20") == []
    assert rules(lint("十四届全国人大六次会议。", date="2024-02-01")) == ["anachronism-ordinal"]
    assert lint("十四届全国人大常委会第六次会议在京闭幕。", date="2024-02-01") == []


# ---- anniversaries -------------------------------------------------------------------------------------
def test_anniversary_mismatch():
    fs = lint("在中华人民共和国成立75周年之际，全区举行升旗仪式。", date="2023-10-01")
    assert rules(fs) == ["anachronism-anniversary"]
    assert "1949年10月1日" in fs[0].message and fs[0].suggestion == "中华人民共和国成立74周年"
    # an event named after the next year's anniversary is no preparation for it
    fs = lint("8月1日，全区庆祝中华人民共和国成立75周年系列主题活动启动。", date="2023-08-02")
    assert rules(fs) == ["anachronism-anniversary"]
    assert lint("8月1日，全区庆祝中华人民共和国成立75周年系列主题活动筹备会召开。", date="2023-08-02") == []


@pytest.mark.parametrize("text,date", [
    ("在中华人民共和国成立74周年之际，全区举行升旗仪式。", "2023-10-01"),
    ("2021年是中国共产党成立100周年。", "2023-05-01"),
    ("习近平在庆祝中国共产党成立100周年大会上的重要讲话。", "2023-05-01"),
    ("以优异成绩迎接建军100周年。", "2024-06-19"),
    ("到二〇二九年中华人民共和国成立八十周年时，完成改革任务。", "2024-07-18"),
    ("庆祝空军建军75周年。", "2024-11-11"),
    ("越共着眼于建党100周年，深化改革。", "2024-12-05"),
    ("今年是中美建交45周年。", "2024-01-01"),
])
def test_anniversaries_that_fit(text, date):
    assert lint(text, date=date) == []


def test_anniversary_with_a_year_written_in_the_sentence():
    fs = lint("2021年是中国共产党成立101周年。", date="2023-05-01")
    assert rules(fs) == ["anachronism-anniversary"] and "同句写明的2021年" in fs[0].message


@pytest.mark.parametrize("text,date", [
    # a past anniversary named, far from this year's: the occasion of a work, not a claim about today
    ("这部影片拍摄于上世纪八十年代，献礼新中国成立35周年。", "2019-10-02"),
    ("三部作品分别为庆祝中华人民共和国成立15周年、35周年和60周年而创作。", "2019-10-05"),
    # the occasion a concert was named after
    ("该团参演了庆祝中国共产党成立95周年音乐会，广受好评。", "2019-10-15"),
    # the title of a work names its own year
    ("他朗读了《写在建党90周年的诗》。", "2019-07-01"),
    # before this year's anniversary day the last one reached is a year back
    ("隆重庆祝中国共产党成立95周年，宣示了初心。", "2017-03-05"),
    ("调查新增了改革开放40周年等热点话题。", "2019-10-19"),
])
def test_anniversaries_about_the_past(text, date):
    assert lint(text, date=date) == []


def test_anniversary_after_this_years_day_and_anchored_to_the_present():
    fs = lint("隆重庆祝中国共产党成立95周年，宣示了初心。", date="2017-08-01")
    assert rules(fs) == ["anachronism-anniversary"] and fs[0].suggestion == "中国共产党成立96周年"
    # a present anchor makes even a far count a claim about today
    assert rules(lint("今年是新中国成立60周年。", date="2019-10-02")) == ["anachronism-anniversary"]
    assert rules(lint("在庆祝中华人民共和国成立65周年之际，全区举行升旗仪式。", date="2019-10-01")) == [
        "anachronism-anniversary"]


def test_anniversary_needs_a_year():
    assert lint("庆祝新中国成立75周年。") == []


# ---- plan periods ------------------------------------------------------------------------------------
def test_plan_start_in_the_wrong_year():
    assert rules(lint("今年是“十五五”开局之年，各项工作要开好局。", date="2024-03-01")) == ["anachronism-plan-period"]
    assert rules(lint("“十五五”开局之年，全区经济运行稳中向好。", date="2024-03-01")) == ["anachronism-plan-period"]


@pytest.mark.parametrize("text,date", [
    ("今年是“十四五”开局之年。", "2021-03-01"),
    ("为“十五五”开局打下坚实基础。", "2024-12-01"),
    ("到“十四五”末，高新区在全省争先进位。", "2023-10-09"),
    ("提前实现了《“十四五”体育发展规划》中提出的目标，比2013年增长171%。", "2024-08-08"),
])
def test_plan_mentions_that_fit(text, date):
    assert lint(text, date=date) == []


# ---- terms, weekdays, impossible dates, dateline years -------------------------------------------------
def test_term_before_it_existed():
    fs = lint("加快培育新质生产力。", date="2022-05-01")
    assert rules(fs) == ["anachronism-term"] and "2023年9月7日" in fs[0].message
    assert lint("加快培育新质生产力。", date="2024-05-01") == []
    assert lint("加快培育新质生产力。") == []  # no date: silent


def test_weekday():
    fs = lint("2024年7月18日（星期三），全区召开大会。")
    assert rules(fs) == ["anachronism-weekday"] and fs[0].suggestion == "星期四"
    assert lint("2024年7月18日（星期四），全区召开大会。") == []
    assert rules(lint("7月18日（周三）召开。", date="2024-07-20")) == ["anachronism-weekday"]
    assert lint("7月18日（周四）召开。", date="2024-07-20") == []
    assert lint("7月18日（周三）召开。") == []  # no year, no page date: silent
    assert lint("12月29日（星期五）召开。", date="2024-01-03") == []  # the nearest year: 2023
    assert lint("3月1日周一至周五开放。", date="2024-03-01") == []  # a range, not a weekday


def test_impossible_dates():
    assert rules(lint("4月31日上午召开会议。")) == ["anachronism-impossible-date"]
    assert rules(lint("2023年2月29日召开会议。")) == ["anachronism-impossible-date"]
    assert lint("2024年2月29日召开会议。") == []
    assert lint("4月30日上午召开会议。") == []


def test_dateline_year():
    text = "本报讯（记者王明）2023年1月4日上午，全区召开推进会。\n"
    fs = lint(text, date="2024-01-06")
    assert rules(fs) == ["anachronism-dateline-year"] and fs[0].suggestion == "2024年1月4日"
    assert lint(text, date="2023-01-06") == []
    assert lint(text) == []  # the page date would come from this very dateline
    assert lint("本报讯 2023年12月30日，全区召开推进会。\n", date="2024-01-02") == []
    assert lint("央视网消息：2023年4月1日，《黄河保护法》正式实施，今天是施行一周年。\n", date="2024-04-01") == []


def test_top_date_line_against_the_file_name(tmp_path):
    fs = lint("2023年7月18日 星期二\n\n本报讯 全区召开推进会。\n", path=str(tmp_path / "20240718.txt"),
              select=("anachronism-dateline-year",))
    assert fs == []  # the top line is the page date (it comes before the file name)
    fs = lint("2023年7月18日 星期二\n\n本报讯 全区召开推进会。\n", date="2024-07-18",
              select=("anachronism-dateline-year",))
    assert rules(fs) == ["anachronism-dateline-year"]


# ---- options, config, packs -----------------------------------------------------------------------------
def test_date_option_and_explain_date(run_cli, write):
    p = write("page.txt", "深入学习贯彻党的二十大精神。\n")
    code, out, err = run_cli("check", "--no-cache", "--select", "anachronism", "--date", "2022-09-01",
                             "--explain-date", "--format", "json", p)
    doc = json.loads(out)
    assert code == 1 and [f["rule"] for f in doc["findings"]] == ["anachronism-ordinal"]
    assert doc["pages"][0]["date"] == "2022-09-01" and doc["pages"][0]["date_source"] == "--date"
    assert "2022-09-01" in err and "--date" in err
    code, out, err = run_cli("check", "--no-cache", "--select", "anachronism", "--date", "2023-09-01", p)
    assert code == 0
    code, out, err = run_cli("check", "--date", "2023-13-01", p)
    assert code == 2 and "date" in err


def test_config_dates_table(run_cli, write, tmp_path):
    write("newslint.toml", '[dates]\n"old/*.txt" = "2022-09-01"\n')
    p = write("old/a.txt", "深入学习贯彻党的二十大精神。\n")
    code, out, err = run_cli("check", "--no-cache", "--select", "anachronism", "--explain-date", p)
    assert code == 1 and "config" in err
    write("newslint.toml", '[dates]\n"old/*.txt" = "2023-09-01"\n')
    code, out, err = run_cli("check", "--no-cache", "--select", "anachronism", p)
    assert code == 0


def test_user_pack_adds_a_founding(run_cli, write):
    write("local.toml", '[[founding]]\nwhat = "焦作高新区成立"\ndate = 1992-11-01  # local yearbook\n'
                        'names = ["高新区成立"]\n')
    write("newslint.toml", 'packs = ["local.toml"]\n')
    p = write("a.txt", "庆祝高新区成立30周年。\n")
    code, out, err = run_cli("check", "--no-cache", "--select", "anachronism", "--date", "2023-11-01",
                             "--format", "json", p)
    msgs = [f["message"] for f in json.loads(out)["findings"]]
    assert code == 1 and len(msgs) == 1 and "local.toml" in msgs[0] and "31周年" in msgs[0]


def test_bad_pack_entry_is_a_config_error(run_cli, write):
    write("local.toml", '[[term]]\nterm = "某提法"\nsince = "soon"\n')
    write("newslint.toml", 'packs = ["local.toml"]\n')
    p = write("a.txt", "正文。\n")
    code, out, err = run_cli("check", "--no-cache", "--select", "anachronism", p)
    assert code == 2 and "local.toml:1" in err and "since" in err
