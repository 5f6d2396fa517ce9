"""Continuation pairing: a paragraph's tail printed somewhere else on the page.

An e-paper page read in the wrong column order leaves a paragraph that stops mid-sentence
(……把群众工作做实做细，既) and, a column later (often under another article), a paragraph that starts
mid-sentence (要讲政策、讲感情……), mid-word (新驱动发展战略…, the second half of 创新) or with a closing quote
whose opening is elsewhere (……现代化产业新区。”).  This module pairs the two.

A page-level analysis collects the *open ends* (running text that stops without a sentence-final mark and
that the next block does not carry on — the pairs ``structure-split-paragraph`` reports are left to it)
and the *open starts* (running text that opens with something no sentence opens with, or whose first word
is a single character stranded from a word, or any body paragraph that the character model reads as the
continuation of an open end), scores every end × start join — a dictionary word across the
join (创|新), a quote or bracket opened on the left and closed on the right, a left half stopping on a
word that waits for more (既, 在, 的), the start itself, and the join score of the character n-gram model
(``analyses/charlm.py``, both reading directions) — and keeps the best pair for each end and start
when it is clearly better than the alternatives.  A lone odd start with no end to pair stays with
``structure-paragraph-fragment``.

Evidence from the page itself, beyond the join's few characters:

- a paragraph that opens with its own speaker and a verb of saying (王明表示，…, the ``speech`` analysis)
  starts a sentence of its own: the model alone never makes it a tail;
- lexical cohesion: a start printed under another article than the end's scores by how much more of its
  content bigrams (rare under the character model: 招聘, 泵站, not 的是) the end's article prints than
  its own article does — a moved tail reads like its head's article, a paragraph of another article
  reads like its own;
- local cohesion: a tail carries on its head's paragraph, so it shares that paragraph's rare bigrams (a
  name, a term) more than a paragraph about something else does (capped, and not for the paragraph right
  before the end, which shares its words as neighbours do);
- the word across the join printed whole elsewhere on the page (习近|平 beside 习近平总书记);
- a start that opens with a clause mark (，铁路……) is read after each end by how readily the model puts
  that mark there (``joins.mark_score``); a number cut in two counts on its own, but not before a date
  or a span of time that opens a sentence (增长5 | 2023年…, 20 | 5年前…);
- a head cut short that the layout reads as a subhead or, on a Markdown page, as a short unpunctuated
  line (16 characters or more, between paragraphs of its article, no spaced signature) is an open end;
- an end the next paragraph seems to carry on (``structure-split-paragraph``'s pair) may still pair
  elsewhere when that join is clearly better; the split rule then leaves it (:func:`paired_ends`);
- pairs are taken best first, and a rival join whose other half has already been paired no longer
  stands in the way of the next pair.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

import regex

from .. import hookimpl
from .. import layout as _layout
from ..analyses import issues
from ..analyses import joins as _joins
from ..analyses.dates import day_index
from ..analyses.tokens import window_tokenizer
from ..finding import Fix, Rule
from ..layout import BAD_OPEN_PUNCT, BOUND_OPENERS, DANGLING, DANGLING_WORDS, Block, unclosed, word_across
from ..rule import page_rule
from .structure import common as _structure

CONTINUATION = Rule(
    id="structure-continuation",
    category="structure",
    severity="warning",
    summary="段落的后半截被排到了版面别处：第N行的段落应接在第M行之后",
    explanation="""\
