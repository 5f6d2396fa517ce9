"""The "dates" analysis: the page's own date, where it came from, and the dates the page writes.

``page.analysis("dates")`` returns a :class:`PageDates`.  The page date is taken from the first of:

1. ``--date YYYY-MM-DD`` (source ``"--date"``) and 2. the config's ``dates`` table, glob = date
   (``"config"``) — both are put in ``page.meta["date"]`` / ``page.meta["date_source"]`` by
   :func:`apply_run_date` when the pages of a run are read (``engine.load_pages`` and
   ``engine.check_pages``), so every rule, analysis and subcommand sees one page date whatever is
   selected; API users may set them the same way;
3. front matter (``---`` … ``date: 2024-07-18`` … ``---``) (``"front-matter"``);
4. a date line among the first lines of the page (``2024年7月18日 星期四``, ``《新闻联播》（20240101）``)
   (``"dateline"``);
5. the file name (``20240718``, ``2024-07-18``, ``2024_07_18``) (``"filename"``); a year standing
   alone in the name (``gwr_1981.txt``) is used last, after the text, with ``precision`` ``"year"``;
6. the text (``"text"``): a year written with this year's numbered meetings (``2023年第2次党政联席会议``)
   or in article datelines (``本报讯 2023年2月4日``), dated by the latest month/day of the article
   datelines (``2月4日上午``).  This is an estimate: ``precision`` is ``"year"`` and ``latest`` (the
   latest date the page can have) is the end of that year.

No source → ``page_date`` is None and rules that need a date stay silent.

A file may hold several days (a week's archive export): ``sections`` lists its days when its top-level
sections each open with a heading that is a date (:func:`day_sections`), and ``date_at(offset)`` gives the
date of a place — its day's, else the page date.  A file of one day has no sections.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import regex

from ..numerals import halfwidth_digits, parse_int

SOURCES = ("--date", "config", "front-matter", "dateline", "filename", "text")
# how a rule message (always Chinese) names each source
SOURCE_NAMES = {"--date": "命令行 --date", "config": "配置 dates 表", "front-matter": "页首 front matter",
                "dateline": "页首日期行", "filename": "文件名", "text": "正文推断"}
MIN_YEAR, MAX_YEAR = 1900, 2100

_D = r"[0-9０-９]"
# 2024年7月18日 (Arabic, full-width or Chinese year digits such as 二〇二四年)
FULL_DATE_RE = regex.compile(
    rf"(?<![0-9０-９])(?P<y>{_D}{{4}}|[〇零一二三四五六七八九]{{4}})[年](?P<m>{_D}{{1,2}}|[一二三四五六七八九十]{{1,2}})月"
    rf"(?P<d>{_D}{{1,2}}|[一二三四五六七八九十]{{1,3}})[日号]")
ISO_DATE_RE = regex.compile(rf"(?<![0-9０-９])(?P<y>{_D}{{4}})[-/.．](?P<m>{_D}{{1,2}})[-/.．](?P<d>{_D}{{1,2}})(?![0-9０-９])")
COMPACT_DATE_RE = regex.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])")
MONTH_DAY_RE = regex.compile(rf"(?<![0-9０-９年])(?P<m>{_D}{{1,2}})月(?P<d>{_D}{{1,2}})[日号]")
# a numbered meeting of this year: 2023年第2次党政联席会议, 2024年第一次常务会议
SERIES_YEAR_RE = regex.compile(rf"(?<![0-9０-９])(?P<y>{_D}{{4}})年(?:度)?第(?:{_D}{{1,3}}|[一二三四五六七八九十百]{{1,4}})[次期]")
FRONT_MATTER_RE = regex.compile(r"\A\ufeff?(?:---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?:---|\+\+\+)[ \t]*(?:\n|\Z)", regex.S)
FM_DATE_RE = regex.compile(r"^(?:date|pubdate|published|publish_date|日期|出版日期|发布日期)\s*[:=：]\s*[\"']?(?P<v>[^\"'\n]+)",
                           regex.M | regex.I)


@dataclass(frozen=True)
class DateMention:
    """A calendar date the page writes: ``year`` is None when only month and day are written."""

    start: int
    end: int
    year: Optional[int]
    month: int
    day: int

    @property
    def valid(self) -> bool:
        return to_date(self.year or 2000, self.month, self.day) is not None



def apply_run_date(page, ctx) -> None:
    """Put the run's date for ``page`` (``--date``, else the first matching glob of the config's ``dates``
    table) in ``page.meta``, dropping a "dates" analysis computed before; a page neither names keeps its
    own sources (front matter, date line, file name, text)."""
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


def day_index(starts: Sequence[int], offset: int) -> int:
    """Which day of a page holding several holds ``offset``: the index of its day in ``starts`` (where the
    days start, in order), -1 before the first day (or on a page of one day, ``starts`` empty).  The one test
    every rule that tells the days of a file apart uses."""
    return bisect.bisect_right(starts, offset) - 1


@dataclass(frozen=True)
class DaySection:
    """One day of a page that holds several: from its dated heading (``start``) to the next day's."""

    start: int
    date: _dt.date
    line: int
    text: str  # the heading as written


