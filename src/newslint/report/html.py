"""``--format html``: one self-contained report file that an editor opens in a browser.

``newslint check PATH... --format html -o report.html`` writes a single HTML file (inline CSS and JS from
``html_assets/``; no CDN, no network) that shows:

- every page with findings as text, line by line, with each finding highlighted in place and coloured by
  category; hovering or clicking a highlight opens a popup with the message, the suggestion and links to
  the related locations (the other copy, the other spelling) that scroll to and flash the target;
- a side panel that lists the findings by page and category with counts, and filters them by category,
  severity and rule (the highlights follow the filters);
- optional tables (the name register, the quote listing…) that plugins supply — see :func:`sections`;
- a print stylesheet: highlights become underlines with numbered footnotes under each page.

Overlapping findings are drawn by cutting the text at every span boundary: each piece lists all the
findings (and related-location targets) that cover it, takes the colour of the narrowest of them and
gets a second underline when more than one finding covers it.  Every text of a page or a finding is
HTML-escaped here; the script builds popups with ``textContent`` only, so a page holding ``<script>``
shows it and never runs it.
"""
from __future__ import annotations

import bisect
import html
import json
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from .. import __version__, hookimpl
from ..finding import CATEGORIES, SEVERITIES, SEVERITY_RANK, Location

ASSETS = Path(__file__).resolve().parent / "html_assets"

CATEGORY_LABELS = {
    "duplicate": "重复", "name": "人名与名称", "attribution": "引语归属", "anachronism": "时间错位",
    "structure": "版面结构", "enumeration": "序号列举", "wording": "用词", "punctuation": "标点",
    "number": "数字",
}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_LABELS = {"heading": "标题", "dateline": "电头", "byline": "署名", "caption": "图片说明",
               "credit": "摄影署名", "list": "列表", "link": "链接"}
OPEN_CATEGORY_UP_TO = 25  # a category group of the side panel starts open when it lists this many or fewer


def esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (no ``</script>``, no ``<!--``)."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


# ---- spans and targets -----------------------------------------------------------------------------
def _offsets(page, loc: Location) -> Optional[Tuple[int, int]]:
    """The ``[start, end)`` offsets of ``loc`` in ``page`` (from line/column when a plugin made the
    location by hand without offsets); None when it does not fit the page."""
    n = len(page.text)
    s, e = loc.start, loc.end
    if (s, e) == (0, 0) and (loc.line, loc.column) != (1, 1):
        try:
            s = page.offset(loc.line, loc.column)
            e = page.offset(loc.end_line, loc.end_column)
        except ValueError:
            return None
    if not 0 <= s <= e <= n:
        return None
    return s, e


def _visible(text: str, s: int, e: int) -> Tuple[int, int]:
    """Trim line breaks off both ends of a span so that it starts and ends inside a line; a span of
    line breaks only becomes a point where it started."""
    s0 = s
    while s < e and text[s] == "\n":
        s += 1
    while e > s and text[e - 1] == "\n":
        e -= 1
    if s >= e:
        return s0, s0
    return s, e


class _PageMarks:
    """What is drawn on one page: findings (ids ``int``) and related-location targets (ids ``"tN"``)."""

    def __init__(self, page):
        self.page = page
        self.spans: List[Tuple[int, int, Any]] = []  # (start, end, id); id int = finding, str = target
        self.lengths: Dict[Any, int] = {}

    def add(self, s: int, e: int, ident: Any) -> None:
        s, e = _visible(self.page.text, s, e)
        self.spans.append((s, e, ident))
        self.lengths[ident] = e - s


