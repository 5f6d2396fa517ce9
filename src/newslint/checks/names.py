"""Names: people and organisations spelled two ways, contradicting titles, a roster, ``newslint names``.

A leader's name or title printed wrong is the error a newsroom fears most (政治性差错).  The rules:

- ``name-variant``: two spellings of what is probably one person — the same length, one character
  apart, the two characters alike in sound (治/志) or shape (官/宫) by the character data of
  :mod:`newslint.analyses.charsim`.  Different people who share a surname and a given-name character
  are kept apart: two names of one attendance list are two people; names whose differing characters
  are not alike are never compared; a weak shape likeness (a shared component) counts only when the
  two spellings carry the same specific title; two different specific titles speak for two people.
- ``name-org-variant``: an organisation written two ways — a character added or dropped
  (重装/重装备) or a look-/sound-alike character, with or without its place prefix.  A difference in
  the place prefix alone (full name, then short name) is ordinary usage and reported as info.
- ``name-title-conflict``: the same person with a rank and its deputy (书记/副书记, 主任/副主任) of
  the same body; within a page a warning, across pages info (titles change: the page dates are given).
- ``name-roster``: with a roster (config ``roster = ["people.toml"]``), a known wrong spelling or a
  look-/sound-alike of a roster name is an error with the fix.

Mentions come from the shared ``mentions`` analysis; pages hand them to the corpus phase through
``newslint_collect_page`` and every comparison is made there, within a page and across the run, by
keys (the name with one position masked, the core with one character deleted) — never all pairs.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

import regex

from .. import hookimpl
from ..analyses import charsim, issues
from ..analyses.mentions import RANKS, Mention, org_suffix_re
from ..config import ConfigError
from ..finding import Fix, Rule
from ..packs import load_pack

VARIANT = Rule(
    id="name-variant",
    category="name",
    severity="warning",
    summary="同一人名疑有两种写法（一字之差，音近或形近）",
    explanation="""\
人名、职务印错是政治性差错。本规则在一版或一次检查的多版稿件中，寻找长度相同、只差一个字、且这个字
音近（治/志，拼音相同）或形近（官/宫，四角号码与部件拆分相近）的两个人名，并列出每种写法出现的次数和
位置。判断依据只来自字的读音和字形数据，不使用人工对照表。

不报告的情况：同一名单中并列的两个名字（区领导赵俊峰、赵俊生……）一定是两个人；差异字既不音近也不
形近的不比较；仅部件相同的弱形近只在两种写法的职务完全相同时才报告；两种写法各自带有不同的具体职务时
视为两个人；记者、通讯员等署名身份不是同一人的证据，两个各自多次出现的署名是两位作者。
一次检查多天的版面时，同一日期的版面是一期报纸，相互比较；其他日期的版面只是存档背景：两种写法
分属不同日期、又没有相同的具体职务或同一篇稿件作证时，仅作提示（info）。
消息说明哪种写法占多数（或名册支持哪一种），但多数不等于正确，请以权威名单为准。

Two spellings of a person's name that differ in one character that sounds or looks alike (from
pypinyin readings, four-corner codes and component decompositions). Names of one attendance list
are different people; a weak look-alike needs the same title on both spellings; a byline role is no
title. Spellings seen only on pages of different dates (issues) are info unless a specific title or
one article links them.""",
    bad="管委会主任官卫红出席会议。……宫卫红指出，……",
    good="管委会主任官卫红出席会议。……官卫红指出，……",
    options=(("weak_shape_needs_title", True),),
    needs=("mentions",),
    examples=[
        {"text": "管委会主任张建国出席会议并讲话。\n\n张建果指出，要抓好项目建设。\n", "fires": True, "date": None},
        {"text": "管委会主任张建国出席会议并讲话。\n\n张建国指出，要抓好项目建设。\n", "fires": False, "date": None},
    ],
)
ORG_VARIANT = Rule(
    id="name-org-variant",
    category="name",
    severity="warning",
    summary="同一单位名称疑有两种写法（增删一字或音形近字）",
    explanation="""\
同一企业、机构的名称在稿件中写法不一：多一个字或少一个字（重装/重装备）、音近或形近的字，常伴随有无地名
前缀的差别。本规则去掉地名前缀（焦作、河南省……）和组织类型后缀（股份有限公司、医院……）后比较名称主干。
只是有无地名前缀（先用全称、后用简称）属于正常用法，仅作提示（info）。请以工商登记或单位公布的全称为准。

An organisation written two ways: a character added or dropped, or a look-/sound-alike character,
compared after removing the place prefix and the kind suffix. A place prefix alone is info.""",
    bad="科瑞森重装股份有限公司 …… 焦作科瑞森重装备股份有限公司",
    good="焦作科瑞森重装备股份有限公司 …… 科瑞森重装备股份有限公司",
    needs=("mentions",),
    examples=[
        {"text": "华瑞森重装备股份有限公司今年新增订单二十个。\n\n记者在华瑞森重装股份有限公司车间看到，工人们正在忙碌。\n", "fires": True, "date": None},
        {"text": "华瑞森重装备股份有限公司今年新增订单二十个。\n\n记者在华瑞森重装备股份有限公司车间看到，工人们正在忙碌。\n", "fires": False, "date": None},
    ],
)
TITLE_CONFLICT = Rule(
    id="name-title-conflict",
    category="name",
    severity="warning",
    summary="同一人的职务前后矛盾（正职与副职）",
    explanation="""\
同一人在同一单位的职务出现正、副两种写法（党工委书记/党工委副书记，主任/副主任）。同一版面内出现时报告
为警告；跨版面出现时，职务可能确有变动，报告为提示（info），并给出各版日期供核对。

