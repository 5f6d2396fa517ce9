"""The HTML report's tables of the name and attribution rules, through the ``newslint_html_sections``
hook: the register of ``newslint names`` and the listing of ``newslint quotes``.  The reporter knows no
rule family; these sections come to it like any plugin's."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, List, Optional, Tuple

from .. import hookimpl
from ..report.html import MAX_PLACES, MAX_TABLE_ROWS, _finding_index, _flags, _ran


@hookimpl
def newslint_html_sections(result, ctx):
    out = []
    if _ran(ctx, "name"):
        sec = _entity_register(result)
        if sec:
            out.append(sec)
    if _ran(ctx, "attribution"):
        sec = _quote_listing(result)
        if sec:
            out.append(sec)
    return out


def _entity_register(result) -> Optional[Dict[str, Any]]:
    from . import names as N

    corpus = getattr(result, "corpus", None)
    if corpus is None:
        return None
    reg, places, _ = N.corpus_register(corpus, result.pages)
    if not reg:
        return None
    entities = N.register_rows(reg, places)
    flagged = _finding_index(result, "name")
    table = []
    for r in entities:
        spellings, flags = [], []
        for sp in r["spellings"]:
            ms = reg[(r["kind"], sp["name"])].mentions
            locs = [p.location(m.start, m.end) for p, m in ms]
            for loc in locs:
                flags.extend(flagged.get((loc.path, loc.start, loc.end), ()))
            cell: List[Any] = [f"{sp['name']}（{sp['count']} 处）", *locs[:MAX_PLACES // 2]]
            if len(locs) > MAX_PLACES // 2:
                cell.append("…")
            spellings.append(cell)
        table.append((not flags, len(table), [
            r["entity"] + (" ⚠" if r["variants"] else ""), "人名" if r["kind"] == "person" else "机构",
            spellings, "；".join(r["titles"][:4]), str(r["count"]), str(len(r["pages"])), _flags(result, flags)]))
    table.sort(key=lambda t: t[:2])
    rows = [t[2] for t in table[:MAX_TABLE_ROWS]]
    if not rows:
        return None
    intro = ("newslint names 的登记表：同一人（机构）的不同写法合为一行（⚠ 多种写法），职务取文中紧挨名字的称谓；"
             "与人名问题相关的行排在前面。识别可能有遗漏或误认，仅供核对。")
    if len(table) > MAX_TABLE_ROWS:
        intro += f" 共 {len(table)} 行，只列出前 {MAX_TABLE_ROWS} 行。"
    return {"id": "names", "title": "人名与机构登记表", "intro": intro,
            "columns": ["名称", "类型", "写法与位置", "职务", "次数", "页数", "相关问题"], "rows": rows}


def _quote_listing(result) -> Optional[Dict[str, Any]]:
    """Who said what, where (the attribution helper's ``quote_records``); rows whose statement carries
    an attribution finding link to it."""
    from .attribution.quotes import quote_records

    findings_at: Dict[str, List[Tuple[int, int, int]]] = defaultdict(list)
    for i, f in enumerate(result.findings):
        if f.category == "attribution":
            for loc in [f.location, *f.related]:
                findings_at[loc.path].append((loc.start, loc.end, i))
    table = []
    total = 0
    for page in result.pages:
        for r in quote_records(page):
            total += 1
            if len(table) >= MAX_TABLE_ROWS:
                continue
            try:
                s = page.offset(r["line"], r["column"])
                e = page.offset(r["end_line"], r["end_column"])
            except ValueError:
                continue
            who = r.get("speaker_as_written") or r.get("speaker") or ""
            if r.get("speaker") and r["speaker"] not in who:
                who += f"（{r['speaker']}）"
            occ = r.get("occasion") or {}
            where = (occ.get("date") or "") + (f"《{occ['title']}》" if occ.get("title") else "")
            where = where or occ.get("event") or ""
            if r.get("recalled"):
                where += f"（追述：{r['recalled']}）"
            flags = [i for (fs, fe, i) in findings_at.get(page.path, ()) if fs < e and s < fe]
            # the link flashes the speaker and the first sentence, not a statement of many paragraphs
            stop = page.text.find("。", s, e)
            first = min(e, page.line_end(r["line"]), stop + 1 if stop >= 0 else e)
            table.append([who, "引语" if r.get("quote") else r.get("verb", ""), where, r.get("first_words", ""),
                          page.location(s, max(s, first)), _flags(result, flags)])
    if not table:
        return None
    intro = "文中的发言与引语：谁、在什么场合、说了什么（开头几个字）；与引语归属问题相关的行可点击跳转。"
    if total > len(table):
        intro += f" 共 {total} 条，只列出前 {len(table)} 条。"
    return {"id": "quotes", "title": "引语一览", "intro": intro,
            "columns": ["说话人", "方式", "场合", "开头", "位置", "相关问题"], "rows": table}
