"""Findings, locations, fixes and rule metadata: the values that flow from rules to reporters."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

CATEGORIES = (
    "duplicate", "name", "attribution", "anachronism", "structure",
    "enumeration", "wording", "punctuation", "number", "typo",
)
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Location:
    """A span of a page: 1-based line/column (columns in characters) plus the 0-based offsets."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0
    message: str = ""

    def to_dict(self) -> Dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column,
                "message": self.message}


APPLICABILITIES = ("safe", "unsafe")


@dataclass(frozen=True)
class Fix:
    """Replace the page text ``[start, end)`` (offsets in the analysed text) by ``replacement``.

    ``applicability`` is ``"safe"`` for a mechanical fix that cannot change what the page says
    (punctuation width, a doubled mark) and ``"unsafe"`` for a judgement (joining paragraphs, rewriting a
    name or a word); ``--fix`` applies safe fixes only, ``--unsafe-fixes`` both.  A fix is unsafe unless
    its rule says otherwise."""

    start: int
    end: int
    replacement: str
    applicability: str = "unsafe"

    def __post_init__(self):
        if self.applicability not in APPLICABILITIES:
            raise ValueError(f"fix applicability must be one of {APPLICABILITIES}, not {self.applicability!r}")

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"


@dataclass(frozen=True)
class Rule:
    """Metadata of one rule, as shown by ``newslint rules`` and ``newslint rule ID``."""

    id: str
    category: str
    severity: str
    summary: str
    explanation: str
    bad: str = ""
    good: str = ""
    fixable: bool = False
    options: Tuple[Tuple[str, Any], ...] = ()  # default options: (name, value) pairs
    needs: Tuple[str, ...] = ()  # shared analyses the rule uses (documentation and profiling)
    # executable examples: {"text": page text, "fires": bool, "date": "YYYY-MM-DD" or None} — checking
    # ``text`` as a page of that date with only this rule selected finds it exactly when ``fires``; an
    # optional "config" holds settings the rule needs (as in newslint.toml, paths relative to the packs)
    examples: Tuple[Dict[str, Any], ...] = ()
    # a preview rule is not part of ``ALL``: it runs when named (its id or category in select) or with
    # ``--preview`` / ``preview = true`` — new rules that have not yet met the project's bar (ruff's preview)
    preview: bool = False

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: unknown severity {self.severity!r}")
        examples = tuple({"text": e["text"], "fires": e["fires"], "date": e.get("date"),
                          **({"config": dict(e["config"])} if e.get("config") else {})} for e in self.examples)
        for e in examples:
            if not isinstance(e["text"], str) or not isinstance(e["fires"], bool) or not (
                    e["date"] is None or isinstance(e["date"], str)):
                raise ValueError(f"rule {self.id}: an example is {{text: str, fires: bool, date: str|None}}")
        object.__setattr__(self, "examples", examples)

    @property
    def default_options(self) -> Dict[str, Any]:
        return dict(self.options)


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    location: Location
    related: List[Location] = field(default_factory=list)
    suggestion: Optional[str] = None
    fix: Optional[Fix] = None
    key: str = ""  # the normalised text the fingerprint is built from (defaults to the span text)
    fingerprint: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.location.path

    def sort_key(self):
        loc = self.location
        return (loc.path, loc.start, loc.end, self.rule, self.message)

    def to_dict(self) -> Dict[str, Any]:
        loc = self.location
        return {
            "path": loc.path, "line": loc.line, "column": loc.column,
            "end_line": loc.end_line, "end_column": loc.end_column,
            "rule": self.rule, "category": self.category, "severity": self.severity,
            "message": self.message,
            "related": [r.to_dict() for r in self.related],
            "suggestion": self.suggestion,
            "fix": None if self.fix is None else {"applicability": self.fix.applicability,
                                                  "replacement": self.fix.replacement},
            "fingerprint": self.fingerprint,
        }


def fingerprint_key(key: str) -> str:
    """The normalised text a fingerprint hashes: NFKC (so a half-width mark and its full-width fix
    compare equal) with every whitespace character removed (so reflowing a paragraph changes nothing)."""
    return "".join(unicodedata.normalize("NFKC", key).split())


def assign_fingerprints(findings: List[Finding], key_of_path) -> None:
    """Give every finding a fingerprint that survives unrelated edits: a hash of the rule, the file's
    stable key (its name without the directory), the finding's normalised text and its rank among
    identical findings of that file.  Line numbers and offsets never enter it, so inserting or deleting
    lines above, reflowing a paragraph, fixing a neighbouring finding or moving the directory leave it
    unchanged, while two identical defects in one file stay two fingerprints."""
    seen: Dict[Tuple[str, str, str], int] = {}
    for f in sorted(findings, key=Finding.sort_key):
        norm = fingerprint_key(f.key)
        n = seen.get((f.rule, f.location.path, norm), 0)
        seen[(f.rule, f.location.path, norm)] = n + 1
        base = (f.rule, key_of_path(f.location.path), norm)
        f.fingerprint = hashlib.sha1("\x1f".join((*base, str(n))).encode("utf-8")).hexdigest()[:16]
