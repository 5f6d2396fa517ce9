"""In-process checking for rule tests: one plugin manager for the session, pages checked directly."""
from newslint.config import Config
from newslint.engine import Context, all_rules, check_pages, plugin_manager
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
