"""The trust model and the failure paths of issue 22: the cache holds plain data in a private directory,
configuration is taken only from places other users cannot write, reports and fixes never clobber what
they should not, broken plugins and workers end the run cleanly, and odd input gives one clear line."""
import datetime
import json
import os
import pickle
import stat
import threading
from pathlib import Path

import numpy as np
import pytest

from newslint import cache as cache_mod
from newslint import parallel
from newslint.app import run
from newslint.config import Config, ConfigError, discover
from newslint.engine import Context, all_rules, plugin_manager
from newslint.fixing import FixError, write_atomic

BAD = "本报讯(记者张三)1月2日,会议召开。\n"
IS_ROOT = hasattr(os, "getuid") and os.getuid() == 0


def _ctx(*plugins, **kw):
    pm = plugin_manager(extra_plugins=plugins)
    return Context(pm, all_rules(pm), kw.pop("config", Config()), **kw)


def _pages(tmp_path, n=2):
    d = tmp_path / "pages"
    d.mkdir()
    for i in range(n):
        (d / f"{i}.txt").write_text(f"第{i}版\n\n" + BAD, encoding="utf-8")
    return d


# ---- 1. the cache: plain data, private directory -------------------------------------------------
def test_cache_entries_are_json_in_a_private_directory_with_gitignore(tmp_path):
    d = _pages(tmp_path)
    cdir = tmp_path / "c" / ".newslint_cache"
    run(_ctx(), [str(d)], cache_dir=cdir)
    entries = list(cdir.rglob("*.json"))
    assert len(entries) == 2 and not list(cdir.rglob("*.pickle"))
    doc = json.loads(entries[0].read_text(encoding="utf-8"))
    assert doc["schema"] == cache_mod.SCHEMA and doc["key"] == entries[0].stem
    assert stat.S_IMODE(cdir.stat().st_mode) == 0o700
    assert (cdir / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cdir / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_planted_cache_entries_never_run_code(tmp_path):
    d = _pages(tmp_path, 1)
    cdir = tmp_path / "cache"
    first = run(_ctx(), [str(d)], cache_dir=cdir)
    entry = next(cdir.rglob("*.json"))
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    # a pickle under the entry's name, and a JSON entry naming a class outside newslint
    entry.with_suffix(".pickle").write_bytes(pickle.dumps(Evil()))
    doc = json.loads(entry.read_text(encoding="utf-8"))
    text = json.dumps(doc).replace("newslint.finding:Finding", "subprocess:Popen")
    entry.write_text(text, encoding="utf-8")
    ctx = _ctx()
    again = run(ctx, [str(d)], cache_dir=cdir)
    assert not marker.exists() and ctx.state["cache"].hits == 0
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in first.findings]


def test_cache_entry_failing_the_schema_is_a_miss(tmp_path):
    d = _pages(tmp_path, 1)
    cdir = tmp_path / "cache"
    run(_ctx(), [str(d)], cache_dir=cdir)
    entry = next(cdir.rglob("*.json"))
    doc = json.loads(entry.read_text(encoding="utf-8"))
    doc["entry"]["v"][0][0]["f"]["location"] = "nowhere"  # a finding whose location is not a Location
    entry.write_text(json.dumps(doc), encoding="utf-8")
    ctx = _ctx()
    run(ctx, [str(d)], cache_dir=cdir)
    assert ctx.state["cache"].hits == 0


def test_cache_directory_others_can_write_is_not_used(tmp_path, capsys):
    d = _pages(tmp_path, 1)
    cdir = tmp_path / "shared-cache"
    cdir.mkdir()
    cdir.chmod(0o777)
    ctx = _ctx()
    run(ctx, [str(d)], cache_dir=cdir)
    run(ctx, [str(d)], cache_dir=cdir)
    assert ctx.state["cache"].hits == 0 and not list(cdir.iterdir())
    assert "其他用户可写" in capsys.readouterr().err


