"""A rule is a function with its metadata: ``@page_rule(RULE)`` and ``@corpus_rule(RULE)``.

The function gets a :class:`RuleContext` bound to its rule (and page) and reports through it::

    from newslint import Rule
    from newslint.rule import page_rule

    RULE = Rule(id="wording-house-style", category="wording", severity="warning",
                summary="本报用字：“帐户”应为“账户”", explanation="…",
                examples=[{"text": "请核对帐户信息。", "fires": True, "date": None},
                          {"text": "请核对账户信息。", "fires": False, "date": None}])

    @page_rule(RULE)
    def house_style(rc):
        for m in regex.finditer("帐户", rc.page.text):
            rc.report(m.start(), m.end(), "“帐户”应为“账户”", suggestion="账户")

A plugin module (built-in or found through the ``newslint`` entry-point group) needs nothing else: the
engine finds the decorated functions of every registered plugin, adds their rules to ``newslint rules``
and calls a function only when its rule is selected and not ignored for the page's path.  The pluggy
hooks (``newslint_rules``, ``newslint_check_page``, ``newslint_check_corpus``…) stay the lower-level API.

Stages: ``page`` runs once per page (possibly in a worker process); ``corpus`` once per run after the
corpus hooks, with ``rc.corpus``; ``after-filters`` once per run after suppressions and baselines have
filtered the findings (for rules about the suppressions themselves), with ``rc.corpus``.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable, Dict, Iterable, List, Optional

from .finding import Finding, Fix, Location, Rule

STAGES = ("page", "corpus", "after-filters")
_MARK = "__newslint_rule__"


@dataclass(frozen=True)
class RuleImpl:
    """A rule's metadata with the function that checks it and the stage it runs in."""

    rule: Rule
    stage: str
    fn: Callable[["RuleContext"], Any]


def _decorator(rule: Rule, stage: str):
    if not isinstance(rule, Rule):
        raise TypeError(f"@{stage.replace('-', '_')}_rule needs a newslint.Rule, not {rule!r}")

    def mark(fn):
        setattr(fn, _MARK, RuleImpl(rule, stage, fn))
        return fn

    return mark


def page_rule(rule: Rule):
    """Mark ``fn(rc)`` as the check of ``rule`` on one page (``rc.page``)."""
    return _decorator(rule, "page")


def corpus_rule(rule: Rule, after_filters: bool = False):
    """Mark ``fn(rc)`` as the check of ``rule`` on all pages of a run (``rc.corpus``); with
    ``after_filters`` it runs once suppressions and baselines have filtered the findings."""
    return _decorator(rule, "after-filters" if after_filters else "corpus")


def rule_impls(plugins: Iterable[Any]) -> List[RuleImpl]:
    """The decorated rule functions of ``plugins`` (modules or objects), each once, in plugin order."""
    out: List[RuleImpl] = []
    seen = set()
    for plugin in plugins:
        names = list(vars(plugin)) if isinstance(plugin, ModuleType) else dir(plugin)
        for name in names:
            impl = getattr(getattr(plugin, name, None), _MARK, None)
            if isinstance(impl, RuleImpl) and id(impl.fn) not in seen:
                seen.add(id(impl.fn))
                out.append(impl)
    return out


class RuleContext:
    """What one rule sees while it runs: its rule, options, severity, the page (or corpus), the shared
    analyses and data packs; findings go through :meth:`report`."""

    def __init__(self, rule: Rule, ctx: Any, page: Any = None, corpus: Any = None):
        self.rule = rule
        self.ctx = ctx
        self.page = page
        self.corpus = corpus
        self.findings: List[Finding] = []

    @property
    def options(self) -> Dict[str, Any]:
        """The rule's options: its defaults updated by ``[tool.newslint.rules.<id>]``."""
        return self.ctx.options(self.rule.id)

    @property
    def severity(self) -> str:
        return self.ctx.severity(self.rule)

    def analysis(self, name: str, page: Any = None) -> Any:
        """A shared per-page analysis (``layout``, ``tokens``, ``mentions``, ``dates``, ``speech``…)."""
        return (page if page is not None else self.page).analysis(name)

    def pack(self, section: str) -> list:
        """The ``[[section]]`` entries of the built-in data packs and of the packs named in config."""
        return self.ctx.pack_entries(section)

    def enabled_for(self, page: Any) -> bool:
        """Whether the rule applies to ``page`` (corpus rules: per-path ignores)."""
        return self.ctx.enabled(self.rule.id, page)

    def defers_to(self, rule_id: str, page: Any = None) -> bool:
        """Does ``rule_id`` run on ``page`` (default: the rule's page)?  For one defect two rules could
        report (三 三 五: a repeat or a skip), the rule that defers leaves it to the other when that one
        runs, and reports it itself when the other is not selected."""
        return self.ctx.enabled(rule_id, page if page is not None else self.page)

    def report(self, start: int, end: int, message: str, *, page: Any = None, fix: Optional[Fix] = None,
               related: Iterable[Location] = (), suggestion: Optional[str] = None, key: Optional[str] = None,
               severity: Optional[str] = None, **extra: Any) -> Optional[Finding]:
        """Report ``page.text[start:end]`` (``page`` defaults to the rule's page).  A finding on a page
        the rule is ignored for (per-path ignores) or on an archive page is dropped (None)."""
        page = page if page is not None else self.page
        if page is None:
            raise ValueError(f"{self.rule.id}: report() needs a page in a corpus rule")
        if page.archive or self.ctx.ignored_for_path(self.rule.id, page.path):
            return None
        f = self.ctx.finding(self.rule, page, start, end, message, related=related, suggestion=suggestion,
                             fix=fix, key=key, severity=severity, **extra)
        self.findings.append(f)
        return f

    def add(self, finding: Finding) -> None:
        """Add a finding made elsewhere (one not on a page, such as a configuration entry)."""
        if finding.rule != self.rule.id:
            raise ValueError(f"{self.rule.id}: cannot report a finding of {finding.rule}")
        self.findings.append(finding)


def run_impls(impls: Iterable[RuleImpl], ctx: Any, page: Any = None, corpus: Any = None) -> List[Finding]:
    """Call each of ``impls`` whose rule is enabled (for ``page`` when given); their findings."""
    out: List[Finding] = []
    for impl in impls:
        if not ctx.enabled(impl.rule.id, page):
            continue
        rc = RuleContext(impl.rule, ctx, page=page, corpus=corpus)
        impl.fn(rc)
        out.extend(rc.findings)
    return out


# ---- documentation generated from the rules ----------------------------------------------------
def rule_record(rule: Rule) -> Dict[str, Any]:
    """One rule as ``newslint rules --format json`` prints it."""
    return {"id": rule.id, "category": rule.category, "severity": rule.severity, "summary": rule.summary,
            "fixable": rule.fixable, "preview": rule.preview, "examples": [dict(e) for e in rule.examples]}


README_BEGIN = "<!-- rules-table:begin (generated by `newslint rules --format markdown`) -->"
README_END = "<!-- rules-table:end -->"


def markdown_table(rules: Dict[str, Rule]) -> str:
    """The README's rules table, in category order."""
    from .finding import CATEGORIES

    lines = ["| rule | category | severity | summary |", "|---|---|---|---|"]
    for r in sorted(rules.values(), key=lambda r: (CATEGORIES.index(r.category), r.id)):
        fix = (" — fix" if r.fixable else "") + (" — preview" if r.preview else "")
        lines.append(f"| `{r.id}` | {r.category} | {r.severity} | {r.summary.replace('|', '&#124;')}{fix} |")
    return "\n".join(lines) + "\n"
