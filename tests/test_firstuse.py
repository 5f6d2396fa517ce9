"""First use without friction (issue 20): what a new user trips over in the first hour, one test per point."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "本报讯(记者张三)1月2日,会议召开。\n"
FIXED = "本报讯（记者张三）1月2日，会议召开。\n"


def _cli(args, stdin=b"", cwd=None, env=None, timeout=120):
    e = dict(os.environ)
    e.update({"NEWSLINT_NO_CACHE": "1"})
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        e.pop(var, None)
    e.update(env or {})
    p = subprocess.run([sys.executable, "-m", "newslint", *[str(a) for a in args]], input=stdin, cwd=cwd,
                       env=e, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


# ---- 1. `cat page.txt | newslint check - --fix` is an editor filter --------------------------------------
def test_stdin_fix_prints_the_fixed_text_alone_and_the_report_on_stderr():
    code, out, err = _cli(["check", "-", "--fix", "--select", "punctuation,wording"],
                          stdin=("会议强调，，要狠抓落实。" + BAD).encode("utf-8"))
    assert out == "会议强调，要狠抓落实。" + FIXED
    assert "共" not in out and "[" not in out
    assert "未发现问题" in err and code == 0


def test_stdin_fix_without_any_fix_still_prints_the_text_and_quiet_prints_nothing_else():
    text = "会议强调，要狠抓落实，，。\n"  # a doubled mark of two kinds: reported, not fixable
    code, out, err = _cli(["check", "-", "--fix", "--quiet", "--select", "punctuation"], stdin=text.encode("utf-8"))
    assert out == text and err == "" and code == 1


# ---- 2. nothing to check is an error, not a green run -------------------------------------------------
def test_empty_folder_and_missing_path_are_errors_with_one_line(tmp_path, run_cli):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    code, out, err = run_cli("check", tmp_path / "empty")
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "empty" in err
    code, out, err = run_cli("check", tmp_path / "missing.txt")
    assert code == 2 and out == "" and err.splitlines() == [f"newslint: {tmp_path / 'missing.txt'}: no such file or directory"]
    code, out, err = run_cli("check", str(tmp_path / "pages" / "*.txt"))
    assert code == 2 and "matched nothing" in err and "未发现问题" not in out + err


def test_nothing_to_check_in_json_is_still_a_json_report(tmp_path, run_cli):
    code, out, err = run_cli("check", "--format", "json", tmp_path / "missing.txt")
    assert code == 2 and json.loads(out)["findings"] == [] and "missing.txt" in json.loads(out)["errors"][0]


# ---- 3. after --fix, what remains is reported where it is in the fixed text ---------------------------
def test_findings_after_fix_are_located_in_the_fixed_text(write, run_cli):
    p = write("a.txt", "会议召开，，研究工作，。\n")  # "，，" is fixed (one mark fewer); "，。" needs a person
    code, out, _ = run_cli("check", "--fix", "--format", "json", "--select", "punctuation", p)
    text = p.read_text(encoding="utf-8")
    assert text == "会议召开，研究工作，。\n"
    [f] = json.loads(out)["findings"]
    assert f["rule"] == "punctuation-doubled" and text[f["column"] - 1:f["end_column"] - 1] == "，。"
    assert code == 1


def test_unsafe_fix_of_a_doubled_word_moves_the_later_findings(write, run_cli):
    p = write("a.txt", "我们的的工作很扎实，。\n")
    code, out, err = run_cli("check", "--fix", "--unsafe-fixes", "--select", "wording,punctuation", "--lang", "en", p)
    text = p.read_text(encoding="utf-8")
    assert text == "我们的工作很扎实，。\n"
    first = out.splitlines()[0]
    assert first.startswith(f"{p}:1:9: warning [punctuation-doubled]") and text[8:10] == "，。"
    src, caret = out.splitlines()[1:3]
    assert caret.index("^") - caret.index("|") == src.index("，。") - src.index("|") + 8  # 8 wide characters before


# ---- 5. walking: .gitignore, exclude keys, --force-exclude, paths shown as given ----------------------
def _tree(root: Path) -> None:
    for d in ("pages", "node_modules/pkg", "build", "drafts", "pages/old"):
        (root / d).mkdir(parents=True, exist_ok=True)
        (root / d / "x.txt").write_text(BAD, encoding="utf-8")
    (root / ".gitignore").write_text("build/\n*.bak.txt\n", encoding="utf-8")
    (root / "pages" / "y.bak.txt").write_text(BAD, encoding="utf-8")
    (root / ".git").mkdir()


def _paths(out: str) -> list:
    return sorted({f["path"] for f in json.loads(out)["findings"]})


def test_walk_respects_gitignore_and_default_excludes_and_shows_paths_without_dot(tmp_path, run_cli, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation")  # no path: .
    assert _paths(out) == ["drafts/x.txt", "pages/old/x.txt", "pages/x.txt"]
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", "./pages")
    assert _paths(out) == ["pages/old/x.txt", "pages/x.txt"]
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", tmp_path / "pages" / "x.txt")
    assert _paths(out) == ["pages/x.txt"]  # an absolute path under the working directory is shown relative
    # a file named directly is checked even if ignored — unless --force-exclude (pre-commit passes names)
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", "build/x.txt")
    assert _paths(out) == ["build/x.txt"]
    code, out, err = run_cli("check", "--select", "punctuation", "--force-exclude", "build/x.txt", "pages/y.bak.txt")
    assert code == 0 and out == "" and err == ""


def test_exclude_and_extend_exclude_keys(tmp_path, run_cli, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text('extend-exclude = ["drafts/", "pages/old"]\n', encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation")
    assert _paths(out) == ["pages/x.txt"]
    # `exclude` replaces the defaults: node_modules is walked again
    (tmp_path / "newslint.toml").write_text('exclude = ["drafts"]\nrespect-gitignore = false\n', encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation")
    assert _paths(out) == ["build/x.txt", "node_modules/pkg/x.txt", "pages/old/x.txt", "pages/x.txt", "pages/y.bak.txt"]
    (tmp_path / "newslint.toml").write_text('exclude = "drafts"\n', encoding="utf-8")
    code, _, err = run_cli("check")
    assert code == 2 and "exclude" in err


def test_negated_gitignore_pattern_in_a_subdirectory(tmp_path, run_cli, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages" / ".gitignore").write_text("!y.bak.txt\nold/\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", "pages")
    assert _paths(out) == ["pages/x.txt", "pages/y.bak.txt"]


# ---- 6. no path means . -----------------------------------------------------------------------------
def test_check_without_a_path_checks_the_working_directory(tmp_path, run_cli, monkeypatch):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("check", "--select", "punctuation")
    assert code == 1 and out.startswith("a.txt:1:4:")


# ---- 7. a clone with nothing beside it runs the whole suite -------------------------------------------
def test_the_suite_reads_nothing_outside_the_clone():
    schema = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
    assert json.loads(schema.read_text(encoding="utf-8"))["title"].startswith("Static Analysis Results Format")
    assert (ROOT / "tests" / "data" / "sarif-schema-2.1.0.NOTICE.txt").is_file()
    for f in sorted((ROOT / "tests").glob("*.py")):
        src = f.read_text(encoding="utf-8")
        # the project's parent directory, where the shared corpus lies beside a developer's checkout
        beside = re.search(r"""parent\.parent\.parent\b|parents\[[2-9]\]|\.\./shared|ROOT\.parent\b""", src)
        assert not beside, f"{f.name} reads the corpus beside the clone ({beside.group()})"


# ---- 8. the smaller things --------------------------------------------------------------------------
def test_tab_before_a_finding_keeps_the_caret_under_it(write, run_cli):
    p = write("t.txt", "\t会议\t召开,研究工作。\n")
    code, out, _ = run_cli("check", "--select", "punctuation", p)
    src, caret = out.splitlines()[1:3]
    assert "\t" not in src
    from wcwidth import wcswidth

    assert wcswidth(src[:src.index(",")]) == caret.index("^")


def test_output_file_is_announced(write, run_cli, tmp_path):
    p = write("a.txt", BAD)
    target = tmp_path / "report.json"
    code, out, err = run_cli("check", "--format", "json", "-o", target, p)
    assert f"已写入 {target}" in err and json.loads(target.read_text(encoding="utf-8"))["findings"]
    code, out, err = run_cli("check", "--format", "json", "-o", target, "--quiet", p)
    assert "已写入" not in err


def test_rule_command_suggests_for_a_category_and_a_misspelling(run_cli):
    code, _, err = run_cli("rule", "punctuation")
    assert code == 2 and "category" in err and "punctuation-halfwidth" in err
    code, _, err = run_cli("rule", "punctuation-halfwdith")
    assert code == 2 and "did you mean punctuation-halfwidth" in err
    code, _, err = run_cli("check", "--select", "wording-repeat-word", "x.txt")
    assert code == 2 and "did you mean wording-repeated-word" in err


def test_one_language_per_output(write, run_cli, monkeypatch):
    p = write("a.txt", "我们的的工作很扎实,继续努力。\n")
    code, zh, _ = run_cli("check", "--select", "wording,punctuation", p)
    assert "警告" in zh and "建议" in zh and "共 2 个问题（警告 2）" in zh
    assert not re.search(r"\b(warning|error|info|suggestion)\b", zh.replace(str(p), ""))
    code, en, _ = run_cli("check", "--select", "wording,punctuation", "--lang", "en", p)
    assert "Found 2 problems (2 warnings) in 1 file checked" in en and "= suggestion:" in en
    assert not re.search("警告|建议|共|检查了|处可用", en), "the framing is English; only rule messages are Chinese"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert run_cli("check", "--select", "wording,punctuation", p)[1] == en
    monkeypatch.setenv("LANG", "C.UTF-8")  # unsure: Chinese
    assert run_cli("check", "--select", "wording,punctuation", p)[1] == zh


def test_rule_explanation_follows_the_language(run_cli):
    zh = run_cli("rule", "punctuation-doubled")[1]
    en = run_cli("rule", "punctuation-doubled", "--lang", "en")[1]
    assert "默认级别：警告" in zh and "category" not in zh
    assert "default severity: warning" in en and "默认级别" not in en


def test_quiet_and_exit_zero(write, run_cli):
    p = write("a.txt", BAD)
    code, out, _ = run_cli("check", "--select", "punctuation", "--quiet", p)
    assert code == 1 and "[punctuation-halfwidth]" in out and "共" not in out
    code, out, _ = run_cli("check", "--select", "punctuation", "--exit-zero", p)
    assert code == 0 and "[punctuation-halfwidth]" in out
    code, _, _ = run_cli("check", "--exit-zero", write("bin.txt", b"\x00\x01binary\x00"))
    assert code == 2, "--exit-zero hides findings, not errors"


def test_diff_shows_what_fix_would_change_and_writes_nothing(write, run_cli):
    p = write("a.txt", "标题\n\n" + BAD)
    before = p.read_bytes()
    code, out, err = run_cli("check", "--diff", "--select", "punctuation", p)
    assert p.read_bytes() == before
    assert out.splitlines()[:2] == [f"--- a/{p}", f"+++ b/{p}"]
    assert f"-{BAD.strip()}" in out.splitlines() and f"+{FIXED.strip()}" in out.splitlines()
    assert code == 1 and "可修复 2 处" in err
    code, out, err = run_cli("check", "--diff", "--select", "punctuation", write("g.txt", FIXED))
    assert code == 0 and out == ""
    assert run_cli("check", "--diff", "--fix", p)[0] == 2


def test_diff_output_applies_as_a_patch(write, run_cli, tmp_path):
    import shutil

    if shutil.which("patch") is None:
        pytest.skip("the patch tool is not installed (apt-get install patch)")
    p = write("a.txt", "标题\r\n\r\n" + BAD.replace("\n", "\r\n"))
    _, out, _ = run_cli("check", "--diff", "--select", "punctuation", p)
    (tmp_path / "fix.patch").write_text(out, encoding="utf-8", newline="")
    subprocess.run(["patch", "-s", "-p0", str(p), str(tmp_path / "fix.patch")], check=True, cwd=tmp_path)
    assert p.read_bytes() == ("标题\r\n\r\n" + FIXED.replace("\n", "\r\n")).encode("utf-8")


def test_ci_example_works_as_written():
    import yaml

    doc = yaml.safe_load((ROOT / "docs" / "ci-example.yml").read_text(encoding="utf-8"))
    steps = doc["jobs"]["newslint"]["steps"]
    setup = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python")][0]
    assert "cache" not in setup.get("with", {}), "cache: pip fails in a repository with no requirements file"
    install = doc["env"]["NEWSLINT_PACKAGE"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'pip install "{install}"' in readme, "the workflow installs newslint the way the README says"
    from newslint.cli import build_parser
    from newslint.engine import plugin_manager

    parser = build_parser(plugin_manager())
    commands = [c.strip() for s in steps for c in str(s.get("run", "")).splitlines()
                if c.strip().startswith("newslint ")]
    assert len(commands) == 2
    for c in commands:
        parser.parse_args(c.replace("$baseline", "--baseline x.json").split()[1:])  # every option exists


# ---- 9. a progress line on a terminal, never in logs ---------------------------------------------------
def _run_on_pty(args, env):
    import pty
    import select

    master, slave = pty.openpty()
    e = dict(os.environ)
    for var in ("CI", "LC_ALL", "LC_MESSAGES", "LANG"):
        e.pop(var, None)
    e.update(env)
    proc = subprocess.Popen([sys.executable, "-m", "newslint", *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, env=e)
    os.close(slave)
    chunks = []
    while True:
        r, _, _ = select.select([master], [], [], 120)
        if not r:
            break
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read()
    proc.wait(60)
    os.close(master)
    return proc.returncode, out.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_line_on_a_terminal_only(write, tmp_path):
    p = write("a.txt", BAD)
    args = ["check", "--no-cache", "-j", "1", "--select", "punctuation", p]
    code, out, err = _run_on_pty(args, {"NEWSLINT_PROGRESS_AFTER": "0"})
    assert code == 1 and "正在检查 1 个文件" in err and "\r\033[K" in err
    assert "正在检查" not in out, "stdout (the report) never gets the progress line"
    _, _, err = _run_on_pty(args + ["--quiet"], {"NEWSLINT_PROGRESS_AFTER": "0"})
    assert "正在检查" not in err
    _, _, err = _run_on_pty(args, {"NEWSLINT_PROGRESS_AFTER": "0", "CI": "true"})
    assert "正在检查" not in err
    _, _, err = _run_on_pty(args, {"NEWSLINT_PROGRESS_AFTER": "60"})  # a short run shows nothing
    assert "正在检查" not in err
    code, out, err = _cli(args, env={"NEWSLINT_PROGRESS_AFTER": "0"})  # stderr is a pipe (a CI log)
    assert code == 1 and "正在检查" not in err


def test_page_date_source_is_named_in_chinese_in_rule_messages(write, run_cli):
    p = write("20230301.txt", "本报讯 会议传达学习党的二十六大精神。\n")
    code, out, _ = run_cli("check", "--format", "json", "--select", "anachronism-ordinal", p)
    [f] = json.loads(out)["findings"]
    assert "来源：文件名" in f["message"] and "filename" not in f["message"]
