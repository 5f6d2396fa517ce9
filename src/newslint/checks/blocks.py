"""Section blocks: a short block printed twice, numbered section heads stacked with no body.

A *section block* is a numbered section head (一、 （一） 1. opening a block, see
:func:`newslint.checks.sequence.heads`) with the paragraphs under it up to the next head or heading.
Two rules read the page as a run of such blocks:

- ``duplicate-block``: a block (head text without its number + the paragraphs under it) printed again
  under another number — or an unnumbered heading (a headline, a subhead) and its short paragraphs
  printed again whole.  Each of its paragraphs may be far below the duplicate rules' ``min_chars``; the
  block as a whole is a repeat.
- ``structure-stacked-headings``: numbered heads of one sequence following each other with no body, while
  the other sections of the sequence have one — reported once per stack.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional

import regex

from ..analyses import issues
from ..finding import Rule
from ..layout import Block
from ..rule import page_rule
from . import sequence as _seq
from .enumeration import common as _enum

DUPLICATE_BLOCK = Rule(
    id="duplicate-block",
    category="duplicate",
    severity="warning",
    summary="同一个小节（标题及其下的短段落）在版面上印了两次",
    explanation="""\
电子版按栏读出或拼版出错时，一个小节会被印两次：同一个小标题和它下面的一句引语、一段短文，换了一个编号
又出现一遍。每一段都很短，不到重复段落规则的字数下限，逐段比较发现不了；把“编号标题＋其下各段”作为一个
整体比较就能发现。本规则在后一次出现处报告，并指出它重复的是哪一个小节（去掉编号后标题和正文完全相同，
正文合计至少 min_chars 字）。没有编号的小标题（或标题）连同其下的短段落原样再出现一次，同样报告；
其下各段都够长（30 字以上）时由 duplicate-paragraph 逐段报告，本规则不重复报告。

A numbered section (its head without the number, and the paragraphs under it) printed again under
another number, however short its paragraphs; or an unnumbered heading and its short paragraphs printed
again whole.""",
    bad="一、坚持人民至上\n\n“民之所忧，我必念之。”\n\n二、坚持自信自立\n\n“路是走出来的。”\n\n三、坚持人民至上\n\n“民之所忧，我必念之。”\n",
    good="一、坚持人民至上\n\n“民之所忧，我必念之。”\n\n二、坚持自信自立\n\n“路是走出来的。”\n\n三、坚持守正创新\n\n“守正才能不迷失方向。”\n",
    options=(("min_chars", 8),),
    examples=[
        {"text": "一、坚持人民至上\n\n“民之所忧，我必念之。”\n\n二、坚持自信自立\n\n“路是走出来的。”\n\n"
                 "三、坚持人民至上\n\n“民之所忧，我必念之。”\n", "fires": True, "date": None},
        {"text": "一、坚持人民至上\n\n“民之所忧，我必念之。”\n\n二、坚持自信自立\n\n“路是走出来的。”\n\n"
                 "三、坚持守正创新\n\n“守正才能不迷失方向。”\n", "fires": False, "date": None},
        {"text": "## 示范区召开民生工作会议\n\n本报讯 会议总结了今年的民生工作。\n\n### 民生实事\n\n“群众的事再小也是大事。”\n\n"
                 "### 营商环境\n\n“企业有呼声，政府有回应。”\n\n### 民生实事\n\n“群众的事再小也是大事。”\n",
         "fires": True, "date": None},
        {"text": "## 示范区召开民生工作会议\n\n本报讯 会议总结了今年的民生工作。\n\n### 民生实事\n\n“群众的事再小也是大事。”\n\n"
                 "### 营商环境\n\n“企业有呼声，政府有回应。”\n\n### 民生实事\n\n“件件有着落，事事有回音。”\n",
         "fires": False, "date": None},
    ],
)

STACKED = Rule(
    id="structure-stacked-headings",
    category="structure",
    severity="warning",
    summary="编号小标题叠在一起，中间没有正文（其他小节都有正文）",
    explanation="""\
同一序列的编号小标题（一、 （一） 1.）一个接一个排在一起，中间没有正文，而这一序列的其他小节都有正文：
多是正文被排到了别处或漏排，或标题多余。一组叠在一起的标题只报告一次，列出这一组标题。
目录、提纲式的列表（各项都没有正文）不报告。Markdown 标题下没有内容的情况由 structure-empty-heading 报告。

