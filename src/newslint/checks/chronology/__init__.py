"""Anachronisms: what a page says against its own date and a dated knowledge pack (rules/chronology.toml).

The page date comes from the shared "dates" analysis (``--date``, config ``dates``, front matter, a date
line at the top, the file name, or an estimate from the text).  Checks:

* ``anachronism-ordinal``: a party congress, Central Committee plenum or NPC/CPPCC session that had not
  been held by the page date, spoken of as held (its 精神, 以来, 胜利闭幕 …; announcements such as 将召开,
  筹备, 迎接 are allowed) — and any ordinal that cannot exist at all (党的二十六大 in 2023).  Only national
  bodies named as such (党的/中共/中央/全国) are judged: 省委十一届五次全会 is a provincial plenum.
* ``anachronism-anniversary``: ``成立N周年`` / ``诞辰N周年`` of a known founding date that does not match
  the year (the page's year, or a year written in the same sentence).
* ``anachronism-plan-period``: a Five-Year Plan's 开局/收官 put in a year that does not fit.
* ``anachronism-term``: a time-bound term (新质生产力 …) used before it was first used.
* ``anachronism-weekday``: ``X月X日（星期Y）`` with the wrong weekday.
* ``anachronism-impossible-date``: a date that does not exist (2月30日, 4月31日).
* ``anachronism-dateline-year``: a year in an article's dateline (or the page's top date line) that
  contradicts the page date.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import regex

from .. import hookimpl
from ..finding import Rule
from ..numerals import int_to_cn, parse_int, parse_ordinal

CAT = "anachronism"
_EXPL_TAIL = "\n\n页面日期的来源依次为：--date、配置 dates 表、页首 front matter 或日期行、文件名（20240718）、正文推断" \
             "（如“2023年第2次党政联席会议”加电头“2月4日”）。用 --explain-date 查看每页的日期及来源；无法确定日期时本规则不报告。"

ORDINAL = Rule(
    id="anachronism-ordinal", category=CAT, severity="error",
    summary="提到的党代会、中央全会或全国两会在页面日期时尚未召开，或序数根本不存在",
    explanation="党的全国代表大会、中央委员会全体会议和全国人大、全国政协会议有确定的届次和日期。页面日期之前尚未召开的会议"
                "被说成已经召开（学习贯彻其精神、……以来），或序数超出已召开的届次（2023年的“党的二十六大”），是严重的政治性差错。"
                "预告性表述（将召开、决定召开、筹备、迎接）不报告；省委、市委等地方全会不判断。\n\n"
                "A national congress, plenum or session that had not happened by the page's date (or could not exist)."
                + _EXPL_TAIL,
    bad="（2023年2月）保障党的二十六大决策部署落实见效", good="（2023年2月）保障党的二十大决策部署落实见效",
    needs=("dates",),
    examples=[
        {"text": "要保障党的二十六大决策部署落实见效。\n", "fires": True, "date": "2023-02-10"},
        {"text": "要保障党的二十大决策部署落实见效。\n", "fires": False, "date": "2023-02-10"},
    ],
)
ANNIVERSARY = Rule(
    id="anachronism-anniversary", category=CAT, severity="warning",
    summary="“成立N周年”“诞辰N周年”与年份不符",
    explanation="周年数应等于所指年份减去成立（诞生）年份。所指年份取同句写明的年份（“2021年是中国共产党成立100周年”），"
                "否则取页面日期的年份；页面日期早于当年纪念日时，上一个周年（三月的报告回顾去年七月的95周年）也相符。"
                "本规则只判断关于页面当下的说法：回顾往年的纪念活动（“在庆祝中国共产党成立100周年大会上的讲话”"
                "“庆祝…95周年音乐会”）、书名号内的作品名，以及与当年相差一年以上又没有“今年是”“之际”等词锚定"
                "当下的周年数（“为庆祝新中国成立35周年而创作”）都不报告。锚定词和活动名可在数据包"
                " [[anniversary_context]] 中扩充。\n\n"
                "An anniversary count that does not match the year minus the founding year." + _EXPL_TAIL,
    bad="（2023年）庆祝中华人民共和国成立75周年", good="（2023年）庆祝中华人民共和国成立74周年", needs=("dates",),
    examples=[
        {"text": "今年10月1日，各地举行活动，庆祝中华人民共和国成立75周年。\n", "fires": True, "date": "2023-10-01"},
        {"text": "今年10月1日，各地举行活动，庆祝中华人民共和国成立74周年。\n", "fires": False, "date": "2023-10-01"},
    ],
)
PLAN = Rule(
    id="anachronism-plan-period", category=CAT, severity="warning",
    summary="五年规划时期与年份不符（如2024年称“十五五”开局）",
    explanation="“十四五”为2021—2025年，“十五五”为2026—2030年。把某一规划的开局、收官放在不相符的年份是差错；"
                "“为‘十五五’开局打好基础”之类的筹划表述不报告。\n\nA Five-Year Plan period that does not fit the year."
                + _EXPL_TAIL,
    bad="（2024年）今年是“十五五”开局之年", good="（2024年）今年是“十四五”规划实施的关键一年", needs=("dates",),
    examples=[
        {"text": "今年是“十五五”开局之年，各项工作全面展开。\n", "fires": True, "date": "2024-03-01"},
        {"text": "今年是“十四五”规划实施的关键一年，各项工作全面展开。\n", "fires": False, "date": "2024-03-01"},
    ],
)
TERM = Rule(
    id="anachronism-term", category=CAT, severity="warning",
    summary="使用了页面日期时尚未提出的提法",
    explanation="有些提法有明确的首次提出时间（新质生产力：2023年9月；两个确立：2021年11月）。早于该时间的稿件不可能使用，"
                "通常说明页面日期或稿件有误。\n\nA time-bound term used before it was first used." + _EXPL_TAIL,
    bad="（2022年）加快发展新质生产力", good="（2024年）加快发展新质生产力", needs=("dates",),
    examples=[
        {"text": "会议提出，要加快发展新质生产力。\n", "fires": True, "date": "2022-05-10"},
        {"text": "会议提出，要加快发展新质生产力。\n", "fires": False, "date": "2024-05-10"},
    ],
)
WEEKDAY = Rule(
    id="anachronism-weekday", category=CAT, severity="warning",
    summary="日期与星期不符",
    explanation="“X月X日（星期Y）”的星期按写明的年份计算；未写年份时按页面日期所在年份（跨年时取最近的一年）计算。\n\n"
                "A weekday that does not match its date." + _EXPL_TAIL,
    bad="2024年7月18日（星期三）", good="2024年7月18日（星期四）", needs=("dates",),
    examples=[
        {"text": "2024年7月18日（星期三），全区召开工作会议。\n", "fires": True, "date": None},
        {"text": "2024年7月18日（星期四），全区召开工作会议。\n", "fires": False, "date": None},
    ],
)
IMPOSSIBLE = Rule(
    id="anachronism-impossible-date", category=CAT, severity="error",
    summary="日期不存在（如2月30日、4月31日）",
    explanation="月份超过12、日期超过当月天数，或写明年份的平年2月29日。\n\nA calendar date that does not exist.",
    bad="4月31日", good="4月30日", needs=("dates",),
    examples=[
        {"text": "活动将于4月31日在体育馆举行。\n", "fires": True, "date": None},
        {"text": "活动将于4月30日在体育馆举行。\n", "fires": False, "date": None},
    ],
)
DATELINE_YEAR = Rule(
    id="anachronism-dateline-year", category=CAT, severity="warning",
    summary="电头或页首日期的年份与页面日期矛盾",
    explanation="文章电头（本报讯……2023年1月4日）或页首日期行写的年份与页面日期（--date、配置、文件名等）不符，"
                "常见于年初沿用上一年年份。\n\nA year in a dateline that contradicts the page date." + _EXPL_TAIL,
    bad="（页面日期2024-01-05）本报讯 2023年1月4日，……", good="本报讯 2024年1月4日，……", needs=("dates",),
    examples=[
        {"text": "本报讯 2023年1月4日，全区召开工作会议，部署全年任务。\n", "fires": True, "date": "2024-01-05"},
        {"text": "本报讯 2024年1月4日，全区召开工作会议，部署全年任务。\n", "fires": False, "date": "2024-01-05"},
    ],
)

ALL_RULES = [ORDINAL, ANNIVERSARY, PLAN, TERM, WEEKDAY, IMPOSSIBLE, DATELINE_YEAR]
_IDS = [r.id for r in ALL_RULES]

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
    import os

    return f"{os.path.basename(e.source)}:{e.line}" if e.line else os.path.basename(e.source)


def _get_date(e, key, required=True) -> Optional[_dt.date]:
    v = e.get(key)
    if v is None:
        if required:
            raise e.error(key, "missing")
        return None
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        try:
            return _dt.date.fromisoformat(v)
        except ValueError:
            pass
    raise e.error(key, f"must be a date YYYY-MM-DD, not {v!r}")


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


# ---- checks ------------------------------------------------------------------------------------------------
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


def check_ordinals(page, ctx, k: Knowledge, pd) -> list:
    text = page.text
    if "大" not in text and "全会" not in text and "会议" not in text:
        return []
    out = []
    latest = pd.latest if pd.page_date else None
    upper = latest or _dt.date.today()  # a page cannot be dated after today: the bound for absurd ordinals
    dated = latest is not None

    def when(d):
        if not d:
            return "当前"
        if pd.precision == "year":
            return f"页面日期（约{pd.page_date.year}年，" + ("据正文推断）" if pd.source == "text" else f"来源：{pd.source_name}）")
        return f"页面日期（{pd.page_date.isoformat()}，来源：{pd.source_name}）"

    def judge(start, end, label, event: Optional[Event], absurd: bool, nxt: bool, fact: str):
        a, b = _sentence(text, start, end)
        sent = text[a:b]
        if absurd:
            out.append(ctx.finding(ORDINAL, page, start, end,
                                   f"“{text[start:end]}”不存在：截至{when(dated)}，{fact}。请核实序数。",
                                   key=label))
            return
        if not dated or not nxt:
            return
        # spoken of as held: 精神, 以来, 胜利闭幕 … right after the name; announcements and plans are not
        c = start
        while c > a and not _CLAUSE_STOP.match(text[c - 1]):
            c -= 1
        if not _HELD_AFTER_RE.match(text, end) or _ANNOUNCE_RE.search(sent) or _FUTURE_RE.search(text, c, start):
            return
        out.append(ctx.finding(ORDINAL, page, start, end,
                               f"{label}在{when(True)}尚未召开，这里却说成已经召开：{fact}。请核实序数或页面日期。",
                               key=label, severity="warning"))

    # party congresses
    held = [n for n, ev in k.congresses.items() if ev.start and ev.start <= upper]
    last = max(held) if held else None
    for m in CONGRESS_RE.finditer(text):
        n = _ord(m.group("n") or m.group("b"))
        if n is None or last is None or n <= last:
            continue
        if upper > k.horizon + _dt.timedelta(days=400) and n <= last + 1:
            continue  # the pack may not know the latest congress
        ev = k.congresses.get(n)
        last_ev = k.congresses[last]
        nxt = k.congresses.get(last + 1)
        fact = f"党的全国代表大会共召开{int_to_cn(last)}次，最近一次{last_ev.fact()}"
        if nxt is not None and nxt.start is None and nxt.due:
            fact += f"；党的{int_to_cn(last + 1)}大预计于{nxt.due}年召开"
        fact += f"（知识包 {last_ev.where}）"
        judge(m.start(), m.end(), f"党的{int_to_cn(n)}大", ev, absurd=n > last + 1, nxt=n == last + 1, fact=fact)

    # Central Committee plenums
    cur_term = last
    for m in _near(PLENUM_RE, text, "届"):
        pre = text[max(0, m.start() - 2):m.start()]
        if not m.group("cc") and (pre.endswith(_LOCAL_PRE) or pre.endswith("委")):
            continue  # 省委十一届三中全会, 县委十五届三中全会: a local plenum
        t = _ord(m.group("t"))
        n = _ord(m.group("n1") or m.group("n2"))
        if t is None or n is None or cur_term is None:
            continue
        s, e = m.start("t") - (1 if text[m.start("t") - 1:m.start("t")] == "第" else 0), m.end()
        label = f"{int_to_cn(t)}届{int_to_cn(n)}中全会"
        if t > cur_term:
            if upper > k.horizon + _dt.timedelta(days=400) and t == cur_term + 1:
                continue
            ev = k.congresses[cur_term]
            fact = f"现任中央委员会为第{int_to_cn(cur_term)}届（{ev.fact()}，知识包 {ev.where}）"
            judge(s, e, label, None, absurd=t > cur_term + 1 or n > 1, nxt=True, fact=fact)
            continue
        if t < cur_term:
            total = k.cc_plenums.get(t)
            if total and n > total:
                judge(s, e, label, None, absurd=True, nxt=False,
                      fact=f"第{int_to_cn(t)}届中央委员会共召开{int_to_cn(total)}次全体会议")
            continue
        # the current term
        if upper > k.horizon + _dt.timedelta(days=180):
            continue  # the pack does not know this term's latest plenums
        if (t, 1) not in k.plenums:
            continue  # the pack does not list this term's plenums (only a famous one, or none): no evidence
        done = [p for (tt, p), ev in k.plenums.items() if tt == t and ev.start <= upper]
        last_n = max(done) if done else 0
        if n <= last_n:
            continue
        last_ev = k.plenums.get((t, last_n))
        fact = (f"第{int_to_cn(t)}届中央委员会已召开{int_to_cn(last_n)}次全体会议，最近一次是{last_ev.fact()}（知识包 {last_ev.where}）"
                if last_ev else f"第{int_to_cn(t)}届中央委员会尚未召开全体会议")
        ev = k.plenums.get((t, n))
        if ev is not None and ev.start:
            fact += f"；{ev.fact()}"
        judge(s, e, label, ev, absurd=n > last_n + 1, nxt=n == last_n + 1, fact=fact)

    # NPC and CPPCC annual sessions
    for m in _near(SESSION_RE, text, "届"):
        if m.group("t") is not None:
            body, t, n = "npc", _ord(m.group("t")), _ord(m.group("n"))
        else:
            body = "cppcc"
            g = next(i for i in ("2", "3", "4") if m.group("t" + i) is not None)
            t, n = _ord(m.group("t" + g)), _ord(m.group("n" + g))
        if t is None or n is None:
            continue
        label = _session_label(body, t, n)
        if n > 5:
            judge(m.start(), m.end(), label, None, absurd=True, nxt=False,
                  fact="每届全国人大、全国政协只举行五次全体会议（每年一次）")
            continue
        y0 = k.assembly_terms.get((body, t)) or (1978 + 5 * (t - 5) if t >= 5 else None)
        if y0 is None:
            continue
        ev = k.sessions.get((body, t, n))
        start = ev.start if ev else _dt.date(y0 + n - 1, 1, 1)
        if start <= upper:
            continue
        fact = ev.fact() + f"（知识包 {ev.where}）" if ev else f"{label}应于{y0 + n - 1}年召开（第{int_to_cn(t)}届始于{y0}年，每年一次）"
        absurd = start.year > upper.year + 1
        judge(m.start(), m.end(), label, ev, absurd=absurd, nxt=True, fact=fact)
    return out


_EVENT_AFTER = regex.compile(r"[^，。；]{0,3}(?:大会|座谈会|纪念会|招待会|晚会|阅兵|讲话|活动|庆典|纪念章|纪念币|邮票|展览|文艺|献礼|"
                             r"主题|系列|专题|重要|盛典|仪式)")
_ANTICIPATE = regex.compile(r"迎接|迎来|喜迎|即将|前夕|献礼|筹备|明年|将|临近|着眼|到[^，。]{0,20}时|届时|之前|前后|目标|为")
_RETRO = regex.compile(r"去年|当年|那年|曾|回顾|时任|此前|上一年|此后")
_SHORT_NAME_PREV = set("是暨、，“（( \t\n")
_SHORT_NAME_PREV2 = ("庆祝", "纪念", "迎接", "喜迎", "恰逢", "正值", "适逢")


def _in_title(text: str, a: int, i: int) -> bool:
    """Is ``text[i]`` inside a 《title》 opened in the sentence starting at ``a``?"""
    j = text.rfind("《", a, i)
    return j >= 0 and text.find("》", j, i) < 0


def check_anniversaries(page, ctx, k: Knowledge, pd) -> list:
    text = page.text
    if "周年" not in text or k.founding_re is None:
        return []
    by_name = {n: f for f in k.foundings for n in f[2]}
    out = []
    for m in _near(k.founding_re, text, "周年", before=32, after=2):
        name = m.group("name")
        if len(name) <= 2 and m.start() > 0 and text[m.start() - 1] not in _SHORT_NAME_PREV and \
                text[max(0, m.start() - 2):m.start()] not in _SHORT_NAME_PREV2:
            continue  # 空军建军, 越共着眼于建党: a bare 建军/建党 is only ours after 庆祝, 纪念 …
        n = parse_int(m.group("n"))
        if n is None:
            continue
        what, fdate, _, where = by_name[name]
        a, b = _sentence(text, m.start(), m.end())
        ref, how = _ref_year(text, a, m.start(), pd.year)
        if ref is None:
            continue
        reached = ref - fdate.year  # the anniversary of the year spoken of
        fits = {reached}
        if how == "page" and (pd.precision != "day" or (pd.page_date.month, pd.page_date.day) <
                              (fdate.month, fdate.day)):
            # before this year's anniversary day (or the day unknown) the last one reached is a year back:
            # a report of March 2017 reviews the party's 95th anniversary of July 2016
            fits.add(reached - 1)
        if n in fits:
            continue
        expected = min(fits, key=lambda x: (abs(x - n), -x))
        sent = text[a:b]
        if _in_title(text, a, m.start()):
            continue  # 《庆祝中国共产党成立95周年大会上的讲话》: the title of a work names its own year
        present = k.present_re is not None and k.present_re.search(text, a, min(b, m.end() + 4)) is not None
        if not present and abs(n - expected) > 1:
            continue  # a past (or future) anniversary named — 为庆祝新中国成立35周年而创作 — not a claim about today
        after = text[m.end():m.end() + 12]
        event = _EVENT_AFTER.match(after) or (k.event_re is not None and k.event_re.match(after))
        if event and n < expected:
            continue  # a past anniversary's event (……100周年大会上的讲话) or the coming one's preparations
        if n > expected and _ANTICIPATE.search(sent):
            continue  # 以优异成绩迎接建军100周年: a coming anniversary
        if n < expected and _RETRO.search(sent):
            continue
        basis = {"written": f"同句写明的{ref}年", "relative": f"{ref}年（按页面日期推算）",
                 "page": f"页面日期的年份{ref}年"}[how]
        found = f"{fdate.year}年{fdate.month}月{fdate.day}日"
        out.append(ctx.finding(
            ANNIVERSARY, page, m.start(), m.end(),
            f"“{m.group()}”与年份不符：{what}于{found}（知识包 {where}），按{basis}应为{expected}周年。",
            suggestion=f"{name}{expected}周年", key=f"{what}{n}"))
    return out


PLAN_RE = regex.compile(r"(?<![一二三四五六七八九十])[“\"‘「]?十(?P<d>[一二三四五六七八九])五[”\"’」]?(?:规划)?(?:的)?"
                        r"(?P<what>开局之年|开局年|开局|起步之年|收官之年|收官年|收官|最后一年|第(?P<k>[一二三四五])年)?")
_PREPARE = regex.compile(r"为|奠定|打下|打好|基础|谋划|迎接|准备|确保|实现|推动|编制|研究|前期|思路|着眼|布局|衔接|即将|明年|后年|将")
_PRESENT = regex.compile(r"(?:今年|本年度?|这一年)(?:是|为|正值|恰逢|作为)")


def check_plans(page, ctx, k: Knowledge, pd) -> list:
    text = page.text
    if "五" not in text:
        return []
    out = []
    for m in PLAN_RE.finditer(text):
        n = 10 + "一二三四五六七八九".index(m.group("d")) + 1
        start, end = (k.plans[n][:2] if n in k.plans else (1966 + 5 * (n - 3), 1966 + 5 * (n - 3) + 4))
        where = k.plans[n][2] if n in k.plans else "1966 + 5×(N−3)"
        a, b = _sentence(text, m.start(), m.end())
        ref, how = _ref_year(text, a, m.start(), pd.year)
        if ref is None:
            continue
        sent = text[a:b]
        label = f"“十{m.group('d')}五”"
        period = f"{label}时期为{start}—{end}年（知识包 {where}）"
        what = m.group("what")
        if what is None:
            ref = pd.year
            if ref is not None and start - ref > 6:
                out.append(ctx.finding(PLAN, page, m.start(), m.end(),
                                       f"{label}在{ref}年尚远未开始：{period}。请核实规划序数。", key=label))
            continue
        if what.startswith(("开局", "起步")):
            claimed = start
        elif what.startswith(("收官", "最后")):
            claimed = end
        else:
            claimed = start + "一二三四五".index(m.group("k"))
        if ref == claimed:
            continue
        present = _PRESENT.search(text[a:m.start()]) is not None or (how == "written" and regex.search(
            r"[0-9０-９]{4}年(?:是|为|正值|恰逢)", text[a:m.start()]) is not None)
        too_early = claimed - ref >= 2 and not _PREPARE.search(sent)
        if present or too_early:
            basis = {"written": f"同句写明的{ref}年", "relative": f"{ref}年", "page": f"页面日期的年份{ref}年"}[how]
            out.append(ctx.finding(
                PLAN, page, m.start(), m.end(),
                f"{label}{what}应在{claimed}年，与{basis}不符：{period}。", key=label + what))
    return out


def check_terms(page, ctx, k: Knowledge, pd) -> list:
    if not pd.page_date:
        return []
    text = page.text
    out = []
    latest = pd.latest
    for term, since, where in k.terms:
        if latest >= since:
            continue
        i = text.find(term)
        while i >= 0:
            out.append(ctx.finding(
                TERM, page, i, i + len(term),
                f"“{term}”的提法始于{_ymd(since)}（知识包 {where}），早于此的页面日期（{pd.page_date.isoformat()}，"
                f"来源：{pd.source_name}）不应出现。请核实页面日期或用语。", key=term))
            i = text.find(term, i + len(term))
    return out


WEEKDAY_RE = regex.compile(
    rf"(?:(?P<y>[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})年)?(?<![0-9０-９])(?P<m>[0-9０-９]{{1,2}}|[{_CN_MONTH}]{{1,2}})月"
    rf"(?P<d>[0-9０-９]{{1,2}}|[{_CN_MONTH}]{{1,3}})[日号]"
    rf"\s*(?:[（(]\s*(?:星期|周|礼拜)(?P<w1>[一二三四五六日天])\s*[）)]|[，,　 ]?\s*(?:星期|礼拜)(?P<w2>[一二三四五六日天])|(?:星期|周)(?P<w3>[一二三四五六日天]))"
    r"(?![至到\-—~～、和及与或])")


def check_weekdays(page, ctx, pd) -> list:
    text = page.text
    if "星期" not in text and "周" not in text and "礼拜" not in text:
        return []
    out = []
    for m in WEEKDAY_RE.finditer(text):
        mo, d = parse_int(m.group("m")), parse_int(m.group("d"))
        if not mo or not d:
            continue
        w = _WEEK[m.group("w1") or m.group("w2") or m.group("w3")]
        if m.group("y"):
            y = parse_int(m.group("y"))
            cands = [y] if y else []
            basis = "写明的年份"
        elif pd.page_date:
            y0 = pd.page_date.year
            cands = [y0 - 1, y0, y0 + 1]
            basis = f"页面日期（{pd.page_date.isoformat()}）"
        else:
            continue
        dates = [x for x in (_safe_date(y, mo, d) for y in cands) if x is not None]
        if not dates:
            continue
        ref = pd.page_date if pd.page_date else dates[0]
        day = min(dates, key=lambda x: abs((x - ref).days))
        if day.weekday() == w:
            continue
        right = _WEEK_NAME[day.weekday()]
        out.append(ctx.finding(
            WEEKDAY, page, m.start(), m.end(),
            f"{_ymd(day)}是星期{right}，不是星期{'日' if w == 6 else _WEEK_NAME[w]}（年份按{basis}）。",
            suggestion=f"星期{right}", key=m.group()))
    return out


def _safe_date(y, m, d):
    try:
        return _dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def check_impossible(page, ctx, pd) -> list:
    out = []
    text = page.text
    for mt in pd.mentions:
        bad = None
        if not 1 <= mt.month <= 12:
            bad = f"没有{mt.month}月"
        elif mt.day < 1 or mt.day > _MONTH_DAYS[mt.month - 1]:
            bad = f"{mt.month}月没有{mt.day}日"
        elif mt.month == 2 and mt.day == 29 and mt.year and _safe_date(mt.year, 2, 29) is None:
            bad = f"{mt.year}年是平年，2月没有29日"
        if bad is None:
            continue
        # a range such as 1—12月 or a number run such as 2.30日 is not a date
        prev = text[mt.start - 1:mt.start] if mt.start else ""
        if prev and (prev.isdigit() or prev in ".．-—~～"):
            continue
        out.append(ctx.finding(IMPOSSIBLE, page, mt.start, mt.end, f"日期“{text[mt.start:mt.end]}”不存在：{bad}。",
                               key=text[mt.start:mt.end]))
    return out


_AFTER_DATELINE_RE = None
_RETRO_DATE_RE = regex.compile(r"今天|今日|周年|一年来|以来|至今|起|此前|当时|曾|回顾|那年|当年")


def check_dateline_years(page, ctx, pd) -> list:
    from ..analyses.dates import FULL_DATE_RE, _date_line, _match_date
    from ..layout import DATELINE_RE

    global _AFTER_DATELINE_RE
    if _AFTER_DATELINE_RE is None:
        _AFTER_DATELINE_RE = regex.compile(r"(?:[（(][^）)\n]{0,30}[）)])?[:：\s　]*(?:[*_]{0,2})?" + FULL_DATE_RE.pattern)

    if not pd.page_date or not pd.explicit:
        return []
    p = pd.page_date
    out = []
    if pd.source != "dateline":
        top = _date_line(page)
        if top and (top[0].year != p.year if pd.precision == "year" else top[0] != p):
            s, e = top[2]
            out.append(ctx.finding(
                DATELINE_YEAR, page, s, e,
                f"页首日期（{top[0].isoformat()}）与页面日期（{p.isoformat()}，来源：{pd.detail or pd.source_name}）不符。",
                key="top-date"))
    for b in page.layout.blocks:
        if b.kind != "dateline":
            continue
        # the article's own date stands right after the dateline: 本报讯（记者…）2023年2月4日上午，……
        head = DATELINE_RE.match(b.text)
        m = _AFTER_DATELINE_RE.match(b.text, head.end()) if head else None
        if not m:
            continue
        d = _match_date(m)
        if d is None or d.year == p.year or (pd.precision == "year" and d.year < p.year):
            continue
        a, z = _sentence(b.text, m.end(), m.end())
        if _RETRO_DATE_RE.search(b.text, a, z):
            continue  # 2023年4月1日，《黄河保护法》正式实施，今天是施行一周年: a date in the past, on purpose
        same = _safe_date(p.year, d.month, d.day)
        typo = (abs(d.year - p.year) == 1 and same is not None
                and p - _dt.timedelta(days=60) <= same <= p + _dt.timedelta(days=1))
        if d > p + _dt.timedelta(days=1) or typo:
            hint = f"，应为{p.year}年？" if typo else ""
            out.append(ctx.finding(
                DATELINE_YEAR, page, b.start + m.start(), b.start + m.end(),
                f"电头日期“{m.group()}”的年份与页面日期（{p.isoformat()}，来源：{pd.source_name}）矛盾{hint}",
                suggestion=f"{p.year}年{d.month}月{d.day}日" if typo else None, key=m.group()))
    return out


# ---- page date from options and config ----------------------------------------------------------------------
def _apply_page_date(page, ctx) -> None:
    args = ctx.args
    given = getattr(args, "date", None) if args is not None else None
    meta = page.meta
    new = None
    if given:
        new = (given, "--date", f"--date {given}")
    else:
        for pattern, value in (ctx.config.get("dates", {}) or {}).items():
            if ctx.config.path_matches(pattern, page.path):
                new = (value, "config", f"dates.\"{pattern}\" = {value} ({ctx.config.where('dates')})")
                break
    if new is None:
        return
    if meta.get("date") != new[0] or meta.get("date_source") != new[1]:
        meta["date"], meta["date_source"], meta["date_detail"] = new
        page._cache.pop("dates", None)


def _valid_date(s: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {s!r} (use YYYY-MM-DD)") from None


# ---- hooks ------------------------------------------------------------------------------------------------------
@hookimpl
def newslint_rules():
    return list(ALL_RULES)


@hookimpl
def newslint_add_options(parser):
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=lambda s: _valid_date(s).isoformat(),
                        help="the date of the checked pages (overrides config, front matter, file name and text)")
    parser.add_argument("--explain-date", action="store_true",
                        help="print each page's date and where it came from (stderr; JSON: top-level \"pages\")")


@hookimpl
def newslint_configure(ctx):
    for pattern, value in (ctx.config.get("dates", {}) or {}).items():
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise ctx.config.error("dates", f"{pattern}: not a valid date {value!r}") from None
    if ctx.any_enabled("anachronism-ordinal", "anachronism-anniversary", "anachronism-plan-period",
                       "anachronism-term"):
        load_knowledge(ctx)  # pack errors surface before any page is read


@hookimpl(tryfirst=True)
def newslint_check_page(page, ctx):
    _apply_page_date(page, ctx)
    if not any(ctx.enabled(r, page) for r in _IDS):
        return None
    pd = page.analysis("dates")
    out = []
    if ctx.any_enabled(ORDINAL.id, ANNIVERSARY.id, PLAN.id, TERM.id):
        k = load_knowledge(ctx)
        if ctx.enabled(ORDINAL.id, page):
            out += check_ordinals(page, ctx, k, pd)
        if ctx.enabled(ANNIVERSARY.id, page):
            out += check_anniversaries(page, ctx, k, pd)
        if ctx.enabled(PLAN.id, page):
            out += check_plans(page, ctx, k, pd)
        if ctx.enabled(TERM.id, page):
            out += check_terms(page, ctx, k, pd)
    if ctx.enabled(WEEKDAY.id, page):
        out += check_weekdays(page, ctx, pd)
    if ctx.enabled(IMPOSSIBLE.id, page):
        out += check_impossible(page, ctx, pd)
    if ctx.enabled(DATELINE_YEAR.id, page):
        out += check_dateline_years(page, ctx, pd)
    return out


@hookimpl(tryfirst=True)
def newslint_collect_page(page, ctx):
    _apply_page_date(page, ctx)
    if not (getattr(ctx.args, "explain_date", False) or ctx.any_enabled(*_IDS)):
        return None
    pd = page.analysis("dates")
    return {"chronology.date": (pd.page_date.isoformat() if pd.page_date else None, pd.source, pd.detail,
                                pd.precision)}


@hookimpl
def newslint_check_corpus(corpus, ctx):
    explain = getattr(ctx.args, "explain_date", False)
    pages = []
    for page in corpus.run_pages:
        info = corpus.collected(page, "chronology.date")
        if info is None:
            continue
        date, source, detail, precision = info
        pages.append({"path": page.path, "date": date, "date_source": source, "date_detail": detail,
                      "date_precision": precision if date else None})
        if explain:
            if date:
                approx = "（按年估计）" if precision == "year" else ""
                print(f"{page.path}: {date}{approx} [{source}] {detail}", file=sys.stderr)
            else:
                print(f"{page.path}: 无法确定页面日期 (no date found)", file=sys.stderr)
    if explain:
        ctx.state.setdefault("extra", {})["pages"] = pages
    return None
