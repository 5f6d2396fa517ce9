"""What the attribution rules share: the statements a page collects (``Said``), the near-duplicate
search over the whole run (a run-wide analysis computed once, ``statement_pairs``) and the helpers that
compare two statements and describe where they were said.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Dict, List, Optional, Tuple

import regex

from ...analyses import issues
from ...finding import Location

SPEAKER_ID = "attribution-speaker-conflict"
OCCASION_ID = "attribution-occasion-conflict"
KEY = "attribution.speeches"

_SENTENCE_END_RE = regex.compile(r"[。！？!?]+[”’」』）)]*|\n")
_NORM_RE = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
_SHINGLE = 8
_SAMPLE = 4  # keep shingles whose hash is 0 mod _SAMPLE
_MAX_POSTINGS = 40  # a shingle in more statements than this is a formula, not evidence


def normalise(text: str) -> str:
    return _NORM_RE.sub("", text)


@dataclass
class Said:
    """A speech span as collected for the corpus phase (picklable, no page needed)."""

    path: str
    page_index: int
    archive: bool
    speaker: str
    speaker_text: str
    speaker_kind: str
    verb: str
    quote: bool
    norm: str
    first_words: str
    location: Location  # from the speaker to the end of the content
    article: int
    occasion: str  # label: 2月3日《示范区召开工程招标投标工作会议》
    title: str
    month_day: Optional[Tuple[int, int]]
    year: Optional[int]
    page_date: str
    topic: str  # headline + lead sentence: what the article is about
    recalled: str
    own: bool

    def date_key(self) -> Optional[Tuple[int, int, int]]:
        if self.month_day:
            year = self.year or (int(self.page_date[:4]) if self.page_date else 0)
            return (year, *self.month_day)
        return None


# ---- per page --------------------------------------------------------------------------------------
def collect(page, min_chars: int, quote_min_chars: Optional[int] = None) -> List[Said]:
    an = page.analysis("speech")
    out: List[Said] = []
    for s in an.speeches:
        norm = normalise(s.content)
        if len(norm) < (quote_min_chars if s.quote and quote_min_chars is not None else min_chars):
            continue
        occ = an.occasion(s)
        # the finding marks the speaker and the first sentence of what is said (not a page of text)
        m = _SENTENCE_END_RE.search(page.text, s.content_start, s.content_end)
        end = m.end() if m else s.content_end
        out.append(Said(
            path=page.path, page_index=page.index, archive=page.archive, speaker=s.speaker,
            speaker_text=s.speaker_text, speaker_kind=s.speaker_kind, verb=s.verb, quote=s.quote, norm=norm,
            first_words=s.first_words, location=page.location(s.start, end), article=s.article,
            occasion=occ.label(), title=occ.title, month_day=occ.month_day, year=occ.year,
            page_date=occ.page_date, topic=occ.title + occ.lead, recalled=s.recalled, own=s.own_occasion))
    return out


# ---- corpus phase ----------------------------------------------------------------------------------
def _window_hashes(c):
    """The mixed rolling hash of every ``_SHINGLE``-character window of the code points ``c`` (uint64)."""
    import numpy as np

    n = len(c) - _SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(_SHINGLE):
            h = h * np.uint64(1000003) + c[j:j + n]
        h ^= h >> np.uint64(31)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(29)
    return h


def _sampled_shingles(t: str) -> List[int]:  # (one statement: what _sampled_shingles_all is tested against)
    """Hashes of the distinct 8-character shingles of ``t`` that fall in the 1-in-``_SAMPLE`` sample: a
    polynomial rolling hash, mixed, computed for all windows at once with numpy — the same sample in every
    process (Python's own str hash is salted per process)."""
    import numpy as np

    if len(t) < _SHINGLE:
        return []
    c = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = _window_hashes(c)
    return sorted(set(h[h % np.uint64(_SAMPLE) == 0].tolist()))  # (np.unique would import numpy.ma)


_BATCH_CHARS = 50_000  # statements hashed together (bounds the arrays of one pass)


def _sampled_shingles_all(texts: List[str]) -> List[List[int]]:
    """:func:`_sampled_shingles` of each of ``texts``, hashed in passes over many joined together (a window
    that runs from one into the next left out): a run's thousands of statements in a few numpy passes."""
    import numpy as np

    out: List[List[int]] = [[] for _ in texts]
    todo = [i for i, t in enumerate(texts) if len(t) >= _SHINGLE]
    k = 0
    while k < len(todo):
        batch, size = [], 0
        while k < len(todo) and (not batch or size + len(texts[todo[k]]) <= _BATCH_CHARS):
            batch.append(todo[k])
            size += len(texts[todo[k]])
            k += 1
        c = np.frombuffer("".join(texts[i] for i in batch).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        h = _window_hashes(c)
        n = len(h)
        owner = np.repeat(np.arange(len(batch)), [len(texts[i]) for i in batch])
        keep = np.nonzero((owner[:n] == owner[_SHINGLE - 1:]) & (h % np.uint64(_SAMPLE) == 0))[0]
        sampled: Dict[int, set] = {}
        for o, v in zip(owner[keep].tolist(), h[keep].tolist()):
            sampled.setdefault(o, set()).add(v)
        for o, vs in sampled.items():
            out[batch[o]] = sorted(vs)
    return out


def candidate_pairs(items: List[Said]) -> List[Tuple[int, int]]:
    """Pairs of statements sharing enough sampled shingles (an inverted index, no all-pairs)."""
    index: Dict[int, List[int]] = {}
    samples: List[int] = []
    for i, seen in enumerate(_sampled_shingles_all([it.norm for it in items])):
        for sh in seen:
            index.setdefault(sh, []).append(i)
        samples.append(len(seen))
    shared: Counter = Counter()
    for posting in index.values():
        if 2 <= len(posting) <= _MAX_POSTINGS:
            shared.update(combinations(posting, 2))  # (i, j), i < j: each posting lists its items in order
    out = []
    for (a, b), n in shared.items():
        need = max(2, int(0.3 * min(samples[a], samples[b])))
        if n >= need:
            out.append((a, b))
    return sorted(out)


def similar(a: str, b: str, threshold: float) -> bool:
    from rapidfuzz.distance import LCSseq

    short = min(len(a), len(b))
    if short == 0:
        return False
    return LCSseq.similarity(a, b, score_cutoff=int(threshold * short)) >= threshold * short


def same_person(a: str, b: str) -> bool:
    """吕沛 = 吕沛; 习 (习主席) = 习近平; 穆罕默德·穆伊兹 = 穆伊兹."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if "·" in a or "·" in b:
        return a.split("·")[-1] == b.split("·")[-1]
    return False


def different_occasion(a: Said, b: Said) -> bool:
    from rapidfuzz import fuzz

    if a.path == b.path and a.article == b.article:
        return False
    ka, kb = a.date_key(), b.date_key()
    if ka and kb and ka != kb:
        return True
    if a.title and b.title and fuzz.ratio(normalise(a.title), normalise(b.title)) >= 80:
        return False  # the same story printed twice (a duplicate, not an attribution question)
    return True


def _bigrams(t: str) -> set:
    return {t[i:i + 2] for i in range(len(t) - 1)}


def topic_fit(s: Said) -> float:
    """How well the statement fits its article: share of the headline's and lead's character bigrams
    found in the statement."""
    topic = _bigrams(normalise(s.topic))
    if not topic:
        return 0.0
    return len(topic & _bigrams(s.norm)) / len(topic)


def describe(s: Said) -> str:
    return f"{s.speaker_text}{s.verb}（{s.occasion}）"


@dataclass
class Pairs:
    """The run's statements, their near-duplicate pairs and, per pair group and speaker, the occasions
    it was said at (a standing formula when there are many)."""

    pages: Dict[str, object]
    items: List[Said]
    pairs: List[Tuple[int, int]]
    occasions: Dict[Tuple[int, int], set]  # pair -> occasions of its first statement's speaker


def statement_pairs(corpus, ctx) -> Pairs:
    """The near-duplicate statement pairs of the run, computed once for both rules."""
    return corpus.cached("attribution.pairs", lambda: _pairs(corpus, ctx))


def _pairs(corpus, ctx) -> Pairs:
    items: List[Said] = []
    pages = {}
    for page in corpus.pages:
        got = corpus.collected(page, KEY) or []
        items.extend(got)
        pages[page.path] = page
    if len(items) < 2:
        return Pairs(pages, items, [], {})
    threshold = min(ctx.options(SPEAKER_ID)["similarity"], ctx.options(OCCASION_ID)["similarity"], 0.8)
    pairs = [(a, b) for a, b in candidate_pairs(items) if similar(items[a].norm, items[b].norm, threshold)]

    # how many distinct occasions each speaker says each statement at (a standing formula otherwise)
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    occasions_of: Dict[Tuple[int, str], set] = {}
    for i, it in enumerate(items):
        occasions_of.setdefault((find(i), it.speaker), set()).add((it.path, it.article))
    kept = []
    for a, b in pairs:
        x, y = items[a], items[b]
        if x.archive and y.archive:
            continue
        if x.path == y.path and x.location.start < y.location.end and y.location.start < x.location.end:
            continue  # two readings of one passage (several leaders quoted in a row): no second speaker
        kept.append((a, b))
    return Pairs(pages, items, kept, {(a, b): occasions_of[(find(a), items[a].speaker)] for a, b in kept})


def kind_of_pair(x: Said, y: Said) -> Optional[str]:
    """Which question a pair raises: ``speaker`` (two people), ``group`` (a group and another subject),
    ``role`` (a role and a named person), ``occasion`` (one person at two occasions), or None."""
    kinds = {x.speaker_kind, y.speaker_kind}
    if kinds == {"person"} and not same_person(x.speaker, y.speaker):
        return "speaker"
    if "group" in kinds and kinds <= {"group", "person"} and x.speaker != y.speaker:
        return "group"  # 代表们 here, 专家组成员 (or a person) there
    if kinds == {"role", "person"}:
        return "role"
    if kinds != {"person"}:
        return None  # meetings restate the documents of other meetings; roles are too vague to compare
    return "occasion"


def report(rc, corpus, pages, rep: Said, other: Said, message: str, related: Location, key: str,
           severity: Optional[str] = None) -> None:
    """Report on ``rep``; a pair on pages of two dates is archive context, worth a note at most."""
    f = rc.report(rep.location.start, rep.location.end, message, page=pages[rep.path], related=[related],
                  key=key, severity=severity)
    if f is not None and not issues.same_issue(corpus, pages[rep.path], pages[other.path],
                                               rep.location.start, other.location.start) \
            and f.severity != "info":
        f.severity = "info"
        f.message += "（另一处见于其他日期的版面）"


def report_on(x: Said, y: Said) -> Tuple[Said, Said]:
    """Which of the two to report on: a run page before an archive page; else the statement that fits
    its own article worse; else the later one."""
    if x.archive != y.archive:
        return (y, x) if x.archive else (x, y)
    fx, fy = topic_fit(x), topic_fit(y)
    if abs(fx - fy) >= 0.05:
        return (x, y) if fx < fy else (y, x)
    return (y, x) if (x.page_index, x.location.start) < (y.page_index, y.location.start) else (x, y)


def same_statement(x: Said, y: Said, opts) -> bool:
    """Both are the whole of one statement: long enough, of like length, and nearly the same words.
    An excerpt of a longer speech (a summary or reaction piece quoting a leader) and a short formula
    echoed by several officials are left alone."""
    a, b = len(x.norm), len(y.norm)
    floor = opts["quote_min_chars"] if x.quote and y.quote and "quote_min_chars" in opts else opts["min_chars"]
    if min(a, b) < floor or min(a, b) < opts["length_ratio"] * max(a, b):
        return False
    return similar(x.norm, y.norm, opts["similarity"])


def related_to(s: Said, message: str) -> Location:
    loc = s.location
    return Location(path=loc.path, line=loc.line, column=loc.column, end_line=loc.end_line,
                    end_column=loc.end_column, start=loc.start, end=loc.end, message=message)


