"""Name rules: look-alike and sound-alike people, organisations, titles, roster, no-alarm cases."""
import json

from newslint.analyses.mentions import analyse as mentions_of
from newslint.page import Page


def _check(run_cli, *paths, select="name", extra=()):
    code, out, err = run_cli("check", "--select", select, "--format", "json", "--no-cache", *extra,
                             *map(str, paths))
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def _page(text, path="p.txt"):
    return Page.from_text(path, text)


PAGE_A = """# 新区召开项目推进会

本报讯（记者周立新）3月2日上午，新区党工委副书记、管委会主任官志强主持召开项目推进会。区领导钱文斌、孙红梅参加会议。

官志强指出，要紧盯节点，加快推进项目建设。

## 宫志强调研园区企业

本报讯（记者周立新）3月3日，新区党工委副书记、管委会主任官志强到园区企业调研。

官志强要求，要优化服务，帮助企业解决困难。
"""


def test_mentions_contexts():
    ms = mentions_of(_page(PAGE_A))
    people = {(m.name, m.role) for m in ms.people()}
    assert ("官志强", "title") in people
    assert ("周立新", "byline") in people
    assert ("钱文斌", "list") in people and ("孙红梅", "list") in people
    assert ("宫志强", "speech") in people  # headline: name + 调研
    lst = [m for m in ms.people() if m.role == "list"]
    assert len({m.group for m in lst}) == 1 and lst[0].group >= 0
    titled = next(m for m in ms.people() if m.role == "title" and m.name == "官志强")
    assert titled.title.endswith("管委会主任")


def test_look_alike_within_a_page(write, run_cli):
    p = write("000.txt", PAGE_A)
    fs = _check(run_cli, p)
    v = [f for f in fs if f["rule"] == "name-variant"]
    assert len(v) == 1
    f = v[0]
    assert f["line"] == 7 and "宫志强" in f["message"] and "官志强" in f["message"]
    assert "形" in f["message"] and "多数写法为“官志强”" in f["message"]
    assert f["related"] and f["related"][0]["line"] in (3, 9)


def test_sound_alike_across_pages(write, run_cli):
    a = write("a.txt", "本报讯（记者李根治）5月6日，全市春季植树活动举行。\n\n活动现场，志愿者们挥锹培土。\n")
    b = write("b.txt", "本报讯（记者李根志）5月9日，全市防汛演练举行。\n\n演练共设置5个科目。\n")
    fs = [f for f in _check(run_cli, a, b) if f["rule"] == "name-variant"]
    assert {f["path"][-5:] for f in fs} == {"a.txt", "b.txt"}  # equal counts: both reported
    assert all("音近" in f["message"] for f in fs)
    assert any(r["path"].endswith("b.txt") for r in fs[0]["related"] + fs[1]["related"])


def test_majority_spelling_is_named(write, run_cli):
    good = "本报讯（记者李根治）{d}日，全市{x}活动举行。\n"
    paths = [write(f"p{i}.txt", good.format(d=i + 1, x=x)) for i, x in enumerate(["植树", "环保", "读书"])]
    paths.append(write("p9.txt", "本报讯（记者李根志）9日，全市体育活动举行。\n"))
    fs = [f for f in _check(run_cli, *paths) if f["rule"] == "name-variant"]
    assert [f["path"][-6:] for f in fs] == ["p9.txt"]
    assert "多数写法为“李根治”" in fs[0]["message"]


def test_no_alarm_for_people_in_one_list_or_with_other_titles(write, run_cli):
    # 伟/玮 sound alike, but names of one attendance list are different people
    a = write("a.txt", "本报讯（记者周立新）会议召开。区领导张建伟、张建玮、赵俊峰、赵俊生出席会议。\n")
    # 明/铭 sound alike, but each spelling carries its own specific title
    b = write("b.txt", "本报讯（记者周立新）副市长李德明出席活动。\n\n市交通局局长李德铭介绍了情况。\n")
    fs = _check(run_cli, a, b)
    assert [f for f in fs if f["rule"] == "name-variant"] == []


def test_different_given_names_are_not_compared(write, run_cli):
    p = write("a.txt", "本报讯（记者周立新）区委书记赵俊峰主持会议。\n\n区长赵俊生作报告。\n\n赵俊峰强调，要抓好落实。\n")
    assert [f for f in _check(run_cli, p) if f["rule"] == "name-variant"] == []


def test_organisation_with_prefix_and_added_word(write, run_cli):
    a = write("a.txt", "本报讯（记者周立新）副市长王立平先后到华锐精工重装股份有限公司、长丰药业有限公司调研。\n")
    b = write("b.txt", "3月7日，新乡华锐精工重装备股份有限公司的工人在车间作业。新乡市持续推进制造业升级。\n")
    fs = [f for f in _check(run_cli, a, b) if f["rule"] == "name-org-variant"]
    assert len(fs) == 2 and all(f["severity"] == "warning" for f in fs)
    assert "“备”" in fs[0]["message"] and fs[0]["related"]


