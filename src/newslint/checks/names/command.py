"""``newslint names``: the register of people and organisations a run found (text, JSON, or a TOML
register for the config's roster)."""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from typing import Any, Dict, List, Optional, Set, Tuple

from ... import hookimpl
from .common import Spelling, _compact, _page_date, _short, build_register, org_pairs, person_pairs, place_words


@hookimpl
def newslint_add_commands(subparsers):
    from ...app import add_run_options

    p = subparsers.add_parser("names", help="print the register of people and organisations a run found")
    add_run_options(p)
    p.add_argument("--format", choices=("text", "json", "toml"), default="text",
                   help="toml: a register for the config's roster (every spelling attested --min-count times)")
    p.add_argument("--kind", choices=("person", "org", "all"), default="all")
    p.add_argument("--min-count", type=int, default=2, metavar="N",
                   help="with --format toml, the mentions a spelling needs to enter the register (default 2)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=cmd_names)


def register_rows(reg, places) -> List[Dict[str, Any]]:
    """Entities with their spellings: spellings linked by a variant pair form one entity."""
    pairs = person_pairs(reg, True) + org_pairs(reg, places)
    parent: Dict[Tuple[str, str], Tuple[str, str]] = {}

    def find(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for pr in pairs:
        ka, kb = (pr.a.kind, pr.a.name), (pr.b.kind, pr.b.name)
        ra, rb = find(ka), find(kb)
        if ra != rb:
            parent[rb] = ra
    groups: Dict[Tuple[str, str], List[Spelling]] = defaultdict(list)
    for k, sp in reg.items():
        groups[find(k)].append(sp)
    rows = []
    for sps in groups.values():
        if sps[0].kind == "person" and not any(s.strong for s in sps):
            continue  # clause-start guesses alone are not put in the register
        sps.sort(key=lambda s: -s.count)
        titles: Counter = Counter()
        pages: List[str] = []
        for s in sps:
            titles.update(s.titles())
            for p in s.pages:
                if p.path not in pages:
                    pages.append(p.path)
        rows.append({
            "entity": sps[0].name, "kind": sps[0].kind,
            "spellings": [{"name": s.name, "count": s.count, "pages": [p.path for p in s.pages]} for s in sps],
            "titles": [t for t, _ in titles.most_common()],
            "count": sum(s.count for s in sps), "pages": pages, "variants": len(sps) > 1,
        })
    rows.sort(key=lambda r: (r["kind"], -r["variants"], -r["count"], r["entity"]))
    return rows


def cmd_names(pm, args) -> int:
    from ...app import EXIT_ERROR, EXIT_OK, build_context
    from ...engine import load_pages

    if not args.paths and not getattr(args, "archive", None):
        from ...app import UsageError

        raise UsageError("newslint names: no paths given (pages, or --archive DIR)")
    ctx = build_context(pm, args)  # validates the configuration like `check` does
    errors: List[str] = []
    from ...app import archive_paths

    paths = list(args.paths) + archive_paths(ctx, args)
    pages = load_pages(paths, errors, getattr(args, "stdin_filename", None), ctx=ctx)
    dates: Dict[int, Optional[str]] = {}

    def data(p):
        ms = [_compact(m, p) for m in p.analysis("mentions").items if m.role != "near-repeat"]
        if args.format == "toml":
            dates[id(p)] = _page_date(p)
        p._cache.clear()  # a large archive: keep only the compact mentions
        return p, {"mentions": ms}

    reg = build_register(data(p) for p in pages)
    places: Set[str] = set()
    for p in pages:
        places.update(place_words(p.text))
    rows = register_rows(reg, places)
    if args.kind != "all":
        rows = [r for r in rows if r["kind"] == args.kind]
    for e in errors:
        print(f"newslint: {e}", file=sys.stderr)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        _print_names(args, rows, reg, dates, len(pages), out)
    finally:
        if args.output:
            out.close()
    return EXIT_ERROR if errors else EXIT_OK


def register_toml(rows, reg, dates: Dict[int, Optional[str]], n_pages: int, min_count: int = 2) -> str:
    """A register for the config's ``roster`` from the rows of :func:`register_rows`: one ``[[person]]``
    or ``[[org]]`` per spelling attested ``min_count`` times or more (in a title, byline or list at least
    once, for a person), with its count, pages, titles, first and last page date, and the entity's other
    spellings (``others``: seen in the archive, not confirmed — one of them may be a misprint)."""
    from rapidfuzz.distance import Levenshtein

    def q(v: str) -> str:
        return json.dumps(v, ensure_ascii=False)

    lines = ["# A register of the people and organisations attested in an archive of pages, written by",
             "# `newslint names --archive DIR --format toml`.  Point the config's roster at it:",
             "#   roster = [\"register.toml\"]",
             "# On a page, a spelling printed once that is one look- or sound-alike character away from a",
             "# spelling attested here 3 times or more (and not itself attested) is reported (name-roster).",
             "# Review it: `others` lists spellings of what may be the same entity; add known misprints as `wrong`.",
             "", "[pack]", f"name = {q('register')}", f"pages = {n_pages}", ""]
    for r in rows:
        section = "person" if r["kind"] == "person" else "org"
        spellings = [s["name"] for s in r["spellings"]]
        for s in r["spellings"]:
            sp = reg.get((r["kind"], s["name"]))
            if sp is None or sp.count < min_count or (section == "person" and not sp.strong):
                continue
            ds = sorted(d for d in (dates.get(id(p)) for p in sp.pages) if d)
            titles = [t for t, _ in sp.titles().most_common(6)]
            lines.append(f"[[{section}]]")
            lines.append(f"name = {q(sp.name)}")
            lines.append(f"count = {sp.count}")
            lines.append(f"pages = {len(sp.pages)}")
            if titles and section == "person":
                lines.append("titles = [" + ", ".join(q(t) for t in titles) + "]")
            if ds:
                lines.append(f"first = {ds[0]}")
                lines.append(f"last = {ds[-1]}")
            # an entity's spellings chain (A~B~C): list those one edit from this one
            others = [o for o in spellings if o != sp.name and Levenshtein.distance(o, sp.name) <= 1]
            if others:
                lines.append("others = [" + ", ".join(q(o) for o in others) + "]")
            lines.append("")
    return "\n".join(lines)


def _print_names(args, rows, reg, dates, n_pages, out) -> None:
    if args.format == "toml":
        out.write(register_toml(rows, reg, dates, n_pages, args.min_count))
    elif args.format == "json":
        json.dump({"entities": rows}, out, ensure_ascii=False, indent=1)
        print(file=out)
    else:
        for r in rows:
            kind = "人" if r["kind"] == "person" else "单位"
            flag = "  ⚠ 多种写法" if r["variants"] else ""
            print(f"{r['entity']}  [{kind}]  {r['count']}处 {len(r['pages'])}版{flag}", file=out)
            if r["variants"]:
                for s in r["spellings"]:
                    print(f"    写法 {s['name']}: {s['count']}处  " + ", ".join(_short(p) for p in s["pages"][:5]),
                          file=out)
            if r["titles"]:
                print("    职务: " + "；".join(r["titles"][:6]), file=out)

