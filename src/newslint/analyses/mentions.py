"""Mentions of people and organisations on a page, with their titles and offsets.

The shared analysis ``page.analysis("mentions")`` returns a :class:`Mentions` object.  Its API, for
every rule family that needs names (the attribution rules use it to know who is speaking):

``Mentions.items`` — every :class:`Mention` in page order.  A mention has

- ``kind``: ``"person"`` or ``"org"``;
- ``name``: the spelling as printed (``官卫红``, ``焦作科瑞森重装备股份有限公司``);
- ``start``/``end``: offsets of the name in ``page.text``; ``block``: the layout block index;
  ``block_kind``: that block's kind (heading, dateline, byline, credit, caption, body…);
- ``title``: the title words printed right before the name (``市政协副主席、高新区（示范区）党工委副书记``),
  ``""`` when none;
- ``role``: the context that found it — ``"title"`` (职务+姓名), ``"byline"`` (记者…/通讯员…/…摄),
  ``"list"`` (区领导A、B、C出席), ``"speech"`` (吕沛指出 / 宫卫红调研…), ``"repeat"`` (a later plain
  occurrence of a name found in one of those contexts), ``"org"`` (an organisation);
- ``group``: the attendance list it belongs to (``-1``: none).  Two names of one list are two
  people, never spellings of one name;
- ``strong``: found by an unambiguous context (title, byline, list) rather than by a clause-start
  guess (speech) — a rule should trust a weak mention only when another page confirms it.

Helpers: ``people()``, ``orgs()``, ``by_name()`` (name → mentions), ``at(offset)``.

How names are found: newspapers print a person's name in a handful of fixed contexts (after a title
word, in a byline or credit, in an attendance list, at the head of a clause before a speech or
action verb); a name there is a surname (from ``rules/surnames.toml``: 百家姓 and the modern surname
reports) and one or two given-name characters.  Where both a two- and a three-character reading fit,
the page decides: the three-character reading wins when every occurrence of its first two characters
on the page is followed by the same third character.  No dictionary of names is used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Tuple

import regex

from .. import packs
from . import words as _words

# Python's re module runs the long literal alternations below many times faster than regex.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

@dataclass(frozen=True)
class Mention:
    kind: str  # "person" | "org"
    name: str
    start: int
    end: int
    block: int = -1
    block_kind: str = ""
    title: str = ""
    role: str = ""
    group: int = -1
    strong: bool = True


@dataclass
class Mentions:
    items: List[Mention] = field(default_factory=list)

    def people(self) -> List[Mention]:
        return [m for m in self.items if m.kind == "person"]

    def orgs(self) -> List[Mention]:
        return [m for m in self.items if m.kind == "org"]

    def by_name(self) -> Dict[str, List[Mention]]:
        out: Dict[str, List[Mention]] = {}
        for m in self.items:
            out.setdefault(m.name, []).append(m)
        return out

    def at(self, offset: int) -> Optional[Mention]:
        for m in self.items:
            if m.start <= offset < m.end:
                return m
        return None


# ---- surnames ---------------------------------------------------------------------------------
def _surname_entries() -> tuple:
    """The ``[[surnames]]`` entries of the built-in surname pack and of the user packs."""
    return packs.entries("surnames")


def surnames() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(single-character surnames, compound surnames) from the surname packs."""
    return _surnames(packs.active_key())


@lru_cache(maxsize=4)
def _surnames(_packs_key) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    single: set = set()
    compound: set = set()
    for entry in _surname_entries():
        single.update(ch for ch in entry.get("single", "") if regex.match(r"\p{Han}", ch))
        compound.update(entry.get("compound", []))
    return frozenset(single), frozenset(compound)


def common_surnames() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(single, compound) of the pack's most frequent surnames — for names met without a title."""
    return _common_surnames(packs.active_key())


@lru_cache(maxsize=4)
def _common_surnames(_packs_key) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    single: set = set()
    compound: set = set()
    for entry in _surname_entries():
        single.update(ch for ch in entry.get("common", "") if regex.match(r"\p{Han}", ch))
        compound.update(entry.get("common_compound", []))
    return frozenset(single), frozenset(compound)


