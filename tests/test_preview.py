"""Preview rules: not part of ALL; run when named (id or category), with --preview or preview = true."""
import json

from newslint import Rule
from newslint.engine import _matches

TEXT = "会议要求贯撤落实各项部署，确保工作取得实效。\n"


def _rules(run_cli, *args):
    code, out, err = run_cli("check", "--format", "json", "--no-cache", *args)
    assert code in (0, 1), err
    return {f["rule"] for f in json.loads(out)["findings"]}


def test_all_leaves_preview_rules_out_unless_asked():
    r = Rule(id="x-new", category="wording", severity="warning", summary="s", explanation="e", preview=True)
    assert not _matches(r, ["ALL"], preview=False)
    assert _matches(r, ["ALL"], preview=True) and _matches(r, ["x-new"], False) and _matches(r, ["wording"], False)


def test_typo_rules_left_preview_and_run_by_default(run_cli, write):
    # (they were preview rules until they met the typo issue's bars, throughput with them on included)
    p = write("a.txt", TEXT)
    assert "typo-confused-char" in _rules(run_cli, p)
    assert "typo-confused-char" in _rules(run_cli, "--select", "typo", p)
    assert "typo-confused-char" not in _rules(run_cli, "--ignore", "typo", p)


def test_rules_listing_marks_preview(run_cli):
    from newslint.rule import markdown_table, rule_record

    code, out, _ = run_cli("rules", "--format", "json")
    listed = json.loads(out)
    assert listed and all("preview" in r for r in listed) and not any(r["preview"] for r in listed)
    r = Rule(id="x-new", category="wording", severity="warning", summary="s", explanation="e", preview=True)
    assert rule_record(r)["preview"] is True and "— preview" in markdown_table({"x-new": r})
