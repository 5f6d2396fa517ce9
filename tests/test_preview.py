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


def test_typo_rules_run_only_when_previews_are_on_or_named(run_cli, write):
    p = write("a.txt", TEXT)
    assert "typo-confused-char" not in _rules(run_cli, p)
    assert "typo-confused-char" in _rules(run_cli, "--preview", p)
    assert "typo-confused-char" in _rules(run_cli, "--select", "typo", p)
    write("newslint.toml", "preview = true\n")
    assert "typo-confused-char" in _rules(run_cli, p)


def test_rules_listing_marks_preview(run_cli):
    code, out, _ = run_cli("rules", "--format", "json")
    typo = [r for r in json.loads(out) if r["category"] == "typo"]
    assert typo and all(r["preview"] for r in typo)
    assert not any(r["preview"] for r in json.loads(out) if r["category"] != "typo")
