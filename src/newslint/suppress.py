"""Suppressions: inline comments in Markdown, ``[[per-file]]`` entries in the configuration for plain text.

Markdown pages (``.md``, ``.markdown``) may carry HTML comments, which never reach print::

    <!-- newslint-disable rule-id, category -->   … until <!-- newslint-enable --> (or the end of the page)
    <!-- newslint-enable rule-id -->              re-enable only that rule (a bare enable ends them all)
    <!-- newslint-disable-next-line [rule-id] --> the next non-blank line
    文字……<!-- newslint-disable-line [rule-id] -->  this line
    <!-- newslint-disable-next-line rule-id -- 引语照录原文 -->   text after `--` is a free reason

Without rule ids a directive covers every rule.  Plain text has no comments (anything written in it would
be printed), so its suppressions live in the configuration::

    [[tool.newslint.per-file]]
    path = "2024/0105-*.txt"          # glob, matched like per-path-ignores
    ignore = ["number-unit-mismatch"]  # rule ids or categories (default: all rules)
    lines = [12, "30-35"]             # optional: only these lines
    contains = "某某"                 # optional: only findings on lines containing this text
    reason = "…"                      # optional, for the reader

``--report-unused-disables`` reports directives and entries that suppressed nothing (rule
``structure-unused-disable``, in :mod:`newslint.checks.unused_disable`), so stale ones can be removed.
A directive naming an unknown rule, or one written in a plain-text page (where it would be printed and
has no effect), is always reported.  This module filters; it leaves what it parsed and what was used in
``ctx.state["suppress.pages"]`` and ``ctx.state["suppress.per-file"]`` for that rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Set, Tuple

import regex

from . import hookimpl
from .config import ConfigError
from .finding import CATEGORIES, Finding, Rule

MARKDOWN_SUFFIXES = (".md", ".markdown")
DIRECTIVE_RE = regex.compile(
    r"<!--[ \t]*newslint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^\n]*?)-->")
_PER_FILE_KEYS = {"path", "ignore", "lines", "contains", "reason"}


@dataclass
class Directive:
    kind: str  # disable | enable | disable-line | disable-next-line
    start: int
    end: int
    line: int
    names: Tuple[str, ...]  # as written
    rules: Optional[Set[str]]  # expanded rule ids; None = every rule
    used: bool = False


@dataclass
class PageSuppressions:
    directives: List[Directive] = field(default_factory=list)
    ranges: List[Tuple[int, int, Directive]] = field(default_factory=list)  # [start, end) offsets
    lines: Dict[int, List[Directive]] = field(default_factory=dict)
    unknown: List[Tuple[Directive, str]] = field(default_factory=list)

    def match(self, rule: str, offset: int, line: int) -> Optional[Directive]:
        for a, b, d in self.ranges:
            if a <= offset < b and (d.rules is None or rule in d.rules):
                return d
        for d in self.lines.get(line, ()):
            if d.rules is None or rule in d.rules:
                return d
        return None


@dataclass
class PerFile:
    index: int
    pattern: str
    rules: Optional[Set[str]]
    lines: Optional["LineSet"]
    contains: Optional[str]
    source: str
    line: Optional[int]
    used: bool = False
    matched_page: bool = False


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def expand(names: Iterable[str], rules: Dict[str, Rule]) -> Tuple[Set[str], List[str]]:
    """Rule ids named by ``names`` (ids or categories) and the names that are neither."""
    out: Set[str] = set()
    unknown: List[str] = []
    for n in names:
        if n in rules:
            out.add(n)
        elif n in CATEGORIES:
            out.update(r.id for r in rules.values() if r.category == n)
        else:
            unknown.append(n)
    return out, unknown


def parse_page(page, rules: Dict[str, Rule]) -> PageSuppressions:
    """The directives of a Markdown page, resolved into offset ranges and suppressed lines."""
    sup = PageSuppressions()
    text = page.text
    if "newslint-" not in text:
        return sup
    open_rules: Dict[str, Tuple[int, Directive]] = {}
    blanket: Optional[Tuple[int, Directive]] = None
    for m in DIRECTIVE_RE.finditer(text):
        spec = m.group(2).split("--")[0]  # "rule-a, rule-b -- reason"
        names = tuple(n for n in regex.split(r"[\s,，、]+", spec.strip()) if n)
        expanded, unknown = expand(names, rules)
        d = Directive(m.group(1), m.start(), m.end(), page.linecol(m.start())[0], names,
                      expanded if names else None)
        sup.directives.append(d)
        for u in unknown:
            sup.unknown.append((d, u))
        if d.kind == "disable":
            if d.rules is None:
                if blanket is None:
                    blanket = (d.end, d)
            else:
                for r in d.rules:
                    open_rules.setdefault(r, (d.end, d))
        elif d.kind == "enable":
            if d.rules is None:
                if blanket is not None:
                    sup.ranges.append((blanket[0], d.start, blanket[1]))
                    blanket = None
                for r, (a, od) in open_rules.items():
                    sup.ranges.append((a, d.start, _only(od, r)))
                open_rules.clear()
            else:
                for r in d.rules:
                    if r in open_rules:
                        a, od = open_rules.pop(r)
                        sup.ranges.append((a, d.start, _only(od, r)))
        elif d.kind == "disable-line":
            sup.lines.setdefault(d.line, []).append(d)
        else:  # disable-next-line: the next line with content other than directives
            target = _next_content_line(page, d.line)
            if target is not None:
                sup.lines.setdefault(target, []).append(d)
    end = len(text) + 1
    if blanket is not None:
        sup.ranges.append((blanket[0], end, blanket[1]))
    for r, (a, od) in open_rules.items():
        sup.ranges.append((a, end, _only(od, r)))
    return sup


class _View:
    """A directive seen through one of its rules: marking it used marks the directive."""

    def __init__(self, d: Directive, rule: str):
        self._d = d
        self.rules = {rule}

    @property
    def used(self) -> bool:
        return self._d.used

    @used.setter
    def used(self, value: bool) -> None:
        self._d.used = self._d.used or value


def _only(d: Directive, rule: str):
    return _View(d, rule)


def _next_content_line(page, line: int) -> Optional[int]:
    for n in range(line + 1, page.line_count + 1):
        content = DIRECTIVE_RE.sub("", page.line_text(n)).strip()
        if content:
            return n
    return None


# ---- per-file entries --------------------------------------------------------------------------
def _header_lines(text: str) -> List[int]:
    pat = regex.compile(r"^[ \t]*\[\[[ \t]*(?:tool[ \t]*\.[ \t]*newslint[ \t]*\.[ \t]*)?\"?per-file\"?[ \t]*\]\]",
                        regex.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pat.finditer(text)]


class LineSet:
    """Line numbers and ranges of a [[per-file]] entry, kept as ranges (``"1-999999999"`` costs nothing)."""

    def __init__(self, ranges: List[Tuple[int, int]]):
        self.ranges = ranges

    def __contains__(self, line: object) -> bool:
        return any(a <= line <= b for a, b in self.ranges)  # type: ignore[operator]


def _parse_lines(value, where: str) -> LineSet:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: lines must be a list of line numbers or \"a-b\" ranges, not {value!r}")
    out: List[Tuple[int, int]] = []
    for v in value:
        if isinstance(v, int) and not isinstance(v, bool) and v > 0:
            out.append((v, v))
            continue
        m = regex.fullmatch(r"\s*(\d{1,18})\s*-\s*(\d{1,18})\s*", v) if isinstance(v, str) else None
        if not m or int(m.group(1)) < 1 or int(m.group(1)) > int(m.group(2)):
            raise ConfigError(f"{where}: lines: {v!r} is neither a line number nor a range like \"30-35\"")
        out.append((int(m.group(1)), int(m.group(2))))
    return LineSet(out)


def per_file_entries(config, rules: Dict[str, Rule]) -> List[PerFile]:
    entries = config.get("per-file", [])
    if not entries:
        return []
    headers = _header_lines(config._text) if config.path is not None else []
    source = str(config.path) if config.path is not None else "configuration"
    out = []
    for i, e in enumerate(entries):
        line = headers[i] if i < len(headers) else None
        where = f"{source}:{line}: [[per-file]]" if line else f"{source}: [[per-file]] #{i + 1}"
        extra = sorted(set(e) - _PER_FILE_KEYS)
        if extra:
            raise ConfigError(f"{where}: unknown key {extra[0]!r} (known: {', '.join(sorted(_PER_FILE_KEYS))})")
        if not isinstance(e.get("path"), str) or not e["path"]:
            raise ConfigError(f"{where}: path (a glob such as \"pages/2024-*.txt\") is required")
        ignore = e.get("ignore")
        if ignore is not None and not (isinstance(ignore, list) and all(isinstance(x, str) for x in ignore)):
            raise ConfigError(f"{where}: ignore must be a list of rule ids or categories, not {ignore!r}")
        ids: Optional[Set[str]] = None
        if ignore and "ALL" not in ignore:
            ids, unknown = expand(ignore, rules)
            if unknown:
                raise ConfigError(f"{where}: ignore: unknown rule or category {unknown[0]!r} (see `newslint rules`)")
        lines = _parse_lines(e["lines"], where) if "lines" in e else None
        contains = e.get("contains")
        if contains is not None and (not isinstance(contains, str) or not contains):
            raise ConfigError(f"{where}: contains must be a non-empty string")
        reason = e.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise ConfigError(f"{where}: reason must be a string")
        out.append(PerFile(i, e["path"], ids, lines, contains, source, line))
    return out


# ---- hooks -------------------------------------------------------------------------------------
@hookimpl
def newslint_add_options(parser):
    parser.add_argument("--report-unused-disables", action="store_true",
                        help="report suppression comments and [[per-file]] entries that suppress nothing")


@hookimpl
def newslint_configure(ctx):
    ctx.state["suppress.per-file"] = per_file_entries(ctx.config, ctx.rules)


@hookimpl
def newslint_filter_findings(findings, corpus, ctx):
    entries: List[PerFile] = ctx.state.get("suppress.per-file")
    if entries is None:
        entries = ctx.state["suppress.per-file"] = per_file_entries(ctx.config, ctx.rules)
    pages = {p.path: p for p in corpus.run_pages}
    parsed: Dict[str, PageSuppressions] = {}
    ctx.state["suppress.pages"] = parsed

    def sup_of(page) -> PageSuppressions:
        if page.path not in parsed:
            parsed[page.path] = parse_page(page, ctx.rules) if is_markdown(page.path) else PageSuppressions()
        return parsed[page.path]

    entries_of: Dict[str, List[PerFile]] = {p: [] for p in pages}  # the entries whose glob matches a page
    for e in entries:
        e.used = e.matched_page = False
        for p in pages:
            if ctx.config.path_matches(e.pattern, p):
                entries_of[p].append(e)
                e.matched_page = True

    kept: List[Finding] = []
    for f in findings:
        page = pages.get(f.location.path)
        if page is not None and _suppressed(f, page, sup_of(page), entries_of[page.path]):
            continue
        kept.append(f)
    for page in pages.values():  # every page with directives parsed, for the unused-disable rule
        if "newslint-" in page.text:
            sup_of(page)
    findings[:] = kept


def _suppressed(f: Finding, page, sup: PageSuppressions, entries: List[PerFile]) -> bool:
    """Whether a directive of the page or a [[per-file]] entry matching the page covers ``f``."""
    loc = f.location
    d = sup.match(f.rule, loc.start, loc.line) if sup.directives else None
    if d is not None:
        d.used = True
        return True
    for e in entries:
        if e.rules is not None and f.rule not in e.rules:
            continue
        if e.lines is not None and loc.line not in e.lines:
            continue
        if e.contains is not None and e.contains not in page.line_text(loc.line):
            continue
        e.used = True
        return True
    return False
