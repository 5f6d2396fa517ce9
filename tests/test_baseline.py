"""Baselines and fingerprints: `newslint baseline`, `check --baseline`, `--update-baseline`."""
import json
import shutil

import pytest

PAGE = ("# 高新区召开安全生产会议\n\n"
        "本报讯(记者张三)1月2日,高新区召开安全生产工作会议。\n\n"
        "会议强调,要压实企业主体责任;各部门要加强协作。\n\n"
        "会议还研究了其他事项。\n")


def _json(out):
    return json.loads(out)["findings"]


def _fps(run_cli, path):
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", path)
    return sorted(f["fingerprint"] for f in _json(out))


def _baseline(run_cli, tmp_path, *paths):
    bl = tmp_path / "bl.json"
    code, out, err = run_cli("baseline", "--select", "punctuation", "-o", bl, *paths)
    assert code == 0, err
    return bl


def _check(run_cli, bl, *paths, extra=()):
    return run_cli("check", "--format", "json", "--select", "punctuation", "--baseline", bl, *extra, *paths)


def test_baseline_hides_known_and_fails_on_new(write, run_cli, tmp_path):
    p = write("page.md", PAGE)
    bl = _baseline(run_cli, tmp_path, p)
    doc = json.loads(bl.read_text(encoding="utf-8"))
    assert doc["version"] == 1 and len(doc["findings"]) == 4
    assert {e["path"] for e in doc["findings"]} == {"page.md"}  # relative to the baseline file
    code, out, err = _check(run_cli, bl, p)
    assert code == 0 and _json(out) == []
    assert "4 个已知问题" in err
    assert json.loads(out)["baseline"]["known"] == 4
    # a new defect is reported and fails the run; the known ones stay hidden
    p.write_text(PAGE + "\n新增段落,出现半角逗号。\n", encoding="utf-8")
    code, out, err = _check(run_cli, bl, p)
    assert code == 1
    new = _json(out)
    assert len(new) == 1 and new[0]["line"] == 9
    # without the baseline all five are there (a bracket pair is one finding)
    assert len(_fps(run_cli, p)) == 5


def test_text_format_summary_counts_only_new(write, run_cli, tmp_path):
    p = write("page.md", PAGE)
    bl = _baseline(run_cli, tmp_path, p)
    code, out, err = run_cli("check", "--select", "punctuation", "--baseline", bl, p)
    assert code == 0 and "未发现问题" in out


@pytest.mark.parametrize("edit", [
    pytest.param(lambda t: "新华社消息。\n\n另一条新闻的第一段。\n\n" + t, id="insert-lines-above"),
    pytest.param(lambda t: "插入的一行没有空行。\n" + t, id="insert-line-directly-above"),
    pytest.param(lambda t: t.replace("# 高新区召开安全生产会议\n\n", ""), id="delete-lines-above"),
    pytest.param(lambda t: t.replace("会议强调,要压实", "会议强调,\n要压实").replace("1月2日,高新区", "1月2日,高新\n区"),
                 id="reflow-paragraph"),
    pytest.param(lambda t: t.replace("会议强调,要", "会议强调，要"), id="fix-another-finding"),
    pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf-line-endings"),
])
def test_fingerprints_survive_unrelated_edits(write, run_cli, tmp_path, edit):
    p = write("page.md", PAGE)
    bl = _baseline(run_cli, tmp_path, p)
    before = set(_fps(run_cli, p))
    p.write_bytes(edit(PAGE).encode("utf-8"))
    after = set(_fps(run_cli, p))
    assert after <= before  # nothing left over became "new"
    code, out, err = _check(run_cli, bl, p)
    assert code == 0 and _json(out) == [], out


def test_fixing_one_finding_leaves_one_absent_entry(write, run_cli, tmp_path):
    p = write("page.md", PAGE)
    bl = _baseline(run_cli, tmp_path, p)
    p.write_text(PAGE.replace("会议强调,要", "会议强调，要"), encoding="utf-8")
    code, out, err = _check(run_cli, bl, p)
    assert code == 0
    assert json.loads(out)["baseline"]["absent"] == 1
    assert "1 条记录已不再出现" in err and "--update-baseline" in err
    # the baseline file is untouched without --update-baseline
    assert len(json.loads(bl.read_text(encoding="utf-8"))["findings"]) == 4