电子版按错误的栏序读出时，一个段落在句子中间结束（“……把群众工作做实做细，既”），它的后半截却在
版面的另一处、甚至另一篇稿件下面单独成段（“要讲政策、讲感情……”），有时从一个词的中间开始（“创新”的“新”：
“新驱动发展战略……”），或以闭合引号结尾而开引号在别处（“……现代化产业新区。”）。本规则把版面上在句中结束的
段落与在句中开始的段落配对：跨接缝能组成词典中的词、上一段的引号或括号在这一段才闭合、上一段停在等待
下文的词上（“既”“在”“的”）、这一段的开头不能起句（标点、助词、孤立的半个词），以及在两个完整的词之间断开、
没有任何词语痕迹时，由字符语言模型判断两段接起来读成一句话是否比各自成句通顺得多（“……始终坚持”｜“以群众满意为
标准……”），综合打分，只报告明显最佳的配对，指出“第N行的段落应接在第M行之后”，并给出把这段移回去接上的修复（需人工判断，unsafe）。
紧挨着的两段由 structure-split-paragraph 报告；找不到配对的怪异开头仍由 structure-paragraph-fragment 谨慎处理。
上一段停在哪些关联词上（既、不仅、虽然……）由数据包 continuation.toml 的 [[open_conjunction]] 给出，可扩展。
版面本身也提供证据：以“某某表示，”这类说话人开头的段落是自己的开头，不会只凭语言模型被当作后半截；候选段落与
上一半所在段落共用少见的词语（人名、术语）时加分；排在另一篇稿件下的候选段落，其用词更像上一半所在的稿件（而不是
所在稿件）时加分，反之减分；跨接缝的词在版面别处完整出现时加分；以逗号等标点开头的段落，看这个标点接在哪一段
末尾最自然。被配对到别处的上一半，不再由 structure-split-paragraph 当作与下一段拆开的一段报告。

A paragraph that stops mid-sentence and, elsewhere on the page, a paragraph that starts mid-sentence
which carries it on (a word across the join, a quote closed there, a clause that runs on — and, for a cut
between two whole words, a character n-gram model that reads the join as one sentence far more readily
than as two): the page's columns were read in the wrong order.  The fix moves the tail back (unsafe).""",
    bad="## 示范区推进基层治理\n\n会议要求，各村要把群众工作做实做细，既\n\n## 另一篇稿件\n\n本报讯 活动现场气氛热烈。\n\n"
        "要讲政策、讲感情，又要讲方法。\n",
    good="## 示范区推进基层治理\n\n会议要求，各村要把群众工作做实做细，既要讲政策、讲感情，又要讲方法。\n\n"
         "## 另一篇稿件\n\n本报讯 活动现场气氛热烈。\n",
    fixable=True,
    examples=[
        {"text": "## 示范区推进基层治理\n\n会议要求，各村要把群众工作做实做细，既\n\n## 另一篇稿件\n\n"
                 "本报讯 活动现场气氛热烈，群众纷纷点赞。\n\n要讲政策、讲感情，又要讲方法，切实解决群众的急难愁盼问题。\n",
         "fires": True, "date": None},
        {"text": "## 示范区加快转型\n\n近年来，示范区坚持实施创\n\n## 另一篇稿件\n\n本报讯 活动现场气氛热烈，群众纷纷点赞。\n\n"
                 "新驱动发展战略，推动产业转型升级取得明显成效。\n",
         "fires": True, "date": None},
        {"text": "## 示范区推进基层治理\n\n会议要求，各村要把群众工作做实做细，既要讲政策、讲感情，又要讲方法。\n\n"
                 "## 另一篇稿件\n\n本报讯 活动现场气氛热烈，群众纷纷点赞。\n\n新驱动发展战略的成效正在显现，产业转型升级明显加快。\n",
         "fires": False, "date": None},
        {"text": "## 示范区加快转型\n\n近年来，示范区坚持实施创新驱动发展战略。\n\n## 另一篇稿件\n\n"
                 "本报讯 活动现场气氛热烈，群众纷纷点赞。\n",
         "fires": False, "date": None},
    ],
)

RULES = [CONTINUATION]
_HAN = regex.compile(r"\p{Han}")
# A number that opens a sentence of its own: a date or a span of time (2023年4月, 7日下午, 5年前, 10多天来).
_DATE_OPEN = regex.compile(r"\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}日(?:上午|下午|中午|晚间|晚上|晚|凌晨|早上|清晨)"
                           r"|\d+(?:多|余)?(?:年|个月|天|周)(?:前|来|后|以来|里|间)")
