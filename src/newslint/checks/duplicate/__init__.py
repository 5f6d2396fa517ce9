"""Duplicated text: repeated paragraphs and repeated runs of sentences, within an article, across the
articles of a page, across the pages of a run and against archive pages.

Design (per page, then corpus):

* ``newslint_collect_page`` (here) cuts each text paragraph into clauses (normalised letters and digits) and
  sketches every paragraph with a MinHash over character 3-grams (``analyses/dup_units.py``).  That is
  all the per-page work, picklable, so it runs in worker processes and is cached.
* the corpus phase (``common.copies``, once for both rules: paragraph.py, sentence.py) matches:

  1. *Sentence runs* — every clause of at least ``SEED_CHARS`` characters that occurs more than once is a
     seed (an exact-hash index, no all-pairs loop); from each seed pair the run is extended clause by
     clause in both directions, accepting near-equal clauses (rapidfuzz ratio ≥ 80) so a changed name
     or a few characters do not cut a copy in two.  A run covering two whole paragraphs is a paragraph
     copy; a shorter one is a sentence copy.
  2. *Near-duplicate paragraphs* — MinHash LSH (sketches and banding as datasketch does them, in numpy;
     tests compare with datasketch) gives candidate pairs of paragraphs whose
     3-gram sets overlap (Jaccard ≥ 0.5); rapidfuzz verifies them (normalised Indel similarity).  This
     catches copies edited in many places, where no clause survived intact.

* Legitimate repetition is tolerated by kind, never by list: clauses that enumerate short items
  (attendance lists) and quoted clauses (slogans, titles) weigh nothing; short copies are below the
  thresholds; text found on ``boilerplate_pages`` or more pages (a group of copies connected by
  matches) is boilerplate and never reported; title lines (headlines, contents entries) are not
  compared; a near copy that is one formula filled in twice (the copies differ only in numbers, dates
  and 《titles》, or in the subjects their own headlines name) is a parallel report, not a copy.
* Each finding is at the later copy (run order; archive pages count as earlier than every run page),
  with the earlier copies as related locations and the similarity in the message.
"""
from __future__ import annotations

from ... import hookimpl
from ...analyses import dup_units
from .common import KEY, Match, _min_sketch_chars, _summary_patterns, find_matches
from .paragraph import RULE as PARAGRAPH
from .paragraph import duplicate_paragraph
from .sentence import RULE as SENTENCE
from .sentence import duplicate_sentence

RULES = (PARAGRAPH, SENTENCE)


@hookimpl
def newslint_pack_sections():
    # rules/duplicate.toml: lines that open / close a summary box (核心阅读, ——编者); verbs that give a
    # quotation to its source (表示, 提出)
    return {"summary_label": {"pattern": str, "note": str}, "summary_signoff": {"pattern": str, "note": str},
            "quote_verb": {"words": list, "note": str}}


@hookimpl
def newslint_collect_page(page, ctx):
    if not ctx.any_enabled(PARAGRAPH.id, SENTENCE.id):
        return None
    labels, signoffs = _summary_patterns(ctx)
    return {KEY: dup_units.analyse(page, _min_sketch_chars(ctx), labels, signoffs)}


__all__ = ["KEY", "Match", "PARAGRAPH", "RULES", "SENTENCE", "duplicate_paragraph", "duplicate_sentence",
           "find_matches", "newslint_collect_page", "newslint_pack_sections"]
