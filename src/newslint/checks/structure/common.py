"""What the structure rules share: reading a block (running text, an open end, a heading-like line),
the word and layout evidence of a split, and the page's paragraph breaks (``breaks``: one analysis per
page for the split, truncated and fragment rules)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Optional, Set

import regex

from ... import layout as _layout
from ...analyses.joins import score
from ...analyses.tokens import window_tokenizer
from ...finding import Fix
from ...layout import BAD_OPEN_PUNCT as _BAD_OPEN_PUNCT
from ...layout import Block, ends_sentence, join_evidence, word_across

# ---- reading a block --------------------------------------------------------------------------
_WS = " \t\u3000\u00a0\ufeff"
# Markdown residue at the end of a line: hard-break backslashes, escaped or plain emphasis marks.
_TRAIL_MARKUP = regex.compile(r"(?:\\\*|\\_|\\|[*_]|[\s\u3000])+$")
_TRAIL_CHAR = regex.compile(r"[\\*_\s\u3000]")  # what _TRAIL_MARKUP strips, one character at a time


def _trail_start(text: str) -> int:
    """Where the trailing run of _TRAIL_MARKUP begins: walked back from the end, so a long run of
    spaces inside a line costs its length once (``_TRAIL_MARKUP.sub`` retried it from every position)."""
    i = len(text)
    while i and _TRAIL_CHAR.match(text, i - 1):
        i -= 1
    return i


_LEAD_MARKUP = regex.compile(r"^(?:\\\*|\\_|[*_>]|[\s\u3000])+")
# Enumerators that open a list item or a numbered section heading: 一、 （一） 1. 1\. 1、 ① (1)
_ENUM = regex.compile(
    r"^(?:[一二三四五六七八九十百]{1,3}[、．.]|[（(][一二三四五六七八九十百\d]{1,3}[）)]|\d{1,3}(?:\\?[.．](?!\d)|、)"
    r"|[①-⑳⑴-⒇])")
_JUMP_NOTE = regex.compile(r"转|版|待续|完|摄|记者|通讯员|编辑")
_DECIMAL = regex.compile(r"^\d+[.．]\d")
_CLAUSE_PUNCT = regex.compile(r"[，,、；;：:。！？!?]")
_HAN = regex.compile(r"\p{Han}")
# Particles no paragraph can open with.
_BAD_OPEN_PARTICLES = {"的", "了", "着", "吗", "呢", "吧"}  # 地/得/过/之 also open words (地更绿, 过江)
# Locatives (方位词) that need a word before them; a sentence may open with one only before a comma
# (期间，… / 此后…), never straight into a verb: 期间开展的…  Source: 《现代汉语词典》方位词 usage.
# (之后/之前/前后/左右/当中 also open sentences in ordinary usage — 左右两侧, 前后两次 — and are left out.)
_BOUND_LOCATIVES = {"期间", "以来", "之际", "之间", "之中", "之下", "之内", "以内", "之外", "以外",
                    "为止", "之余", "之初"}
_LOCATIVE_PREFIXES = tuple(_BOUND_LOCATIVES)


@lru_cache(maxsize=1024)  # (a page's blocks: the rules ask within a page)
def clean(text: str) -> str:
    """The block's text without Markdown residue around it (remembered: the structure rules and the
    continuation pairing ask it of the same blocks many times)."""
    t = text[:_trail_start(text)]
    t = _LEAD_MARKUP.sub("", t)
    return t


def heading_like(block: Block) -> bool:
    """A block that reads as a headline, signature, date or section title rather than running text."""
    if block.kind == "heading":
        return True
    if block.kind == "dateline":
        # 本报讯（记者…）… opens running text however short it is; 新华社北京1月3日电 alone on its line does not
        return block.role == "alone"
    if block.kind == "credit" or block.role in ("production", "field"):
        return True  # 版式设计：某某 / 开馆时间：… — not running text
    raw = block.text.strip(_WS)
    if raw.startswith(("**", "__")) and raw.rstrip("\\*_" + _WS).endswith(("**", "__")) or (
            raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and raw.count("**") == 2):
        return True  # a bold line: **以色列继续空袭加沙地带多地目标**
    t = clean(raw)
    if not t:
        return True
    if _ENUM.match(t):
        return True
    if t[0] in "（(" and t[-1] in "）)":
        return True  # a whole-line parenthesis: （2024年7月18日…通过）
    if len(t) <= 40 and not _CLAUSE_PUNCT.search(t):
        return True  # a headline, a signature (中华人民共和国主席　习近平), a date
    return False


def _bold_line(text: str) -> bool:
    """A whole line set in Markdown bold: **以色列继续空袭加沙地带多地目标**"""
    raw = text.strip(_WS)
    return raw.startswith(("**", "__")) and raw.rstrip("\\*_" + _WS).endswith(("**", "__")) or (
        raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and raw.count("**") == 2)


def short_unpunctuated(block: Block) -> bool:
    """A body line that reads as a headline only because it is short and has no clause punctuation
    (not bold, not numbered, not parenthesised): the first half of a split may look like that."""
    raw = block.text.strip(_WS)
    t = clean(raw)
    if block.kind != "body" or not t or raw.startswith(("**", "__")) or _ENUM.match(t) or (
            t[0] in "（(" and t[-1] in "）)") or _CLAUSE_PUNCT.search(t) or len(t) > 40:
        return False
    return (bool(_HAN.match(t[-1])) or t[-1].isdigit()) and not ends_sentence(t)


def split_evidence(left: str, right: str) -> Optional[str]:
    """What shows that ``left`` and ``right`` are one sentence (see :func:`newslint.layout.join_evidence`), or
    that ``left`` stops on a word no clause ends on (:func:`newslint.layout.open_end_evidence`)."""
    return join_evidence(left, right) or (
        _reads_on(clean(left), right, _layout.open_end_evidence(clean(left))) or _speaker_above(left, right)
        if right and continuation_start(right) else None)


def _reads_on(tail: str, head: str, why: Optional[str], need: Optional[float] = None) -> Optional[str]:
    """``why`` — evidence from the first line alone that it stops mid-sentence (a word no clause ends on, a clause
    one or two characters long) — when the next line does not open a sentence of its own: the character model
    reads the two on as one at least as well as apart.  (A cut line whose rest was moved elsewhere stands over a
    paragraph that opens its own sentence: that is no split, and no fix may join the two.)"""
    if not why:
        return None
    s = score(tail, clean(head))
    return why if s is not None and s >= (_READS_ON if need is None else need) else None


_READS_ON = 0.0  # nats (see :func:`_reads_on`)
# The first line under a title or a subhead, of display length, holding whole sentences and stopping without a mark,
# on a page that does not indent its paragraphs: a lead or a pull quote unless the model reads it on into the next
# line by this much (nats; a pull quote's last clause is whole, so the two read about as well apart as joined —
# the rmrb month set as web text has its pull quotes between -2 and 1.5 — while the planted splits' first halves
# under a title lose nothing at 2 or at 4).
_LEAD_READS_ON = 2.0


def _speaker_above(left: str, right: str) -> Optional[str]:
    """A line that opens on a verb of saying and its comma or colon — 表示，  指出：  (the ``quote_verb`` words
    of rules/duplicate.toml) — has its speaker or document at the end of the line above: ……副总裁周学军 | 表示，……
    No paragraph opens on the verb alone."""
    t = left.rstrip(_WS)
    if not t or not _HAN.match(t[-1]):
        return None
    m = _SAYS.match(right.lstrip(_WS))
    if not m:
        return None
    from ...analyses.words import words

    if m.group(1) not in words("quote_verb"):
        return None
    return f"下一段以“{m.group(1)}”开头，说话的人或文件在上一行末尾"


_SAYS = regex.compile(r"^(\p{Han}{1,2})[，,：:]")


def continuation_start(text: str) -> bool:
    """A line that can carry a sentence on: it opens on a character of running text or a quote."""
    t = text.strip(_WS)
    return bool(t) and (bool(_HAN.match(t[0])) or t[0].isdigit() or t[0] in "“‘「『《")


def running_text(block: Block) -> bool:
    return block.kind in ("body", "dateline") and block.role != "alone" and not heading_like(block)


def open_end(block: Block) -> bool:
    """Running text that stops without a sentence-final mark."""
    if not running_text(block):
        return False
    t = clean(block.text)
    if not t or ends_sentence(t):
        return False
    seg = regex.split(r"\u3000{2,}|\s{3,}", t)[-1]  # ……华章。　　数据来源：某某  (a credit after the text)
    if seg is not t and seg and (_layout.conventions().credit.match(seg) or _layout.FIELD_RE.match(seg)):
        return False
    if t[-1] in "）)":
        # a closing note: ……。（完） ……（下转第2版） ……。（记者 王明）— judge the text before it
        open_at = max(t.rfind("（"), t.rfind("("))
        if open_at < 0 or _JUMP_NOTE.search(t[open_at:]):
            return False
        if open_at > 0 and ends_sentence(t[:open_at]):
            return False
    last = t[-1]
    if last in "%％" or (last in ".．" and len(t) > 1 and t[-2].isdigit()):
        return True  # 14% | 左右…  76. | 4公里
    if _CAPS_END.search(t):
        return True  # ……9月CP | I上涨  (a short capitalised abbreviation right after Han text)
    # an end on an ASCII word or a dash may be a code, a URL or a lead-in; Han, digits, quotes, commas are not
    return bool(_HAN.match(last)) or last.isdigit() or last in "，,、“‘「『《（(—”’」』》）)"


_CAPS_END = regex.compile(r"\p{Han}[A-Z]{1,5}$")


def continuation_ok(block: Block) -> bool:
    """Can this block be the second half of a split paragraph?"""
    t = block.text.strip(_WS)
    if block.role in ("production", "field") or (
            block.kind != "body" and not (block.kind == "list" and _DECIMAL.match(t))):
        return False  # (a list item "3.5%…" read from a number split at its decimal point is fine)
    if not t or t.startswith(("#", "**", "__", ">", "[", "|", "-", "*")) or _ENUM.match(t):
        return False
    if t[0] in ".．" and t[1:2].isdigit():
        return True  # the decimals of a number split at its point: 969 | .3亿元
    if t[0].isascii() and t[0].isupper() and _HAN.search(t[1:8]):
        return True  # the rest of an abbreviation cut at the break: CP | I上涨
    if t[0] in "·•+" and _HAN.match(t[1:2] or "a"):
        return True  # the rest of a name cut at its dot (哈伊里 | ·图尔克), of a term cut at its plus (互联网 | +监管)
    return bool(_HAN.match(t[0])) or t[0] in "“‘「『《" or t[0].isdigit() or t[0] in _BAD_OPEN_PUNCT


# ---- word evidence ----------------------------------------------------------------------------
def _tokenizer():
    """jieba for the short windows this rule segments (12 characters at a join or a paragraph start):
    the window tokenizer reads jieba's dictionary from the memory-mapped lexicon, so no 0.5 s load."""
    return window_tokenizer()