_SPACED = regex.compile(r"\S[\s\u3000]+\S")
_BIGRAM = regex.compile(r"(?=(\p{Han}\p{Han}))")
_OPENERS = {"”": "“", "’": "‘", "）": "（", ")": "(", "》": "《", "」": "「", "』": "『"}
COMMON_WORD = 300  # jieba dictionary frequency of a word that is evidence on its own (创新 4681, 大宫 44)
HEADING_END_COST = 2  # the points more a pair needs when its head is a line the layout took for a subhead
CARRIED = 3  # the standing of the next paragraph when the split rule's evidence ties it to an open end
MIN_SCORE = 3  # what a pair needs: e.g. a common word across the join (2) and a stranded first character (1)
ADJACENT_MD, ADJACENT_PLAIN = 2, 2  # the standing of the next paragraph as the continuation of an open end
MANY_JOINS = 60  # candidate joins on a page beyond which a pair needs one point more
VERY_MANY_JOINS = 200  # ... and beyond which it needs three more (the model gives every join some points)
MARGIN = 1.5  # how much better than the runner-up (for its end and for its start) the best pair must be
# The character model's join score (analyses/charlm.join_score, nats: how much more probable the two halves
# read as one sentence than as two) counts (score - LM_FLOOR) / LM_SCALE points: a cut between two words
# leaves no word across it, but 坚持 | 以群众满意为标准 still reads on (about 9 nats), while an end before
# an ordinary paragraph opening (…合作 | 会议指出) does not.  Tuned on the planted moved tails of
# benchmarks/planted.py: a point per 3.5 nats above 2 keeps wrong pairings at or below today's.
LM_FLOOR, LM_SCALE = 2.0, 3.5
COHESION_RARITY = 9.0  # a bigram this rare (nats) is content (示范, 治理), not a function word pair (的是, 进行)
# Lexical cohesion of a start under another article than the end's: points per unit by which the share
# (by rarity) of its content bigrams that the end's article prints exceeds the share its own article prints.
COHESION = 9.0
# Local cohesion: a tail carries on its head's paragraph, so it shares that paragraph's rare words (a name, a
# term, a number's subject) more than a paragraph about something else does — points per unit of the share
# (by rarity) of the start's content bigrams that the end's paragraph prints, at most PARA_CAP.
PARA_COHESION, PARA_CAP = 30.0, 3.0
REPEATED = 2  # a run of 3+ characters across the join that the page prints elsewhere (习近|平)
LM_ALONE = 0.5  # the point more a pair needs when nothing but the model ties the two (…开放前沿 | 路好，驱车登高)


@dataclass
class _End:
    block: Block
    tail: str
    heading: bool = False  # a line the plain-text layout took for a subhead (a short cut head looks like one)
    carried: bool = False  # the next paragraph reads as its second half (structure-split-paragraph's pair)


@dataclass
class _Start:
    block: Block
    head: str
    odd: int  # how surely the paragraph cannot open a sentence (0: it can)
    why: str
    opens: bool = False  # it opens with a speaker and a verb of saying (王明表示，…): a paragraph's own start


@lru_cache(maxsize=200_000)
def _rarity(bigram: str) -> float:
    """How rare a bigram is in running text (nats under the character model): content, not function."""
    from ..analyses.charlm import model

    lm = model()
    return -(lm.p1(bigram[0]) + lm.p2(bigram[0], bigram[1]))


class _Page:
    """What the pairing reads from the whole page: the text (to find a phrase across a join printed
    elsewhere on it) and the content bigrams of blocks and articles (lexical cohesion), each read on first
    use."""

    def __init__(self, page):
        self.text = page.text
        self.blocks = page.layout.blocks
        self._bigrams: dict = {}
        self._article: dict = {}

    def bigrams(self, block: Block) -> frozenset:
        bg = self._bigrams.get(block.index)
        if bg is None:
            bg = self._bigrams[block.index] = frozenset(
                x for x in _BIGRAM.findall(block.text) if _rarity(x) >= COHESION_RARITY) \
                if block.is_text or block.kind == "heading" else frozenset()
        return bg

    def article(self, article: int) -> collections.Counter:
        counts = self._article.get(article)
        if counts is None:
            counts = self._article[article] = collections.Counter()
            for b in self.blocks:
                if b.article == article:
                    counts.update(self.bigrams(b))
        return counts

    def _share(self, block: Block, printed) -> float:
        """The share (by rarity) of the block's content bigrams for which ``printed(bigram)`` holds."""
        total = hit = 0.0
        for x in self.bigrams(block):
            w = _rarity(x)
            total += w
            if printed(x):
                hit += w
        return hit / total if total else 0.0

    def cohesion(self, block: Block, article: int) -> float:
        """The share (by rarity) of the block's content bigrams that ``article`` prints elsewhere."""
        counts = self.article(article)
        least = 1 if block.article == article else 0  # (the block's own printing does not count)
        return self._share(block, lambda x: counts.get(x, 0) > least)

    def shared(self, block: Block, other: Block) -> float:
        """The share (by rarity) of the block's content bigrams that the ``other`` block prints."""
        theirs = self.bigrams(other)
        return self._share(block, theirs.__contains__)

    def repeated_across(self, tail: str, head: str) -> str:
        """The longest run of Han characters across the join (3 or more, both sides) that the page prints
        elsewhere: a name or a term cut in two (习近|平, 中国式|现代化) that the page spells out whole."""
        best = ""
        for k in range(1, 7):
            if k > len(tail) or not _HAN.match(tail[-k]):
                break
            for m in range(1, 7):
                if m > len(head) or not _HAN.match(head[m - 1]):
                    break
                x = tail[-k:] + head[:m]
                if k + m < 3:
                    continue
                if x not in self.text:
                    break
                if len(x) > len(best):
                    best = x
        return best