@dataclass
class PageDates:
    page_date: Optional[_dt.date] = None
    source: Optional[str] = None
    detail: str = ""  # what the date was read from, for --explain-date
    precision: str = "day"  # "day" or "year" (inferred from the text)
    span: Optional[Tuple[int, int]] = None  # where in the page the date was read (dateline/front matter/text)
    mentions: List[DateMention] = field(default_factory=list)
    sections: List[DaySection] = field(default_factory=list)  # the days of a page holding several (else [])

    def date_at(self, offset: int) -> Optional[_dt.date]:
        """The date of the text at ``offset``: its day's on a page of several days, else the page date."""
        k = day_index([s.start for s in self.sections], offset)
        return self.sections[k].date if k >= 0 else self.page_date

    @property
    def year(self) -> Optional[int]:
        return self.page_date.year if self.page_date else None

    @property
    def latest(self) -> Optional[_dt.date]:
        """The latest date the page can have (the end of the year for a date inferred from the text)."""
        if self.page_date is None:
            return None
        return _dt.date(self.page_date.year, 12, 31) if self.precision == "year" else self.page_date

    @property
    def source_name(self) -> str:
        """The source in Chinese, for rule messages (``来源：文件名``, not ``来源：filename``)."""
        return SOURCE_NAMES.get(self.source or "", self.source or "")

    @property
    def explicit(self) -> bool:
        """True when the date came from outside the running text (options, config, metadata, file name)."""
        return self.source in ("--date", "config", "front-matter", "dateline", "filename")

    def explain(self) -> str:
        if self.page_date is None:
            return "无法确定页面日期 (no page date: use --date or the config `dates` table)"
        approx = "（按年估计 estimated year）" if self.precision == "year" else ""
        return f"{self.page_date.isoformat()}{approx} source={self.source}: {self.detail}"


def to_date(y: int, m: int, d: int) -> Optional[_dt.date]:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _num(s: str) -> Optional[int]:
    return parse_int(s)


def _match_date(m) -> Optional[_dt.date]:
    y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
    if y is None or mo is None or d is None or not MIN_YEAR <= y <= MAX_YEAR:
        return None
    return to_date(y, mo, d)


def parse_date(s: str) -> Optional[_dt.date]:
    """A date written as 2024-07-18, 2024/7/18, 20240718 or 2024年7月18日 (anywhere in ``s``)."""
    for rx in (FULL_DATE_RE, ISO_DATE_RE, COMPACT_DATE_RE):
        for m in rx.finditer(halfwidth_digits(s) if rx is COMPACT_DATE_RE else s):
            d = _match_date(m)
            if d is not None:
                return d
    return None


def date_from_filename(path: str) -> Optional[Tuple[_dt.date, str]]:
    name = os.path.basename(path)
    for rx in (ISO_DATE_RE, COMPACT_DATE_RE):
        for m in rx.finditer(name.replace("_", "-")):
            d = _match_date(m)
            if d is not None:
                return d, name
    return None


_FILENAME_YEAR_RE = regex.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)[0-9]{2})(?![0-9A-Za-z])")


def year_from_filename(path: str) -> Optional[Tuple[int, str]]:
    """A year standing alone in the file name (``gwr_1981.txt``, ``report-2017.md``): the page's year only."""
    name = os.path.basename(path)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    years = {int(m.group("y")) for m in _FILENAME_YEAR_RE.finditer(stem)}
    if len(years) == 1:
        return years.pop(), name
    return None


def _front_matter(text: str) -> Optional[Tuple[_dt.date, str, Tuple[int, int]]]:
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return None
    fm = FM_DATE_RE.search(m.group("body"))
    if not fm:
        return None
    d = parse_date(fm.group("v"))
    if d is None:
        return None
    off = m.start("body") + fm.start()
    return d, fm.group(0).strip(), (off, m.start("body") + fm.end())


