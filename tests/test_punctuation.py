"""The punctuation rules beyond the half-width marks (tested throughout the CLI tests): doubled marks."""
import json

SEL = "punctuation-doubled"


def findings(run_cli, path):
    code, out, err = run_cli("check", "--no-cache", "--format", "json", "--select", SEL, path)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def test_a_doubled_mark_is_reported_and_fixed_to_one(run_cli, write):
    text = "## 标题\n\n本报讯 会议强调，，要压实责任。。各部门要抓好落实。\n"
    p = write("a.txt", text)
    fs = findings(run_cli, p)
    assert [(f["line"], f["column"], f["end_column"], f["suggestion"]) for f in fs] == [
        (3, 9, 11, "，"), (3, 16, 18, "。")]
    run_cli("check", "--no-cache", "--select", SEL, "--fix", p)
    assert p.read_text(encoding="utf-8") == "## 标题\n\n本报讯 会议强调，要压实责任。各部门要抓好落实。\n"
    assert findings(run_cli, p) == []


def test_two_different_marks_are_reported_but_left_to_the_editor(run_cli, write):
    text = "## 标题\n\n本报讯 会议强调，。要压实责任？，各部门要抓好落实。\n"
    p = write("b.txt", text)
    fs = findings(run_cli, p)
    assert [(f["column"], f["suggestion"]) for f in fs] == [(9, None), (16, None)]
    run_cli("check", "--no-cache", "--select", SEL, "--fix", p)
    assert p.read_text(encoding="utf-8") == text


def test_marks_that_are_two_characters_or_may_follow_each_other_are_not_reported(run_cli, write):
    text = "## 标题\n\n他说：“真的吗？！”大家……都笑了——这是第一次。“好！”她说。\n"
    assert findings(run_cli, write("c.txt", text)) == []


def _halfwidth(run_cli, path):
    code, out, err = run_cli("check", "--no-cache", "--format", "json", "--select", "punctuation-halfwidth", path)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def test_emoticons_scores_and_formulas_are_not_punctuation(run_cli, write):
    p = write("a.txt", "今天天气真好:)\n\n他说:-)没问题\n\n这是一个好消息(^_^)。\n\n比赛以3:1结束，时间10:30。\n\n"
                       "研究f(x)的性质。\n\n书名《Python: A Guide》很好。\n")
    assert _halfwidth(run_cli, p) == []


def test_halfwidth_marks_beside_emoticon_look_alikes_still_found(run_cli, write):
    # a bare :( is a colon and a bracket: 他说:(一)…; a run of ! ends a Chinese sentence
    p = write("a.txt", "他说:(一)加强领导。\n\n这太棒了!!\n")
    found = [(f["line"], f["suggestion"]) for f in _halfwidth(run_cli, p)]
    assert found == [(1, "："), (1, "（一）"), (3, "！"), (3, "！")]
