"""Typos (错别字): a common word written with a sound-alike or look-alike character, or with one of its
characters dropped, where what is written is no word and the correction fits its neighbours.

How it decides (data, not a list of pairs — see :mod:`newslint.checks.typo_data`):

1. Every 2-, 3- and 4-character window of the page is tested against the variant table: strings one
   confusion (the same reading, a similar shape) or one dropped character away from a common word of
   jieba's dictionary, and themselves no common word.  This runs at numpy speed over the whole page;
   only the windows that are variants go on.
   Whatever needs no context was judged when the table was built (:func:`typo_data.judge`): what is
   written is no word of jieba's dictionary nor in real use by wordfreq's list, cannot be read as two
   words (大学|是, 对|黎), and has one clear correction.
2. On the page a variant is kept only when the text gives no other reading of it: no dictionary word
   crosses the window's edge (会议对 is 会议+对, not a misspelt 一对), both neighbours belong to words
   or are function words (else the window is part of a name or a word the dictionary lacks), it is not
   written twice on the page, not after a numeral, not a transliteration nor a person's name.  Where
   several windows overlap, the longest is judged (迫不急待, not 不急).
3. A whole word typed by its reading with other characters taken (墙画 for 强化, 菜狗 for 采购: the
   characters' readings spell a common word's) is searched apart (:func:`_homophones`, option
   ``homophones``): such windows are everywhere in running text, so only a correction that makes the
   context far more probable *and* reads on with it (``HOMOPHONE_FLUENCY``) is reported, as ``info``.
4. What the dictionaries leave open goes to the model of context (:mod:`.typo_lm`, the character
   trigram model of :mod:`newslint.analyses.charlm`): a variant that is a word itself (机智 for 机制) or
   reads as two words (家|强 for 加强), and one the page's words read otherwise (a word crossing its edge,
   an open run), is reported only when the correction makes its neighbours far more probable
   (``FLAGGED_GAIN``, ``CONTEXT_GAIN``: 8–10 nats), and then as ``info``; a two-character finding the
   context does not favour at all (``LEAST_GAIN``) is dropped.
5. Severity: ``warning`` when the correction is very common for its length and (for two characters)
   what is written never occurs in wordfreq's list, outside titles in 《》 and quotations; else ``info``.

The logic is :func:`find_typos` (page, options) → :class:`Typo` items; the hooks below only turn them
into findings.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Set, Tuple

import regex

from .. import hookimpl
from ..finding import Fix, Rule
from ..rule import corpus_rule
from . import typo_data as data

CONFUSED = Rule(
    id="typo-confused-char",
    category="typo",
    severity="warning",
    summary="常用词中的字被读音或字形相近的字替换（按部就班→按步就班、贯彻→贯撤）",
    explanation="""\
常用词、成语里的一个字写成了读音相近（拼音输入法选错）或字形相近的字，写出来的不是词，改回后是常用词，
如“贯撤”（贯彻）、“按步就班”（按部就班）、“一愁莫展”（一筹莫展）。

判断依据都来自数据：混淆字集由 pypinyin 的读音和字形相似度（四角号码、部件拆分）生成，常用词及词频取自
jieba 词典，另用 wordfreq 的中文词频表排除 jieba 未收的新词（实时、民宿）。原写法是词、能拆成两个词
（大学｜是、对｜黎）、在网络文本中常见（连常见的误写“布署”“震憾”也因此不报，由 wording-faulty-phrase
的词表负责）时不报；窗口边缘有词典词跨过（“会议对”是“会议＋对”）、左右是无词覆盖的字（人名、音译词、
词典未收的词）、同一写法在本页出现两次以上、属于文中点到的人名时也不报。改正后的词很常见、原写法
从未见于词频表时为 warning，书名号、引号内或证据较弱时为 info；两字的写法只报 info。同一写法在本次
检查的两个页面上出现，视为有意的写法（走深走实、提质）。写法本身也是词（机制→机智）或能读成两个词
（加强→家强）时，只有字符三元语言模型（analyses/charlm）表明改正后上下文的概率高得多才报，且只报 info。
整词按拼音打错（拼音输入法选错了同音词：强化→墙画、采购→菜狗、领导→零导）：写法的每个字读音（pypinyin 的主要
读音，不计声调）连起来正是一个常用词的读音，而改成该词后上下文的概率高得多（8 nat；写法本身是词典词或有
一侧是词典未收的字时 10 nat，含虚词时 12 nat）、且改正后的字在上下文中读得通（被改动的字平均对数概率不低于
HOMOPHONE_FLUENCY）时才报，只报 info；窗口边缘有词典词跨过时不报。选项 homophones = false 可关闭这一搜索。
修改建议为改正后的词（unsafe fix，需编辑确认）。
本报有意使用的写法可列入数据包：[[typo-accept]] words = ["……"]。

