"""Layout: split a page into blocks (one per non-blank line) and articles.

A newspaper page as it reaches an editor is a run of paragraphs, one per line, with blank lines
between them.  Headlines come with Markdown ``#`` marks or as short plain lines; an article starts at
a headline, or at a dateline (``本报讯（记者…）``, ``又讯``, ``央视网消息``…) that follows other body
text; photo captions (``… 本报记者 刘金元 摄``) stand alone.  Rules ask the layout — they do not
re-parse the text.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import regex

from . import packs
from .analyses.tokens import window_tokenizer, window_words

# A dateline opens a news item: 本报讯（记者…）, 又讯, 本台消息, 央视网消息（新闻联播）, 新华社北京1月1日电…
DATELINE_RE = regex.compile(
    r"^[*_]{0,2}(?:本报讯|又讯|本台消息|本台记者|央视网消息|据新华社|新华社[^\s，,。（(]{0,12}?电|本报[^\s，,。（(]{1,10}?电"
    r"|[^\s，,。（(]{2,8}(?:日报|晚报|新闻网|人民网)讯)[*_]{0,2}")
# A byline or credit standing alone: 本报记者 赵根治 / 记者 张三 李四 / □高亢 / 文/图 某某 / 通讯员 某某
BYLINE_RE = regex.compile(  # (?=.{0,200}$): a byline is a short line; bounds the backtracking (linear time)
    r"^(?=.{0,200}$)(?:(?:本报|本台)?(?:记者|通讯员|见习记者|特约记者|实习生)[\s　]*[\p{Han}·]{2,4}"
    r"(?:[\s　、]+(?:(?:记者|通讯员)[\s　]*)?[\p{Han}·]{2,4})*|[□■◎][\p{Han}·]{2,4}|文[/／]图[:：]?[\s　]*[\p{Han}·\s　]{2,12})$")
# A photo credit closes a caption: 本报记者 刘金元 摄 / （本报记者刘金元 摄） / 张三 摄
# (a two-character name may be padded with spaces to the width of three: 本报记者  李  舸摄)
CREDIT_RE = regex.compile(r"(?:[\p{Han}·]{2,4}|本报记者[\s　]*(?:[\p{Han}·]{2,4}|\p{Han}[\s　]{1,3}\p{Han}))[\s　]*摄[）)]?$")
# group 2 ends at the last character that is not a space or a closing '#' (possessive runs: linear time)
MD_HEADING_RE = regex.compile(r"^(#{1,6})[ \t　]+((?:[ \t　#]*+[^ \t　#\n])*)[ \t　#]*$")
LINK_LINE_RE = regex.compile(r"^\[[^\]]*\]\([^)]*\)$")
LIST_ITEM_RE = regex.compile(r"^(?:\d{1,3}[.．、]|[（(]\d{1,3}[）)]|[（(][一二三四五六七八九十]{1,3}[）)])")
TERMINAL_PUNCT = "。！？!?…；;：:"
CLOSERS = "”’」』）)》】"
_WS = " \t\u3000\u00a0\ufeff"


@dataclass
class Block:
    kind: str  # heading | dateline | byline | caption | credit | body | list | link
    start: int  # offset of the first character of the content (markers such as '#' excluded)
    end: int  # offset just past the last content character
    line: int  # 1-based line number
    text: str
    level: int = 0  # Markdown heading level; 0 for plain headlines
    article: int = -1
    index: int = -1  # position in the page's block list
    role: str = ""  # for plain-text headings: title | subhead | lead | label | tag; "alone" for a
    #                 dateline standing alone on its line; for a body line that is not running text,
    #                 "production" (a credit such as 制图：某某) or "field" (开馆时间：…, ——某某教授)
    blank_before: int = 0  # blank (or whitespace-only) lines between this block and the one before
    indented: bool = False  # the line starts with a paragraph indent (full-width spaces or 2+ spaces)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def is_text(self) -> bool:
        """Running text of an article (the dateline paragraph included)."""
        return self.kind in ("body", "dateline") and self.role != "alone"


@dataclass
class Article:
    index: int
    kind: str  # news | commentary | photo | front (text before the first headline)
    blocks: List[Block] = field(default_factory=list)

    @property
    def headings(self) -> List[Block]:
        return [b for b in self.blocks if b.is_heading]

    @property
    def title(self) -> str:
        hs = self.headings
        return hs[0].text if hs else ""

    @property
    def dateline(self) -> Optional[Block]:
        return next((b for b in self.blocks if b.kind == "dateline"), None)

    @property
    def paragraphs(self) -> List[Block]:
        return [b for b in self.blocks if b.is_text]

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


@dataclass
class Layout:
    blocks: List[Block]
    articles: List[Article]
    _starts: Optional[List[int]] = field(default=None, repr=False)

    @property
    def paragraphs(self) -> List[Block]:
        return [b for b in self.blocks if b.is_text]

    def article_of(self, block: Block) -> Article:
        return self.articles[block.article]

    def block_at(self, offset: int) -> Optional[Block]:
        """The block whose content holds ``offset`` (binary search: blocks are in page order)."""
        if self._starts is None:
            self._starts = [b.start for b in self.blocks]
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0:
            b = self.blocks[k]
            if b.start <= offset < b.end or b.start == offset == b.end:
                return b
        return None


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a finished sentence (closing quotes and brackets looked through)."""
    t = text.rstrip(_WS + "*_")
    while t and t[-1] in CLOSERS:
        # a closing quote after a full stop ends the sentence: ……。”  A quoted title does not: 《…》
        if t[-1] in "”’」』" and len(t) > 1 and t[-2] in TERMINAL_PUNCT:
            return True
        t = t[:-1].rstrip(_WS)
    return bool(t) and t[-1] in TERMINAL_PUNCT


