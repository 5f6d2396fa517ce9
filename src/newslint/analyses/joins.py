"""The character model's reading of a join between two paragraphs (shared by the structure rules).

A cut between two whole words leaves no lexical trace (……这些企业已经 | 成为带动就业的主力军……): no word
spans it, nothing dangles, the second half opens like any sentence.  :func:`score` asks the character
n-gram model (:mod:`newslint.analyses.charlm`) how much better the two read as one sentence than as two;
:func:`split_evidence` turns a score high enough into evidence of a split for ``structure-split-paragraph``
on plain pages, and ``structure-continuation`` ranks the pairs of a page with it.
"""
from __future__ import annotations

from typing import Optional

import regex

from . import charlm

_HAN = regex.compile(r"\p{Han}")
# Two consecutive lines of a plain page, the first without a final mark, are one paragraph split in two when
# the model reads them as one sentence at least this much better (nats).  On the edited corpora no break the
# page made on purpose (a lead, a subhead, a pull quote before the body) scores above 7; a quarter of the
# planted splits that leave no lexical trace do.
SPLIT = 8.0


def _running(ch: str) -> bool:
    return bool(_HAN.match(ch)) or ch.isdigit()


def score(tail: str, head: str) -> Optional[float]:
    """:func:`newslint.analyses.charlm.join_score` of a cut between two characters of running text, or None
    when a mark stands at the cut (a mark reads on after anything, so the model says nothing there)."""
    if not tail or not head or not _running(tail[-1]) or not _running(head[0]):
        return None
    return charlm.join_score(tail, head)


_CLAUSE_MARKS = "，、。；："


def mark_score(tail: str, head: str) -> Optional[float]:
    """A start that opens with a clause mark (，铁路深湛线……) cannot open a paragraph, so every open end of the
    page could be its first half; which one is how readily the mark and the character after it follow the
    end's last characters, against the same two read with no context (a sentence start is no reference:
    no sentence opens with a mark).  Only the left-to-right half of :func:`score` reads anything across a
    mark, so it counts twice, on the scale of the two halves.  None unless ``tail`` ends on running text
    and ``head`` opens with a clause mark."""
    if not tail or not head or head[0] not in _CLAUSE_MARKS or not _running(tail[-1]):
        return None
    from .charlm import model, normalise

    r = normalise(head[:10])[:2]
    if len(r) < 2:
        return None
    lm = model()
    return 2 * (lm.logprob(r, tail[-8:]) - lm.p1(r[0]) - lm.p2(r[0], r[1]))


def split_evidence(tail: str, head: str) -> Optional[str]:
    """Evidence, from the character model alone, that two consecutive lines are one sentence cut between
    two words (``structure-split-paragraph`` asks when it finds no lexical trace at the break)."""
    s = score(tail, head)
    if s is not None and s >= SPLIT:
        return "两行接起来读成一句话比各自成句通顺得多"
    return None