def surname_len(text: str, i: int) -> int:
    """Length of the surname starting at ``text[i]`` (2 for a compound surname), 0 if none."""
    single, compound = surnames()
    if text[i:i + 2] in compound:
        return 2
    return 1 if i < len(text) and text[i] in single else 0


# ---- context patterns -------------------------------------------------------------------------
# Title words that stand right before a name (职务+姓名).  Longer words first.
def ranks() -> Tuple[str, ...]:
    """The titles this analysis reads before a name (rules/titles.toml, kinds ``title`` and ``rank``, and
    the user packs), longest first."""
    return _words.titles(_words.MENTION_KINDS)


def title_before_re() -> "re.Pattern":
    """A rank followed by a Han character (the name behind it)."""
    return _title_before_re(ranks())


@lru_cache(maxsize=4)
def _title_before_re(words: Tuple[str, ...]) -> "re.Pattern":
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + rf")(?=[{HAN}])")
# What may follow a name: punctuation, or a word that starts the predicate.
FOLLOW_WORDS = (
    "指出", "强调", "要求", "表示", "说", "介绍", "认为", "主持", "出席", "参加", "调研", "督导", "先后",
    "一行", "带领", "带队", "率队", "率团", "深入", "认真", "详细", "察看", "查看", "会见", "会谈", "看望",
    "慰问", "走访", "前往", "来到", "走进", "讲话", "致辞", "宣布", "提出", "听取", "希望", "代表", "同志",
    "一同", "陪同", "等", "在", "到", "对", "与", "和", "及", "就", "为", "向", "是", "也", "还", "则",
    "将", "作", "做", "进行", "分别", "实地", "现场", "检查", "观摩", "参观", "考察", "了解", "询问",
    "坦言", "告诉", "透露", "称", "共同", "一起", "率", "同", "主讲", "授课", "作了", "作为", "任",
    "担任", "指导", "巡查", "暗访", "召集", "召开", "接受", "表彰", "颁发", "致", "给", "通报", "汇报",
    "部署", "总结", "点评", "回答", "答", "专程", "亲自", "首先", "最后", "随后", "又", "再次", "一直",
    "带着", "发表", "签署", "签约", "通过", "获得", "荣获", "当选", "的", "说道", "补充", "感慨", "笑着",
)
_FOLLOW_RE = re.compile(r"(?:" + "|".join(sorted(FOLLOW_WORDS, key=len, reverse=True)) + r")")
_PUNCT_FOLLOW = set("，,。、；;：:！？!?”’）)」』\"' \t　\n·—…《》“")
# Verbs that make a clause-start string a person (宫卫红调研…, 吕沛指出…, 官卫红在会上强调…).
CLAUSE_VERBS = re.compile(
    r"(?:指出|强调|要求|表示|介绍|认为|主持|出席|调研|督导|先后|一行|带领|带队|率队|深入|会见|看望|慰问"
    r"|走访|讲话|致辞|宣布|听取|说[，,：:]|在[^。，,；;\n]{1,30}?(?:上|中|时|期间)[，,]?(?:指出|强调|表示|说|要求|讲话|介绍))")
# CLAUSE_VERBS two, three or four characters on (where a name of that length would end), in one match
_VERB_AFTER_NAME = re.compile(r".{2,4}?(?:" + CLAUSE_VERBS.pattern + ")", re.S)
# Characters a person's name does not end with (place and organisation words).
NOT_NAME_END = set("区市县省州镇乡村街路局委办部厅会院校所站队处科司厂社组馆店场届年月日期")
# Characters that end a two-character name more often than they end a three-character one.
_LIGHT_THIRD = set("在对与和到等说也就将要还为是从把向同率带及并一已曾又再都")
# ... and characters that all but never end a three-character one (常华等, 在习主席关心下).
_NEVER_THIRD = set("等说上下")
BYLINE_ROLE_RE = regex.compile(
    r"(?:(?:本报|本台|本刊|本网)?(?:首席|特约|见习|实习)?(?:记者|通讯员|实习生|摄影记者|摄影|摄像|编辑|校对)"
    r"|文[/／]图|图[/／]文)[\s　:：]*")