# ---- conventions from the layout pack ----------------------------------------------------------
PACK_SECTIONS = ("dateline", "byline", "credit", "section_label", "column_tag", "open_end_word", "measure_word",
                 "body_opening")


@dataclass
class Conventions:
    """The compiled patterns of the ``layout`` pack sections (see ``rules/layout.toml``)."""

    dateline: "regex.Pattern"
    byline: "regex.Pattern"
    credit: "regex.Pattern"
    section_label: "regex.Pattern"
    column_tag: "regex.Pattern"
    open_end_word: "regex.Pattern"
    open_end_tail: "regex.Pattern"  # the same words at the end of a line: a cheap test before segmenting it
    bare_quantity: "regex.Pattern"  # a number and its measure word (``measure_word``) with no noun after it
    body_opening: "regex.Pattern"  # the frame a sentence of running text opens with, up to its comma (某某表示，)

    @classmethod
    def from_patterns(cls, patterns: Dict[str, List[str]]) -> "Conventions":
        def alt(sec: str, anchor: str) -> "regex.Pattern":
            ps = patterns.get(sec) or ["(?!)"]
            body = "|".join(f"(?:{p})" for p in ps)
            return regex.compile(anchor.replace("X", body))

        return cls(dateline=alt("dateline", r"^[*_]{0,2}(?:X)[*_]{0,2}"),
                   # (?=.{0,200}$): a byline is a short line; bounds the backtracking (linear time)
                   byline=alt("byline", r"^(?=.{0,200}$)(?:X)$"),
                   credit=alt("credit", r"^(?:X)"),
                   section_label=alt("section_label", r"^(?:X)"),
                   column_tag=alt("column_tag", r"(?:X)$"),
                   open_end_word=alt("open_end_word", r"^(?:X)$"),
                   open_end_tail=alt("open_end_word", r"(?:X)$"),
                   # 2400余枚，  3.5万吨、  (a line opening so is the object of the line above it)
                   bare_quantity=alt("measure_word",
                                     r"^\d+(?:[.．]\d+)?(?:余|多)?[万亿千百]?(?:X)(?:多|余|左右|以上)?[，,、；;]"),
                   body_opening=alt("body_opening", r"^(?:X)[，,]"))


_OVERRIDE: Optional[Conventions] = None
_BY_PACKS: Dict[tuple, Conventions] = {}


def configure(patterns: Optional[Dict[str, List[str]]]) -> None:
    """Use exactly these patterns (``{section: [pattern, …]}``) for the layout from now on, instead of
    the packs of the run; None goes back to the packs."""
    global _OVERRIDE
    _OVERRIDE = Conventions.from_patterns(patterns) if patterns is not None else None


def conventions() -> Conventions:
    """The layout conventions of the run: the ``layout`` pack sections of the built-in packs and of the
    packs named in config (``newslint.packs.entries``).  A pattern that is not a regular expression is a
    configuration error naming its pack file and line."""
    if _OVERRIDE is not None:
        return _OVERRIDE
    key = packs.active_key()
    conv = _BY_PACKS.get(key)
    if conv is None:
        patterns: Dict[str, List[str]] = {}
        for sec in PACK_SECTIONS:
            patterns[sec] = []
            for e in packs.entries(sec):
                p = e["pattern"]
                try:
                    regex.compile(p)
                except (regex.error, TypeError) as err:
                    raise e.error("pattern", f"not a regular expression: {err}") from None
                patterns[sec].append(p)
        conv = _BY_PACKS[key] = Conventions.from_patterns(patterns)
    return conv


