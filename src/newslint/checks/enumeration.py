"""Enumerations (序号检查): series of numbered items followed through an article.

A series is a run of item markers of one *family* in one article, in reading order:

* 一要/二要…, 一是/二是…, 其一/其二…, 第一，/第二，…, 首先/其次/再次（最后 closes a series）;
* （一）（二）…, 一、二、…, 1. 2. / 1、2、…, （1）（2）…, ①②…;
* labelled items: 元素一 … 元素十五, 任务一：… 任务二：… (a label seen with two or more numbers).

A marker counts only at an *item position*: the start of a block, or right after 。；：，！？ (full or
half width), possibly through an opening quote.  That keeps 一是一、二是二, 第一季度, 全市第一, 第一时间,
十五五 and numbers inside quotes and titles out of the series.  Markers are followed through paragraphs
and page-break artefacts; a series restarts at 1 (a new speaker's statement, a new part) and at a new
article.  Families are tracked separately, so an inner series inside an outer one is not a break.

Reported: a series that starts after 1 (the first item lost: 要强化… 二要… 三要…), a jump (二要 → 四要),
and a number used twice (二是 … 二是).  A finding needs a series of at least two markers, and a jump or
repeat needs the two markers to be near each other (a few paragraphs), so stray numerals do not fire.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import regex

from .. import hookimpl
from ..finding import Rule
from ..numerals import cn_to_int, int_to_cn

MISSING = Rule(
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

REPEATED = Rule(
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

RULES = (MISSING, REPEATED)

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


@hookimpl
def newslint_rules():
    return list(RULES)


@hookimpl
def newslint_check_page(page, ctx) -> Optional[list]:
    want_missing = ctx.enabled(MISSING.id, page)
    want_repeat = ctx.enabled(REPEATED.id, page)
    if not (want_missing or want_repeat):
        return None
    if not _QUICK.search(page.text):
        return []
    out = []
    for run in series_of(page, ctx.options(MISSING.id)["max_block_distance"]):
        numbered = [mk for mk in run if mk.value > 0]
        if len(numbered) < 2:
            continue
        fam = run[0].family
        if want_missing:
            out.extend(_missing(page, ctx, fam, numbered))
        if want_repeat:
            out.extend(_repeated(page, ctx, fam, numbered))
    return out


def _consecutive(run: List[Marker]) -> bool:
    return all(b.value == a.value + 1 for a, b in zip(run, run[1:]))


def _missing(page, ctx, fam: str, run: List[Marker]) -> list:
    limit = ctx.options(MISSING.id)["max_block_distance"]
    out = []
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
        out.append(ctx.finding(MISSING, page, first.start, first.end, msg, related=related,
                               suggestion=suggestion, key=f"{fam}:{first.text}:start"))
    for i, (a, b) in enumerate(zip(run, run[1:])):
        if _misnumbered(run, i) and ctx.enabled(REPEATED.id, page):
            continue  # 三 三 五: one defect, reported by the repeat rule as the 四 written 三
        if (b.value > a.value + 1 and _near(page, a, b, limit)
                and not _written_between(page, fam, range(a.value + 1, b.value), a.end, b.start)
                and not _heads_present(page, fam, range(a.value + 1, b.value), b)):
            lost = "、".join(f"“{_label(fam, v)}”" for v in range(a.value + 1, b.value))
            out.append(ctx.finding(
                MISSING, page, b.start, b.end,
                f"序号从“{_label(fam, a.value)}”跳到“{_label(fam, b.value)}”，缺少{lost}",
                related=[page.location(a.start, a.end, f"上一个序号“{_label(fam, a.value)}”")],
                key=f"{fam}:{a.text}->{b.text}"))
    return out


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


def _misnumbered(run: List[Marker], i: int) -> bool:
    """run[i] repeats the number before it and the next one skips exactly one: 三 三 五 — the second
    三 stands where 四 belongs."""
    return (0 < i < len(run) - 1 and run[i].value == run[i - 1].value
            and run[i + 1].value == run[i].value + 2)


def _repeated(page, ctx, fam: str, run: List[Marker]) -> list:
    limit = ctx.options(REPEATED.id)["max_block_distance"]
    out = []
    seen: Dict[int, Marker] = {}
    for i, (prev, mk) in enumerate(zip([None] + run[:-1], run)):
        if mk.value in seen and prev is not None and _near(page, prev, mk, limit):
            first = seen[mk.value]
            if _misnumbered(run, i):
                what = (f"后面紧接着是“{_label(fam, mk.value + 2)}”，这一处应为“{_label(fam, mk.value + 1)}”")
            else:
                what = "后面的条目可能应顺延编号"
            out.append(ctx.finding(
                REPEATED, page, mk.start, mk.end,
                f"序号“{_label(fam, mk.value)}”在同一序列中重复出现，{what}",
                related=[page.location(first.start, first.end, f"第一次出现的“{_label(fam, mk.value)}”")],
                key=f"{fam}:{mk.text}:repeat"))
        seen.setdefault(mk.value, mk)
    return out


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
