"""What the wording rules share: the data pack (``[[reduplication]]``, ``[[reduplication_shape]]``,
``[[phrase]]``, surnames), dictionary look-ups, the doubled-character and doubled-word tests and the
了-pair search.
"""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, Optional, Set, Tuple

import regex

from ...lexicon import is_word, lexicon

_HAN = regex.compile(r"\p{Han}")
DOUBLE = regex.compile(r"(\p{Han})\1")
# Any character written twice: the standard library's engine runs this back-reference about four times faster
# than ``DOUBLE`` runs its own, and keeping its Han matches gives DOUBLE's matches exactly (a pair it skips is no
# Han character, so it cannot overlap one of DOUBLE's).
_ANY_DOUBLE = re.compile(r"(.)\1", re.S)


def doubled_chars(s: str) -> Iterator:
    """The matches of :data:`DOUBLE` in ``s`` (a Han character written twice), found faster."""
    return (m for m in _ANY_DOUBLE.finditer(s) if _HAN.match(m.group(1)))


_LE_PAIR = regex.compile(r"(\p{Han}{1,4})了(\p{Han}{1,4})了")
_CN_DIGITS = set("一二三四五六七八九十百千万两几")
# Tags (jieba, ICTCLAS set) of words that may legitimately reduplicate.
_REDUP_SINGLE_TAGS = {"q", "m", "mq"}  # 张张 件件 个个 / numerals
_ABAB_TAGS = {"v", "vn", "vd", "vi", "a", "ad", "an", "z"}  # 研究研究 雪白雪白
_VERB_TAGS = {"v", "vn", "vd", "vi", "vg"}
_NAME_TAGS = {"ns", "nr", "nt", "nz", "nrt", "nrfg"}
_SOUND_TAGS = {"o", "y", "e", "zg"}  # onomatopoeia, modal particles, interjections: 咚咚 唰唰
# single characters that only live in descriptive reduplication or compounds: status words (缤, 潺) and
# characters jieba knows only as parts of longer words (萋 of 芳草萋萋): their AA form is descriptive
_DESCRIPTIVE_TAGS = {"z", "x"}
_OPEN_QUOTES = "“‘「『"
_CLAUSE_END = "，。！？；：、…,.!?;:"
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》"}


def _in_short_quote(text: str, i: int, limit: int = 12) -> bool:
    """Is ``text[i]`` inside a quotation or title of at most ``limit`` characters?"""
    for j in range(i - 1, max(-1, i - limit - 1), -1):
        ch = text[j]
        if ch in _QUOTE_PAIRS:
            close = text.find(_QUOTE_PAIRS[ch], i)
            return 0 <= close - j - 1 <= limit
        if ch in "”’」』》。！？\n":
            return False
    return False

def pos_tag(word: str) -> str:
    """jieba's dictionary tag of ``word`` ('' when unknown), read from the memory-mapped lexicon
    (no jieba load: most pages need only look-ups, and jieba costs 0.5–0.8 s to start)."""
    hit = lexicon().lookup(word)
    return hit[1] if hit else ""


def in_dict(word: str) -> bool:
    return is_word(word)


# ---- the data pack ----------------------------------------------------------------------------
class Pack:
    def __init__(self, ctx):
        self.redup: Set[str] = set()
        self.surnames: Set[str] = set()
        for e in ctx.pack_entries("reduplication"):
            words = e["words"]
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise e.error("words", "must be a list of non-empty strings")
            self.redup.update(words)
        self.shape: Dict[str, Set[str]] = {"abab_prefix": set(), "degree": set(), "no_aa_verb": set()}
        for e in ctx.pack_entries("reduplication_shape"):
            kind, chars = e.get("kind"), e.get("chars")
            if kind not in self.shape:
                raise e.error("kind", f"must be one of {', '.join(self.shape)}, not {kind!r}")
            if not isinstance(chars, str) or not chars.strip():
                raise e.error("chars", "must be a non-empty string of characters")
            self.shape[kind].update(ch for ch in chars if not ch.isspace())
        # single-character surnames from the names pack (rules/surnames.toml, [[surnames]] single = "…")
        for e in ctx.pack_entries("surnames"):
            chars = e.get("single") or ""
            if isinstance(chars, str):
                self.surnames.update(ch for ch in chars if not ch.isspace())
        self.phrases: List[Tuple[str, str, str, Optional[regex.Pattern], Optional[regex.Pattern]]] = []
        self.since: Dict[str, Optional[int]] = {}  # wrong form -> the year from which it is wrong
        for e in ctx.pack_entries("phrase"):
            wrong, right = e["wrong"], e["right"]
            if not isinstance(wrong, str) or not wrong or not isinstance(right, str):
                raise e.error("wrong", "wrong and right must be strings (wrong non-empty)")
            reason = e.get("reason", "") or ""
            nb = na = None
            try:
                if e.get("not_before"):
                    nb = regex.compile(e.get("not_before"))
                if e.get("not_after"):
                    na = regex.compile("(?:" + e.get("not_after") + ")$")
            except regex.error as err:
                raise e.error("not_before/not_after", f"invalid pattern: {err}") from None
            since = e.get("since")
            if since is not None and (not isinstance(since, int) or isinstance(since, bool)):
                raise e.error("since", f"must be a year (integer), not {since!r}")
            self.since[wrong] = since
            self.phrases.append((wrong, right, reason, nb, na))
        # (an alternation of literal phrases: the standard library's engine scans for it four times faster)
        self.phrase_re = (re.compile("|".join(re.escape(p[0]) for p in sorted(
            self.phrases, key=lambda p: -len(p[0])))) if self.phrases else None)
        self.by_wrong = {p[0]: p for p in self.phrases}