Numbered section heads of one sequence set one after another with no body between them, while the
sequence's other sections have one: the body went elsewhere.  One finding per stack.""",
    bad="一、加强组织领导\n\n各单位要高度重视。\n\n二、强化责任落实\n\n三、严格督导检查\n\n督导组要定期通报。\n",
    good="一、加强组织领导\n\n各单位要高度重视。\n\n二、强化责任落实\n\n各乡镇要细化分工。\n\n三、严格督导检查\n\n督导组要定期通报。\n",
    examples=[
        {"text": "一、加强组织领导\n\n各单位要高度重视，主要负责同志亲自抓。\n\n二、强化责任落实\n\n三、严格督导检查\n\n"
                 "督导组要定期通报进展情况。\n\n四、抓好宣传引导\n\n要营造良好氛围。\n", "fires": True, "date": None},
        {"text": "一、加强组织领导\n\n各单位要高度重视，主要负责同志亲自抓。\n\n二、强化责任落实\n\n各乡镇要细化分工。\n\n"
                 "三、严格督导检查\n\n督导组要定期通报进展情况。\n", "fires": False, "date": None},
        {"text": "报名须知\n\n一、报名时间\n\n二、报名地点\n\n三、报名方式\n", "fires": False, "date": None},
    ],
)

_NORM = regex.compile(r"[\p{P}\s\u3000]+")
_CLAUSE = regex.compile(r"[，,。；;！？!?：:、]")  # a section head is a phrase: no clause marks after its number
_MAX_HEAD = 30  # a numbered line longer than this is a numbered paragraph, not a section head


@dataclass
class Section:
    head: Optional[_enum.Marker]  # None for an unnumbered heading
    head_block: Block
    body: List[Block]


def sections(page) -> Dict[str, List[Section]]:
    """The numbered sections of the page by family: each head with the text blocks under it (up to the
    next head of any family, a heading or a new article)."""
    blocks = page.layout.blocks
    all_heads = {mk.block: mk for ms in _seq.heads(page).values() for mk in ms}
    out: Dict[str, List[Section]] = {}
    for i, mk in sorted(all_heads.items()):
        hb = blocks[i]
        if len(_NORM.sub("", hb.text)) > _MAX_HEAD or _CLAUSE.search(hb.text, mk.end - hb.start):
            continue  # a numbered paragraph or list item: 一、今年以来，……。 / 2.李强在福建调研；
        body = []
        for b in blocks[i + 1:]:
            if b.index in all_heads or (b.kind == "heading" and (b.level > 0 or b.role == "title")):
                break  # the next section, or the next story
            if b.is_text:
                body.append(b)
        out.setdefault(mk.family, []).append(Section(mk, hb, body))
    return out


def _key(page, s: Section) -> str:
    head = page.text[s.head.end:s.head_block.end]
    return _NORM.sub("", head) + "|" + "|".join(_NORM.sub("", b.text) for b in s.body)


PARAGRAPH_MIN = 30  # duplicate-paragraph's own floor: a block whose paragraphs all reach it is that rule's
_PLAIN_HEAD = 2  # an unnumbered heading needs a word at least (the identical body is most of the evidence)


def plain_blocks(page, numbered: set) -> List[Section]:
    """Unnumbered headings (headlines, subheads) with the text blocks under each, up to the next heading;
    headings that :func:`sections` reads as numbered heads are left to it."""
    out, cur = [], None
    for b in page.layout.blocks:
        if b.is_heading:
            cur = None
            if b.index not in numbered:
                cur = Section(None, b, [])
                out.append(cur)
        elif cur is not None and b.is_text:
            cur.body.append(b)
    return out


def _earlier(page, prior: List[Section], s: Section):
    """The earlier copy to report ``s`` against: the first of its own day (issue), else the first of another
    day of a file holding several — archive context, at most ``info`` (severity, message tail)."""
    here = issues.issue_of(None, page, s.head_block.start)
    for first in prior:
        if issues.issue_of(None, page, first.head_block.start) == here:
            return first, None, ""
    other = issues.issue_of(None, page, prior[0].head_block.start)
    return prior[0], issues.cap(None, False), f"（另一日期 {other} 的一期，跨日期重复如属有意可忽略）"