def fragment_reason(text: str) -> Optional[str]:
    """Why a paragraph cannot open this way, or None."""
    t = clean(text)
    if not t:
        return None
    ch = t[0]
    if ch in _BAD_OPEN_PUNCT:
        return f"以标点“{ch}”起首"
    if not _HAN.match(ch):
        return None
    if ch not in _BAD_OPEN_PARTICLES and not t.startswith(_LOCATIVE_PREFIXES):
        return None  # nothing to segment: the opening cannot be one of ours
    tokens = [w for w, _, _ in _tokenizer().tokenize(t[:12], HMM=False)]
    first = tokens[0]
    nxt = tokens[1] if len(tokens) > 1 else ""
    if first in _BAD_OPEN_PARTICLES and nxt and _HAN.match(nxt[0]):
        return f"以助词“{first}”起首"
    if first in _BOUND_LOCATIVES and nxt and _HAN.match(nxt[0]):
        return f"以方位词“{first}”直接起首（“{first}”前面通常要有表示时间或范围的词语）"
    return None


_CLAUSE_END = "，,、"
_SENTENCE_INSIDE = regex.compile(r"[。！？!?]")


# Columns set apart by runs of spaces: a schedule, a table, a notice's fields (主要内容　　……　　……).
_TABULAR = regex.compile(r"\S(?:\u3000{2,}|[ \u00a0]{3,})\S")
# The last clause of a lead-in to a list: 有以下几点 | 一、……  主要原因， | 一是……
_LEAD_IN = regex.compile(r"(?:以下|如下|下列|几点|几条|几个方面|[^，,。；;]{0,12}[，,、])$")
_ORDINAL_OPEN = regex.compile(r"^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要|一方面|其一|首先|第一)")


