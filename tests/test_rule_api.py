"""The rule API: decorated rule functions, executable examples, the generated README table."""
import json
from pathlib import Path

import pytest

from helpers import PM, RULES, run_example
from newslint.config import Config
from newslint.engine import Context, all_rules, check_pages, plugin_manager
from newslint.finding import Rule
from newslint.page import Page
from newslint.rule import README_BEGIN, README_END, RuleContext, corpus_rule, markdown_table, page_rule

ROOT = Path(__file__).resolve().parent.parent

EXAMPLES = [pytest.param(rid, i, ex, id=f"{rid}-{i}") for rid, r in RULES.items() for i, ex in enumerate(r.examples)]


@pytest.mark.parametrize("rule_id,index,example", EXAMPLES)
def test_rule_examples_behave_as_declared(rule_id, index, example):
    found = run_example(rule_id, example)
    assert bool(found) == example["fires"], (example["text"], [f.message for f in found])


def test_every_rule_has_an_example_that_fires_and_one_that_does_not():
    for rid, r in RULES.items():
        assert {e["fires"] for e in r.examples} == {True, False}, rid


def test_rules_json_lists_examples(run_cli):
    code, out, _ = run_cli("rules", "--format", "json")
    data = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and set(data) == set(RULES)
    r = data["punctuation-halfwidth"]
    assert {"id", "category", "severity", "summary", "examples"} <= set(r)
    assert all(set(e) == {"text", "fires", "date"} for e in r["examples"])
    assert all({"text", "fires", "date"} <= set(e) for r in data.values() for e in r["examples"])


def test_readme_rules_table_is_generated(run_cli):
    code, out, _ = run_cli("rules", "--format", "markdown")
    assert code == 0 and out == markdown_table(RULES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    inside = readme.split(README_BEGIN, 1)[1].split(README_END, 1)[0]
    assert inside.strip() == out.strip(), "README rules table drifted: paste `newslint rules --format markdown`"


# ---- decorated rules ----------------------------------------------------------------------------
HOUSE = Rule(id="wording-test-house", category="wording", severity="warning", summary="测试", explanation="测试")
ACROSS = Rule(id="wording-test-across", category="wording", severity="info", summary="测试", explanation="测试",
              options=(("word", "帐户"),))
calls = []


class Plugin:
    @staticmethod
    @page_rule(HOUSE)
    def house(rc: RuleContext):
        calls.append(rc.page.path)
        for i in range(len(rc.page.text)):
            if rc.page.text.startswith("帐户", i):
                rc.report(i, i + 2, "“帐户”应为“账户”", suggestion="账户")

    @staticmethod
    @corpus_rule(ACROSS)
    def across(rc: RuleContext):
        pages = [p for p in rc.corpus.run_pages if rc.options["word"] in p.text]
        if len(pages) > 1:
            rc.report(0, 1, "多个页面", page=pages[-1])


def _run(select, ignores=None, texts=("请核对帐户信息。\n", "帐户二。\n")):
    pm = plugin_manager([Plugin()])
    cfg = Config()
    if ignores:
        cfg.data["per-path-ignores"] = ignores
    ctx = Context(pm, all_rules(pm), cfg, select=select)
    pages = [Page.from_text(f"p{i}.txt", t) for i, t in enumerate(texts)]
    return check_pages(ctx, pages).findings


def test_decorated_rules_are_listed_and_run_only_when_enabled():
    calls.clear()
    pm = plugin_manager([Plugin()])
    assert {"wording-test-house", "wording-test-across"} <= set(all_rules(pm))
    fs = _run(["wording-test-house"])
    assert [(f.rule, f.location.path, f.location.column, f.suggestion) for f in fs] == [
        ("wording-test-house", "p0.txt", 4, "账户"), ("wording-test-house", "p1.txt", 1, "账户")]
    assert calls == ["p0.txt", "p1.txt"]
    calls.clear()
    assert _run(["punctuation"]) == [] and calls == []  # not selected: never called
    fs = _run(["wording-test-across"])
    assert [(f.rule, f.location.path, f.severity) for f in fs] == [("wording-test-across", "p1.txt", "info")]


def test_decorated_page_rule_honours_per_path_ignores():
    calls.clear()
    fs = _run(["wording-test-house"], ignores={"p0.txt": ["wording-test-house"]})
    assert [f.location.path for f in fs] == ["p1.txt"] and calls == ["p1.txt"]


def test_builtin_rules_do_not_collide():
    assert len(RULES) == len(all_rules(PM))


def test_misspelt_hook_in_a_plugin_is_an_error():
    from newslint import hookimpl
    from newslint.config import ConfigError

    class Typo:
        @hookimpl
        def newslint_check_pages(self, page, ctx):  # no such hook
            return []

    with pytest.raises(ConfigError, match="newslint_check_pages"):
        plugin_manager([Typo()])
