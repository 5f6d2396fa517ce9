"""What the anachronism rules share: the dated knowledge pack, sentence context, the congress/plenum/
session patterns and small date helpers."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import regex

from ...numerals import int_to_cn, parse_int, parse_ordinal

CAT = "anachronism"
_EXPL_TAIL = "\n\n页面日期的来源依次为：--date、配置 dates 表、页首 front matter 或日期行、文件名（20240718）、正文推断" \
             "（如“2023年第2次党政联席会议”加电头“2月4日”）。用 --explain-date 查看每页的日期及来源；无法确定日期时本规则不报告。"

_N = r"[0-9０-９〇零一二三四五六七八九十百廿两]+"
_CN_MONTH = "一二三四五六七八九十"
_WEEK = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEK_NAME = "一二三四五六日"


# ---- the knowledge pack ----------------------------------------------------------------------------------
@dataclass
class Event:
    label: str  # 党的二十大
    start: Optional[_dt.date]
    end: Optional[_dt.date]
    due: Optional[int] = None  # year an event not yet held is due
    where: str = ""  # pack file:line

    def fact(self) -> str:
        if self.start is None:
            return f"{self.label}预计于{self.due}年召开" if self.due else f"{self.label}尚未召开"
        s, e = self.start, self.end or self.start
        if s == e:
            when = f"{s.year}年{s.month}月{s.day}日"
        elif s.month == e.month:
            when = f"{s.year}年{s.month}月{s.day}日至{e.day}日"
        else:
            when = f"{s.year}年{s.month}月{s.day}日至{e.month}月{e.day}日"
        return f"{self.label}于{when}召开"


@dataclass
class Knowledge:
    congresses: Dict[int, Event] = field(default_factory=dict)
    cc_plenums: Dict[int, int] = field(default_factory=dict)  # finished term -> number of plenums
    plenums: Dict[Tuple[int, int], Event] = field(default_factory=dict)
    assembly_terms: Dict[Tuple[str, int], int] = field(default_factory=dict)
    sessions: Dict[Tuple[str, int, int], Event] = field(default_factory=dict)
    plans: Dict[int, Tuple[int, int, str]] = field(default_factory=dict)
    foundings: List[Tuple[str, _dt.date, List[str], str]] = field(default_factory=list)
    terms: List[Tuple[str, _dt.date, str]] = field(default_factory=list)
    horizon: _dt.date = _dt.date(1900, 1, 1)  # the latest date the pack knows about
    founding_re: Optional["regex.Pattern"] = None
    # [[anniversary_context]] words: "present" anchors a count to the page's present (今年是, 之际);
    # "event" names a work or event the anniversary was the occasion of (音乐会, 献礼片)
    present_re: Optional["regex.Pattern"] = None
    event_re: Optional["regex.Pattern"] = None


def _where(e) -> str:
    return e.where


def _get_date(e, key, required=True) -> Optional[_dt.date]:
    v = e.get(key)
    if v is None:
        if required:
            raise e.error(key, "missing")
        return None
    return e.as_date(v, key)


def _get_int(e, key) -> int:
    v = e.get(key)
    if not isinstance(v, int) or isinstance(v, bool):
        raise e.error(key, f"must be an integer, not {v!r}")
    return v


def load_knowledge(ctx) -> Knowledge:
    k = ctx.state.get("chronology.knowledge")
    if k is not None:
        return k
    k = Knowledge()

    def see(d):
        if d and d > k.horizon:
            k.horizon = d

    for e in ctx.pack_entries("congress"):
        n = _get_int(e, "n")
        s, en = _get_date(e, "start", required="due" not in e.data), _get_date(e, "end", required=False)
        k.congresses[n] = Event(f"党的{int_to_cn(n)}大", s, en, e.get("due"), _where(e))
        see(en or s)
    for e in ctx.pack_entries("cc_term"):
        k.cc_plenums[_get_int(e, "term")] = _get_int(e, "plenums")
    for e in ctx.pack_entries("plenum"):
        t, n = _get_int(e, "term"), _get_int(e, "n")
        s, en = _get_date(e, "start"), _get_date(e, "end", required=False)
        k.plenums[(t, n)] = Event(f"{int_to_cn(t)}届{int_to_cn(n)}中全会", s, en, None, _where(e))
        see(en or s)
    for e in ctx.pack_entries("assembly_term"):
        body = e.get("body")
        if body not in ("npc", "cppcc"):
            raise e.error("body", f"must be \"npc\" or \"cppcc\", not {body!r}")
        k.assembly_terms[(body, _get_int(e, "term"))] = _get_int(e, "year")
    for e in ctx.pack_entries("session"):
        body = e.get("body")
        if body not in ("npc", "cppcc"):
            raise e.error("body", f"must be \"npc\" or \"cppcc\", not {body!r}")
        t, n = _get_int(e, "term"), _get_int(e, "n")
        s, en = _get_date(e, "start"), _get_date(e, "end", required=False)
        k.sessions[(body, t, n)] = Event(_session_label(body, t, n), s, en, None, _where(e))
        see(en or s)
    for e in ctx.pack_entries("plan"):
        k.plans[_get_int(e, "n")] = (_get_int(e, "start"), _get_int(e, "end"), _where(e))
    names = []
    for e in ctx.pack_entries("founding"):
        d = _get_date(e, "date")
        ns = e.get("names") or [e["what"]]
        if not isinstance(ns, list) or not all(isinstance(x, str) and x for x in ns):
            raise e.error("names", "must be a list of strings")
        k.foundings.append((e.get("what", ns[0]), d, ns, _where(e)))
        names.extend(ns)
    if names:
        alt = "|".join(regex.escape(n) for n in sorted(set(names), key=len, reverse=True))
        k.founding_re = regex.compile(rf"(?P<name>{alt})第?(?P<n>[0-9０-９]+|[一二三四五六七八九十百零〇两]+)周年")
    ctx_words: Dict[str, List[str]] = {"present": [], "event": []}
    for e in ctx.pack_entries("anniversary_context"):
        kind, words = e.get("kind"), e.get("words")
        if kind not in ctx_words:
            raise e.error("kind", f"must be \"present\" or \"event\", not {kind!r}")
        if not isinstance(words, list) or not all(isinstance(x, str) and x for x in words):
            raise e.error("words", "must be a list of non-empty strings")
        ctx_words[kind].extend(words)
    if ctx_words["present"]:
        k.present_re = regex.compile("|".join(regex.escape(w) for w in sorted(set(ctx_words["present"]), key=len,
                                                                              reverse=True)))
    if ctx_words["event"]:
        alt = "|".join(regex.escape(w) for w in sorted(set(ctx_words["event"]), key=len, reverse=True))
        k.event_re = regex.compile(rf"[^，。；]{{0,3}}(?:{alt})")
    for e in ctx.pack_entries("term"):
        t = e.get("term")
        if not isinstance(t, str) or not t:
            raise e.error("term", "must be a non-empty string")
        k.terms.append((t, _get_date(e, "since"), _where(e)))
    ctx.state["chronology.knowledge"] = k
    return k


def _session_label(body: str, t: int, n: int) -> str:
    return (f"{int_to_cn(t)}届全国人大{int_to_cn(n)}次会议" if body == "npc"
            else f"全国政协{int_to_cn(t)}届{int_to_cn(n)}次会议")


# ---- sentence context --------------------------------------------------------------------------------------
_STOP = regex.compile(r"[。！？!?；;\n]")


def _sentence(text: str, start: int, end: int) -> Tuple[int, int]:
    a = start
    while a > 0 and not _STOP.match(text[a - 1]):
        a -= 1
    m = _STOP.search(text, end)
    return a, (m.start() if m else len(text))


# "held" words: the event is spoken of as having happened
_HELD_AFTER_RE = regex.compile(r"(?:的)?(?:精神|以来|胜利闭幕|闭幕以来|召开以来|报告|公报|决议|审议通过的|通过的|作出的|提出的|确立的|"
                                r"擘画的|重大部署|决策部署|战略部署|部署要求)")
_FUTURE_RE = regex.compile(r"要|将|拟|届时|准备|筹|组织|召开|举行|提请|出席|列席|迎接|喜迎|关于|决定|做好")
# announcement / anticipation words: the event is spoken of as coming
_ANNOUNCE_RE = regex.compile(r"即将|将要|将于|将在|将召开|将举行|定于|拟于|决定召开|决定于|召开前|召开之前|前夕|筹备|迎接|喜迎|迎来|献礼|"
                             r"准备|预计|建议|倒计时|期待|展望|召开之际|代表选举|代表候选人|选举产生出席|出席[^，。]{0,12}的代表|"
                             r"代表团|新闻发言人|新闻中心|记者会|举行前|开幕前|前瞻|议程|预备会议|列席")


_CLAUSE_STOP = regex.compile(r"[，,：:]")
_YEAR_RE = regex.compile(r"(?<![0-9０-９])([0-9０-９]{4}|[〇零一二三四五六七八九]{4})年")


def _ref_year(text: str, a: int, start: int, page_year: Optional[int]) -> Tuple[Optional[int], str]:
    """The year a clause speaks of: the last year written before ``start`` in the clause (or in a short
    clause just before it, such as a date: 2023年10月1日，在……之际), else relative words (今年/去年/明年),
    else the page's year."""
    c = start
    while c > a and not _CLAUSE_STOP.match(text[c - 1]):
        c -= 1
    if c > a:  # a short leading clause (a date) belongs with this one
        c2 = c - 1
        while c2 > a and not _CLAUSE_STOP.match(text[c2 - 1]):
            c2 -= 1
        if c - c2 <= 16:
            c = c2
    seg = text[c:start]
    best = None
    for m in _YEAR_RE.finditer(seg):
        y = parse_int(m.group(1))
        if y and 1800 <= y <= 2200:
            best = (m.end(), y, "written")
    rel = None
    for m in regex.finditer(r"今年|去年|明年|前年|后年", seg):
        rel = m
    if rel is not None and page_year is not None and (best is None or rel.end() > best[0]):
        off = {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "后年": 2}[rel.group()]
        return page_year + off, "relative"
    if best is not None:
        return best[1], "written"
    return page_year, "page"