def _lead_in_mark(tail: str) -> bool:
    """A line that hands over to the next one: ……最豪迈的誓言——  /  ……情况如下："""
    return tail.endswith("——") or tail[-1] in ":："


def _between_headings(blocks: List[Block], i: int) -> bool:
    """An unmarked line in a run of unmarked headings: an item of a programme or a list of points."""
    return 0 < i < len(blocks) - 1 and all(x.kind == "heading" and x.role in _layout.INNER_HEADINGS
                                           for x in (blocks[i - 1], blocks[i + 1]))


def _unmarked_style(blocks: List[Block], article: int) -> bool:
    """An article whose paragraphs do not end with a mark as a rule (an advertorial, a notice): three or
    more paragraphs of running text without a final mark, a third of them or more."""
    def unmarked(b):  # (a paragraph with a full stop inside and none at its end was cut, whatever the style)
        t = clean(b.text)
        return bool(t) and not ends_sentence(t) and t[-1] not in "，,、；;：:—" and not _SENTENCE_INSIDE.search(t)

    texts = [b for b in blocks if b.is_text and b.kind == "body" and not b.role and b.article == article]
    n = sum(1 for b in texts if unmarked(b))
    return n >= 3 and n * 3 >= len(texts)


def _in_unmarked_run(blocks: List[Block], i: int, run: int = 3) -> bool:
    """The ``run`` lines before ``blocks[i]`` in its article (headlines aside) all end without a
    sentence-final mark: a box of items set line by line (facts of a sidebar, a programme, a listing),
    whose last line ends as its items do."""
    before = [x for x in blocks[max(0, i - run):i] if x.article == blocks[i].article and x.role != "title"]
    def ends_item(t: str) -> bool:  # a full stop ends an item; a colon only introduces one (第一届春晚：)
        return ends_sentence(t) and t[-1:] not in "：:"

    return len(before) == run and not any(ends_item(clean(x.text)) for x in before)