# ---- evidence that two lines are one sentence -----------------------------------------------------
_HAN = regex.compile(r"\p{Han}")
# A line cannot end on a structural particle, a conjunction or a preposition awaiting its object.
DANGLING = set("的得和与及或对把被向从给")  # (地 ends nouns too often: 高地, 基地, 下地)
# What follows a number and never opens a paragraph: 2024|年, 15|日, 30|余人, 12|%.
NUMBER_UNITS = set("年月日号时分秒个万亿千百元岁名人次家项件台辆座户亩吨米倍度余多%％天枚周")
# Marks no paragraph can open with.
BAD_OPEN_PUNCT = "，,、。；;：:！!？?）)》」』】”’"
_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "「": "」", "『": "』", "【": "】"}


def word_across(left: str, right: str) -> Optional[str]:
    """A dictionary word that jieba forms across the join of ``left`` and ``right``, if any."""
    a, b = left[-6:], right[:6]
    if not a or not b or not _HAN.match(a[-1]) or not _HAN.match(b[0]):
        return None
    freq = window_tokenizer().FREQ
    if not _word_spans(a, b, freq):
        return None  # no dictionary word spans the join: jieba cannot form one (most pairs a page compares)
    cut = len(a)
    for w, s, e in window_words(a + b):
        if s < cut < e and freq.get(w, 0) > 0:
            return w
    return None


def _word_spans(a: str, b: str, freq) -> bool:
    """Is some dictionary word (frequency > 0) a tail of ``a`` followed by a head of ``b``?  jieba's
    dictionary lists every prefix of a word (with frequency 0), so a word is reached by extending a
    listed prefix one character at a time, as jieba builds its word graph."""
    for k in range(len(a) - 1, -1, -1):
        frag = a[k:]
        if frag not in freq:
            continue
        for ch in b:
            frag += ch
            f = freq.get(frag)
            if f is None:
                break
            if f:
                return True
    return False


# A numeral or demonstrative with its measure word waits for its noun: 又一件 | 喜事, 这个 | 项目.
_CLASSIFIER_END = regex.compile(r"(?<![\p{Han}\d])[一二两三四五六七八九十几每各某这那哪][个件项位名条种次家座批场道份支只张片句篇台所]$"
                                r"|(?<=[这那每各某])[个件项位名条种次家座批场道份支只张片句篇台所]$|又一[个件项位名条种次家座批场道份]$")
_SHI_DE = regex.compile(r"是[^，,。；;！？]*的$")


# Words that cannot end a sentence when they stand alone as its last word: prepositions and
# coverbs awaiting their object (在 于 以 由 将 使 让), the copula, auxiliaries awaiting their verb
# (要 应 需 须), and adverbs awaiting what they modify (就 都 也 又 更 最 很 再 才 已 曾 均 仍).  (能, 会 and
# 还 are left out: they are nouns or verbs too — 新能, 开会, 归还.)
DANGLING_WORDS = set("在于以由将使让是要应需须就都也又更最很再才已曾均仍")
# Words that cannot open a sentence when they stand alone as its first word: particles (的 了 着 过 们)
# and 之/至/等/于, which need a word before them: ……增加 | 至2018年, …… | 等四大整治行动, 体现 | 了…….
BOUND_OPENERS = set("的了着过们之至等于")


def _first_word(text: str) -> str:
    words = window_words(text[:6])
    return words[0][0] if words else ""


def _last_word(text: str) -> str:
    words = window_words(text[-6:])
    return words[-1][0] if words else ""


def unclosed(left: str, right: str) -> Optional[str]:
    """An opening quote or bracket of ``left`` that is still open at its end and that ``right`` closes
    before opening another of its kind: 他说：“我们要 | 继续努力。”"""
    tail = left[-80:]
    for o, c in _PAIRS.items():
        if o == c:
            continue
        k = tail.rfind(o)
        if k < 0 or tail.find(c, k) >= 0:
            continue
        j = right.find(c)
        if j >= 0 and right.find(o, 0, j) < 0 and j < 120:
            return o + c
    return None


_LATIN_CAP = regex.compile(r"[A-Z]")
_YEAR_END = regex.compile(r"(?<!\d)\d{4}年$")
_APPROX_END = regex.compile(r"\d[多余]$")  # a number waiting for its measure word or noun: 900多 | 人口
_NAME_PART_END = regex.compile(r"\p{Han}[·•]\p{Han}$")  # one character of a name's part: 丹尼斯·阿 | 尔努瓦
_QUALIFIER_OPEN = regex.compile(r"^(?:左右|以上|以下|上下|之间|开外)")  # what follows a quantity, never a paragraph's start
_BA_QUOTED_END = regex.compile(r"(?:把|将)“[^“”，。]{1,14}”$")  # a 把 clause whose verb is still to come
_MONTH_OPEN = regex.compile(r"^(?:1[0-2]|0?[1-9])月(?:\d{1,2}[日号])?")


