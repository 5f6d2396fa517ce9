"""The word lists of the analyses, read from the data packs through the one schema-checked loader:
``rules/titles.toml`` (titles before a name, one list with a *kind* per entry) and ``rules/speech.toml``
(verbs of saying, titles after a name, speaker words).  User packs (config ``packs``) extend every list.

Each analysis takes the title kinds it reads (:data:`MENTION_KINDS`, :data:`SPEECH_KINDS`); the lists are
built once per set of active packs.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional, Tuple

from .. import packs

TITLE_KINDS = ("title", "rank", "compound", "address", "people", "verb-too")
MENTION_KINDS = ("title", "rank")  # the mentions analysis: 职务+姓名, ranks and their deputies
SPEECH_KINDS = ("title", "compound", "address", "people", "verb-too")  # the speech analysis: who spoke


def _words_of(entry) -> Tuple[str, ...]:
    words = entry.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise entry.error("words", "must be a list of non-empty strings")
    return tuple(words)


def titles(kinds: Iterable[str]) -> Tuple[str, ...]:
    """The ``[[title]]`` words of ``kinds``, longest first."""
    return _titles(packs.active_key(), tuple(kinds))


@lru_cache(maxsize=16)
def _titles(_packs_key, kinds: Tuple[str, ...]) -> Tuple[str, ...]:
    out = set()
    for e in packs.entries("title"):
        kind = e.get("kind")
        if kind not in TITLE_KINDS:
            raise e.error("kind", f"must be one of {', '.join(TITLE_KINDS)}, not {kind!r}")
        if kind in kinds:
            out.update(_words_of(e))
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def words(section: str, field: Optional[str] = None, value: object = None) -> Tuple[str, ...]:
    """The words of every ``[[section]]`` entry (with ``field``, of the entries whose ``field`` equals
    ``value``; a missing field counts as None, or False for a flag), longest first."""
    return _words(packs.active_key(), section, field, value)


@lru_cache(maxsize=64)
def _words(_packs_key, section: str, field: Optional[str], value: object) -> Tuple[str, ...]:
    out = set()
    for e in packs.entries(section):
        if field is not None:
            got = e.get(field, False if isinstance(value, bool) else None)
            if got != value:
                continue
        out.update(_words_of(e))
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def alternation(ws: Iterable[str]) -> str:
    """A regex alternation of ``ws``, longest first (escaped)."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(ws), key=lambda w: (-len(w), w)))