def _usual_gap(blocks: List[Block]) -> int:
    """Blank lines between two paragraphs of running text on this page, as it usually sets them."""
    gaps = [b.blank_before for a, b in zip(blocks, blocks[1:]) if a.is_text and b.is_text]
    if not gaps:
        return 1
    return max(set(gaps), key=gaps.count)


def _plain_split_evidence(blocks: List[Block], i: int, tail: str, gap: int) -> Optional[str]:
    """Evidence of a split on a plain-text page beyond the join itself: a line that stops on a comma
    (unless it is one of a run of such lines — verse, a toast, a list set line by line), or a
    paragraph that holds whole sentences and stops mid-sentence where the page sets its paragraphs
    (no extra blank line between the two)."""
    b, nxt = blocks[i], blocks[i + 1]
    if nxt.blank_before != gap and nxt.blank_before > 0:
        return None  # set off by a blank line the page does not put between paragraphs
    nt = clean(nxt.text)
    if _layout.conventions().section_label.match(nt) or _ENUM.match(nt) or _ORDINAL_OPEN.match(nt):
        return None  # a lead-in to a list or a numbered point: 主要原因， | 一是……
    if tail[-1] in _CLAUSE_END:
        prev = blocks[i - 1] if i > 0 else None
        in_run = (prev is not None and prev.is_text and clean(prev.text)[-1:] in _CLAUSE_END + "；;") or (
            nt[-1:] in _CLAUSE_END + "；;")
        verse = len(tail) <= 24 and len(nt) <= 24  # a couplet, a toast, a salutation set line by line
        return None if in_run or verse else f"上一段以“{tail[-1]}”结尾"
    if len(tail) > 40 and len(_CLAUSE_PUNCT.findall(tail)) >= 2 and tail[-1] in "了着过":
        return f"上一段以“{tail[-1]}”结尾，句子没有说完"  # 共同打造了 | “优秀作品”……
    openings = _layout.conventions().body_opening
    opening = openings.match(tail)
    if opening and len(tail) > opening.end() + 2 and not openings.match(nt):
        # 某某表示，十四届全国人大二次会议 | 将于……: no headline, lead or pull quote opens that way, so the line is
        # running text without its final mark — cut, when the next line reads on from it (and does not open a
        # sentence of its own the same way: 1958年5月1日，…… | 1978年5月1日，…… is a chronology set line by line)
        why = _reads_on(tail, nt, f"上一段以正文的句式“{opening.group()}”开头，却在句子中间结束")
        if why:
            return why
    if not b.indented and _SENTENCE_INSIDE.search(tail[:-1]) and not _lead_in_mark(tail) and not (
            _under_title(blocks, i) and len(tail) <= _DISPLAY_CHARS and _reads_on(tail, nt, "lead", _LEAD_READS_ON) is None):
        # (an indented page ends each paragraph with a mark; a line there that does not is a lead or a
        # pull quote, even when it holds whole sentences; so is the first line under a title that the
        # character model does not read on into the next line)
        return "上一段已有完整的句子，却在句子中间结束"
    if _cut_mid_text(blocks, i, tail):
        why = _reads_on(tail, nt, "上一段已有完整的句子，却在句子中间结束，而它前面是一段完整的正文，不是提要或引语的位置")
        if why:
            return why
    stub = _reads_on(tail, nt, _stub_clause(tail)) or _object_head(tail, nt)
    if stub:
        return stub
    from ...analyses.joins import split_evidence as lm_evidence  # a cut between two words: the character model

    return lm_evidence(tail, nt)