def _open_conjunctions() -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    """(word, the words that answer it) of the ``[[open_conjunction]]`` pack entries, longest first."""
    from ..packs import entries

    out = {}
    for e in entries("open_conjunction"):
        out[str(e["word"])] = tuple(w for w in str(e.get("then") or "").split("|") if w)
    return tuple(sorted(out.items(), key=lambda x: len(x[0]), reverse=True))


def _word_freq(word: str) -> int:
    return window_tokenizer().FREQ.get(word, 0)


def _orphan_closer(head: str) -> Optional[str]:
    """A closing quote or bracket in ``head`` before any opening one of its kind: ……产业新区。”"""
    for c, o in _OPENERS.items():
        j = head.find(c, 0, 200)
        if j >= 0 and head.find(o, 0, j) < 0:
            return c
    return None


def _start_oddness(head: str) -> Tuple[int, str]:
    if head[0] in BAD_OPEN_PUNCT:
        return 3, f"以“{head[0]}”起首"
    why = _structure.fragment_reason(head)
    if why:
        return 3, why
    if head[0] in BOUND_OPENERS and (_HAN.match(head[1:2] or "a") or head[1:2].isdigit()) and \
            _layout._first_word(head) == head[0]:
        return 3, f"以“{head[0]}”起首"
    c = _orphan_closer(head)
    if c:
        return 1, f"“{c}”在段内没有对应的开引号或括号"  # (a quotation may run over paragraphs)
    return 0, ""


def _carried_on(blocks: List[Block], i: int) -> bool:
    """Block ``i`` is carried on by the next one (the join structure-split-paragraph judges)."""
    if i + 1 >= len(blocks):
        return False
    b, nxt = blocks[i], blocks[i + 1]
    if nxt.article != b.article or not _structure.continuation_ok(nxt):
        return False
    return bool(_structure.split_evidence(_structure.clean(b.text), nxt.text))


def _speech_openings(page) -> set:
    """Blocks that open with a speaker and a verb of saying (李明指出，… / 他说：“…): the speech analysis
    accepts a speaker only when the words before the verb make a plausible subject, so such a paragraph
    starts a sentence of its own; it is no tail cut from another paragraph."""
    blocks = page.layout.blocks
    return {s.block for s in page.analysis("speech").speeches if s.start - blocks[s.block].start <= 1}


def _short_cut_head(blocks: List[Block], i: int) -> bool:
    """A body line that reads as a headline only because it is short and has no clause mark (the first
    half of a split may look like that), between running text of its own article, and no short phrase:
    a paragraph's head cut short by the column break (……从国家卫生健康委获)."""
    b = blocks[i]
    if not (0 < i < len(blocks) - 1 and _structure.short_unpunctuated(b)):
        return False
    above, below = blocks[i - 1], blocks[i + 1]
    return (above.article == b.article == below.article and above.is_text and below.is_text
            and len(_structure.clean(b.text)) >= _structure.CUT_HEAD_CHARS)


