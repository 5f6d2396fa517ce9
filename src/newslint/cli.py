"""Command line: argument parsing, exit codes — nothing else.

Exit codes: 0 no finding at or above ``--fail-on`` (default warning); 1 findings; 2 usage, config or
input error (one line on stderr, never a traceback); 130 interrupted.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import io
import os
import sys
from typing import Optional, Sequence, Tuple

from . import __version__, engine
from .app import (  # noqa: F401 (re-exported: the CLI's names before the application layer existed)
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    NoFiles,
    NothingToCheck,
    UsageError,
    add_run_options,
    archive_paths,
    build_context,
    checked_files,
    print_errors,
    run_from_args,
    unknown_rule_message,
)
from .config import ConfigError
from .engine import Context, RunResult, all_rules, failing, plugin_manager
from .finding import CATEGORIES, SEVERITIES, Finding
from .lang import LANGS, count, t
from .lang import of as lang_of
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
                       help="output format: " + ", ".join(sorted(reporters(pm)))
                       + "; docx (with -o: a reviewed copy of each Word document, one comment per finding)")
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report in --format to FILE (the terminal still gets text)")
    check.add_argument("--fail-on", choices=SEVERITIES, default=None,
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--fix", action="store_true",
                       help="apply safe fixes in place (punctuation width, doubled marks); with -, print the fixed "
                            "text on stdout and the report on stderr")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also apply unsafe fixes (joining paragraphs, rewriting names or words)")
    check.add_argument("--diff", action="store_true",
                       help="print what --fix would change as a unified diff, write nothing (exit 1 if anything would change)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (2 still means an error)")
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
    rule.add_argument("--lang", choices=LANGS, default=None, help="language of the headings (default: the locale)")
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
    if args.format == "docx":  # a reviewed copy of each Word document, written where -o says
        if not args.output:
            raise UsageError("newslint: --format docx writes reviewed copies: give -o FILE.docx (or -o DIR for several)")
        table["docx"] = None
    if args.format not in table:
        raise UsageError(f"newslint: unknown format {args.format!r} (choose from {', '.join(sorted(table))})")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("newslint: --unsafe-fixes goes with --fix or --diff")
    if args.fix and args.diff:
        raise UsageError("newslint: --diff shows what --fix would change: give one of them")
    try:
        ctx, result = run_from_args(pm, args)
    except NothingToCheck:
        return EXIT_OK
    except NoFiles as e:
        if args.format == "text" or args.output or args.fix or args.diff:
            raise  # one line on stderr (a line per path), exit 2
        for m in e.messages:  # a machine format still gets its report: JSON's errors, GitHub's annotations
            print(f"newslint: {m}", file=sys.stderr)
        table[args.format](RunResult(findings=[], pages=[], errors=e.messages), build_context(pm, args), sys.stdout)
        return EXIT_ERROR
    # `cat page.txt | newslint check - --fix` is an editor filter: stdout is the text alone, the report stderr
    report_stream = sys.stderr if (args.fix and "-" in args.paths) else sys.stdout
    changed = 0
    if args.fix or args.diff:
        result, changed = fix_and_recheck(ctx, result, args)
    print_errors(result.errors)
    if args.diff:
        return _exit(args, result, EXIT_FINDINGS if changed else EXIT_OK)
    if "baseline" in args:  # the baseline plugin's options: keep only findings not in the baseline
        from .baseline import apply as apply_baseline

        apply_baseline(result, ctx, args)
    terminal = "text" if args.output else args.format
    if args.output and args.format == "docx":
        from .wordfile import write_reviewed

        write_reviewed(result, args.output)
        if not args.quiet:
            print("newslint: " + t(lang_of(ctx), "written", format=args.format, path=args.output), file=sys.stderr)
    elif args.output:
        _write_report(table[args.format], result, ctx, args.output)
        if not args.quiet:
            print("newslint: " + t(lang_of(ctx), "written", format=args.format, path=args.output), file=sys.stderr)
    if not (args.quiet and report_stream is sys.stderr):  # `- --fix --quiet`: the fixed text and nothing else
        if not (args.statistics and terminal == "text"):
            table[terminal](result, ctx, report_stream)
        if args.statistics:  # instead of the text listing; beside a machine format, on stderr
            _statistics(result, ctx, report_stream if terminal == "text" else sys.stderr)
    fail_on = args.fail_on or ctx.config.get("fail-on") or "warning"
    return _exit(args, result, EXIT_FINDINGS if failing(result.findings, fail_on) else EXIT_OK)


def _exit(args, result: RunResult, code: int) -> int:
    if result.errors:
        return EXIT_ERROR
    return EXIT_OK if getattr(args, "exit_zero", False) else code


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
    stream.write(summary(result, lang_of(ctx)) + "\n")


def _write_report(reporter, result: RunResult, ctx, path: str) -> None:
    from .fixing import write_new

    buf = io.StringIO()
    reporter(result, ctx, buf)
    write_new(path, buf.getvalue().encode("utf-8"), inputs=checked_files(result))


MAX_FIX_ROUNDS = 10  # fixes can make new fixes possible (as in ruff, fix and re-check until nothing changes)


def fix_and_recheck(ctx: Context, result: RunResult, args) -> Tuple[RunResult, int]:
    """Apply the fixes (safe ones, and unsafe ones with --unsafe-fixes), re-check the fixed text until no fix
    applies, then write each changed file (--fix), print its unified diff (--diff) or, for stdin with --fix,
    print the text on stdout.  Returns the result of the last check — its findings are located in the
    fixed text — and the number of files changed."""
    from collections import Counter, defaultdict

    from .engine import check_pages
    from .fixing import FixError, apply_to_text, encode, write_atomic
    from .wordfile import docx_fixed
    from .wordfile import save as save_document

    unsafe = bool(args.unsafe_fixes)
    lang = lang_of(ctx)
    originals = {p.path: p for p in result.pages}
    archive = [p for p in result.corpus.pages if p.archive] if result.corpus is not None else []
    applied: Counter = Counter()
    documents: dict = {}  # a Word document being fixed: path -> its python-docx document
    current = result
    # each text page's texts so far and the fixes applied to reach each: fixes that undo each other (one rule's
    # correction that another rule corrects back) bring a page back to a text it had; it is then left at
    # that text, with the fixes counted up to it, and fixed no further
    seen: dict = {p.path: [(p.file_text, 0, frozenset())] for p in result.pages if not p.meta.get("docx")}
    cycling: set = set()
    for _ in range(MAX_FIX_ROUNDS):
        fixes = defaultdict(list)
        for f in current.findings:
            if f.fix is not None and (unsafe or f.fix.safe) and f.location.path not in cycling:
                fixes[f.location.path].append((f.fix, f.rule))
        pages, changed = [], False
        for page in current.pages:
            if fixes.get(page.path) and page.meta.get("docx"):
                page, n = docx_fixed(page, [fx for fx, _ in fixes[page.path]], documents)
                applied[page.path] += n
                changed = changed or bool(n)
            elif fixes.get(page.path):
                text, n = apply_to_text(page, [fx for fx, _ in fixes[page.path]])
                if n and text != page.file_text:
                    history = seen[page.path]
                    rules = frozenset(r for _, r in fixes[page.path])
                    back = next((k for k, (old, _, _) in enumerate(history) if old == text), None)
                    if back is not None:  # back to a text it had: the fixes since then undo each other
                        cycling.add(page.path)
                        applied[page.path] = history[back][1]
                        names = ", ".join(sorted(rules.union(*(h[2] for h in history[back + 1:]))))
                        print("newslint: " + t(lang, "fix_cycle", path=page.path, rules=names), file=sys.stderr)
                    else:
                        applied[page.path] += n
                        history.append((text, applied[page.path], rules))
                    page = _refreshed(page, text)
                    changed = True
            pages.append(page)
        if not changed:
            break
        current = check_pages(ctx, pages, archive, result.errors, page_phase=_recheck_phase(ctx, args))
    failed = set()
    for page in current.pages:
        orig = originals[page.path]
        if page.meta.get("stdin"):
            if args.fix:
                sys.stdout.buffer.write(encode(page, page.file_text))
                sys.stdout.flush()
            elif applied[page.path]:
                _print_diff(orig, page)
            continue
        if not applied[page.path]:
            continue
        if args.diff:
            _print_diff(orig, page)
            continue
        try:
            data = save_document(documents[page.path]) if page.path in documents else encode(page, page.file_text)
            write_atomic(page.path, data, expect=orig.meta.get("sha256"))
        except (FixError, OSError, UnicodeEncodeError) as e:
            result.errors.append(str(e) if isinstance(e, FixError) else f"{page.path}: not fixed ({e})")
            failed.add(page.path)
            continue
        if not args.quiet:
            print("newslint: " + t(lang, "fixed", path=page.path, n=applied[page.path]), file=sys.stderr)
    if args.diff and not args.quiet:
        n = sum(applied.values())
        files = count(lang, sum(1 for n in applied.values() if n), "file")
        print("newslint: " + (t(lang, "would_fix", n=n, files=files) if n else t(lang, "nothing_to_fix")),
              file=sys.stderr)
    if failed:  # report what was found in the text that is still on disk
        current.pages = [originals[p.path] if p.path in failed else p for p in current.pages]
        current.findings = sorted([f for f in current.findings if f.location.path not in failed]
                                  + [f for f in result.findings if f.location.path in failed], key=Finding.sort_key)
    return current, sum(1 for p, n in applied.items() if n and p not in failed)


def _refreshed(page, text: str):
    """The page read again from its fixed text (same path, encoding and place in the run)."""
    from .fixing import encode
    from .page import Page

    new = Page.from_text(page.path, text, encoding=page.encoding, bom=page.bom, index=page.index)
    new.archive = page.archive
    new.meta = dict(page.meta)
    new.meta["sha256"] = hashlib.sha256(encode(page, text)).hexdigest()  # what the file will hold
    return new


def _recheck_phase(ctx: Context, args):
    """The page phase of the first check again: worker processes with -j, and the cache (unchanged pages
    are read back from it; fixed ones are analysed and cached under their new content)."""
    from .engine import check_page

    jobs = args.jobs if args.jobs is not None else ctx.config.get("jobs")
    phase = None
    if jobs != 1:
        from .parallel import page_phase

        phase = page_phase(ctx, jobs or 0)
    cache = ctx.state.get("cache")
    if cache is not None:
        from .cache import cached_phase

        phase = cached_phase(cache, phase or (lambda pages: [check_page(p, ctx) for p in pages]))
    return phase


def _print_diff(before, after) -> None:
    import difflib

    a = before.file_text.splitlines(keepends=True)
    b = after.file_text.splitlines(keepends=True)
    for line in difflib.unified_diff(a, b, fromfile=f"a/{before.path}", tofile=f"b/{after.path}"):
        sys.stdout.write(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    sys.stdout.flush()


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
        fix = (" (fix)" if r.fixable else "") + (" (preview)" if r.preview else "")
        print(f"{r.id:<{w}}  {r.category:<11}  {r.severity:<7}  {r.summary}{fix}")
    return EXIT_OK


def cmd_rule(pm, args) -> int:
    rules = all_rules(pm)
    r = rules.get(args.rule_id)
    if r is None:
        raise UsageError(f"newslint: {unknown_rule_message(args.rule_id, rules)}")
    lang = lang_of(args)
    colon = ": " if lang == "en" else "："
    print(f"{r.id} — {r.summary}")
    print(f"{t(lang, 'category')}{colon}{r.category}    {t(lang, 'severity')}{colon}{t(lang, r.severity)}"
          + (f"    {t(lang, 'fixable_rule')}" if r.fixable else ""))
    print()
    print(r.explanation.strip())
    if r.bad:
        print(f"\n{t(lang, 'bad')}{colon}\n    " + r.bad.strip().replace("\n", "\n    "))
    if r.good:
        print(f"\n{t(lang, 'good')}{colon}\n    " + r.good.strip().replace("\n", "\n    "))
    for e in r.examples:
        tag = t(lang, "fires" if e["fires"] else "does_not_fire")
        date = t(lang, "example_date", date=e["date"]) if e["date"] else ""
        print(f"\n{t(lang, 'example')} — {tag}{date}{colon}\n    " + e["text"].strip().replace("\n", "\n    "))
    if r.options:
        print(f"\n{t(lang, 'options')} ([tool.newslint.rules.{r.id}]){colon}")
        for k, v in r.options:
            print(f"    {k} = {v!r}")
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    own_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        pm = plugin_manager()
        if own_process:
            # the modules and tables the plugins loaded live as long as the process: keep them out of the
            # cyclic collector's full passes, which would otherwise rescan them during a short run; so do
            # the data each page leaves for the corpus phase (engine.FREEZE_PAGE_SURVIVORS)
            gc.freeze()
            engine.FREEZE_PAGE_SURVIVORS = True
        parser = build_parser(pm)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_ERROR
        return args.func(pm, args)
    except NothingToCheck:
        return EXIT_OK
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