def _cut_mid_text(blocks: List[Block], i: int, tail: str) -> bool:
    """An indented line that holds whole sentences and stops on a character of running text, right after a
    paragraph of running text of its article that ends its sentence (40 characters or more): the middle of the
    text, where a paper sets no lead, pull quote or summary — those stand under a title, a subhead or a name
    line (a month of rmrb has none there; a quotation set as a subhead ends on its closing quote).  Such a line
    was cut: the next line carries it on (a split) or it does not (a truncation)."""
    if i == 0 or not blocks[i].indented or not _SENTENCE_INSIDE.search(tail[:-1]) or _TABULAR.search(tail) or not (
            _HAN.match(tail[-1]) or tail[-1].isdigit()):
        return False
    p = blocks[i - 1]
    t = clean(p.text)
    return p.kind == "body" and not p.role and p.article == blocks[i].article and len(t) >= 40 and ends_sentence(t)


_DISPLAY_CHARS = 150  # a lead or a display quotation is no longer than this; a longer line is a paragraph


def _under_title(blocks: List[Block], i: int) -> bool:
    """``blocks[i]`` is the first line under its article's title or under a subhead: where a summary, a lead or
    a display quotation stands."""
    return i > 0 and blocks[i - 1].kind == "heading" and (
        blocks[i - 1].role in ("title", "subhead", "label") or blocks[i - 1].level > 0) and \
        blocks[i - 1].article == blocks[i].article


_CLAUSE_SPLIT = regex.compile(r"[，,；;：:。！？!?]")


def _stub_clause(tail: str) -> Optional[str]:
    """A line that opens a clause and stops after one or two characters of it: ……储存安全。建立 | 以信用监管为
    基础的……  /  ……一大批展品变商品，相关 | 政策……  A clause that short is no clause (a display line ends
    on a whole one: ……薪火相传，名家辈出), so the line stops mid-sentence."""
    if len(tail) < 8:
        return None
    parts = _CLAUSE_SPLIT.split(tail)
    last = parts[-1]
    if len(parts) > 1 and 0 < len(last) <= 2 and all(_HAN.match(c) for c in last):
        return f"上一行最后一个分句只有“{last}”，句子没有说完"
    if len(tail) >= 3 and tail[-2] == "、" and _HAN.match(tail[-1]) and _HAN.match(tail[-3]):
        return f"上一行最后一项只有“{tail[-1]}”一个字，列举没有说完"  # ……统筹兼顾、协 | 调发展
    return None


# A bare quantity — a number and its measure word with no noun after it (the ``measure_word`` section of
# rules/layout.toml) — opening a line: ……排除各类爆炸物 | 2400余枚，处置……  It is the object or complement of
# what the line above stops on (dates and ages left out: no such word there).
# A quoted term (not a quotation: short, no mark inside) opening a line and running straight on into a list or
# a clause break — another quoted term, 、, a comma or 等 after it: ……被授予 | “全国劳动模范”“改革先锋”等称号  /
# ……就要坚持 | “企业有需求、银行想办法”，……  (A paragraph may open with a term: “双减”政策实施以来…)
_QUOTED_TERM = regex.compile(r"^[“《][^“”《》，,。！？!?；;：:]{1,14}[”》](?=[“《、，,等])")


_OBJECT_OF_QUANTITY = "下一段以不带名词的数量开头，是上一句的宾语或补语"


