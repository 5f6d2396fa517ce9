"""What the enumeration rules share: the item markers of a page and the series they make (named, cached
per page: ``markers``, ``series_of``, ``numbered_series``), labels and distances."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import regex

from ...numerals import cn_to_int, int_to_cn

_N = "一二三四五六七八九十"
_CN_NUM = f"[{_N}]{{1,3}}"
# An item position: start of the block, or after a sentence/clause mark, possibly through an opening quote
# and Markdown emphasis.
_POS = r"(?:(?<=^)|(?<=[。；;：:，,！？!?]))[“\"‘]?(?:\*\*)?"
_HAN_NOT_NUM = r"[^\P{Han}一二三四五六七八九十百千万亿两零〇第其]"

# (family, pattern, block_start_only).  Group "n" is the number; group "label" names labelled series.
_FAMILIES: List[Tuple[str, "regex.Pattern", bool]] = [
    # 一要 … but not 要素/要求/要点/要闻…, and not 一要…就要 (a single marker never makes a series)
    ("要", regex.compile(_POS + rf"(?P<n>{_CN_NUM})要(?![素点件闻害塞冲诀])"), False),
    # 一是 … but not 一是一、二是二
    ("是", regex.compile(_POS + rf"(?P<n>{_CN_NUM})是(?!(?P=n)[、，,])"), False),
    ("其", regex.compile(_POS + rf"其(?P<n>[{_N}])(?=[，,：:、])"), False),
    ("第", regex.compile(_POS + rf"第(?P<n>{_CN_NUM})(?=[，,：:])"), False),
    ("（一）", regex.compile(_POS + rf"[（(](?P<n>{_CN_NUM})[）)]"), False),
    ("一、", regex.compile(r"^[“\"]?(?:\*\*)?" + rf"(?P<n>{_CN_NUM})[、．.](?![{_N}\d])"), True),
    # 1. 2. (Markdown may escape the point: 2\.); 6.2023年… at a block start is item 6 only when it
    # continues a series (a "weak" marker), since it may also be a decimal.
    ("1.", regex.compile(r"^(?:\*\*)?(?P<n>\d{1,2})(?:\\?[.．](?P<weak>\d)?|、)"), True),
    ("（1）", regex.compile(_POS + r"[（(](?P<n>\d{1,2})[）)]"), False),
    ("①", regex.compile(r"(?P<n>[\u2460-\u2473\u2776-\u277f])"), False),
    ("首先", regex.compile(_POS + r"(?P<n>首先|其次|再次|最后)(?=[，,：:])"), False),
    ("label", regex.compile(_POS + rf"(?P<label>{_HAN_NOT_NUM}{{2,4}}?)(?P<n>{_CN_NUM})(?=[：:，,、\s]|$)"), False),
]
# Cheap tests that a block may hold a marker of the family, before the full pattern runs.
_FAMILY_QUICK = {
    "要": regex.compile(rf"[{_N}]要"),
    "是": regex.compile(rf"[{_N}]是"),
    "其": regex.compile(rf"其[{_N}]"),
    "第": regex.compile(rf"第[{_N}]"),
    "（一）": regex.compile(rf"[（(][{_N}]"),
    "一、": regex.compile(rf"^[“\"*]*[{_N}]"),
    "1.": regex.compile(r"^[*]*\d"),
    "（1）": regex.compile(r"[（(]\d"),
    "①": regex.compile(r"[\u2460-\u2473\u2776-\u277f]"),
    "首先": regex.compile(r"首先|其次|再次|最后"),
    "label": regex.compile(rf"\p{{Han}}[{_N}]{{1,3}}(?:[：:，,、\s]|$)"),  # bounded: linear on a long numeral run
}
_ORDER_WORDS = {"首先": 1, "其次": 2, "再次": 3}


@dataclass
class Marker:
    family: str
    value: int  # 0 for 最后 (closes a series)
    start: int
    end: int
    text: str
    block: int  # index of the block in the layout
    weak: bool = False  # counted only when it continues a series (6.2023年… after 5.)
    quoted: int = 0  # inside a quotation (its offset; -1 for one running over paragraphs): the numbering
    # of the quoted text is a series of its own


def _value(family: str, n: str) -> Optional[int]:
    if family == "①":
        c = ord(n)
        return c - 0x2460 + 1 if c <= 0x2473 else c - 0x2776 + 1
    if family == "首先":
        return _ORDER_WORDS.get(n, 0)
    if family in ("1.", "（1）"):
        return int(n)
    return cn_to_int(n)


def _label(family: str, value: int) -> str:
    if family == "首先":
        return {1: "首先", 2: "其次", 3: "再次"}.get(value, "最后")
    if family == "①":
        return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    if family == "1.":
        return f"{value}."
    if family == "（1）":
        return f"（{value}）"
    cn = int_to_cn(value)
    if family == "要":
        return cn + "要"
    if family == "是":
        return cn + "是"
    if family == "其":
        return "其" + cn
    if family == "第":
        return "第" + cn
    if family == "（一）":
        return f"（{cn}）"
    if family == "一、":
        return cn + "、"
    if family.startswith("label:"):
        return family[6:] + cn
    return cn


_QUICK = regex.compile(rf"[{_N}]|\d|[\u2460-\u2473\u2776-\u277f]|首先|其次|再次")
_SKIP_KINDS = ("caption", "credit", "byline", "link")


def markers(page) -> List[Marker]:
    """All item markers of the page, in reading order."""
    def compute() -> List[Marker]:
        out: List[Marker] = []
        for b in page.layout.blocks:
            if b.kind in _SKIP_KINDS or not _QUICK.search(b.text):
                continue
            text = b.text
            titles = _title_spans(text)
            seen = set()
            quotes = None  # positions of “ and ” in the block, found on the first marker
            for family, pat, _ in _FAMILIES:
                quick = _FAMILY_QUICK.get(family)
                if quick is not None and not quick.search(text):
                    continue
                for m in pat.finditer(text):
                    s = m.start("n") if family != "label" else m.start("label")
                    if s in seen or _inside(titles, s):
                        continue
                    if family in ("①", "1.", "（1）") and text[max(0, s - 1):s] in ("图", "表"):
                        continue  # 图②：… a picture referred to by its number, not a list item
                    fam = family
                    if family == "label":
                        fam = "label:" + m.group("label")
                    v = _value(family, m.group("n"))
                    if v is None or v > 99:
                        continue
                    seen.add(s)
                    weak = bool(m.groupdict().get("weak"))
                    e = m.end() - (1 if weak else 0)
                    if quotes is None:
                        quotes = ([i for i, ch in enumerate(text) if ch == "“"],
                                  [i for i, ch in enumerate(text) if ch == "”"])
                    n_open, n_close = bisect.bisect_left(quotes[0], s), bisect.bisect_left(quotes[1], s)
                    quoted = 0
                    if n_open > n_close:
                        # each closed quotation is an excerpt of its own (修改为：“（九）……”); a quotation
                        # running over paragraphs (“一是… / “二是…, closed at the end) is one
                        closed = n_close < len(quotes[1])
                        quoted = b.start + quotes[0][n_open - 1] + 1 if closed else -1
                    out.append(Marker(fam, v, b.start + s, b.start + e, text[s:e], b.index, weak, quoted))
        out.sort(key=lambda mk: mk.start)
        return out
    return page.cached("enumeration.markers", compute)


_TITLE_RE = regex.compile(r"《[^《》\n]*》")


def _title_spans(text: str) -> List[Tuple[int, int]]:
    return [m.span() for m in _TITLE_RE.finditer(text)] if "《" in text else []


def _inside(spans: List[Tuple[int, int]], i: int) -> bool:
    return any(a < i < b for a, b in spans)


_OUTER_FAMILIES = ("一、", "（一）", "1.")  # numbered heads that open a section at a block start
_MAX_NESTING = 4


def series_of(page, limit: int = 4) -> List[List[Marker]]:
    """Series per article and family, in reading order.

    A new series starts at a 1, after 最后, and in a new article.  Lists nest: a series restarted at 1
    inside another (一、… 二、[一、二、三、] 三、) suspends the outer one, and a number that continues a
    suspended series (the outer 三、) closes the inner lists and goes back to it.  A number lower than (or
    equal to) the last one that continues nothing starts a new series when it is far from the last marker
    or a section head stands between them (items spread over sections: 一是…四是 / 二、… / 首先… 二是…).
    """
    layout = page.layout
    all_markers = markers(page)
    heads = sorted({mk.block for mk in all_markers if mk.family in _OUTER_FAMILIES
                    and mk.start == layout.blocks[mk.block].start}
                   | {b.index for b in layout.blocks if b.kind == "heading"})
    groups: Dict[Tuple[int, str, int], List[List[Marker]]] = {}
    stacks: Dict[Tuple[int, str, int], List[List[Marker]]] = {}
    for mk in all_markers:
        art = layout.blocks[mk.block].article
        key = (art, mk.family, mk.quoted)  # a quoted list (修改为：“（九）……”) is not the article's
        runs = groups.setdefault(key, [])
        stack = stacks.setdefault(key, [])
        top = stack[-1] if stack else None
        last = top[-1] if top else None
        if mk.weak and not (last is not None and last.value + 1 == mk.value):
            continue
        if last is None or mk.value == 1 or last.value == 0:
            if last is not None and last.value == 0:
                stack.clear()
            run = [mk]
            runs.append(run)
            stack.append(run)
            del stack[:-_MAX_NESTING]  # lists nest a few levels deep, no more: the look-back stays short
            continue
        if mk.value == last.value + 1:
            top.append(mk)
            continue
        back = next((i for i in range(len(stack) - 2, -1, -1) if stack[i][-1].value + 1 == mk.value), None)
        if back is not None:
            del stack[back + 1:]  # the inner lists are closed: 三、 after 一、二、 inside 二、
            stack[-1].append(mk)
            continue
        if mk.value <= last.value and (not _near(page, last, mk, limit) or _head_between(heads, last, mk)):
            run = [mk]  # a new series whose first items were written otherwise (首先…), or lost
            runs.append(run)
            stack[:] = [run]
            continue
        top.append(mk)
    out: List[List[Marker]] = []
    for (art, fam, _), runs in groups.items():
        if fam.startswith("label:") and len({mk.value for run in runs for mk in run}) < 2:
            continue  # a label is a series only when seen with two or more numbers
        out.extend(r for r in runs if r)
    out.sort(key=lambda r: r[0].start)
    return out


def _head_between(heads: List[int], a: Marker, b: Marker) -> bool:
    """Does a section head (a heading block, or a block opening with 一、/（一）/1.) stand between two
    markers of an inner family?"""
    if a.family in _OUTER_FAMILIES:
        return False
    i = bisect.bisect_right(heads, a.block)
    return i < len(heads) and heads[i] <= b.block and not (heads[i] == b.block and b.family in _OUTER_FAMILIES)


def _near(page, a: Marker, b: Marker, limit: int) -> bool:
    """Two markers within ``limit`` text blocks of each other (headings and captions not counted)."""
    if b.block - a.block <= 1:
        return True
    blocks = page.layout.blocks[a.block:b.block + 1]
    return sum(1 for bl in blocks if bl.is_text or bl.kind == "list") - 1 <= limit


def numbered_series(page, limit: int) -> List[Tuple[str, List[Marker]]]:
    """The series of the page with at least two numbered markers (最后 left out): (family, markers)."""
    def compute():
        out = []
        for run in series_of(page, limit):
            numbered = [mk for mk in run if mk.value > 0]
            if len(numbered) >= 2:
                out.append((run[0].family, numbered))
        return out
    return page.cached(f"enumeration.series:{limit}", compute)


def misnumbered(run: List[Marker], i: int) -> bool:
    """run[i] repeats the number before it and the next one skips exactly one: 三 三 五 — the second
    三 stands where 四 belongs (one defect, reported by ``enumeration-repeated-item`` as the 四 written 三
    when that rule runs)."""
    return (0 < i < len(run) - 1 and run[i].value == run[i - 1].value
            and run[i + 1].value == run[i].value + 2)
