"""Attribution: one statement given to two speakers, or to one speaker at two occasions.

The per-page phase collects every speech span of the ``"speech"`` analysis (who, verb, what, where)
whose content is long enough to be a statement rather than a slogan; the corpus phase compares them
across the whole run (archive pages included as context).

Near-duplicates are found without comparing all pairs: the normalised content (Han characters, letters
and digits) is cut into 8-character shingles, a content-defined quarter of them is kept (the same
shingles are kept wherever the same text occurs), and an inverted index from shingle to statements gives
the candidate pairs; shingles shared by many statements (formulae such as “两个维护”) are dropped from
the index.  Each candidate pair is verified with rapidfuzz's bit-parallel LCS: the longest common
subsequence must cover ``similarity`` of the shorter statement.  That search is done once per run for
both rules (``common.statement_pairs``); ``newslint quotes`` lives in quotes.py.

Rules, one module each
* ``attribution-speaker-conflict`` (speaker_conflict.py) — the same words are given to two different people (``min_chars``
  normalised characters of reported speech, ``quote_min_chars`` when both are direct quotations: a
  quotation is verbatim by nature, so a shorter one already identifies its speaker).
* ``attribution-occasion-conflict`` (occasion_conflict.py) — the same person (or meeting) says the same words at two different
  occasions (different articles, or different dateline dates).

No alarm for legitimately shared language: short statements and formulae, words said by the same
speaker at three or more occasions of the run (a standing formula), a statement whose frame names another
occasion or recalls it (吕沛在…推进汇报会上要求… in a commentary; 此前、曾), and a statement quoted in an
article that is not the speaker's own event (a summary or reaction piece quoting a leader).
"""
from __future__ import annotations

from ... import hookimpl
from .common import KEY, Said, collect, normalise
from .occasion_conflict import RULE as OCCASION
from .occasion_conflict import occasion_conflict
from .quotes import cmd_quotes, newslint_add_commands, quote_records
from .speaker_conflict import RULE as SPEAKER
from .speaker_conflict import speaker_conflict

RULES = (SPEAKER, OCCASION)


@hookimpl
def newslint_collect_page(page, ctx):
    """Every statement long enough for either rule, whichever of them is selected (so one rule alone
    sees the same statements, and the same standing formulae, as a full run)."""
    if not ctx.any_enabled(SPEAKER.id, OCCASION.id):
        return None
    min_chars = min(ctx.options(r.id)["min_chars"] for r in RULES)
    return {KEY: collect(page, min_chars, ctx.options(SPEAKER.id)["quote_min_chars"])}


@hookimpl
def newslint_pack_sections():
    """rules/attribution.toml: headline words of pieces that echo another event's words."""
    return {"reaction_piece": {"words": list, "note": str, "source": str}}


__all__ = ["KEY", "OCCASION", "RULES", "SPEAKER", "Said", "cmd_quotes", "collect", "newslint_add_commands",
           "newslint_collect_page", "newslint_pack_sections", "normalise", "occasion_conflict", "quote_records",
           "speaker_conflict"]