A character of a common word or idiom replaced by a sound-alike or look-alike (贯撤 for 贯彻), where
what is written is no word and the correction is a frequent one that fits its neighbours.""",
    bad="面对新情况，我们不能按步就班，要认真贯撤落实。",
    good="面对新情况，我们不能按部就班，要认真贯彻落实。",
    examples=[
        {"text": "面对新情况，我们不能按步就班，要认真贯撤落实。", "fires": True, "date": None},
        {"text": "面对新情况，我们不能按部就班，要认真贯彻落实。", "fires": False, "date": None},
        # 会议|对 and 已|于 read as words side by side; a title in 《》 is at most info, still a finding
        {"text": "会议对下一步工作进行了部署，工程已于上月竣工。", "fires": False, "date": None},
    ],
    fixable=True,
    options=(("min_freq", 50), ("warn_freq", 3000), ("homophones", True)),
)

MISSING = Rule(
    id="typo-missing-char",
    category="typo",
    severity="warning",
    summary="成语、固定词语中漏了一个字（迫不及待→迫及待）",
    explanation="""\
四字成语、固定词语中间漏掉一个字，剩下的不是词，补上后是常用的成语，如“迫及待”（迫不及待）、
“一莫展”（一筹莫展）。依据与 typo-confused-char 相同：jieba 词典的词和词频；窗口边缘有词跨过、
是人名或音译词时不报。修改建议为补全后的词（unsafe fix）。
（字写重了——“迫不不及待”——由 wording-repeated-word 报告。）

