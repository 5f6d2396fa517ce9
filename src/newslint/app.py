"""The application layer: what every command that checks pages shares — exit codes, usage errors, the
run options, building the run's context from options and configuration, running a check (with worker
processes and the per-page cache wrapped around the engine).

Layers point down: ``cli`` and the sub-commands of plugins (``newslint names``, ``quotes``, ``baseline``)
use this module; it uses the engine, ``parallel`` and ``cache``; the engine imports neither of those
two, and nothing below the CLI imports the CLI.
"""
from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path
from typing import List, Optional, Sequence

from . import engine
from .cache import default_dir as cache_dir
from .config import ConfigError, discover, load
from .engine import Context, RunResult, all_rules, check_page, load_pages
from .finding import CATEGORIES
from .lang import LANGS, count, t
from .lang import of as lang_of
from .progress import Progress
from .progress import wanted as progress_wanted
from .reading import DEFAULT_MAX_FILE_MB

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A command-line mistake: one line on stderr, exit code 2."""


def _csv(value: str) -> List[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _iso_date(s: str) -> str:
    try:
        return datetime.date.fromisoformat(s).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {s!r} (use YYYY-MM-DD)") from None


def add_run_options(p: argparse.ArgumentParser) -> None:
    """Options shared by every command that checks pages (check, baseline, names, quotes…)."""
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or directories (*.txt, *.md, *.docx; default: .); - for stdin")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: nearest newslint.toml "
                   "or pyproject.toml with [tool.newslint])")
    p.add_argument("--select", type=_csv, metavar="RULES", help="comma-separated rule ids or categories to run")
    p.add_argument("--ignore", type=_csv, metavar="RULES", help="comma-separated rule ids or categories to skip")
    p.add_argument("--preview", action="store_true",
                   help="also run preview rules (not yet part of ALL; see `newslint rules`)")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name to report for text read from stdin")
    p.add_argument("--date", metavar="YYYY-MM-DD", type=_iso_date,
                   help="the date of the checked pages (overrides config, front matter, file name and text)")
    p.add_argument("--archive", metavar="DIR", action="append", default=None,
                   help="earlier pages: context for cross-page rules, never reported on (repeatable)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes for page-level work (default: one per core)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the per-page result cache")
    p.add_argument("--force-exclude", action="store_true",
                   help="apply exclude, extend-exclude and .gitignore to files named directly too (for pre-commit)")
    p.add_argument("--lang", choices=LANGS, default=None,
                   help="language of newslint's own output (rule messages stay Chinese; default: the locale, else zh)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print only the findings: no summary line, notes or progress")


def build_context(pm, args) -> Context:
    paths = list(getattr(args, "paths", None) or [])
    if paths == ["-"] and getattr(args, "stdin_filename", None):
        paths = [args.stdin_filename]  # an editor's buffer: find the configuration beside the real file
    warnings: List[str] = []
    cfg_path = args.config if getattr(args, "config", None) else discover(paths, warnings)
    for w in warnings:
        print(f"newslint: {w}", file=sys.stderr)
    if getattr(args, "config", None) and not os.path.isfile(args.config):
        raise ConfigError(f"{args.config}: no such configuration file")
    config = load(cfg_path)
    check_selectors(args, all_rules(pm))
    ctx = Context(pm, all_rules(pm), config, args=args,
                  select=getattr(args, "select", None), ignore=getattr(args, "ignore", None))
    pm.hook.newslint_configure(ctx=ctx)
    return ctx


def archive_paths(ctx: Context, args) -> List[str]:
    dirs = list(getattr(args, "archive", None) or [])
    if not dirs and ctx.config.get("archive"):
        dirs = [str(ctx.config.resolve(ctx.config.get("archive")))]
    for d in dirs:
        if not os.path.isdir(d):
            raise ConfigError(f"{d}: archive directory not found")
    return dirs


def run(ctx: Context, paths: Sequence[str], stdin_name: Optional[str] = None,
        archive_paths: Sequence[str] = (), jobs: Optional[int] = 1,
        cache_dir: Optional[Path] = None) -> RunResult:
    """Check ``paths`` (and archive pages) with ``jobs`` worker processes (None: one per core) and,
    when ``cache_dir`` is given, a per-page result cache."""
    errors: List[str] = []
    max_mb = ctx.config.get("max-file-size", DEFAULT_MAX_FILE_MB)
    pages = load_pages(paths, errors, stdin_name, max_mb=max_mb, ctx=ctx)
    archive = (load_pages(archive_paths, errors, start_index=len(pages), archive=True, max_mb=max_mb, ctx=ctx)
               if archive_paths else [])
    phase = None
    if jobs != 1:
        from .parallel import page_phase

        phase = page_phase(ctx, jobs or 0)
    if cache_dir is not None:
        from .cache import PageCache, cached_phase

        cache = PageCache(cache_dir, ctx)
        ctx.state["cache"] = cache
        phase = cached_phase(cache, phase or (lambda ps: [check_page(p, ctx) for p in ps]))
    return engine.check_pages(ctx, pages, archive, errors, page_phase=phase)


class NothingToCheck(Exception):
    """Every file named was excluded with --force-exclude (pre-commit passing only excluded files): exit 0."""


class NoFiles(UsageError):
    """No file to check: the paths named do not exist, or hold no page.  An error (exit 2), never a green run."""

    def __init__(self, messages: List[str]):
        super().__init__("\n".join(f"newslint: {m}" for m in messages))
        self.messages = messages


def run_from_args(pm, args) -> tuple:
    if not args.paths:
        args.paths = ["."]  # as ruff, Vale and textlint do
    ctx = build_context(pm, args)
    jobs = args.jobs if args.jobs is not None else ctx.config.get("jobs")
    if jobs is not None and jobs < 1:
        raise UsageError("newslint: --jobs must be at least 1")
    no_cache = args.no_cache or bool(os.environ.get("NEWSLINT_NO_CACHE"))
    errors: List[str] = []
    files = select_files(ctx, args, errors)
    lang = lang_of(ctx)
    show = progress_wanted(quiet=getattr(args, "quiet", False))
    with Progress(lambda secs: "newslint: " + t(lang, "progress", files=count(lang, len(files), "file"),
                                                secs=int(secs)), enabled=show):
        result = run(ctx, files, stdin_name=getattr(args, "stdin_filename", None),
                     archive_paths=archive_paths(ctx, args), jobs=jobs,
                     cache_dir=None if no_cache else cache_dir(ctx.config))
    result.errors[:0] = list(getattr(pm, "newslint_errors", [])) + errors  # plugins that could not be loaded
    return ctx, result


def print_errors(errors: List[str]) -> None:
    """Each error of a run on stderr, one line each, control characters made visible."""
    from .report.text import printable

    for e in errors:
        print(f"newslint: {printable(e)}", file=sys.stderr)


def checked_files(result: RunResult) -> List[str]:
    """The files read in this run: a report or baseline is never written over one of them."""
    return [p.path for p in result.pages if not p.meta.get("stdin")]



def select_files(ctx: Context, args, errors: List[str]) -> List[str]:
    """The files a run checks: paths named, directories walked (leaving out ``exclude``/``extend-exclude``
    and what .gitignore ignores).  Nothing to check is an error (exit 2) — a CI gate must not go green on
    a mistyped path or an empty folder — unless --force-exclude left out every file named."""
    from .reading import DEFAULT_EXCLUDE, PathFilter, expand_paths

    cfg = ctx.config
    exclude = list(cfg.get("exclude", DEFAULT_EXCLUDE)) + list(cfg.get("extend-exclude", []))
    filters = PathFilter(root=str(cfg.root), exclude=exclude, respect_gitignore=cfg.get("respect-gitignore", True),
                         force=bool(getattr(args, "force_exclude", False) or cfg.get("force-exclude", False)))
    files = list(expand_paths(args.paths, errors, filters))
    if files:
        return files
    if not errors and filters.forced_out:
        raise NothingToCheck()
    raise NoFiles(errors or [t(lang_of(ctx), "no_pages", paths=" ".join(args.paths))])


def unknown_rule_message(name: str, rules: dict) -> str:
    """``unknown rule 'x'`` with a way forward: a category's rules, or the closest rule ids."""
    import difflib

    if name in CATEGORIES:
        ids = sorted(r.id for r in rules.values() if r.category == name)
        return f"{name!r} is a category, not a rule; its rules: {', '.join(ids)}"
    close = difflib.get_close_matches(name, list(rules) + list(CATEGORIES), n=3, cutoff=0.6)
    close += [i for i in sorted(rules) if name and name in i and i not in close][:3 - len(close)]
    hint = f"did you mean {', '.join(close)}?" if close else "see `newslint rules`"
    return f"unknown rule {name!r} ({hint})"


def check_selectors(args, rules: dict) -> None:
    """--select/--ignore naming no rule or category: exit 2 with the closest names."""
    for opt in ("select", "ignore"):
        for sel in getattr(args, opt, None) or ():
            if sel not in rules and sel not in CATEGORIES and sel != "ALL":
                raise UsageError(f"newslint: --{opt}: {unknown_rule_message(sel, rules).replace('rule', 'rule or category', 1)}")
