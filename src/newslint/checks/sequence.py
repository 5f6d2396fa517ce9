"""Numbered sections judged as a whole: sections printed out of order, a section number used twice.

An e-paper page read column by column prints the numbered sections of a story in column order
(一 四 七 二 五 八 三 六 九): each jump looks like a missing item, while every number is on the page.  This
module looks at the numbered section heads of an article (or of the page, when the layout reads each
section head as an article of its own) together:

- ``enumeration-out-of-order``: the heads carry each number of 1..n once, but not in order — one finding
  at the first head out of place, showing the observed order and where each number is.
- the same number used for two different sections, anywhere in the sequence, goes to
  ``enumeration-repeated-item`` (enumeration/repeated_item.py asks this module for the heads).

Section heads are the markers of the enumeration analysis that open a block (一、 （一） 1.) outside
quotations; a sequence needs three heads or more.  Restarted lists (一、二、三、 … 一、二、) hold a
number twice and are not a permutation: they are left alone.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from ..finding import Rule
from ..rule import page_rule
from .enumeration import common as _enum

OUT_OF_ORDER = Rule(
    id="enumeration-out-of-order",
    category="enumeration",
    severity="warning",
    summary="编号的小节顺序错乱（如“一 四 二 五 三”）：各号都在，但没有按顺序排列",
    explanation="""\
电子版按栏读出时，一篇稿件的编号小节常按栏序而不是编号顺序排出（一、四、七、二、五、八……）。
逐个看会以为缺了“二”“三”，其实各号都在版面上，只是顺序错了。本规则把一篇稿件（或整个版面，当每个
小节标题被当成一篇稿件时）的编号小节标题（一、 （一） 1.）放在一起看：1 到 n 每个编号恰好出现一次
却没有按顺序排列时，只报告一次，列出实际顺序和每个编号所在的行。同一编号用于两个不同小节的，
由 enumeration-repeated-item 报告（指出两处）。重新从“一”开始的并列序列（一、二、三、……一、二、）不报告。

The numbered section heads of an article (一、 （一） 1.) carry each number of 1..n once but not in order:
the page was read in column order.  One finding per sequence, showing the observed order.""",
    bad="一、加强组织领导\n\n各单位要高度重视。\n\n三、严格督导检查\n\n督导组要定期通报。\n\n二、强化责任落实\n\n各乡镇要细化分工。\n",
    good="一、加强组织领导\n\n各单位要高度重视。\n\n二、强化责任落实\n\n各乡镇要细化分工。\n\n三、严格督导检查\n\n督导组要定期通报。\n",
    examples=[
        {"text": "一、加强组织领导\n\n各单位要高度重视，主要负责同志亲自抓。\n\n三、严格督导检查\n\n督导组要定期通报进展情况。\n\n"
                 "二、强化责任落实\n\n各乡镇要细化分工，明确时间节点。\n", "fires": True, "date": None},
        {"text": "一、加强组织领导\n\n各单位要高度重视，主要负责同志亲自抓。\n\n二、强化责任落实\n\n各乡镇要细化分工，明确时间节点。\n\n"
                 "三、严格督导检查\n\n督导组要定期通报进展情况。\n", "fires": False, "date": None},
        {"text": "一、加强组织领导\n\n各单位要高度重视。\n\n二、强化责任落实\n\n各乡镇要细化分工。\n\n"
                 "一、严格督导检查\n\n督导组要定期通报。\n\n二、抓好宣传引导\n\n要营造良好氛围。\n", "fires": False, "date": None},
    ],
)

_HEAD_FAMILIES = ("一、", "（一）", "1.")
MIN_HEADS = 3


def heads(page) -> Dict[str, List[_enum.Marker]]:
    """Numbered section heads (markers opening a block, outside quotations) by family, in page order."""
    blocks = page.layout.blocks
    out: Dict[str, List[_enum.Marker]] = {}
    for mk in _enum.markers(page):
        if mk.family in _HEAD_FAMILIES and not mk.quoted and not mk.weak and mk.value > 0 and \
                mk.start == blocks[mk.block].start:
            out.setdefault(mk.family, []).append(mk)
    return out


def _scopes(page, marks: List[_enum.Marker]) -> List[List[_enum.Marker]]:
    """The sequences to judge: the whole page when its heads together make one sequence (1..n, in any
    order, or with one number twice), else each article's."""
    blocks = page.layout.blocks
    per: Dict[int, List[_enum.Marker]] = {}
    for mk in marks:
        per.setdefault(blocks[mk.block].article, []).append(mk)
    if len(per) > 1 and (shuffled(marks) or repeated(marks)):
        return [marks]  # one sequence over the page: the layout read some section heads as titles
    return [ms for ms in per.values() if len(ms) >= MIN_HEADS]


def shuffled(seq: List[_enum.Marker]) -> bool:
    values = [mk.value for mk in seq]
    return len(seq) >= MIN_HEADS and sorted(values) == list(range(1, len(values) + 1)) and values != sorted(values)


def repeated(seq: List[_enum.Marker]) -> Optional[Tuple[_enum.Marker, _enum.Marker]]:
    """The two heads of one number when the sequence is 1..n with exactly that number printed twice
    for two different sections (not a restart: the rest of the numbers are each there once)."""
    values = [mk.value for mk in seq]
    n = max(values)
    if len(seq) < MIN_HEADS + 1 or len(values) != n + 1 or set(values) != set(range(1, n + 1)):
        return None
    dup = next(v for v in set(values) if values.count(v) == 2)
    if dup == 1:
        return None  # a second 一 opens a new list (一、二、三、 … 一、), whatever follows
    a, b = [mk for mk in seq if mk.value == dup]
    return a, b


def _order(page, seq: List[_enum.Marker], fam: str) -> str:
    return "、".join(f"{_enum._label(fam, mk.value).rstrip('、.')}（第{page.linecol(mk.start)[0]}行）" for mk in seq)


@page_rule(OUT_OF_ORDER)
def out_of_order(rc):
    page = rc.page
    if not _enum._QUICK.search(page.text):
        return
    for fam, marks in heads(page).items():
        for seq in _scopes(page, marks):
            if not shuffled(seq):
                continue
            first = next(mk for i, mk in enumerate(seq) if mk.value != i + 1)
            rc.report(first.start, first.end,
                      f"编号小节的顺序错乱：实际顺序为{_order(page, seq, fam)}；各号都在，应按编号重排",
                      related=[page.location(mk.start, mk.end, f"编号“{_enum._label(fam, mk.value)}”")
                               for mk in sorted(seq, key=lambda m: m.value)],
                      key=f"{fam}:" + "".join(str(mk.value) for mk in seq))
