"""Data packs: one loader and a schema for every ``[[section]]`` of every pack.

A pack is TOML made of arrays of tables (``[[phrase]]``, ``[[congress]]``…) plus an optional ``[pack]``
table of metadata.  Each section is declared by the plugin that reads it, through the hook
``newslint_pack_sections`` returning ``{section: {field: type or (types…)}}``; a section or a field no
plugin declares is a :class:`ConfigError` naming the file and line (a misspelt ``[[phrse]]`` would
otherwise be silently ignored), and so is a value of the wrong type.  ``object`` accepts any value.

Built-in packs are ``rules/*.toml`` (``newslint/packs`` in the wheel); config ``packs = [...]`` adds
user packs, whose entries extend the same sections — for every list, surnames included.  User packs are
checked when a run starts; the built-in ones by the test suite (``tests/test_packs.py``), so that a new
section shipped without its declaration fails that test, not every run.
"""
from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from .config import ConfigError
from .hookspecs import hookimpl

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Schema = Mapping[str, Mapping[str, Any]]
DATE = (_dt.date, str)  # a TOML date, or a "YYYY-MM-DD" string the rule parses itself

# The sections of the built-in packs and of rosters, by the rules that read them.
BUILTIN_SECTIONS: Dict[str, Dict[str, Any]] = {
    # chronology.toml (anachronism-*)
    "congress": {"n": int, "start": DATE, "end": DATE, "due": int, "source": str, "note": str},
    "cc_term": {"term": int, "plenums": int, "source": str, "note": str},
    "plenum": {"term": int, "n": int, "start": DATE, "end": DATE, "source": str, "note": str},
    "assembly_term": {"body": str, "term": int, "year": int, "source": str, "note": str},
    "session": {"body": str, "term": int, "n": int, "start": DATE, "end": DATE, "source": str, "note": str},
    "plan": {"n": int, "start": int, "end": int, "source": str, "note": str},
    "founding": {"what": str, "date": DATE, "names": list, "source": str, "note": str},
    "term": {"term": str, "since": DATE, "source": str, "note": str},
    "anniversary_context": {"kind": str, "words": list, "note": str, "source": str},
    # wording.toml (wording-*)
    "phrase": {"wrong": str, "right": str, "reason": str, "source": str, "not_before": str, "not_after": str,
               "since": int, "note": str},
    "reduplication": {"words": list, "note": str, "source": str},
    "reduplication_shape": {"kind": str, "chars": str, "words": list, "note": str, "source": str},
    # surnames.toml (the mentions analysis, wording-repeated-word)
    "surnames": {"single": str, "compound": list, "common": str, "common_compound": list, "source": str,
                 "note": str},
    # organisations.toml (the mentions analysis, name-org-variant)
    "org_suffix": {"words": list, "note": str, "source": str},
    # titles.toml (the mentions and speech analyses: kind says which reads a word)
    "title": {"kind": str, "words": list, "note": str, "source": str},
    # speech.toml (the speech analysis)
    "speech_verb": {"words": list, "object": bool, "note": str, "source": str},
    "post_title": {"words": list, "note": str, "source": str},
    "weak_title": {"words": list, "note": str, "source": str},
    "not_name": {"words": list, "note": str, "source": str},
    "meeting_speaker": {"words": list, "note": str, "source": str},
    "role_speaker": {"words": list, "note": str, "source": str},
    "group_speaker": {"kind": str, "words": list, "note": str, "source": str},
    # rosters (config roster = [...], name-roster; rules/roster.example.toml)
    # (count, pages, first, last, others: written by `newslint names --format toml`, a register from an archive)
    "person": {"name": str, "titles": list, "wrong": list, "valid_from": DATE, "valid_to": DATE, "note": str,
               "count": int, "pages": int, "first": DATE, "last": DATE, "others": list},
    "org": {"name": str, "wrong": list, "note": str, "count": int, "pages": int, "first": DATE, "last": DATE,
            "others": list},
}


@hookimpl
def newslint_pack_sections():
    return BUILTIN_SECTIONS


def pack_dir() -> Path:
    """Where the built-in data packs are: inside the installed package, or ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "packs"
    if installed.is_dir():
        return installed
    return here.parent.parent / "rules"


def builtin_packs() -> List[Path]:
    return sorted(pack_dir().glob("*.toml"))


@dataclass
class PackEntry:
    """One entry of a data pack: a table of an array ``[[section]]``, with where it came from."""

    section: str
    data: Dict[str, Any]
    source: str
    line: Optional[int]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            raise self.error(key, "missing") from None

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def error(self, key: str, message: str) -> ConfigError:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return ConfigError(f"{where}: [[{self.section}]] {key}: {message}")

    @property
    def where(self) -> str:
        """``file:line`` of the entry, the file by its name only (for messages that cite a source)."""
        name = Path(self.source).name
        return f"{name}:{self.line}" if self.line else name

    def as_date(self, value: Any, what: str) -> _dt.date:
        """``value`` (a TOML date or datetime, or a "YYYY-MM-DD" string) as a date; else an error naming
        ``what``, the file and the line."""
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(what, f"must be a date YYYY-MM-DD, not {value!r}")


def load_pack(path: Path, schema: Optional[Schema] = None) -> Dict[str, List[PackEntry]]:
    """The entries of one pack by section; with ``schema``, unknown sections and fields and values of
    the wrong type are errors naming the file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read data pack ({getattr(e, 'strerror', None) or e})") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML in data pack: {e}") from None
    lines_of_text = text.splitlines()
    out: Dict[str, List[PackEntry]] = {}
    for sec, value in doc.items():
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            if sec == "pack" and isinstance(value, dict):
                continue  # [pack] holds metadata (name, description, sources)
            raise ConfigError(f"{path}: {sec}: a data pack holds arrays of tables ([[{sec}]])")
        lines = _array_table_lines(lines_of_text, sec)
        entries = [PackEntry(sec, d, str(path), lines[i] if i < len(lines) else None) for i, d in enumerate(value)]
        if schema is not None:
            _validate(sec, entries, schema, lines_of_text, str(path))
        out[sec] = entries
    return out