def open_end_evidence(left: str) -> Optional[str]:
    """A line that stops on a word no clause ends on (the ``open_end_word`` pack section: ……优势以及 | 农产品……,
    ……部长被迫 | 向公众道歉).  Evidence of a split for the structure rules; the layout does not read a line's
    role from it (a short line ending so is still set as a subhead, and the split rule judges it)."""
    if not left or not _HAN.match(left[-1]):
        return None
    conv = conventions()
    if not conv.open_end_tail.search(left[-8:]):
        return None  # (no listed word at the end: nothing to segment)
    last = _last_word(left)
    if last and (len(last) > 1 or last == left[-1]) and conv.open_end_word.match(last):
        return f"上一行以“{last}”结尾，后面的成分缺失"
    return None


def join_evidence(left: str, right: str) -> Optional[str]:
    """What shows that ``left`` and ``right`` (two lines) are one sentence, in words for the editor:
    a word or a number across the break, a mark that cannot open a line, a left half that ends on a
    word that cannot end anything, a quote or bracket opened on the left and closed on the right."""
    if not left or not right:
        return None
    word = word_across(left, right)
    if word:
        return f"跨断点组成“{word}”"
    if left[-1].isdigit() and (right[0].isdigit() or (right[0] in ".．" and right[1:2].isdigit())) or (
            left[-1] in ".．" and left[-2:-1].isdigit() and right[0].isdigit()):
        return "一个数字被拆开"  # 2024|年 is below; 1|024, 17|.23, 17.|23
    if _LATIN_CAP.match(left[-1]) and _LATIN_CAP.match(right[0]):
        return "一个外文缩写被拆开"  # CP|I, P|PP
    if left[-1].isdigit() and right[0] in NUMBER_UNITS:
        return "数字与其单位被拆开"
    if _YEAR_END.search(left) and _MONTH_OPEN.match(right):
        return "一个日期被拆开"  # ……2014年 | 10月15日，……
    if _APPROX_END.search(left) and _HAN.match(right[0]):
        return "数字与其单位被拆开"  # ……298户农户、900多 | 人口
    if (left[-1].isdigit() or left[-1] in "%％") and _QUALIFIER_OPEN.match(right):
        return "数量与其后的“左右”“以上”之类被拆开"  # ……保持在14% | 左右的较高水平
    if _BA_QUOTED_END.search(left) and _HAN.match(right[0]):
        return "“把”字句的宾语之后，动词在下一段"  # ……要把“三个一批” | 作为抓项目的主要抓手
    if _NAME_PART_END.search(left) and _HAN.match(right[0]):
        return "外文人名被拆开"  # ……导演丹尼斯·阿 | 尔努瓦说
    if right[0] in BAD_OPEN_PUNCT:
        return f"下一段以“{right[0]}”起首"
    if right[0] in "·•" and _HAN.match(left[-1]) and _HAN.match(right[1:2] or "a"):
        return "外文人名在间隔号处被拆开"  # 经济学家哈伊里 | ·图尔克
    if left[-1] in DANGLING and _last_word(left) == left[-1] and not (left[-1] == "的" and _SHI_DE.search(left)):
        return f"上一行以“{left[-1]}”结尾"  # (not 高地, 方向, 可及, nor 是……的)
    if left[-1] in DANGLING_WORDS and left[-2:-1] not in ("不", "没", "未", "") and _last_word(left) == left[-1]:
        return f"上一行以“{left[-1]}”结尾，后面的成分缺失"  # 团结在 | 以…… / 我们要 | 把……
    if right[0] in BOUND_OPENERS and (_HAN.match(right[1:2] or "a") or right[1:2].isdigit()) and \
            _first_word(right) == right[0]:
        return f"下一段以“{right[0]}”起首"  # ……增加 | 至2018年 / …… | 等四大整治行动
    if _CLASSIFIER_END.search(left) and _HAN.match(right[0]):
        return f"上一行以数量词“{_CLASSIFIER_END.search(left).group()}”结尾"
    pair = unclosed(left, right)
    if pair:
        return f"上一行的“{pair[0]}”在下一段才闭合"
    return None


# ---- reading the lines ----------------------------------------------------------------------------
# A field of a notice or a schedule: 开馆时间：…, 咨询电话：…, 14:00-17:00 某某论坛 (no sentence in it).
FIELD_RE = regex.compile(r"^(?:[\p{Han}]{2,6}[:：](?![^。！？]*[。！？])|\d{1,2}[:：]\d{2}\s*[-—–~～至]\s*\d{1,2}[:：]\d{2})")
_RUBRIC = regex.compile(r"^[\p{Han}]{2,6}[:：](?=\S)")  # a rubric before a headline: 央视快评：……
_INDENT_RE = regex.compile(r"^(?:\u3000|[ \u00a0]{2,}|\t)")
_SENTENCE_END_INSIDE = regex.compile(r"[。！？!?]")
_EMPHASIS = "*_"


