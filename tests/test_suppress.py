"""Suppressions: Markdown comments, [[per-file]] configuration, --report-unused-disables."""
import json

import pytest

BAD = "会议强调,要压实企业主体责任。"


def _findings(run_cli, *argv):
    code, out, err = run_cli("check", "--format", "json", *argv)
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def _rules_lines(findings):
    return sorted((f["rule"], f["line"]) for f in findings)


def test_disable_next_line_and_disable_line(write, run_cli):
    p = write("a.md", "\n".join([
        "# 标题",
        "",
        "<!-- newslint-disable-next-line punctuation-halfwidth -->",
        BAD,                                                     # 4: suppressed
        "",
        BAD + "<!-- newslint-disable-line -->",                  # 6: suppressed (all rules)
        "",
        BAD,                                                     # 8: reported
        "",
        "<!-- newslint-disable-next-line wording -->",
        "",
        BAD,                                                     # 12: other rule named: reported
        "",
    ]))
    code, fs = _findings(run_cli, "--select", "punctuation", p)
    assert _rules_lines(fs) == [("punctuation-halfwidth", 8), ("punctuation-halfwidth", 12)]


def test_disable_enable_ranges_by_rule_and_category(write, run_cli):
    p = write("a.md", "\n\n".join([
        "<!-- newslint-disable punctuation -->",  # a category
        BAD,                                      # 3
        "<!-- newslint-enable -->",
        BAD,                                      # 7
        "<!-- newslint-disable punctuation-halfwidth, wording -->",
        BAD,                                      # 11
        "<!-- newslint-enable punctuation-halfwidth -->",
        BAD,                                      # 15
        "<!-- newslint-disable -->",
        BAD,                                      # 19: to the end of the page
    ]) + "\n")
    code, fs = _findings(run_cli, "--select", "punctuation", p)
    assert [f["line"] for f in fs] == [7, 15]


def test_reason_after_double_dash(write, run_cli):
    p = write("a.md", "<!-- newslint-disable-next-line punctuation-halfwidth -- 引语照录原文 -->\n" + BAD + "\n")
    code, fs = _findings(run_cli, "--select", "punctuation,structure-unused-disable", p)
    assert fs == [] and code == 0


def test_comments_in_plain_text_do_nothing_and_are_reported(write, run_cli):
    p = write("a.txt", "<!-- newslint-disable-next-line -->\n" + BAD + "\n")
    code, fs = _findings(run_cli, p)
    rules = {f["rule"] for f in fs}
    assert "punctuation-halfwidth" in rules  # not suppressed: plain text has no comments
    unused = [f for f in fs if f["rule"] == "structure-unused-disable"]
    assert len(unused) == 1 and "纯文本" in unused[0]["message"] and unused[0]["line"] == 1


def test_unknown_rule_in_directive_is_reported(write, run_cli):
    p = write("a.md", "<!-- newslint-disable-next-line punctuation-halfwith -->\n" + BAD + "\n")
    code, fs = _findings(run_cli, p)
    unknown = [f for f in fs if f["rule"] == "structure-unused-disable"]
    assert len(unknown) == 1 and "punctuation-halfwith" in unknown[0]["message"]


def test_comment_lines_are_not_page_content(write, run_cli):
    from newslint.page import Page

    page = Page.from_text("a.md", "<!-- newslint-disable -->\n\n本报讯（记者张三）会议召开。\n")
    assert [b.line for b in page.layout.blocks] == [3]


def test_report_unused_disables(write, run_cli):
    p = write("a.md", "\n".join([
        "<!-- newslint-disable-next-line punctuation-halfwidth -->",
        BAD,                                     # used
        "<!-- newslint-disable-next-line punctuation-halfwidth -->",
        "会议强调，要压实企业主体责任。",          # clean: the directive above is unused
        "",
    ]))
    code, fs = _findings(run_cli, "--select", "punctuation", p)
    assert fs == [] and code == 0  # without the flag: nothing
    code, fs = _findings(run_cli, "--select", "punctuation", "--report-unused-disables", p)
    assert _rules_lines(fs) == [("structure-unused-disable", 3)] and code == 1


