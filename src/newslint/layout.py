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
from typing import List, Optional

import regex

# A dateline opens a news item: 本报讯（记者…）, 又讯, 本台消息, 央视网消息（新闻联播）, 新华社北京1月1日电…
DATELINE_RE = regex.compile(
    r"^[*_]{0,2}(?:本报讯|又讯|本台消息|本台记者|央视网消息|据新华社|新华社[^\s，,。（(]{0,12}?电|本报[^\s，,。（(]{1,10}?电"
    r"|[^\s，,。（(]{2,8}(?:日报|晚报|新闻网|人民网)讯)[*_]{0,2}")
# A byline or credit standing alone: 本报记者 赵根治 / 记者 张三 李四 / □高亢 / 文/图 某某 / 通讯员 某某
BYLINE_RE = regex.compile(  # (?=.{0,200}$): a byline is a short line; bounds the backtracking (linear time)
    r"^(?=.{0,200}$)(?:(?:本报|本台)?(?:记者|通讯员|见习记者|特约记者|实习生)[\s　]*[\p{Han}·]{2,4}"
    r"(?:[\s　、]+(?:(?:记者|通讯员)[\s　]*)?[\p{Han}·]{2,4})*|[□■◎][\p{Han}·]{2,4}|文[/／]图[:：]?[\s　]*[\p{Han}·\s　]{2,12})$")
# A photo credit closes a caption: 本报记者 刘金元 摄 / （本报记者刘金元 摄） / 张三 摄
CREDIT_RE = regex.compile(r"(?:[\p{Han}·]{2,4}|本报记者[\s　]*[\p{Han}·]{2,4})[\s　]*摄[）)]?$")
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

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def is_text(self) -> bool:
        """Running text of an article (the dateline paragraph included)."""
        return self.kind in ("body", "dateline")


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


def _plain_heading_candidate(text: str) -> bool:
    if len(text) > 48 or len(text) < 2:
        return False
    if "。" in text or ends_sentence(text) or text[-1] in "，,、":
        return False
    if DATELINE_RE.match(text) or BYLINE_RE.match(text) or LINK_LINE_RE.match(text):
        return False
    return bool(regex.search(r"\p{Han}", text))


def analyse(page) -> Layout:
    text = page.text
    blocks: List[Block] = []
    for n, start in enumerate(page.line_starts):
        end = page.line_end(n + 1)
        s, e = start, end
        while s < e and text[s] in _WS:
            s += 1
        while e > s and text[e - 1] in _WS:
            e -= 1
        if s == e:
            continue
        content = text[s:e]
        if content.startswith("<!--") and content.find("-->") == len(content) - 3:
            continue  # a Markdown/HTML comment line (e.g. a newslint directive) is not page content
        m = MD_HEADING_RE.match(content)
        if m:
            inner_s = s + m.start(2)
            inner_e = s + m.end(2)
            if inner_e > inner_s:
                blocks.append(Block("heading", inner_s, inner_e, n + 1, text[inner_s:inner_e], level=len(m.group(1))))
            continue
        if DATELINE_RE.match(content):
            kind = "dateline"
        elif BYLINE_RE.match(content):
            kind = "byline"
        elif LINK_LINE_RE.match(content):
            kind = "link"
        elif CREDIT_RE.search(content) and len(content) <= 16:
            kind = "credit"
        elif CREDIT_RE.search(content):
            kind = "caption"
        elif LIST_ITEM_RE.match(content):
            kind = "list"
        else:
            kind = "body"
        blocks.append(Block(kind, s, e, n + 1, content))

    # A photo caption may put its credit on the next line: caption text, then 本报记者刘金元 摄.
    for i, b in enumerate(blocks):
        if b.kind == "credit" and i > 0 and blocks[i - 1].kind == "body" and not _opens_article(blocks, i - 1):
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
            b.kind = "heading"

    for i, b in enumerate(blocks):
        b.index = i
    return Layout(blocks, _articles(blocks))


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
        if b.kind == "heading":
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
