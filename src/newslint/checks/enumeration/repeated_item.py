"""Rule ``enumeration-repeated-item``: the same number used twice — near each other within one series
(二是 … 二是), or for two different numbered sections anywhere in a sequence of section heads (the heads
are those of ``enumeration-out-of-order``, checks/sequence.py)."""
from __future__ import annotations

from typing import Dict, List

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .. import sequence as _seq
from .common import _QUICK, Marker, _label, _near, misnumbered, numbered_series, series_of

RULE = Rule(
    id="enumeration-repeated-item",
    category="enumeration",
    severity="warning",
    summary="序号重复：同一序列中同一个序号出现两次（如两个“二是”）",
    explanation="""\
同一序列中同一个序号用了两次（“一是……二是……二是……”），通常是增补条目后未重新编号，或把两条
误写成同一序号。序号从“一”重新开始的情况视为新序列，不报告。

The same number used twice within one series (一是 … 二是 … 二是 …).""",
    bad="一是加强组织领导。二是强化责任落实。二是严格督导检查。",
    good="一是加强组织领导。二是强化责任落实。三是严格督导检查。",
    options=(("max_block_distance", 4),),
    examples=[
        {"text": "一是加强组织领导。二是强化责任落实。二是严格督导检查。\n", "fires": True, "date": None},
        {"text": "一是加强组织领导。二是强化责任落实。三是严格督导检查。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def repeated_item(rc: RuleContext) -> None:
    page = rc.page
    if not _QUICK.search(page.text):
        return
    limit = rc.options["max_block_distance"]
    for fam, run in numbered_series(page, limit):
        _repeated(rc, fam, run, limit)
    _repeated_heads(rc, limit)


def _repeated(rc: RuleContext, fam: str, run: List[Marker], limit: int) -> None:
    page = rc.page
    seen: Dict[int, Marker] = {}
    for i, (prev, mk) in enumerate(zip([None] + run[:-1], run)):
        if mk.value in seen and prev is not None and _near(page, prev, mk, limit) and \
                _near(page, seen[mk.value], mk, limit):  # (a number used again far back: _repeated_heads)
            first = seen[mk.value]
            if misnumbered(run, i):
                what = (f"后面紧接着是“{_label(fam, mk.value + 2)}”，这一处应为“{_label(fam, mk.value + 1)}”")
            else:
                what = "后面的条目可能应顺延编号"
            rc.report(mk.start, mk.end, f"序号“{_label(fam, mk.value)}”在同一序列中重复出现，{what}",
                      related=[page.location(first.start, first.end, f"第一次出现的“{_label(fam, mk.value)}”")],
                      key=f"{fam}:{mk.text}:repeat")
        seen.setdefault(mk.value, mk)


def _repeated_heads(rc: RuleContext, limit: int) -> None:
    """A section number printed twice anywhere in a sequence of section heads (far apart: the check
    above sees only neighbours), with both places."""
    page = rc.page
    for fam, marks in _seq.heads(page).items():
        for seq in _seq._scopes(page, marks):
            pair = _seq.repeated(seq)
            if pair is None:
                continue
            a, b = pair
            prev = seq[seq.index(b) - 1]
            if prev.value != b.value and _near(page, prev, b, limit) and _near(page, a, b, limit) and any(
                    a in run and b in run for run in series_of(page, limit)):
                continue  # reported above already
            label = _label(fam, a.value)
            rc.report(b.start, b.end,
                      f"编号“{label}”用于两个不同的小节（第{page.linecol(a.start)[0]}行和第{page.linecol(b.start)[0]}行），"
                      f"实际顺序为{_seq._order(page, seq, fam)}",
                      related=[page.location(a.start, a.end, f"另一个“{label}”")], key=f"{fam}:{b.text}:repeat-far")