_BYLINE_NAME_RE = regex.compile(r"([\p{Han}·]{2,4}?)(?=[\s　、，,）)」]|摄|$)")
CREDIT_NAME_RE = regex.compile(r"(?:^|[\s　。）)])([\p{Han}]{2,4})[\s　]*摄[）)]?$")
COMMENTARY_RE = regex.compile(r"^[□■◎]([\p{Han}·]{2,4})$")
LIST_INTRO_RE = re.compile(
    r"(?:领导|班子成员|书记|主任|主席|市长|区长|县长|部长|局长|委员|常委|同志|负责人)"
    rf"((?:[{HAN}]{{2,4}}[、，,])+[{HAN}]{{2,5}}?)"
    r"(?=出席|参加|陪同|一同|等|分别|列席|参会|在|[，,。；;\s]|$)")
# One leader named alone before an attendance verb: 区领导赵俊生一同调研, 区领导孙明参加会议.
SINGLE_ATTENDEE_RE = re.compile(
    rf"(?:^|[，,。；;\s])(?:[{HAN}]{{0,2}}领导)([{HAN}]{{2,4}}?)(?=出席|参加|陪同|一同|列席|参会)")
# Words that end a clause before an organisation name starts (吕沛先后到科瑞森…公司).
ORG_LEFT_CUT = regex.compile(
    r".*(?:先后到|来到|走进|走访|深入|前往|参观|调研|考察|看望|位于|落户|签约|携手|联合|委托|依托|组织|邀请"
    r"|新增|成立|引进|入驻|培育|服务|支持|帮助|包括|建成|打造|获悉|据悉|其中|例如"
    r"|到|在|与|和|同|向|对|为|的|及|将|把|被|赴|记者|员工|工人)")
# An organisation name usually starts at its place: a province, or a city or county name before 市/县.
ORG_PLACE_START = regex.compile(r"[\p{Han}]{2,3}省|[\p{Han}]{2}(?:市|县|自治州|自治区)")
_HAN = regex.compile(r"\p{Han}")
_CLOSE_PAREN_RE = regex.compile(r"[）)]")
_BYLINE_SEP_RE = regex.compile(r"[\s　、]+")
_SKIP_BLOCKS = ("link",)


def common_word_freq(word: str) -> int:
    """Frequency of ``word`` in jieba's dictionary when it is tagged as something other than a
    person's name (``nr*``), else 0: 关于, 强调, 高度, 学习 are words; 李强 is a name."""
    freq, tag = word_info(word)
    return 0 if not tag or tag.startswith("nr") else freq


@lru_cache(maxsize=65536)
def word_info(word: str) -> Tuple[int, str]:
    """(frequency, POS tag) of ``word`` in jieba's dictionary, (0, "") when absent."""
    from ..lexicon import lexicon

    try:
        hit = lexicon().lookup(word)
    except Exception:  # pragma: no cover
        return 0, ""
    return hit if hit else (0, "")


# jieba's tags of function words: preposition, conjunction, auxiliary, adverb, pronoun
_FUNCTION_POS = ("p", "c", "u", "d", "r")


def _function_word_freq(word: str) -> int:
    freq, tag = word_info(word)
    return freq if tag in _FUNCTION_POS else 0


def _wordlike(name: str, weak: bool) -> bool:
    """True when ``name`` reads as an ordinary word rather than a name — or starts with a common
    function word (总书记关于党的… is no person 关于党)."""
    if common_word_freq(name) >= 20:
        return True
    if len(name) >= 3 and _function_word_freq(name[:2]) >= 100:
        return True
    return weak and len(name) >= 3 and common_word_freq(name[:2]) >= 100