def pack_of(ctx) -> Pack:
    p = ctx.state.get("wording.pack")
    if p is None:
        p = ctx.state["wording.pack"] = Pack(ctx)
    return p


# ---- repetition -------------------------------------------------------------------------------
def window_tokens(text: str, start: int, end: int) -> List[Tuple[str, int, int]]:
    """Tokens of the short window ``text[start:end]`` with offsets relative to ``text`` (jieba over the
    memory-mapped lexicon: no 0.5 s dictionary load for a few windows)."""
    from ...analyses.tokens import bounded_tokenize, window_tokenizer

    return [(w, s + start, e + start) for w, s, e in bounded_tokenize(window_tokenizer(), text[start:end])]


def _ends_word(text: str, i: int) -> bool:
    """Does ``text[i]`` end a dictionary word with the characters before it (凤凰|凰, 阿拉善|善)?"""
    return any(in_dict(text[i - k:i + 1]) for k in (1, 2, 3) if i - k >= 0)


def doubled_char_problem(text: str, i: int, pack: Pack) -> bool:
    """Is the doubled character at ``text[i:i+2]`` an accidental repetition?"""
    x = text[i]
    xx = text[i:i + 2]
    if xx in pack.redup or in_dict(xx) or x in _CN_DIGITS:
        return False
    if pos_tag(x) in _REDUP_SINGLE_TAGS or pos_tag(x) in _SOUND_TAGS:
        return False  # 张张; 咚咚
    if pos_tag(x) in _DESCRIPTIVE_TAGS and not _ends_word(text, i):
        return False  # 缤缤, 草萋萋 (ABB) — but 凤凰凰 doubles the tail of a word
    if _in_short_quote(text, i):
        return False  # a coined slogan in quotes: “龙行龘龘” “站站停”
    prev = text[i - 1] if i > 0 else ""
    if prev in _CN_DIGITS or prev.isdigit():
        return False  # 一张张 一批批 两三三
    if prev in "小阿老":
        return False  # a pet name: 小丽丽 阿毛毛
    if i + 3 < len(text) and text[i + 2] == text[i + 3] and text[i + 2] != x:
        return False  # AABB: 认认真真 方方面面
    if i >= 2 and text[i - 2] == text[i - 1] and text[i - 1] != x:
        return False  # the BB of AABB
    if text[i + 2:i + 3] == x:
        return False  # three or more in a row: onomatopoeia (哈哈哈) or a deliberate effect
    # Cheap dictionary look-ups first: a word holding both copies (人人, 绿油油), or each copy bound into
    # its own word (学习|习近平), settles it without segmenting.
    n = len(text)
    for a in range(max(0, i - 3), i + 1):
        for b in range(i + 2, min(n, a + 5) + 1):
            if b - a >= 2 and in_dict(text[a:b]):
                return False
    if any(in_dict(text[i - k:i + 1]) for k in (1, 2, 3) if i - k >= 0) and \
            any(in_dict(text[i + 1:i + 1 + k]) for k in (2, 3, 4) if i + 1 + k <= n):
        return False
    lo, hi = max(0, i - 8), min(n, i + 10)
    toks = window_tokens(text, lo, hi)
    first = next((t for t in toks if t[1] <= i < t[2]), None)
    second = next((t for t in toks if t[1] <= i + 1 < t[2]), None)
    if first is None or second is None or first is second:
        return False  # one word holds both: 人人, 王丽丽, 绿油油
    if first[2] - first[1] > 1 or second[2] - second[1] > 1:
        return False  # across two words: 学习|习近平
    if prev and prev in pack.surnames and (i + 2 >= len(text) or not _HAN.match(text[i + 2])
                                           or pos_tag(text[i - 2:i]) in ("", "n", "nr")):
        return False  # a given name split by the tokenizer: 张|婷|婷
    if pos_tag(x) == "v" and x not in pack.shape["no_aa_verb"] and not _ends_word(text, i):
        return False  # a monosyllabic verb's AA form (扶扶眼镜, 扑扑飞走), its first copy no word's tail
    return True


