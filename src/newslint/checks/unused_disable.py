"""Rule ``structure-unused-disable``: suppressions that do nothing, or cannot work.

The model of a rule as a unit: metadata with runnable examples, and one function that reports through
its :class:`~newslint.rule.RuleContext`.  It runs after the filters (``newslint.suppress`` has then
marked every directive and ``[[per-file]]`` entry that suppressed a finding).
"""
from __future__ import annotations

import os
from typing import Optional, Set

from .. import hookimpl
from ..finding import Finding, Location, Rule
from ..rule import RuleContext, corpus_rule
from ..suppress import DIRECTIVE_RE, PageSuppressions, PerFile, is_markdown

RULE = Rule(
    id="structure-unused-disable",
    category="structure",
    severity="warning",
    summary="无效或多余的 newslint 抑制注释 / per-file 配置",
    explanation="""\
抑制注释（Markdown 中的 <!-- newslint-disable … -->）和配置中的 [[tool.newslint.per-file]] 条目用来
关掉个别确属误报的提示。稿件改过之后，原先被抑制的问题可能已经不存在，留下的抑制会悄悄吞掉以后出现的
真问题，所以加上 --report-unused-disables 运行时，本规则报告没有抑制任何提示的注释和条目。
注释中写了不存在的规则名，或者把注释写进了纯文本稿件（纯文本没有注释，这行字会随正文见报），
无论是否加该选项都会报告。

Reports suppression comments and per-file entries that suppressed nothing (with
--report-unused-disables), directives naming unknown rules, and directives written into plain text.""",
    bad="<!-- newslint-disable punctuation-halfwidth -->\n本报讯（记者张三）1月2日，会议召开。",
    good="本报讯（记者张三）1月2日，会议召开。",
    examples=[
        {"text": "<!-- newslint-disable punctuation-halfwidth -->\n本报讯（记者张三）1月2日,会议召开。\n",
         "fires": True, "date": None},  # a plain-text page: the comment would be printed
        {"text": "本报讯（记者张三）1月2日，会议召开。\n", "fires": False, "date": None},
    ],
)



@hookimpl
def newslint_configure(ctx):
    if getattr(ctx.args, "report_unused_disables", False):
        ctx.selected.add(RULE.id)  # the flag asks for this rule whatever the selection


@corpus_rule(RULE, after_filters=True)
def unused_disable(rc: RuleContext) -> None:
    ctx = rc.ctx
    parsed = ctx.state.get("suppress.pages", {})
    report_unused = bool(getattr(ctx.args, "report_unused_disables", False))
    for page in rc.corpus.run_pages:
        if "newslint-" not in page.text:
            continue
        if not is_markdown(page.path):
            for m in DIRECTIVE_RE.finditer(page.text):
                rc.report(m.start(), m.end(),
                          "纯文本稿件不支持抑制注释：这行注释不起作用，而且会随正文见报；"
                          "请删去，改用配置中的 [[tool.newslint.per-file]]", page=page, key=m.group())
            continue
        sup: PageSuppressions = parsed.get(page.path) or PageSuppressions()
        for d, name in sup.unknown:
            rc.report(d.start, d.end, f"抑制注释中的“{name}”不是规则名或类别（见 newslint rules）",
                      page=page, key=page.text[d.start:d.end])
        if report_unused:
            for d in sup.directives:
                if d.kind == "enable" or d.used or not _all_selected(d.rules, ctx) or any(
                        u is d for u, _ in sup.unknown):  # an unknown name is reported as such
                    continue
                what = "、".join(d.names) if d.names else "所有规则"
                rc.report(d.start, d.end, f"这条抑制注释（{what}）没有抑制任何提示，可以删去",
                          page=page, key=page.text[d.start:d.end])
    if report_unused:
        for e in ctx.state.get("suppress.per-file") or ():
            if e.used or not e.matched_page or not _all_selected(e.rules, ctx):
                continue
            rc.add(_config_finding(e, rc))


def _all_selected(rules: Optional[Set[str]], ctx) -> bool:
    """A suppression can only be judged unused when every rule it covers has run."""
    wanted = set(ctx.rules) - {RULE.id} if rules is None else rules
    return wanted <= ctx.selected


def _config_finding(e: PerFile, rc: RuleContext) -> Finding:
    line = e.line or 1
    what = f"path = {e.pattern!r}"
    return Finding(rule=RULE.id, category=RULE.category, severity=rc.severity,
                   message=f"[[per-file]] 条目（{what}）没有抑制任何提示，可以删去",
                   location=Location(path=_display(e.source), line=line, column=1, end_line=line, end_column=1),
                   key=f"per-file {e.index} {e.pattern}")


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
