"""Rule ``name-leader-title``: a leader's title the person did not hold at the page's date."""
from __future__ import annotations

from typing import List, Tuple

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import (
    _CLAUSE_STOP_RE,
    _PAST,
    _PAST_SENTENCE,
    _TAIL,
    _TERM_BEFORE_RE,
    _THEN_RE,
    CAT,
    COVERAGE,
    Roster,
    _clause_bounds,
    _sentence,
    _years,
    _ymd,
    run_dated,
)

TITLE = Rule(
    id="name-leader-title", category=CAT, severity="error",
    summary="领导人的职务与页面日期不符（如2024年的“国务院总理李克强”）",
    explanation="领导人姓名前后的职务（国务院总理、国务院副总理、全国人大常委会副委员长、中央政治局常委……）"
                "应是页面日期时的现任职务。已卸任或被免职的职务须写“原”“前”或“时任”；尚未担任的职务不能提前写。"
                "职务前有“原、前、时任、曾任”，有届次（十三届），句中写有页面年份以外的年份，或是悼念、逝世的"
                "报道时不判断。\n\nA leader's title the person did not hold at the page's date." + _TAIL,
    bad="（2024年5月）国务院总理李克强出席活动。", good="（2024年5月）国务院总理李强出席活动。", needs=("dates",),
    examples=[{"text": "国务院总理李克强出席活动并讲话。\n", "fires": True, "date": "2024-05-10"},
              {"text": "国务院总理李强出席活动并讲话。\n", "fires": False, "date": "2024-05-10"}],
)


# ---- name-leader-title ----------------------------------------------------------------------------------
def _title_chain(text: str, r: Roster, s: int) -> List[Tuple[int, int, str]]:
    """Leader titles joined by 、 or 兼 that end right before offset ``s``: [(start, end, post)], nearest
    first."""
    out = []
    p = s
    while True:
        hit = None
        for t in sorted((t for t in r.title_of if text.endswith(t, 0, p)), key=len, reverse=True)[:1]:
            hit = t
        if hit is None:
            break
        out.append((p - len(hit), p, r.title_of[hit]))
        p -= len(hit)
        if p > 0 and text[p - 1] in "、兼":
            p -= 1
            continue
        break
    return out


def _past_context(text: str, chain_start: int, name_start: int, name_end: int, page_year: int) -> bool:
    """True when the title is (or may be) a past one: 原/前/时任 right before it, 时任/曾任/当时 earlier in
    its clause, a term (十三届), a year other than the page's before it in the sentence (2018年11月5日，
    国家副主席习近平…) or an earlier year right after the name (习近平2013年提出), or words of mourning and
    memory."""
    before = text[max(0, chain_start - 6):chain_start]
    adjacent = _CLAUSE_STOP_RE.split(text[max(0, chain_start - 2):chain_start])[-1]
    if _PAST.search(adjacent) or _TERM_BEFORE_RE.search(before):
        return True
    a, b = _sentence(text, chain_start, name_end)
    ca, _ = _clause_bounds(text, chain_start, name_end)
    if _THEN_RE.search(text[ca:chain_start]):
        return True
    if _PAST_SENTENCE.search(text[a:b]):
        return True
    if any(y != page_year for y in _years(text[a:chain_start])):
        return True
    return any(y < page_year for y in _years(text[name_end:name_end + 8]))


def check_titles(page, ctx, r: Roster, win) -> list:
    lo, hi, day = win
    if hi < COVERAGE or r.names_re is None:
        return []
    text = page.text
    out = []
    when = f"页面日期{day.isoformat()}时" if hi == day else f"{day.year}年（页面日期按年估计）"
    for m in r.names_re.finditer(text):
        name, s, e = m.group(), m.start(), m.end()
        judged: List[Tuple[int, int, str]] = []
        chain = _title_chain(text, r, s)
        if chain:  # a national title: all its holders are in the roster, so 李强 is not 李强X
            judged = chain
        else:
            for t, post in r.after_of.items():
                if text.startswith(t, e):
                    nxt = text[e + len(t):e + len(t) + 1]
                    if not regex.match(r"[\p{Han}]", nxt) or nxt in "在说表指强出会主参等和与的、同":
                        judged = [(e, e + len(t), post)]
                    break
        if not judged:
            continue
        first = min(c[0] for c in judged)
        if _past_context(text, min(first, s), s, max(e, max(c[1] for c in judged)), day.year):
            continue
        for ts, te, post in judged:
            spells = r.held(name, post)
            if any(p.overlaps(lo, hi) for p in spells):
                continue
            ended = [p for p in spells if p.end is not None and p.end < lo]
            label = r.kinds[post].label
            if not ended and lo > r.horizon:
                continue  # a post given after the roster's horizon cannot be judged
            if ended:
                last = max(ended, key=lambda p: p.end)
                fact = f"{name}于{_ymd(last.start)}至{_ymd(last.end)}任{label}"
                hint = "，称其过去的职务应写“原”“前”或“时任”"
            elif spells:
                first_spell = min(spells, key=lambda p: p.start)
                fact = f"{name}自{_ymd(first_spell.start)}起任{label}"
                hint = ""
            else:
                now = [r.kinds[p.post].label for p in r.leaders[name].posts if p.overlaps(lo, hi)]
                fact = f"{name}未担任过{label}" + (f"（页面日期时任{'、'.join(dict.fromkeys(now))}）" if now else "")
                hint = ""
            out.append(ctx.finding(
                TITLE, page, ts, te, f"{when}{name}不是{label}：{fact}{hint}",
                key=f"{text[ts:te]}{name}", source=r.leaders[name].source))
    return out


@page_rule(TITLE)
def title(rc: RuleContext) -> None:
    run_dated(rc, check_titles)