The same person with a rank and its deputy rank of the same body: a warning within a page, info
across pages (titles change over time; page dates are shown when known).""",
    bad="党工委副书记吕沛主持会议……党工委书记吕沛强调……",
    good="党工委副书记吕沛主持会议……党工委副书记吕沛强调……",
    options=(("window_days", 0),),
    needs=("mentions", "dates"),
    examples=[
        {"text": "党工委副书记张建国主持会议。党工委书记张建国强调，要抓好落实。\n", "fires": True, "date": None},
        {"text": "党工委副书记张建国主持会议。党工委副书记张建国强调，要抓好落实。\n", "fires": False, "date": None},
    ],
)
ROSTER = Rule(
    id="name-roster",
    category="name",
    severity="error",
    summary="人名或单位名称与名册不符（已知错写或音形近字）",
    explanation="""\
配置项 roster 指向的名册（TOML，见 rules/roster.example.toml）列出标准姓名、单位名、职务、任期和已知错写。
稿件中出现已知错写，或与名册中的名字只差一个音近/形近字，即报告为错误并给出修改。

名册也可以是从本报存档生成的登记表（newslint names --archive 存档目录 --format toml -o register.toml，
见 rules/register.example.toml）：其中每种写法都有出现次数、职务和首末日期。存档只是用法的证据，不是权威，
因此只在证据充分时报告警告：稿件中某个名字在本版只出现一次（职务、名单或署名中），存档从未见过这种写法，
而它与存档中出现三次以上（选项 register_min_count）的写法只差一个音近或形近字；两者都有职务而职级全不相同时
视为两个人，不报告。名单（、）中的名字同样检查。

