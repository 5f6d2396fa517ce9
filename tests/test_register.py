"""Names known from the archive (a register built by ``newslint names --format toml``), one-off spellings
beside a name the page prints often, names in lists and bylines.  Invented text only."""
import json
import sys

from helpers import lint_text
from newslint.analyses.mentions import analyse as mentions_of
from newslint.page import Page

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ONE_OFF = """# 示范区推进项目建设

本报讯 市委书记尹强到示范区调研。尹强先后来到两家企业，察看生产情况。

尹强指出，要抓好项目建设。尹强强调，要优化营商环境。

尹弦还察看了新建厂房的施工进度。

尹强要求，各部门要形成合力。
"""


def _names(findings, rule="name-variant"):
    return [f.message for f in findings if f.rule == rule and f.severity in ("warning", "error")]


def test_one_off_beside_a_name_printed_often_is_reported_without_a_title():
    msgs = _names(lint_text(ONE_OFF, ["name"]))
    assert any("尹弦" in m and "尹强" in m for m in msgs), msgs


def test_one_off_with_a_title_of_its_own_is_another_person():
    text = ONE_OFF.replace("尹弦还察看了", "公司董事长尹弦介绍了")
    assert not any("尹弦" in m for m in _names(lint_text(text, ["name"])))


def test_weakly_alike_one_off_needs_an_established_name():
    # printed twice only: a weak likeness (a shared component) is no evidence yet
    text = (ONE_OFF.replace("尹强指出，要抓好项目建设。尹强强调，要优化营商环境。", "会议指出，要抓好项目建设。")
            .replace("尹强要求", "会议要求"))
    assert not any("尹弦" in m for m in _names(lint_text(text, ["name"])))


def test_misspelt_member_of_a_list_is_reported_when_the_page_prints_the_right_spelling():
    text = ("# 区里召开推进会\n\n本报讯 区委书记张建国主持会议并讲话。\n\n张建国指出，要抓好项目建设。\n\n"
            "区领导张建果、李明华、王红梅出席会议。\n")
    assert any("张建果" in m and "张建国" in m for m in _names(lint_text(text, ["name"])))
    good = text.replace("张建果", "张建国")
    assert not _names(lint_text(good, ["name"]))


def test_names_after_one_byline_role_are_different_people():
    text = "# 国庆见闻\n\n（本报记者周明、王珏、郑红、王瑨）\n\n街头人潮涌动。\n"
    ms = [m for m in mentions_of(Page.from_text("p.txt", text)).people() if m.role == "byline"]
    assert {m.name for m in ms} >= {"王珏", "王瑨"}
    assert len({m.group for m in ms}) == 1 and ms[0].group >= 0
    assert not _names(lint_text(text, ["name"]))


def test_near_repeat_across_an_edge_word_when_the_page_prints_the_name_so():
    # 实习 is a word, but the page prints 习建明书记 itself: 落实习建鸣书记 is the name misspelt
    text = ("# 区里召开会议\n\n本报讯 区委书记习建明主持会议。习建明书记指出，要抓好落实。\n\n"
            "会议要求，各单位要认真落实习建鸣书记的讲话要求。\n\n习建明强调，要加强作风建设。\n")
    assert any("习建鸣" in m for m in _names(lint_text(text, ["name"])))


# ---- the register ----------------------------------------------------------------------------------
ARCHIVE_PAGE = """# 示范区召开项目推进会

本报讯（记者顾清和）区委书记赵振远主持召开项目推进会。赵振远指出，要加快项目建设。

赵振远强调，要优化营商环境。区领导钱文斌、孙红梅参加会议。
"""


def _archive(tmp_path):
    arch = tmp_path / "archive"
    arch.mkdir()
    (arch / "20240105-01.txt").write_text(ARCHIVE_PAGE, encoding="utf-8")
    (arch / "20240212-01.txt").write_text(ARCHIVE_PAGE.replace("推进会", "调度会"), encoding="utf-8")
    return arch


def test_names_writes_a_register_from_an_archive(run_cli, tmp_path):
    arch = _archive(tmp_path)
    out = tmp_path / "register.toml"
    code, _, err = run_cli("names", "--archive", str(arch), "--format", "toml", "-o", str(out))
    assert code == 0, err
    doc = tomllib.loads(out.read_text(encoding="utf-8"))
    people = {e["name"]: e for e in doc["person"]}
    e = people["赵振远"]
    assert e["count"] == 6 and e["pages"] == 2
    assert "区委书记" in e["titles"]
    assert str(e["first"]) == "2024-01-05" and str(e["last"]) == "2024-02-12"
    # a spelling seen once is not attested (--min-count 2)
    code, _, _ = run_cli("names", "--archive", str(arch), "--format", "toml", "--min-count", "7",
                         "-o", str(out))
    assert "赵振远" not in out.read_text(encoding="utf-8")