def test_organisation_prefix_only_is_info(write, run_cli):
    a = write("a.txt", "本报讯 新乡宏达重工股份有限公司举行投产仪式。新乡市领导出席。\n")
    b = write("b.txt", "本报讯 宏达重工股份有限公司新品发布。\n")
    fs = [f for f in _check(run_cli, a, b) if f["rule"] == "name-org-variant"]
    assert fs and all(f["severity"] == "info" for f in fs)


def test_title_conflict_within_a_page(write, run_cli):
    p = write("a.txt", "本报讯（记者周立新）市政协副主席、新区党工委副书记陈立新主持会议。\n\n"
                       "又讯（记者周立新）新区党工委书记陈立新调研企业。\n\n"
                       "本报讯（记者周立新）新区党工委副书记陈立新出席活动。\n")
    fs = [f for f in _check(run_cli, p) if f["rule"] == "name-title-conflict"]
    assert len(fs) == 1 and fs[0]["severity"] == "warning" and fs[0]["line"] == 3
    assert "党工委书记" in fs[0]["message"] and "党工委副书记" in fs[0]["message"]


def test_title_change_across_pages_is_info(write, run_cli):
    a = write("a.txt", "本报讯（记者周立新）新区党工委副书记陈立新主持会议。\n")
    b = write("b.txt", "本报讯（记者周立新）新区党工委书记陈立新调研企业。\n")
    fs = [f for f in _check(run_cli, a, b) if f["rule"] == "name-title-conflict"]
    assert fs and all(f["severity"] == "info" for f in fs)


def test_roster_wrong_spelling_and_variant_are_errors_with_fix(write, run_cli, tmp_path):
    write("people.toml", '[[person]]\nname = "官志强"\ntitles = ["管委会主任"]\nwrong = ["宫志强"]\n'
                         'valid_from = 2023-01-01\n')
    write("newslint.toml", 'roster = ["people.toml"]\n')
    p = write("a.txt", "# 宫志强调研园区企业\n\n本报讯 管委会主任官志强出席。管委会主任官治强讲话。\n")
    fs = [f for f in _check(run_cli, p, select="name-roster") if f["rule"] == "name-roster"]
    msgs = sorted(f["message"] for f in fs)
    assert len(fs) == 2, msgs
    assert all(f["severity"] == "error" and f["suggestion"] == "官志强" for f in fs)
    before = p.read_text(encoding="utf-8")
    run_cli("check", "--select", "name-roster", "--fix", "--no-cache", str(p))
    assert p.read_text(encoding="utf-8") == before  # rewriting a name is an unsafe fix
    code, out, err = run_cli("check", "--select", "name-roster", "--fix", "--unsafe-fixes", "--no-cache", str(p))
    text = p.read_text(encoding="utf-8")
    assert "宫志强" not in text and "官治强" not in text and text.count("官志强") == 3


def test_roster_errors_are_reported_in_config(write, run_cli):
    write("people.toml", '[[person]]\ntitles = ["x"]\n')
    write("newslint.toml", 'roster = ["people.toml"]\n')
    p = write("a.txt", "本报讯 会议召开。\n")
    code, out, err = run_cli("check", "--select", "name", "--no-cache", str(p))
    assert code == 2 and "people.toml" in err and "name" in err


def test_names_command(write, run_cli):
    a = write("000.txt", PAGE_A)
    code, out, err = run_cli("names", "--format", "json", str(a))
    assert code == 0, err
    rows = json.loads(out)["entities"]
    ent = next(r for r in rows if r["entity"] == "官志强")
    assert {s["name"] for s in ent["spellings"]} == {"官志强", "宫志强"} and ent["variants"]
    assert any("管委会主任" in t for t in ent["titles"])
    code, out, err = run_cli("names", str(a))
    assert code == 0 and "官志强" in out and "多种写法" in out


def test_rule_docs(run_cli):
    for rid in ("name-variant", "name-org-variant", "name-title-conflict", "name-roster"):
        code, out, _ = run_cli("rule", rid)
        assert code == 0 and rid in out


def test_roster_title_contradiction(write, run_cli):
    write("people.toml", '[[person]]\nname = "林望舒"\ntitles = ["示例区党工委副书记"]\n')
    write("newslint.toml", 'roster = ["people.toml"]\n')
    p = write("a.txt", "本报讯 示例区党工委书记林望舒出席会议。\n\n示例区党工委副书记林望舒讲话。\n")
    fs = [f for f in _check(run_cli, p, select="name-roster") if f["rule"] == "name-roster"]
    assert len(fs) == 1 and fs[0]["line"] == 1 and fs[0]["severity"] == "warning"
    assert "名册记为“示例区党工委副书记”" in fs[0]["message"]


