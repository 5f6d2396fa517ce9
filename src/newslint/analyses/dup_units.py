"""Per-page units of the duplicate rules: paragraphs cut into clauses, normalised, with MinHash sketches.

Everything here is computed once per page (in ``newslint_collect_page``, possibly in a worker process)
and is picklable, so the corpus phase only matches — it never re-reads a page.

* A *clause* is a stretch of text between ``，；。！？：`` marks.  Its normalised form keeps letters and
  digits only (full-width folded to half-width, lower case), so punctuation and width edits do not
  hide a copy.
* A clause carries a *weight*: the number of characters it contributes to a copy's length.  In a clause
  that enumerates short items only the words around the items count, and an attendance list's frame
  (区领导张三、李四、王五参加会议) not even those; for sentence runs, clauses quoted in “” or 《》
  (slogans, titles) weigh nothing — repeating them is normal.
* A *paragraph* is a text block (body, dateline, list item) with its clauses and a MinHash sketch over
  character 3-grams of its normalised text (datasketch, ``affine32`` scheme), used for near-duplicate
  candidate search with LSH.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np
import regex

from ..layout import LIST_ITEM_RE

NUM_PERM = 64  # MinHash permutations: LSH at Jaccard 0.5 keeps recall > 99 % for paragraphs of 90 % similarity
SHINGLE = 3  # character 3-grams of the normalised text
SEED = 1

TEXT_KINDS = ("body", "dateline", "list")

# A clause ends after a run of clause marks (and any closing quotes or brackets right after them).
_CLAUSE_RE = re.compile(r"[^，,；;。！？!?：:\n]+(?:[，,；;。！？!?：:…]+[”’」』）)]*)?")  # (stdlib: faster here)
_KEEP_RE = re.compile(r"[\W_]+")  # stdlib re: letters and digits (any script) are \w
_KEEP_SEP_RE = re.compile(r"[^\w\x01]+|_+")
# Quoted stretches: “…” ‘…’ 「…」 and titles 《…》 (not nested across lines).
_QUOTED_RE = regex.compile(r"“[^“”\n]*”|‘[^‘’\n]*’|「[^「」\n]*」|《[^《》\n]*》|\"[^\"\n]*\"")
_LIST_SEP = "、"
LIST_FRAME_CHARS = 10  # fewer characters around an enumeration than this are its frame (区领导…参加会议)
_STOP_RE = regex.compile(r"[。！？!?…]+[”’」』）)]*\s*$")
# _STOP_RE read from the end with string methods (a clause is searched once for it): the characters regex's \s
# matches, then closing quotes and brackets, then a sentence-final mark
_STOP_MARKS, _STOP_CLOSERS = "。！？!?…", "”’」』）)"
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
               "\u2028\u2029\u202f\u205f\u3000"


def _stops(clause: str) -> bool:
    """``bool(_STOP_RE.search(clause))``: the clause ends on a sentence-final mark, perhaps closed by quotes
    or brackets and followed by space."""
    core = clause.rstrip(_WHITE_SPACE).rstrip(_STOP_CLOSERS)
    return bool(core) and core[-1] in _STOP_MARKS


def normalise(text: str) -> str:
    """Letters and digits only, NFKC-folded and lower-cased: the text a copy is compared on."""
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _KEEP_RE.sub("", text).lower()


def _normalise_all(parts: List[str]) -> List[str]:
    """:func:`normalise` of each part, in one regex pass (the parts joined by a separator)."""
    joined = _KEEP_SEP_RE.sub("", "\x01".join(parts))
    if not joined.isascii() and not unicodedata.is_normalized("NFKC", joined):
        # full-width letters and digits, circled numbers…  (\x01 is a starter: NFKC never merges across it)
        joined = _KEEP_SEP_RE.sub("", unicodedata.normalize("NFKC", joined))
    return joined.lower().split("\x01")


def list_weight(text: str) -> Optional[int]:
    """For a clause enumerating short items — names (区领导张三、李四、王五参加会议) or names with titles
    (白俄罗斯总统卢卡申科、吉尔吉斯斯坦总统扎帕罗夫、…) — the characters it has besides the enumeration (what the
    first item says before its last name, what the last says after its first); None for other clauses.
    区领导张三、李四、王五参加会议 weighs almost nothing, but 国家防灾减灾救灾委员会办公室派出工作组赴河南、
    安徽、湖北协助指导防范应对工作 keeps the words around its three provinces."""
    n = text.count(_LIST_SEP)
    if n < 2:
        return None
    items = _normalise_all(text.split(_LIST_SEP))
    inner = items[1:-1]
    mean = sum(len(x) for x in inner) / len(inner)
    if not (mean <= 5 or (n >= 4 and mean <= 12)):
        return None
    k = int(mean + 0.999)  # an item as long as the inner ones is the list's own
    rest = max(0, len(items[0]) - k) + max(0, len(items[-1]) - k)
    return rest if rest >= LIST_FRAME_CHARS else 0  # 区领导…参加会议并讲话: only the list's frame


_TITLE_LIKE_RE = regex.compile(r"[，,。！？!?；;]")


def is_title_like(text: str) -> bool:
    """A line with no clause inside: a headline, a bold sub-heading, an entry of a contents list
    (（1）…；).  Repeating a title in a summary or a lead is normal; such lines are not compared."""
    core = text.rstrip("；;*_ \t\u3000")
    return not _TITLE_LIKE_RE.search(core)


@dataclass
class Clause:
    start: int  # page offsets of the clause, its closing marks included
    end: int
    norm: str
    weight: int  # characters counted towards a paragraph copy's length (see list_weight)
    sweight: int  # characters counted towards a sentence run's length (0 also for quoted clauses)
    stop: bool = False  # the clause ends its sentence (。！？ or the end of the paragraph)


@dataclass
class Paragraph:
    block: int  # index of the block in the page layout
    article: int
    line: int
    start: int
    end: int
    first: int  # index of its first clause in DupPage.clauses
    last: int  # index just past its last clause
    norm: str
    weight: int
    sketch: Optional[np.ndarray] = None  # MinHash hash values (uint32), None for short paragraphs
    lead: bool = False  # a summary: the story's first paragraphs before its dateline, a 核心阅读 box
    boxed: bool = False  # inside a summary box opened by a label (核心阅读): it sums up the page
    story: int = -1  # the article, or the headed article a headless one continues (标题+核心阅读 | 本报讯…)


@dataclass
class DupPage:
    clauses: List[Clause] = field(default_factory=list)
    paragraphs: List[Paragraph] = field(default_factory=list)
    clause_para: List[int] = field(default_factory=list)  # paragraph index of each clause
    statute: bool = False  # the page prints a statute or regulation (第一条… 第二条…)
    statute_at: List[int] = field(default_factory=list)  # where its articles (第…条) start


def _quoted_spans(text: str) -> Tuple[List[int], List[int]]:
    starts, ends = [], []
    for m in _QUOTED_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(starts: List[int], ends: List[int], a: int, b: int) -> bool:
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and ends[i] >= b


def clauses_of(text: str, base: int = 0) -> List[Clause]:
    """The clauses of one paragraph ``text`` (page offsets from ``base``)."""
    return clauses_of_all([(text, base)])[0]


def clauses_of_all(paragraphs: List[Tuple[str, int]]) -> List[List[Clause]]:
    """:func:`clauses_of` of each ``(text, base)``, the clauses of all normalised in one pass."""
    spans = [[m.span() for m in _CLAUSE_RE.finditer(text)] for text, _ in paragraphs]
    norms = iter(_normalise_all([text[a:b] for (text, _), sp in zip(paragraphs, spans) for a, b in sp]))
    return [_clauses(text, base, sp, [next(norms) for _ in sp]) for (text, base), sp in zip(paragraphs, spans)]


def _clauses(text: str, base: int, spans: List[Tuple[int, int]], norms: List[str]) -> List[Clause]:
    qs, qe = _quoted_spans(text) if ("“" in text or "《" in text or "‘" in text or "「" in text
                                     or '"' in text) else ([], [])
    out: List[Clause] = []
    for (a0, b0), norm in zip(spans, norms):
        if not norm:
            continue
        s = text[a0:b0]
        lw = list_weight(s) if "、" in s else None
        weight = len(norm) if lw is None else lw
        sweight = weight
        if weight and qs:
            # the clause's letters all lie inside one quoted stretch: a slogan, a quoted title
            a, b = a0, b0
            while a < b and not text[a].isalnum():
                a += 1
            while b > a and not text[b - 1].isalnum():
                b -= 1
            if _inside(qs, qe, a, b):
                sweight = 0
        stop = b0 == len(text) or _stops(s)
        out.append(Clause(base + a0, base + b0, norm, weight, sweight, stop))
    return out


# The (a, b) parameters of datasketch 2's affine32 permutations for NUM_PERM = 64 and SEED = 1, as its
# MinHash._init_permutations draws them (odd multipliers a, offsets b, from numpy's RandomState(SEED)):
# written out, because importing numpy.random costs more than a page's sketches (a test builds the same
# sketches with datasketch itself, so the two cannot drift apart).
_PERM_A = (
    "4be883d5d7018ffe195fce70912878ddfffd0e00138799419755cb9a0b3d82ff9f96234b81a7e0782101472f03a10ccb"
    "997f5d5f8f3c9cc6db55edb0f9f3e8560d1b25cb33fafede65c9df1329aa4fb1fda9a0d6cb6265a02517d55ea993910c"
    "17f7ad68f9410ce3d59b98c139258b753bbf050e1db39e116584475789d4f2d3aff9a8d5afbf16ead3970c1ee38584dc"
    "efcbe047bd5bd5e0c18e6d65ad08898e1b31fb99d3af936e13fbbfef0f08039b7f2279a07b96832f2d1c7862734a4b09"
    "0314b6c001efe3ba79e209caa3f185a811ea8a2bb1c5c1a81bfdfe13e734cd8b5f03f456d51f551ef3e49bc191734f57"
    "3d845a328f48a62f076b9bd78d0be357"
)
_PERM_B = (
    "953f38f531ee6a6939857d8803b29232c4db1eb1182b254af1a1c5502bfc61244c86beaf1a4c87c83407aad550259c69"
    "6d8aae047373bf08297509c0d26dc09f0f0026fd406c1fa9c4c887bf19306a4c6f2dcb47e2de3572d7350eca8727dd38"
    "1a056d1a99fec7126826a9721604207809b799e8c3be9e18e74b2a4b7e4443e717a5ab497ded961e648d49219b405986"
    "a53bf50439516815532ac8ada66cb7ea88422d36202513e9a2ddfa430aaf864c17bdd77d8f869a95ef2aa90d579cdf90"
    "195ff992c70f2b9df30090255c85dff44abadc96be84cf422e5d23b3a0d3233bd896321a97149088b792ff6941252ff3"
    "7135c4b14d27397e03a7076a80cb648a"
)
_PERMUTATIONS = None


def _permutations() -> np.ndarray:
    """The (a, b) parameters of datasketch's affine32 permutations for NUM_PERM and SEED (little-endian)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = np.array([np.frombuffer(bytes.fromhex(h), dtype="<u4") for h in (_PERM_A, _PERM_B)],
                                 dtype=np.uint32)
    return _PERMUTATIONS


