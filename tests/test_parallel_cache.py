"""--jobs gives the same findings in the same order as one process; the cache re-analyses only what changed."""
import json

from newslint import parallel
from newslint.app import run
from newslint.config import Config
from newslint.engine import Context, all_rules, plugin_manager

PAGE = """# 区政府召开常务会议

本报讯(记者王明)3月2日上午,区政府召开常务会议。区长李强强调,二要强化责任。三要强化

服务保障。会议传达了学习了上级精神。

李强要求,一是组织体系要健全。要进一步完善安全生产责任体系,优化调整机构,充实人员力量,保证各项工作顺利开展。二是监督检查要严格。

据了解,今年以来全区
"""


def _pages(tmp_path, n=12):
    d = tmp_path / "pages"
    d.mkdir()
    for i in range(n):
        # every page differs a little, and pages 3 and 7 share a paragraph (a corpus-level finding)
        extra = "李强要求,一是组织体系要健全。要进一步完善安全生产责任体系,优化调整机构,充实人员力量。" if i in (3, 7) else ""
        (d / f"{i:02}.txt").write_text(PAGE.replace("3月2日", f"3月{i + 1}日") + "\n" + extra + "\n", encoding="utf-8")
    return d


def _ctx():
    pm = plugin_manager()
    return Context(pm, all_rules(pm), Config())


def _dump(result):
    return [f.to_dict() for f in result.findings]


def test_jobs_give_the_same_findings_in_the_same_order(tmp_path, monkeypatch):
    d = _pages(tmp_path)
    monkeypatch.setattr(parallel, "MIN_CHARS_PER_JOB", 1)  # make even this small run use workers
    one = _dump(run(_ctx(), [str(d)], jobs=1))
    two = _dump(run(_ctx(), [str(d)], jobs=2))
    three = _dump(run(_ctx(), [str(d)], jobs=3))
    assert one and one == two == three
    assert any(f["category"] == "duplicate" for f in one)  # corpus-level work merged too


def test_effective_jobs_stay_one_for_small_runs():
    from newslint.page import Page

    pages = [Page.from_text(f"{i}.txt", "甲" * 1000) for i in range(4)]
    assert parallel.effective_jobs(8, pages) == 1
    big = [Page.from_text(f"{i}.txt", "甲" * parallel.MIN_CHARS_PER_JOB) for i in range(4)]
    assert parallel.effective_jobs(2, big) == 2


def test_cache_hits_unchanged_pages_and_misses_changed_ones(tmp_path):
    d = _pages(tmp_path, 4)
    cache_dir = tmp_path / "cache"
    ctx = _ctx()
    first = run(ctx, [str(d)], jobs=1, cache_dir=cache_dir)
    assert (ctx.state["cache"].hits, len(list(cache_dir.rglob("*.json")))) == (0, 4)
    ctx = _ctx()
    second = run(ctx, [str(d)], jobs=1, cache_dir=cache_dir)
    assert ctx.state["cache"].hits == 4 and _dump(second) == _dump(first)
    # editing one page re-analyses that page only, and its findings follow the edit
    p = d / "01.txt"
    p.write_text(p.read_text(encoding="utf-8").replace("传达了学习了", "传达学习了"), encoding="utf-8")
    ctx = _ctx()
    third = run(ctx, [str(d)], jobs=1, cache_dir=cache_dir)
    assert ctx.state["cache"].hits == 3
    assert sum(f.rule == "wording-repeated-le" for f in third.findings) == \
        sum(f.rule == "wording-repeated-le" for f in first.findings) - 1


def test_cache_key_covers_configuration(tmp_path):
    d = _pages(tmp_path, 2)
    cache_dir = tmp_path / "cache"
    run(_ctx(), [str(d)], jobs=1, cache_dir=cache_dir)
    pm = plugin_manager()
    ctx = Context(pm, all_rules(pm), Config(), select=["punctuation"])
    result = run(ctx, [str(d)], jobs=1, cache_dir=cache_dir)
    assert ctx.state["cache"].hits == 0
    assert {f.rule for f in result.findings} == {"punctuation-halfwidth"}


def test_corrupt_cache_entry_is_a_miss(tmp_path):
    d = _pages(tmp_path, 1)
    cache_dir = tmp_path / "cache"
    first = run(_ctx(), [str(d)], jobs=1, cache_dir=cache_dir)
    for f in cache_dir.rglob("*.json"):
        f.write_bytes(b"not json")
    ctx = _ctx()
    again = run(ctx, [str(d)], jobs=1, cache_dir=cache_dir)
    assert ctx.state["cache"].hits == 0 and _dump(again) == _dump(first)


def test_no_cache_flag_and_cli_jobs(tmp_path, run_cli):
    d = _pages(tmp_path, 3)
    code1, out1, _ = run_cli("check", "--format", "json", "--no-cache", "-j", "1", d)
    code2, out2, _ = run_cli("check", "--format", "json", "--no-cache", "-j", "2", d)
    assert code1 == code2 == 1 and json.loads(out1) == json.loads(out2)
    code, _, err = run_cli("check", "-j", "0", d)
    assert code == 2 and "--jobs" in err