def _ymd(d: _dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ---- patterns of the checks ------------------------------------------------------------------------------------------------
CONGRESS_RE = regex.compile(
    rf"(?:党的|中共|中国共产党)第?(?P<n>{_N})(?:次全国代表大会|大)"
    rf"|(?<![{_CN_MONTH}百廿两第团会联协盟妇])(?<=(?:^|[\s，、。；：“”‘’《（(]|学习|贯彻|落实|宣讲|宣传|领会|迎接|喜迎|献礼|自|从|在|以|和|及|至))"
    rf"(?P<b>十[五六七八九]|二十[一二三四五六七八九]?|三十[一二三四五六七八九]?)大(?=精神|报告|以来|代表|召开|胜利召开|开幕|闭幕|期间|之后|前后|决策部署|擘画|提出|作出|确立)")
PLENUM_RE = regex.compile(
    rf"(?<![0-9０-９〇零一二三四五六七八九十百廿两])第?(?P<t>{_N})届(?:(?P<cc>中央委员会)第?(?P<n1>{_N})次全体会议|(?P<n2>[一二三四五六七八九十]{{1,2}})中全会)")
SESSION_RE = regex.compile(
    rf"第?(?P<t>{_N})届全国(?:人民代表大会|人大)第?(?P<n>{_N})次会议"
    rf"|第?(?P<t2>{_N})届全国政协第?(?P<n2>{_N})次会议|全国政协第?(?P<t3>{_N})届第?(?P<n3>{_N})次会议"
    rf"|政协第?(?P<t4>{_N})届全国委员会第?(?P<n4>{_N})次会议")


def _near(rx, text: str, anchor: str, before: int = 10, after: int = 30):
    """Matches of ``rx`` that contain ``anchor``, searching only near each occurrence of it (fast on
    long pages: the numeral-led patterns would otherwise be tried at every numeral)."""
    last_end = 0
    i = text.find(anchor)
    while i >= 0:
        m = rx.search(text, max(i - before, last_end), min(len(text), i + after))
        if m is not None and m.start() <= i < m.end():
            yield m
            last_end = m.end()
        i = text.find(anchor, max(i + 1, last_end))


_LOCAL_PRE = ("省委", "市委", "县委", "区委", "州委", "旗委", "盟委", "镇委", "乡委", "党委", "工委", "团委")


def _ord(s: str) -> Optional[int]:
    return parse_ordinal(s)


def _safe_date(y, m, d):
    try:
        return _dt.date(y, m, d)
    except (ValueError, TypeError):
        return None
