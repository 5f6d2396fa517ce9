"""Enumerations (序号检查): series of numbered items followed through an article.

A series is a run of item markers of one *family* in one article, in reading order:

* 一要/二要…, 一是/二是…, 其一/其二…, 第一，/第二，…, 首先/其次/再次（最后 closes a series）;
* （一）（二）…, 一、二、…, 1. 2. / 1、2、…, （1）（2）…, ①②…;
* labelled items: 元素一 … 元素十五, 任务一：… 任务二：… (a label seen with two or more numbers).

A marker counts only at an *item position*: the start of a block, or right after 。；：，！？ (full or
half width), possibly through an opening quote.  That keeps 一是一、二是二, 第一季度, 全市第一, 第一时间,
十五五 and numbers inside quotes and titles out of the series.  Markers are followed through paragraphs
and page-break artefacts; a series restarts at 1 (a new speaker's statement, a new part) and at a new
article.  Families are tracked separately, so an inner series inside an outer one is not a break.

Reported: a series that starts after 1 (the first item lost: 要强化… 二要… 三要…), a jump (二要 → 四要),
and a number used twice (二是 … 二是).  One module per rule: missing_item.py, repeated_item.py; the
markers and series are shared, computed once per page (common.py).  A finding needs a series of at least two markers, and a jump or
repeat needs the two markers to be near each other (a few paragraphs), so stray numerals do not fire.
"""
from __future__ import annotations

from .common import _QUICK, Marker, _label, _near, markers, series_of
from .missing_item import RULE as MISSING
from .missing_item import missing_item
from .repeated_item import RULE as REPEATED
from .repeated_item import repeated_item

RULES = (MISSING, REPEATED)

__all__ = ["MISSING", "Marker", "REPEATED", "RULES", "_QUICK", "_label", "_near", "markers", "missing_item",
           "repeated_item", "series_of"]
