"""What the duplicate rules share: the matching of the whole run (clause seeds extended into runs, MinHash
LSH for near-duplicate paragraphs), the filters for legitimate repetition and the choice of which copy
to report — one run-wide analysis (``copies``), computed once for both rules.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

import regex

from ...analyses import dup_units, issues
from ...analyses.dates import day_index
from ...config import ConfigError
from ...finding import SEVERITIES

SEED_CHARS = 6  # a clause shorter than this never seeds a match (他说 / 会议指出 / 据了解)
MAX_OCCURRENCES = 40  # a clause seen more often than this in a run is formulaic: never a seed
CLAUSE_SIMILARITY = 80  # rapidfuzz ratio for two clauses to count as the same clause inside a run
LSH_THRESHOLD = 0.5  # Jaccard threshold of MinHash LSH candidates (verified afterwards)
DIRECT_ITEMS = 400  # up to this many paragraphs, sketches are compared pair by pair (no LSH index)
DIRECT_JACCARD = 0.35  # estimated Jaccard for a direct candidate: looser than the LSH's 0.5 band curve

PARAGRAPH_ID = "duplicate-paragraph"
SENTENCE_ID = "duplicate-sentence"
KEY = "duplicate"


def _summary_patterns(ctx):
    if "duplicate.summary" not in ctx.state:
        ctx.state["duplicate.summary"] = dup_units.summary_patterns(
            {s: ctx.pack_entries(s) for s in ("summary_label", "summary_signoff")})
    return ctx.state["duplicate.summary"]


def _min_sketch_chars(ctx) -> int:
    return max(1, min(ctx.options(PARAGRAPH_ID)["min_chars"], ctx.options(SENTENCE_ID)["min_chars"]))


# ---- matching ----------------------------------------------------------------------------------
@dataclass
class Match:
    kind: str  # "paragraph" | "sentence"
    a: int  # position (in run order) of the earlier page
    b: int  # position of the later page
    a_para: int
    b_para: int
    a_span: Tuple[int, int]  # page offsets
    b_span: Tuple[int, int]
    similarity: float  # 0..1
    exact: bool
    weight: int  # counted characters of the copy
    a_norm: str
    b_norm: str


class _UnionFind:
    def __init__(self):
        self.parent: Dict[Tuple[int, int], Tuple[int, int]] = {}

    def find(self, x):
        p = self.parent.setdefault(x, x)
        while p != x:
            gp = self.parent.setdefault(p, p)
            self.parent[x] = gp
            x, p = p, gp
        return x

    def union(self, x, y):
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[rx] = ry


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b)


def _options(ctx):
    po = ctx.options(PARAGRAPH_ID)
    so = ctx.options(SENTENCE_ID)
    for rid, o in ((PARAGRAPH_ID, po), (SENTENCE_ID, so)):
        if o["cross_page_severity"] not in SEVERITIES:
            raise ConfigError(f"rules.{rid}.cross_page_severity: must be one of {', '.join(SEVERITIES)}, "
                              f"not {o['cross_page_severity']!r}")
        if not 0 < float(o["similarity"]) <= 1:
            raise ConfigError(f"rules.{rid}.similarity: must be a number in (0, 1], not {o['similarity']!r}")
    return po, so


def find_matches(data: List[dup_units.DupPage], archive: List[bool], po, so, cross_page: bool,
                 days: Optional[List[List[Tuple[int, str]]]] = None) -> List[Match]:
    """All copy pairs of the pages ``data`` (in run order, archive pages first).  ``days``: for each page
    holding several days, where its days start (offset, date) — each day counts as a page of its own
    towards ``boilerplate_pages``."""
    from rapidfuzz.distance import Indel

    starts = [[at for at, _ in d] for d in days] if days else None

    def unit(pos: int, offset: int):
        if not starts or not starts[pos]:
            return pos
        k = day_index(starts[pos], offset)
        return pos, days[pos][k][1] if k >= 0 else ""

    sim = Indel.normalized_similarity
    boiler_pages = min(po["boilerplate_pages"], so["boilerplate_pages"])
    min_para = po["min_chars"]
    min_sent = so["min_chars"]
    min_same_para = so["same_paragraph_chars"]

    # 1. clause index: normalised clause -> occurrences (page position, clause index)
    occ: Dict[str, List[Tuple[int, int]]] = defaultdict(list)
    for pos, d in enumerate(data):
        for ci, c in enumerate(d.clauses):
            if c.weight and len(c.norm) >= SEED_CHARS:
                occ[c.norm].append((pos, ci))
    boiler = set()
    seeds = []
    for norm, lst in occ.items():
        if len(lst) < 2:
            continue
        pages = {unit(p, data[p].clauses[ci].start) for p, ci in lst}
        if boiler_pages and len(pages) >= boiler_pages:
            boiler.add(norm)
        elif len(lst) <= MAX_OCCURRENCES:
            seeds.append(lst)

    def cmatch(ca, cb) -> bool:
        if ca.norm == cb.norm:
            return True
        if min(len(ca.norm), len(cb.norm)) < 4:
            return False
        return sim(ca.norm, cb.norm) * 100 >= CLAUSE_SIMILARITY

    matches: List[Match] = []
    visited = set()
    for lst in seeds:
        for x in range(len(lst)):
            pa, ia = lst[x]
            for y in range(x + 1, len(lst)):
                pb, ib = lst[y]
                if archive[pb] or (pa != pb and not cross_page) or (pa, ia, pb, ib) in visited:
                    continue
                A, B = data[pa], data[pb]
                para_a = A.paragraphs[A.clause_para[ia]]
                para_b = B.paragraphs[B.clause_para[ib]]
                same = pa == pb
                a0, b0 = ia, ib
                while (a0 > para_a.first and b0 > para_b.first and (not same or b0 - 1 > ia)
                       and cmatch(A.clauses[a0 - 1], B.clauses[b0 - 1])):
                    a0 -= 1
                    b0 -= 1
                a1, b1 = ia, ib
                while (a1 + 1 < para_a.last and b1 + 1 < para_b.last and (not same or a1 + 1 < b0)
                       and cmatch(A.clauses[a1 + 1], B.clauses[b1 + 1])):
                    a1 += 1
                    b1 += 1
                pweight = sweight = 0
                for k in range(a1 - a0 + 1):
                    ca, cb = A.clauses[a0 + k], B.clauses[b0 + k]
                    exact = ca.norm == cb.norm
                    if exact:
                        visited.add((pa, a0 + k, pb, b0 + k))
                    if ca.norm in boiler:
                        continue
                    pweight += min(ca.weight, cb.weight)
                    if exact or _slip(ca.norm, cb.norm):
                        # near-equal clauses join a run; identical ones, or ones one slip apart
                        # (a character or two replaced), make its length
                        sweight += cb.sweight
                whole = (a0 == para_a.first and a1 + 1 == para_a.last
                         and b0 == para_b.first and b1 + 1 == para_b.last)
                if whole and pweight >= min_para:
                    kind, weight = "paragraph", pweight
                elif sweight >= min_sent or (sweight >= min_same_para and same
                                             and _whole_sentences_repeated(A, para_a, a0, a1, b0)):
                    kind, weight = "sentence", sweight
                else:
                    continue
                na = "".join(c.norm for c in A.clauses[a0:a1 + 1])
                nb = "".join(c.norm for c in B.clauses[b0:b1 + 1])
                s = 1.0 if na == nb else sim(na, nb)
                if s < (po if kind == "paragraph" else so)["similarity"]:
                    continue
                matches.append(Match(kind, pa, pb, A.clause_para[ia], B.clause_para[ib],
                                     (A.clauses[a0].start, A.clauses[a1].end),
                                     (B.clauses[b0].start, B.clauses[b1].end), s, na == nb, weight, na, nb))

    # 2. near-duplicate paragraphs: MinHash LSH candidates, verified with rapidfuzz
    found = {(m.a, m.a_para, m.b, m.b_para) for m in matches if m.kind == "paragraph"}
    matches.extend(_lsh_matches(data, archive, found, min_para, po["similarity"], cross_page))

    # 3. boilerplate: copies connected across boilerplate_pages pages or more
    if boiler_pages:
        uf = _UnionFind()
        for m in matches:
            uf.union((m.a, m.a_para), (m.b, m.b_para))
        pages_of: Dict[Tuple[int, int], set] = defaultdict(set)
        for m in matches:
            root = uf.find((m.a, m.a_para))
            pages_of[root].update((unit(m.a, m.a_span[0]), unit(m.b, m.b_span[0])))
        matches = [m for m in matches if len(pages_of[uf.find((m.a, m.a_para))]) < boiler_pages]
    return matches


def _slip(a: str, b: str) -> bool:
    """Two clauses of one length that differ in one or two characters: a typing slip, not a rewrite."""
    return len(a) == len(b) >= 8 and sum(x != y for x, y in zip(a, b)) <= 2


def _whole_sentences_repeated(page, para, a0: int, a1: int, b0: int) -> bool:
    """Clauses a0..a1 recur word for word at b0.. in the same paragraph, and both copies are whole
    sentences (each starts a sentence and ends one)."""
    n = a1 - a0 + 1
    if not (para.first <= b0 and b0 + n <= para.last):
        return False
    cl = page.clauses
    for start in (a0, b0):
        if start > para.first and not cl[start - 1].stop:
            return False
        if not cl[start + n - 1].stop:
            return False
    return all(cl[a0 + k].norm == cl[b0 + k].norm for k in range(n))


def _candidate_pairs(items) -> set:
    """Pairs of paragraph keys whose MinHash sketches may be near duplicates.

    Up to ``DIRECT_ITEMS`` paragraphs (a page or a few) every pair's estimated Jaccard similarity is
    computed at once with numpy — exact.  Larger runs use the banding of MinHash LSH
    (:func:`_banded_pairs`), so a year of pages costs no quadratic comparison."""
    if len(items) <= DIRECT_ITEMS:
        import numpy as np

        sk = np.stack([p.sketch for _, _, p in items])
        # as the LSH index drops a bucket of more than MAX_OCCURRENCES keys (text repeated everywhere), a
        # paragraph with that many near-identical copies is left out here too: the result must not change
        # when a run grows past DIRECT_ITEMS paragraphs
        crowded = [int(((sk == sk[x]).mean(axis=1) >= 0.9).sum()) > MAX_OCCURRENCES for x in range(len(items))]
        pairs = set()
        for x in range(len(items) - 1):
            if crowded[x]:
                continue
            est = (sk[x + 1:] == sk[x]).mean(axis=1)
            for y in np.nonzero(est >= DIRECT_JACCARD)[0]:
                if not crowded[x + 1 + y]:
                    pairs.add(((items[x][0], items[x][1]), (items[x + 1 + y][0], items[x + 1 + y][1])))
        return pairs
    return _banded_pairs(items)


# The banding of MinHash LSH: sketches that agree on all ROWS values of any of BANDS bands are candidates.
# 14 bands of 4 rows is what datasketch's MinHashLSH(threshold=0.5, num_perm=64) chooses (false positives
# and negatives weighed equally); tests/test_duplicate.py checks the candidates equal its index's.  Done
# here with numpy because importing datasketch pulls in scipy (0.4-0.7 s a run) for that one choice.
BANDS, ROWS = 14, 4


def _banded_pairs(items) -> set:
    """Pairs of paragraph keys sharing a band of their sketches, buckets of more than ``MAX_OCCURRENCES``
    keys (text repeated everywhere: boilerplate) left out."""
    import numpy as np

    sk = np.ascontiguousarray(np.stack([p.sketch for _, _, p in items]).astype(np.uint32))
    keys = [(pos, pi) for pos, pi, _ in items]
    pairs = set()
    for band in range(BANDS):
        block = np.ascontiguousarray(sk[:, band * ROWS:(band + 1) * ROWS])
        rows = block.view(np.dtype((np.void, block.dtype.itemsize * ROWS))).ravel()
        _, bucket, counts = np.unique(rows, return_inverse=True, return_counts=True)
        shared = np.nonzero((counts >= 2) & (counts <= MAX_OCCURRENCES))[0]
        if not len(shared):
            continue
        members = np.nonzero(np.isin(bucket, shared))[0]
        groups: Dict[int, List[Tuple[int, int]]] = {}
        for i in members.tolist():
            groups.setdefault(int(bucket[i]), []).append(keys[i])
        for group in groups.values():
            group.sort()
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    pairs.add((group[x], group[y]))
    return pairs


def _lsh_matches(data, archive, found, min_chars: int, threshold: float, cross_page: bool) -> List[Match]:
    items = [(pos, pi, p) for pos, d in enumerate(data) for pi, p in enumerate(d.paragraphs)
             if p.sketch is not None and p.weight >= min_chars]
    if len(items) < 2:
        return []
    pairs = _candidate_pairs(items)
    out: List[Match] = []
    for (qa, qi), (pos, pi) in sorted(pairs):
        if archive[pos] or (qa != pos and not cross_page) or (qa, qi, pos, pi) in found:
            continue
        q = data[qa].paragraphs[qi]
        p = data[pos].paragraphs[pi]
        s = 1.0 if q.norm == p.norm else _ratio(q.norm, p.norm)
        if s < threshold:
            continue
        out.append(Match("paragraph", qa, pos, qi, pi, (q.start, q.end), (p.start, p.end), s,
                         q.norm == p.norm, min(p.weight, q.weight), q.norm, p.norm))
    return out


def _differences(a: str, b: str) -> List[Tuple[int, int, int, int]]:
    """The stretches ``(a0, a1, b0, b1)`` where ``a`` and ``b`` differ (joined across one shared character)."""
    from rapidfuzz.distance import Levenshtein

    out: List[Tuple[int, int, int, int]] = []
    cur = None
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal" and (op.src_end - op.src_start > 1 or cur is None):
            if cur:
                out.append(tuple(cur))
            cur = None
            continue
        if cur is None:
            cur = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            cur[1], cur[3] = op.src_end, op.dest_end
    if cur:
        out.append(tuple(cur))
    return out


def _headings(page, offset: int) -> str:
    art = _article_of(page, offset)
    if art < 0:
        return ""
    return dup_units.normalise(" ".join(h.text for h in page.layout.articles[art].headings))


_SLOT_RE = regex.compile(r"[0-9零〇一二三四五六七八九十百千万亿两年月日号第时分上下午晚早]+")
_TITLE_RE = regex.compile(r"《([^《》\n]*)》")


def _named(text: str, s0: int, s1: int, heads: str, other: str) -> bool:
    """The difference ``text[s0:s1]`` of one copy touches two characters of that copy's headlines that
    the other copy lacks: the difference names the subject of its own article."""
    for k in range(max(0, s0 - 1), min(s1, len(text) - 1)):
        bigram = text[k:k + 2]
        if bigram in heads and bigram not in other:
            return True
    return False


def _titles(page, span: Tuple[int, int]) -> List[str]:
    return [dup_units.normalise(t) for t in _TITLE_RE.findall(page.text[span[0]:span[1]])]


def _parallel(pages, m: Match) -> bool:
    """A near copy that is one formula filled in twice, not a pasted paragraph: the two copies differ
    only in numbers, dates and 《titles》 (第二十二号主席令…《甲法》… / 第二十三号主席令…《乙法》…),
    or their differences are the subjects their own articles' headlines name (会见甲国总统 /
    会见乙国总统).  Sentence runs are judged with one clause of context on each side."""
    if m.exact and m.kind == "paragraph":
        return False
    pa, pb = pages[m.a], pages[m.b]
    sa, sb, na, nb = m.a_span, m.b_span, m.a_norm, m.b_norm
    if m.kind == "sentence" and m.a == m.b:
        inner = _differences(na, nb)
        if len(inner) <= 2 and all(a1 - a0 == 1 and b1 - b0 == 1 for a0, a1, b0, b1 in inner):
            # 50+ characters repeated in two articles of one page, word for word or but for a slip or
            # two: the headlines naming different subjects does not make the run a formula filled in
            # twice (a year of national news has no such run)
            return False
    if m.kind == "sentence":
        sa, na = _widen(pa, sa)
        sb, nb = _widen(pb, sb)
        if na == nb:
            return False
    diffs = _differences(na, nb)
    if diffs and all(a1 - a0 == 1 and b1 - b0 == 1 for a0, a1, b0, b1 in diffs):
        from ...analyses.charsim import relation

        if all(relation(na[a0], nb[b0], weak=True) for a0, a1, b0, b1 in diffs):
            return False  # 张晓峰要求… / 张晓锋要求…: a copy with a look- or sound-alike slip, not a new subject
    ta, tb = _titles(pa, sa), _titles(pb, sb)

    def slot(x: str, titles: List[str]) -> bool:
        return not x or _SLOT_RE.fullmatch(x) is not None or any(x in t for t in titles)

    slots = other = 0
    for a0, a1, b0, b1 in diffs:
        if slot(na[a0:a1], ta) and slot(nb[b0:b1], tb):
            slots += 1
        else:
            other += max(a1 - a0, b1 - b0)
    if slots and other <= 2:  # numbers, dates and titles differ (and at most a word besides)
        return True
    ha = _headings(pa, sa[0])
    hb = _headings(pb, sb[0])
    if ha == hb:
        return False
    return any(_named(nb, b0, b1, hb, na) or _named(na, a0, a1, ha, nb) for a0, a1, b0, b1 in diffs)


def _summary_restated(data: List[dup_units.DupPage], m: Match) -> bool:
    """The body of an article restating its own summary: the earlier copy is in the article's lead
    (its first paragraph, a 核心阅读/导语 box, an editor's note signed ——编者) and the later one in the
    body.  A box opened by a label (核心阅读) sums up the page, whose subheads may start new stories.  A
    lead printed twice in a row (the same whole paragraph again right after it) is a paste."""
    if m.a != m.b:
        return False
    d = data[m.a]
    pa, pb = d.paragraphs[m.a_para], d.paragraphs[m.b_para]
    if not pa.lead or pb.lead or (pa.story != pb.story and not pa.boxed):
        return False
    if m.kind == "paragraph" and m.exact and m.b_para == m.a_para + 1:
        return False
    return True


# The frames that give a quotation to its source, built from the verbs of rules/duplicate.toml's
# [[quote_verb]] (a paper adds its own): 王明在回信中表示， / 习近平强调：“ / “……”胡某说 / 《方案》提出，
@lru_cache(maxsize=4)
def _frames(_packs_key) -> Tuple[Any, Any, Any, Any]:
    from ...analyses.words import words

    verbs = "|".join(regex.escape(w) for w in words("quote_verb")) or "(?!)"
    return (regex.compile(rf"^[^。！？；;\n]{{0,40}}?(?:{verbs})[，,：:]\s*“?$"),  # before the copy
            regex.compile(rf"^[^。！？；;\n]{{0,40}}?(?:{verbs})[，,：:]"),  # a paragraph with its own speaker
            regex.compile(rf"^[。！？!?]?”[^。！？\n“”]{{1,30}}?(?:{verbs})"),  # after the copy
            regex.compile(rf"(?:^|[。！？；;])[^。！？；;\n]{{0,40}}?(?:{verbs})[，,：:]\s*“?$"))  # opening its sentence


def frames():
    from ... import packs

    return _frames(packs.active_key())


def _quoted_again(pages, data: List[dup_units.DupPage], m: Match) -> bool:
    """A whole paragraph printed without a speaker — a letter or message printed in full, a pull-quote —
    and then the same words given to their speaker in the report on the same page (王明在回信中表示，……;
    “……”胡某说): the report quotes the text, it does not paste it."""
    if m.a != m.b or m.a_para == m.b_para:
        return False
    page, d = pages[m.a], data[m.a]
    pa, pb = d.paragraphs[m.a_para], d.paragraphs[m.b_para]
    if not (m.a_span[0] <= pa.start and m.a_span[1] >= pa.end):
        return False  # an excerpt of the earlier paragraph: not the printed text itself
    frame_before, speaker_first, frame_after, _ = frames()
    if speaker_first.match(page.text[pa.start:pa.end]):
        return False  # the earlier copy has its own speaker (吕沛指出，……): two reports of one speech
    before = page.text[pb.start:m.b_span[0]]
    after = page.text[m.b_span[1]:pb.end]
    if page.text[m.b_span[0]:m.b_span[1]].rstrip().endswith("”"):
        after = "”" + after  # the copy's clause took the closing quotation mark with it
    return bool(frame_before.match(before) or (before.strip() in ("“", "") and frame_after.match(after)))


def _lead_quoted_again(pages, data: List[dup_units.DupPage], m: Match) -> bool:
    """A story's lead sums up what a document or a speaker said, and its body then quotes the same words
    with their source (《实施方案》提出，……; 专家指出：“……”): a news lead and its body, not a paste.  The
    earlier copy is in the story's first paragraph; the later one is opened by a reporting frame that is
    not part of the copy."""
    if m.a != m.b or m.a_para == m.b_para:
        return False
    d = data[m.a]
    pa, pb = d.paragraphs[m.a_para], d.paragraphs[m.b_para]
    if pa.story != pb.story:
        return False
    first = next(i for i, q in enumerate(d.paragraphs) if q.story == pa.story)
    if m.a_para != first:
        return False
    return bool(frames()[3].search(pages[m.a].text[pb.start:m.b_span[0]]))


_DISPLAY_END_RE = regex.compile(r"[。！？!?…；;”’」』）)]\s*$")


def _pull_quote(pages, data: List[dup_units.DupPage], m: Match) -> bool:
    """A pull-quote: a whole paragraph set as display text — clauses, but no full stop at its end, as
    a paper sets a highlighted quotation or a summary box — whose words the body of the page prints
    in full.  A pasted paragraph is body text and ends like body text."""
    if m.a != m.b or m.a_para == m.b_para:
        return False
    page, d = pages[m.a], data[m.a]
    pa = d.paragraphs[m.a_para]
    if not (m.a_span[0] <= pa.start and m.a_span[1] >= pa.end):
        return False
    text = page.text[pa.start:pa.end]
    return "，" in text and not _DISPLAY_END_RE.search(text)


def _widen(page, span: Tuple[int, int]) -> Tuple[Tuple[int, int], str]:
    """The span grown by one clause on each side (within its paragraph), with its normalised text."""
    b = page.layout.block_at(span[0])
    if b is None:
        return span, dup_units.normalise(page.text[span[0]:span[1]])
    cls = dup_units.clauses_of(b.text, b.start)
    idx = [i for i, c in enumerate(cls) if c.end > span[0] and c.start < span[1]]
    if not idx:
        return span, dup_units.normalise(page.text[span[0]:span[1]])
    i0, i1 = max(0, idx[0] - 1), min(len(cls) - 1, idx[-1] + 1)
    return (cls[i0].start, cls[i1].end), "".join(c.norm for c in cls[i0:i1 + 1])


# ---- findings ----------------------------------------------------------------------------------
def _pct(m: Match) -> int:
    return 100 if m.exact else min(99, int(m.similarity * 100))


def _same_issue(corpus, pages, m: Match) -> bool:
    """The two copies are in one issue: one date, or one day of a file holding several."""
    return issues.same_issue(corpus, pages[m.a], pages[m.b], m.a_span[0], m.b_span[0])


def _where(pages, m: Match, corpus=None) -> str:
    pa, pb = pages[m.a], pages[m.b]
    line = pa.linecol(m.a_span[0])[0]
    if pa is pb:
        art_a = _article_of(pa, m.a_span[0])
        art_b = _article_of(pb, m.b_span[0])
        if art_a == art_b:
            return f"本篇稿件第{line}行"
        title = pa.layout.articles[art_a].title if art_a >= 0 else ""
        if not _same_issue(corpus, pages, m):
            return f"本文件另一日期（{issues.issue_of(corpus, pa, m.a_span[0])}）的稿件" \
                   f"{'《' + title + '》' if title else ''}第{line}行"
        return f"本版另一篇稿件{'《' + title + '》' if title else ''}第{line}行"
    if pa.archive:
        return f"存档版面 {pa.path} 第{line}行"
    return f"版面 {pa.path} 第{line}行"


def _article_of(page, offset: int) -> int:
    b = page.layout.block_at(offset)
    return b.article if b is not None else -1


def _priority(pages, m: Match, corpus=None):
    same_page = m.a == m.b
    same_article = same_page and _article_of(pages[m.a], m.a_span[0]) == _article_of(pages[m.b], m.b_span[0])
    # an earlier copy of the same day of a file holding several days comes before one of another day
    other_day = same_page and not same_article and not _same_issue(corpus, pages, m)
    return (not same_page, other_day, not same_article, m.kind != "paragraph", -m.similarity, m.a, m.a_span[0])


def _overlap(x: Tuple[int, int], y: Tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


@dataclass
class Copy:
    """One copy to report: the match at the later copy, the matches overlapping it (the earlier copies)
    and the pages in matching order."""

    page: object
    match: Match
    same: List[Match]


@dataclass
class Copies:
    pages: list
    copies: List[Copy]
    po: dict
    so: dict


def copies(corpus, ctx) -> Copies:
    """The copies of the run, decided once for both rules: a paragraph copy makes the sentence copies
    between the same two paragraphs (and any overlapping copy) redundant."""
    return corpus.cached("duplicate.copies", lambda: _copies(corpus, ctx))


def _statute_day(corpus, page, d: dup_units.DupPage, offset: int) -> bool:
    """The statute of a page is printed on the day of ``offset`` (a page of one day: always)."""
    if not issues.day_starts(corpus, page):
        return True
    day = issues.issue_of(corpus, page, offset)
    return sum(1 for at in d.statute_at if issues.issue_of(corpus, page, at) == day) >= dup_units.STATUTE_ARTICLES


def _copies(corpus, ctx) -> Copies:
    po, so = _options(ctx)
    pages = sorted(corpus.pages, key=lambda p: (not p.archive, p.index))
    data = []
    for p in pages:
        d = corpus.collected(p, KEY)
        if d is None:  # collected by an older plugin state or a cache miss: compute here
            d = dup_units.analyse(p, _min_sketch_chars(ctx), *_summary_patterns(ctx))
        data.append(d)
    cross = bool(po["cross_page"] or so["cross_page"])
    # The matching allocates many small containers while a year of pages is alive: the cyclic garbage
    # collector would rescan that heap again and again (superlinear time); nothing here makes cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        days = [issues.days_of(corpus, p) for p in pages]
        matches = find_matches(data, [p.archive for p in pages], po, so, cross, days)
    finally:
        if was_enabled:
            gc.enable()

    groups: Dict[Tuple[int, int], List[Match]] = defaultdict(list)
    for m in matches:
        if (_parallel(pages, m) or _summary_restated(data, m) or _quoted_again(pages, data, m)
                or _pull_quote(pages, data, m) or _lead_quoted_again(pages, data, m)):
            continue
        if m.a == m.b and data[m.a].statute and _statute_day(corpus, pages[m.a], data[m.a], m.b_span[0]):
            continue  # a statute repeats its formulas (由…责令改正，给予警告) from article to article
        opts = po if m.kind == "paragraph" else so
        if (m.a != m.b or not _same_issue(corpus, pages, m)) and not opts["cross_page"]:
            continue  # (two days of one file are compared as two pages are)
        if not ctx.enabled(PARAGRAPH_ID if m.kind == "paragraph" else SENTENCE_ID, pages[m.b]):
            continue  # a copy no running rule reports hides nothing: with the paragraph rule off, the
            # sentence copies inside a copied paragraph are reported
        groups[(m.b, m.b_para)].append(m)

    out: List[Copy] = []
    for (b, _para), ms in sorted(groups.items()):
        page = pages[b]
        ms.sort(key=lambda m: _priority(pages, m, corpus))
        # a paragraph copy makes sentence copies between the same two paragraphs redundant
        whole = {(m.a, m.a_para) for m in ms if m.kind == "paragraph"}
        ms = [m for m in ms if m.kind == "paragraph" or (m.a, m.a_para) not in whole]
        reported: List[Tuple[int, int]] = []
        for m in ms:
            if any(_overlap(m.b_span, r) for r in reported):
                continue
            reported.append(m.b_span)
            same = [x for x in ms if _overlap(x.b_span, m.b_span)]
            out.append(Copy(page, m, same))
    return Copies(pages, out, po, so)




def report_copy(rc, corpus, found: Copies, c: Copy) -> None:
    """Report one copy at its later place, the earlier copies as related locations."""
    pages, page, m, same, po = found.pages, c.page, c.match, c.same, found.po
    paragraph = m.kind == "paragraph"
    opts = po if paragraph else found.so
    pct = _pct(m)
    where = _where(pages, m, corpus)
    same_issue = _same_issue(corpus, pages, m)
    if m.a == m.b and same_issue:
        severity = None
        if paragraph and m.exact and po["error_chars"] and m.weight >= po["error_chars"]:
            severity = "error"
    else:
        # another page of the same issue: cross_page_severity; of another date (another page, or another
        # day of a file holding several): archive context, at most info on similarity alone
        severity = issues.cap(opts["cross_page_severity"], same_issue)
    if paragraph:
        if m.exact:
            msg = f"本段与{where}的段落完全相同（相似度 100%），疑为重复刊发"
        else:
            msg = f"本段与{where}的段落高度相似（相似度 {pct}%），疑为重复刊发或改稿后未删旧稿"
    else:
        msg = f"这段文字（{m.weight}字）与{where}的文字重复（相似度 {pct}%），疑为重复粘贴"
    if m.a != m.b:
        msg += "；跨版面沿用的背景材料如属有意可忽略"
    elif not same_issue:
        msg += "；跨日期沿用的背景材料如属有意可忽略"
    related = []
    seen = set()
    for x in sorted(same, key=lambda x: (x.a, x.a_span[0])):
        if (x.a, x.a_span) in seen:
            continue
        seen.add((x.a, x.a_span))
        related.append(pages[x.a].location(x.a_span[0], x.a_span[1], f"较早出现的一处（相似度 {_pct(x)}%）"))
        if len(related) >= 5:
            break
    rc.report(m.b_span[0], m.b_span[1], msg, page=page, related=related, key=m.b_norm[:80], severity=severity)
