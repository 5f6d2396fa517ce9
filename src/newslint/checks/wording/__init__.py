"""Wording: accidental repetition and known faulty phrases, one module per rule.

- ``wording-repeated-le``: two verbs each with its own 了 back to back (会议传达了学习了…): an editing
  leftover; one 了 goes (传达学习了).
- ``wording-repeated-word``: a character or a word written twice in a row (的的, 是是, 我们我们) where
  the doubling is not a legitimate reduplication.  Legitimacy is decided from data, never from the
  text being checked: jieba's dictionary (人人, 常常, 一一, 谢谢, 看看, 干干净净, 一个个 are words),
  jieba's part-of-speech tags (measure words and numerals reduplicate: 张张, 件件; verbs and
  adjectives may form ABAB: 研究研究), the pack's ``[[reduplication]]`` lists, and the shapes
  一XX (一张张), AABB (认认真真) and names split by the tokenizer.  A doubling that falls across two
  dictionary words (学习|习近平, 人民|民主) is normal and never reported.
- ``wording-faulty-phrase``: phrases known to be wrong, with their correction, from the data pack
  ``[[phrase]]`` (rules/wording.toml: each entry cites its source).  Only unambiguous ones are listed;
  entries may carry ``not_before``/``not_after`` patterns that rule out legitimate contexts, and
  ``since`` (a year) for forms that became wrong by a later standard: pages dated before it are not
  judged on them (an undated page is taken to be current).
"""
from __future__ import annotations

from .faulty_phrase import RULE as FAULTY
from .faulty_phrase import faulty_phrase
from .repeated_le import RULE as REPEATED_LE
from .repeated_le import repeated_le
from .repeated_word import RULE as REPEATED_WORD
from .repeated_word import repeated_word

RULES = [REPEATED_LE, REPEATED_WORD, FAULTY]

__all__ = ["FAULTY", "REPEATED_LE", "REPEATED_WORD", "RULES", "faulty_phrase", "repeated_le", "repeated_word"]