A character dropped inside a four-character idiom or fixed expression (迫及待 for 迫不及待).""",
    bad="大家迫及待地走进展厅。",
    good="大家迫不及待地走进展厅。",
    examples=[
        {"text": "展览开幕当天，大家迫及待地走进展厅。", "fires": True, "date": None},
        {"text": "展览开幕当天，大家迫不及待地走进展厅。", "fires": False, "date": None},
    ],
    fixable=True,
    options=(("min_freq", 100), ("warn_freq", 3000)),
)

RULES = [CONFUSED, MISSING]

PAIR_MIN_FREQ = 300  # a two-character correction must be at least this common in jieba's dictionary
PAIR_WEB_MAX = 20  # and what is written all but unseen in wordfreq's list (per billion words)
FUNCTION_FREQ = 50000  # a character this frequent alone (是, 到, 出) reads as a word of its own
# Characters of foreign transliterations: a window next to a run of them is a foreign name (the kind of
# name the dictionary does not know), not a common word misspelt.
_TRANSLIT = set("斯尔克特德诺娃夫基亚拉罗里奇伊维利卡莫塔纳普泰丁埃赫索兹蒂乌隆巴萨芬琳妮莎")
# The model of context (typo_lm: a character trigram model) decides what the dictionaries leave open:
# how much more probable (nats, over the characters the change touches) the correction must make its
# neighbours —
FLAGGED_GAIN = {  # for a variant flagged when the table was built (the highest of its flags)
    data.SPLIT: 8.0,  # it reads as two words (家|强 for 加强)
    data.INUSE: 10.0,  # it is a word itself (机智 for 机制)
    data.LOOSE: 10.0,  # it is made with a loose confusion (检剑 for 检验: the same component 佥)
    data.HOMOPHONE: 8.0,  # it reads as a common word written with other characters (墙画 for 强化)
}
HOMOPHONE_WORD_GAIN = 10.0  # and so when what is written is a dictionary word itself (视野 for 事业) or a
# neighbour belongs to no word (a name, a word the dictionary lacks),
PREFILTER_MARGIN = 10.0  # nats the faster model alone may fall short of the gain (typo_lm.fast)
HOMOPHONE_FUNCTION_GAIN = 12.0  # and when it holds a function word (之, 是, 与: 之初 for 支出, 又与 for 由于)
# and a homophone word's correction must run on with its neighbours: the mean log-probability (nats) of
# the characters it touches, as corrected, at least this (typo_lm.word_gains_at: a name or a rare word
# read as a common one is only less improbable, 肩扛 -> 健康 in 人拉肩扛)
HOMOPHONE_FLUENCY = -4.8
HOMOPHONE_DIFF = 1  # characters a homophone word differs in at least
CONTEXT_GAIN = {  # for a variant the page's words read otherwise:
    "crossed": 10.0,  # a dictionary word crosses its edge (会议对)
    "open": 8.0,  # a neighbour belongs to no word: a name or a word the dictionary lacks
}
LEAST_GAIN = 2.0  # and any two-character finding: a correction its context does not favour is none (a
# longer one is a fixed expression the dictionary knows whole, which three characters of context miss)
_NEEDS_CONTEXT = data.SPLIT | data.INUSE | data.LOOSE | data.HOMOPHONE


def _flagged_gain(flags: int, least: float = 0.0) -> float:
    """The gain a variant with these flags needs (``least`` for one without)."""
    return max([g for bit, g in FLAGGED_GAIN.items() if flags & bit] or [least])


_HAN = regex.compile(r"\p{Han}")
_OPEN = {"《": "》", "“": "”", "「": "」", "『": "』", "‘": "’"}


@dataclass(frozen=True)
class Typo:
    start: int
    end: int
    wrong: str
    right: str
    kind: int  # typo_data.SOUND / SHAPE / BOTH / DROP
    severity: str
    freq_right: int
    freq_wrong: int

    @property
    def reason(self) -> str:
        return data.KIND_CN[self.kind]

    @property
    def rule(self) -> Rule:
        return MISSING if self.kind == data.DROP else CONFUSED


class _Freq:
    """Dictionary frequencies with a per-page memo (look-ups go to the memory-mapped lexicon)."""

    def __init__(self):
        from ..lexicon import lexicon

        self._lex = lexicon()
        self._memo: Dict[str, int] = {}

    def __call__(self, w: str) -> int:
        f = self._memo.get(w)
        if f is None:
            f = self._memo[w] = self._lex.freq(w)
        return f

    def lookup(self, w: str):
        return self._lex.lookup(w)


def _context(text: str, hits, words=None) -> Dict[Tuple[int, int], str]:
    """For each hit ``(start, end, …)``: "crossed" when a dictionary word crosses an edge of the window
    (会议对 is 会议+对, not a misspelt 一对), "open" when a neighbour is a Han character that is neither
    part of a dictionary word outside the window nor a word by itself (:func:`_closer`): the window is
    then part of a run of characters no word covers, a name or a word the dictionary lacks; else "".  The dictionary
    look-ups are vectorised over all hits (the windows of the variant search: ``words``, the table's
    :meth:`~typo_data.Table.word_starts` of the text, if already made)."""
    import numpy as np

    if not hits:
        return {}
    if words is None:
        words = data.table().word_starts(len(text))
    S = np.array([h[0] for h in hits])
    E = np.array([h[1] for h in hits])
    crossed = np.zeros(len(hits), dtype=bool)
    for edge in (S, E):
        for d in (1, 2, 3):  # a word starting d characters before the edge and running past it
            for n in range(d + 1, 5):
                crossed |= words[n][edge - d + 4]
    before = np.logical_or.reduce([words[n][S - n + 4] for n in (2, 3, 4)])
    after = np.logical_or.reduce([words[n][E + 4] for n in (2, 3, 4)])
    out: Dict[Tuple[int, int], str] = {}
    size = len(text)
    for k, (s, e, *_) in enumerate(hits):
        if crossed[k]:
            out[(s, e)] = "crossed"
            continue
        closed = True
        for j, word in ((s - 1, before[k]), (e, after[k])):
            if 0 <= j < size and not word and _HAN.match(text[j]) and not _closer(text[j]):
                closed = False
        out[(s, e)] = "" if closed else "open"
    return out


@lru_cache(maxsize=None)
def _function_char(ch: str) -> bool:
    """Is ``ch`` a function word (的, 之, 与, 是: jieba's function tags and a high count, or a very high count)?"""
    from ..lexicon import lexicon

    hit = lexicon().lookup(ch)
    return bool(hit and ((hit[0] >= 20000 and hit[1] in data.FUNCTION_TAGS) or hit[0] >= data.FUNCTION_FREQ))


@lru_cache(maxsize=None)
def _closer(ch: str) -> bool:
    """Does ``ch``, next to a window, end the run of characters the window sits in?  It does when it is a
    word by itself: a function word (的, 在, 和, 是…: jieba's function tags or a very high count) or
    another common one-character word (个, 靠, 多) that is no common surname (王, 李: the window would
    then be a given name)."""
    from ..analyses.mentions import common_surnames
    from ..lexicon import lexicon

    hit = lexicon().lookup(ch)
    if not hit:
        return False
    if (hit[0] >= 20000 and hit[1] in data.FUNCTION_TAGS) or hit[0] >= data.FUNCTION_FREQ:
        return True
    return hit[0] >= data.SINGLE_WORD and ch not in common_surnames()[0]


def _enclosure(text: str, s: int) -> str:
    """The opening mark of the title or quotation ``text[s]`` sits in (same line, 40 characters), or ''."""
    for j in range(s - 1, max(-1, s - 41), -1):
        ch = text[j]
        if ch in _OPEN:
            close = text.find(_OPEN[ch], s)
            nl = text.find("\n", s)
            return ch if close >= 0 and (nl < 0 or close < nl) else ""
        if ch in "》”」』’\n":
            return ""
    return ""


def _transliteration(text: str, s: int, e: int) -> bool:
    left = text[max(0, s - 2):s]
    right = text[e:e + 2]
    inside = text[s:e]
    return (sum(c in _TRANSLIT for c in left + inside + right) >= 3
            or "·" in text[max(0, s - 4):e + 4] or "・" in text[max(0, s - 4):e + 4])


def _person_spans(page) -> List[Tuple[int, int]]:
    try:
        return [(m.start, m.end) for m in page.analysis("mentions").people()]
    except Exception:  # a page the name analysis cannot read is checked without it
        return []


def _rejected(text: str, s: int, e: int, context: Dict[Tuple[int, int], str]) -> Optional[str]:
    """Why the variant ``text[s:e]`` is no typo *here*, or None (the tests that need no context were
    made when the variant table was built: :func:`typo_data.judge`)."""
    if s > 0 and text[s - 1] in data.NUMERALS:
        return "numeral"  # a number's unit: 3日称, 5亿件
    if context.get((s, e)):
        return context[(s, e)]
    if _transliteration(text, s, e):
        return "transliteration"
    if _listed_name(text, s, e):
        return "name"
    return None


def _listed_name(text: str, s: int, e: int) -> bool:
    """A two-character window that opens with a common surname inside a list of names (周玮、史竞男 /
    记者周玮): names the page's register may not hold, too short to tell from a word."""
    if e - s != 2:
        return False
    from ..analyses.mentions import common_surnames

    if text[s] not in common_surnames()[0]:
        return False
    return text[e:e + 1] in ("、", "，") or text[max(0, s - 1):s] == "、" or text[max(0, s - 2):s] in ("记者", "编辑")


def _severity(text: str, s: int, e: int, f_right: int, flags: int, o) -> str:
    """``warning`` when the evidence is overwhelming: a three- or four-character string whose correction
    is very common for its length (a three-character one at least a tenth of ``warn_freq`` in jieba's
    dictionary, an idiom a sixtieth), outside titles and quotations; else ``info``."""
    n = e - s
    if n == 2:  # a two-character string the dictionaries lack is as often a rare word (稳学, 访文) or a
        return "info"  # name (逸动科技) as a slip: for the editor to judge, never a gate
    if f_right < o["warn_freq"] // {3: 10}.get(n, 60) or _enclosure(text, s):
        return "info"
    return "warning"


def find_typos(page, options: Optional[Dict[str, Dict[str, int]]] = None,
               accept: Iterable[str] = (), skip_spans: Iterable[Tuple[int, int]] = (),
               trace: Optional[list] = None, forms: Optional[list] = None) -> List[Typo]:
    """Typos on ``page``.  ``options`` maps a rule id to its options; ``accept`` are strings the user's
    packs declare right (never reported); ``skip_spans`` are spans other rules already report;
    ``trace``, a list, receives ``(start, end, written, correction, reason rejected or None)`` of every
    variant judged one by one (those set aside at once — a form written twice, after a numeral, or one
    the model of context cannot let pass — are not listed); ``forms``, a list, the written forms of all variant windows."""
    text = page.text
    if not _HAN.search(text):
        return []
    starts, lens, payload = data.table().find_arrays(text)
    opts = {r.id: dict(r.options) for r in RULES}
    for k, v in (options or {}).items():
        opts.setdefault(k, {}).update(v)
    accept = set(accept)
    freq = _Freq()
    people: Optional[List[Tuple[int, int]]] = None
    taken: List[Tuple[int, int]] = list(skip_spans)
    out: List[Typo] = []
    # every occurrence of a variant is a hit: a form that recurs on the page is meant (a slip is rarely
    # repeated letter for letter), one after a numeral is a number's unit (3日称, 5亿件)
    once, first = _once(text, starts, lens)
    if forms is not None:
        forms.extend(text[i:i + n] for i, n in zip(starts[first].tolist(), lens[first].tolist()))
    # the model of context scores the rest at once; those it cannot let pass go no further
    starts, lens, payload = starts[once], lens[once], payload[once]
    from . import typo_lm

    codes, stop = typo_lm.codes(text)
    gain, keep = _gains(text, starts, lens, payload, codes, stop)
    hits = [(i, i + n, data.correction(text[i:i + n], p), (p >> 18) & 7, p >> 21, g)
            for i, n, p, g in zip(starts[keep].tolist(), lens[keep].tolist(), payload[keep].tolist(),
                                  gain[keep].tolist())]
    words = data.table().word_starts(len(text))
    if opts[CONFUSED.id].get("homophones", True):  # a word typed by its reading (the costlier search)
        hits += _homophones(text, forms, codes, stop, words)
    if not hits:
        return []
    context = _context(text, hits, words)
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))  # the longest windows first: 迫不急待, not 不急
    for s, e, right, kind, flags, g in hits:
        if any(a < e and s < b for a, b in taken):
            continue
        o = opts[(MISSING if kind == data.DROP else CONFUSED).id]
        wrong = text[s:e]
        why = "accepted" if wrong in accept else _rejected(text, s, e, context)
        # decided by the context: a variant the dictionaries leave open, or the page's words read otherwise
        by_context = why in CONTEXT_GAIN or bool(flags & _NEEDS_CONTEXT)
        if why == "crossed" and flags & data.HOMOPHONE:
            pass  # a word crossing its edge: the window is no word typed whole
        elif why in CONTEXT_GAIN:
            why = None if g >= max(CONTEXT_GAIN[why], _flagged_gain(flags), HOMOPHONE_WORD_GAIN
                                   if flags & data.HOMOPHONE else 0) else why
        elif why is None and g < _flagged_gain(flags, LEAST_GAIN if e - s == 2 else -1e9):
            why = ("in use" if flags & data.INUSE else "two words" if flags & data.SPLIT
                   else "loose" if flags & data.LOOSE else "improbable")
        f_right = freq(right) if why is None else 0
        if why is None and f_right < o["min_freq"]:
            why = "rare correction"
        if why is None:
            if people is None:
                people = _person_spans(page)
            if any(a < e and s < b for a, b in people):
                why = "name"
        if trace is not None:
            trace.append((s, e, wrong, right, why))
        if why:
            continue
        taken.append((s, e))
        severity = "info" if by_context else _severity(text, s, e, f_right, flags, o)
        out.append(Typo(s, e, wrong, right, kind, severity, f_right, freq(wrong)))
    out.sort(key=lambda t: t.start)
    return out


