"""--format github: GitHub Actions workflow commands (annotations)."""
import regex

from newslint.finding import Finding, Location
from newslint.report import github

BAD = "本报讯(记者张三)1月2日,会议召开。\n"
COMMAND = regex.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def _props(line):
    m = COMMAND.match(line)
    assert m, line
    return m.group(1), dict(kv.split("=", 1) for kv in m.group(2).split(",")), m.group(3)


def test_annotations_for_findings(write, run_cli, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    write("pages/a.txt", BAD)
    code, out, err = run_cli("check", "--format", "github", "--select", "punctuation", tmp_path / "pages" / "a.txt")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2  # the bracket pair is one annotation
    level, props, message = _props(lines[0])
    assert level == "warning"
    assert props == {"file": "pages/a.txt", "line": "1", "col": "4", "endLine": "1", "endColumn": "10",
                     "title": "newslint [punctuation-halfwidth]"}
    assert message.startswith("中文语句中的半角括号“(记者张三)”") and "%0A建议：（记者张三）" in message


def test_workspace_relative_paths(write, run_cli, monkeypatch, tmp_path):
    p = write("repo/pages/a.txt", BAD)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    code, out, err = run_cli("check", "--format", "github", "--select", "punctuation", p)
    assert _props(out.splitlines()[0])[1]["file"] == "pages/a.txt"


def _finding(severity, path="a,b:c.txt", line=1, end_line=1, message="消息", **kw):
    return Finding(rule="wording-x", category="wording", severity=severity, message=message,
                   location=Location(path=path, line=line, column=2, end_line=end_line, end_column=3), **kw)


def test_severities_and_escaping():
    err = github.command(_finding("error", message="100% 完成\r\n第二行: a,b"))
    level, props, message = _props(err)
    assert level == "error"
    assert props["file"] == "a%2Cb%3Ac.txt"  # , and : escaped in properties
    assert message == "100%25 完成%0D%0A第二行: a,b"  # only %, CR, LF in the message
    assert _props(github.command(_finding("warning")))[0] == "warning"
    assert _props(github.command(_finding("info")))[0] == "notice"


def test_multiline_span_has_no_columns_and_related_are_listed():
    f = _finding("warning", line=3, end_line=5,
                 related=[Location(path="b.txt", line=9, column=1, end_line=9, end_column=4, message="先出现")])
    level, props, message = _props(github.command(f))
    assert props["line"] == "3" and props["endLine"] == "5" and "col" not in props and "endColumn" not in props
    assert "%0A相关：b.txt:9:1 先出现" in message


def test_read_errors_become_error_annotations(write, run_cli, tmp_path):
    code, out, err = run_cli("check", "--format", "github", tmp_path / "missing.txt")
    assert code == 2 and out.startswith("::error title=newslint::") and "missing.txt" in out


# ---- other CI output options: --statistics, --output, --stdin-filename -----------------------------
def test_statistics_counts_per_rule(write, run_cli):
    p = write("a.txt", BAD * 2)
    code, out, err = run_cli("check", "--statistics", "--select", "punctuation", p)
    assert code == 1
    first = out.splitlines()[0].split()
    assert first[:3] == ["4", "punctuation-halfwidth", "punctuation"] and first[-1] == "[*]"
    assert "a.txt:1:4" not in out  # counts instead of the listing
    # beside a machine format the statistics go to stderr and stdout stays valid JSON
    import json

    code, out, err = run_cli("check", "--statistics", "--format", "json", "--select", "punctuation", p)
    assert len(json.loads(out)["findings"]) == 4 and "punctuation-halfwidth" in err


def test_output_file_with_text_terminal(write, run_cli, tmp_path):
    p = write("a.txt", BAD)
    target = tmp_path / "report.txt"
    code, out, err = run_cli("check", "--format", "github", "-o", target, "--select", "punctuation", p)
    assert code == 1 and target.read_text(encoding="utf-8").startswith("::warning ")
    assert "[punctuation-halfwidth]" in out and "::warning" not in out
    target2 = tmp_path / "report2.txt"
    code, out, err = run_cli("check", "-o", target2, "--select", "punctuation", p)
    assert "[punctuation-halfwidth]" in target2.read_text(encoding="utf-8") and "[punctuation-halfwidth]" in out


def test_stdin_filename_finds_config_and_path_ignores(write, run_cli, monkeypatch, tmp_path):
    import io
    import json

    write("site/newslint.toml", 'select = ["punctuation"]\n[per-path-ignores]\n"archive/*" = ["punctuation"]\n')
    monkeypatch.chdir(tmp_path)

    def feed():
        class _In:
            buffer = io.BytesIO(BAD.encode("utf-8"))
        monkeypatch.setattr("sys.stdin", _In)

    feed()
    code, out, err = run_cli("check", "--format", "json", "--stdin-filename", "site/pages/a.txt", "-")
    fs = json.loads(out)["findings"]
    assert code == 1 and {f["path"] for f in fs} == {"site/pages/a.txt"} and len(fs) == 2
    feed()
    code, out, err = run_cli("check", "--format", "json", "--stdin-filename", "site/archive/a.txt", "-")
    assert code == 0 and json.loads(out)["findings"] == []  # the configuration beside the real file applies
