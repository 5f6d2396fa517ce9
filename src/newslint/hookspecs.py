"""The plugin API: pluggy hook specifications of the ``newslint`` project.

A plugin is a module (or object) with functions marked ``@newslint.hookimpl`` and is found through the
``newslint`` entry-point group — the built-in rule families register exactly that way.

A rule is best written as a function with its metadata (:mod:`newslint.rule`)::

    from newslint import Rule
    from newslint.rule import page_rule

    RULE = Rule(id="wording-my-check", category="wording", severity="warning",
                summary="…", explanation="…",
                examples=[{"text": "…", "fires": True, "date": None}, {"text": "…", "fires": False, "date": None}])

    @page_rule(RULE)
    def my_check(rc):
        rc.report(start, end, "消息")

The hooks below are the lower-level API those decorators sit on; they stay public.
"""
from __future__ import annotations

import pluggy

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newslint_rules():
    """Return a list of :class:`newslint.Rule` (metadata of the rules this plugin provides)."""


@hookspec
def newslint_analyses():
    """Return a dict ``{name: callable(page) or "module:function"}`` of shared per-page analyses."""


@hookspec
def newslint_pack_sections():
    """Return ``{section: {field: type or (types…)}}``: the ``[[section]]`` tables of data packs this
    plugin reads, with their fields (``object`` accepts any value).  A section or field no plugin
    declares is an error naming the pack file and line."""


@hookspec
def newslint_check_page(page, ctx):
    """Check one page; return an iterable of :class:`newslint.Finding` (or None).

    Runs once per page, possibly in a worker process.  Use ``ctx.enabled(rule_id)`` to skip rules
    that are not selected and ``ctx.options(rule_id)`` for configured thresholds."""


@hookspec
def newslint_collect_page(page, ctx):
    """Extract picklable per-page data for the corpus phase; return ``{key: data}`` or None.

    Runs next to ``newslint_check_page`` (possibly in a worker); the corpus phase reads the data back
    with ``corpus.collected(page, key)`` so that it never needs to re-analyse a page."""


@hookspec
def newslint_check_corpus(corpus, ctx):
    """Check all pages of a run together (cross-page rules); return an iterable of findings.

    ``corpus.pages`` holds the run's pages in order (then any archive pages, marked
    ``page.archive``: report them only as related locations)."""


@hookspec
def newslint_add_options(parser):
    """Add command-line options to ``newslint check`` (an :mod:`argparse` parser or group)."""


@hookspec
def newslint_configure(ctx):
    """Called once when the run's context is ready (options and config parsed), before checking."""


@hookspec
def newslint_add_commands(subparsers):
    """Add sub-commands: ``subparsers.add_parser(name)`` and set ``func=callable(args) -> exit code``."""


@hookspec
def newslint_reporters():
    """Return a dict ``{format_name: callable(findings, ctx, stream)}`` of output formats."""


@hookspec
def newslint_html_sections(result, ctx):
    """Return extra tables for the HTML report: a list of ``{"id", "title", "intro", "columns", "rows"}``
    (a cell is a string, a :class:`newslint.Location` or a list of cells); see
    :func:`newslint.report.html.sections`."""


@hookspec
def newslint_filter_findings(findings, corpus, ctx):
    """Drop or adjust findings in place (``findings[:] = …``): inline suppressions, baselines.

    Runs after selection and per-path ignores, before fingerprints are assigned."""