def _once(text: str, starts, lens):
    """The mask of the variant windows whose form occurs once on the page and follows no numeral, and
    the index of each form's first occurrence (in the order of the forms' codes)."""
    import numpy as np

    table = data.table()
    code = np.zeros(len(starts), dtype=np.uint64)
    for n in (2, 3, 4):
        m = lens == n
        if m.any():
            code[m] = table._codes[n][starts[m]]
    order = np.argsort(code, kind="stable")
    ordered = code[order]
    new = np.ones(len(code), dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    group = np.cumsum(new) - 1
    once = np.empty(len(code), dtype=bool)
    once[order] = np.bincount(group, minlength=1)[group] == 1
    before = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)[np.maximum(starts - 1, 0)]
    after_numeral = (starts > 0) & (before <= 0xFFFF) & _numeral_mask()[np.minimum(before, 0xFFFF)]
    return once & ~after_numeral, order[new]


CHAR_LAYOUT = 1  # of the per-character arrays below (a change rebuilds the cached copy)


def _build_char_info() -> dict:
    """Per character of the BMP: its count alone in the lexicon (jieba's dictionary, as
    :meth:`lexicon.Lexicon.lookup` reads it), whether its tag is a function word's, whether it is Han."""
    import re

    import numpy as np

    from ..lexicon import lexicon

    freq = np.zeros(0x10000, dtype=np.int64)
    tag = np.zeros(0x10000, dtype=bool)
    with open(lexicon().path, "rb") as fh:
        raw = fh.read()
    for w, f, t in re.findall(rb"^([^\t\n]{1,3})\t(\d+)\t([^\t\n]*)$", raw, re.M):
        ch = w.decode("utf-8", "replace")
        if len(ch) == 1:
            freq[ord(ch)] = int(f)
            tag[ord(ch)] = t.decode("utf-8", "replace") in data.FUNCTION_TAGS
    han = np.array([bool(_HAN.match(chr(c))) for c in range(0x10000)])
    return {"freq": freq, "tag": tag, "han": han}