def _with_register(run_cli, tmp_path, page_text):
    arch = _archive(tmp_path)
    reg = tmp_path / "register.toml"
    code, _, err = run_cli("names", "--archive", str(arch), "--format", "toml", "-o", str(reg))
    assert code == 0, err
    (tmp_path / "newslint.toml").write_text('roster = ["register.toml"]\n', encoding="utf-8")
    page = tmp_path / "20240301-01.txt"
    page.write_text(page_text, encoding="utf-8")
    code, out, err = run_cli("check", "--config", str(tmp_path / "newslint.toml"), "--select", "name-roster",
                             "--format", "json", "--no-cache", str(page))
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def test_register_one_off_alike_to_an_attested_name_is_a_warning_in_a_list_too(run_cli, tmp_path):
    fs = _with_register(run_cli, tmp_path, "# 区里开会\n\n本报讯 区领导赵振源、钱文斌出席会议。\n")
    assert [(f["severity"], f["suggestion"]) for f in fs] == [("warning", "赵振远")], fs
    assert "存档" in fs[0]["message"]


def test_register_stays_silent_without_strong_evidence(run_cli, tmp_path):
    # printed twice on the page: a person of its own, not a slip
    twice = "# 区里开会\n\n本报讯 区领导赵振源、钱文斌出席会议。区领导赵振源、孙红梅参加调研。\n"
    (tmp_path / "a").mkdir()
    assert not _with_register(run_cli, tmp_path / "a", twice)
    # another rank: the company's chairman is not the district's secretary
    other = "# 企业动态\n\n本报讯 公司董事长赵振源介绍了企业发展情况。\n"
    (tmp_path / "b").mkdir()
    assert not _with_register(run_cli, tmp_path / "b", other)
    # the attested spelling itself
    (tmp_path / "c").mkdir()
    assert not _with_register(run_cli, tmp_path / "c", "# 区里开会\n\n本报讯 区领导赵振远、钱文斌出席会议。\n")


def test_register_names_do_not_make_variants_errors(run_cli, tmp_path):
    # a register is evidence of usage, not an authority: name-variant keeps its own severity
    arch = _archive(tmp_path)
    reg = tmp_path / "register.toml"
    run_cli("names", "--archive", str(arch), "--format", "toml", "-o", str(reg))
    (tmp_path / "newslint.toml").write_text('roster = ["register.toml"]\n', encoding="utf-8")
    page = tmp_path / "20240301-01.txt"
    page.write_text(ONE_OFF.replace("尹强", "赵振远").replace("尹弦", "赵振沅"), encoding="utf-8")
    code, out, _ = run_cli("check", "--config", str(tmp_path / "newslint.toml"), "--select", "name-variant",
                           "--format", "json", "--no-cache", str(page))
    fs = json.loads(out)["findings"]
    assert fs and all(f["severity"] == "warning" for f in fs)


def test_contained_component_with_the_same_title_is_reported():
    text = "# 市里开会\n\n本报讯 市长王建军出席会议。市长王建车指出，要抓好项目建设。王建军强调，要优化营商环境。\n"
    assert any("王建车" in m and "王建军" in m for m in _names(lint_text(text, ["name"])))


def test_two_character_slip_after_the_title_the_page_prints_the_name_with():
    text = ("# 区里开会\n\n本报讯 区委书记吕强主持会议。吕强指出，要抓好落实。\n\n吕强强调，要转变作风。\n\n"
            "会后，区委书记吕蔷监督签约。\n")
    assert any("吕蔷" in m for m in _names(lint_text(text, ["name"])))
    # without the printed context, a surname and a character before an unknown word stay unread
    other = text.replace("会后，区委书记吕蔷监督签约。", "会后，吕蔷监督签约。")
    assert not any("吕蔷" in m for m in _names(lint_text(other, ["name"])))


LIST_PAGE = ("# 区里开会\n\n本报讯 区委书记吕强主持会议。吕强指出，要抓好落实。\n\n吕强强调，要转变作风。\n\n"
             "签约仪式上，吕蔷、孙红梅为项目揭牌。\n")


def test_two_character_slip_in_a_list_without_an_intro_word():
    assert any("吕蔷" in m and "吕强" in m for m in _names(lint_text(LIST_PAGE, ["name"])))


def test_a_list_naming_both_spellings_is_two_people():
    text = LIST_PAGE.replace("吕蔷、孙红梅", "吕强、吕蔷")
    assert not any("吕蔷" in m for m in _names(lint_text(text, ["name"])))