def _ends_and_starts(blocks: List[Block]):
    ends, starts = [], []
    for i, b in enumerate(blocks):
        if _structure.open_end(b):
            tail = _structure.clean(b.text)
            if not _structure._lead_in_mark(tail) and not _structure._TABULAR.search(tail):
                ends.append(_End(b, tail, carried=_carried_on(blocks, i)))
        elif (_structure.cut_head_like_subhead(blocks, i) or _short_cut_head(blocks, i)) and \
                not _SPACED.search(_structure.clean(b.text)):  # (……乡村医生 黄 海: a signature, not a cut head)
            ends.append(_End(b, _structure.clean(b.text), heading=True, carried=_carried_on(blocks, i)))
        if b.kind == "body" and _structure.running_text(b) and _structure.continuation_ok(b):
            if i > 0 and _structure.open_end(blocks[i - 1]) and _carried_on(blocks, i - 1):
                continue  # the second half of a split the split rule reports
            head = _structure.clean(b.text)
            if head:
                odd, why = _start_oddness(head)
                starts.append(_Start(b, head, odd, why))
    return ends, starts


def _score(end: _End, start: _Start, conj: tuple, pg: Optional[_Page] = None) -> Tuple[float, List[str]]:
    tail, head = end.tail, start.head
    score, why = 0, []
    word = word_across(tail, head)
    if word:
        # a common word is evidence; a rare one (大|宫, a name cut) little: any two characters make one
        score += (2 if _word_freq(word) >= COMMON_WORD else 1) + (1 if len(word) >= 3 else 0)
        why.append(f"跨接缝组成“{word}”")
        if len(_layout._first_word(head)) == 1 and _HAN.match(head[0]):
            score += 1
            why.append(f"这一段的“{head[0]}”是半个词")
    # the page prints the word across the join whole elsewhere, in a longer run (习近|平总书记 and 习近平总书记):
    # two words that merely abut (未来|中国) prove nothing, however often the page has them side by side
    repeated = pg.repeated_across(tail, head) if pg is not None and word else ""
    if repeated and word in repeated:
        score += REPEATED
        why.append(f"跨接缝的“{repeated}”在版面别处完整出现")
    digits = tail[-1:].isdigit() and (head[:1].isdigit() or head[:1] in _layout.NUMBER_UNITS or (
        head[:1] in ".．" and head[1:2].isdigit()))  # 969 | .3亿元
    if digits and _DATE_OPEN.match(head):
        digits = False  # 增长5 | 2023年4月…… / 20 | 5年前……: a date opens a sentence, it carries no number on
    if digits:
        score += 3
        why.append("一个数字与其后文被拆开")
    pair = unclosed(tail, head)
    if pair:
        score += 3
        why.append(f"上一段的“{pair[0]}”在这一段才闭合")
    last = _layout._last_word(tail) if _HAN.match(tail[-1]) else ""
    hit = next(((w, then) for w, then in conj if tail.endswith(w)), None)
    if hit and last.endswith(hit[0][-1]):
        score += 3
        why.append(f"上一段停在关联词“{hit[0]}”上")
        first = regex.split(r"[。！？；]", head, maxsplit=1)[0]
        answer = next((w for w in hit[1] if w in first), None)
        if answer:
            score += 2
            why.append(f"这一段有与之呼应的“{answer}”")
    elif last and len(last) == 1 and (last in DANGLING or last in DANGLING_WORDS):
        score += 1
        why.append(f"上一段停在“{last}”上")
    if tail[-1] in "，,、" and _HAN.match(head[0]):
        score += 1
        why.append(f"上一段以“{tail[-1]}”结束，句子接着往下说")
    if start.odd:
        score += start.odd
        why.append(f"这一段{start.why}")
    alone = not start.odd and not word and not pair and not hit and not repeated and not digits
    if alone and (start.opens or (tail[-1:].isdigit() and head[:1].isdigit())):
        return 0, []  # (decided before the model is asked: see below)
    lm = _lm_points(tail, head)
    if alone and lm <= LM_ALONE:
        # an ordinary start after an ordinary open end: only the model can tie the two, and it must be surer
        # (and not at all when the paragraph opens with its own speaker, 王明表示，…, nor across two digits
        # that make no number, which the model reads as 0|0 like any other)
        return 0, []
    coh = 0.0
    if pg is not None and start.block.article != end.block.article:
        # a tail printed under another article reads like its head's article, not like its host; a
        # paragraph of another article that reads like its own is no tail of this one
        coh = COHESION * (pg.cohesion(start.block, end.block.article) - pg.cohesion(start.block, start.block.article))
    local = 0.0
    if pg is not None and start.block.index != end.block.index - 1:
        # (the paragraph right before the end shares its words as neighbours do: no evidence of a join)
        local = min(PARA_CAP, PARA_COHESION * pg.shared(start.block, end.block))
    if alone:
        # (the model alone ties the two: a start that reads like another article counts against the pair,
        # one that reads like the end's article does not make it; one that shares the end's paragraph's
        # words does)
        return lm - LM_ALONE + min(coh, 0.0) + local, ["两段接起来读成一句话比各自成句通顺得多"] + _local_why(local)
    coh += local
    if lm > 0:
        score += lm
        why.append("两段接起来读成一句话比各自成句通顺得多")
    return score + coh, why + _cohesion_why(coh - local) + _local_why(local)