def test_example_roster_is_valid(tmp_path, write, run_cli):
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "rules" / "roster.example.toml"
    write("newslint.toml", f'roster = ["{example.as_posix()}"]\n')
    p = write("a.txt", "本报讯（本报记者 顾清和）林忘舒到示例市远航重装股份有限公司调研。\n")
    fs = [f for f in _check(run_cli, p, select="name-roster") if f["rule"] == "name-roster"]
    assert {f["suggestion"] for f in fs} == {"林望舒", "示例市远航重装备股份有限公司"}


def test_a_leader_named_alone_before_an_attendance_verb_is_a_mention(write, run_cli):
    text = ("## 全区安全生产会议召开\n\n本报讯（记者赵文）10月11日，全区安全生产会议召开。区领导孙明、孙亮、钱正国参加会议。\n\n"
            "## 全区消防工作推进会召开\n\n本报讯（记者赵文）10月10日，全区消防工作推进会召开。区领导孙铭参加会议。\n")
    fs = _check(run_cli, write("p.txt", text))
    assert fs and all(f["rule"] == "name-variant" for f in fs)
    assert {"孙明", "孙铭"} <= set("".join(f["message"] for f in fs).replace("“", " ").replace("”", " ").split())
    # the same leader spelt the same way in both articles: nothing to report
    clean = text.replace("孙铭", "孙明")
    assert _check(run_cli, write("q.txt", clean)) == []


def test_words_next_to_titles_and_lists_are_not_names():
    text = ("会议指出，要深入学习贯彻习近平总书记关于党的自我革命的重要思想。"
            "习近平总书记强调，山东要在推进中国式现代化中走在前。"
            "中方支持俄方担任金砖国家轮值主席国工作。"
            "部长王明会见了驻华大使常华等外方代表。在习主席关心下，双方签署协议。\n")
    people = {m.name for m in mentions_of(_page(text)).people()}
    assert people == {"王明", "常华"}


def test_a_misspelt_repeat_of_a_titled_name_is_compared():
    text = ("## 全区安全生产会议召开\n\n本报讯（记者王小明）区委副书记、区长孙立民主持会议。孙立民指出，要压实责任。\n\n"
            "会后，检查组在孙力民的带领下检查了重点企业。王小朋友们在广场上放风筝。\n")
    # 王小朋(友) resembles the reporter 王小明 but runs into a word: no mention
    near = [m for m in mentions_of(_page(text)).people() if m.role == "near-repeat"]
    assert [m.name for m in near] == ["孙力民"] and not near[0].strong
    # a title after the name is no obstacle
    near = [m for m in mentions_of(_page(text.replace("在孙力民的带领下", "由孙力民区长带队"))).people()
            if m.role == "near-repeat"]
    assert [m.name for m in near] == ["孙力民"]


def test_misspelt_plain_repeat_is_reported(write, run_cli):
    text = ("## 全区安全生产会议召开\n\n本报讯（记者赵文）区委副书记、区长孙立民主持会议。孙立民指出，要压实责任。\n\n"
            "会后，检查组在孙力民的带领下检查了重点企业，孙立民要求立即整改。\n")
    fs = [f for f in _check(run_cli, write("p.txt", text)) if f["rule"] == "name-variant"]
    assert len(fs) == 1 and fs[0]["line"] == 5 and "多数写法为“孙立民”" in fs[0]["message"]
    # the same name printed right everywhere: nothing
    assert _check(run_cli, write("q.txt", text.replace("孙力民", "孙立民"))) == []


def test_a_misspelt_two_character_name_needs_a_name_like_context():
    text = ("## 全区安全生产会议召开\n\n本报讯 区委书记吕沛主持会议并讲话。吕沛指出，要压实责任。\n\n"
            "下午的座谈会由吕佩主持。吕佩华等人作了发言。\n")
    near = [m for m in mentions_of(_page(text)).people() if m.role == "near-repeat"]
    assert [(m.name, m.start) for m in near] == [("吕佩", text.index("吕佩主持"))]
    # in a list of names it is another person of its own
    listed = text.replace("下午的座谈会由吕佩主持。", "会议由刘红、吕佩、王强主持。")
    assert [m for m in mentions_of(_page(listed)).people() if m.role == "near-repeat"] == []


def test_a_dateline_is_not_part_of_a_title():
    text = "## 标题\n\n本报讯（记者赵文）区委副书记、区长孙立民主持会议。\n\n新华社北京3月5日电 外交部发言人毛宁表示，中方欢迎。\n"
    titles = {m.name: m.title for m in mentions_of(_page(text)).people()}
    assert titles["孙立民"] == "区委副书记、区长" and titles["毛宁"] == "外交部发言人"


