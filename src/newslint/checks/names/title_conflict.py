"""Rule ``name-title-conflict``: the same person with a rank and its deputy (书记/副书记) of one body."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from ...analyses.mentions import ranks
from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import M, register_of, title_conflicts

RULE = Rule(
    id="name-title-conflict",
    category="name",
    severity="warning",
    summary="同一人的职务前后矛盾（正职与副职）",
    explanation="""\
同一人在同一单位的职务出现正、副两种写法（党工委书记/党工委副书记，主任/副主任）。同一版面内出现时报告
为警告；跨版面出现时，职务可能确有变动，报告为提示（info），并给出各版日期供核对。

The same person with a rank and its deputy rank of the same body: a warning within a page, info
across pages (titles change over time; page dates are shown when known).""",
    bad="党工委副书记吕沛主持会议……党工委书记吕沛强调……",
    good="党工委副书记吕沛主持会议……党工委副书记吕沛强调……",
    options=(("window_days", 0),),
    needs=("mentions", "dates"),
    examples=[
        {"text": "党工委副书记张建国主持会议。党工委书记张建国强调，要抓好落实。\n", "fires": True, "date": None},
        {"text": "党工委副书记张建国主持会议。党工委副书记张建国强调，要抓好落实。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def title_conflict(rc: RuleContext) -> None:
    reg, _places, dates = register_of(rc.corpus)
    if reg:
        _title_findings(rc, reg, dates)


def _title_findings(rc: RuleContext, reg, dates) -> None:
    for sp, rank, full, deputy in title_conflicts(reg):
        body_rank = rank
        for group, other, label, other_label in ((full, deputy, body_rank, _deputy(body_rank)),
                                                 (deputy, full, _deputy(body_rank), body_rank)):
            by_page: Dict[int, Tuple[Any, M]] = {}
            for p, m in group:
                by_page.setdefault(id(p), (p, m))
            for pid, (page, m) in by_page.items():
                if page.archive or not rc.enabled_for(page):
                    continue
                same_page = [(p, x) for p, x in other if p is page]
                if same_page:
                    # within a page: report the page's minority form
                    if sum(1 for p, _ in group if p is page) > len(same_page):
                        continue
                    rel = [page.location(x.start, x.end, f"本版写作“{other_label}”") for _, x in same_page[:3]]
                    msg = (f"“{sp.name}”在本版既是“{label}”又是“{other_label}”，同一单位的正职与副职不能兼任，"
                           f"请核对职务")
                    rc.report(m.start, m.end, msg, page=page, related=rel, key=f"{sp.name}|{label}")
                    continue
                # across pages: the smaller side reports (both when equal)
                n_here = len({id(p) for p, _ in group})
                n_other = len({id(p) for p, _ in other})
                if n_here > n_other:
                    continue
                seen_pages, rel = set(), []
                for p, x in other:
                    if id(p) in seen_pages or len(rel) >= 3:
                        continue
                    seen_pages.add(id(p))
                    d = dates.get(id(p))
                    rel.append(p.location(x.start, x.end, f"写作“{other_label}”" + (f"（{d}）" if d else "")))
                d_here = dates.get(id(page))
                when = f"本版（{d_here}）" if d_here else "本版"
                msg = (f"“{sp.name}”{when}写作“{label}”，另有{n_other}版写作“{other_label}”；"
                       f"如非职务变动，请核对")
                sev = "info"
                window = int(rc.options.get("window_days", 0) or 0)
                if window and d_here and _within(d_here, [dates.get(id(p)) for p, _ in other], window):
                    sev = None
                rc.report(m.start, m.end, msg, page=page, related=rel, key=f"{sp.name}|{label}", severity=sev)


def _deputy(rank: str) -> str:
    # 党工委书记 -> 党工委副书记
    for r in ranks():
        if rank.endswith(r):
            return rank[: len(rank) - len(r)] + "副" + r
    return "副" + rank


def _within(d: str, others: List[Optional[str]], days: int) -> bool:
    import datetime as dt

    try:
        a = dt.date.fromisoformat(d)
        return any(o and abs((dt.date.fromisoformat(o) - a).days) <= days for o in others)
    except ValueError:
        return False