def _object_head(tail: str, head: str) -> Optional[str]:
    """A line that opens with what can only be the object of the line above: a bare quantity or a quoted term,
    after a line that stops on a character of running text."""
    if tail and tail[-1] in "”》" and _TERM_END.search(tail):
        return _head_stub(tail, head)  # ……全面推进“扶贫车间” | 建设。目前……
    if not tail or not _HAN.match(tail[-1]):
        return None
    if _layout.conventions().bare_quantity.match(head):
        return _OBJECT_OF_QUANTITY
    if _QUOTED_TERM.match(head) and len(tail) > 40:
        return "下一段以引号或书名号中的词语开头，接着上一句说下去"
    return _head_stub(tail, head)


_HEAD_STUB = regex.compile(r"^(\p{Han}{1,2})。")
_TERM_END = regex.compile(r"[“《][^“”《》，,。！？!?；;：:]{1,14}[”》]$")  # a line ending on a quoted term


def _head_stub(tail: str, head: str) -> Optional[str]:
    """A line whose first sentence is a word of one or two characters, the end of the sentence above it:
    ……深化产教融合重大改革 | 任务。今年……  /  ……全面推进“扶贫车间” | 建设。目前……  No paragraph opens with a
    sentence that short.  (A first clause that short before a comma is left alone: 目前，  北京，  and the
    topic of an essay's paragraph — 旗帜，指引方向。 — open paragraphs that way.)"""
    m = _HEAD_STUB.match(head)
    return f"下一段的第一句只有“{m.group(1)}”，是上一句的末尾" if m else None


def _gap_fix(page, left: Block, right: Block) -> Fix:
    text = page.text
    # keep trailing/leading Markdown out of the join only when it is plain whitespace
    a, b = left.end, right.start
    sep = " " if text[a - 1].isascii() and text[a - 1].isalnum() and text[b].isascii() and text[b].isalnum() else ""
    return Fix(a, b, sep)


def _text_blocks(page) -> List[Block]:
    return page.layout.blocks




# ---- the page's paragraph breaks ------------------------------------------------------------------
@dataclass
class Split:
    """A paragraph broken mid-sentence: ``block`` stops, ``next`` carries on (``why``: the evidence).
    A guess (a short first half, only the junction tells) is reported as info, without a fix."""

    block: Block
    next: Block
    tail: str
    why: Optional[str]
    guess: bool = False
    heading: bool = False  # the first half is a line the layout read as a subhead: reported without a fix


@dataclass
class Breaks:
    splits: List[Split] = field(default_factory=list)
    truncated: List[tuple] = field(default_factory=list)  # (block, its text) stopped with nothing after it
    guessed: Set[int] = field(default_factory=set)  # indexes of blocks that continue a guessed split


def breaks(page) -> Breaks:
    """Where the page's paragraphs stop mid-sentence: splits (the next paragraph carries on) and
    truncations (nothing does), computed once per page for the split, truncated and fragment rules."""
    return page.cached("structure.breaks", lambda: _breaks(page))