def _plain_heading_candidate(text: str, limit: int = 48) -> bool:
    if len(text) > limit or len(text) < 2:
        return False
    if "。" in text or ends_sentence(text) or text[-1] in "，,、":
        return False
    conv = conventions()
    if conv.dateline.match(text) or conv.byline.match(text) or LINK_LINE_RE.match(text):
        return False
    return bool(_HAN.search(text))


def _open_line(text: str) -> bool:
    """A line that stops without a sentence-final mark and without a mark that leads into the next line
    (comma, colon, dash): the form of a heading."""
    t = text.strip(_WS + _EMPHASIS)
    return bool(t) and not ends_sentence(t) and t[-1] not in "，,、；;：:—-…" and not _SENTENCE_END_INSIDE.search(t)


def _starts_sentence(text: str) -> bool:
    t = text.lstrip(_WS + _EMPHASIS)
    return bool(t) and (bool(_HAN.match(t[0])) or t[0] in "“‘「『《（(【" or t[0].isalnum())


def analyse(page) -> Layout:
    text = page.text
    conv = conventions()
    blocks: List[Block] = []
    blank = 0
    wrapped = bool(getattr(page, "wrap_width", 0))  # a hard-wrapped page: its lines are the file's, not the text's
    for n, start in enumerate(page.line_starts):
        end = page.line_end(n + 1)
        s, e = start, end
        while s < e and text[s] in _WS:
            s += 1
        while e > s and text[e - 1] in _WS:
            e -= 1
        if s == e:
            blank += 1
            continue
        content = text[s:e]
        if content.startswith("<!--") and content.find("-->") == len(content) - 3:
            continue  # a Markdown/HTML comment line (e.g. a newslint directive) is not page content
        gap, blank = blank, 0
        line_no = page.linecol(start)[0] if wrapped else n + 1
        indented = bool(_INDENT_RE.match(text[start:end]))
        m = MD_HEADING_RE.match(content)
        if m:
            inner_s = s + m.start(2)
            inner_e = s + m.end(2)
            if inner_e > inner_s:
                blocks.append(Block("heading", inner_s, inner_e, line_no, text[inner_s:inner_e], level=len(m.group(1)),
                                    blank_before=gap, indented=indented))
            continue
        role = ""
        bare = content.strip(_EMPHASIS + _WS)
        d = conv.dateline.match(content)
        if d:
            kind = "dateline"
            rest = content[d.end():].strip(_WS + _EMPHASIS)
            if not rest or conv.byline.match(rest):
                role = "alone"  # 新华社北京1月3日电 / 本台消息 / 本报北京5月11日电  （记者…）
        elif conv.byline.match(bare):
            kind = "byline"
        elif LINK_LINE_RE.match(content):
            kind = "link"
        elif conv.credit.match(bare) and not _SENTENCE_END_INSIDE.search(bare[:-1]) and len(bare) <= 80:
            kind, role = "body", "production"  # 版式设计：蔡华伟 / 制图：沈亦伶 / 数据来源：… (not running text)
        elif CREDIT_RE.search(content) and len(content) <= 16:
            kind = "credit"
        elif CREDIT_RE.search(content):
            kind = "caption"
        elif LIST_ITEM_RE.match(content):
            kind = "list"
        else:
            kind = "body"
        blocks.append(Block(kind, s, e, line_no, content, role=role, blank_before=gap, indented=indented))

    # A photo caption may put its credit on the next line: caption text, then 本报记者刘金元 摄.
    for i, b in enumerate(blocks):
        if b.kind == "credit" and not b.role and i > 0 and blocks[i - 1].kind == "body" \
                and not _opens_article(blocks, i - 1):
            blocks[i - 1].kind = "caption"

    # Plain headlines: short unpunctuated lines leading (possibly through a subtitle) to a dateline or byline.
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        if b.kind != "body" or not _plain_heading_candidate(b.text):
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None:
            continue
        if nxt.kind in ("dateline", "byline") or (nxt.kind == "heading" and nxt.level == 0):
            b.kind, b.role = "heading", "title"

    if plain_page(blocks):
        _plain_structure(blocks, conv)
    else:
        _unmarked_labels(blocks, conv)

    for i, b in enumerate(blocks):
        b.index = i
    return Layout(blocks, _articles(blocks))


