"""The wording rules: repeated 了, doubled characters and words, the faulty-phrase pack."""
import json

import pytest

SEL = "wording"


def findings(run_cli, path, select=SEL, *extra):
    code, out, err = run_cli("check", "--no-cache", "--format", "json", "--select", select, *extra, path)
    return json.loads(out)["findings"]


def check_text(run_cli, write, text, select=SEL, name="w.txt"):
    return findings(run_cli, write(name, text), select)


def test_repeated_le_found_and_fixed(run_cli, write):
    text = "## 区党政联席会议召开\n\n会议传达了学习了习近平总书记的重要讲话精神。\n"
    p = write("a.txt", text)
    fs = findings(run_cli, p)
    assert [f["rule"] for f in fs] == ["wording-repeated-le"]
    assert fs[0]["line"] == 3 and fs[0]["column"] == 3 and fs[0]["suggestion"] == "传达学习了"
    run_cli("check", "--no-cache", "--select", SEL, "--fix", "--unsafe-fixes", p)
    once = p.read_text(encoding="utf-8")
    assert "会议传达学习了习近平总书记" in once
    run_cli("check", "--no-cache", "--select", SEL, "--fix", "--unsafe-fixes", p)
    assert p.read_text(encoding="utf-8") == once


@pytest.mark.parametrize("sentence", [
    "三方会晤增进了彼此了解。",  # 了解 is a word
    "他看了看表，又想了想。",  # V了V is a reduplication
    "这里成为了朋友了。",  # 朋友 is not a verb
])
def test_repeated_le_false_cases(run_cli, write, sentence):
    assert check_text(run_cli, write, sentence + "\n", "wording-repeated-le") == []


@pytest.mark.parametrize("sentence,doubled", [
    ("这是是一次重要的会议。", "是是"),
    ("会议研究了全区的的重点工作。", "的的"),
    ("文化氩氩年味浓", "氩氩"),
])
def test_doubled_character_found(run_cli, write, sentence, doubled):
    fs = check_text(run_cli, write, sentence + "\n", "wording-repeated-word")
    assert len(fs) == 1
    f = fs[0]
    assert sentence[f["column"] - 1:f["end_column"] - 1] == doubled


def test_doubled_function_word_fixed_but_rare_character_not(run_cli, write):
    p = write("a.txt", "这是是一次重要的会议。\n\n文化氩氩年味浓\n")
    run_cli("check", "--no-cache", "--select", SEL, "--fix", "--unsafe-fixes", p)
    assert p.read_text(encoding="utf-8") == "这是一次重要的会议。\n\n文化氩氩年味浓\n"


@pytest.mark.parametrize("sentence", [
    "人人参与，常常见面，一一落实，谢谢大家。",
    "年年有余，天天向上，大家看看，层层压实，连连叫好。",
    "一个个精彩的节目，一张张欢乐的笑脸，一阵阵锣鼓声。",
    "把房间打扫得干干净净，认认真真做事，方方面面都要考虑到。",
    "我们要好好研究研究这个问题，再商量商量。",
    "会议集体学习习近平总书记重要讲话，发展人民民主。",
    "记者王丽丽报道，张婷婷参加比赛，小朋友小果果也来了。",
    "以“龙行龘龘，欣欣家国”为主题，采用“站站停”的运营模式。",
    "咚咚的鼓声，唰唰的声音。",
    "把任务一项一项落实好，一笔一笔算清楚。",
    "他是新中国中国法制史学科的主要创建者。",
])
def test_legitimate_reduplication_not_reported(run_cli, write, sentence):
    assert check_text(run_cli, write, sentence + "\n", "wording-repeated-word") == []


def test_doubled_word_found(run_cli, write):
    fs = check_text(run_cli, write, "我们我们要进一步压实责任。\n", "wording-repeated-word")
    assert len(fs) == 1 and fs[0]["message"].startswith("“我们”")
    assert (fs[0]["column"], fs[0]["end_column"]) == (1, 5)


@pytest.mark.parametrize("wrong,right", [
    ("希望大家再接再励，争取更好成绩。", "希望大家再接再厉，争取更好成绩。"),
    ("孩子们迫不急待地跑向操场。", "孩子们迫不及待地跑向操场。"),
    ("工人正在按装设备。", "工人正在安装设备。"),
    ("既使困难再大，也要按期完成。", "即使困难再大，也要按期完成。"),
    ("截止目前，已完成投资30亿元。", "截至目前，已完成投资30亿元。"),
])
def test_faulty_phrases(run_cli, write, wrong, right):
    p = write("p.txt", wrong + "\n")
    fs = findings(run_cli, p, "wording-faulty-phrase")
    assert len(fs) == 1 and fs[0]["severity"] == "warning"
    run_cli("check", "--no-cache", "--select", "wording-faulty-phrase", "--fix", "--unsafe-fixes", p)
    assert p.read_text(encoding="utf-8") == right + "\n"


@pytest.mark.parametrize("sentence", [
    "既使企业受益，又让群众满意。",
    "既使城市更美，也使群众得实惠。",
    "请按装箱单逐项核对，并按装修标准施工。",
    "即使困难再大，也要再接再厉。",
    "有关健康的知识要普及。",
])
def test_faulty_phrase_context_exceptions(run_cli, write, sentence):
    assert check_text(run_cli, write, sentence + "\n", "wording-faulty-phrase") == []