def shingle_hashes(norm: str, k: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the character k-grams of ``norm`` (vectorised; code points fit in 21 bits)."""
    cp = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(cp) < k:
        k = len(cp)
    h = np.zeros(len(cp) - k + 1, dtype=np.uint64)
    for j in range(k):
        h = (h << np.uint64(21)) | cp[j: len(cp) - k + 1 + j]
    return ((h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _joined_shingle_hashes(norms: List[str], k: int = SHINGLE) -> Tuple[np.ndarray, List[int]]:
    """:func:`shingle_hashes` of each of ``norms`` (each at least ``k`` characters), concatenated, and how
    many each has: hashed in one pass over the joined text, the windows that cross from one into the next
    left out (a page's paragraphs at once instead of one by one)."""
    cp = np.frombuffer("".join(norms).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cp) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = (h << np.uint64(21)) | cp[j: n + j]
    keep = np.ones(n, dtype=bool)
    end = 0
    for x in norms[:-1]:
        end += len(x)
        keep[end - k + 1:end] = False  # windows starting in this norm's last k-1 characters
    h = h[keep]
    return ((h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32), [len(x) - k + 1 for x in norms]


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch's affine32 scheme pre-mixes input hashes."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


OUTER_SHINGLES = 3000  # up to this many shingles a page, one 2-D pass beats a pass per permutation


def sketches(norms: List[str]) -> List[np.ndarray]:
    """MinHash hash values of the 3-gram sets of ``norms``, all in one vectorised pass.

    Identical to ``datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")`` updated with
    the same 32-bit shingle hashes (tests check it), so the values go straight into datasketch's LSH;
    building one MinHash object per paragraph costs ten times more."""
    if not norms:
        return []
    if all(len(n) >= SHINGLE for n in norms):
        hv, counts = _joined_shingle_hashes(norms)
    else:
        hs = [shingle_hashes(n) for n in norms]
        hv, counts = np.concatenate(hs), [len(h) for h in hs]
    # (a repeated shingle changes no minimum)
    a, b = _permutations()
    hv = _fmix32(hv)
    if len(hv) <= OUTER_SHINGLES:
        # a small page: all permutations of all shingles in one array, then each paragraph's minima
        with np.errstate(over="ignore"):
            m = np.multiply.outer(hv, a)
            m += b
        out, s = [], 0
        for c in counts:
            out.append(m[s:s + c].min(axis=0))
            s += c
        return out
    starts = np.cumsum([0] + counts[:-1])
    mins = np.empty((len(norms), NUM_PERM), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for i in range(NUM_PERM):  # one contiguous pass per permutation (a 2-D reduceat is 50x slower)
            mins[:, i] = np.minimum.reduceat(hv * a[i] + b[i], starts)
    return list(mins)


def sketch(norm: str) -> np.ndarray:
    return sketches([norm])[0]


_ARTICLE_RE = regex.compile(r"^[\s\u3000*]*第[〇零一二三四五六七八九十百千0-9]+条(?:\s|\u3000|$)")
STATUTE_ARTICLES = 3  # a page with this many paragraphs opening 第…条 is a statute
SUMMARY_PARAGRAPHS = 3  # a summary box opened by a label holds up to this many paragraphs
PAGE_LEAD_PARAGRAPHS = 2  # a page's first paragraphs (before any dateline): an unlabelled summary box
_BODY_END_RE = regex.compile(r"[。！？!?…][”’」』）)]*\s*$")  # a paragraph that ends as body text does


def _usual_gap(blocks) -> int:
    """The blank lines the page usually puts between two paragraphs of running text (a large number when
    it has fewer than two, so that no gap counts as wider)."""
    gaps = [b.blank_before for b in blocks if b.kind in TEXT_KINDS][1:]
    return max(set(gaps), key=gaps.count) if gaps else 1 << 30


def _set_apart_opening(blocks, usual: int) -> int:
    """The index of the block that ends a box of opening paragraphs set apart from the body: the first
    running text, among the page's first paragraphs, after a wider gap than the page puts between its
    paragraphs (a whitespace line under a summary box on a page that otherwise has none); -1 if none."""
    text = [b for b in blocks if b.kind in TEXT_KINDS]
    for b in text[1:PAGE_LEAD_PARAGRAPHS + 1]:
        if b.kind == "dateline":
            break
        if b.blank_before > usual:
            return b.index
    return -1


def summary_patterns(entries=None):
    """(labels, signoffs) compiled from pack entries (``{section: [entry with "pattern"]}``); the
    built-in packs and the run's user packs (:func:`newslint.packs.entries`) when none are given."""
    if entries is None:
        from .. import packs

        entries = {s: packs.entries(s) for s in ("summary_label", "summary_signoff")}
    out = []
    for section in ("summary_label", "summary_signoff"):
        pats = []
        for e in entries.get(section, ()):
            try:
                pats.append(regex.compile(e["pattern"]))
            except regex.error as err:
                raise e.error("pattern", f"invalid regular expression: {err}") from None
        out.append(pats)
    return out[0], out[1]


def _first_search(patterns, text: str):
    """The match of the first of ``patterns`` that matches ``text`` somewhere, or None."""
    for p in patterns:
        m = p.search(text)
        if m is not None:
            return m
    return None


def _list_skip(b) -> int:
    """Where a list item's text begins after its enumerator (1. / （2）), which is not part of a copy."""
    if b.kind != "list":
        return 0
    m = LIST_ITEM_RE.match(b.text)
    return m.end() if m else 0


def analyse(page, min_sketch_chars: int = 30, labels=None, signoffs=None) -> DupPage:
    """The page's paragraphs and clauses.  ``labels`` / ``signoffs``: compiled patterns of lines that
    open / close a summary box (the ``summary_label`` / ``summary_signoff`` entries of the packs)."""
    if labels is None or signoffs is None:
        built_in = summary_patterns()
        labels = built_in[0] if labels is None else labels
        signoffs = built_in[1] if signoffs is None else signoffs
    out = DupPage()
    seen_articles: Dict[int, int] = {}  # story -> datelines seen
    story_of: Dict[int, int] = {}
    for art in page.layout.articles:
        # an article the layout opened without a headline of its own (at a dateline after a summary, at
        # an editor's sign-off) continues the story above it
        headed = any(not any(p.search(h.text.strip(" \t\u3000*#")) for p in signoffs) for h in art.headings)
        story_of[art.index] = art.index if headed or not story_of else story_of[art.index - 1]
    # the clauses of every paragraph the loop below may keep, computed together
    texts = [b for b in page.layout.blocks if b.kind in TEXT_KINDS and not is_title_like(b.text)]
    skips = [_list_skip(b) for b in texts]
    clauses = dict(zip((b.index for b in texts),
                       clauses_of_all([(b.text[k:], b.start + k) for b, k in zip(texts, skips)])))
    box_left = 0  # paragraphs still inside a summary box opened by a label
    usual = _usual_gap(page.layout.blocks)
    set_apart = _set_apart_opening(page.layout.blocks, usual)
    for b in page.layout.blocks:
        line = b.text.strip(" \t\u3000*#")
        if box_left and (b.is_heading or (out.paragraphs and b.blank_before > usual)):
            box_left = 0  # a subhead, or a wider gap, closes the box before its paragraphs run out
        if any(p.search(line) for p in signoffs):
            story = story_of.get(b.article, b.article)
            for p in out.paragraphs:  # an editor's note signed off: what came before is the note
                if p.story == story:
                    p.lead = True
            continue
        label = _first_search(labels, line)
        if label is not None:
            box_left = SUMMARY_PARAGRAPHS
            if not line[label.end():].strip():
                continue  # the label alone on its line
        cls = clauses.get(b.index)
        if not cls:
            continue
        first = len(out.clauses)
        out.clauses.extend(cls)
        norm = "".join(c.norm for c in cls)
        weight = sum(c.weight for c in cls)
        p = Paragraph(block=b.index, article=b.article, line=b.line, start=cls[0].start, end=cls[-1].end,
                      first=first, last=len(out.clauses), norm=norm, weight=weight,
                      story=story_of.get(b.article, b.article))
        if b.kind == "dateline":
            # a news lead (本报讯…, 新华社…电) opens the body: what the story printed before it is a summary
            # (an unlabelled box, a deck); the lead itself restated in the body is a paste, not a summary
            if not seen_articles.get(p.story):
                for q in out.paragraphs:
                    if q.story == p.story:
                        q.lead = True
            seen_articles[p.story] = 1
            box_left = 0
        else:
            # the page's opening paragraphs before any dateline: the summary or pull-quote box an archive
            # export prints under the title of a one-article page (人民观点, 锐评)
            # — when it is set apart from the body by a wider gap, or set as display text (it stops without
            # a sentence-final mark, as a deck or pull-quote does); an opening paragraph that runs straight
            # into the next and ends like body text is the body's first paragraph
            display = not _BODY_END_RE.search(b.text)
            p.boxed = box_left > 0
            p.lead = box_left > 0 or (not seen_articles and len(out.paragraphs) < PAGE_LEAD_PARAGRAPHS
                                      and (b.index < set_apart or display))
            # a paragraph set as display text right under a headline or subhead (the pull-quote an
            # interview page prints above each contributor's text) is a summary too
            after_heading = b.index > 0 and page.layout.blocks[b.index - 1].is_heading
            p.lead = p.lead or (display and "，" in b.text and after_heading)
        box_left = max(0, box_left - 1)
        out.clause_para.extend([len(out.paragraphs)] * len(cls))
        out.paragraphs.append(p)
    out.statute_at = [b.start for b in page.layout.blocks if _ARTICLE_RE.match(b.text)]
    out.statute = len(out.statute_at) >= STATUTE_ARTICLES
    todo = [p for p in out.paragraphs if p.weight >= min_sketch_chars]
    for p, values in zip(todo, sketches([p.norm for p in todo])):
        p.sketch = values
    return out
