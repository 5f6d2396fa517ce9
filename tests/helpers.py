"""In-process checking for rule tests: one plugin manager for the session, pages checked directly."""
from newslint.config import Config
from newslint.engine import Context, all_rules, check_pages, pack_dir, plugin_manager
from newslint.page import Page

PM = plugin_manager()
RULES = all_rules(PM)


def check(pages, select):
    """Findings of the rules ``select`` (ids or categories) on ``pages`` (Page objects)."""
    ctx = Context(PM, RULES, Config(), select=list(select))
    return check_pages(ctx, list(pages)).findings


def lint_text(text, select, path="t.txt", date=None):
    """Findings on one page made of ``text``; ``date`` stands for ``--date``."""
    page = Page.from_text(path, text)
    if date:
        page.meta.update(date=date, date_source="--date")
    return check([page], select)


def rule_ids(findings):
    return [f.rule for f in findings]


def run_example(rule_id, example):
    """Findings of ``rule_id`` on one of its examples: the text as a page of the example's date, only
    that rule selected, the example's settings (paths relative to the built-in packs)."""
    page = Page.from_text("example.txt", example["text"])
    if example["date"]:
        page.meta.update(date=example["date"], date_source="--date")
    config = Config(root=pack_dir(), data=dict(example.get("config") or {}))
    ctx = Context(PM, RULES, config, select=[rule_id])
    return [f for f in check_pages(ctx, [page]).findings if f.rule == rule_id]
