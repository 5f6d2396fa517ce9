"""Anachronisms: what a page says against its own date and a dated knowledge pack (rules/chronology.toml),
one module per rule.

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

from .anniversary import RULE as ANNIVERSARY
from .anniversary import anniversary
from .dateline_year import RULE as DATELINE_YEAR
from .dateline_year import dateline_year
from .impossible_date import RULE as IMPOSSIBLE
from .impossible_date import impossible_date
from .ordinal import RULE as ORDINAL
from .ordinal import ordinal
from .page_date import newslint_add_options, newslint_check_corpus, newslint_collect_page, newslint_configure
from .plan_period import RULE as PLAN
from .plan_period import plan_period
from .term import RULE as TERM
from .term import term
from .weekday import RULE as WEEKDAY
from .weekday import weekday

ALL_RULES = [ORDINAL, ANNIVERSARY, PLAN, TERM, WEEKDAY, IMPOSSIBLE, DATELINE_YEAR]

__all__ = ["ALL_RULES", "ANNIVERSARY", "DATELINE_YEAR", "IMPOSSIBLE", "ORDINAL", "PLAN", "TERM", "WEEKDAY",
           "anniversary", "dateline_year", "impossible_date", "newslint_add_options", "newslint_check_corpus",
           "newslint_collect_page", "newslint_configure", "ordinal", "plan_period", "term", "weekday"]