def plain_page(blocks: List[Block]) -> bool:
    """A page whose structure is read from the form of its lines: it has no Markdown heading below its text —
    no Markdown heading at all, or Markdown that marks only the title block (``# 主题`` / ``## 副题``, as a
    converter, a CMS export or a Word document's heading styles leave a story).  Such a page does not show
    that it marks its subheads: its subheads, pull quotes, leads and labels may be unmarked lines, so a split
    there needs evidence, as on plain text, whether its paragraphs are indented, set solid or set apart by
    blank lines.  (A page with a heading below its text — a programme of items under ``##`` headlines, a
    report whose parts are marked — marks its headings and is read by its marks.)"""
    seen_text, marked = False, False
    for b in blocks:
        if b.kind == "heading" and b.level:
            if seen_text:
                return False
            marked = True
        elif b.kind in ("body", "dateline", "list"):
            seen_text = True
    if not marked:
        return True
    return sum(1 for b in blocks if b.kind in ("body", "dateline")) >= 2


def _unmarked_labels(blocks: List[Block], conv: Conventions) -> None:
    """Section labels of a page whose Markdown marks only its higher headings: a point head that opens with a
    label of the pack (第二，……  一是……  ●……) and stops without a mark, over running text, is a label there too
    (a report whose parts are ``##`` and whose points are set as lines of their own)."""
    head = False  # between a headline and its article's first line of text
    for k, b in enumerate(blocks):
        if b.kind == "heading":
            head = True
            continue
        if b.kind != "body" or b.role:
            head = head and b.kind not in ("dateline", "list")
            continue
        t = clean_text(b.text)
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if not t or ends_sentence(t) or t[-1] in "，,、；;：:—":
            head = False
            continue
        if FIELD_RE.match(t) and not t.startswith(("“", "‘")) and not (nxt is not None and nxt.kind == "body"
                                                                      and join_evidence(t, clean_text(nxt.text))):
            b.role = "field"  # a profile's head: 某某：中国工程院院士; 开放时间：9：00—16：30 (no sentence after its colon)
            continue
        if head and nxt is not None and (nxt.kind == "dateline" or (nxt.kind == "body" and nxt.role == "")) and \
                (conv.section_label.match(t) or _open_line(t)) and _leads_to_dateline(blocks, k):
            b.kind, b.role = "heading", "lead"  # a summary between the headline and the dateline: ■ 70年来，……
            continue
        head = False
        if nxt is None or nxt.kind not in ("body", "list") or join_evidence(t, clean_text(nxt.text)):
            continue
        if conv.section_label.match(t) and len(t) <= 120 and not _SENTENCE_END_INSIDE.search(t):
            b.kind, b.role = "heading", "label"  # (a point head is one sentence; a line with more was cut)


def _leads_to_dateline(blocks: List[Block], k: int) -> bool:
    """The lines from ``blocks[k]`` on, up to three, all stop without a final mark and a dateline follows them."""
    for x in blocks[k:k + 4]:
        if x.kind == "dateline":
            return True
        t = clean_text(x.text)
        if x.kind != "body" or not t or ends_sentence(t) or t[-1] in "，,、；;：:—":
            return False
    return False