With a roster (config key `roster`), a known wrong spelling, or a look-/sound-alike of a roster name,
is an error with the fix. A register built from the paper's archive (`newslint names --archive DIR
--format toml`) is evidence of usage, not an authority: a spelling printed once on the page (in a title,
list or byline), never attested, one look-/sound-alike character away from a spelling attested
`register_min_count` times, is a warning — unless both carry titles with no rank in common.""",
    bad="管委会主任宫卫红（名册：官卫红）",
    good="管委会主任官卫红",
    fixable=True,
    needs=("mentions",),
    examples=[
        {"text": "示例区管委会主任林忘舒出席会议。\n", "fires": True, "date": None, "config": {"roster": ["roster.example.toml"]}},
        {"text": "示例区管委会主任林望舒出席会议。\n", "fires": False, "date": None, "config": {"roster": ["roster.example.toml"]}},
        {"text": "区领导周明沅、李华出席会议。\n", "fires": True, "date": None,
         "config": {"roster": ["register.example.toml"]}},
        {"text": "区领导周明远、李华出席会议。\n", "fires": False, "date": None,
         "config": {"roster": ["register.example.toml"]}},
    ],
    options=(("register_min_count", 3),),
)
RULES = (VARIANT, ORG_VARIANT, TITLE_CONFLICT, ROSTER)
COLLECT_KEY = "names.mentions"


# ---- collected data -----------------------------------------------------------------------------
@dataclass(frozen=True)
class M:
    """A compact, picklable mention for the corpus phase."""

    kind: str
    name: str
    start: int
    end: int
    title: str
    role: str
    group: int
    strong: bool
    block: int
    article: int = -1


def _compact(m: Mention, page=None) -> M:
    article = -1
    if page is not None and 0 <= m.block < len(page.layout.blocks):
        article = page.layout.blocks[m.block].article
    return M(m.kind, m.name, m.start, m.end, m.title, m.role, m.group, m.strong, m.block, article)


_PLACE_END_RE = regex.compile(
    r"(?<=\p{Han}{2})(?:省|市|县|自治区|自治州)(?!场|民|级|值|份|域|内|外|区|容|面|政府采购|长期)")


def place_words(text: str) -> Set[str]:
    """Two- and three-character strings printed before 省/市/县 (焦作市 → 焦作): the page's places."""
    from ..analyses.mentions import word_info

    out: Set[str] = set()
    for m in _PLACE_END_RE.finditer(text):
        s = m.start()
        cands = [text[s - 2:s]]
        if s >= 3 and regex.match(r"\p{Han}", text[s - 3]):
            cands.append(text[s - 3:s])
        for w in cands:
            f, tag = word_info(w)
            # 推动县域…, 我国省级…: a common word that is not a place name is not a place
            if tag and tag != "ns" and (tag not in ("n", "nz", "j", "nt") or f >= 1000):
                continue
            out.add(w)
    return out


@hookimpl
def newslint_rules():
    return list(RULES)


@hookimpl
def newslint_collect_page(page, ctx):
    if not ctx.any_enabled(*(r.id for r in RULES)):
        return None
    ms = [_compact(m, page) for m in page.analysis("mentions").items]
    places = sorted(place_words(page.text))
    date = None
    try:
        d = page.analysis("dates").page_date
        date = d.isoformat() if d else None
    except Exception:  # the chronology analysis is optional here
        date = None
    return {COLLECT_KEY: {"mentions": ms, "places": places, "date": date}}


# ---- registers ----------------------------------------------------------------------------------
@dataclass
class Spelling:
    name: str
    kind: str
    mentions: List[Tuple[Any, M]] = field(default_factory=list)  # (page, mention)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def pages(self) -> List[Any]:
        seen, out = set(), []
        for p, _ in self.mentions:
            if id(p) not in seen:
                seen.add(id(p))
                out.append(p)
        return out

    @property
    def strong(self) -> bool:
        return any(m.strong for _, m in self.mentions)

    def titles(self, bylines: bool = True) -> Counter:
        """The specific title items of the spelling's mentions; ``bylines=False`` leaves out byline and
        credit roles (记者, 通讯员), which many different people share."""
        c: Counter = Counter()
        for _, m in self.mentions:
            if m.role == "byline" and not bylines:
                continue
            for item in title_items(m.title, m.role):
                c[item] += 1
        return c

    @property
    def bylines_only(self) -> bool:
        return all(m.role == "byline" for _, m in self.mentions)

    def groups(self) -> Set[Tuple[int, int]]:
        return {(id(p), m.group) for p, m in self.mentions if m.group >= 0}

    def articles(self) -> Set[Tuple[int, int]]:
        return {(id(p), m.article) for p, m in self.mentions if m.article >= 0}

    def first_on(self, page) -> Optional[M]:
        for p, m in self.mentions:
            if p is page:
                return m
        return None


_RANK_RE = regex.compile(r"(?P<org>[\p{Han}（）()]*?)(?P<vice>副)?(?P<rank>" + "|".join(
    sorted({r for r in RANKS if not r.startswith("副")}, key=len, reverse=True)) + r")$")
_GENERIC = {"领导", "区领导", "市领导", "县领导", "负责人", "同志", "代表", "专家", "老师", "作者"}


def title_items(title: str, role: str = "") -> List[str]:
    """The specific title items of a title chain: ``市政协副主席、…党工委副书记`` → [市政协副主席, 党工委副书记].
    Brackets and generic words (区领导) are dropped; a byline role (记者, 通讯员) is an item."""
    if role == "byline":
        t = regex.sub(r"^(?:本报|本台|本刊|本网)", "", title)
        return [t] if t else []
    out = []
    for part in regex.split(r"[、，,]", title):
        part = regex.sub(r"[（(][^）)]*[）)]", "", part).strip()
        if not part or part in _GENERIC or part.endswith("领导"):
            continue
        m = _RANK_RE.search(part)
        if m:
            out.append(part[-12:])
    return out


def rank_of(item: str) -> Optional[Tuple[str, bool, str]]:
    """(body, deputy?, rank) of a title item: 党工委副书记 → (党工委, True, 书记)."""
    m = _RANK_RE.search(item)
    if not m:
        return None
    body = m.group("org")[-3:]
    return body, bool(m.group("vice")), m.group("rank")


def build_register(pages_data: Iterable[Tuple[Any, Dict[str, Any]]]) -> Dict[Tuple[str, str], Spelling]:
    reg: Dict[Tuple[str, str], Spelling] = {}
    for page, data in pages_data:
        for m in data.get("mentions", ()):
            sp = reg.get((m.kind, m.name))
            if sp is None:
                sp = reg[(m.kind, m.name)] = Spelling(m.name, m.kind)
            sp.mentions.append((page, m))
    return reg


# ---- person variants -----------------------------------------------------------------------------
@dataclass
class Pair:
    a: Spelling
    b: Spelling
    relation: str  # "sound" | "shape" | "sound+shape" | "weak-shape" | "insert" | "prefix"
    detail: str  # human words: 形近 / 一个多“备”字
    same_title: str = ""
    pos: int = -1  # the differing position (same-length spellings)
    same_article: bool = False  # one article names both spellings

    @property
    def evidence(self) -> bool:
        """Positive evidence that the two spellings are one person or body, beyond their similarity:
        the same specific title (not a byline role) or one article naming both."""
        return bool(self.same_title) or self.same_article

    def describe(self, this: "Spelling", other: "Spelling") -> str:
        if self.pos >= 0:
            return f"只差一字（“{this.name[self.pos]}”与“{other.name[self.pos]}”{self.detail}）"
        return self.detail


def person_pairs(reg: Dict[Tuple[str, str], Spelling], weak_needs_title: bool = True) -> List[Pair]:
    people = [sp for (k, _), sp in reg.items() if k == "person"]
    by_key: Dict[Tuple[int, str], List[Spelling]] = defaultdict(list)
    for sp in people:
        n = sp.name
        if not 2 <= len(n) <= 4:
            continue
        for i in range(len(n)):
            by_key[(i, n[:i] + "\0" + n[i + 1:])].append(sp)
    out: List[Pair] = []
    for (i, _), group in by_key.items():
        if len(group) < 2:
            continue
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                p = _judge_people(group[x], group[y], i, weak_needs_title)
                if p:
                    out.append(p)
    return out


def _verb_led(name: str) -> bool:
    """宣讲中 (主题宣讲中提到): a surname-led guess whose first two characters are a verb or adjective of
    the dictionary is a phrase, not a name."""
    from ..analyses.mentions import word_info

    return len(name) == 3 and word_info(name[:2])[1] in ("v", "vn", "a", "ad", "d")


def _one_off_beside(a: Spelling, b: Spelling) -> bool:
    """One page prints one spelling once and the other :data:`ESTABLISHED` times or more (尹强 ×5, 尹弦
    ×1): the page's own spelling is established, the one-off is a slip unless other evidence (another
    title, one attendance list) says two people."""
    from ..analyses.mentions import ESTABLISHED

    on_a = Counter(id(p) for p, _ in a.mentions)
    on_b = Counter(id(p) for p, _ in b.mentions)
    for pid in on_a.keys() & on_b.keys():
        lo, hi = sorted((on_a[pid], on_b[pid]))
        if lo == 1 and hi >= ESTABLISHED:
            return True
    return False


def _judge_people(a: Spelling, b: Spelling, i: int, weak_needs_title: bool) -> Optional[Pair]:
    if not (a.strong or b.strong):
        return None  # two clause-start guesses: not enough to call either a name
    if _verb_led(a.name) or _verb_led(b.name):
        return None
    if a.groups() & b.groups():
        return None  # one attendance list: two people
    ca, cb = a.name[i], b.name[i]
    rel = charsim.relation(ca, cb)
    weak = False
    if rel is None:
        if charsim.shape_level(ca, cb) >= 1:
            rel, weak = "shape", True
        else:
            return None
    ta, tb = a.titles(), b.titles()
    if ta and tb and not any(t in tb for t in ta):
        return None  # each spelling has its own specific titles: two people
    # a byline role (记者) is shared by many people: only a specific title is evidence of one person
    sa, sb = a.titles(bylines=False), b.titles(bylines=False)
    shared = [t for t in sa if t in sb]
    # one article (a headline and its story) naming both spellings is about one person
    same_article = bool(a.articles() & b.articles())
    if (a.bylines_only and b.bylines_only and a.count >= 2 and b.count >= 2 and not same_article):
        return None  # two well-attested bylines: two reporters (李铭, 李铮), not one misspelt
    if weak and weak_needs_title and not shared and not same_article and not _one_off_beside(a, b):
        return None
    if not a.strong or not b.strong:
        # a clause-start guess is compared only with a well-attested name and in the same role
        if not shared and not same_article and (a.count < 2 and b.count < 2):
            return None
    words = {"sound": "音近", "shape": "形近", "sound+shape": "音形皆近"}[rel]
    if weak:
        words = "字形相近"
    return Pair(a, b, "weak-shape" if weak else rel, words, shared[0] if shared else "", i, same_article)


# ---- organisation variants ------------------------------------------------------------------------
_NATIONAL = ("中国", "中华", "全国")


def org_parts(name: str, places: Set[str]) -> Tuple[str, str, str]:
    """(place prefix, core, kind suffix) of an organisation name."""
    m = org_suffix_re("$").search(name)
    suffix = m.group(1) if m else ""
    body = name[: len(name) - len(suffix)]
    body = regex.sub(r"[（(][^）)]*[）)]", "", body)  # 厦工机械(焦作) -> 厦工机械
    prefix = ""
    while True:
        pm = regex.match(r"(\p{Han}{2,3}?)(省|市|县|自治区|自治州)?", body)
        if not pm:
            break
        word = pm.group(1)
        if pm.group(2) and word in places or (not pm.group(2) and word in places) or word in _NATIONAL:
            if len(body) - pm.end() < 2:
                break
            prefix += pm.group()
            body = body[pm.end():]
            continue
        break
    return prefix, body, suffix


def org_pairs(reg: Dict[Tuple[str, str], Spelling], places: Set[str]) -> List[Pair]:
    orgs = [sp for (k, _), sp in reg.items() if k == "org"]
    parts = {sp.name: org_parts(sp.name, places) for sp in orgs}
    by_key: Dict[Tuple[str, str], List[Spelling]] = defaultdict(list)
    for sp in orgs:
        _, core, suffix = parts[sp.name]
        if len(core) < 3:
            continue
        by_key[("-", suffix + "|" + core)].append(sp)
        for i in range(len(core)):
            by_key[("-", suffix + "|" + core[:i] + core[i + 1:])].append(sp)  # deletion neighbourhood
            by_key[("~", suffix + "|" + core[:i] + "\0" + core[i + 1:])].append(sp)
    out: List[Pair] = []
    seen: Set[Tuple[str, str]] = set()
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                a, b = group[x], group[y]
                k = tuple(sorted((a.name, b.name)))
                if k in seen or a.name == b.name:
                    continue
                if _QUANTITY_RE.match(a.name) or _QUANTITY_RE.match(b.name):
                    continue
                pair = _judge_orgs(a, b, parts[a.name], parts[b.name])
                if pair:
                    pair.same_article = bool(a.articles() & b.articles())
                    seen.add(k)
                    out.append(pair)
    return out


def _judge_orgs(a: Spelling, b: Spelling, pa, pb) -> Optional[Pair]:
    (xa, ca, sa), (xb, cb, sb) = pa, pb
    if sa != sb:
        return None
    if ca == cb:
        if xa == xb:
            return None
        return Pair(a, b, "prefix", "只差地名前缀")
    if len(ca) == len(cb):
        diff = [i for i in range(len(ca)) if ca[i] != cb[i]]
        if len(diff) != 1 or len(ca) < 3:
            return None
        i = diff[0]
        rel = charsim.relation(ca[i], cb[i])
        if rel is None:
            return None
        return Pair(a, b, rel, f"主干只差一字（“{ca[i]}”与“{cb[i]}”{charsim.RELATION_CN[rel]}）")
    short, long = (ca, cb) if len(ca) < len(cb) else (cb, ca)
    if len(long) - len(short) != 1 or len(short) < 4:
        return None
    for i in range(len(long)):
        if long[:i] + long[i + 1:] == short:
            if i == 0 or i == len(long) - 1 and len(short) < 5:
                return None  # a word added at either end is more often a different unit
            if i >= 2 and long[i] in _PLACE_LEVELS and regex.match(r"\p{Han}{2}", long[i - 2:i]):
                return Pair(a, b, "prefix", f"只差地名的“{long[i]}”字")  # 马边县人民医院 / 马边人民医院
            if _word_added(short, long):
                return None  # 北京大学原计算机…所, 大中型/大型商业银行: another word, not a slip
            return Pair(a, b, "insert", f"主干只差一个“{long[i]}”字" + ("，地名前缀也不同" if xa != xb else ""))
    return None


_PLACE_LEVELS = "省市县区镇乡"
_COMMON_WORD_FREQ = 100  # two words this common in jieba's dictionary are two words, not a slip
_QUANTITY_RE = regex.compile(r"^[万千百亿][多余]?[所个家座批]")  # 1.1万多所农村中小学: a number, not a name


def _word_added(short: str, long: str) -> bool:
    """The longer core is the shorter one with a word of its own added (原, 了) or one common word
    replaced by another (大中型/大型): jieba's segmentations differ in whole dictionary words."""
    from ..analyses.mentions import word_info
    from ..analyses.tokens import window_tokenizer

    tk = window_tokenizer()
    ws, wl = tk.lcut(short, HMM=False), tk.lcut(long, HMM=False)
    only_s = [w for w in ws if w not in wl]
    only_l = [w for w in wl if w not in ws]
    if not only_s and len(only_l) == 1 and len(only_l[0]) == 1:
        return True  # a one-character word added: 原, 了, 新
    if len(only_s) == 1 and len(only_l) == 1:
        return all(word_info(w)[0] >= _COMMON_WORD_FREQ for w in only_s + only_l)
    return False


# ---- titles ---------------------------------------------------------------------------------------
def title_conflicts(reg) -> List[Tuple[Spelling, str, List[Tuple[Any, M]], List[Tuple[Any, M]]]]:
    """(person, body+rank, mentions with the rank, mentions with the deputy rank)."""
    out = []
    for (k, _), sp in reg.items():
        if k != "person":
            continue
        seen: Dict[Tuple[str, str], Dict[bool, List[Tuple[Any, M]]]] = defaultdict(lambda: defaultdict(list))
        for p, m in sp.mentions:
            if m.role != "title":
                continue
            for item in title_items(m.title):
                r = rank_of(item)
                if r and len(r[0]) >= 2:
                    seen[(r[0], r[2])][r[1]].append((p, m))
        for (body, rank), d in seen.items():
            if d.get(True) and d.get(False):
                out.append((sp, body + rank, d[False], d[True]))
    return out


# ---- roster ---------------------------------------------------------------------------------------
@dataclass
class RosterEntry:
    kind: str
    name: str
    titles: List[str]
    wrong: List[str]
    valid_from: Optional[str]
    valid_to: Optional[str]
    source: str
    count: Optional[int] = None  # mentions in the archive (an entry of a register); None: a hand-made roster

    @property
    def attested(self) -> bool:
        """An entry of a register built from an archive (``newslint names --format toml``) rather than a
        hand-made roster: evidence of usage, not an authority."""
        return self.count is not None


def load_roster(ctx) -> List[RosterEntry]:
    if "names.roster" in ctx.state:
        return ctx.state["names.roster"]
    entries: List[RosterEntry] = []
    for p in ctx.config.get("roster", []):
        path = ctx.config.resolve(p)
        doc = load_pack(path, {sec: ctx.pack_schema.get(sec, {}) for sec in ("person", "org")})
        for kind, section in (("person", "person"), ("org", "org")):
            for n, e in enumerate(doc.get(section, [])):
                d = e.data
                if not isinstance(d.get("name"), str) or not d["name"].strip():
                    raise e.error("name", "a string is required")
                for key in ("titles", "wrong"):
                    v = d.get(key, [])
                    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                        raise e.error(key, "must be a list of strings")
                entries.append(RosterEntry(kind, d["name"].strip(), list(d.get("titles", [])),
                                           list(d.get("wrong", [])), _date_str(d.get("valid_from")),
                                           _date_str(d.get("valid_to")), str(path), d.get("count")))
    ctx.state["names.roster"] = entries
    return entries


def _date_str(v) -> Optional[str]:
    return None if v is None else str(v)


def _roster_index(entries: List[RosterEntry]):
    wrong: Dict[str, RosterEntry] = {}
    right: Dict[str, RosterEntry] = {}
    masks: Dict[Tuple[int, str], List[RosterEntry]] = defaultdict(list)
    for e in entries:
        right[e.name] = e
        for w in e.wrong:
            wrong[w] = e
        if e.kind == "person":
            for i in range(len(e.name)):
                masks[(i, e.name[:i] + "\0" + e.name[i + 1:])].append(e)
    return wrong, right, masks


@hookimpl
def newslint_check_page(page, ctx):
    if not ctx.enabled(ROSTER.id, page) or not ctx.config.get("roster"):
        return None
    entries = load_roster(ctx)
    if not entries:
        return None
    wrong, right, masks = _roster_index(entries)
    out = []
    text = page.text
    done: Set[Tuple[int, int]] = set()
    if wrong:
        pat = regex.compile("|".join(regex.escape(w) for w in sorted(wrong, key=len, reverse=True)))
        for m in pat.finditer(text):
            e = wrong[m.group()]
            done.add(m.span())
            out.append(ctx.finding(
                ROSTER, page, m.start(), m.end(),
                f"“{m.group()}”是名册所列的错误写法，应为“{e.name}”",
                suggestion=e.name, fix=Fix(m.start(), m.end(), e.name), key=m.group()))
    page_date = _page_date(page)
    people = page.analysis("mentions").people()
    on_page = Counter(m.name for m in people)
    min_count = int(ctx.options(ROSTER.id).get("register_min_count", 3))
    for mn in people:
        if (mn.start, mn.end) in done:
            continue
        if mn.name in right:
            f = _roster_title(ctx, page, mn, right[mn.name], page_date)
            if f is not None:
                out.append(f)
            continue
        for i in range(len(mn.name)):
            for e in masks.get((i, mn.name[:i] + "\0" + mn.name[i + 1:]), ()):
                rel = charsim.relation(mn.name[i], e.name[i])
                if rel is None:
                    continue
                if e.attested and not _register_match(mn, e, on_page, min_count):
                    continue
                done.add((mn.start, mn.end))
                if e.attested:
                    out.append(ctx.finding(
                        ROSTER, page, mn.start, mn.end,
                        f"“{mn.name}”与存档名册中的“{e.name}”只差一字（“{mn.name[i]}”与“{e.name[i]}”"
                        f"{charsim.RELATION_CN[rel]}）：“{e.name}”在存档中出现{e.count}次"
                        + (f"（{e.titles[0]}）" if e.titles else "")
                        + f"，“{mn.name}”本版仅此一处、存档未见，疑为“{e.name}”之误，请核对",
                        suggestion=e.name, fix=Fix(mn.start, mn.end, e.name), key=mn.name, severity="warning"))
                else:
                    out.append(ctx.finding(
                        ROSTER, page, mn.start, mn.end,
                        f"“{mn.name}”与名册中的“{e.name}”只差一字（“{mn.name[i]}”与“{e.name[i]}”"
                        f"{charsim.RELATION_CN[rel]}），应为“{e.name}”",
                        suggestion=e.name, fix=Fix(mn.start, mn.end, e.name), key=mn.name))
                break
            else:
                continue
            break
    return out


def _register_match(mn: Mention, e: RosterEntry, on_page: Counter, min_count: int) -> bool:
    """A page's spelling against a register entry (attested in the archive): the entry is well attested
    (``min_count`` mentions), the page's spelling is a one-off (printed once on the page, in a title, list
    or byline — a clause-start guess is no name) and no title says two people (both titled, no rank in
    common: 董事长王建图 is not 区委书记王建国)."""
    if (e.count or 0) < min_count or on_page[mn.name] != 1 or not mn.strong or mn.role == "byline":
        return False
    here = {_title_kind(t) for t in title_items(mn.title, mn.role)} - {None}
    known = {_title_kind(t) for t in e.titles} - {None}
    return not (here and known and not here & known)


def _title_kind(item: str) -> Optional[str]:
    """The rank of a title item (书记, 主任…), or "byline" for a byline role (记者: a reporter is not the
    管委会副主任 of the page)."""
    r = rank_of(item)
    if r:
        return r[2]
    from ..analyses.mentions import BYLINE_ROLE_RE

    return "byline" if BYLINE_ROLE_RE.match(item) or item in ("作者", "摄影") else None


def _page_date(page) -> Optional[str]:
    try:
        d = page.analysis("dates").page_date
        return d.isoformat() if d else None
    except Exception:  # the chronology analysis is optional
        return None


def _roster_title(ctx, page, mn: Mention, e: RosterEntry, page_date: Optional[str]):
    """A title printed with a roster name that is the roster title's deputy form or the reverse."""
    if mn.role != "title" or not e.titles:
        return None
    if page_date and ((e.valid_from and page_date < e.valid_from[:10])
                      or (e.valid_to and page_date > e.valid_to[:10])):
        return None  # the roster entry does not cover this page's date
    known = [(t, rank_of(t)) for t in e.titles]
    for item in title_items(mn.title):
        r = rank_of(item)
        if not r or len(r[0]) < 2:
            continue
        for t, kr in known:
            if kr and kr[0] == r[0] and kr[2] == r[2] and kr[1] != r[1]:
                return ctx.finding(
                    ROSTER, page, mn.start, mn.end,
                    f"“{mn.name}”的职务写作“{item}”，名册记为“{t}”" + (
                        f"（任期 {e.valid_from or '…'} 至 {e.valid_to or '…'}）" if e.valid_from or e.valid_to else ""),
                    key=f"{mn.name}|{item}", severity="warning")
    return None


# ---- the corpus phase -----------------------------------------------------------------------------
def corpus_register(corpus, pages=None):
    """The register of names from the data this plugin collected for ``pages`` (default: all pages of
    the corpus): (register, places, page dates)."""
    pages_data = []
    places: Set[str] = set()
    dates: Dict[int, Optional[str]] = {}
    for p in corpus.pages if pages is None else pages:
        data = corpus.collected(p, COLLECT_KEY)
        if not data:
            continue
        pages_data.append((p, data))
        places.update(data.get("places", ()))
        dates[id(p)] = data.get("date")
    return build_register(pages_data), places, dates


def _short(path: str) -> str:
    import os

    return os.path.basename(path)


def _summary(sp: Spelling, limit: int = 3) -> str:
    pages = sp.pages
    names = "、".join(_short(p.path) for p in pages[:limit]) + ("等" if len(pages) > limit else "")
    return f"“{sp.name}”{sp.count}处（{names}）"


def _roster_names(ctx) -> Set[str]:
    """The names of the hand-made rosters (an authority: a variant of one is an error); a register's
    entries are evidence of usage only and do not count here."""
    try:
        return {e.name for e in load_roster(ctx) if not e.attested} if ctx.config.get("roster") else set()
    except ConfigError:
        return set()


def _variant_findings(ctx, pair: Pair, rule: Rule, roster: Set[str], kind_cn: str, corpus=None) -> list:
    a, b = pair.a, pair.b
    out = []
    if a.name in roster and b.name not in roster:
        targets = [(b, a)]
        basis = f"名册支持“{a.name}”"
    elif b.name in roster and a.name not in roster:
        targets = [(a, b)]
        basis = f"名册支持“{b.name}”"
    else:
        hi, lo = (a, b) if a.count >= b.count else (b, a)
        if hi.count >= 2 * lo.count and hi.count >= 3:
            targets = [(lo, hi)]
            basis = f"多数写法为“{hi.name}”（多数不等于正确，请核对）"
        else:
            targets = [(a, b), (b, a)]
            basis = "两种写法次数相近，无法判断哪种正确，请核对"
    severity = None
    if pair.relation == "prefix":
        severity = "info"
    for this, other in targets:
        for page in this.pages:
            if page.archive:
                continue
            here = this.first_on(page)
            there_same = other.first_on(page)
            if there_same is not None:
                # both spellings on this page: report the page's minority spelling only
                n_this = sum(1 for p, _ in this.mentions if p is page)
                n_other = sum(1 for p, _ in other.mentions if p is page)
                if n_this > n_other:
                    continue
            related = []
            if there_same is not None:
                related.append(page.location(there_same.start, there_same.end, f"本版另一写法“{other.name}”"))
            for op in other.pages:
                if op is page or len(related) >= 3:
                    continue
                om = other.first_on(op)
                related.append(op.location(om.start, om.end, f"另一写法“{other.name}”"))
            title = f"，两处职务同为“{pair.same_title}”" if pair.same_title else ""
            who = "人" if kind_cn == "人名" else "单位"
            msg = (f"{kind_cn}“{this.name}”与“{other.name}”{pair.describe(this, other)}{title}，可能是同一{who}"
                   f"的两种写法：{_summary(this)}，{_summary(other)}；{basis}")
            fix = None
            suggestion = None
            if other.name in roster and this.name not in roster:
                suggestion = other.name
                fix = Fix(here.start, here.end, other.name)
                sev = "error"
            else:
                # across issues (other dates) one similar character is no evidence: info unless the
                # two spellings share a specific title or one article names both
                same = pair.evidence or any(issues.same_issue(corpus, page, op) for op in other.pages)
                sev = issues.cap(severity, same)
                if not same:
                    msg += "（两种写法见于不同日期的版面，仅凭字形字音相近，供核对）"
            out.append(ctx.finding(rule, page, here.start, here.end, msg, related=related,
                                   suggestion=suggestion, fix=fix, key=f"{this.name}|{other.name}",
                                   severity=sev))
    return out


@hookimpl
def newslint_check_corpus(corpus, ctx):
    if not ctx.any_enabled(VARIANT.id, ORG_VARIANT.id, TITLE_CONFLICT.id):
        return None
    reg, places, dates = corpus_register(corpus)
    if not reg:
        return None
    roster = _roster_names(ctx)
    out = []
    if ctx.any_enabled(VARIANT.id):
        opts = ctx.options(VARIANT.id)
        for pair in person_pairs(reg, bool(opts.get("weak_shape_needs_title", True))):
            out.extend(f for f in _variant_findings(ctx, pair, VARIANT, roster, "人名", corpus)
                       if ctx.enabled(VARIANT.id, _page_of(corpus, f.location.path)))
    if ctx.any_enabled(ORG_VARIANT.id):
        for pair in org_pairs(reg, places):
            out.extend(f for f in _variant_findings(ctx, pair, ORG_VARIANT, roster, "单位名称", corpus)
                       if ctx.enabled(ORG_VARIANT.id, _page_of(corpus, f.location.path)))
    if ctx.any_enabled(TITLE_CONFLICT.id):
        out.extend(_title_findings(ctx, corpus, reg, dates))
    return out


def _page_of(corpus, path):
    for p in corpus.pages:
        if p.path == path:
            return p
    return None


def _title_findings(ctx, corpus, reg, dates) -> list:
    out = []
    for sp, rank, full, deputy in title_conflicts(reg):
        body_rank = rank
        for group, other, label, other_label in ((full, deputy, body_rank, _deputy(body_rank)),
                                                 (deputy, full, _deputy(body_rank), body_rank)):
            by_page: Dict[int, Tuple[Any, M]] = {}
            for p, m in group:
                by_page.setdefault(id(p), (p, m))
            for pid, (page, m) in by_page.items():
                if page.archive or not ctx.enabled(TITLE_CONFLICT.id, page):
                    continue
                same_page = [(p, x) for p, x in other if p is page]
                if same_page:
                    # within a page: report the page's minority form
                    if sum(1 for p, _ in group if p is page) > len(same_page):
                        continue
                    rel = [page.location(x.start, x.end, f"本版写作“{other_label}”") for _, x in same_page[:3]]
                    msg = (f"“{sp.name}”在本版既是“{label}”又是“{other_label}”，同一单位的正职与副职不能兼任，"
                           f"请核对职务")
                    out.append(ctx.finding(TITLE_CONFLICT, page, m.start, m.end, msg, related=rel,
                                           key=f"{sp.name}|{label}"))
                    continue
                # across pages: the smaller side reports (both when equal)
                n_here = len({id(p) for p, _ in group})
                n_other = len({id(p) for p, _ in other})
                if n_here > n_other:
                    continue
                seen_pages, rel = set(), []
                for p, x in other:
                    if id(p) in seen_pages or len(rel) >= 3:
                        continue
                    seen_pages.add(id(p))
                    d = dates.get(id(p))
                    rel.append(p.location(x.start, x.end, f"写作“{other_label}”" + (f"（{d}）" if d else "")))
                d_here = dates.get(id(page))
                when = f"本版（{d_here}）" if d_here else "本版"
                msg = (f"“{sp.name}”{when}写作“{label}”，另有{n_other}版写作“{other_label}”；"
                       f"如非职务变动，请核对")
                sev = "info"
                window = int(ctx.options(TITLE_CONFLICT.id).get("window_days", 0) or 0)
                if window and d_here and _within(d_here, [dates.get(id(p)) for p, _ in other], window):
                    sev = None
                out.append(ctx.finding(TITLE_CONFLICT, page, m.start, m.end, msg, related=rel,
                                       key=f"{sp.name}|{label}", severity=sev))
    return out


def _deputy(rank: str) -> str:
    # 党工委书记 -> 党工委副书记
    for r in sorted(RANKS, key=len, reverse=True):
        if rank.endswith(r):
            return rank[: len(rank) - len(r)] + "副" + r
    return "副" + rank


def _within(d: str, others: List[Optional[str]], days: int) -> bool:
    import datetime as dt

    try:
        a = dt.date.fromisoformat(d)
        return any(o and abs((dt.date.fromisoformat(o) - a).days) <= days for o in others)
    except ValueError:
        return False


# ---- `newslint names` ------------------------------------------------------------------------------
@hookimpl
def newslint_add_commands(subparsers):
    from ..app import add_run_options

    p = subparsers.add_parser("names", help="print the register of people and organisations a run found")
    add_run_options(p)
    p.add_argument("--format", choices=("text", "json", "toml"), default="text",
                   help="toml: a register for the config's roster (every spelling attested --min-count times)")
    p.add_argument("--kind", choices=("person", "org", "all"), default="all")
    p.add_argument("--min-count", type=int, default=2, metavar="N",
                   help="with --format toml, the mentions a spelling needs to enter the register (default 2)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=cmd_names)


def register_rows(reg, places) -> List[Dict[str, Any]]:
    """Entities with their spellings: spellings linked by a variant pair form one entity."""
    pairs = person_pairs(reg, True) + org_pairs(reg, places)
    parent: Dict[Tuple[str, str], Tuple[str, str]] = {}

    def find(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for pr in pairs:
        ka, kb = (pr.a.kind, pr.a.name), (pr.b.kind, pr.b.name)
        ra, rb = find(ka), find(kb)
        if ra != rb:
            parent[rb] = ra
    groups: Dict[Tuple[str, str], List[Spelling]] = defaultdict(list)
    for k, sp in reg.items():
        groups[find(k)].append(sp)
    rows = []
    for sps in groups.values():
        if sps[0].kind == "person" and not any(s.strong for s in sps):
            continue  # clause-start guesses alone are not put in the register
        sps.sort(key=lambda s: -s.count)
        titles: Counter = Counter()
        pages: List[str] = []
        for s in sps:
            titles.update(s.titles())
            for p in s.pages:
                if p.path not in pages:
                    pages.append(p.path)
        rows.append({
            "entity": sps[0].name, "kind": sps[0].kind,
            "spellings": [{"name": s.name, "count": s.count, "pages": [p.path for p in s.pages]} for s in sps],
            "titles": [t for t, _ in titles.most_common()],
            "count": sum(s.count for s in sps), "pages": pages, "variants": len(sps) > 1,
        })
    rows.sort(key=lambda r: (r["kind"], -r["variants"], -r["count"], r["entity"]))
    return rows


def cmd_names(pm, args) -> int:
    from ..app import EXIT_ERROR, EXIT_OK, build_context
    from ..engine import load_pages

    if not args.paths and not getattr(args, "archive", None):
        from ..app import UsageError

        raise UsageError("newslint names: no paths given (pages, or --archive DIR)")
    ctx = build_context(pm, args)  # validates the configuration like `check` does
    errors: List[str] = []
    from ..app import archive_paths

    paths = list(args.paths) + archive_paths(ctx, args)
    pages = load_pages(paths, errors, getattr(args, "stdin_filename", None), ctx=ctx)
    dates: Dict[int, Optional[str]] = {}

    def data(p):
        ms = [_compact(m, p) for m in p.analysis("mentions").items if m.role != "near-repeat"]
        if args.format == "toml":
            dates[id(p)] = _page_date(p)
        p._cache.clear()  # a large archive: keep only the compact mentions
        return p, {"mentions": ms}

    reg = build_register(data(p) for p in pages)
    places: Set[str] = set()
    for p in pages:
        places.update(place_words(p.text))
    rows = register_rows(reg, places)
    if args.kind != "all":
        rows = [r for r in rows if r["kind"] == args.kind]
    for e in errors:
        print(f"newslint: {e}", file=sys.stderr)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        _print_names(args, rows, reg, dates, len(pages), out)
    finally:
        if args.output:
            out.close()
    return EXIT_ERROR if errors else EXIT_OK


def register_toml(rows, reg, dates: Dict[int, Optional[str]], n_pages: int, min_count: int = 2) -> str:
    """A register for the config's ``roster`` from the rows of :func:`register_rows`: one ``[[person]]``
    or ``[[org]]`` per spelling attested ``min_count`` times or more (in a title, byline or list at least
    once, for a person), with its count, pages, titles, first and last page date, and the entity's other
    spellings (``others``: seen in the archive, not confirmed — one of them may be a misprint)."""
    from rapidfuzz.distance import Levenshtein

    def q(v: str) -> str:
        return json.dumps(v, ensure_ascii=False)

    lines = ["# A register of the people and organisations attested in an archive of pages, written by",
             "# `newslint names --archive DIR --format toml`.  Point the config's roster at it:",
             "#   roster = [\"register.toml\"]",
             "# On a page, a spelling printed once that is one look- or sound-alike character away from a",
             "# spelling attested here 3 times or more (and not itself attested) is reported (name-roster).",
             "# Review it: `others` lists spellings of what may be the same entity; add known misprints as `wrong`.",
             "", "[pack]", f"name = {q('register')}", f"pages = {n_pages}", ""]
    for r in rows:
        section = "person" if r["kind"] == "person" else "org"
        spellings = [s["name"] for s in r["spellings"]]
        for s in r["spellings"]:
            sp = reg.get((r["kind"], s["name"]))
            if sp is None or sp.count < min_count or (section == "person" and not sp.strong):
                continue
            ds = sorted(d for d in (dates.get(id(p)) for p in sp.pages) if d)
            titles = [t for t, _ in sp.titles().most_common(6)]
            lines.append(f"[[{section}]]")
            lines.append(f"name = {q(sp.name)}")
            lines.append(f"count = {sp.count}")
            lines.append(f"pages = {len(sp.pages)}")
            if titles and section == "person":
                lines.append("titles = [" + ", ".join(q(t) for t in titles) + "]")
            if ds:
                lines.append(f"first = {ds[0]}")
                lines.append(f"last = {ds[-1]}")
            # an entity's spellings chain (A~B~C): list those one edit from this one
            others = [o for o in spellings if o != sp.name and Levenshtein.distance(o, sp.name) <= 1]
            if others:
                lines.append("others = [" + ", ".join(q(o) for o in others) + "]")
            lines.append("")
    return "\n".join(lines)


def _print_names(args, rows, reg, dates, n_pages, out) -> None:
    if args.format == "toml":
        out.write(register_toml(rows, reg, dates, n_pages, args.min_count))
    elif args.format == "json":
        json.dump({"entities": rows}, out, ensure_ascii=False, indent=1)
        print(file=out)
    else:
        for r in rows:
            kind = "人" if r["kind"] == "person" else "单位"
            flag = "  ⚠ 多种写法" if r["variants"] else ""
            print(f"{r['entity']}  [{kind}]  {r['count']}处 {len(r['pages'])}版{flag}", file=out)
            if r["variants"]:
                for s in r["spellings"]:
                    print(f"    写法 {s['name']}: {s['count']}处  " + ", ".join(_short(p) for p in s["pages"][:5]),
                          file=out)
            if r["titles"]:
                print("    职务: " + "；".join(r["titles"][:6]), file=out)