def _cohesion_why(coh: float) -> List[str]:
    return ["这一段的用词与上一半所在的稿件相合"] if coh >= 1 else []


def _local_why(local: float) -> List[str]:
    return ["这一段与上一半用词相同"] if local >= 1 else []


def _lm_points(tail: str, head: str) -> float:
    """Points for how much better the character model reads ``tail`` + ``head`` as one sentence: for a cut
    between two characters of running text, and for a start that opens with a clause mark after an end on
    running text (how readily that mark follows that end)."""
    s = _joins.score(tail, head)
    if s is None:
        s = _joins.mark_score(tail, head)  # ……在港避风 | ，铁路深湛线……: which end the mark follows
    return 0.0 if s is None else max(0.0, (s - LM_FLOOR) / LM_SCALE)


@dataclass
class Candidates:
    """A page's open ends and starts, every join that scored, the scores each end and start could take,
    and the score a pair needs on this page (what :func:`pairs` chooses from; diagnostics read it too)."""
    ends: List[_End]
    starts: List[_Start]
    scored: list  # [(score, end, start, reasons)]
    best_for_end: dict  # end's block index -> [(score, start's block index; -1: the next paragraph's standing)]
    best_for_start: dict  # start's block index -> [(score, end's block index)]
    need: float


def candidates(page, conj: Optional[tuple] = None) -> Optional[Candidates]:
    blocks = page.layout.blocks
    ends, starts = _ends_and_starts(blocks)
    if not ends or not starts:
        return None
    opening = _speech_openings(page)
    for s in starts:
        s.opens = s.block.index in opening
    pg = _Page(page)
    conj = _open_conjunctions() if conj is None else conj
    scored = []
    # a page of several days (a week in one file): a paragraph carries on only within its own day (issue)
    days = issues.day_starts(None, page)
    day = (lambda b: day_index(days, b.start)) if days else (lambda b: 0)
    for e in ends:
        for s in starts:
            if s.block.index == e.block.index + 1 or s.block.index == e.block.index:
                continue  # next to each other: the split rule's business
            if day(s.block) != day(e.block):
                continue
            sc, why = _score(e, s, conj, pg)
            if e.heading:
                sc -= HEADING_END_COST  # a real subhead is likelier than a cut head: ask for more
            if sc > 0:
                scored.append((sc, e, s, why))
    best_for_end: dict = {}
    best_for_start: dict = {}
    plain = _layout.plain_page(blocks)
    for e in ends:
        i = e.block.index
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if e.carried:
            # the next paragraph carries it on with evidence at the join (the split rule's pair): a tail
            # elsewhere has to be clearly better than that pair
            h = _structure.clean(nxt.text)
            odd, why = _start_oddness(h)
            best_for_end.setdefault(i, []).append((CARRIED + _score(e, _Start(nxt, h, odd, why), conj)[0], -1))
        elif nxt is not None and nxt.article == e.block.article and _structure.continuation_ok(nxt):
            # the paragraph right after it may carry it on without evidence at the join (the split rule's
            # reading on a Markdown page): a pairing elsewhere has to be clearly better than that
            # (unless it opens with its own speaker, 王明表示，…: a sentence of its own, whatever the model says)
            adjacent = ADJACENT_PLAIN if plain else ADJACENT_MD
            if nxt.index not in opening:
                best_for_end.setdefault(i, []).append((adjacent + _lm_points(e.tail, _structure.clean(nxt.text)), -1))
    for sc, e, s, _ in scored:
        best_for_end.setdefault(e.block.index, []).append((sc, s.block.index))
        best_for_start.setdefault(s.block.index, []).append((sc, e.block.index))
    # many ends and starts on one page make chance joins likely (multiple comparisons): ask for more
    joins = sum(1 for e in ends for s in starts if day(s.block) == day(e.block)) if days else len(ends) * len(starts)
    need = MIN_SCORE + (1 if joins > MANY_JOINS else 0) + (3 if joins > VERY_MANY_JOINS else 0)
    return Candidates(ends, starts, scored, best_for_end, best_for_start, need)


