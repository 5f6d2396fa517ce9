import json
import os
import stat
import subprocess
import sys

import pytest

BAD = "本报讯(记者张三)1月2日,会议召开。\n"
GOOD = "本报讯（记者张三）1月2日，会议召开。\n"


def test_text_output_shape_and_underline(write, run_cli):
    p = write("a.txt", BAD)
    code, out, err = run_cli("check", "--select", "punctuation", "--lang", "en", p)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{p}:1:4: warning [punctuation-halfwidth] ")
    src, caret = out.splitlines()[1:3]
    # the caret sits under the '(' although three wide characters precede it
    from wcwidth import wcswidth

    assert wcswidth(src[:src.index("(")]) == caret.index("^")
    assert "\033[" not in out  # no colour when not a terminal


def test_json_contract(write, run_cli):
    p = write("a.txt", BAD)
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", p)
    doc = json.loads(out)
    assert doc["version"] == 1
    f = doc["findings"][0]
    assert set(f) == {"path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
                      "message", "related", "suggestion", "fix", "fingerprint"}
    # a bracket pair is one finding spanning the pair, fixed whole
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 4, 1, 10)
    assert f["category"] == "punctuation" and f["suggestion"] == "（记者张三）"


def test_exit_codes(write, run_cli):
    assert run_cli("check", "--select", "punctuation", write("g.txt", GOOD))[0] == 0
    assert run_cli("check", "--select", "punctuation", write("b.txt", BAD))[0] == 1
    assert run_cli("check", "--select", "punctuation", "--fail-on", "error", write("c.txt", BAD))[0] == 0
    code, _, err = run_cli("check", "--format", "yaml", write("d.txt", GOOD))
    assert code == 2 and "unknown format" in err


def test_bad_input_exit_2_but_other_files_checked(write, run_cli):
    bad = write("bin.txt", b"\x00\x01\x02binary\x00")
    good = write("a.txt", BAD)
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", bad, good)
    assert code == 2
    assert "bin.txt" in err and "binary" in err and "Traceback" not in err
    assert json.loads(out)["findings"], "the readable file is still checked"


def test_gb18030_file_is_checked_with_right_columns(write, run_cli):
    p = write("gbk.txt", BAD, encoding="gb18030")
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", p)
    cols = [f["column"] for f in json.loads(out)["findings"]]
    assert cols == [4, 14]


def test_crlf_file_same_locations(write, run_cli):
    a = write("lf.txt", "标题\n\n" + BAD)
    b = write("crlf.txt", ("标题\n\n" + BAD).replace("\n", "\r\n"))
    la = [(f["line"], f["column"]) for f in json.loads(run_cli("check", "--format", "json", a)[1])["findings"]]
    lb = [(f["line"], f["column"]) for f in json.loads(run_cli("check", "--format", "json", b)[1])["findings"]]
    assert la == lb and la


def test_rules_and_rule_commands(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "punctuation-halfwidth" in out and "punctuation" in out
    code, out, _ = run_cli("rule", "punctuation-halfwidth")
    assert code == 0 and "错误示例" in out and "正确示例" in out
    code, _, err = run_cli("rule", "no-such-rule")
    assert code == 2 and "no-such-rule" in err


def test_fix_rewrites_only_marks_and_keeps_encoding_crlf_and_mode(write, run_cli):
    raw = "本报讯(记者张三)1月2日,会议召开。\r\n访问 https://a.cn/x?a=1,2 和 1,000 元。\r\n"
    p = write("a.txt", raw, encoding="gb18030")
    os.chmod(p, 0o640)
    code, out, err = run_cli("check", "--fix", "--select", "punctuation", p)
    data = p.read_bytes().decode("gb18030")
    assert data == "本报讯（记者张三）1月2日，会议召开。\r\n访问 https://a.cn/x?a=1,2 和 1,000 元。\r\n"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert code == 0
    # fixing twice equals fixing once
    run_cli("check", "--fix", "--select", "punctuation", p)
    assert p.read_bytes().decode("gb18030") == data
    assert not [x for x in os.listdir(p.parent) if x.startswith(".newslint-")]


def test_fix_refuses_file_changed_on_disk(write):
    from newslint.app import run
    from newslint.config import Config
    from newslint.engine import Context, all_rules, plugin_manager
    from newslint.fixing import FixError, fix_page

    p = write("a.txt", BAD)
    pm = plugin_manager()
    ctx = Context(pm, all_rules(pm), Config(), select=["punctuation"])
    result = run(ctx, [str(p)])
    p.write_text(BAD + "编辑在此期间改了稿。\n", encoding="utf-8")
    with pytest.raises(FixError, match="changed on disk"):
        fix_page(result.pages[0], result.findings, result.pages[0].meta["sha256"])
    assert p.read_text(encoding="utf-8").endswith("改了稿。\n")


def test_stdin_and_stdin_filename(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--select", "punctuation",
                           "--stdin-filename", "稿件.txt", "-"], input=BAD.encode("utf-8"),
                          capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stdout.decode("utf-8").startswith("稿件.txt:1:4:")


def test_many_findings_are_summarised_in_text(write, run_cli):
    p = write("many.txt", "甲,乙。" * 40 + "\n")
    code, out, _ = run_cli("check", "--select", "punctuation", p)
    assert "另有 35 处 [punctuation-halfwidth]" in out
    code, out, _ = run_cli("check", "--select", "punctuation", "--show-all", p)
    assert out.count("[punctuation-halfwidth]") == 40