class Report:
    def __init__(self, result, ctx):
        self.result = result
        self.ctx = ctx
        self.rules = getattr(ctx, "rules", None) or {}
        corpus = getattr(result, "corpus", None)
        all_pages = list(result.pages)
        if corpus is not None:
            all_pages += [p for p in getattr(corpus, "pages", []) if p not in result.pages]
        self.pages: Dict[str, Any] = {}
        for p in all_pages:
            self.pages.setdefault(p.path, p)
        self.run_paths = {p.path for p in result.pages}
        self.findings = list(result.findings)
        self.marks: Dict[str, _PageMarks] = {}
        self.frozen = False  # once set, no page is added to the drawn ones
        self.targets: Dict[Tuple[str, int, int], str] = {}
        self.finding_pos: Dict[int, Tuple[int, int]] = {}  # finding id -> offsets of its span
        for i, f in enumerate(self.findings):
            page = self.pages.get(f.location.path)
            if page is None:
                continue
            off = _offsets(page, f.location)
            if off is None:
                continue
            self.finding_pos[i] = off
            self._marks(page).add(off[0], off[1], i)
        self.related: Dict[int, List[Dict[str, Any]]] = {}
        for i, f in enumerate(self.findings):
            self.related[i] = [self.link(r) for r in f.related]
        # the tables link only into pages drawn anyway (a quote listing must not pull in a year of pages)
        self.frozen = True
        self.sections = sections(result, ctx)
        for sec in self.sections:  # draw the anchors of the sections' locations before any page is drawn
            for row in sec.get("rows") or ():
                self._targets_in(row)

    def _marks(self, page) -> _PageMarks:
        m = self.marks.get(page.path)
        if m is None:
            m = self.marks[page.path] = _PageMarks(page)
        return m

    def target(self, loc: Location) -> Optional[str]:
        """The id of the anchor drawn at ``loc`` (made on first use); None when its page is unknown."""
        page = self.pages.get(loc.path)
        if page is None or (self.frozen and loc.path not in self.marks):
            return None
        off = _offsets(page, loc)
        if off is None:
            return None
        key = (loc.path, off[0], off[1])
        t = self.targets.get(key)
        if t is None:
            t = self.targets[key] = f"t{len(self.targets)}"
            self._marks(page).add(off[0], off[1], t)
        return t

    def _targets_in(self, cell: Any) -> None:
        if isinstance(cell, Location):
            self.target(cell)
        elif isinstance(cell, (list, tuple)):
            for c in cell:
                self._targets_in(c)

    def link(self, loc: Location) -> Dict[str, Any]:
        """A related location as the script shows it: target id (or None), path, line, column, note, excerpt."""
        t = self.target(loc)
        page = self.pages.get(loc.path)
        excerpt = ""
        if page is not None and t is not None:
            s, e = _offsets(page, loc)
            excerpt = page.text[s:e] if e - s <= 40 else page.text[s:s + 38] + "…"
            excerpt = excerpt.replace("\n", " ")
        return {"t": t, "path": loc.path, "line": loc.line, "col": loc.column, "msg": loc.message or "",
                "text": excerpt, "archive": bool(page is not None and loc.path not in self.run_paths)}

    # ---- page text ---------------------------------------------------------------------------------
    def render_page_text(self, page, footnotes: Dict[int, int]) -> str:
        """The page as ``<div class="ln">`` lines with the marks drawn in place."""
        text = page.text
        marks = self.marks.get(page.path)
        starts: Dict[int, List[Any]] = defaultdict(list)
        ends: Dict[int, List[Any]] = defaultdict(list)
        points: Dict[int, List[Any]] = defaultdict(list)
        if marks is not None:
            for s, e, ident in marks.spans:
                if s == e:
                    points[s].append(ident)
                else:
                    starts[s].append(ident)
                    ends[e].append(ident)
        boundaries = sorted(set(starts) | set(ends) | set(points))
        kinds = _line_kinds(page)
        active: Dict[Any, None] = {}  # insertion-ordered set
        out: List[str] = []
        line_starts = page.line_starts
        prefix = getattr(page, "prefix", None) or []  # a Word heading's '#' marks, which are not shown
        for n in range(1, len(line_starts) + 1):
            ls, le = line_starts[n - 1], page.line_end(n)
            shown_from = ls + (prefix[n - 1] if n <= len(prefix) else 0)
            kind = kinds.get(n, "")
            cls = "ln" + (f" k-{kind}" if kind else "") + ("" if ls < le else " blank")
            out.append(f'<div class="{cls}" data-l="{n}"><span class="no">{n}</span><span class="tx">')
            cuts = [ls] + boundaries[bisect.bisect_right(boundaries, ls):bisect.bisect_right(boundaries, le)]
            if cuts[-1] != le:
                cuts.append(le)
            for j, p in enumerate(cuts):
                for ident in ends.get(p, ()):
                    active.pop(ident, None)
                    if isinstance(ident, int) and ident in footnotes:
                        out.append(f'<sup class="fn" data-f="{ident}">{footnotes[ident]}</sup>')
                for ident in points.get(p, ()):
                    out.append(self._anchor(ident))
                    if isinstance(ident, int):
                        out.append(self._segment("", [ident], marks, point=True))
                        if ident in footnotes:
                            out.append(f'<sup class="fn" data-f="{ident}">{footnotes[ident]}</sup>')
                    else:  # an empty target still gets an element to scroll to
                        out.append(f'<span class="tg pt" data-t="{ident}"></span>')
                for ident in starts.get(p, ()):
                    out.append(self._anchor(ident))
                    active[ident] = None
                if j + 1 < len(cuts):
                    piece = text[max(p, shown_from):cuts[j + 1]] if cuts[j + 1] > shown_from else ""
                    if active:
                        out.append(self._segment(piece, list(active), marks))
                    else:
                        out.append(esc(piece))
            out.append("</span></div>\n")
        return "".join(out)

    def _anchor(self, ident: Any) -> str:
        return f'<a class="anc" id="{"f" if isinstance(ident, int) else ""}{ident}"></a>'

    def _segment(self, piece: str, idents: List[Any], marks: _PageMarks, point: bool = False) -> str:
        fids = [i for i in idents if isinstance(i, int)]
        tids = [i for i in idents if not isinstance(i, int)]
        attrs = ""
        if tids:
            attrs += f' data-t="{" ".join(tids)}"'
        if not fids:
            return f'<span class="tg"{attrs}>{esc(piece)}</span>'
        fids.sort(key=lambda i: (marks.lengths.get(i, 0), -SEVERITY_RANK.get(self.findings[i].severity, 0), i))
        top = self.findings[fids[0]]
        sev = max((self.findings[i].severity for i in fids), key=lambda s: SEVERITY_RANK.get(s, 0))
        cls = f"hl c-{top.category} s-{sev}"
        if len(fids) > 1:
            cls += " multi"
        if point:
            cls += " pt"
        return f'<span class="{cls}" data-f="{" ".join(map(str, fids))}"{attrs} tabindex="0">{esc(piece)}</span>'

    # ---- the document ------------------------------------------------------------------------------
    def shown_pages(self) -> List[Any]:
        """Run pages with findings or targets, then archive pages that hold a target."""
        run = [p for p in self.result.pages if p.path in self.marks]
        seen = {p.path for p in run}
        archive = [self.pages[path] for path in self.marks if path not in seen and path in self.pages]
        return run + archive

    def render(self) -> str:
        by_page: Dict[str, List[int]] = defaultdict(list)
        for i, f in enumerate(self.findings):
            by_page[f.location.path].append(i)
        shown = self.shown_pages()
        page_ids = {p.path: f"p{n}" for n, p in enumerate(shown)}
        parts: List[str] = []
        total = Counter(f.severity for f in self.findings)
        title = "newslint 报告"
        if len(self.result.pages) == 1:
            title += " · " + os.path.basename(self.result.pages[0].path)
        parts.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     f"<meta name=\"generator\" content=\"newslint {esc(__version__)}\">\n"
                     f"<title>{esc(title)}</title>\n<style>\n{_asset('report.css')}\n</style>\n</head>\n<body>\n")
        parts.append(self.render_panel(by_page, page_ids))
        parts.append('<main id="main">\n<header class="top">\n<h1>newslint 编校报告</h1>\n')
        sev_text = "，".join(f"{SEVERITY_LABELS[s]} {total[s]}" for s in SEVERITIES if total[s])
        parts.append(f'<p class="summary">检查了 {len(self.result.pages)} 个页面，发现 {len(self.findings)} 处问题'
                     f'{"（" + sev_text + "）" if sev_text else ""}。'
                     '<span class="no-print hint">点按或悬停高亮处查看说明；按 j / k 跳到下一处 / 上一处。</span></p>\n')
        for e in self.result.errors:
            parts.append(f'<p class="err">无法检查：{esc(e)}</p>\n')
        parts.append("</header>\n")
        for page in shown:
            parts.append(self.render_page(page, page_ids[page.path], by_page.get(page.path, [])))
        clean = [p for p in self.result.pages if p.path not in page_ids]
        if clean:
            parts.append('<section class="clean"><h2>未发现问题的页面</h2><ul>')
            parts.extend(f"<li>{esc(p.path)}</li>" for p in clean)
            parts.append("</ul></section>\n")
        for sec in self.sections:
            parts.append(self.render_section(sec))
        parts.append('<footer class="foot">由 newslint ' + esc(__version__) + " 生成。所有结论均为提示，请编辑核实后修改。</footer>\n")
        parts.append("</main>\n")
        parts.append('<div id="pop" role="dialog" aria-live="polite" hidden></div>\n')
        parts.append(f'<script type="application/json" id="nl-data">{json_for_script(self.data(page_ids))}</script>\n')
        parts.append(f"<script>\n{_asset('report.js')}\n</script>\n</body>\n</html>\n")
        return "".join(parts)

    def data(self, page_ids: Dict[str, str]) -> Dict[str, Any]:
        findings = []
        for i, f in enumerate(self.findings):
            loc = f.location
            findings.append({
                "id": i, "page": page_ids.get(loc.path), "path": loc.path, "line": loc.line, "col": loc.column,
                "rule": f.rule, "cat": f.category, "sev": f.severity, "msg": f.message,
                "sug": f.suggestion, "rel": self.related[i], "len": self.marks[loc.path].lengths.get(i, 0)
                if loc.path in self.marks else 0, "drawn": i in self.finding_pos,
            })
        rules = {rid: {"summary": r.summary, "cat": r.category} for rid, r in self.rules.items()
                 if any(f.rule == rid for f in self.findings)}
        return {"findings": findings, "rules": rules, "categories": CATEGORY_LABELS, "severities": SEVERITY_LABELS}

    def render_panel(self, by_page: Dict[str, List[int]], page_ids: Dict[str, str]) -> str:
        cats = Counter(f.category for f in self.findings)
        sevs = Counter(f.severity for f in self.findings)
        rules = Counter(f.rule for f in self.findings)
        out = ['<button type="button" id="panel-toggle" class="no-print" aria-controls="panel" '
               'aria-expanded="false">问题列表与筛选</button>\n<aside id="panel" aria-label="问题列表">\n',
               '<div class="filters">\n<fieldset><legend>类别</legend>\n']
        for c in CATEGORIES:
            if cats[c]:
                out.append(f'<label class="chip c-{c}"><input type="checkbox" name="cat" value="{c}" checked> '
                           f'{esc(CATEGORY_LABELS.get(c, c))} <span class="cnt" data-count-cat="{c}">{cats[c]}</span></label>\n')
        out.append('</fieldset>\n<fieldset><legend>级别</legend>\n')
        for s in SEVERITIES:
            if sevs[s]:
                out.append(f'<label class="chip sv s-{s}"><input type="checkbox" name="sev" value="{s}" checked> '
                           f'{SEVERITY_LABELS[s]} <span class="cnt" data-count-sev="{s}">{sevs[s]}</span></label>\n')
        out.append('</fieldset>\n<fieldset><legend>规则</legend>\n<select id="rule-filter" aria-label="按规则筛选">'
                   f'<option value="">全部规则（{len(rules)}）</option>\n')
        for rid in sorted(rules):
            summ = getattr(self.rules.get(rid), "summary", "")
            out.append(f'<option value="{esc(rid)}">{esc(rid)}（{rules[rid]}）{" " + esc(summ) if summ else ""}</option>\n')
        out.append('</select>\n</fieldset>\n</div>\n<nav class="list">\n')
        if not self.findings:
            out.append("<p>没有发现问题。</p>\n")
        for page in self.result.pages:
            ids = by_page.get(page.path)
            if not ids:
                continue
            pid = page_ids.get(page.path, "")
            out.append(f'<details class="pg" open><summary><a href="#{pid}">{esc(os.path.basename(page.path))}</a> '
                       f'<span class="cnt" data-count-page="{esc(pid)}">{len(ids)}</span></summary>\n')
            groups: Dict[str, List[int]] = defaultdict(list)
            for i in ids:
                groups[self.findings[i].category].append(i)
            for c in sorted(groups, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else 99):
                gi = groups[c]
                opened = " open" if len(gi) <= OPEN_CATEGORY_UP_TO else ""
                out.append(f'<details class="grp"{opened}><summary><span class="dot c-{c}"></span>'
                           f'{esc(CATEGORY_LABELS.get(c, c))} <span class="cnt">{len(gi)}</span></summary><ol>\n')
                for i in gi:
                    f = self.findings[i]
                    out.append(f'<li class="it s-{f.severity}" data-f="{i}" data-cat="{esc(f.category)}" '
                               f'data-sev="{f.severity}" data-rule="{esc(f.rule)}"><a href="#f{i}" data-go="{i}">'
                               f'<span class="where">{f.location.line}:{f.location.column}</span> '
                               f'{esc(f.message)}</a></li>\n')
                out.append("</ol></details>\n")
            out.append("</details>\n")
        out.append("</nav>\n</aside>\n")
        return "".join(out)

    def render_page(self, page, pid: str, ids: List[int]) -> str:
        archive = page.path not in self.run_paths
        footnotes = {i: n + 1 for n, i in enumerate(ids)}
        counts = Counter(self.findings[i].category for i in ids)
        badge = "".join(f'<span class="chip c-{c}">{esc(CATEGORY_LABELS.get(c, c))} {counts[c]}</span>'
                        for c in CATEGORIES if counts[c])
        out = [f'<section class="page{" archive" if archive else ""}" id="{pid}" data-path="{esc(page.path)}">\n'
               f'<h2 class="path">{esc(page.path)}</h2>\n']
        if archive:
            out.append('<p class="note">存档页面：仅作为相关位置的参照显示，不报告其中的问题。</p>\n')
        elif ids:
            out.append(f'<p class="note">{len(ids)} 处问题 {badge}</p>\n')
        else:
            out.append('<p class="note">本页没有发现问题；显示它，是因为其他页面的问题指向这里。</p>\n')
        out.append('<div class="text">\n')
        out.append(self.render_page_text(page, footnotes))
        out.append("</div>\n")
        if ids:
            out.append('<ol class="notes">\n')
            for i in ids:
                f = self.findings[i]
                rel = "；".join(f"{r['path'] if r['path'] != page.path else '本页'} 第{r['line']}行"
                               + (f"（{r['msg']}）" if r["msg"] else "") for r in self.related[i])
                out.append(f'<li class="s-{f.severity}" value="{footnotes[i]}" data-f="{i}">第{f.location.line}行 [{esc(f.rule)}] {esc(f.message)}'
                           + (f" 建议：{esc(f.suggestion)}" if f.suggestion else "")
                           + (f" 相关：{esc(rel)}" if rel else "") + "</li>\n")
            out.append("</ol>\n")
        out.append("</section>\n")
        return "".join(out)

    def render_section(self, sec: Dict[str, Any]) -> str:
        out = [f'<section class="extra" id="{esc(sec.get("id", ""))}"><h2>{esc(sec.get("title", ""))}</h2>\n']
        if sec.get("intro"):
            out.append(f'<p class="note">{esc(sec["intro"])}</p>\n')
        rows = sec.get("rows") or []
        out.append('<div class="tablewrap"><table><thead><tr>')
        out.extend(f"<th>{esc(c)}</th>" for c in sec.get("columns", []))
        out.append("</tr></thead><tbody>\n")
        for row in rows:
            out.append("<tr>" + "".join(f"<td>{self.render_cell(c)}</td>" for c in row) + "</tr>\n")
        out.append("</tbody></table></div></section>\n")
        return "".join(out)

    def render_cell(self, cell: Any, depth: int = 0) -> str:
        if isinstance(cell, FindingRef):
            return (f'<a class="fref" href="#f{cell.index}" data-go="{cell.index}">⚠ {esc(cell.label)}</a>')
        if isinstance(cell, Location):
            t = self.target(cell)
            label = (f"第{cell.line}行" if len(self.result.pages) == 1 else f"{os.path.basename(cell.path)}:{cell.line}")
            label += f" {cell.message}" if cell.message else ""
            if t is None:
                return esc(label)
            return f'<a href="#{t}" data-go="{t}">{esc(label)}</a>'
        if isinstance(cell, (list, tuple)):  # a list is one item a line; a list inside it, one line
            return ("<br>" if depth == 0 else " ").join(self.render_cell(c, depth + 1) for c in cell)
        return esc(cell)