def test_unused_not_judged_for_rules_that_did_not_run(write, run_cli):
    p = write("a.md", "<!-- newslint-disable-next-line wording -->\n会议强调，要压实企业主体责任。\n")
    code, fs = _findings(run_cli, "--select", "punctuation", "--report-unused-disables", p)
    assert fs == []  # wording was not selected: the directive may well be needed


def _config(write, body):
    write("pyproject.toml", "[tool.newslint]\nselect = [\"punctuation\"]\n\n" + body)


def test_per_file_ignore_for_plain_text(write, run_cli, tmp_path):
    _config(write, '[[tool.newslint.per-file]]\npath = "pages/0105-*.txt"\nignore = ["punctuation-halfwidth"]\n'
                   'lines = [1, "3-4"]\nreason = "引语照录"\n\n'
                   '[[tool.newslint.per-file]]\npath = "pages/0106.txt"\ncontains = "压实"\n')
    a = write("pages/0105-a.txt", "\n".join([BAD] * 6) + "\n")
    b = write("pages/0106.txt", BAD + "\n会议指出,要抓好落实。\n")
    c = write("pages/other.txt", BAD + "\n")
    code, fs = _findings(run_cli, a, b, c)
    got = sorted((f["path"].split("/")[-1], f["line"]) for f in fs)
    assert got == [("0105-a.txt", 2), ("0105-a.txt", 5), ("0105-a.txt", 6), ("0106.txt", 2), ("other.txt", 1)]


def test_per_file_unused_reported_at_config_line(write, run_cli, tmp_path):
    _config(write, '[[tool.newslint.per-file]]\npath = "a.txt"\nignore = ["punctuation"]\n\n'
                   '[[tool.newslint.per-file]]\npath = "a.txt"\nignore = ["punctuation"]\nlines = [9]\n')
    a = write("a.txt", BAD + "\n")
    code, fs = _findings(run_cli, "--report-unused-disables", a)
    assert len(fs) == 1 and fs[0]["rule"] == "structure-unused-disable"
    assert fs[0]["path"].endswith("pyproject.toml") and fs[0]["line"] == 8


@pytest.mark.parametrize("body, msg", [
    ('[[tool.newslint.per-file]]\nignore = ["punctuation"]\n', "path"),
    ('[[tool.newslint.per-file]]\npath = "a.txt"\nignore = ["no-such-rule"]\n', "no-such-rule"),
    ('[[tool.newslint.per-file]]\npath = "a.txt"\nlines = ["9-3"]\n', "9-3"),
    ('[[tool.newslint.per-file]]\npath = "a.txt"\nlinez = [3]\n', "linez"),
])
def test_per_file_config_errors_name_file_and_line(write, run_cli, body, msg):
    _config(write, body)
    a = write("a.txt", BAD + "\n")
    code, out, err = run_cli("check", a)
    assert code == 2 and msg in err and "pyproject.toml:4" in err and "Traceback" not in err


def test_suppressed_findings_are_not_fixed(write, run_cli):
    text = "<!-- newslint-disable-next-line -->\n" + BAD + "\n\n" + BAD + "\n"
    p = write("a.md", text)
    run_cli("check", "--fix", "--select", "punctuation", p)
    assert p.read_text(encoding="utf-8") == text.replace("\n\n" + BAD, "\n\n" + BAD.replace(",", "，"))


def test_stdin_filename_markdown_suppressions(run_cli, monkeypatch):
    import io

    data = ("<!-- newslint-disable-next-line -->\n" + BAD + "\n").encode("utf-8")

    class _In:
        buffer = io.BytesIO(data)

    monkeypatch.setattr("sys.stdin", _In)
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", "--stdin-filename", "x.md", "-")
    assert json.loads(out)["findings"] == [] and code == 0