def _plain_structure(blocks: List[Block], conv: Conventions) -> None:
    """Headings of a page without Markdown marks, read from the form and place of its lines."""
    if not blocks:
        return
    bodies = [b for b in blocks if b.kind == "body"]
    # The page's paragraph conventions: are paragraphs indented, are they separated by blank lines?
    indents = sum(1 for b in bodies if b.indented)
    uses_indent = indents * 2 > len(bodies) >= 2
    pairs = [(a, b) for a, b in zip(blocks, blocks[1:]) if a.kind == "body" and b.kind == "body"]
    spaced = sum(1 for _, b in pairs if b.blank_before) * 2 > len(pairs)

    # Title block: the page's first lines, short and unpunctuated (not indented on an indented page),
    # up to the first line of running text.
    i = 0
    marked = blocks[0].kind == "heading" and blocks[0].level > 0  # (Markdown marks the title block: it ends there)
    while i < len(blocks) and i < 5:
        b = blocks[i]
        nb = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "heading" or (not marked and b.kind == "body" and not b.role and _plain_heading_candidate(clean_text(b.text), 80)
                                   and not (uses_indent and b.indented) and not conv.section_label.match(b.text)
                                   and not (nb is not None and nb.kind == "body"
                                            and join_evidence(clean_text(b.text), clean_text(nb.text)))):
            i += 1
            continue
        break
    if 0 < i < len(blocks):
        for b in blocks[:i]:
            if b.kind == "body":
                b.kind, b.role = "heading", "title"
    if uses_indent:
        # an unindented headline after a blank line — with the lines of its title block (引题/主题/副题, up to
        # four unindented lines in all) — over indented text: a new article
        def unindented_candidate(x: Block) -> bool:
            return x.kind == "body" and not x.role and not x.indented and _plain_heading_candidate(clean_text(x.text), 80)

        k = 0
        while k < len(blocks) - 1:
            b = blocks[k]
            if not unindented_candidate(b):
                k += 1
                continue
            j = k
            while j + 1 < len(blocks) and j - k < 3 and not blocks[j + 1].blank_before and \
                    unindented_candidate(blocks[j + 1]):
                j += 1
            # (without a blank line before it, a title block of two lines or more after a finished paragraph:
            # a subhead stands alone)
            after_text = k > 0 and blocks[k - 1].is_text and ends_sentence(clean_text(blocks[k - 1].text))
            if j + 1 < len(blocks) and blocks[j + 1].indented and (b.blank_before or (j > k and after_text)):
                for x in blocks[k:j + 1]:
                    x.kind, x.role = "heading", "title"
            k = j + 1

    for k, b in enumerate(blocks):
        if b.kind != "body" or b.role:
            continue
        t = clean_text(b.text)
        if not t:
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if nxt is not None and nxt.kind == "dateline" and len(t) <= 150 and t[-1] not in "—" and (
                _open_line(t) or (_RUBRIC.match(t) and t[-1] in "！？!?" and not _SENTENCE_END_INSIDE.search(t[:-1]))):
            # a headline or summary line right above the dateline, a rubric's too (新华社综述：……,
            # 央视快评：为……点赞！)
            b.kind, b.role = "heading", "title"
            continue
        if not ends_sentence(t) and t[-1] not in "，,、；;" and (
                FIELD_RE.match(t) or t.startswith("——") and len(t) <= 80 and not regex.search(r"[，,。；;！？!?]", t)):
            b.role = "field"  # 开馆时间：9：00—16：30 / ——某某大学教授 王明 (not running text)
            continue
        nt = clean_text(nxt.text) if nxt is not None else ""
        if nt.startswith("——") and _open_line(nt) and len(nt) <= 80 and _open_line(t) and len(t) <= 60 and \
                not b.indented and k + 2 < len(blocks) and blocks[k + 2].kind in ("body", "dateline"):
            # a title over its subtitle (高举团结旗帜，从胜利走向新的胜利 / ——某某侧记): on an indented page an
            # unindented title opens an article; elsewhere the pair may be a quotation and its source, so a subhead
            b.kind, b.role = "heading", ("title" if uses_indent else "subhead")
            continue
        evidence = nxt is not None and nxt.kind in ("body", "list") and join_evidence(t, nt)
        if evidence:
            continue  # the next line carries on this one: not a heading
        if conv.section_label.match(t) and len(t) <= 120 and not ends_sentence(t) and t[-1] not in "，,、；;：:—":
            b.kind, b.role = "heading", "label"  # 第二、既要搞活经济，又要加强管理。……健全制度
            continue
        if not _open_line(t) or conv.body_opening.match(t):
            continue  # (a line that opens as running text does — 某某表示，  近年来， — is no heading)
        if len(t) <= 60 and (conv.section_label.match(t) or conv.column_tag.search(t)):
            b.kind, b.role = "heading", ("tag" if conv.column_tag.search(t) else "label")
        elif nxt is None or nxt.kind not in ("body", "dateline", "list") or not _starts_sentence(nt):
            continue  # (a last line or one before a caption: the structure rules judge it)
        elif len(t) <= 40:
            b.kind, b.role = "heading", "subhead"  # 尊重知识，改变命运 / “中国必将更加开放…”
        elif len(t) <= 120 and not spaced and (nxt.blank_before or (k + 1 < len(blocks) and b.blank_before)):
            b.kind, b.role = "heading", "lead"  # a summary set off by a blank line on a page that has none

    # Leads under the title: the page's own, and those of the articles that follow it on the page.
    _leads(blocks, i, spaced, uses_indent)
    for k in range(i + 1, len(blocks)):
        if blocks[k - 1].kind == "heading" and blocks[k - 1].role == "title" and not (
                blocks[k].kind == "heading" and blocks[k].role == "title"):
            _leads(blocks, k, spaced, uses_indent)