def _repeats_unnumbered(rc, page, numbered: set) -> None:
    """A heading and the short paragraphs under it printed again under the same heading."""
    min_chars = rc.options["min_chars"]
    seen: Dict[str, List[Section]] = {}
    for s in plain_blocks(page, numbered):
        head = _NORM.sub("", s.head_block.text)
        if not s.body or len(head) < _PLAIN_HEAD:
            continue
        body = [_NORM.sub("", b.text) for b in s.body]
        sizes = [len(x) for x in body]
        if sum(sizes) < min_chars or min(sizes) >= PARAGRAPH_MIN:
            continue  # nothing under it, too little to tell, or paragraphs the duplicate rules compare
        k = head + "|" + "|".join(body)
        prior = seen.setdefault(k, [])
        prior.append(s)
        if len(prior) == 1:
            continue
        first, severity, tail = _earlier(page, prior[:-1], s)
        rc.report(s.head_block.start, s.head_block.end,
                  f"小节“{s.head_block.text[:16]}”（标题及其下{len(s.body)}段）与第{first.head_block.line}行的小节"
                  f"完全相同，重复印了一次{tail}",
                  related=[page.location(first.head_block.start, first.head_block.end, "第一次出现的小节")],
                  key=k[:40], severity=severity)


@page_rule(DUPLICATE_BLOCK)
def duplicate_block(rc):
    page = rc.page
    by_family = sections(page) if _enum._QUICK.search(page.text) else {}
    _repeats_unnumbered(rc, page, {s.head_block.index for secs in by_family.values() for s in secs})
    min_chars = rc.options["min_chars"]
    for fam, secs in by_family.items():
        seen: Dict[str, List[Section]] = {}
        for s in secs:
            if not s.body or sum(len(_NORM.sub("", b.text)) for b in s.body) < min_chars:
                continue
            k = _key(page, s)
            prior = seen.setdefault(k, [])
            prior.append(s)
            if len(prior) == 1:
                continue
            first, severity, tail = _earlier(page, prior[:-1], s)
            if first.head.value == s.head.value:
                continue  # the same number too: a restarted list or a reprint, not a block under another number
            line = page.linecol(first.head.start)[0]
            rc.report(s.head.start, s.head_block.end,
                      f"小节“{s.head_block.text[:16]}”（标题及其下{len(s.body)}段）重复了第{line}行的小节"
                      f"“{first.head_block.text[:16]}”，只是换了编号{tail}",
                      related=[page.location(first.head.start, first.head_block.end, "第一次出现的小节")],
                      key=k[:40], severity=severity)


@page_rule(STACKED)
def stacked_headings(rc):
    page = rc.page
    if not _enum._QUICK.search(page.text):
        return
    runs = []  # one sequence per run of rising numbers: a list restarted at 一 is another sequence
    for secs in sections(page).values():
        for s in secs:
            if runs and runs[-1][-1].head.family == s.head.family and s.head.value > runs[-1][-1].head.value:
                runs[-1].append(s)
            else:
                runs.append([s])
    for secs in runs:
        bodied = sum(1 for s in secs if s.body)
        if len(secs) < 3 or bodied < 2 or bodied * 2 < len(secs):
            continue  # an outline or a list of short items: heads without bodies by design
        i = 0
        while i < len(secs):
            j = i
            while j + 1 < len(secs) and not secs[j].body and secs[j + 1].head_block.index == \
                    secs[j].head_block.index + 1 and secs[j + 1].head.value == secs[j].head.value + 1:
                j += 1
            if j > i:
                stack = secs[i:j + 1]
                first = stack[0]
                lines = "、".join(f"第{s.head_block.line}行“{s.head_block.text[:12]}”" for s in stack)
                rc.report(first.head.start, first.head_block.end,
                          f"编号小标题叠在一起，中间没有正文：{lines}；其他小节都有正文，"
                          f"“{first.head_block.text[:12]}”的正文可能排到了别处或漏排",
                          related=[page.location(s.head.start, s.head_block.end, "叠在一起的标题")
                                   for s in stack[1:]], key="|".join(s.head_block.text[:12] for s in stack))
                i = j + 1
            else:
                i += 1