def pairs(page, conj: Optional[tuple] = None) -> List[Tuple[_End, _Start, float, List[str]]]:
    """The page's continuation pairs, best first: (end, start, score, reasons); computed once per page
    (``structure-split-paragraph`` asks too) unless ``conj`` is given."""
    if conj is None:
        return page.cached("continuation-pairs", lambda: _pairs(page, _open_conjunctions()))
    return _pairs(page, conj)


def paired_ends(page) -> set:
    """Block indexes of the open ends this rule pairs with a tail elsewhere on the page: an end the next
    paragraph seemed to carry on, but whose tail is clearly elsewhere, is no split of that paragraph."""
    return {e.block.index for e, _, _, _ in pairs(page)}


def _pairs(page, conj: tuple) -> List[Tuple[_End, _Start, float, List[str]]]:
    c = candidates(page, conj)
    if c is None:
        return []
    out = []
    used_e, used_s = set(), set()
    todo = sorted((x for x in c.scored if x[0] >= c.need), key=lambda x: (-x[0], x[1].block.index, x[2].block.index))
    while True:
        # the best pair clearly better than every rival still open: a rival join whose other half has been
        # paired (better, and clearly) is no rival any more, so the page is read pair by pair
        for k, (sc, e, s, why) in enumerate(todo):
            if e.block.index in used_e or s.block.index in used_s:
                continue
            rival_e = max((x for x, j in c.best_for_end[e.block.index] if j != s.block.index and j not in used_s),
                          default=None)
            rival_s = max((x for x, j in c.best_for_start[s.block.index] if j != e.block.index and j not in used_e),
                          default=None)
            if (rival_e is not None and rival_e > sc - MARGIN) or (rival_s is not None and rival_s > sc - MARGIN):
                continue  # another join is nearly as good: the pairing is a guess
            used_e.add(e.block.index)
            used_s.add(s.block.index)
            out.append((e, s, sc, why))
            del todo[k]
            break
        else:
            return out


def _move_fix(text: str, left: Block, right: Block) -> Fix:
    """Move ``right`` (its paragraph, without its line) to the end of ``left``."""
    body = text[right.start:right.end]
    ls = text.rfind("\n", 0, right.start) + 1
    if right.start > left.end:
        return Fix(left.end, right.end, body + text[left.end:ls].rstrip("\r\n"))
    a = ls
    while a > 0 and text[a - 1] in "\r\n":
        a -= 1
    between = text[right.end:left.end]
    return Fix(a, left.end, (between.lstrip("\r\n") if a == 0 else between) + body)


@page_rule(CONTINUATION)
def continuation(rc):
    page = rc.page
    for e, s, _, why in pairs(page):
        other = "" if e.block.article == s.block.article else "（排在另一篇稿件下）"
        rc.report(s.block.start, min(s.block.end, s.block.start + 4),
                  f"第{s.block.line}行的段落应接在第{e.block.line}行之后{other}："
                  f"“…{e.tail[-6:]}｜{s.head[:6]}…”，{'；'.join(why)}",
                  related=[page.location(max(e.block.start, e.block.end - 1), e.block.end, "上一半在此结束")],
                  fix=_move_fix(page.text, e.block, s.block), key=e.tail[-8:] + s.head[:8])


@hookimpl
def newslint_pack_sections():
    """rules/continuation.toml: conjunctions a paragraph cannot stop on."""
    return {"open_conjunction": {"word": str, "note": str, "then": str}}