def _line_kinds(page) -> Dict[int, str]:
    """Line number → layout block kind (heading, dateline…) for styling; empty when the layout fails."""
    try:
        return {b.line: b.kind for b in page.layout.blocks if b.kind != "body"}
    except Exception:  # the layout is decoration here: a report must never fail on it
        return {}


# ---- optional sections: the name register, the quote listing, and plugins' tables ---------------------
class FindingRef:
    """A table cell that links to a finding of the report (drawn as ⚠ and the start of its message)."""

    def __init__(self, index: int, label: str):
        self.index = index
        self.label = label


MAX_TABLE_ROWS = 3000  # a year of pages can name thousands of people: the rest is counted, not listed
MAX_PLACES = 6  # locations listed per register row


def sections(result, ctx) -> List[Dict[str, Any]]:
    """Extra tables for the report: the name register and quote listing (when rules of those categories
    ran), then those of the plugins' ``newslint_html_sections`` hook (a plugin may also define the
    function without ``@hookimpl``, as before the hook was declared)::

        def newslint_html_sections(result, ctx):
            return [{"id": "names", "title": "人名登记表", "intro": "…",
                     "columns": ["人名", "写法", "页面"], "rows": [[cell, …], …]}]

    A cell is a string, a :class:`~newslint.Location` (drawn as a link that scrolls to it) or a list of
    cells.  A plugin section with the id ``names`` or ``quotes`` replaces the built-in one.  A section
    that fails costs only itself (a one-line note in the report), never the report."""
    pm = getattr(ctx, "pm", None)
    out: List[Dict[str, Any]] = []
    for plugin in (pm.get_plugins() if pm is not None else ()):
        fn = getattr(plugin, "newslint_html_sections", None)
        if not callable(fn) or hasattr(fn, "newslint_impl"):  # a hook implementation: called below
            continue
        try:
            for sec in fn(result, ctx) or ():
                if isinstance(sec, dict) and sec.get("rows"):
                    out.append(sec)
        except Exception as e:  # noqa: BLE001 - an optional section must not break the report
            out.append(_failed(pm.get_name(plugin) or type(plugin).__name__, e))
    have = {sec.get("id") for sec in out}
    for _, sec in _hook_sections(result, ctx):
        if sec.get("id") not in ("names", "quotes") and (not sec.get("id") or sec.get("id") not in have):
            out.append(sec)
            have.add(sec.get("id"))
    builtin = []
    for sid, make in (("names", name_register), ("quotes", quote_listing)):
        if sid in have:
            continue
        try:
            sec = make(result, ctx)
        except Exception as e:  # noqa: BLE001
            sec = _failed(sid, e)
        if sec:
            builtin.append(sec)
    return builtin + out