@lru_cache(maxsize=1)
def _char_info():
    from ..lexicon import lexicon
    from .typo_index import cached, source_key

    path = lexicon().path
    return cached("typo-chars", source_key([path], CHAR_LAYOUT, sorted(data.FUNCTION_TAGS), regex.__version__),
                  _build_char_info)


@lru_cache(maxsize=4)
def _char_flags(surnames: frozenset):
    """For every BMP character: is it a function word (:func:`_function_char`)?  does it end the run of
    characters a window sits in (not Han, or :func:`_closer`)?  Two bool arrays indexed by code point."""
    import numpy as np

    info = _char_info()
    freq, tag = info["freq"], info["tag"]
    fn = ((freq >= 20000) & tag) | (freq >= data.FUNCTION_FREQ)
    surname = np.zeros(0x10000, dtype=bool)
    surname[[ord(c) for c in surnames if ord(c) < 0x10000]] = True
    closer = fn | ((freq >= data.SINGLE_WORD) & ~surname)
    return fn, ~info["han"] | closer


def _flags_of(flags, codes, slow):
    """``flags`` (indexed by code point) at ``codes``; ``slow(ch)`` for a character beyond the BMP."""
    import numpy as np

    out = flags[np.minimum(codes, 0xFFFF).astype(np.intp)]
    big = (codes > 0xFFFF).nonzero()[0]
    if len(big):
        out = out.copy()
        out[big] = [slow(chr(c)) for c in codes[big].tolist()]
    return out