def test_cache_codec_round_trips_plain_data_and_refuses_the_rest():
    from newslint.finding import Fix

    value = {"a": (1, 2.5, None), 3: {"x", "y"}, "f": frozenset({1}), "d": datetime.date(2024, 1, 2),
             "n": np.arange(6, dtype=np.uint32).reshape(2, 3), "fix": Fix(1, 2, "，", "safe"),
             "\x00t": "a key that looks like a tag"}
    back = cache_mod.decode_value(json.loads(json.dumps(cache_mod.encode_value(value))))
    n = back.pop("n")
    assert n.dtype == np.uint32 and n.tolist() == [[0, 1, 2], [3, 4, 5]]
    value.pop("n")
    assert back == value
    with pytest.raises(cache_mod.CacheFormatError):
        cache_mod.encode_value(object())
    with pytest.raises(cache_mod.CacheFormatError):
        cache_mod.decode_value({"\x00t": "dc", "c": "os:stat_result", "f": {}})


def test_private_data_dir_refuses_a_shared_one(tmp_path):
    shared = tmp_path / "tmpdir-newslint"
    shared.mkdir()
    shared.chmod(0o777)
    assert cache_mod.private_dir(shared) is None
    mine = tmp_path / "mine"
    assert cache_mod.private_dir(mine) == mine and stat.S_IMODE(mine.stat().st_mode) == 0o700


def test_jieba_cache_is_not_in_the_shared_temp_directory():
    import tempfile

    from newslint.analyses.tokens import tokenizer

    tmp_dir = os.path.realpath(tokenizer().tmp_dir)
    assert tmp_dir != os.path.realpath(os.path.join(tempfile.gettempdir(), "newslint"))
    assert cache_mod.unsafe_reason(Path(tmp_dir)) is None


