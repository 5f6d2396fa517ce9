"""Names: people and organisations spelled two ways, contradicting titles, a roster, ``newslint names``.

A leader's name or title printed wrong is the error a newsroom fears most (政治性差错).  The rules:

- ``name-variant``: two spellings of what is probably one person — the same length, one character
  apart, the two characters alike in sound (治/志) or shape (官/宫) by the character data of
  :mod:`newslint.analyses.charsim`.  Different people who share a surname and a given-name character
  are kept apart: two names of one attendance list are two people; names whose differing characters
  are not alike are never compared; a weak shape likeness (a shared component) counts only when the
  two spellings carry the same specific title; two different specific titles speak for two people.
- ``name-org-variant``: an organisation written two ways — a character added or dropped
  (重装/重装备) or a look-/sound-alike character, with or without its place prefix.  A difference in
  the place prefix alone (full name, then short name) is ordinary usage and reported as info.
- ``name-title-conflict``: the same person with a rank and its deputy (书记/副书记, 主任/副主任) of
  the same body; within a page a warning, across pages info (titles change: the page dates are given).
- ``name-roster``: with a roster (config ``roster = ["people.toml"]``), a known wrong spelling or a
  look-/sound-alike of a roster name is an error with the fix.

One module per rule (variant.py, org_variant.py, title_conflict.py, roster.py); ``newslint names`` is
command.py.  Mentions come from the shared ``mentions`` analysis; pages hand them to the corpus phase through
``newslint_collect_page`` and every comparison is made there, within a page and across the run, by
keys (the name with one position masked, the core with one character deleted) — never all pairs.  The
run's register of spellings is built once for the three corpus rules (``common.register_of``).
"""
from __future__ import annotations

from ... import hookimpl
from .command import cmd_names, newslint_add_commands, register_rows, register_toml
from .common import (
    COLLECT_KEY,
    M,
    Pair,
    Spelling,
    _compact,
    _judge_orgs,
    _page_date,
    build_register,
    corpus_register,
    load_roster,
    org_pairs,
    org_parts,
    person_pairs,
    place_words,
    rank_of,
    title_items,
)
from .org_variant import RULE as ORG_VARIANT
from .org_variant import org_variant
from .roster import RULE as ROSTER
from .roster import roster
from .title_conflict import RULE as TITLE_CONFLICT
from .title_conflict import title_conflict
from .variant import RULE as VARIANT
from .variant import name_variant

RULES = (VARIANT, ORG_VARIANT, TITLE_CONFLICT, ROSTER)


@hookimpl
def newslint_collect_page(page, ctx):
    if not ctx.any_enabled(*(r.id for r in RULES)):
        return None
    ms = [_compact(m, page) for m in page.analysis("mentions").items]
    places = sorted(place_words(page.text))
    return {COLLECT_KEY: {"mentions": ms, "places": places, "date": _page_date(page)}}


__all__ = ["COLLECT_KEY", "M", "ORG_VARIANT", "Pair", "ROSTER", "RULES", "Spelling", "TITLE_CONFLICT", "VARIANT",
           "_judge_orgs", "build_register", "cmd_names", "corpus_register", "load_roster", "name_variant",
           "newslint_add_commands", "newslint_collect_page", "org_pairs", "org_parts", "org_variant",
           "person_pairs", "place_words", "rank_of", "register_rows", "register_toml", "roster", "title_conflict",
           "title_items"]
