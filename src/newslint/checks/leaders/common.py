"""What the three leader rules share: the dated roster (``rules/leaders.toml``), the page's date window and
the context helpers."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

import regex

from ...config import ConfigError

CAT = "name"
COVERAGE = _dt.date(2012, 11, 15)
_TAIL = ("\n\n名单见 rules/leaders.toml（每条注明来源），用户数据包（配置 packs）可以增补或替换其中的人员。"
         "页面日期的来源见 anachronism 类规则（--date、配置 dates 表、文件名……）。")


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
    # length -> (first characters, second characters) of the masked names of that length
    heads: Dict[int, Tuple[Set[str], Set[str]]] = field(default_factory=dict)
    # (alternations of literal names and titles: the standard library's engine scans for them several times
    # faster than regex does)
    names_re: Optional["re.Pattern"] = None
    titles_re: Optional["re.Pattern"] = None

    def held(self, name: str, post: str) -> List[Post]:
        """The spells of ``post`` that ``name`` held, counting posts that imply it."""
        lead = self.leaders.get(name)
        if lead is None:
            return []
        return [p for p in lead.posts if p.post == post or post in self.kinds[p.post].implies]

    def near(self, w: str) -> List[Tuple[str, int]]:
        """(name, position) of each leader whose name ``w`` spells with one character changed there.  (Such
        a name shares ``w``'s first or second character: a span that shares neither, as most spans of a
        page, needs no look-up.)"""
        heads = self.heads.get(len(w))
        if heads is None or (w[0] not in heads[0] and w[1] not in heads[1]):
            return []
        return [(name, i) for i in range(len(w)) for name, _ in self.masks.get(w[:i] + "\0" + w[i + 1:], ())]

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
            first, second = r.heads.setdefault(len(name), (set(), set()))
            first.add(name[0])
            second.add(name[1])
    if r.leaders:
        r.names_re = re.compile("|".join(re.escape(n) for n in sorted(r.leaders, key=len, reverse=True)))
    titles = list(r.title_of)
    if titles:
        r.titles_re = re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)))
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


def run_dated(rc, check) -> None:
    """Run a dated check, ``check(page, ctx, roster, window)``, on the rule's page when its date falls within
    the roster (:func:`_window`; a page without one gets nothing) and give its findings to the context."""
    win = _window(rc.page)
    if win is not None:
        add_findings(rc, check(rc.page, rc.ctx, load_roster(rc.ctx), win))


def add_findings(rc, findings) -> None:
    """Give a rule's findings (made with ``ctx.finding`` by the check functions, which tests and benchmarks
    call directly) to its context, dropped on an archive page or a page the rule is ignored for, as
    ``rc.report`` drops them."""
    page = rc.page
    if not (page.archive or rc.ctx.ignored_for_path(rc.rule.id, page.path)):
        rc.findings.extend(findings)
