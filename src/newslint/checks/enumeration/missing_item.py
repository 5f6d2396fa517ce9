"""Rule ``enumeration-missing-item``: a series that starts after its first item, or skips a number."""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import _OUTER_FAMILIES, _QUICK, Marker, _label, _near, markers, misnumbered, numbered_series

RULE = Rule(
    id="enumeration-missing-item",
    category="enumeration",
    severity="warning",
    summary="序号不连续：序列缺少第一项或中间跳号（如“二要”“三要”之前没有“一要”）",
    explanation="""\
稿件中“一要、二要、三要”“一是、二是”“第一、第二”“（一）（二）”“1. 2.”“①②”等序号应从第一项起连续编排。
改稿、删节或排版时常把第一项的序号删掉（“要强化专业精神……二要强化拼抢意识……三要……”），
或删去中间一项而未重新编号（“二要……四要……”）。本规则在同一篇稿件内按序号类型跟踪序列，跨段落
延续；新的稿件或从“一”重新开始（如“会议指出，一要……会议强调，一要……”）视为新序列；不同类型的序号
互不干扰，因此外层序列中嵌套的内层序列不算中断；同一种序号分几层使用时（一、……二、[一、二、三、]三、），
接续外层的序号回到外层序列。小标题之后或相隔很远重新出现的较小序号另起序列，第一项写作“首先”“第一”的
也算有第一项。图片编号（图②）和引文中的序号（修改为：“（九）……”）不属于文章的序列。只有至少两个同类
序号构成序列时才报告。

A numbered series (一要/二要, 一是/二是, 第一/第二, （一）, 1., ①, 元素一…) that starts after its first
item or skips a number within one article.""",
    bad="会议强调，要强化专业精神……二要强化拼抢意识……三要强化时间观念……",
    good="会议强调，一要强化专业精神……二要强化拼抢意识……三要强化时间观念……",
    options=(("max_block_distance", 4),),
    examples=[
        {"text": "会议强调，要强化专业精神；二要强化拼抢意识；三要强化时间观念。\n", "fires": True, "date": None},
        {"text": "会议强调，一要强化专业精神；二要强化拼抢意识；三要强化时间观念。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def missing_item(rc: RuleContext) -> None:
    if not _QUICK.search(rc.page.text):
        return
    limit = rc.options["max_block_distance"]
    for fam, run in numbered_series(rc.page, limit):
        _missing(rc, fam, run, limit)


def _consecutive(run: List[Marker]) -> bool:
    return all(b.value == a.value + 1 for a, b in zip(run, run[1:]))


def _missing(rc: RuleContext, fam: str, run: List[Marker], limit: int) -> None:
    page = rc.page
    first = run[0]
    # The first item(s) lost: a clean run 二要 三要 (四要…) with nothing numbered before it.
    if (first.value > 1 and fam != "首先" and _consecutive(run) and _near(page, run[0], run[1], limit)
            and not _written_between(page, fam, range(1, first.value), _window_start(page, first), first.start)
            and not _heads_present(page, fam, range(1, first.value), first)
            and not (fam in _INLINE_FAMILIES and _FIRST_OTHERWISE.search(page.text, _window_start(page, first),
                                                                          first.start))):
        lost = "、".join(f"“{_label(fam, v)}”" for v in range(1, first.value))
        msg = f"序号从“{_label(fam, first.value)}”开始，前面没有{lost}：可能漏写了第一项的序号，或删去了前面的条目"
        related = []
        hint = _unnumbered_first(page, fam, run)
        suggestion = None
        if hint is not None:
            s, e, clause = hint
            related.append(page.location(s, e, f"这一句可能是第一项，缺少序号“{_label(fam, 1)}”"))
            suggestion = _label(fam, 1) + clause[1:] if fam == "要" else None
            msg += f"（“{clause[:12]}”一句可能就是第一项）"
        rc.report(first.start, first.end, msg, related=related, suggestion=suggestion,
                  key=f"{fam}:{first.text}:start")
    for i, (a, b) in enumerate(zip(run, run[1:])):
        if misnumbered(run, i) and rc.defers_to("enumeration-repeated-item"):
            continue  # 三 三 五: one defect, reported by the repeat rule as the 四 written 三
        if (b.value > a.value + 1 and _near(page, a, b, limit)
                and not _written_between(page, fam, range(a.value + 1, b.value), a.end, b.start)
                and not _heads_present(page, fam, range(a.value + 1, b.value), b)):
            lost = "、".join(f"“{_label(fam, v)}”" for v in range(a.value + 1, b.value))
            rc.report(
                b.start, b.end,
                f"序号从“{_label(fam, a.value)}”跳到“{_label(fam, b.value)}”，缺少{lost}",
                related=[page.location(a.start, a.end, f"上一个序号“{_label(fam, a.value)}”")],
                key=f"{fam}:{a.text}->{b.text}")


# The first items of an in-sentence series written with another word: 首先…，二是… / 首先… 其次… 第三…
_INLINE_FAMILIES = ("要", "是", "第", "其")
_FIRST_OTHERWISE = regex.compile(r"(?:(?<=^)|(?<=[。；;：:，,！？!?\n　]))[“\"]?(?:首先|其次|第一|其一|一是|一要|一方面)")


def _heads_present(page, fam: str, values, mk: Marker) -> bool:
    """The numbers are section heads elsewhere on the page (sections out of order, judged as a whole by
    ``enumeration-out-of-order``): not missing."""
    blocks = page.layout.blocks
    heads = [h for h in markers(page) if h.family == fam and h.family in _OUTER_FAMILIES and not h.quoted
             and not h.weak and h.start == blocks[h.block].start]
    vals = set(values)
    here = {h.value for h in heads if blocks[h.block].article == blocks[mk.block].article}
    return bool(vals) and (vals <= here or vals <= {h.value for h in heads})


def _window_start(page, mk: Marker) -> int:
    """Where to look for an item written out of position before ``mk``: its block and the one before."""
    blocks = page.layout.blocks
    art = blocks[mk.block].article
    i = mk.block
    if i > 0 and blocks[i - 1].article == art:
        i -= 1
    return blocks[i].start


def _written_between(page, fam: str, values, start: int, end: int) -> bool:
    """True when one of the missing items is written between ``start`` and ``end`` though not at an item
    position (《条例》一是…, 6.2023年… as item 6): the series is then not broken."""
    window = page.text[start:end]
    return any(_label(fam, v).strip("“") in window for v in values)


# The unnumbered first item: a clause before the first marker that opens like the numbered items
# (要强化专业精神 before 二要强化拼抢意识, 三要强化时间观念).
_CLAUSE_START = regex.compile(r"(?:(?<=^)|(?<=[。；;：:，,！？!?]))")


def _unnumbered_first(page, fam: str, run: List[Marker]) -> Optional[Tuple[int, int, str]]:
    """A clause opening with a bare 要 just before the series: the one that opens like the numbered
    items (要强化… before 二要强化…, 三要强化…), or the only such clause."""
    if fam != "要":
        return None
    text = page.text
    first = run[0]
    blocks = page.layout.blocks
    lo = blocks[max(0, first.block - 1)].start
    if blocks[max(0, first.block - 1)].article != blocks[first.block].article:
        lo = blocks[first.block].start
    window = text[lo:first.start]
    clauses = [(lo + m.start(), lo + m.end(), m.group()) for m in _BARE_YAO.finditer(window)]
    if not clauses:
        return None
    heads = {text[mk.end:mk.end + 2] for mk in run}
    if len(heads) == 1:
        head = heads.pop()
        same = [c for c in clauses if c[2][1:3] == head]
        if same:
            return same[0]
    return clauses[0] if len(clauses) == 1 else None


_BARE_YAO = regex.compile(r"(?:(?<=^)|(?<=[。；;：:，,！？!?\n]))要(?![求是不然么])\p{Han}[^。；;，,！？!?\n]*")