def single_copy_bonds(text: str, i: int) -> bool:
    """With one copy of the doubled ``text[i:i+2]`` removed, does the remaining copy make a dictionary
    word with what comes before it or after it (发展|展 → 发展, 我们们 → 我们)?"""
    x, n = text[i], len(text)
    if any(in_dict(text[i - k:i] + x) for k in (1, 2, 3) if i - k >= 0):
        return True
    return any(in_dict(x + text[i + 2:i + 2 + k]) for k in (1, 2, 3) if i + 2 + k <= n)


def doubled_words(text: str, base_tokens: List[Tuple[str, int, int]], pack: Pack):
    """Consecutive identical multi-character tokens that are not an ABAB reduplication."""
    for k, (a, b) in enumerate(zip(base_tokens, base_tokens[1:])):
        w = a[0]
        if w != b[0] or len(w) < 2 or a[2] != b[1] or not _HAN.match(w[0]):
            continue
        if (w + w) in pack.redup or in_dict(w + w) or pos_tag(w) in _ABAB_TAGS or pos_tag(w) in _SOUND_TAGS:
            continue  # 研究研究; 咔嚓咔嚓
        if (k > 0 and base_tokens[k - 1][0] == w) or (k + 2 < len(base_tokens) and base_tokens[k + 2][0] == w):
            continue  # three or more in a row: a chant or deliberate effect (向前向前向前)
        if a[1] > 0 and text[a[1] - 1] in _OPEN_QUOTES:
            continue  # a doubled word opening a quotation: a call, chant or verse (“祖国祖国我爱你”)
        if len(w) == 2 and (w[0] in pack.shape["abab_prefix"] or (
                w[0] in pack.shape["degree"] and pos_tag(w[1]) in ("a", "ag", "ad"))):
            continue  # 整晚整晚, 成片成片; 很长很长
        if not in_dict(w) and any(pos_tag(c) in _SOUND_TAGS for c in w):
            continue  # a word the dictionary lacks, made with sound characters: 哔哩哔哩
        if b[2] < len(text) and text[b[2]] in _CLAUSE_END and not function_word(w):
            continue  # a verb's ABAB ending its clause: 与他们通融通融，
        if pos_tag(w) in _NAME_TAGS:
            continue  # a proper name may end one phrase and start the next: 新中国|中国法制史
        if len(set(w)) == 1 or w[0] in _CN_DIGITS or pos_tag(w) in _REDUP_SINGLE_TAGS:
            continue  # 哈哈哈哈 (characters); 一笔一笔, 一项一项 (numeral + measure word)
        if _overlaps_word(text, a[1], b[2]):
            continue  # 新中国|中国法制史: each half belongs to a longer word
        yield a, b


_FUNCTION_TAGS = {"uj", "ul", "uz", "ug", "ud", "uv", "p", "c", "r", "d"}


def function_word(w: str) -> bool:
    """A function word (particle, preposition, conjunction, pronoun, adverb, 是/有): doubling it is
    always a slip, so deleting the second copy is a safe fix."""
    return w in ("是", "有") or pos_tag(w) in _FUNCTION_TAGS


def _overlaps_word(text: str, start: int, end: int) -> bool:
    """Does the first copy (at ``start``) end a longer dictionary word with the characters before it,
    or the second copy (ending at ``end``) begin one with the characters after it?"""
    half = (end - start) // 2
    for k in (1, 2, 3):
        if start - k >= 0 and in_dict(text[start - k:start + half]):
            return True
        if end + k <= len(text) and in_dict(text[end - half:end + k]):
            return True
    return False


def le_pairs(text: str, pack: Pack):
    """Spans of 'V1了V2了' with both verbs dictionary verbs standing as their own words."""
    for m in _LE_PAIR.finditer(text):
        lo, hi = max(0, m.start() - 6), min(len(text), m.end() + 6)
        toks = [t for t in window_tokens(text, lo, hi)]
        for k in range(len(toks) - 3):
            v1, le1, v2, le2 = toks[k:k + 4]
            if le1[0] != "了" or le2[0] != "了" or not (m.start() <= v1[1] and le2[2] <= m.end()):
                continue
            if len(v1[0]) < 2 or len(v2[0]) < 2 or v1[0] == v2[0]:
                continue
            if pos_tag(v1[0]) in _VERB_TAGS and pos_tag(v2[0]) in _VERB_TAGS:
                yield v1, le1, v2, le2
            break


def blocks(page):
    return [b for b in page.layout.blocks if b.kind != "link"]


# A quick test before segmenting: could the block hold a word written twice?  The standard library's engine
# runs this back-reference five times faster than regex's; its class covers every Han character (and a few
# neighbours: a hint may say yes too often, never too rarely).
_DOUBLE_WORD_HINT = re.compile("([\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u9fff"
                               "\uf900-\ufaff\U00016fe2-\U00016ff1\U00020000-\U0003ffff]{2,4})\\1")


def has_double_word(s: str) -> bool:
    return bool(_DOUBLE_WORD_HINT.search(s))