def date_of_line(t: str) -> Optional[Tuple[_dt.date, int, int]]:
    """The date of a line that is essentially a date (2024年7月18日 星期四 / 《新闻联播》（20240101） /
    2024-07-18), with its span in the line; None for any other line."""
    if len(t) > 40 or t.endswith(("。", "，", "；")):
        return None
    for rx in (FULL_DATE_RE, ISO_DATE_RE, COMPACT_DATE_RE):
        m = rx.search(t)
        if not m:
            continue
        d = _match_date(m)
        if d is None:
            continue
        rest = t[:m.start()] + t[m.end():]
        if rx is COMPACT_DATE_RE and not regex.search(r"[（(\[【]\s*$", t[:m.start()]):
            continue  # a bare 8-digit number is only a date in brackets: （20240101）
        if len(regex.sub(r"[\s\p{P}\p{S}]", "", rest)) <= 20:
            return d, m.start(), m.end()
    return None


def _date_line(page) -> Optional[Tuple[_dt.date, str, Tuple[int, int]]]:
    """A line among the first three that is essentially a date: 2024年7月18日 星期四 / 《新闻联播》（20240101）."""
    for b in page.layout.blocks[:3]:
        got = date_of_line(b.text)
        if got:
            return got[0], b.text, (b.start + got[1], b.start + got[2])
    return None


# A plain line standing for a day of its own (not a dateline 新华社北京2024年1月3日电, a byline or a caption).
_PLAIN_DAY_KINDS = ("body", "heading")
# A date that is a field's value (更新时间：2024-01-02T01:49:34Z, 发布日期: …) or a time stamp (a date with
# its clock time) marks when a text was posted or changed, not a day of the paper.
_STAMP_BEFORE_RE = regex.compile(r"[：:]\s*$")
_STAMP_AFTER_RE = regex.compile(r"^\s*(?:[Tt]|\d{1,2}[:：]\d{2}|[0-9０-９]{1,2}时)")


_WEEKDAY_RE = regex.compile(r"(?:星期|礼拜|周)[一二三四五六日天]|\s+")


def _day_heading(t: str) -> Optional[Tuple[_dt.date, str]]:
    """The date of a line that can open a day of a file holding several (a date line, not a stamp), with
    its form: the line without its date and weekday (the days of one file are written alike)."""
    got = date_of_line(t)
    if got is None or _STAMP_BEFORE_RE.search(t[:got[1]]) or _STAMP_AFTER_RE.match(t[got[2]:]):
        return None
    return got[0], _WEEKDAY_RE.sub("", t[:got[1]] + "\0" + t[got[2]:])


def _two_dates(text: str) -> bool:
    """Does ``text`` write a full date twice (in any of the forms)?  A quick test before any layout."""
    n = 0
    for rx in (FULL_DATE_RE, ISO_DATE_RE, COMPACT_DATE_RE):
        for _ in rx.finditer(text):
            n += 1
            if n >= 2:
                return True
    return False


def day_sections(page) -> List["DaySection"]:
    """The days of a page that holds several (a week's archive export in one file): its top-level sections
    each opened by a heading that is essentially a date — the Markdown (or Word heading style) headings of
    the highest rank that carry a full date (``# 《新闻联播》（20240102）``, ``## 2024年1月2日``), or, on a page
    without such headings, plain lines that are only a date — all written as the first is (a letter's date
    line is no day of a file whose days open 《新闻联播》（20240102）), none a time stamp (更新时间：…).
    Evidence of days, all of it needed: the page opens with the first of them (among its first three lines,
    where a page's own date line stands) and they name two dates or more; a date line out of the days'
    order (an archive runs forward or back in time) opens no day.  Otherwise ``[]``: the page is one day, as
    every page was before."""
    if not _two_dates(page.text):
        return []  # (most pages: no layout needed for this)
    marked, plain = [], []
    for b in page.layout.blocks:
        got = _day_heading(b.text)
        if got is None:
            continue
        if b.kind == "heading" and b.level:
            marked.append((b.level, b, *got))
        elif b.kind in _PLAIN_DAY_KINDS:
            plain.append((0, b, *got))
    if marked:
        top = min(x[0] for x in marked)
        openers = [x for x in marked if x[0] == top]
    else:
        openers = plain
    if not openers or openers[0][1].index >= 3:
        return []
    form = openers[0][3]
    openers = [x for x in openers if x[3] == form]  # (a letter's date line is no day of a 《…》（date） file)
    openers = max(_in_order(openers, 1), _in_order(openers, -1), key=len)
    if len({x[2] for x in openers}) < 2:
        return []
    return [DaySection(b.start, d, b.line, b.text) for _, b, d, _ in openers]


