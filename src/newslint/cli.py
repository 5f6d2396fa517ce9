"""Command line: argument parsing, exit codes — nothing else.

Exit codes: 0 no finding at or above ``--fail-on`` (default warning); 1 findings; 2 usage, config or
input error (one line on stderr, never a traceback); 130 interrupted.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
from typing import Optional, Sequence

from . import __version__
from .app import (  # noqa: F401 (re-exported: the CLI's names before the application layer existed)
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    UsageError,
    add_run_options,
    archive_paths,
    build_context,
    checked_files,
    print_errors,
    run_from_args,
)
from .config import ConfigError
from .engine import RunResult, all_rules, failing, plugin_manager
from .finding import CATEGORIES, SEVERITIES
from .rule import markdown_table, rule_record


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2
        raise UsageError(f"{self.prog}: {message}")


def build_parser(pm) -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="An editorial quality linter for Chinese news text.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check pages and report findings")
    add_run_options(check)
    check.add_argument("--format", default="text", metavar="FORMAT",
                       help="output format: " + ", ".join(sorted(reporters(pm))))
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report in --format to FILE (the terminal still gets text)")
    check.add_argument("--fail-on", choices=SEVERITIES, default=None,
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--fix", action="store_true",
                       help="apply safe fixes in place (punctuation width, doubled marks)")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix, also apply unsafe fixes (joining paragraphs, rewriting names or words)")
    check.add_argument("--show-all", action="store_true", help="do not summarise rules that fire many times")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--statistics", action="store_true",
                       help="show the number of findings per rule instead of each finding")
    pm.hook.newslint_add_options(parser=check)
    check.set_defaults(func=cmd_check)

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(func=cmd_rules)

    rule = sub.add_parser("rule", help="explain one rule, with a bad and a good example")
    rule.add_argument("rule_id", metavar="ID")
    rule.set_defaults(func=cmd_rule)

    pm.hook.newslint_add_commands(subparsers=sub)
    return parser


def reporters(pm) -> dict:
    out = {}
    for table in pm.hook.newslint_reporters():
        out.update(table or {})
    return out


def cmd_check(pm, args) -> int:
    table = reporters(pm)
    if args.format not in table:
        raise UsageError(f"newslint: unknown format {args.format!r} (choose from {', '.join(sorted(table))})")
    ctx, result = run_from_args(pm, args)
    if args.unsafe_fixes and not args.fix:
        raise UsageError("newslint: --unsafe-fixes goes with --fix")
    if args.fix:
        _apply_fixes(result, unsafe=args.unsafe_fixes, ctx=ctx)
    print_errors(result.errors)
    if "baseline" in args:  # the baseline plugin's options: keep only findings not in the baseline
        from .baseline import apply as apply_baseline

        apply_baseline(result, ctx, args)
    terminal = "text" if args.output else args.format
    if args.output:
        _write_report(table[args.format], result, ctx, args.output)
    if not (args.statistics and terminal == "text"):
        table[terminal](result, ctx, sys.stdout)
    if args.statistics:  # instead of the text listing; beside a machine format, on stderr
        _statistics(result, ctx, sys.stdout if terminal == "text" else sys.stderr)
    fail_on = args.fail_on or ctx.config.get("fail-on") or "warning"
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing(result.findings, fail_on) else EXIT_OK


def _statistics(result: RunResult, ctx, stream) -> None:
    """``--statistics``: one line per rule, most frequent first: count, rule, category, summary."""
    from collections import Counter

    from .report.text import summary

    counts = Counter(f.rule for f in result.findings)
    fixable = Counter(f.rule for f in result.findings if f.fix is not None and f.fix.safe)
    w = max((len(r) for r in counts), default=0)
    for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        r = ctx.rules.get(rule_id)
        fix = " [*]" if fixable[rule_id] else ""
        stream.write(f"{n:>7}  {rule_id:<{w}}  {r.category if r else '':<11}  {r.summary if r else ''}{fix}\n")
    stream.write(summary(result) + "\n")


def _write_report(reporter, result: RunResult, ctx, path: str) -> None:
    from .fixing import write_new

    buf = io.StringIO()
    reporter(result, ctx, buf)
    write_new(path, buf.getvalue().encode("utf-8"), inputs=checked_files(result))


def _apply_fixes(result: RunResult, unsafe: bool = False, ctx=None) -> None:
    """Apply the fixes of the findings (safe ones only unless ``unsafe``) and drop the findings fixed."""
    from .fixing import FixError, encode, fix_page, fix_to_fixpoint

    def applies(f) -> bool:
        return f.fix is not None and (unsafe or f.fix.safe)

    recheck = None
    if ctx is not None:
        from .engine import check_pages

        def recheck(p):  # the fixes a run would find in the fixed text (suppressions and selection apply)
            return [f.fix for f in check_pages(ctx, [p]).findings if applies(f)]

    fixed_paths = set()
    for page in result.pages:
        mine = [f for f in result.findings if applies(f) and f.location.path == page.path]
        if not mine:
            continue
        if page.meta.get("stdin"):
            text, _ = fix_to_fixpoint(page, [f.fix for f in mine], recheck)
            sys.stdout.buffer.write(encode(page, text))
            sys.stdout.flush()
            fixed_paths.add(page.path)
            continue
        try:
            n = fix_page(page, mine, page.meta.get("sha256"), recheck)
        except (FixError, OSError, UnicodeEncodeError) as e:
            result.errors.append(str(e) if isinstance(e, FixError) else f"{page.path}: not fixed ({e})")
            continue
        if n:
            fixed_paths.add(page.path)
            print(f"newslint: {page.path}: 已修复 {n} 处", file=sys.stderr)
    result.findings[:] = [f for f in result.findings if not (applies(f) and f.location.path in fixed_paths)]


def cmd_rules(pm, args) -> int:
    rules = all_rules(pm)
    for e in getattr(pm, "newslint_errors", []):
        print(f"newslint: {e}", file=sys.stderr)
    if args.format == "json":
        import json

        json.dump([rule_record(r) for r in rules.values()], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    if args.format == "markdown":
        sys.stdout.write(markdown_table(rules))
        return EXIT_OK
    w = max((len(r) for r in rules), default=10)
    for r in sorted(rules.values(), key=lambda r: (CATEGORIES.index(r.category), r.id)):
        fix = " (fix)" if r.fixable else ""
        print(f"{r.id:<{w}}  {r.category:<11}  {r.severity:<7}  {r.summary}{fix}")
    return EXIT_OK


def cmd_rule(pm, args) -> int:
    rules = all_rules(pm)
    r = rules.get(args.rule_id)
    if r is None:
        raise UsageError(f"newslint: unknown rule {args.rule_id!r} (see `newslint rules`)")
    print(f"{r.id} — {r.summary}")
    print(f"类别 category: {r.category}    默认级别 severity: {r.severity}" + ("    可自动修复 fixable" if r.fixable else ""))
    print()
    print(r.explanation.strip())
    if r.bad:
        print("\n错误示例 bad:\n    " + r.bad.strip().replace("\n", "\n    "))
    if r.good:
        print("\n正确示例 good:\n    " + r.good.strip().replace("\n", "\n    "))
    for e in r.examples:
        tag = "会报告 fires" if e["fires"] else "不报告 does not fire"
        date = f"（页面日期 {e['date']}）" if e["date"] else ""
        print(f"\n示例 example — {tag}{date}:\n    " + e["text"].strip().replace("\n", "\n    "))
    if r.options:
        print("\n选项 options ([tool.newslint.rules." + r.id + "]):")
        for k, v in r.options:
            print(f"    {k} = {v!r}")
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        pm = plugin_manager()
        parser = build_parser(pm)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_ERROR
        return args.func(pm, args)
    except (UsageError, ConfigError) as e:
        print(str(e) if str(e).startswith("newslint") else f"newslint: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        _leave_if_pool_abandoned(EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except OSError as e:  # a report or baseline that cannot be written, a full disk: one line, exit 2
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        print(f"newslint: {where}{e.strerror or e}", file=sys.stderr)
        _leave_if_pool_abandoned(EXIT_ERROR)
        return EXIT_ERROR
    except Exception as e:  # never a traceback for a user; NEWSLINT_DEBUG=1 shows it
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        from .parallel import WorkerError

        if isinstance(e, WorkerError):
            print(f"newslint: {e}", file=sys.stderr)
        else:
            print(f"newslint: internal error: {type(e).__name__}: {e} (set NEWSLINT_DEBUG=1 for details)",
                  file=sys.stderr)
        _leave_if_pool_abandoned(EXIT_ERROR)
        return EXIT_ERROR


def _leave_if_pool_abandoned(code: int) -> None:
    """After worker processes were cut off mid-run, exit at once (output flushed): the interpreter's own
    exit could wait for ever on concurrent.futures' manager thread.  Nothing is left to clean up —
    reports are written only at the end and fixes go through temporary files that are removed."""
    parallel = sys.modules.get("newslint.parallel")
    if parallel is not None and getattr(parallel, "POOL_ABANDONED", False):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)


def _entry() -> None:  # pragma: no cover
    sys.exit(main())