# ---- issues: pages of one date are one issue, other dates are archive context ------------------------
BYLINE = "本报讯（记者{name}）{d}日，全市{x}活动举行。\n\n活动现场，志愿者们忙碌着。\n"


def test_a_sound_alike_byline_is_a_warning_within_an_issue_and_info_across_dates(write, run_cli):
    a = write("20240506-01.txt", BYLINE.format(name="李根治", d=6, x="植树"))
    b = write("20240506-02.txt", BYLINE.format(name="李根志", d=6, x="防汛"))
    fs = [f for f in _check(run_cli, a, b) if f["rule"] == "name-variant"]
    assert len(fs) == 2 and {f["severity"] for f in fs} == {"warning"}
    c = write("20240509-02.txt", BYLINE.format(name="李根志", d=9, x="防汛"))
    fs = [f for f in _check(run_cli, a, c) if f["rule"] == "name-variant"]
    assert len(fs) == 2 and {f["severity"] for f in fs} == {"info"}
    assert "不同日期" in fs[0]["message"]


def test_a_shared_specific_title_is_evidence_across_dates(write, run_cli):
    a = write("20240506-01.txt", "本报讯 5月6日，新区管委会主任罗建夫会见客商。\n\n罗建夫介绍了园区情况。\n")
    b = write("20240610-01.txt", "本报讯 6月10日，新区管委会主任罗建芙调研企业。\n\n罗建芙要求，要优化服务。\n")
    fs = [f for f in _check(run_cli, a, b) if f["rule"] == "name-variant"]
    assert fs and {f["severity"] for f in fs} == {"warning"}
    assert all("管委会主任" in f["message"] for f in fs)


def test_two_well_attested_look_alike_bylines_are_two_reporters(write, run_cli):
    paths = [write(f"20240506-0{i}.txt", BYLINE.format(name=n, d=6, x=x))
             for i, (n, x) in enumerate([("王珂", "植树"), ("王珏", "防汛"), ("王珂", "读书"), ("王珏", "环保")])]
    assert [f for f in _check(run_cli, *paths) if f["rule"] == "name-variant"] == []


def test_words_added_to_a_name_and_quantities_are_not_organisation_variants(write, run_cli):
    a = write("a.txt", "本报讯 我国大中型商业银行加大小微企业贷款投放。北京大学原计算机科学技术研究所举办报告会。"
                       "今年新建1.1万多所农村中小学。\n")
    b = write("b.txt", "本报讯 大型商业银行普惠贷款增长较快。北京大学计算机科学技术研究所举办报告会。"
                       "今年改造3万所农村中小学。\n")
    assert [f for f in _check(run_cli, a, b) if f["rule"] == "name-org-variant"] == []


def test_a_place_level_dropped_from_an_organisation_is_only_a_prefix_difference():
    from newslint.checks.names import Spelling, _judge_orgs, org_parts

    a, b = Spelling("青川县人民医院", "org"), Spelling("青川人民医院", "org")
    pair = _judge_orgs(a, b, org_parts(a.name, set()), org_parts(b.name, set()))
    assert pair is not None and pair.relation == "prefix"  # reported as info
    c = Spelling("青川人民眼科医院", "org")
    pair = _judge_orgs(c, b, org_parts(c.name, set()), org_parts(b.name, set()))
    assert pair is None or pair.relation != "prefix"


def test_find_all_finds_what_an_alternation_longest_first_finds():
    import random
    import re

    from newslint.analyses.mentions import find_all, first_chars

    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice("王李明华强国") for _ in range(rng.randrange(0, 40)))
        words = {"".join(rng.choice("王李明华强国") for _ in range(rng.choice((1, 2, 3)))) for _ in range(4)}
        pat = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        assert list(find_all(text, words)) == [m.span() for m in pat.finditer(text)]
        assert first_chars(text, {"王", "明"}) == [m.start() for m in re.finditer("[王明]", text)]


def test_verb_after_a_name_in_one_match_equals_three():
    import random

    from newslint.analyses.mentions import _VERB_AFTER_NAME, CLAUSE_VERBS

    rng = random.Random(1)
    alpha = "指出强调表示说，在会上中时期间王李明\n要求主持"
    for _ in range(2000):
        t = "".join(rng.choice(alpha) for _ in range(rng.randrange(0, 14)))
        for i in range(len(t) + 1):
            three = any(CLAUSE_VERBS.match(t, i + k) for k in (2, 3, 4))
            assert three == bool(_VERB_AFTER_NAME.match(t, i)), (t, i)