def _breaks(page) -> Breaks:
    blocks = _text_blocks(page)
    out = Breaks()
    plain = _layout.plain_page(blocks)
    gap = _usual_gap(blocks)
    lone = _lone_subheads(blocks) if plain else set()
    parallel = _parallel_lines(blocks)
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if plain and b.kind == "heading" and b.role == "subhead" and nxt is not None and nxt.article == b.article \
                and nxt.is_text and continuation_ok(nxt):
            tail = clean(b.text)
            why = _reads_on(tail, nxt.text, _stub_clause(tail) or _layout.open_end_evidence(tail)) or (
                _layout.conventions().bare_quantity.match(clean(nxt.text)) and _HAN.match(tail[-1]) and _OBJECT_OF_QUANTITY)
            if why:
                out.splits.append(Split(b, nxt, tail, why, heading=True))
            elif i in lone:
                why = _cut_subhead_evidence(tail, nxt)  # form and the character model only: a note to check
                if why:
                    out.guessed.add(i + 1)
                    out.splits.append(Split(b, nxt, tail, why, guess=True, heading=True))
            continue
        if plain and b.kind == "heading" and b.role in ("subhead", "label") and (
                nxt is None or nxt.article != b.article or heading_like(nxt)) and _stub_clause(clean(b.text)):
            out.truncated.append((b, clean(b.text)))  # a "subhead" that stops two characters into a clause
            continue
        if open_end(b):
            tail = clean(b.text)
            joins = nxt is not None and continuation_ok(nxt) and nxt.article == b.article and not (
                heading_like(nxt) and not word_across(tail, nxt.text))
            why = split_evidence(tail, nxt.text) if joins else None
            by_design = False  # a break the page made on purpose: neither a split nor a truncation
            if joins and why and plain and not why.startswith(("跨断点", "一个数字")) and (
                    nxt.blank_before != gap and nxt.blank_before > 0):
                why = None  # weak evidence against a blank line the page does not put between paragraphs
            if joins and not why and plain:
                # Plain text marks no heading, so a line without a final mark may be a lead, a subhead the
                # layout did not recognise or a deliberate break: it is a split only with evidence.
                why = _plain_split_evidence(blocks, i, tail, gap)
                by_design = not why
                if not why and _cut_mid_text(blocks, i, tail):
                    out.truncated.append((b, tail))  # cut, and the next line opens a sentence of its own
                    continue
            if joins and not why and _lead_in_mark(tail) and (plain or not (
                    _SENTENCE_INSIDE.search(tail[:-1]) or tail.count("“") > tail.count("”"))):
                by_design = True  # a lead-in: ……最豪迈的誓言—— | 祖国，请您检阅！ (in Markdown, a line of one sentence)
            if joins and not why and not plain and tail[-1] in _CLAUSE_END and len(tail) <= 24 and \
                    len(clean(nxt.text)) <= 24:
                by_design = True  # a salutation or verse set line by line: 全国同胞们， | 同志们，朋友们：
            if joins and not why and (i in parallel or (tail[-1] in _CLAUSE_END and _ORDINAL_OPEN.match(clean(nxt.text)))):
                by_design = True  # one of a series of summary heads (五年来，…), or a lead-in: 主要原因， | 一是……
            if by_design:
                pass
            elif joins:
                out.splits.append(Split(b, nxt, tail, why, guess=False))
            elif (nxt is None or nxt.article != b.article or heading_like(nxt)
                                 or nxt.kind in ("dateline", "byline", "caption", "credit")) and not (
                    nxt is not None and _LEAD_IN.search(tail) and (
                        _ENUM.match(clean(nxt.text)) or nxt.role == "label" or _ORDINAL_OPEN.match(clean(nxt.text)))
            ) and not (
                    _lead_in_mark(tail)) and not (
                    tail[-1] in _CLAUSE_END and len(tail) <= 24 and nxt is not None and nxt.article == b.article and (
                        nxt.kind == "body" or nxt.role in _layout.INNER_HEADINGS)) and not (
                    _TABULAR.search(tail)) and not (
                    plain and not _SENTENCE_INSIDE.search(tail) and (
                        _unmarked_style(blocks, b.article) or _between_headings(blocks, i)
                        or _in_unmarked_run(blocks, i))) and i not in parallel:
                # (not before a list or a numbered point, nor after a lead-in —— or ：, nor a verse line
                # ending on a comma before a short line; nor on a page that ends no paragraph with a mark)
                # (before a list or a bullet the paragraph may be a lead-in: not reported)
                out.truncated.append((b, tail))
        elif _list_paragraph(b):
            tail = clean(b.text)
            why = split_evidence(tail, nxt.text) if (
                nxt is not None and nxt.article == b.article and continuation_ok(nxt)) else None
            if why:
                out.splits.append(Split(b, nxt, tail, why, guess=False))
            elif (nxt is None or nxt.article != b.article or heading_like(nxt)) and not _TABULAR.search(tail):
                # a numbered paragraph of running text — （三）…。…  — cut short before the next heading or article
                out.truncated.append((b, tail))
        elif nxt is not None and short_unpunctuated(b) and running_text(nxt) and \
                continuation_ok(nxt) and nxt.article == b.article:
            tail = clean(b.text)
            why = split_evidence(tail, nxt.text)
            if why:  # a short first half: only the junction tells, so a guess (info, no fix)
                out.guessed.add(i + 1)
                out.splits.append(Split(b, nxt, tail, why, guess=True))
    return out


_OPENING = regex.compile(r"^(\p{Han}{2,8})[，,]")