def test_user_pack_adds_phrases(run_cli, write, tmp_path):
    write("extra.toml", '[[phrase]]\nwrong = "高新区区"\nright = "高新区"\nsource = "house style"\n')
    write("newslint.toml", 'packs = ["extra.toml"]\n')
    fs = check_text(run_cli, write, "高新区区委召开会议。\n", "wording-faulty-phrase")
    assert [f["suggestion"] for f in fs] == ["高新区"]


def test_bad_pack_is_a_config_error(run_cli, write, tmp_path):
    write("extra.toml", '[[phrase]]\nright = "高新区"\n')
    write("newslint.toml", 'packs = ["extra.toml"]\n')
    p = write("a.txt", "正文。\n")
    code, out, err = run_cli("check", "--no-cache", "--select", "wording", p)
    assert code == 2 and "extra.toml" in err and "wrong" in err


def test_builtin_pack_is_well_formed():
    from pathlib import Path

    from newslint.config import tomllib  # tomli on Python < 3.11

    doc = tomllib.loads((Path(__file__).resolve().parent.parent / "rules" / "wording.toml").read_text("utf-8"))
    wrongs = [e["wrong"] for e in doc["phrase"]]
    assert len(wrongs) == len(set(wrongs))
    for e in doc["phrase"]:
        assert e["wrong"] != e["right"] and e.get("source"), e


def test_faulty_phrase_standard_before_its_year_is_not_judged(run_cli, write):
    # 好象 was the standard form until 1986: a page dated earlier is not judged on it
    old = write("report_1981.txt", "这就好象登山一样。\n")
    assert findings(run_cli, old, "wording-faulty-phrase") == []
    assert findings(run_cli, old, "wording-faulty-phrase", "--date", "1985-12-31") == []
    assert [f["rule"] for f in findings(run_cli, old, "wording-faulty-phrase", "--date", "2019-10-01")] == [
        "wording-faulty-phrase"]
    undated = write("a.txt", "这就好象登山一样。\n")
    assert [f["suggestion"] for f in findings(run_cli, undated, "wording-faulty-phrase")] == ["好像"]


@pytest.mark.parametrize("sentence", [
    "河滩上芦草萋萋，鸥鹭翔集。",  # ABB: a descriptive doubling of a bound character
    "新开的缤缤商场人流如织。",  # a status-word character doubled in a name
    "镇镇通公路，村村有卫生室。",  # a noun doubled for "every"
    "我们还有很长很长的路要走。",  # degree adverb + adjective, ABAB
    "他整夜整夜睡不着，树苗成片成片地栽下。",  # 整/成 + measure word, ABAB
    "咔嚓咔嚓的快门声，吱呀吱呀的木门。",  # onomatopoeia, ABAB
    "人群高喊“加油加油加油！”",  # three in a row: a chant
    "孩子们唱起“星光星光照我心”。",  # a doubled word opening a quotation: a verse or call
    "节目在哔哩哔哩等平台播出。",  # a name made of sound characters
    "老人扶扶帽檐，鸽子扑扑飞远。",  # monosyllabic verbs, AA
    "你去跟他们通融通融，看行不行。",  # a verb's ABAB ending its clause
])
def test_reduplication_kinds_not_reported(run_cli, write, sentence):
    assert check_text(run_cli, write, sentence + "\n", "wording-repeated-word") == []


@pytest.mark.parametrize("sentence,doubled", [
    ("我们要要把工作做好。", "要要"),  # a modal verb never reduplicates
    ("全区各单位单位要落实责任。", "单位单位"),  # a noun doubled inside its clause
])
def test_slips_still_reported(run_cli, write, sentence, doubled):
    fs = check_text(run_cli, write, sentence + "\n", "wording-repeated-word")
    assert len(fs) == 1 and sentence[fs[0]["column"] - 1:fs[0]["end_column"] - 1] == doubled


def test_doubled_content_character_is_a_warning_only_when_one_copy_bonds(run_cli, write):
    """A slip leaves one copy that reads as part of a word with its neighbour; a doubled content
    character that bonds with nothing (杈杈房, a regional noun) is a note, not a warning."""
    found = check_text(run_cli, write, "住的是杈杈房，漏雨又漏风。\n", "wording-repeated-word")
    assert [(f["severity"], f["column"]) for f in found] == [("info", 4)]
    found = check_text(run_cli, write, "他们在在会上发言。\n", "wording-repeated-word")
    assert [f["severity"] for f in found] == ["warning"]


def test_doubled_chars_finds_what_the_han_back_reference_finds():
    from newslint.checks.wording.common import DOUBLE, doubled_chars

    for s in ["这是是一次会议。", "好好好学习", "。。他们们\n\n来来", "aa啊啊  谢谢谢谢", "㐀㐀和和", "", "天天、、天天"]:
        assert [(m.start(), m.group()) for m in doubled_chars(s)] == [(m.start(), m.group()) for m in DOUBLE.finditer(s)]
