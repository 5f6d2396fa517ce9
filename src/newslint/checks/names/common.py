"""What the name rules share: the compact mentions a page hands to the corpus phase, the register of
spellings (one run-wide analysis, ``register_of``), the person and organisation pairs, the roster and the
wording of a variant finding."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

import regex

from ...analyses import charsim, issues
from ...analyses.mentions import Mention, org_suffix_re, ranks
from ...config import ConfigError
from ...finding import Fix
from ...packs import load_pack

_HAN1 = regex.compile(r"\p{Han}")
_OWN_PAPER_RE = regex.compile(r"^(?:本报|本台|本刊|本网)")
_LIST_SEP_RE = regex.compile(r"[、，,]")
_PAREN_RE = regex.compile(r"[（(][^）)]*[）)]")

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
    from ...analyses.mentions import word_info

    out: Set[str] = set()
    for m in _PLACE_END_RE.finditer(text):
        s = m.start()
        cands = [text[s - 2:s]]
        if s >= 3 and _HAN1.match(text[s - 3]):
            cands.append(text[s - 3:s])
        for w in cands:
            f, tag = word_info(w)
            # 推动县域…, 我国省级…: a common word that is not a place name is not a place
            if tag and tag != "ns" and (tag not in ("n", "nz", "j", "nt") or f >= 1000):
                continue
            out.add(w)
    return out



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


def _rank_re() -> "regex.Pattern":
    """An organisation, 副 and a rank (the mentions analysis's ranks, without their 副 forms)."""
    return _rank_re_of(ranks())


@lru_cache(maxsize=4)
def _rank_re_of(words: Tuple[str, ...]) -> "regex.Pattern":
    return regex.compile(r"(?P<org>[\p{Han}（）()]*?)(?P<vice>副)?(?P<rank>" + "|".join(
        sorted({r for r in words if not r.startswith("副")}, key=len, reverse=True)) + r")$")
_GENERIC = {"领导", "区领导", "市领导", "县领导", "负责人", "同志", "代表", "专家", "老师", "作者"}


def title_items(title: str, role: str = "") -> List[str]:
    """The specific title items of a title chain: ``市政协副主席、…党工委副书记`` → [市政协副主席, 党工委副书记].
    Brackets and generic words (区领导) are dropped; a byline role (记者, 通讯员) is an item."""
    if role == "byline":
        t = _OWN_PAPER_RE.sub("", title)
        return [t] if t else []
    out = []
    for part in _LIST_SEP_RE.split(title):
        part = _PAREN_RE.sub("", part).strip()
        if not part or part in _GENERIC or part.endswith("领导"):
            continue
        m = _rank_re().search(part)
        if m:
            out.append(part[-12:])
    return out


def rank_of(item: str) -> Optional[Tuple[str, bool, str]]:
    """(body, deputy?, rank) of a title item: 党工委副书记 → (党工委, True, 书记)."""
    m = _rank_re().search(item)
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


def person_pairs(reg: Dict[Tuple[str, str], Spelling], weak_needs_title: bool = True, corpus=None) -> List[Pair]:
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
                p = _judge_people(group[x], group[y], i, weak_needs_title, corpus)
                if p:
                    out.append(p)
    return out


def _verb_led(name: str) -> bool:
    """宣讲中 (主题宣讲中提到): a surname-led guess whose first two characters are a verb or adjective of
    the dictionary is a phrase, not a name."""
    from ...analyses.mentions import word_info

    return len(name) == 3 and word_info(name[:2])[1] in ("v", "vn", "a", "ad", "d")


def _one_off_beside(a: Spelling, b: Spelling, corpus=None) -> bool:
    """One page prints one spelling once and the other :data:`ESTABLISHED` times or more (尹强 ×5, 尹弦
    ×1): the page's own spelling is established, the one-off is a slip unless other evidence (another
    title, one attendance list) says two people.  (With the run's ``corpus``, a day of a page holding
    several days counts as a page.)"""
    from ...analyses.mentions import ESTABLISHED

    def where(p, m):
        return (id(p), issues.issue_of(corpus, p, m.start)) if corpus is not None else id(p)

    on_a = Counter(where(p, m) for p, m in a.mentions)
    on_b = Counter(where(p, m) for p, m in b.mentions)
    for pid in on_a.keys() & on_b.keys():
        lo, hi = sorted((on_a[pid], on_b[pid]))
        if lo == 1 and hi >= ESTABLISHED:
            return True
    return False


def _judge_people(a: Spelling, b: Spelling, i: int, weak_needs_title: bool, corpus=None) -> Optional[Pair]:
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
    if weak and weak_needs_title and not shared and not same_article and not _one_off_beside(a, b, corpus):
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
    from ...analyses.mentions import word_info
    from ...analyses.tokens import window_tokenizer

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


def _title_kind(item: str) -> Optional[str]:
    """The rank of a title item (书记, 主任…), or "byline" for a byline role (记者: a reporter is not the
    管委会副主任 of the page)."""
    r = rank_of(item)
    if r:
        return r[2]
    from ...analyses.mentions import BYLINE_ROLE_RE

    return "byline" if BYLINE_ROLE_RE.match(item) or item in ("作者", "摄影") else None


def _page_date(page) -> Optional[str]:
    try:
        d = page.analysis("dates").page_date
        return d.isoformat() if d else None
    except Exception:  # the chronology analysis is optional
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



def report_variants(rc, pair: Pair, roster: Set[str], kind_cn: str) -> None:
    """Report the two spellings of ``pair`` (the minority one, or both when neither prevails)."""
    corpus = rc.corpus
    a, b = pair.a, pair.b
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
            # one report a page — a day of a page holding several days (its issues) — at its first mention
            days: Dict[Optional[str], List[M]] = {}
            for p, m in this.mentions:
                if p is page:
                    days.setdefault(issues.issue_of(corpus, page, m.start), []).append(m)
            for day, mine in days.items():
                _report_variant(rc, corpus, pair, this, other, page, day, mine, roster, basis, severity, kind_cn)


def _report_variant(rc, corpus, pair: Pair, this: Spelling, other: Spelling, page, day, mine: List[M],
                    roster: Set[str], basis: str, severity: Optional[str], kind_cn: str) -> None:
    """Report ``this`` spelling once on ``page`` (on the day ``day`` of a page holding several)."""
    here = mine[0]
    theirs = [(m, issues.issue_of(corpus, page, m.start) == day) for p, m in other.mentions if p is page]
    there_same = next((m for m, same_day in theirs if same_day), None)
    if there_same is not None:
        # both spellings on this page: report the page's minority spelling only
        n_this = len(mine)
        n_other = sum(1 for _, same_day in theirs if same_day)
        if n_this > n_other:
            return
    related = []
    if there_same is not None:
        related.append(page.location(there_same.start, there_same.end, f"本版另一写法“{other.name}”"))
    for op in other.pages:
        if len(related) >= 3:
            continue
        if op is page:  # the other spelling on another day of this page
            om = next((m for m, same_day in theirs if not same_day), None)
            if om is None:
                continue
        else:
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
        # (places compared, not pages: a file may hold several days)
        same = pair.evidence or any(issues.issue_of(corpus, op, om.start) == day
                                    for op, om in other.mentions)
        sev = issues.cap(severity, same)
        if not same:
            msg += "（两种写法见于不同日期的版面，仅凭字形字音相近，供核对）"
    rc.report(here.start, here.end, msg, page=page, related=related, suggestion=suggestion, fix=fix,
              key=f"{this.name}|{other.name}", severity=sev)



def register_of(corpus):
    """The register of the whole run (register, places, page dates), computed once for the three
    corpus rules."""
    return corpus.cached("names.register", lambda: corpus_register(corpus))