def _follows_ok(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    if text[end] in _PUNCT_FOLLOW:
        return True
    return bool(_FOLLOW_RE.match(text, end))


def _name_candidates(text: str, i: int) -> List[int]:
    """End offsets of the plausible names starting at ``text[i]`` (surname + 1-2 characters)."""
    sl = surname_len(text, i)
    if not sl:
        return []
    out = []
    for given in (1, 2):
        e = i + sl + given
        if e > len(text) or not all(_HAN.match(c) for c in text[i:e]):
            break
        if text[e - 1] in NOT_NAME_END or (given == 2 and text[e - 1] in _NEVER_THIRD):
            continue
        if _follows_ok(text, e):
            out.append(e)
    return out


EVIDENCE_WINDOW = 50_000  # characters either side of a name counted as "the page" (bounds huge files)


def _choose(text: str, i: int, ends: List[int], page_text: str, at: int = 0) -> Optional[int]:
    """Pick the name length at ``i`` among candidate ends, using the page around it as evidence
    (``at`` is the name's offset in ``page_text``; a real page lies wholly inside the window)."""
    if not ends:
        return None
    if len(ends) == 1:
        return ends[0]
    short, long = ends[0], ends[-1]
    stem, full = text[i:short], text[i:long]
    lo, hi = max(0, at - EVIDENCE_WINDOW), at + EVIDENCE_WINDOW
    n_stem, n_full = page_text.count(stem, lo, hi), page_text.count(full, lo, hi)
    if n_full == n_stem:
        return long
    if text[short] in _LIGHT_THIRD or n_stem >= 2 * n_full:
        # the stem stands elsewhere followed by other characters: the two-character reading is a name
        return short
    return long


_DATELINE_HEAD_RE = regex.compile(
    r"^.*?(?:本报讯|本报消息|[0-9０-９一二三四五六七八九十]日电)[ \t　]*(?:[（(][^（）()]*[）)])?[ \t　]*")


def _title_before(text: str, start: int, floor: int) -> str:
    """The title words printed right before a name: back to the clause boundary."""
    j = start
    while j > floor and (text[j - 1] not in "，,。；;：:！？!?“”\"\n" or text[j - 1] in "、"):
        j -= 1
    t = text[j:start]
    # cut a dateline before it: 本报讯（记者赵文）区委副书记 -> 区委副书记, …3月5日电 外交部发言人 -> 外交部发言人
    dm = _DATELINE_HEAD_RE.match(t)
    if dm and dm.end() < len(t):
        t = t[dm.end():]
    # cut a leading subject and connective: 吕沛与中建七局…董事长 -> 中建七局…董事长
    m = regex.match(r".*?(?:与|和|同|及|向|对|陪同|会见|看望|邀请|由)(?=[\p{Han}（(]{2,}$)", t)
    if m and len(t) - m.end() >= 2:
        t = t[m.end():]
    return t.strip(" \t　、")


def find_all(text: str, words) -> Iterator[Tuple[int, int]]:
    """Spans of ``words`` in ``text`` as an alternation of them, longest first, finds them: left to right, the
    longest word starting at a place, none overlapping.  (A page's own list of names: compiling it into a
    pattern on every page costs more than finding each name.)"""
    longest: Dict[int, int] = {}
    for w in words:
        if not w:
            continue
        i = text.find(w)
        while i >= 0:
            if longest.get(i, -1) < i + len(w):
                longest[i] = i + len(w)
            i = text.find(w, i + 1)
    last = 0
    for s in sorted(longest):
        if s >= last:
            last = longest[s]
            yield s, last


def first_chars(text: str, chars) -> List[int]:
    """Offsets in ``text`` of any of ``chars``, in order."""
    out: List[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


class _Builder:
    def __init__(self, page):
        self.page = page
        self.text = page.text
        self.items: Dict[Tuple[int, int], Mention] = {}
        self.covered: set = set()  # offsets inside some mention (O(1) overlap tests)
        self.group = 0

    def add(self, m: Mention) -> None:
        self.covered.update(range(m.start, m.end))
        key = (m.start, m.end)
        old = self.items.get(key)
        if old is None or (m.strong and not old.strong) or (m.title and not old.title):
            self.items[key] = m
        # a mention overlapping a stronger one is dropped at the end


def analyse(page) -> Mentions:
    b = _Builder(page)
    text = page.text
    layout = page.layout
    titles, suffixes = title_before_re(), org_suffix_re()  # (the packs' patterns, looked up once a page)
    for blk in layout.blocks:
        if blk.kind in _SKIP_BLOCKS:
            continue
        _bylines(b, blk)
        _titled(b, blk, titles)
        _lists(b, blk)
        _orgs(b, blk, suffixes)
    # clause-start names (speech and action verbs), weak unless confirmed on the page
    for blk in layout.blocks:
        if blk.kind in _SKIP_BLOCKS:
            continue
        _clause_starts(b, blk)
    strong_names = {m.name for m in b.items.values() if m.kind == "person" and m.strong}
    # repeats: later plain occurrences of any person name found above
    names = {m.name for m in b.items.values() if m.kind == "person"}
    if names:
        plain = _Plain(b, layout)
        for s, e in find_all(text, names):
            if (s, e) not in b.items:
                plain.add(s, e, "repeat", text[s:e] in strong_names)
        counts: Dict[str, int] = {}
        for m in b.items.values():
            if m.kind == "person":
                counts[m.name] = counts.get(m.name, 0) + 1
        _near_repeats(b, plain, strong_names, counts)
    items = sorted(b.items.values(), key=lambda m: (m.start, -(m.end - m.start)))
    # drop mentions nested in or overlapping an earlier, longer one
    out: List[Mention] = []
    last_end = -1
    for m in items:
        if m.start < last_end:
            continue
        out.append(m)
        last_end = m.end
    return Mentions(out)


class _Plain:
    """Adds person mentions found without a context of their own (repeats of names found above)."""

    def __init__(self, b: _Builder, layout):
        self.b = b
        self.blocks = [blk for blk in layout.blocks if blk.kind not in _SKIP_BLOCKS]
        self.starts = [blk.start for blk in self.blocks]
        self.taken: Optional[set] = None  # offsets inside a mention, once near repeats are sought

    def add(self, s: int, e: int, role: str, strong: bool) -> bool:
        """A mention of text[s:e] if it lies inside one text block."""
        import bisect

        k = bisect.bisect_right(self.starts, s) - 1
        if k < 0 or e > self.blocks[k].end:
            return False
        blk = self.blocks[k]
        self.b.items[(s, e)] = Mention("person", self.b.text[s:e], s, e, blk.index, blk.kind, "", role, -1,
                                       strong)
        if self.taken is not None:
            self.taken.update(range(s, e))
        return True

    def free(self, s: int, e: int) -> bool:
        if self.taken is None:
            self.taken = set()
            for m in self.b.items.values():
                self.taken.update(range(m.start, m.end))
        return not any(x in self.taken for x in range(s, e))


def _near_repeats(b: _Builder, plain: _Plain, strong_names, counts=None) -> None:
    """Plain occurrences of a *misspelt* well-attested name on this page: see :func:`near_repeat_spans`.
    They are weak mentions: the name rules compare them with the name they resemble."""
    for s, e in near_repeat_spans(b.text, strong_names, plain.free, counts):
        plain.add(s, e, "near-repeat", False)


# A name printed this many times on a page is the page's spelling: a one-off spelling beside it that
# differs in a weakly alike character (a shared component: 强/弦) is sought too.
ESTABLISHED = 3


def near_repeat_spans(text: str, strong_names, free: Callable[[int, int], bool],
                      counts: Optional[Dict[str, int]] = None) -> Iterator[Tuple[int, int]]:
    """Spans of ``text`` that misspell one of ``strong_names`` (names found in a strong context: title,
    byline, list): a three-character name with one given-name character replaced by one that sounds or
    looks like it (梁光烈 … 向梁广烈同志的遗体三鞠躬), or a two-character one under stricter conditions
    (:func:`_near_short`; in a 、 list only beside a name printed :data:`ESTABLISHED` times, not in that
    list).  ``free(s, e)`` says whether a span is still unclaimed; the caller claims each
    span it takes before the search goes on.  ``counts`` (name → mentions on the page): a two-character
    name printed :data:`ESTABLISHED` times or more is matched by a weakly alike character too (尹强 ×5,
    尹弦 ×1).  One pass over the text."""
    counts = counts or {}
    from . import charsim

    # (surname, kept character, position of the replaced one) -> the names it may misspell
    keys: Dict[Tuple[str, str, int], List[str]] = {}
    short: Dict[str, List[str]] = {}  # surname -> two-character names
    for name in sorted(strong_names):
        if len(name) == 3 and surname_len(name, 0) == 1:
            keys.setdefault((name[0], name[2], 1), []).append(name)
            keys.setdefault((name[0], name[1], 2), []).append(name)
        elif len(name) == 2 and surname_len(name, 0) == 1:
            short.setdefault(name[0], []).append(name)
    if not keys and not short:
        return
    for s in first_chars(text, {k[0] for k in keys} | set(short)):
        if short.get(text[s]) and _near_short(text, free, short[text[s]], s, counts):
            yield s, s + 2
            continue
        e = s + 3
        cand = text[s:e]
        if len(cand) < 3 or not all(_HAN.match(c) for c in cand) or not free(s, e):
            continue
        for pos, kept in ((1, cand[2]), (2, cand[1])):
            c = cand[pos]
            if c in NOT_NAME_END or c in _NEVER_THIRD:
                continue
            name = next((n for n in keys.get((cand[0], kept, pos), ()) if n[pos] != c
                         and charsim.relation(n[pos], c, weak=True)), None)
            if name is None:
                continue
            # the candidate must stand alone: not itself a word, no word across its edges
            # (王小朋友 is no 王小明); what follows may be anything else (习近干主席, 张国涛抵达后).
            # A word across an edge is no objection where the page prints the name itself in the same
            # surroundings: the same neighbour (落实习近平 … 落实习遥平: 实习 is a word, but the name is
            # printed so too) or the same two characters after it (习近平总书记 … 落实习遥平总书记).
            after = text[e:e + 2]
            seen = ((s > 0 and text[s - 1] + name in text)
                    or (len(after) == 2 and all(_HAN.match(c) for c in after) and name + after in text))
            if (common_word_freq(cand[1:]) >= 20
                    or (e < len(text) and common_word_freq(text[e - 1:e + 1]) >= 20 and not seen)
                    or (s > 0 and common_word_freq(text[s - 1:s + 1]) >= 20 and not seen)):
                continue
            yield s, e
            break


def _near_short(text: str, free: Callable[[int, int], bool], names: List[str], s: int,
                counts: Optional[Dict[str, int]] = None) -> bool:
    """A misspelt two-character name at ``s`` (吕佩 for 吕沛): stricter than for three characters, as a
    surname and one character make many words — the character must sound or look strongly alike, and
    the name must be followed by punctuation or a word that follows names (说, 指出, 同志, 在…)."""
    from . import charsim

    e = s + 2
    cand = text[s:e]
    if len(cand) < 2 or not _HAN.match(cand[1]) or not free(s, e):
        return False
    c = cand[1]
    if c in NOT_NAME_END or c in _NEVER_THIRD:
        return False
    listed = (s > 0 and text[s - 1] == "、") or (e < len(text) and text[e] == "、")
    counts = counts or {}
    name = next((n for n in names if n[1] != c and charsim.relation(
        n[1], c, weak=counts.get(n, 0) >= ESTABLISHED and not listed)), None)
    if name is None:
        return False
    if listed and (counts.get(name, 0) < ESTABLISHED or name in _list_around(text, s, e)):
        # a member of a list is a person of its own (刘淇 beside 刘奇) unless the page prints the name
        # it resembles often, and not in this very list (刘淇、刘奇: two people)
        return False
    # what follows must be what follows a name — unless the page prints the name itself after the same
    # two characters (国务院总理李强 … 国务院总理李蒋监誓: the title says where the name stands)
    before = text[max(0, s - 2):s]
    if not _follows_ok(text, e) and not (
            len(before) == 2 and all(_HAN.match(x) for x in before) and before + name in text):
        return False
    return not (common_word_freq(cand) or (s > 0 and common_word_freq(text[s - 1:s + 1]) >= 20)
                or (e < len(text) and common_word_freq(text[s + 1:e + 1]) >= 20))


def _list_around(text: str, s: int, e: int) -> str:
    """The 、 list holding ``text[s:e]``: back and on to the nearest mark other than 、."""
    lo = s
    while lo > 0 and text[lo - 1] not in "，,。；;：:！？!?\n（）()":
        lo -= 1
    hi = e
    while hi < len(text) and text[hi] not in "，,。；;：:！？!?\n（）()":
        hi += 1
    return text[lo:hi]


def _bylines(b: _Builder, blk) -> None:
    text = blk.text
    base = blk.start
    if blk.kind in ("dateline", "byline", "credit", "caption", "body", "heading"):
        # 记者付凯明 通讯员周红 / 本报记者 刘金元 摄 — within the dateline's brackets or a byline line
        scope_end = len(text)
        if blk.kind == "dateline":
            close = _CLOSE_PAREN_RE.search(text)
            scope_end = close.end() if close and close.start() < 60 else min(len(text), 60)
        elif blk.kind in ("body", "heading"):
            scope_end = 0  # running text: only a credit at the end (handled below)
        for rm in BYLINE_ROLE_RE.finditer(text, 0, scope_end):
            pos = rm.end()
            b.group += 1  # the names after one role (本报记者张贺、王珏、王瑨) are different people
            while pos < scope_end:
                nm = _BYLINE_NAME_RE.match(text, pos, scope_end)
                if not nm:
                    break
                name = nm.group(1)
                if BYLINE_ROLE_RE.match(name) or name.endswith("摄"):
                    break
                b.add(Mention("person", name, base + nm.start(1), base + nm.end(1), blk.index, blk.kind,
                              rm.group().strip(" \t　:："), "byline", b.group))
                pos = nm.end()
                sep = _BYLINE_SEP_RE.match(text[pos:scope_end])
                if not sep:
                    break
                pos += sep.end()
                if BYLINE_ROLE_RE.match(text, pos, scope_end):
                    break
    if blk.kind in ("credit", "caption", "body"):
        cm = CREDIT_NAME_RE.search(text)
        if cm and not BYLINE_ROLE_RE.fullmatch(cm.group(1)):
            name = cm.group(1)
            pre = text[:cm.start(1)]
            if not regex.search(r"(?:记者|通讯员|摄影)[\s　]*$", pre) or True:
                if not name.startswith(("记者", "通讯员")):
                    b.add(Mention("person", name, base + cm.start(1), base + cm.end(1), blk.index, blk.kind,
                                  "摄影", "byline"))
    if blk.kind == "byline":
        cm = COMMENTARY_RE.match(text)
        if cm:
            b.add(Mention("person", cm.group(1), base + cm.start(1), base + cm.end(1), blk.index, blk.kind,
                          "作者", "byline"))


def _titled(b: _Builder, blk, titles: "re.Pattern") -> None:
    text = blk.text
    for tm in titles.finditer(text):
        i = tm.end()
        end = _choose(text, i, _name_candidates(text, i), b.text, blk.start + i)
        if end is None or _wordlike(text[i:end], False) or _title_runs_on(text, i):
            continue
        # a list after the title is handled by _lists
        if end < len(text) and text[end] in "、" :
            continue
        title = _title_before(text, i, 0)
        b.add(Mention("person", text[i:end], blk.start + i, blk.start + end, blk.index, blk.kind, title,
                      "title"))


def _title_runs_on(text: str, i: int) -> bool:
    """The title's last characters and the would-be surname at ``i`` form one word: 轮值主席国工作
    is no 主席 named 国工作, 书记处 no 书记 named 处…"""
    for k in (2, 3):
        if i >= k and common_word_freq(text[i - k:i + 1]) >= 10:
            return True
    return False


def _lists(b: _Builder, blk) -> None:
    text = blk.text
    for lm in LIST_INTRO_RE.finditer(text):
        parts = regex.split(r"[、，,]", lm.group(1))
        if len(parts) < 2:
            continue
        pos = lm.start(1)
        found = []
        for p in parts:
            ok = (2 <= len(p) <= 4 and surname_len(p, 0) and p[-1] not in NOT_NAME_END
                  and not _wordlike(p, False))
            if ok:
                found.append((pos, pos + len(p), p))
            pos += len(p) + 1
        if len(found) < max(2, len(parts) - 1):
            continue
        b.group += 1
        title = _title_before(text, lm.start(1), 0)
        for s, e, p in found:
            b.add(Mention("person", p, blk.start + s, blk.start + e, blk.index, blk.kind, title, "list",
                          b.group))
    for sm in SINGLE_ATTENDEE_RE.finditer(text):
        name = sm.group(1)
        if not (surname_len(name, 0) and name[-1] not in NOT_NAME_END) or _wordlike(name, False):
            continue
        b.group += 1  # a list of one
        title = _title_before(text, sm.start(1), 0)
        b.add(Mention("person", name, blk.start + sm.start(1), blk.start + sm.end(1), blk.index, blk.kind,
                      title, "list", b.group))


_CLAUSE_START = re.compile(rf"(?:^|[，,。；;：:！？!?“”\"」）)])(?=[{HAN}])")


def _clause_starts(b: _Builder, blk) -> None:
    text = blk.text
    verb_after_name = _VERB_AFTER_NAME.match
    for cm in _CLAUSE_START.finditer(text):
        i = cm.end()
        # a name here is 2-4 characters followed by a verb of speech or action: most clause starts have
        # no such verb at any of those places, and need no name candidates at all
        if not verb_after_name(text, i):
            continue
        ends = _name_candidates(text, i)
        end = _choose(text, i, ends, b.text, blk.start + i)
        if end is None or not CLAUSE_VERBS.match(text, end) or _wordlike(text[i:end], True):
            continue
        s, e = blk.start + i, blk.start + end
        if s in b.covered:
            continue
        b.add(Mention("person", text[i:end], s, e, blk.index, blk.kind, "", "speech", -1, False))


def org_suffixes() -> Tuple[str, ...]:
    """The words that end an organisation's name (``[[org_suffix]]`` of rules/organisations.toml and of
    the user packs), longest first."""
    return _org_suffixes(packs.active_key())


@lru_cache(maxsize=4)
def _org_suffixes(_packs_key) -> Tuple[str, ...]:
    words = set()
    for entry in packs.entries("org_suffix"):
        words.update(w for w in entry.get("words", []) if isinstance(w, str) and w)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def org_suffix_re(anchor: str = "") -> "re.Pattern":
    """A pattern matching any organisation suffix (``anchor="$"``: one ending the text), group 1 the suffix."""
    return _org_suffix_re(org_suffixes(), anchor)


@lru_cache(maxsize=8)
def _org_suffix_re(words: Tuple[str, ...], anchor: str) -> "re.Pattern":
    # (an alternation of literal words: the standard library's engine scans for it faster than regex does)
    return re.compile("(" + "|".join(re.escape(w) for w in words) + ")" + anchor)


_ORG_HEAD = regex.compile(r"(?:[\p{Han}]|[（(][\p{Han}]{2,6}[）)])+$")
_PREP = set("从以于由经据自")


def _orgs(b: _Builder, blk, suffixes: "re.Pattern") -> None:
    text = blk.text
    last_end = -1
    for sm in suffixes.finditer(text):
        if sm.start() < last_end:
            continue
        # 有限公司 inside 股份有限公司 is found once, as the longer suffix
        nxt = text[sm.end():sm.end() + 4]
        if nxt.startswith(("有限", "股份")):
            continue
        hm = _ORG_HEAD.search(text, max(0, sm.start() - 24), sm.start())
        if not hm or hm.end() - hm.start() < 2:
            continue
        s = hm.start()
        head = text[s:sm.start()]
        cut = ORG_LEFT_CUT.match(head)
        if cut and len(head) - cut.end() >= 2:
            s += cut.end()
            head = text[s:sm.start()]
        if head[0] in _PREP and len(head) > 3:
            s += 1  # 从广东省交通集团: the preposition is not part of the name
            head = head[1:]
        f, tag = word_info(head[:2])
        if tag[:1] in ("v", "m", "r", "d", "p", "c") and f >= 500 and len(head) >= 4:
            s += 2  # 推动高水平大学, 组建中国…集团, 多家…医院: a verb or quantifier before the name
            head = head[2:]
        place = ORG_PLACE_START.search(head)
        if place and place.start() > 0 and len(head) - place.start() >= 4:
            s += place.start()
        name = text[s:sm.end()]
        core = name[: -len(sm.group())]
        if len(core) < 2 or not _HAN.match(name[0]):
            continue
        # the suffix must not be the start of a longer word: 中学习 is 中 + 学习, 银行卡 is one word
        e = sm.end()
        if e < len(text) and (word_info(text[e - 1:e + 1])[0] >= 100
                              or word_info(text[sm.start():e + 1])[0] >= 20):
            continue
        last_end = e
        b.add(Mention("org", name, blk.start + s, blk.start + e, blk.index, blk.kind, "", "org"))
