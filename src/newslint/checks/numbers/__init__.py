"""Numbers (数字核对), one module per rule: counts that contradict their lists, headline figures the body contradicts, parts
that do not add up, and digit runs mixing full-width and half-width digits (GB/T 15835).

Every check fires only when the parse is unambiguous:

* **Counts** — a list of items joined by 、 (and one closing 和/及/与) followed by its count, or announced
  by it (``4个领域，分别为A、B、C`` / ``三项工作：A、B、C``):
  ``太极拳、篮球、象棋共3项`` / ``A、B、C三大工程`` / ``竞技类（A、B、C）和趣味类（D、E）共5大项目``.  The count is
  compared with the number of items and, for parenthesised groups, with the sum of the groups (7+2=9 is
  right).  A list with numbers inside its items (``53个国家和非盟``), a conjunction inside an item
  (``男子和女子足球、篮球``) or a long item is not judged; ``等N项`` only fires when more than N are listed.
* **Headline figures** — a figure of the headline (``开工项目27个``, ``总投资130.23亿元``) whose key word and
  unit the body repeats with other numbers only, none equal and none adding up to it.
* **Parts** — percentages given for all parts of a whole (``其中男性占52%，女性占46%``: two complementary
  parts) that do not add up to 100% beyond what rounding to the digits written allows.
* **Mixed width** — a digit run such as ``2０23`` that mixes full-width and ASCII digits.
"""
from __future__ import annotations

from .count_mismatch import RULE as COUNT
from .count_mismatch import count_mismatch, parse_list
from .headline_mismatch import RULE as HEADLINE
from .headline_mismatch import headline_mismatch
from .mixed_width import RULE as MIXED
from .mixed_width import mixed_width
from .parts_mismatch import RULE as PARTS
from .parts_mismatch import parts_mismatch
from .share_mismatch import RULE as SHARE
from .share_mismatch import share_mismatch

RULES = (COUNT, HEADLINE, PARTS, SHARE, MIXED)

__all__ = ["COUNT", "HEADLINE", "MIXED", "PARTS", "RULES", "SHARE", "count_mismatch", "headline_mismatch",
           "mixed_width", "parse_list", "parts_mismatch", "share_mismatch"]