def _parallel_lines(blocks: List[Block]) -> Set[int]:
    """Lines of running text of one article that stop without a final mark and open alike — three or more with
    the same words before their first comma (五年来，……取得了重大进展 / 五年来，……  / 五年来，……): a series of
    summary heads set as lines of their own over the points they sum up, not paragraphs cut short."""
    groups: dict = {}
    for i, b in enumerate(blocks):
        if b.kind != "body" or b.role:
            continue
        t = clean(b.text)
        m = _OPENING.match(t)
        if m and not ends_sentence(t):
            groups.setdefault((b.article, m.group(1)), []).append(i)
    return {i for g in groups.values() if len(g) >= 3 for i in g}


def _list_paragraph(block: Block) -> bool:
    """A numbered item that is a paragraph of running text — it holds a whole sentence (a full stop inside,
    more than 40 characters: （二）深化改革。要全面……) — and stops on a character of running text."""
    if block.kind not in ("list", "body") or block.role:
        return False
    t = clean(block.text)
    if block.kind == "body" and not _ENUM.match(t):
        return False  # (a body line opening with 十、 is numbered too)
    return len(t) > 40 and bool(_SENTENCE_INSIDE.search(t[:-1])) and not ends_sentence(t) and (
        bool(_HAN.match(t[-1])) or t[-1].isdigit())


def _lone_subheads(blocks: List[Block]) -> Set[int]:
    """Indexes of the plain-text subheads that are the only subhead of their article and stand in its
    middle (two paragraphs of its running text above them, running text below): an article sets its
    subheads as a series, so a single one among its paragraphs is only a subhead by its form."""
    count: dict = {}
    for b in blocks:
        if b.kind == "heading" and b.role == "subhead":
            count[b.article] = count.get(b.article, 0) + 1
    out, above = set(), {}
    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.role == "subhead" and count[b.article] == 1 and above.get(b.article, 0) >= 2 \
                and i + 1 < len(blocks) and blocks[i + 1].article == b.article and blocks[i + 1].is_text:
            out.add(i)
        if b.is_text:
            above[b.article] = above.get(b.article, 0) + 1
    return out


_CUT_SUBHEAD_LM = 2.0  # nats: the joint reading of a cut head and its continuation (see _cut_subhead_evidence)


def _cut_subhead_evidence(tail: str, nxt: Block) -> Optional[str]:
    """Evidence that a lone "subhead" (see :func:`_lone_subheads`) is a paragraph's head cut at the break: it
    is shaped like running text — 16 characters or more with a clause inside it (a comma or an enumeration
    comma, not the colon of 标签：标题) — it stops on a character of running text, and the character model
    reads it and the next line as one sentence.  (Measured: no lone subhead of the edited corpora has all
    three; a third of the planted cuts read as subheads do.  The model alone also reads a display line and
    the paragraph under it as one (……居民成了主角 | 走进村里，……), so this is reported as a note, info.)"""
    if len(tail) < CUT_HEAD_CHARS or not regex.search(r"[，、；]", tail[:-1]) or not _HAN.match(tail[-1]):
        return None
    if not continuation_ok(nxt):
        return None
    s = score(tail, clean(nxt.text))
    if s is None or s < _CUT_SUBHEAD_LM:
        return None
    return "这一行单独成行像小标题，但全文只有这一个小标题，它有分句、停在句中，与下一段读作一句话"


CUT_HEAD_CHARS = 16  # a "subhead" this long, or with a clause mark inside, may be a cut paragraph head
_CLAUSE_MARK = regex.compile(r"[，、；：]")


def cut_head_like_subhead(blocks: List[Block], i: int) -> bool:
    """A plain-text "subhead" inside an article — running text of the same article above it and below
    it — that stops on a character of running text and is no short phrase (a clause inside it, or 16
    characters or more): a paragraph's head cut short by the column break looks just like one."""
    b = blocks[i]
    if not (b.kind == "heading" and b.role == "subhead" and 0 < i < len(blocks) - 1) or _bold_line(b.text):
        return False  # (a line set in bold is a display line by its form: **……开始盾构掘进**)
    above, below = blocks[i - 1], blocks[i + 1]
    tail = clean(b.text)
    return (above.article == b.article == below.article and above.is_text and below.is_text
            and bool(tail) and (bool(_HAN.match(tail[-1])) or tail[-1] in "，、")
            and (len(tail) >= CUT_HEAD_CHARS or bool(_CLAUSE_MARK.search(tail[:-1]))))