def _failed(name: str, e: Exception) -> Dict[str, Any]:
    return {"id": "", "title": f"附表 {name} 无法生成（{type(e).__name__}: {e}）", "columns": [], "rows": [[""]]}


def _ran(ctx, category: str) -> bool:
    rules = getattr(ctx, "rules", {}) or {}
    selected = getattr(ctx, "selected", set())
    return any(r.category == category for rid, r in rules.items() if rid in selected)


def _finding_index(result, category: str) -> Dict[Tuple[str, int, int], List[int]]:
    """(path, start, end) of the findings of ``category`` and of their related locations → finding ids."""
    out: Dict[Tuple[str, int, int], List[int]] = defaultdict(list)
    for i, f in enumerate(result.findings):
        if f.category != category:
            continue
        for loc in [f.location, *f.related]:
            out[(loc.path, loc.start, loc.end)].append(i)
    return out


def _flags(result, ids: Iterable[int]) -> List[FindingRef]:
    seen: Dict[int, None] = {}
    for i in ids:
        seen.setdefault(i, None)
    out = []
    for i in seen:
        msg = result.findings[i].message
        out.append(FindingRef(i, msg if len(msg) <= 24 else msg[:23] + "…"))
    return out


def name_register(result, ctx) -> Optional[Dict[str, Any]]:
    """The register of people and organisations — drawn only when name rules ran.  It is the one
    ``newslint names`` prints (entities with their spellings, from the data the name rules collected)
    when that plugin collected it; otherwise one row per spelling of the ``mentions`` analysis.  Rows
    touched by a name finding come first and link to it."""
    if not _ran(ctx, "name"):
        return None
    sec = _hooked(result, ctx, "names")  # the names plugin's register, when it supplies one
    if sec is not None:
        return sec
    from ..analyses import get_analysis

    try:
        get_analysis("mentions")
    except (KeyError, ImportError):
        return None
    flagged = _finding_index(result, "name")
    rows: Dict[Tuple[str, str], Dict[str, Any]] = {}
    for page in result.pages:
        for m in page.analysis("mentions").items:
            row = rows.get((m.kind, m.name))
            if row is None:
                row = rows[(m.kind, m.name)] = {"kind": m.kind, "name": m.name, "titles": {}, "locs": [],
                                                "pages": {}, "flags": [], "order": len(rows)}
            if m.title:
                row["titles"][m.title] = None
            row["locs"].append(page.location(m.start, m.end))
            row["pages"][page.path] = None
            row["flags"].extend(flagged.get((page.path, m.start, m.end), ()))
    ordered = sorted(rows.values(), key=lambda r: (not r["flags"], r["kind"] != "person", r["order"]))
    table = []
    for r in ordered[:MAX_TABLE_ROWS]:
        titles = sorted(r["titles"], key=len, reverse=True)[:3]
        places: List[Any] = list(r["locs"][:MAX_PLACES])
        if len(r["locs"]) > MAX_PLACES:
            places.append(f"等 {len(r['locs'])} 处")
        table.append([r["name"], "人名" if r["kind"] == "person" else "机构", "；".join(titles),
                      str(len(r["locs"])), str(len(r["pages"])), places, _flags(result, r["flags"])])
    if not table:
        return None
    intro = ("自动识别的人名与机构名，每种写法一行（职务取文中紧挨人名的称谓）；与人名问题相关的写法排在前面。"
             "识别可能有遗漏或误认，仅供核对。")
    if len(ordered) > MAX_TABLE_ROWS:
        intro += f" 共 {len(ordered)} 种写法，只列出前 {MAX_TABLE_ROWS} 种。"
    return {"id": "names", "title": "人名与机构登记表", "intro": intro,
            "columns": ["写法", "类型", "职务", "次数", "页数", "位置", "相关问题"], "rows": table}