# ---- 1. configuration discovery --------------------------------------------------------------------
def test_config_walk_stops_at_the_repository_root(tmp_path):
    (tmp_path / "newslint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pages").mkdir()
    assert discover([str(repo / "pages")]) is None
    (repo / "newslint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    assert discover([str(repo / "pages")]) == repo / "newslint.toml"


def test_config_others_could_write_is_skipped_and_said(tmp_path):
    shared = tmp_path / "shared"
    (shared / "pages").mkdir(parents=True)
    cfg = shared / "newslint.toml"
    cfg.write_text('baseline = "/etc/passwd"\n', encoding="utf-8")
    shared.chmod(0o777)  # a world-writable directory without the sticky bit
    warnings = []
    assert discover([str(shared / "pages")], warnings) is None
    assert "other users can write" in warnings[0]
    shared.chmod(0o755)
    cfg.chmod(0o666)
    warnings = []
    assert discover([str(shared / "pages")], warnings) is None and "written by other users" in warnings[0]
    cfg.chmod(0o644)
    assert discover([str(shared / "pages")]) == cfg


@pytest.mark.skipif(not IS_ROOT, reason="needs root to give a file to another user")
def test_config_of_another_user_is_skipped(tmp_path):
    (tmp_path / "pages").mkdir()
    cfg = tmp_path / "newslint.toml"
    cfg.write_text('fail-on = "error"\n', encoding="utf-8")
    os.chown(cfg, 65534, 65534)
    warnings = []
    assert discover([str(tmp_path / "pages")], warnings) is None and "another user" in warnings[0]


def test_unreadable_directory_on_the_walk_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    real = Path.is_file

    def is_file(self):
        if self.parent == tmp_path / "a":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    assert discover([str(tmp_path / "a")]) is None


# ---- 2. options and workers ----------------------------------------------------------------------
def test_option_typo_is_a_config_error_before_any_page(tmp_path, run_cli):
    d = _pages(tmp_path, 3)
    (tmp_path / "newslint.toml").write_text('[rules.enumeration-missing-item]\nmax_block_distance = "x"\n',
                                            encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "-j", "2", d)
    assert code == 2 and "max_block_distance" in err and err.count("\n") == 1


def test_unknown_option_name_of_any_rule_is_an_error(tmp_path):
    cfg = tmp_path / "newslint.toml"
    for rid in ("structure-split-paragraph", "name-variant", "wording-repeated-word"):
        cfg.write_text(f"[rules.{rid}]\nno_such_option = 1\n", encoding="utf-8")
        from newslint.config import load

        with pytest.raises(ConfigError, match="no_such_option"):
            _ctx(config=load(cfg))


def test_a_failure_in_a_worker_ends_the_run_cleanly(tmp_path, run_cli, monkeypatch):
    d = _pages(tmp_path, 4)
    monkeypatch.setattr(parallel, "MIN_CHARS_PER_JOB", 1)
    import newslint.engine as engine

    def boom(page, ctx):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(engine, "check_page", boom)  # inherited by the forked workers
    code, _, err = run_cli("check", "--no-cache", "-j", "2", d)
    assert code == 2 and "worker" in err and "disk on fire" in err
    assert not parallel.POOL_ABANDONED


# ---- 3. reports and baselines --------------------------------------------------------------------
def test_report_is_never_written_over_a_checked_page(write, run_cli):
    page = write("a.txt", BAD)
    code, _, err = run_cli("check", "--no-cache", "--format", "json", "-o", page, page)
    assert code == 2 and "checked files" in err and page.read_text(encoding="utf-8") == BAD


def test_report_through_a_symlink_keeps_the_link_and_honours_the_umask(write, run_cli, tmp_path):
    page = write("a.txt", BAD)
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    link = tmp_path / "report-link.json"
    link.symlink_to(target)
    old = os.umask(0o077)
    try:
        run_cli("check", "--no-cache", "--format", "json", "-o", link, page)
        run_cli("check", "--no-cache", "--format", "json", "-o", tmp_path / "new.json", page)
    finally:
        os.umask(old)
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o600


def test_report_goes_through_a_fifo_without_replacing_it(write, run_cli, tmp_path):
    page = write("a.txt", BAD)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    code, _, _ = run_cli("check", "--no-cache", "--format", "json", "-o", fifo, page)
    reader.join(10)
    assert code == 1 and stat.S_ISFIFO(os.lstat(fifo).st_mode) and json.loads(got[0])["findings"]


@pytest.mark.parametrize("where", ["/nonexistent-dir/x.json", "DIR", "/dev/full"])
def test_unwritable_report_is_one_line_exit_2(write, run_cli, tmp_path, where):
    page = write("a.txt", BAD)
    if where == "/dev/full" and not os.path.exists(where):
        pytest.skip("no /dev/full here")
    out = tmp_path if where == "DIR" else where
    code, _, err = run_cli("check", "--no-cache", "--format", "json", "-o", out, page)
    assert code == 2 and err.count("\n") == 1 and "internal error" not in err


# ---- 4. --fix --------------------------------------------------------------------------------------
def test_fix_refuses_symlinks_hard_links_and_read_only_files(tmp_path, run_cli):
    outside = tmp_path / "outside.txt"
    outside.write_text(BAD, encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.txt").symlink_to(outside)
    (tree / "hard.txt").write_text(BAD, encoding="utf-8")
    os.link(tree / "hard.txt", tmp_path / "other-name.txt")
    (tree / "ro.txt").write_text(BAD, encoding="utf-8")
    (tree / "ro.txt").chmod(0o444)
    code, _, err = run_cli("check", "--no-cache", "--fix", tree / "link.txt", tree / "hard.txt", tree / "ro.txt")
    assert code == 2
    assert "symbolic link" in err and "hard link" in err and "read-only" in err
    assert outside.read_text(encoding="utf-8") == BAD and (tree / "link.txt").is_symlink()
    assert (tree / "hard.txt").read_text(encoding="utf-8") == BAD and os.stat(tree / "hard.txt").st_nlink == 2
    assert (tree / "ro.txt").read_text(encoding="utf-8") == BAD


@pytest.mark.skipif(not IS_ROOT, reason="needs root to give a file to another user")
def test_fix_keeps_owner_and_group(write, run_cli):
    page = write("a.txt", BAD)
    os.chown(page, 65534, 65534)
    run_cli("check", "--no-cache", "--fix", page)
    st = os.stat(page)
    assert (st.st_uid, st.st_gid) == (65534, 65534) and "（" in page.read_text(encoding="utf-8")


def test_an_edit_made_while_fixing_is_kept(tmp_path, monkeypatch):
    import hashlib

    from newslint import fixing

    p = tmp_path / "a.txt"
    p.write_bytes(b"old")
    real_fsync = os.fsync

    def editor_saves(fd):  # someone saves the file between our write and our rename
        p.write_bytes(b"the editor's text")
        real_fsync(fd)

    monkeypatch.setattr(fixing.os, "fsync", editor_saves)
    with pytest.raises(FixError, match="changed on disk"):
        write_atomic(str(p), b"fixed", expect=hashlib.sha256(b"old").hexdigest())
    assert p.read_bytes() == b"the editor's text" and [x.name for x in tmp_path.iterdir()] == ["a.txt"]


def test_fix_is_idempotent_in_one_run(write, run_cli):
    page = write("a.txt", "记者表示：:今年的工作很好。他说，，明年更好。\n")
    run_cli("check", "--no-cache", "--fix", page)
    once = page.read_text(encoding="utf-8")
    run_cli("check", "--no-cache", "--fix", page)
    assert page.read_text(encoding="utf-8") == once and "：:" not in once and "：：" not in once


# ---- 6. crashes become one clear line ------------------------------------------------------------
def test_non_utf8_file_name_is_skipped_and_the_rest_checked(tmp_path, run_cli):
    d = tmp_path / "d"
    d.mkdir()
    (d / "good.txt").write_text(BAD, encoding="utf-8")
    with open(os.path.join(os.fsencode(d), b"\xff\xfe.txt"), "wb") as fh:
        fh.write(BAD.encode("utf-8"))
    code, out, err = run_cli("check", "--no-cache", "--format", "json", d)
    assert code == 2 and "not valid UTF-8" in err and "\\xff" in err
    assert {os.path.basename(f["path"]) for f in json.loads(out)["findings"]} == {"good.txt"}


def test_deep_or_odd_baselines_are_clean_errors(write, run_cli, tmp_path):
    page = write("a.txt", BAD)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "--baseline", deep, page)
    assert code == 2 and "baseline" in err and "internal error" not in err
    nul = tmp_path / "null-line.json"
    nul.write_text(json.dumps({"version": 1, "findings": [{"fingerprint": "x", "path": "a.txt", "line": None}]}),
                   encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "--baseline", nul, "--update-baseline", page)
    assert code == 2 and "line" in err and "internal error" not in err


@pytest.mark.parametrize("toml", ["a = " + "[" * 5000 + "]" * 5000 + "\n", "max-file-size = inf\n"])
def test_deep_toml_and_infinite_size_are_config_errors(tmp_path, run_cli, toml):
    (tmp_path / "newslint.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", tmp_path / "a.txt")
    assert code == 2 and err.count("\n") == 1 and "internal error" not in err


def test_huge_per_file_line_range_costs_nothing(tmp_path, run_cli):
    (tmp_path / "newslint.toml").write_text('[[per-file]]\npath = "a.txt"\nlines = ["1-999999999"]\n',
                                            encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run_cli("check", "--no-cache", "--format", "json", tmp_path / "a.txt")
    assert code == 0 and json.loads(out)["findings"] == []


# ---- 7. plugins ----------------------------------------------------------------------------------
def _broken_plugin(exc):
    from newslint import hookimpl

    class BrokenPlugin:
        @hookimpl
        def newslint_check_page(self, page, ctx):
            raise exc

    return BrokenPlugin()


@pytest.mark.parametrize("exc", [ValueError("bad plugin"), SystemExit(3)])
def test_a_failing_plugin_is_named_and_the_rest_runs(tmp_path, exc):
    d = _pages(tmp_path, 2)
    result = run(_ctx(_broken_plugin(exc)), [str(d)])
    assert len(result.errors) == 2
    assert all("BrokenPlugin" in e and "newslint_check_page" in e for e in result.errors)
    assert any(f.rule == "punctuation-halfwidth" for f in result.findings)


def test_a_plugin_that_fails_to_import_does_not_break_version_or_rules(monkeypatch, run_cli, write):
    import importlib.metadata as md

    ep = md.EntryPoint(name="newslint-broken", value="newslint_no_such_module_xyz", group="newslint")
    real = md.entry_points
    monkeypatch.setattr(md, "entry_points", lambda **kw: [ep, *real(**kw)])
    code, out, err = run_cli("rules")
    assert code == 0 and "punctuation-halfwidth" in out and "newslint-broken" in err
    code, _, err = run_cli("check", "--no-cache", write("a.txt", BAD))
    assert code == 2 and "newslint-broken" in err


# ---- 8. wrong output -----------------------------------------------------------------------------
def test_the_same_file_named_twice_is_checked_once(write, run_cli):
    page = write("a.txt", BAD * 3 + "\n李强要求，一是组织体系要健全，要进一步完善安全生产责任体系，优化调整机构。\n")
    _, out1, _ = run_cli("check", "--no-cache", "--format", "json", page)
    _, out2, _ = run_cli("check", "--no-cache", "--format", "json", page, page, page.parent)
    assert json.loads(out1)["findings"] == json.loads(out2)["findings"]


def test_a_link_to_a_visited_directory_is_not_a_loop_but_a_real_loop_is(tmp_path, run_cli):
    top = tmp_path / "top"
    (top / "a").mkdir(parents=True)
    (top / "a" / "p.txt").write_text(BAD, encoding="utf-8")
    (top / "b").symlink_to(top / "a")
    code, _, err = run_cli("check", "--no-cache", top)
    assert code == 1 and "loop" not in err
    (top / "a" / "up").symlink_to(top)
    code, _, err = run_cli("check", "--no-cache", top)
    assert code == 2 and "loop" in err


def test_terminal_escapes_in_text_and_names_are_shown_not_obeyed(tmp_path, run_cli):
    p = tmp_path / "x\x1b[2J.txt"
    p.write_text("本报讯\x1b[31m红色(记者张三)1月2日,会议召开。\n", encoding="utf-8")
    _, out, err = run_cli("check", "--no-cache", "--color", "never", tmp_path)
    assert "\x1b" not in out and "\x1b" not in err and "\u241b[31m" in out and "x\u241b[2J.txt" in out


@pytest.mark.parametrize("copies", [3, 39, 45])
def test_duplicate_findings_do_not_depend_on_the_candidate_method(copies, monkeypatch):
    """Pairwise sketches (small runs) and the LSH index (large runs) agree, also on a paragraph repeated
    more often than a formula may be (400 copies gave 399 findings, 401 gave none)."""
    from newslint.checks.duplicate import common as duplicate
    from newslint.engine import check_pages
    from newslint.page import Page

    para = "区政府要求各部门进一步完善安全生产责任体系，优化调整机构，充实人员力量，保证各项工作顺利开展。"
    text = "\n\n".join([para] * copies) + "\n"
    counts = []
    for direct in (10_000, 0):
        monkeypatch.setattr(duplicate, "DIRECT_ITEMS", direct)
        ctx = _ctx(select=["duplicate"])
        counts.append(len(check_pages(ctx, [Page.from_text("a.txt", text)]).findings))
    assert counts[0] == counts[1]


def test_an_existing_cache_directory_gets_its_gitignore(tmp_path):
    d = _pages(tmp_path, 1)
    cdir = tmp_path / ".newslint_cache"
    cdir.mkdir(mode=0o755)  # as an older newslint left it
    run(_ctx(), [str(d)], cache_dir=cdir)
    assert (cdir / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_failing_decorated_rule_is_named_and_the_rest_runs(tmp_path):
    import types

    from newslint.finding import Rule
    from newslint.rule import page_rule

    rule = Rule(id="house-broken", category="wording", severity="warning", summary="坏规则",
                explanation="测试用。")
    mod = types.ModuleType("house_rules")

    @page_rule(rule)
    def check(rc):
        raise KeyError("missing field")

    mod.check = check
    d = _pages(tmp_path, 1)
    result = run(_ctx(mod), [str(d)])
    assert len(result.errors) == 1 and "house-broken" in result.errors[0] and "KeyError" in result.errors[0]
    assert any(f.rule == "punctuation-halfwidth" for f in result.findings)
