"""Any input, no crash, no lost text: encodings, odd files, odd paths, interrupts."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

BAD = "本报讯(记者张三)1月2日,会议召开。\n"


def _json(out):
    return json.loads(out)["findings"]


def test_empty_file_is_clean(write, run_cli):
    code, out, err = run_cli("check", "--format", "json", write("empty.txt", b""))
    assert code == 0 and _json(out) == [] and err == ""


@pytest.mark.parametrize("text", ["广", "广告", "广告啊", "广告\n", "创新", "部署\r\n", "1"])
def test_a_page_of_a_word_or_two_is_checked_by_every_rule(write, run_cli, text):
    """A page shorter than the words the typo tables look for (a lone 广告 box on an e-paper page, with no
    final newline) once made a rule fail on its window arithmetic; every rule must simply find nothing."""
    code, out, err = run_cli("check", "--no-cache", "--format", "json", write("tiny.txt", text.encode("utf-8")))
    assert err == "" and code == 0 and _json(out) == []


def test_utf16_with_bom_and_gb18030_rare_characters(write, run_cli):
    a = write("u16.txt", b"\xff\xfe" + BAD.encode("utf-16-le"))
    rare = "𠀀𪚥龘" + BAD
    b = write("gb.txt", rare.encode("gb18030"))
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", a, b)
    cols = {(os.path.basename(f["path"]), f["column"]) for f in _json(out)}
    assert ("u16.txt", 4) in cols and ("gb.txt", 7) in cols and code == 1


def test_mixed_line_endings_locations(write, run_cli):
    p = write("mixed.txt", "标题\r\n\r第二段\n\r\n" + BAD)
    f = _json(run_cli("check", "--format", "json", "--select", "punctuation", p)[1])
    assert (f[0]["line"], f[0]["column"]) == (5, 4)


def test_unreadable_file_reported_and_others_checked(write, run_cli, monkeypatch):
    secret = write("secret.txt", BAD)
    other = write("other.txt", BAD)
    import builtins

    real_open = builtins.open

    def guarded(path, *a, **k):  # root ignores file modes, so simulate the kernel's refusal
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(builtins, "open", guarded)
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", secret, other)
    assert code == 2 and "secret.txt: permission denied" in err
    assert {os.path.basename(f["path"]) for f in _json(out)} == {"other.txt"}


def test_chinese_paths_with_spaces_and_symlink_trouble(tmp_path, run_cli):
    d = tmp_path / "版面 稿件"
    d.mkdir()
    (d / "第 1 版.txt").write_text(BAD, encoding="utf-8")
    os.symlink(d, d / "回环")
    os.symlink(tmp_path / "不存在.txt", d / "断链.txt")
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", d)
    assert code == 2  # the broken link is an input error …
    assert "断链.txt: broken symbolic link" in err and "symbolic link loop" in err
    paths = {f["path"] for f in _json(out)}
    assert paths == {str(d / "第 1 版.txt")}  # … and the real page is still checked, once


def test_missing_path_and_directory_without_pages(tmp_path, run_cli):
    code, out, err = run_cli("check", tmp_path / "nope.txt")
    assert code == 2 and "nope.txt: no such file or directory" in err
    (tmp_path / "d").mkdir()
    code, out, err = run_cli("check", "--format", "json", tmp_path / "d")
    assert code == 2 and _json(out) == []  # nothing to check is an error (issue 20), the JSON still well-formed


def test_internal_error_is_one_line(monkeypatch, write, run_cli):
    import newslint.engine as engine

    def boom(*a, **k):
        raise RuntimeError("simulated")

    monkeypatch.setattr(engine, "check_pages", boom)
    code, out, err = run_cli("check", write("a.txt", BAD))
    assert code == 2 and err.strip().count("\n") == 0 and "simulated" in err and "Traceback" not in err


def test_long_single_line_with_many_findings(write, run_cli):
    # one long line (0.6 MB) of Chinese text full of marks: every mark found, nothing quadratic in the way
    p = write("long.txt", ("中文,文本(括号)内容。" * 50000))
    code, out, err = run_cli("check", "--format", "json", "--no-cache", "--select", "punctuation", p)
    assert code == 1 and len(_json(out)) == 2 * 50000  # the comma, and the bracket pair as one
    assert err == ""


def test_ctrl_c_exits_130_without_traceback_or_partial_files(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(60):
        (pages / f"{i:03}.txt").write_text((BAD * 2000), encoding="utf-8")
    report = tmp_path / "report.json"
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "check", "--no-cache", "-j", "2", "--format", "json",
                             "-o", str(report), str(pages)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=tmp_path)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 1:
        pytest.skip("the run finished before the interrupt arrived")
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err
    assert not report.exists()
    leftovers = [p for p in tmp_path.rglob("*") if p.name.startswith(".newslint-")]
    assert leftovers == []


def test_100_mb_file_is_one_clear_line_with_bounded_memory(tmp_path):
    big = tmp_path / "合订本 2024.txt"
    with open(big, "wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100 * 1000 * 1000)
    ok = tmp_path / "ok.txt"
    ok.write_text(BAD, encoding="utf-8")
    out_f, err_f = tmp_path / "out.json", tmp_path / "err.txt"
    # A small intermediate process starts newslint and reports its peak: a child forked straight from this
    # (large) pytest process would count pytest's resident pages in its own peak.
    probe = ("import resource, subprocess, sys\n"
             "with open(sys.argv[1], 'wb') as o, open(sys.argv[2], 'wb') as e:\n"
             "    code = subprocess.run(sys.argv[3:], stdout=o, stderr=e).returncode\n"
             "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    res = subprocess.run([sys.executable, "-c", probe, str(out_f), str(err_f), sys.executable, "-m", "newslint",
                          "check", "--no-cache", "--format", "json", "--select", "punctuation", str(big), str(ok)],
                         capture_output=True, text=True, timeout=120)
    code, peak_kb = map(int, res.stdout.split())
    peak_mb = peak_kb / 1024
    err = err_f.read_text(encoding="utf-8")
    assert code == 2 and err.count("\n") == 1
    assert "合订本 2024.txt: 100 MB is more than the 16 MB" in err and "max-file-size" in err
    assert {os.path.basename(f["path"]) for f in _json(out_f.read_bytes())} == {"ok.txt"}
    assert peak_mb < 300, f"peak {peak_mb:.0f} MB"


def test_max_file_size_is_configurable_and_validated(tmp_path, run_cli):
    page = tmp_path / "p.txt"
    page.write_text(BAD * 2000, encoding="utf-8")  # about 80 KB
    (tmp_path / "newslint.toml").write_text("max-file-size = 0.05\n")
    code, out, err = run_cli("check", "--format", "json", page)
    assert code == 2 and "more than the 0.05 MB" in err
    (tmp_path / "newslint.toml").write_text("max-file-size = 1\n")
    code, out, err = run_cli("check", "--format", "json", "--select", "punctuation", page)
    assert code == 1 and _json(out)
    (tmp_path / "newslint.toml").write_text('max-file-size = "big"\n')
    code, out, err = run_cli("check", page)
    assert code == 2 and "max-file-size" in err and "newslint.toml:1" in err


def test_a_cache_file_is_replaced_whole_or_not_at_all(tmp_path):
    from newslint.cache import atomic_file

    target = tmp_path / "table.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_file(target) as fh:
            fh.write(b"half a ne")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["table.bin"]
    with atomic_file(target) as fh:
        fh.write(b"new")
    assert target.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["table.bin"]


def test_a_leader_name_is_not_rewritten_back_and_forth_by_fix(write, run_cli):
    """Two rules undid each other's fix: the typo rule read 建柱 in 孟建柱 (a name on the leaders roster) as
    a slip for 建筑, and name-leader-misspelt corrected 孟建筑 back, so --fix --unsafe-fixes went round ten
    times, reported ten fixes and left the file as it was, the suggestion still there."""
    text = "出席会议的有李建国、孟建柱、王晨。\n"
    page = write("list.txt", text)
    code, out, err = run_cli("check", "--no-cache", "--format", "json", page)
    assert [f for f in _json(out) if f["fix"]] == []
    code, out, err = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", page)
    assert page.read_text(encoding="utf-8") == text and "已修复" not in err


def test_fixes_of_two_rules_that_undo_each_other_leave_the_page_as_it_was(capsys):
    """A plugin's rule that corrects 帐户 to 账户 and another that corrects it back: --fix must not go round
    until its round limit and report fixes it did not make, nor leave the page with one of the two
    corrections; it leaves the page at the text it had before the two met and names both rules."""
    from types import SimpleNamespace

    from newslint import Fix, Rule
    from newslint.cli import fix_and_recheck
    from newslint.config import Config
    from newslint.engine import Context, all_rules, check_pages, plugin_manager
    from newslint.page import Page
    from newslint.rule import RuleContext, page_rule

    def swap(rule_id, a, b):
        rule = Rule(id=rule_id, category="wording", severity="warning", summary=f"{a}应为{b}", explanation="test",
                    fixable=True)

        @page_rule(rule)
        def check(rc: RuleContext):
            i = rc.page.text.find(a)
            if i >= 0:
                rc.report(i, i + len(a), f"“{a}”应为“{b}”", fix=Fix(i, i + len(a), b, "safe"))
        return check

    class Plugin:
        one = staticmethod(swap("wording-test-one", "帐户", "账户"))
        other = staticmethod(swap("wording-test-other", "账户", "帐户"))

    pm = plugin_manager([Plugin()])
    ctx = Context(pm, all_rules(pm), Config(), select=["wording-test-one", "wording-test-other"])
    text = "请核对帐户信息，及时更新。\n"
    result = check_pages(ctx, [Page.from_text("p.txt", text)])
    args = SimpleNamespace(unsafe_fixes=False, fix=False, diff=True, quiet=False, jobs=1, format="text")
    current, changed = fix_and_recheck(ctx, result, args)
    err = capsys.readouterr().err
    assert current.pages[0].file_text == text and changed == 0
    assert "wording-test-one" in err and "wording-test-other" in err and "互相抵消" in err