@lru_cache(maxsize=1)
def _numeral_mask():
    import numpy as np

    mask = np.zeros(0x10000, dtype=bool)
    mask[[ord(c) for c in data.NUMERALS]] = True
    return mask


def _homophones(text: str, forms: Optional[list], codes=None, stop=None, words=None) -> list:
    """Hits ``(start, end, correction, SOUND, HOMOPHONE, gain)`` of windows that read as a common word
    of other characters (:meth:`typo_data.Table.homophones_in`: 墙画 for 强化, 菜狗 for 采购) where the
    word makes the context far more probable (``FLAGGED_GAIN``; more when what is written is a dictionary
    word or holds a function word) and runs on with it (``HOMOPHONE_FLUENCY``); of several words one
    window reads as, the best.  A window a dictionary word crosses the edge of is no word typed whole; as
    the variants, a form written twice on the page or after a numeral is meant.  The tests that need no
    model go first: a page has thousands of such windows, most of them across a word boundary.  Uses
    the windows of the table's last :meth:`~typo_data.Table.find_arrays` (of ``text``); ``codes`` and
    ``stop``: :func:`typo_lm.codes` of the text, ``words`` the table's
    :meth:`~typo_data.Table.word_starts`, if already made."""
    import numpy as np

    from ..analyses.mentions import common_surnames
    from . import typo_lm

    table = data.table()
    if codes is None:
        codes, stop = typo_lm.codes(text)
    size = len(text)
    # a dictionary word across an edge of the window (as _context, but per position of the page: a
    # word covers the characters on both sides of the edge), and a numeral before it: such windows are
    # set aside before their readings are looked up
    if words is None:
        words = table.word_starts(size)
    word_at = {n: words[n][4:] for n in (2, 3, 4)}  # by position, False past the end
    covers = np.zeros(size + 5, dtype=bool)  # covers[x]: a word holds the characters x - 1 and x
    for n in (2, 3, 4):
        for k in range(1, min(n, size)):  # (a page shorter than the word: no slice may count from the end)
            covers[k:size] |= word_at[n][:size - k]
    numeral_before = np.zeros(size, dtype=bool)
    numeral_before[1:] = _numeral_mask()[np.minimum(codes[:-1], 0xFFFF).astype(np.intp)] & (codes[:-1] <= 0xFFFF)
    allowed = {n: ~(covers[:size - n + 1] | covers[n:size + 1] | numeral_before[:size - n + 1]) for n in (2, 3, 4)
               if size >= n}
    starts, lens, words = table.homophones_in(text, HOMOPHONE_DIFF, allowed)
    if not len(starts):
        return []
    ends = starts + lens
    before = np.logical_or.reduce([(starts - n >= 0) & word_at[n][np.maximum(starts - n, 0)] for n in (2, 3, 4)])
    after = np.logical_or.reduce([word_at[n][ends] for n in (2, 3, 4)])
    # per character met here: a function word?  one that ends a run (_closer)?  Han?
    fn_flags, closed_flags = _char_flags(common_surnames()[0])

    def closed(j, word):  # the neighbour at j ends the run: out of the page, a word's, a closer or no Han
        inside = (j >= 0) & (j < size)
        c = codes[np.minimum(np.maximum(j, 0), size - 1)]
        return ~inside | word | _flags_of(closed_flags, c, lambda ch: not _HAN.match(ch) or _closer(ch))

    open_ = ~(closed(starts - 1, before) & closed(ends, after))
    need = np.where(open_, max(FLAGGED_GAIN[data.HOMOPHONE], CONTEXT_GAIN["open"], HOMOPHONE_WORD_GAIN),
                    FLAGGED_GAIN[data.HOMOPHONE])
    for n in (2, 3, 4):
        m = lens == n
        if m.any():
            is_word = word_at[n][starts[m]]
            has_function = np.logical_or.reduce([_flags_of(fn_flags, codes[starts[m] + j], _function_char)
                                                 for j in range(n)])
            need[m] = np.where(is_word, np.maximum(need[m], HOMOPHONE_WORD_GAIN), need[m])
            need[m] = np.where(has_function, np.maximum(need[m], HOMOPHONE_FUNCTION_GAIN), need[m])
    touched = np.zeros(len(text) + 6, dtype=bool)  # the written characters the changes touch
    for k in range(6):
        touched[starts + k] |= k < lens + 2
    # one pass scores each change under the faster model alone (with a margin: what it sets aside the
    # mix would not let pass either) and under the mix, both from one look-up of each trigram
    best: Dict[Tuple[int, int], Tuple[float, str]] = {}
    new = np.zeros((len(starts), 4), dtype=np.uint64)
    for j in range(4):
        new[:, j] = np.where(j < lens, (words >> (np.uint64(16) * np.maximum(lens - 1 - j, 0).astype(np.uint64)))
                             & np.uint64(0xFFFF), 0)
    gain, fluent = typo_lm.word_gains_both(codes, stop, starts, lens, new, need, HOMOPHONE_FLUENCY,
                                           need - PREFILTER_MARGIN, HOMOPHONE_FLUENCY - PREFILTER_MARGIN / (lens + 2),
                                           touched[:len(text)])
    ok = (gain >= need) & (fluent >= HOMOPHONE_FLUENCY)
    for i, n, g, c in zip(starts[ok].tolist(), lens[ok].tolist(), gain[ok].tolist(), words[ok].tolist()):
        if g > best.get((i, i + n), (-1e9, ""))[0]:
            best[(i, i + n)] = (g, data.decode(c, n))
    out = []
    for (s, e), (g, right) in best.items():
        wrong = text[s:e]
        if forms is not None:
            forms.append(wrong)
        if text.count(wrong) == 1:
            out.append((s, e, right, data.SOUND, data.HOMOPHONE, g))
    return out