def quote_listing(result, ctx) -> Optional[Dict[str, Any]]:
    """Who said what, where — the ``quotes`` section a plugin supplies through ``newslint_html_sections``
    (the attribution rules' helper does), drawn when attribution rules ran."""
    if not _ran(ctx, "attribution"):
        return None
    return _hooked(result, ctx, "quotes")


def _hooked(result, ctx, sid: str) -> Optional[Dict[str, Any]]:
    """The section ``sid`` of the plugins' ``newslint_html_sections`` hook implementations."""
    for _, sec in _hook_sections(result, ctx):
        if sec.get("id") == sid:
            return sec
    return None


def _hook_sections(result, ctx) -> List[Tuple[str, Dict[str, Any]]]:
    """(plugin name, section) of every ``newslint_html_sections`` implementation, each called on its own
    so that one that fails costs only itself."""
    pm = getattr(ctx, "pm", None)
    if pm is None:
        return []
    cache = getattr(result, "_html_sections", None)
    if cache is not None and cache[0] is ctx:
        return cache[1]
    out: List[Tuple[str, Dict[str, Any]]] = []
    for impl in pm.hook.newslint_html_sections.get_hookimpls()[::-1]:  # pluggy's call order
        try:
            for sec in impl.function(result=result, ctx=ctx) or ():
                if isinstance(sec, dict) and sec.get("rows"):
                    out.append((impl.plugin_name, sec))
        except Exception as e:  # noqa: BLE001 - an optional section must not break the report
            out.append((impl.plugin_name, _failed(impl.plugin_name, e)))
    try:
        result._html_sections = (ctx, out)
    except AttributeError:  # pragma: no cover
        pass
    return out


def report(result, ctx, stream) -> None:
    stream.write(Report(result, ctx).render())


@hookimpl
def newslint_reporters():
    return {"html": report}
