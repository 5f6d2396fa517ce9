"""National leaders at the page's date, from the dated roster pack ``rules/leaders.toml``.

* ``name-leader-misspelt``: a 2–3 character span one look- or sound-alike character away from a leader's
  name (pypinyin readings, shape data, component containment), standing where a name stands — an element
  of a 、 list beside another leader (出席会议的还有李干木、何立峰、张国清等), right after a leader's title that
  leader held (国务院副总理丁薛样), or at the head of a clause before a speech verb when the leader is named
  on the page (何立锋指出) — and not itself a leader, not a common word, not a person the page names with
  a title of his own.
* ``name-leader-title``: a leader's title printed before (国务院总理李克强) or after (李克强总理) the name
  that the person did not hold in the week up to the page's date (the whole year for a date estimated
  from the text).  A past title is not judged: 原/前/时任/曾任 touching it, 时任/曾任/当时 earlier in its
  clause, a term (十三届), another year before it in the sentence or an earlier one right after the name,
  words of mourning or memory in the sentence.
* ``name-leader-order``: three or more members of the Politburo Standing Committee listed one after
  another (、) out of the official order of the page's date; one finding per list, with that order.

The page date is the shared "dates" analysis (see ``checks/chronology.py``); pages without a date or dated
before the roster's coverage (the 18th Congress, 2012-11-15) are not judged, nor — after the pack's horizon
— a post the roster never gave the person.  A user pack (config ``packs``) adds or replaces leaders.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import regex

from .. import hookimpl
from ..config import ConfigError
from ..finding import Fix, Rule

CAT = "name"
COVERAGE = _dt.date(2012, 11, 15)
_TAIL = ("\n\n名单见 rules/leaders.toml（每条注明来源），用户数据包（配置 packs）可以增补或替换其中的人员。"
         "页面日期的来源见 anachronism 类规则（--date、配置 dates 表、文件名……）。")

MISSPELT = Rule(
    id="name-leader-misspelt", category=CAT, severity="error",
    summary="国家领导人姓名错字（与名单中的姓名只差一个音近或形近字）",
    explanation="国家领导人的姓名写错是最严重的差错之一，而且多出现在名单里。出现在人名位置上（与其他领导人"
                "并列的顿号名单中，或紧跟在领导人职务之后）的二至三字，若与名单中某位领导人的姓名只差一个"
                "音近或形近的字，本身不是名单中的人、不是常用词，页面上也没有以其他职务提到这个名字，就报告为"
                "错误，并给出正确写法（不安全修复）。\n\nA leader's name misspelt by one look- or sound-alike "
                "character where a name stands (in a list of leaders, after a leader's title)." + _TAIL,
    bad="出席会议的还有李干木、何立峰、张国清等。", good="出席会议的还有李干杰、何立峰、张国清等。",
    fixable=True, needs=("dates",),
    examples=[{"text": "出席会议的还有李干木、何立峰、张国清等。\n", "fires": True, "date": "2024-05-10"},
              {"text": "出席会议的还有李干杰、何立峰、张国清等。\n", "fires": False, "date": "2024-05-10"}],
)
TITLE = Rule(
    id="name-leader-title", category=CAT, severity="error",
    summary="领导人的职务与页面日期不符（如2024年的“国务院总理李克强”）",
    explanation="领导人姓名前后的职务（国务院总理、国务院副总理、全国人大常委会副委员长、中央政治局常委……）"
                "应是页面日期时的现任职务。已卸任或被免职的职务须写“原”“前”或“时任”；尚未担任的职务不能提前写。"
                "职务前有“原、前、时任、曾任”，有届次（十三届），句中写有页面年份以外的年份，或是悼念、逝世的"
                "报道时不判断。\n\nA leader's title the person did not hold at the page's date." + _TAIL,
    bad="（2024年5月）国务院总理李克强出席活动。", good="（2024年5月）国务院总理李强出席活动。", needs=("dates",),
    examples=[{"text": "国务院总理李克强出席活动并讲话。\n", "fires": True, "date": "2024-05-10"},
              {"text": "国务院总理李强出席活动并讲话。\n", "fires": False, "date": "2024-05-10"}],
)
ORDER = Rule(
    id="name-leader-order", category=CAT, severity="warning",
    summary="中央政治局常委的排列顺序与页面日期时的正式顺序不符",
    explanation="中央政治局常委并列时按每届一中全会公布的顺序排列。三位以上常委以顿号相连、中间没有其他人时，"
                "顺序应与页面日期时的正式顺序一致；报告时给出正确顺序（不安全修复）。\n\n"
                "Three or more Standing Committee members listed out of the official order." + _TAIL,
    bad="（2024年）习近平、李强、王沪宁、赵乐际、蔡奇、丁薛祥、李希出席。",
    good="（2024年）习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。", fixable=True, needs=("dates",),
    examples=[{"text": "习近平、李强、王沪宁、赵乐际、蔡奇、丁薛祥、李希出席大会。\n", "fires": True, "date": "2024-05-10"},
              {"text": "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席大会。\n", "fires": False, "date": "2024-05-10"}],
)

ALL_RULES = [MISSPELT, TITLE, ORDER]
_IDS = [r.id for r in ALL_RULES]


# ---- the roster ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Post:
    post: str
    start: _dt.date
    end: Optional[_dt.date] = None  # None: still held at the horizon
    order: Optional[int] = None

    def overlaps(self, lo: _dt.date, hi: _dt.date) -> bool:
        return self.start <= hi and (self.end is None or self.end >= lo)

    def at(self, day: _dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class Leader:
    name: str
    posts: List[Post]
    source: str
    where: str = ""


@dataclass
class PostKind:
    post: str
    label: str
    titles: List[str]
    after: List[str] = field(default_factory=list)
    implies: List[str] = field(default_factory=list)


@dataclass
class Roster:
    leaders: Dict[str, Leader] = field(default_factory=dict)
    kinds: Dict[str, PostKind] = field(default_factory=dict)
    horizon: _dt.date = COVERAGE
    title_of: Dict[str, str] = field(default_factory=dict)  # printed title -> post
    after_of: Dict[str, str] = field(default_factory=dict)
    masks: Dict[str, List[Tuple[str, int]]] = field(default_factory=dict)  # 李\0杰 -> [(李干杰, 1)]
    names_re: Optional["regex.Pattern"] = None
    titles_re: Optional["regex.Pattern"] = None

    def held(self, name: str, post: str) -> List[Post]:
        """The spells of ``post`` that ``name`` held, counting posts that imply it."""
        lead = self.leaders.get(name)
        if lead is None:
            return []
        return [p for p in lead.posts if p.post == post or post in self.kinds[p.post].implies]

    def psc_order(self, name: str, day: _dt.date) -> Optional[int]:
        lead = self.leaders.get(name)
        for p in lead.posts if lead else ():
            if p.post == "psc" and p.order is not None and p.at(day):
                return p.order
        return None


def _date(e, v, what: str) -> _dt.date:
    return e.as_date(v, what)


def _strings(e, key: str, required: bool = True) -> List[str]:
    v = e.get(key, None if required else [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v) or (required and not v):
        raise e.error(key, "must be a list of non-empty strings")
    return list(v)


def build_roster(post_entries, leader_entries, pack_entries=()) -> Roster:
    """A roster from pack entries ([[leader_post]], [[leader]], [[leader_pack]]); raises ConfigError
    (via ``entry.error``) on any entry that breaks the schema.  A later [[leader]] of the same name
    replaces an earlier one (a user pack overrides the built-in roster)."""
    r = Roster()
    for e in pack_entries:
        r.horizon = max(r.horizon, _date(e, e["known_until"], "known_until"))
    for e in post_entries:
        post, label = e["post"], e["label"]
        if not isinstance(post, str) or not isinstance(label, str):
            raise e.error("post", "post and label must be strings")
        k = PostKind(post, label, _strings(e, "titles"), _strings(e, "after", False), _strings(e, "implies", False))
        r.kinds[post] = k
    for k in r.kinds.values():
        for imp in k.implies:
            if imp not in r.kinds:
                raise ConfigError(f"[[leader_post]] {k.post}: implies an unknown post {imp!r}")
        for t in k.titles:
            r.title_of[t] = k.post
        for t in k.after:
            r.after_of[t] = k.post
    for e in leader_entries:
        name = e["name"]
        if not isinstance(name, str) or not regex.fullmatch(r"[\p{Han}·]{2,12}", name):
            raise e.error("name", f"must be a name in Chinese characters, not {name!r}")
        src = e["source"]
        if not isinstance(src, str) or not src.strip():
            raise e.error("source", "every leader needs a source")
        raw = e["posts"]
        if not isinstance(raw, list) or not raw:
            raise e.error("posts", "must be a non-empty list of { post, start, end?, order? }")
        posts = []
        for p in raw:
            if not isinstance(p, dict) or p.get("post") not in r.kinds:
                raise e.error("posts", f"{name}: unknown post in {p!r} (posts: {', '.join(r.kinds)})")
            start = _date(e, p.get("start"), f"posts.start ({name})")
            end = _date(e, p["end"], f"posts.end ({name})") if p.get("end") is not None else None
            if end is not None and end < start:
                raise e.error("posts", f"{name}: {p['post']} ends ({end}) before it starts ({start})")
            order = p.get("order")
            if order is not None and (not isinstance(order, int) or isinstance(order, bool) or order < 1):
                raise e.error("posts", f"{name}: order must be a positive integer, not {order!r}")
            posts.append(Post(p["post"], start, end, order))
        r.leaders[name] = Leader(name, posts, src, _where(e))
    for name in r.leaders:
        if 2 <= len(name) <= 3:
            for i in range(len(name)):
                r.masks.setdefault(name[:i] + "\0" + name[i + 1:], []).append((name, i))
    if r.leaders:
        alt = "|".join(regex.escape(n) for n in sorted(r.leaders, key=len, reverse=True))
        r.names_re = regex.compile(alt)
    titles = list(r.title_of)
    if titles:
        r.titles_re = regex.compile("|".join(regex.escape(t) for t in sorted(titles, key=len, reverse=True)))
    return r


def _where(e) -> str:
    return e.where


def load_roster(ctx) -> Roster:
    r = ctx.state.get("leaders.roster")
    if r is None:
        r = build_roster(ctx.pack_entries("leader_post"), ctx.pack_entries("leader"),
                         ctx.pack_entries("leader_pack"))
        ctx.state["leaders.roster"] = r
    return r


# ---- page date window ----------------------------------------------------------------------------------
_LAG = _dt.timedelta(days=7)  # a page may report the events of the days before its date


def _window(page) -> Optional[Tuple[_dt.date, _dt.date, _dt.date]]:
    """(earliest, latest, page date) of the days the page speaks of, or None without a page date: the
    week up to the page date, or the whole year for a date estimated from the text."""
    try:
        pd = page.analysis("dates")
    except Exception:  # pragma: no cover - the dates analysis is built in
        return None
    if pd.page_date is None:
        return None
    if pd.precision == "year":
        y = pd.page_date.year
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31), pd.page_date
    return pd.page_date - _LAG, pd.page_date, pd.page_date


def _ymd(d: _dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ---- context helpers ------------------------------------------------------------------------------------
_CLAUSE_STOP = "，。；：！？!?;:\n（）()“”‘’《》「」【】 \u3000"
_CLAUSE_STOP_RE = regex.compile(r"[%s]" % regex.escape(_CLAUSE_STOP))
_TERM_BEFORE_RE = regex.compile(r"届$|届全国|任内|期间")
_THEN_RE = regex.compile(r"时任|曾任|曾担任|当时|那时|彼时")
_HAN1 = regex.compile(r"\p{Han}")
_PAST = regex.compile(r"原|前任?|时任|曾任|曾经|曾|历任|卸任|退休|已故|生前|首任|老")
_PAST_SENTENCE = regex.compile(r"生前|逝世|去世|病逝|追悼|遗体|悼念|哀悼|缅怀|诞辰|回忆|当年|那年")
_YEAR = regex.compile(r"(?<![0-9０-９])([12][0-9]{3}|[一二][〇零一二三四五六七八九]{3})年")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT["零"] = "0"
_SENT_STOP = regex.compile(r"[。！？!?；;\n]")


def _sentence(text: str, start: int, end: int) -> Tuple[int, int]:
    a = start
    while a > 0 and not _SENT_STOP.match(text[a - 1]):
        a -= 1
    b = end
    while b < len(text) and not _SENT_STOP.match(text[b]):
        b += 1
    return a, b


def _years(s: str) -> List[int]:
    out = []
    for m in _YEAR.finditer(s):
        y = m.group(1)
        out.append(int("".join(_CN_DIGIT.get(c, c) for c in y)))
    return out


def _clause_bounds(text: str, start: int, end: int, reach: int = 60) -> Tuple[int, int]:
    a = start
    while a > 0 and start - a < reach and text[a - 1] not in _CLAUSE_STOP:
        a -= 1
    b = end
    while b < len(text) and b - end < reach and text[b] not in _CLAUSE_STOP:
        b += 1
    return a, b


# ---- name-leader-title ----------------------------------------------------------------------------------
def _title_chain(text: str, r: Roster, s: int) -> List[Tuple[int, int, str]]:
    """Leader titles joined by 、 or 兼 that end right before offset ``s``: [(start, end, post)], nearest
    first."""
    out = []
    p = s
    while True:
        hit = None
        for t in sorted((t for t in r.title_of if text.endswith(t, 0, p)), key=len, reverse=True)[:1]:
            hit = t
        if hit is None:
            break
        out.append((p - len(hit), p, r.title_of[hit]))
        p -= len(hit)
        if p > 0 and text[p - 1] in "、兼":
            p -= 1
            continue
        break
    return out


def _past_context(text: str, chain_start: int, name_start: int, name_end: int, page_year: int) -> bool:
    """True when the title is (or may be) a past one: 原/前/时任 right before it, 时任/曾任/当时 earlier in
    its clause, a term (十三届), a year other than the page's before it in the sentence (2018年11月5日，
    国家副主席习近平…) or an earlier year right after the name (习近平2013年提出), or words of mourning and
    memory."""
    before = text[max(0, chain_start - 6):chain_start]
    adjacent = _CLAUSE_STOP_RE.split(text[max(0, chain_start - 2):chain_start])[-1]
    if _PAST.search(adjacent) or _TERM_BEFORE_RE.search(before):
        return True
    a, b = _sentence(text, chain_start, name_end)
    ca, _ = _clause_bounds(text, chain_start, name_end)
    if _THEN_RE.search(text[ca:chain_start]):
        return True
    if _PAST_SENTENCE.search(text[a:b]):
        return True
    if any(y != page_year for y in _years(text[a:chain_start])):
        return True
    return any(y < page_year for y in _years(text[name_end:name_end + 8]))


def check_titles(page, ctx, r: Roster, win) -> list:
    lo, hi, day = win
    if hi < COVERAGE or r.names_re is None:
        return []
    text = page.text
    out = []
    when = f"页面日期{day.isoformat()}时" if hi == day else f"{day.year}年（页面日期按年估计）"
    for m in r.names_re.finditer(text):
        name, s, e = m.group(), m.start(), m.end()
        judged: List[Tuple[int, int, str]] = []
        chain = _title_chain(text, r, s)
        if chain:  # a national title: all its holders are in the roster, so 李强 is not 李强X
            judged = chain
        else:
            for t, post in r.after_of.items():
                if text.startswith(t, e):
                    nxt = text[e + len(t):e + len(t) + 1]
                    if not regex.match(r"[\p{Han}]", nxt) or nxt in "在说表指强出会主参等和与的、同":
                        judged = [(e, e + len(t), post)]
                    break
        if not judged:
            continue
        first = min(c[0] for c in judged)
        if _past_context(text, min(first, s), s, max(e, max(c[1] for c in judged)), day.year):
            continue
        for ts, te, post in judged:
            spells = r.held(name, post)
            if any(p.overlaps(lo, hi) for p in spells):
                continue
            ended = [p for p in spells if p.end is not None and p.end < lo]
            label = r.kinds[post].label
            if not ended and lo > r.horizon:
                continue  # a post given after the roster's horizon cannot be judged
            if ended:
                last = max(ended, key=lambda p: p.end)
                fact = f"{name}于{_ymd(last.start)}至{_ymd(last.end)}任{label}"
                hint = "，称其过去的职务应写“原”“前”或“时任”"
            elif spells:
                first_spell = min(spells, key=lambda p: p.start)
                fact = f"{name}自{_ymd(first_spell.start)}起任{label}"
                hint = ""
            else:
                now = [r.kinds[p.post].label for p in r.leaders[name].posts if p.overlaps(lo, hi)]
                fact = f"{name}未担任过{label}" + (f"（页面日期时任{'、'.join(dict.fromkeys(now))}）" if now else "")
                hint = ""
            out.append(ctx.finding(
                TITLE, page, ts, te, f"{when}{name}不是{label}：{fact}{hint}",
                key=f"{text[ts:te]}{name}", source=r.leaders[name].source))
    return out


# ---- name-leader-order ----------------------------------------------------------------------------------
def check_order(page, ctx, r: Roster, win) -> list:
    lo, hi, day = win
    if hi < COVERAGE or r.names_re is None:
        return []
    # the day whose order is judged: the page date, or — for a year — only an order that holds all year
    days = (day,) if hi == day else (lo, hi)
    text = page.text
    out = []
    run_re = regex.compile(rf"(?:{r.names_re.pattern})(?:、(?:{r.names_re.pattern}))+")
    for m in run_re.finditer(text):
        items = []
        for n in regex.finditer(r.names_re.pattern, m.group()):
            items.append((n.group(), m.start() + n.start(), m.start() + n.end()))
        # maximal runs of consecutive Standing Committee members of the page's date
        runs, cur = [], []
        for it in items:
            orders = {r.psc_order(it[0], d) for d in days}
            if len(orders) == 1 and None not in orders:
                cur.append((it, orders.pop()))
            else:
                if len(cur) >= 3:
                    runs.append(cur)
                cur = []
        if len(cur) >= 3:
            runs.append(cur)
        for run in runs:
            got = [o for _, o in run]
            if got == sorted(got):
                continue
            expected = [it[0] for it, _ in sorted(run, key=lambda x: x[1])]
            s, e = run[0][0][1], run[-1][0][2]
            want = "、".join(expected)
            out.append(ctx.finding(
                ORDER, page, s, e,
                f"中央政治局常委的排列顺序与{day.isoformat()}时的正式顺序不符，应为：{want}",
                suggestion=want, fix=Fix(s, e, want), key=text[s:e]))
    return out


# ---- name-leader-misspelt -------------------------------------------------------------------------------
_LIST_JOIN = "、"
_LIST_JOIN_RE = regex.compile(_LIST_JOIN)


def _alike(a: str, b: str, short: bool) -> Optional[str]:
    from ..analyses import charsim

    rel = charsim.relation(a, b)
    if rel:
        return rel
    if charsim.contains(a, b):
        return "shape"
    if not short and (charsim.sound_alike(a, b, loose=True) or charsim.shape_level(a, b) >= 1):
        return "sound" if charsim.sound_alike(a, b, loose=True) else "shape"
    return None


def _list_elements(text: str, s: int, e: int) -> List[str]:
    """The 、-separated elements of the clause around ``[s, e)`` (the first and last may carry words)."""
    a, b = _clause_bounds(text, s, e)
    return [x for x in text[a:b].split(_LIST_JOIN)]


def _leaders_in(elements: List[str], r: Roster, skip: str) -> int:
    n = 0
    for x in elements:
        if x == skip:
            continue
        x2 = regex.sub(r"(?:同志)?等.*$|同志$", "", x)
        if x2 in r.leaders or any(x2.endswith(k) or x2.startswith(k) for k in r.leaders):
            n += 1
    return n


def _common_word(w: str) -> bool:
    from ..analyses.mentions import common_word_freq

    return common_word_freq(w) > 0


def _candidates(text: str, r: Roster):
    """(start, end, position) of spans standing where a name stands: next to a 、 of a list ("list"),
    right after a leader's title (the title's post), or at the head of a clause before a speech verb
    ("speech")."""
    for m in _LIST_JOIN_RE.finditer(text):
        i = m.start()
        for L in (2, 3):
            for s in (i - L, i + 1):
                if s >= 0 and s + L <= len(text):
                    yield s, s + L, "list"
    if r.titles_re is not None:
        for m in r.titles_re.finditer(text):
            for L in (2, 3):
                s = m.end()
                if s + L <= len(text):
                    yield s, s + L, r.title_of[m.group()]
    for m in _SPEECH.finditer(text):
        for L in (2, 3):
            s = m.start() - L
            if s >= 0 and (s == 0 or not _HAN1.match(text[s - 1])):
                yield s, m.start(), "speech"


_SPEECH = regex.compile(r"(?:说|表示|指出|强调|要求|认为|介绍|宣布)")


def _ends_name(text: str, e: int) -> bool:
    """True when a name can end at ``e``: a mark, a list word, or a common word starting there (陪同)."""
    if e >= len(text):
        return True
    nxt = text[e]
    if not regex.match(r"\p{Han}", nxt) or nxt in _NAME_END:
        return True
    return _common_word(text[e:e + 2]) and not _common_word(text[e - 1:e + 1])


_HAN = regex.compile(r"\p{Han}+")
_NAME_END = "、，。；：！？等和与及同在说表指强出会主参作就向对也分陪率（(\n \u3000"


def _could_be_leader(text: str, s: int, e: int, w: str, where: str, near, r: Roster) -> bool:
    """The tests of ``check_misspelt`` that need no character similarity, passed by at least one of the
    ``near`` leaders: a span that fails them is never reported, whatever the similarity says."""
    if where == "list":
        prev = text[s - 1] if s > 0 else ""
        nxt = text[e] if e < len(text) else ""
        if nxt != _LIST_JOIN and prev != _LIST_JOIN:
            return False
        if nxt != _LIST_JOIN and not _ends_name(text, e):
            return False
    elif where == "speech":
        return any(name in text for name, _ in near)
    else:
        return _ends_name(text, e) and any(r.held(name, where) for name, _ in near)
    return True


def check_misspelt(page, ctx, r: Roster, win) -> list:
    if not r.masks:
        return []
    text = page.text
    out = []
    done = set()
    others = None  # names the page gives with a title that is not a leader's
    for s, e, where in _candidates(text, r):
        w = text[s:e]
        if not _HAN.fullmatch(w) or w in r.leaders:
            continue
        near = [(name, i) for i in range(len(w)) for name, j in r.masks.get(w[:i] + "\0" + w[i + 1:], ())]
        if not near or not _could_be_leader(text, s, e, w, where, near, r):
            continue  # cheap tests first: the character tables are loaded only for a real candidate
        hits = []
        for name, i in near:
            rel = _alike(w[i], name[i], len(w) == 2)
            if rel:
                hits.append((name, i, rel))
        if len(hits) != 1:
            continue  # nothing alike, or two leaders it could stand for
        name, i, rel = hits[0]
        # the span must not overlap the right name itself (a shifted window over 何立峰)
        k = text.find(name, max(0, s - len(name) + 1))
        if 0 <= k < e:
            continue
        if where == "list":
            prev = text[s - 1] if s > 0 else ""
            nxt = text[e] if e < len(text) else ""
            if nxt != _LIST_JOIN and prev != _LIST_JOIN:
                continue
            if nxt != _LIST_JOIN and not _ends_name(text, e):
                continue  # a longer word after the last element
            if prev != _LIST_JOIN and len(w) == 2 and regex.match(r"\p{Han}", prev) and not text.endswith(
                    ("有", "是", "为", "的", "和", "及", "与", "任", "长", "席", "理", "记", "员", "委"), 0, s):
                continue
            els = _list_elements(text, s, e)
            if _leaders_in(els, r, w) < 1:
                continue
        elif where == "speech":  # at the head of a clause before a speech verb: the leader is on the page
            if name not in text:
                continue
        else:  # right after a leader's title: the leader of that name must have held it
            if not _ends_name(text, e) or not r.held(name, where):
                continue
        if _common_word(w) or (len(w) == 3 and _common_word(w[:2]) and _common_word(w[1:])):
            continue
        if text.count(w) >= 2 and name not in text:
            continue  # a person of that spelling the page names more than once
        if others is None:  # people the page names with a title no leader on the page shares
            people = page.analysis("mentions").people()
            leader_titles = {mn.title for mn in people if mn.name in r.leaders}
            others = {mn.name for mn in people if mn.title and mn.title not in leader_titles
                      and not any(t in mn.title for t in r.title_of)}
        if w in others:
            continue
        if (s, e) in done:
            continue
        done.add((s, e))
        from ..analyses import charsim

        out.append(ctx.finding(
            MISSPELT, page, s, e,
            f"“{w}”与领导人“{name}”只差一字（“{w[i]}”与“{name[i]}”{charsim.RELATION_CN[rel]}），应为“{name}”",
            suggestion=name, fix=Fix(s, e, name), key=w))
    return out


# ---- hooks ----------------------------------------------------------------------------------------------
@hookimpl
def newslint_pack_sections():
    """The sections of ``rules/leaders.toml`` (a user pack may add or replace entries)."""
    date = (_dt.date, str)
    return {
        "leader_pack": {"known_until": date, "source": str, "note": str},
        "leader_post": {"post": str, "label": str, "titles": list, "after": list, "implies": list,
                        "source": str, "note": str},
        "leader": {"name": str, "posts": list, "source": str, "note": str},
    }


@hookimpl
def newslint_rules():
    return list(ALL_RULES)


@hookimpl
def newslint_configure(ctx):
    if ctx.any_enabled(*_IDS):
        load_roster(ctx)  # pack errors surface before any page is read


@hookimpl
def newslint_check_page(page, ctx):
    if not any(ctx.enabled(rid, page) for rid in _IDS):
        return None
    r = load_roster(ctx)
    out = []
    if ctx.enabled(MISSPELT.id, page):
        out += check_misspelt(page, ctx, r, None)
    win = _window(page) if (ctx.enabled(TITLE.id, page) or ctx.enabled(ORDER.id, page)) else None
    if win is not None:
        if ctx.enabled(TITLE.id, page):
            out += check_titles(page, ctx, r, win)
        if ctx.enabled(ORDER.id, page):
            out += check_order(page, ctx, r, win)
    return out