def test_update_baseline_prunes_absent_entries_but_never_adds(write, run_cli, tmp_path):
    p = write("page.md", PAGE)
    other = write("other.txt", "另一版面,半角逗号。\n")
    bl = _baseline(run_cli, tmp_path, p, other)
    assert len(json.loads(bl.read_text(encoding="utf-8"))["findings"]) == 5
    p.write_text("插入一段。\n\n" + PAGE.replace("会议强调,要", "会议强调，要") + "\n新问题,出现。\n",
                 encoding="utf-8")
    # only page.md is checked: other.txt's entry is kept, the fixed one removed, the new one not added
    code, out, err = _check(run_cli, bl, p, extra=("--update-baseline",))
    assert code == 1 and len(_json(out)) == 1
    assert "删去 1 条" in err
    entries = json.loads(bl.read_text(encoding="utf-8"))["findings"]
    assert len(entries) == 4
    assert sum(e["path"] == "other.txt" for e in entries) == 1
    # entries that matched now carry their current line
    assert sorted(e["line"] for e in entries if e["path"] == "page.md") == [5, 5, 7]
    code, out, err = _check(run_cli, bl, p)
    assert code == 1 and "不再出现" not in err


def test_renaming_the_directory_prefix_keeps_matching(write, run_cli, tmp_path):
    p = write("2024/01/page.md", PAGE)
    bl = _baseline(run_cli, tmp_path, tmp_path / "2024")
    before = _fps(run_cli, p)
    moved = tmp_path / "archive" / "jan" / "page.md"
    moved.parent.mkdir(parents=True)
    shutil.move(str(p), moved)
    assert _fps(run_cli, moved) == before
    code, out, err = _check(run_cli, bl, tmp_path / "archive")
    assert code == 0 and _json(out) == [] and "不再出现" not in err


def test_two_identical_defects_stay_two_entries(write, run_cli, tmp_path):
    para = "会议指出,要抓好落实。\n\n"
    p = write("page.txt", para * 2)
    bl = _baseline(run_cli, tmp_path, p)
    entries = json.loads(bl.read_text(encoding="utf-8"))["findings"]
    assert len(entries) == 2 and len({e["fingerprint"] for e in entries}) == 2
    p.write_text(para * 3, encoding="utf-8")
    code, out, err = _check(run_cli, bl, p)
    assert code == 1 and len(_json(out)) == 1  # the third copy is new
    p.write_text(para, encoding="utf-8")
    code, out, err = _check(run_cli, bl, p)
    assert code == 0 and json.loads(out)["baseline"]["absent"] == 1


def test_same_name_in_two_directories_are_distinct(write, run_cli, tmp_path):
    a = write("a/page.txt", "会议指出,要抓好落实。\n")
    b = write("b/page.txt", "会议指出,要抓好落实。\n")
    bl = _baseline(run_cli, tmp_path, a, b)
    assert len(json.loads(bl.read_text(encoding="utf-8"))["findings"]) == 2
    code, out, err = _check(run_cli, bl, a, b)
    assert code == 0 and _json(out) == []
    c = write("c/page.txt", "会议指出,要抓好落实。\n")
    code, out, err = _check(run_cli, bl, a, b, c)
    assert code == 1 and len(_json(out)) == 1


def test_baseline_from_configuration_and_default_name(write, run_cli, tmp_path, monkeypatch):
    p = write("pages/page.md", PAGE)
    write("newslint.toml", 'baseline = "known.json"\nselect = ["punctuation"]\n')
    code, out, err = run_cli("baseline", p)
    assert code == 0 and (tmp_path / "known.json").is_file()
    code, out, err = run_cli("check", p)
    assert code == 0 and "4 个已知问题" in err
    monkeypatch.chdir(tmp_path / "pages")
    (tmp_path / "newslint.toml").unlink()
    code, out, err = run_cli("baseline", "--select", "punctuation", "page.md")
    assert code == 0 and (tmp_path / "pages" / ".newslint-baseline.json").is_file()


def test_baseline_errors_are_one_line_exit_2(write, run_cli, tmp_path):
    p = write("page.md", PAGE)
    code, out, err = run_cli("check", "--baseline", tmp_path / "missing.json", p)
    assert code == 2 and "newslint baseline" in err and "Traceback" not in err
    bad = write("bad.json", "{not json")
    code, out, err = run_cli("check", "--baseline", bad, p)
    assert code == 2 and "cannot read baseline" in err
    code, out, err = run_cli("check", "--update-baseline", p)
    assert code == 2 and "--baseline" in err


def test_fail_on_applies_to_new_findings_only(write, run_cli, tmp_path):
    p = write("page.md", PAGE)
    bl = _baseline(run_cli, tmp_path, p)
    p.write_text(PAGE + "\n新问题,出现。\n", encoding="utf-8")
    assert _check(run_cli, bl, p, extra=("--fail-on", "error"))[0] == 0
    assert _check(run_cli, bl, p)[0] == 1