def _leads(blocks: List[Block], i: int, spaced: bool, uses_indent: bool) -> None:
    """Leads under a title ending at ``blocks[i - 1]``: the lines before the first one that ends a sentence,
    when none of them ends like a sentence (摘要, 核心提示, a pull quote) and the next line does not carry
    them on."""
    k = i
    while k < len(blocks) and k < i + 4 and (blocks[k].kind in ("body", "list") or blocks[k].role in INNER_HEADINGS):
        if blocks[k].kind != "body" or blocks[k].role:
            k += 1
            continue
        t = clean_text(blocks[k].text)
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if not t or ends_sentence(t) or t[-1] in "，,、；;：:" or len(t) > 300 or nxt is None or (
                nxt.kind in ("body", "list") and join_evidence(t, clean_text(nxt.text))) or (
                conventions().body_opening.match(t)):
            break
        first = all(x.kind == "heading" for x in blocks[i:k])  # (nothing but headings between it and the title)
        if spaced and not uses_indent and _SENTENCE_END_INSIDE.search(t[:-1]) and not (
                first and not _stops_mid_clause(t) and (nxt.kind in ("dateline", "byline") or (
                    len(t) <= 150 and nxt.kind in ("body", "list") and _reads_apart(t, clean_text(nxt.text))))):
            break  # (a page that sets paragraphs apart with blank lines and no indent has no form that sets a summary
            #        apart: a line there that holds whole sentences and stops without a mark is a lead only when the
            #        line under it opens a sentence of its own — the character model reads the two far better apart)
        k += 1
    # (a lead leads into its article's text: a line that holds whole sentences followed straight by the next
    # article's title is that article's only text, cut short, not its lead — a one-line summary in an index of
    # headlines still reads as one)
    if k < len(blocks) and (blocks[k].kind in ("dateline", "byline") or (
            blocks[k].kind == "heading" and (blocks[k].role != "title" or not any(
                _SENTENCE_END_INSIDE.search(clean_text(b.text)[:-1]) for b in blocks[i:k]))) or (
            blocks[k].kind == "body" and ends_sentence(clean_text(blocks[k].text)))):
        for b in blocks[i:k]:
            if b.kind == "body" and not b.role:
                b.kind, b.role = "heading", "lead"


def _stops_mid_clause(t: str) -> bool:
    """A line that stops on a word no clause ends on (……解决这个问题的, ……优势以及)."""
    return bool(t) and ((t[-1] in DANGLING and _last_word(t) == t[-1]) or bool(open_end_evidence(t)))


_APART = -4.0  # nats: a lead and the paragraph under it read as two sentences at least this much better than one


def _reads_apart(tail: str, head: str) -> bool:
    """The character model reads ``tail`` and ``head`` far better as two sentences than as one (a summary line
    over the article's first paragraph, not a paragraph cut at the break)."""
    from .analyses.joins import score

    s = score(tail, head)
    return s is not None and s <= _APART


def clean_text(text: str) -> str:
    return text.strip(_WS + _EMPHASIS)


INNER_HEADINGS = ("subhead", "lead", "label", "tag")


def _opens_article(blocks: List[Block], i: int) -> bool:
    return i > 0 and blocks[i - 1].kind == "heading"


def _articles(blocks: List[Block]) -> List[Article]:
    articles: List[Article] = []
    cur: Optional[Article] = None

    def start(kind: str) -> Article:
        a = Article(len(articles), kind)
        articles.append(a)
        return a

    prev: Optional[Block] = None
    for b in blocks:
        if b.kind == "heading" and b.role in INNER_HEADINGS:
            # a subhead, lead, section label or column tag belongs to the article it stands in
            if cur is None:
                cur = start("front")
        elif b.kind == "heading":
            # A headline with its subtitles, column name and byline make one article head: a heading
            # continues the current head when only headings or a byline came before it, unless it is a
            # Markdown heading of the same or a higher rank than the heading just before it.
            continues = (cur is not None and prev is not None and not cur.paragraphs and cur.kind != "photo"
                         and (prev.kind == "byline" or (prev.kind == "heading" and not (
                             b.level and prev.level and b.level <= prev.level))))
            if not continues:
                cur = start("news")
        elif b.kind == "dateline":
            if cur is None or cur.dateline is not None or cur.paragraphs or cur.kind == "photo":
                cur = start("news")
        elif b.kind == "caption" or (b.kind == "credit" and (prev is None or prev.kind != "caption")):
            if cur is not None and prev is not None and prev.kind == "heading" and not cur.paragraphs:
                cur.kind = "photo"  # a headed photo: ### 生态家园 美好生活 / caption / credit
            elif cur is None or cur.kind != "photo":
                cur = start("photo")
        elif b.kind == "byline":
            if cur is None:
                cur = start("news")
            if b.text.startswith(("□", "■", "◎")):
                cur.kind = "commentary"
        else:
            if cur is None:
                cur = start("front")
            elif cur.kind == "photo" and prev is not None and prev.kind in ("caption", "credit"):
                cur = start("front")
        cur.blocks.append(b)
        b.article = cur.index
        prev = b
    return articles
