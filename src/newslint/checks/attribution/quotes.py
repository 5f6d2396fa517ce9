"""``newslint quotes``: list who said what, where (the speech spans of the ``speech`` analysis), for an
editor's audit."""
from __future__ import annotations

import json
import sys
from typing import List

from ... import hookimpl


@hookimpl
def newslint_add_commands(subparsers):
    from ...app import add_run_options

    p = subparsers.add_parser("quotes", help="list who said what, where (speech spans) for an editor's audit")
    add_run_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_quotes)


def quote_records(page) -> List[dict]:
    an = page.analysis("speech")
    out = []
    for s in an.speeches:
        occ = an.occasion(s)
        loc = page.location(s.start, s.content_end)
        out.append({
            "path": page.path, "line": loc.line, "column": loc.column,
            "end_line": loc.end_line, "end_column": loc.end_column,
            "speaker": s.speaker, "speaker_as_written": s.speaker_text, "speaker_kind": s.speaker_kind,
            "verb": s.verb, "quote": s.quote,
            "occasion": {"title": occ.title, "date": occ.date, "event": occ.event, "page_date": occ.page_date},
            "recalled": s.recalled, "first_words": s.first_words, "content": s.content,
        })
    return out


def cmd_quotes(pm, args) -> int:
    from ...app import EXIT_ERROR, EXIT_OK, UsageError, build_context
    from ...engine import load_pages

    if not args.paths:
        raise UsageError("newslint: no paths given (use - to read stdin)")
    ctx = build_context(pm, args)  # validates the configuration like `check` does
    errors: List[str] = []
    pages = load_pages(args.paths, errors, getattr(args, "stdin_filename", None), ctx=ctx)
    records = [r for page in pages for r in quote_records(page)]
    if args.format == "json":
        json.dump({"quotes": records, **({"errors": errors} if errors else {})},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for r in records:
            who = r["speaker_as_written"] + (f"［{r['speaker']}］" if r["speaker"] and r["speaker"] not in
                                             r["speaker_as_written"] else "")
            occ = r["occasion"]
            where = (occ["date"] + (f"《{occ['title']}》" if occ["title"] else "")) or occ["event"] or "—"
            mark = "引语" if r["quote"] else r["verb"]
            note = f"  ［追述：{r['recalled']}］" if r["recalled"] else ""
            print(f"{r['path']}:{r['line']}:{r['column']}: {who} {mark} | {where} | {r['first_words']}{note}")
        if not records:
            print("（未找到发言）", file=sys.stderr)
    for e in errors:
        print(f"newslint: {e}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK
