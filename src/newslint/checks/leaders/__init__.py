"""National leaders at the page's date, from the dated roster pack ``rules/leaders.toml``.

* ``name-leader-misspelt``: a 2–3 character span one look- or sound-alike character away from a leader's
  name (pypinyin readings, shape data, component containment), standing where a name stands — an element
  of a 、 list beside another leader (出席会议的还有李干木、何立峰、张国清等), right after a leader's title that
  leader held (国务院副总理丁薛样), or at the head of a clause before a speech verb when the leader is named
  on the page (何立锋指出) — and not itself a leader, not a common word, not a person the page names with
  a title of his own.
* ``name-leader-title``: a leader's title printed before (国务院总理李克强) or after (李克强总理) the name
  that the person did not hold in the week up to the page's date (the whole year for a date estimated
  from the text).  A past title is not judged: 原/前/时任/曾任 touching it, 时任/曾任/当时 earlier in its
  clause, a term (十三届), another year before it in the sentence or an earlier one right after the name,
  words of mourning or memory in the sentence.
* ``name-leader-order``: three or more members of the Politburo Standing Committee listed one after
  another (、) out of the official order of the page's date; one finding per list, with that order.

The page date is the shared "dates" analysis (``analyses/dates.py``); pages without a date or dated
before the roster's coverage (the 18th Congress, 2012-11-15) are not judged, nor — after the pack's horizon
— a post the roster never gave the person.  A user pack (config ``packs``) adds or replaces leaders.

One module per rule (``misspelt``, ``title``, ``order``); the roster and helpers they share are in
``common``.
"""
from __future__ import annotations

import datetime as _dt

from ... import hookimpl
from .common import COVERAGE, Roster, _window, build_roster, load_roster
from .misspelt import MISSPELT, _alike, check_misspelt, misspelt
from .order import ORDER, check_order, order
from .title import TITLE, _title_chain, check_titles, title

ALL_RULES = [MISSPELT, TITLE, ORDER]
_IDS = [r.id for r in ALL_RULES]


@hookimpl
def newslint_pack_sections():
    """The sections of ``rules/leaders.toml`` (a user pack may add or replace entries)."""
    date = (_dt.date, str)
    return {
        "leader_pack": {"known_until": date, "source": str, "note": str},
        "leader_post": {"post": str, "label": str, "titles": list, "after": list, "implies": list,
                        "source": str, "note": str},
        "leader": {"name": str, "posts": list, "source": str, "note": str},
    }


@hookimpl
def newslint_configure(ctx):
    if ctx.any_enabled(*_IDS):
        load_roster(ctx)  # pack errors surface before any page is read


__all__ = ["ALL_RULES", "COVERAGE", "MISSPELT", "ORDER", "Roster", "TITLE", "_alike", "_title_chain", "_window",
           "build_roster", "check_misspelt", "check_order", "check_titles", "load_roster", "misspelt", "order",
           "title"]