def _gains(text: str, starts, lens, payload, codes=None, stop=None):
    """The gain of each variant's correction under the model of context (nats, :mod:`.typo_lm`), and the
    mask of those that may pass: a flagged one needs its ``FLAGGED_GAIN`` whatever else holds, a
    two-character one at least ``LEAST_GAIN``."""
    import numpy as np

    from . import typo_lm

    flags = payload >> 21
    kind = (payload >> 18) & 7
    if codes is None:
        codes, stop = typo_lm.codes(text)
    gain = typo_lm.gains_at(codes, stop, starts + ((payload >> 16) & 3), kind == data.DROP,
                            (payload & 0xFFFF).astype(np.uint64))
    need = np.where(lens == 2, LEAST_GAIN, -np.inf)
    for bit, g in FLAGGED_GAIN.items():
        need = np.where(flags & bit, np.maximum(need, g), need)
    return gain, gain >= need


def _change(text: str, s: int, e: int, right: str, kind: int) -> Tuple[int, int, str]:
    """The one-character change of ``text`` that the correction ``right`` of ``text[s:e]`` makes."""
    wrong = text[s:e]
    i = next((j for j in range(len(wrong)) if wrong[j] != right[j]), len(wrong))
    return (s + i, s + i, right[i]) if kind == data.DROP else (s + i, s + i + 1, right[i])


