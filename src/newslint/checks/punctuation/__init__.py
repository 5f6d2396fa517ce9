"""Punctuation (GB/T 15834-2011 标点符号用法), one module per rule: half-width ``,;:?!()`` in Chinese text, and clause marks
doubled or run together (，， 。。 ，。).

A half-width mark is reported when it stands in Chinese context: a Han character (or a full-width
mark) on one side and nothing ASCII-bound on the other.  ASCII contexts are left alone: numbers such
as 1,000 and 3:30, URLs, English phrases, code, Markdown link syntax, emoticons (:-) (^_^)), and marks
between Latin text.
Brackets are judged as a pair: ``(记者郭树勋)`` becomes ``（记者郭树勋）`` together, ``(AI)`` alone does not.
"""
from __future__ import annotations

from .common import context_key
from .doubled import RULE as DOUBLED
from .doubled import doubled
from .halfwidth import FULL, find, halfwidth
from .halfwidth import RULE as RULE

RULES = [RULE, DOUBLED]

__all__ = ["DOUBLED", "FULL", "RULE", "RULES", "context_key", "doubled", "find", "halfwidth"]