def _validate(sec: str, entries: List[PackEntry], schema: Schema, text_lines: List[str], path: str) -> None:
    fields = schema.get(sec)
    if fields is None:
        line = entries[0].line if entries else None
        where = f"{path}:{line}" if line else path
        close = [s for s in sorted(schema) if _near(s, sec)]
        hint = f" (did you mean [[{close[0]}]]?)" if close else f" (known: {', '.join(sorted(schema))})"
        raise ConfigError(f"{where}: unknown data pack section [[{sec}]]{hint}")
    for e in entries:
        for key, v in e.data.items():
            if key not in fields:
                line = _field_line(text_lines, e.line, key) or e.line
                where = f"{path}:{line}" if line else path
                raise ConfigError(f"{where}: [[{sec}]] unknown field {key!r} (fields: {', '.join(fields)})")
            want = fields[key]
            if want is not object and (not isinstance(v, want) or isinstance(v, bool) and want is int):
                names = "/".join(t.__name__ for t in (want if isinstance(want, tuple) else (want,)))
                raise e.error(key, f"must be a {names}, not {v!r}")


def _near(a: str, b: str) -> bool:
    """A likely misspelling: one edit apart, or one contains the other."""
    if a in b or b in a:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= 1


def _array_table_lines(lines: Sequence[str], section: str) -> List[int]:
    header = f"[[{section}]]"
    return [n + 1 for n, line in enumerate(lines) if line.strip().startswith(header)]


def _field_line(lines: Sequence[str], start: Optional[int], key: str) -> Optional[int]:
    if not start:
        return None
    for n in range(start, len(lines)):
        s = lines[n].strip()
        if s.startswith("["):
            return None
        if s.split("=", 1)[0].strip().strip('"') == key:
            return n + 1
    return None


def sections_of(pm) -> Dict[str, Dict[str, Any]]:
    """Every section declared by the registered plugins (fields of one section declared twice merge)."""
    out: Dict[str, Dict[str, Any]] = {}
    for table in pm.hook.newslint_pack_sections():
        for sec, fields in (table or {}).items():
            out.setdefault(sec, {}).update(fields)
    return out


def load_packs(files: Iterable[Path], schema: Optional[Schema]) -> Dict[str, List[PackEntry]]:
    out: Dict[str, List[PackEntry]] = {}
    for f in files:
        for sec, entries in load_pack(f, schema).items():
            out.setdefault(sec, []).extend(entries)
    return out


# ---- the packs of this process, for analyses (which see a page, not the run's context) ----------------
_ACTIVE: Tuple[Tuple[str, ...], Optional[Schema]] = ((), None)


def activate(user_packs: Sequence[Path], schema: Optional[Schema]) -> None:
    """Make ``user_packs`` (config ``packs``) the ones :func:`entries` reads besides the built-in ones:
    called when a run's context is built (in every worker process too)."""
    global _ACTIVE
    _ACTIVE = (tuple(str(p) for p in user_packs), schema)


def entries(section: str) -> Tuple[PackEntry, ...]:
    """The ``[[section]]`` entries of the built-in packs and of the active user packs."""
    return _entries(_ACTIVE[0], section)


def active_key() -> Tuple[str, ...]:
    return _ACTIVE[0]


@lru_cache(maxsize=64)
def _entries(user: Tuple[str, ...], section: str) -> Tuple[PackEntry, ...]:
    builtin = [e for p in builtin_packs() if _declares(p, section) for e in _builtin_pack(str(p)).get(section, [])]
    return tuple(builtin + load_packs([Path(u) for u in user], _ACTIVE[1]).get(section, []))


@lru_cache(maxsize=None)
def _builtin_pack(path: str) -> Dict[str, List[PackEntry]]:
    """A built-in pack, parsed once per process (the analyses ask for one section at a time)."""
    return load_pack(Path(path), None)


def _declares(path: Path, section: str) -> bool:
    """Does the pack hold ``[[section]]`` tables (a cheap test before parsing it)?"""
    return section in _declared(str(path))


_TABLE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([\w.-]+)[ \t]*\]\]", re.M)


@lru_cache(maxsize=None)
def _declared(path: str) -> frozenset:
    return frozenset(_TABLE_HEADER.findall(_sections_in(path)))


@lru_cache(maxsize=None)
def _sections_in(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:  # pragma: no cover
        return ""