def message(t: Typo) -> str:
    if t.kind == data.DROP:
        return f"“{t.wrong}”疑为“{t.right}”漏字"
    return f"“{t.wrong}”疑为“{t.right}”（{t.reason}）"


# ---- the rules ----------------------------------------------------------------------------------
@hookimpl
def newslint_pack_sections():
    # [[typo-accept]] words = ["…"]: strings a paper writes on purpose (a brand, a local term), never reported
    return {"typo-accept": {"words": list, "note": str, "source": str}}


def _in_faulty_phrase(text: str, t: Typo, ctx) -> bool:
    """Is the typo inside a phrase the wording rule's list reports (迫不急待)?  One finding is enough."""
    for e in ctx.pack_entries("phrase"):
        wrong = e.get("wrong")
        if isinstance(wrong, str) and wrong:
            k = text.find(wrong, max(0, t.start - len(wrong) + 1), t.end + len(wrong) - 1)
            if k >= 0 and k < t.end and t.start < k + len(wrong):
                return True
    return False


COLLECT_KEY = "typo"


def _page_typos(page, ctx) -> Tuple[List[Typo], List[str]]:
    """The typos of ``page`` and the written forms of every variant window on it."""
    accept: Set[str] = set()
    for e in ctx.pack_entries("typo-accept"):
        words = e.get("words") or []
        if not all(isinstance(w, str) for w in words):
            raise e.error("words", "must be a list of strings")
        accept.update(words)
    forms: list = []
    typos = find_typos(page, {r.id: ctx.options(r.id) for r in RULES}, accept, forms=forms)
    if typos and ctx.enabled("wording-faulty-phrase", page):
        typos = [t for t in typos if not _in_faulty_phrase(page.text, t, ctx)]
    if typos:
        typos = [t for t in typos if not _in_leader_name(page.text, t, ctx)]
    return typos, sorted(set(forms))


def _in_leader_name(text: str, t: Typo, ctx) -> bool:
    """Is the typo inside a leader's name written as the roster (rules/leaders.toml) has it?  建柱 in 孟建柱 is
    no slip for 建筑: "corrected", the name is one the leader rules correct back, and --fix never ends."""
    from .leaders.common import load_roster

    for name in load_roster(ctx).leaders:
        k = text.find(name, max(0, t.start - len(name) + 1), t.end + len(name) - 1)
        if k >= 0 and k < t.end and t.start < k + len(name):
            return True
    return False


@hookimpl
def newslint_collect_page(page, ctx):
    """Typos are found per page (possibly in a worker) and reported in the corpus phase, where a
    written form that recurs on another page of the run (走深走实, 提质 in many reports) is taken as meant:
    a slip is rarely repeated letter for letter, across pages still less."""
    if not ctx.any_enabled(*(r.id for r in RULES)):
        return None
    typos, forms = _page_typos(page, ctx)
    found = [(t.start, t.end, t.wrong, t.right, t.kind, t.severity, t.freq_right, t.freq_wrong) for t in typos]
    return {COLLECT_KEY: {"found": found, "forms": forms}}


_COUNTS: Tuple[int, Dict[str, int]] = (0, {})


def _form_pages(corpus) -> Dict[str, int]:
    """On how many pages of the run (archive included) each written variant form occurs."""
    global _COUNTS
    if _COUNTS[0] != id(corpus):
        counts: Dict[str, int] = {}
        for page in corpus.pages:
            for form in (corpus.collected(page, COLLECT_KEY) or {}).get("forms", ()):
                counts[form] = counts.get(form, 0) + 1
        _COUNTS = (id(corpus), counts)
    return _COUNTS[1]


def _report(rc, rule: Rule) -> None:
    counts = _form_pages(rc.corpus)
    for page in rc.corpus.run_pages:
        for row in (rc.corpus.collected(page, COLLECT_KEY) or {}).get("found", ()):
            t = Typo(*row)
            if t.rule is not rule or counts.get(t.wrong, 0) > 1:
                continue
            rc.report(t.start, t.end, message(t), page=page, suggestion=t.right,
                      fix=Fix(t.start, t.end, t.right), severity=rc.ctx.severity(rule, t.severity))


@corpus_rule(CONFUSED)
def confused_char(rc) -> None:
    _report(rc, CONFUSED)


@corpus_rule(MISSING)
def missing_char(rc) -> None:
    _report(rc, MISSING)
