"""Rule ``punctuation-halfwidth``: half-width ``,;:?!()`` in Chinese text; a bracket pair is one finding."""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import List, Optional, Tuple

import regex

from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import context_key

RULE = Rule(
    id="punctuation-halfwidth",
    category="punctuation",
    severity="warning",
    summary="中文语句中使用了半角标点（, ; : ? ! ( )），应使用全角标点",
    explanation="""\
GB/T 15834《标点符号用法》规定中文文本使用全角标点。排版系统转换、从网页或即时通讯软件复制的稿件常把
逗号、分号、冒号、问号、叹号和括号留成半角，印在版面上字距明显不齐。

本规则对中文语境中的每个半角标点报告一次（一对半角括号算一处），并给出对应的全角标点；`newslint check --fix` 只改写这些字符，
原子写回文件（保留编码、BOM、换行符和权限）。数字（1,000、3:30）、网址、英文句子、代码和 Markdown
链接语法中的半角标点不报告。括号成对判断：括号内外有中文时整对改为全角。

An ASCII , ; : ? ! ( ) inside Chinese text (a Han character or full-width mark beside it) should be
full-width. ASCII contexts — numbers, URLs, English, code — are never touched.""",
    bad="本报讯(记者郭树勋)2月4日上午,市政协副主席吕沛主持召开会议;",
    good="本报讯（记者郭树勋）2月4日上午，市政协副主席吕沛主持召开会议；",
    fixable=True,
    examples=[
        {"text": "本报讯(记者王明)2月4日上午,区政协副主席李华主持召开会议。\n", "fires": True, "date": None},
        {"text": "本报讯（记者王明）2月4日上午，区政协副主席李华主持召开会议。\n", "fires": False, "date": None},
    ],
)



FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HAN = regex.compile(r"[\p{Han}\u3000-\u303f\uff01-\uff60“”‘’…—《》【】]")
_SKIP = regex.compile(
    r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+|`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>"  # urls, mail, code, md links, tags
    r"|\d[\d,]*\d(?:\.\d+)?|\d{1,2}:\d{2}(?::\d{2})?")  # 1,000  12:30
# (a mail address is tried only where a run of its characters starts, and the run is never re-scanned:
# linear time on a long line of Han, which are \w too)


# Emoticons are pictures, not punctuation: :) :-) ;) :-( and kaomoji in brackets (^_^) (T_T) (>_<).
# A bare :( is left out: 他说:(一)… is a colon and a bracket.
_EMOTICON = regex.compile(r"(?<![A-Za-z0-9])(?:[:;]-?\)|:-\()(?![A-Za-z0-9])"
                          r"|\((?:\^[_o.\-]?\^|T[_.]T|>[_.]<|-[_.]-|=\^[_.]\^=|\*\^[_o▽]\^\*)\)")


def _is_han(ch: str) -> bool:
    return bool(ch) and bool(_HAN.match(ch))


_MARK = regex.compile(r"[,;:?!()]")


def _skipped_spans(text: str) -> List[Tuple[int, int]]:
    """Spans where half-width marks are left alone (urls, mail, code, numbers, emoticons), sorted and
    non-overlapping.  Every such span lies within a line, so only the lines that hold a half-width mark
    are scanned."""
    spans: List[Tuple[int, int]] = []
    line_end = -1
    for m in _MARK.finditer(text):
        if m.start() < line_end:
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.start())
        if line_end < 0:
            line_end = len(text)
        spans.extend(_line_spans(text, ls, line_end))
    return spans


def _line_spans(text: str, ls: int, le: int) -> List[Tuple[int, int]]:
    spans = [m.span() for m in _SKIP.finditer(text, ls, le)]
    line = text[ls:le]
    if ":" in line or ";" in line or "^" in line or "_" in line:
        extra = [m.span() for m in _EMOTICON.finditer(text, ls, le)]
        if extra:  # kept sorted and non-overlapping for _inside's bisection
            merged: List[Tuple[int, int]] = []
            for a, b in sorted(spans + extra):
                if merged and a < merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], b))
                else:
                    merged.append((a, b))
            spans = merged
    return spans


def _inside(spans: List[Tuple[int, int]], i: int) -> bool:
    """Is offset ``i`` inside one of the sorted, non-overlapping ``spans``?  (O(log n))"""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _neighbour(text: str, i: int, step: int, fixed: Optional[dict] = None) -> str:
    """The nearest character before (step -1) or after (step 1) ``i`` on its line, spaces skipped;
    marks already judged full-width (``fixed``) are seen as their full-width form."""
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    if not (0 <= j < len(text)) or text[j] == "\n":
        return ""
    return fixed.get(j, text[j]) if fixed else text[j]


def _chinese_context(text: str, i: int, fixed: Optional[dict] = None) -> bool:
    """A mark between a Han character and anything but ASCII word characters counts as Chinese."""
    before, after = _neighbour(text, i, -1, fixed), _neighbour(text, i, 1, fixed)
    if _is_han(before) and (_is_han(after) or not after or not after.isascii() or not after.isalnum()):
        return True
    if _is_han(after) and (not before or not before.isascii() or not before.isalnum() or before.isdigit()):
        return True
    # a mark after a digit and before Han (2023年1月1日,记者) — the Han side decides
    return _is_han(after) and before.isdigit()


@lru_cache(maxsize=2)
def _spans_and_pairs(text: str) -> Tuple[List[Tuple[int, int]], dict]:
    """The skipped spans and bracket pairs of a page, computed once for ``find`` and the pairing."""
    skip = _skipped_spans(text)
    return skip, _bracket_pairs(text, skip)


_BRACKET_OR_LINE = regex.compile(r"[()\n]")


def _bracket_pairs(text: str, skip: List[Tuple[int, int]]) -> dict:
    """Map each ASCII bracket to its partner (paired within a line) that is not in a skipped span."""
    pairs: dict = {}
    if "(" not in text:
        return pairs
    stack: List[int] = []
    for m in _BRACKET_OR_LINE.finditer(text):  # only the characters that matter, not every character
        i, ch = m.start(), m.group()
        if ch == "\n":
            stack.clear()
        elif ch == "(" and not _inside(skip, i):
            stack.append(i)
        elif ch == ")" and stack and not _inside(skip, i):
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    return pairs


def _pair_is_chinese(text: str, a: int, b: int) -> bool:
    inner = text[a + 1:b]
    if regex.search(r"\p{Han}", inner):
        return True
    return _is_han(_neighbour(text, a, -1)) and _is_han(_neighbour(text, b, 1)) and not regex.fullmatch(
        r"[A-Za-z0-9 .,_-]*", inner)


def find(text: str) -> List[Tuple[int, str]]:
    """Offsets of half-width marks in Chinese context, with their full-width replacement."""
    skip, pairs = _spans_and_pairs(text)
    fixed: dict = {}
    left: List[int] = []
    for m in _MARK.finditer(text):
        i = m.start()
        if _inside(skip, i):
            continue
        if _judge(text, i, pairs, None):
            fixed[i] = FULL[text[i]]
        else:
            left.append(i)
    # A run of marks (",," or "?!") is judged again with its converted neighbours seen full-width, until
    # nothing changes, so that fixing once leaves nothing for a second --fix to find.
    changed = True
    while changed and left:
        changed = False
        for i in list(left):
            if _near_fixed(text, i, fixed) and _judge(text, i, pairs, fixed):
                fixed[i] = FULL[text[i]]
                left.remove(i)
                changed = True
    return sorted(fixed.items())


def _judge(text: str, i: int, pairs: dict, fixed: Optional[dict]) -> bool:
    if text[i] in "()" and i in pairs:
        j = pairs[i]
        return _pair_is_chinese(text, min(i, j), max(i, j))
    return _chinese_context(text, i, fixed)


def _near_fixed(text: str, i: int, fixed: dict) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(text) and text[j] in " \t":
            j += step
        if j in fixed:
            return True
    return False



@page_rule(RULE)
def halfwidth(rc: RuleContext) -> None:
    text = rc.page.text
    if not _MARK.search(text):
        return
    found = find(text)
    marks = dict(found)
    order = [k for k, _ in found]  # sorted offsets
    pairs = _spans_and_pairs(text)[1]
    absorbed = set()
    for n, i in enumerate(order):
        if i in absorbed:
            continue
        j = pairs.get(i, -1)
        if text[i] == "(" and j in marks and j - i <= _PAIR_SPAN:
            # one bracket pair, one finding: （财经眼） is one defect, fixed whole with any mark inside it
            inner = order[n:bisect.bisect_right(order, j, n)]
            absorbed.update(inner)
            shown = text[i:j + 1]
            full = "".join(marks.get(k, text[k]) for k in range(i, j + 1))
            what = "括号" if len(inner) == 2 else "括号和标点"
            rc.report(
                i, j + 1, f"中文语句中的半角{what}“{shown}”应为全角“{full}”",
                suggestion=full, fix=Fix(i, j + 1, full, "safe"), key=context_key(text, i))
            continue
        ch, full = text[i], marks[i]
        rc.report(
            i, i + 1, f"中文语句中的半角“{ch}”应为全角“{full}”",
            suggestion=full, fix=Fix(i, i + 1, full, "safe"),
            key=context_key(text, i))


_PAIR_SPAN = 40  # a longer bracketed passage keeps one finding per bracket (a short underline each)