def _in_order(openers, direction: int):
    """The openers that keep the days in order from the first (a date line out of order — a letter's date
    inside a day — opens no day)."""
    kept = openers[:1]
    for x in openers[1:]:
        if (x[2] - kept[-1][2]).days * direction >= 0:
            kept.append(x)
    return kept


def _dateline_opening(b) -> str:
    """The first characters of an article's dateline paragraph, where its date is written."""
    return b.text[:48]


def _from_text(page, mentions: List[DateMention]) -> Optional[Tuple[_dt.date, str, Tuple[int, int]]]:
    text = page.text
    votes: Counter = Counter()
    first_span = {}
    for m in SERIES_YEAR_RE.finditer(text):
        y = _num(m.group("y"))
        if y and MIN_YEAR <= y <= MAX_YEAR:
            votes[y] += 1
            first_span.setdefault(y, (m.start(), m.end()))
    datelines = [b for b in page.layout.blocks if b.kind == "dateline"]
    month_days: List[Tuple[int, int]] = []
    for b in datelines:
        head = _dateline_opening(b)
        fm = FULL_DATE_RE.search(head)
        if fm:
            d = _match_date(fm)
            if d:
                votes[d.year] += 1
                first_span.setdefault(d.year, (b.start + fm.start(), b.start + fm.end()))
                month_days.append((d.month, d.day))
                continue
        md = MONTH_DAY_RE.search(head)
        if md:
            mo, dd = _num(md.group("m")), _num(md.group("d"))
            if mo and dd and 1 <= mo <= 12 and 1 <= dd <= 31:
                month_days.append((mo, dd))
    if not votes:
        return None
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # two years with equal evidence: do not guess
    year = ranked[0][0]
    day = None
    for mo, dd in month_days:
        d = to_date(year, mo, dd)
        if d and (day is None or d > day):
            day = d
    detail = f"{year}年 (" + "; ".join(f"{y}年×{n}" for y, n in ranked) + ")"
    if day is None:
        day = _dt.date(year, 1, 1)
        detail += "，无日期行 (no dateline day: year only)"
    else:
        detail += f"，最晚电头日期 {day.month}月{day.day}日"
    return day, detail, first_span[year]


def find_mentions(text: str) -> List[DateMention]:
    out: List[DateMention] = []
    taken = set()
    for m in FULL_DATE_RE.finditer(text):
        y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
        if y is None or mo is None or d is None:
            continue
        out.append(DateMention(m.start(), m.end(), y, mo, d))
        taken.add(m.start("m"))
    for m in MONTH_DAY_RE.finditer(text):
        if m.start() in taken:
            continue
        mo, d = _num(m.group("m")), _num(m.group("d"))
        if mo is None or d is None:
            continue
        out.append(DateMention(m.start(), m.end(), None, mo, d))
    out.sort(key=lambda x: x.start)
    return out


def analyse(page) -> PageDates:
    pd = _analyse(page)
    pd.sections = day_sections(page)
    return pd


def _analyse(page) -> PageDates:
    mentions = find_mentions(page.text)
    meta = page.meta
    given = meta.get("date")
    if given:
        d = given if isinstance(given, _dt.date) else parse_date(str(given))
        if d is not None:
            src = meta.get("date_source", "--date")
            return PageDates(d, src, str(meta.get("date_detail", given)), mentions=mentions)
    fm = _front_matter(page.text)
    if fm:
        return PageDates(fm[0], "front-matter", fm[1], span=fm[2], mentions=mentions)
    dl = _date_line(page)
    if dl:
        return PageDates(dl[0], "dateline", dl[1], span=dl[2], mentions=mentions)
    fn = date_from_filename(page.path)
    if fn:
        return PageDates(fn[0], "filename", fn[1], mentions=mentions)
    tx = _from_text(page, mentions)
    if tx:
        return PageDates(tx[0], "text", tx[1], precision="year", span=tx[2], mentions=mentions)
    fy = year_from_filename(page.path)
    if fy:
        return PageDates(_dt.date(fy[0], 1, 1), "filename", f"{fy[1]} (year only)", precision="year",
                         mentions=mentions)
    return PageDates(mentions=mentions)
