"""Speech spans: who said what, where — the shared ``"speech"`` analysis.

``page.analysis("speech")`` returns a :class:`SpeechAnalysis` with

* ``speeches`` — :class:`Speech` spans in page order: the speaker (a name such as 吕沛, a title and a
  name reduced to the name, a role such as 会议 or 活动现场组织者, or 他/她 resolved to the last person
  named before it), the verb (指出、强调、要求、表示、说 …), the reported content — to the end of the
  statement, through an enumeration (一是…二是…) or a paragraph broken by the page layout that runs
  over several paragraphs — and direct quotations “…” with the speaker before (X说：“…”) or after
  (“…”X说。);
* ``occasions`` — one :class:`Occasion` per article: headline, dateline date (``2月3日``) and event
  (the meeting or visit the first sentence names).

Everything is found with regular expressions over the layout's paragraphs; no segmenter is loaded.
A speaker is accepted only when the words before the verb make a plausible subject (a name behind a
title, a surname-led name, a role noun, a pronoun), which keeps 可以说、对企业来说 and the like out.
The ``"mentions"`` analysis of the names helper is used for pronoun resolution when it is installed,
but nothing depends on it.

A speech also records its *frame* — the words between the speaker and the verb — because a frame that
names another occasion (吕沛在示范区重点项目推进汇报会上要求… in a weekly commentary, 此前, 曾) marks a
statement recalled from elsewhere, which rules must not treat as said at this article's occasion.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import regex

from .. import packs as _packs

# ---- word lists ---------------------------------------------------------------------------------
# The words live in data packs (rules/speech.toml: verbs of saying, titles after a name, speaker words;
# rules/titles.toml: titles before a name, the kinds of SPEECH_KINDS), which user packs extend; the
# patterns are built from them once per set of active packs (:func:`_lists`).
# The most frequent surnames (rules/surnames.toml, "common"): a name without a title must start with one.
from .mentions import common_surnames as _common_surnames  # noqa: E402
from .mentions import common_word_freq  # noqa: E402

SURNAMES, _COMPOUND = _common_surnames()
COMPOUND_SURNAMES = tuple(sorted(_COMPOUND, key=len, reverse=True))
PRONOUNS = {"他": "he", "她": "she", "他们": "they", "她们": "they", "其": "he"}
_SUBJECT_CHARS = regex.compile(r"^[\p{Han}·（）()]+$")
# Adverbial material between the speaker and the verb: 在调研中, 在…会上, 还, 进一步, 对记者 …
_FRAME_TAIL_RE = regex.compile(
    r"(?:(?:在|于)[^在于，,。]{0,40}?(?:上|中|时|期间|之际|以后|之后|后|前|里|现场)"
    r"|还|也|又|都|均|则|更|就|即|一致|纷纷|共同|特别|再次|进一步|同时|明确|充分|深刻|郑重|一再|反复|多次|曾经|曾|首先|最后|随后|"
    r"接着|当即|当场|现场|对此|对记者|向记者|对大家|向大家|向与会人员|对与会人员|笑着|动情地|深情地|激动地|"
    r"感慨地|坦率地|高度|专门|重点|着重|亲切|殷切|语重心长地|一针见血地|开门见山地|由衷地|认真|真诚地|"
    r"在讲话中|在致辞中|讲话中|致辞中|会上|会中|此前|之前|日前|早前|此外|另外|其中|目前|今天|昨天|当天|"
    r"近日|最近|此次|本次|今年|去年|之后|随即|则|亦)$")
_FRAME_HEAD_RE = regex.compile(
    r"^(?:会上|会议上|会中|会后|讲话中|会谈中|会见中|座谈中|调研中|其中|同时|另外|此外|最后|随后|对此|就此|"
    r"目前|当天|今天|昨天|近日|日前|此前|同时|而|但|并|且|又|也)")
# A frame that names an occasion: 在示范区重点项目推进汇报会上 (a named meeting), not 在会上 / 在调研中.
_FRAME_OCCASION_RE = regex.compile(r"(?:在|于)(?P<occ>[^在于，,。]{1,40})(?:上|中|时|期间|之际|以后|之后|后|前|里)")
_GENERIC_OCCASION_RE = regex.compile(
    r"^(?:此次|本次|这次|今天的?|当天的?|昨天的?|会议|会|讲话|调研|考察|视察|座谈|会谈|会见|发言|致辞|采访|交流|"
    r"活动|检查|督导|走访|参观|现场|汇报|听取汇报|总结讲话|接受记者采访|接受采访|接受本报记者采访|"
    r"讲话|重要讲话|主持会议|[^，,。]{0,4}(?:的)?(?:讲话|致辞|发言))*$")
_RECALL_RE = regex.compile(r"曾经|(?<!不)曾|此前|之前|早在|前不久|不久前|去年|上周|上月|多年前|\d{1,2}月\d{1,2}日|\d{4}年")

# Ordinal markers that carry an enumeration over paragraphs: 一是 / 二要 / 第三， / （四） / 5.
_CN_ORD = "一二三四五六七八九十"
ORDINAL_RE = regex.compile(
    rf"(?:^|(?<=[。；;：:，,！!？?\n]))\s*(?:(?P<a>[{_CN_ORD}]{{1,2}})(?:是|要|、|方面|抓|强化|突出|坚持)"
    rf"|第(?P<b>[{_CN_ORD}]{{1,2}})(?:[，,、是要]|个方面|方面)|[（(](?P<c>[{_CN_ORD}]{{1,2}})[）)]"
    rf"|(?P<d>\d{{1,2}})[.．、](?!\d))")
_ORDINAL_START_RE = regex.compile(
    rf"^\s*(?:(?P<a>[{_CN_ORD}]{{1,2}})(?:是|要|、|方面|抓|强化|突出|坚持)|第(?P<b>[{_CN_ORD}]{{1,2}})"
    rf"(?:[，,、是要]|个方面|方面)|[（(](?P<c>[{_CN_ORD}]{{1,2}})[）)]|(?P<d>\d{{1,2}})[.．、](?!\d)"
    rf"|(?P<e>其次|再次|最后|此外|同时))")
_TERMINAL = "。！？!?…；;"
_CLOSERS = "”’」』）)"

DATE_RE = regex.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
EVENT_RE = regex.compile(
    r"(?:主持召开|召开|举行|举办|主持|出席|参加)(?P<e>[^，,。；;、]{2,40}?(?:会议|大会|会|论坛|仪式|典礼|活动|座谈))"
    r"|(?:到|赴|深入|前往|来到)(?P<v>[^，,。；;]{2,40}?(?:调研|考察|检查|督导|视察|走访|慰问|看望))")
_ACTOR_VERBS = regex.compile(
    r"^(?:[\p{Han}]{0,4}?(?:主持|召开|出席|参加|调研|考察|视察|检查|督导|到|赴|前往|来到|深入|会见|会晤|"
    r"会谈|看望|慰问|走访|带队|率|在|与|同|一行|、|，|,|以|通过|发表|作|主持召开|致辞|讲话|宣布))")
_HAN_START_RE = regex.compile(r"^\p{Han}")
_SENTENCE_END_RE = regex.compile(r"[。！？!?]")
_MEETING_HELD_RE = regex.compile(r"召开|举行|主持|会议|大会|座谈")
_ROLE_DET_RE = regex.compile(r"^(?:该|这位|那位|一位|有关|相关|一名|这名)")
_NON_WORD_RE = regex.compile(r"[^\p{Han}\w]")
_SPEECH_START_RE = regex.compile(r"^[\p{Han}]{2,12}(?:指出|强调|表示|说)[，,：:]")
_THIS_RE = regex.compile(r"^(?:此次|本次|这次|今天的?|当天的?)")
FILENAME_DATE_RE = re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)")


# ---- data ----------------------------------------------------------------------------------------
@dataclass
class Occasion:
    """Where a statement was made: the article's headline, dateline date and event."""

    article: int
    title: str = ""
    date: str = ""  # as written in the dateline: 2月3日 / 2023年2月3日
    month_day: Optional[Tuple[int, int]] = None
    year: Optional[int] = None
    page_date: str = ""  # the page's own date (ISO) when known: filename or the dates analysis
    event: str = ""
    kind: str = "news"  # the article kind: news | commentary | photo | front
    lead: str = ""  # the first sentence of the article (who did what), for the occasion test
    title_start: int = -1  # offsets of the headline (for locations)
    title_end: int = -1

    def label(self) -> str:
        parts = []
        if self.date:
            parts.append(self.date)
        if self.title:
            parts.append(f"《{self.title}》")
        elif self.event:
            parts.append(self.event)
        return "".join(parts) or "（无标题）"


@dataclass
class Speech:
    start: int  # from the speaker (or the opening quote when the speaker follows)
    end: int  # end of the content
    speaker: str  # normalised: the name, the role (会议), or '' when a pronoun stayed unresolved
    speaker_text: str  # as written: 示范区(高新区)党工委副书记吕沛 / 他 / 活动现场组织者
    speaker_kind: str  # person | role | meeting | pronoun (unresolved)
    speaker_start: int
    speaker_end: int
    verb: str
    content_start: int
    content_end: int
    content: str
    quote: bool  # the content is a direct quotation
    article: int
    block: int  # the block where the speech starts
    last_block: int  # the block where the content ends
    frame: str = ""  # the words between speaker and verb: 在调研中 / 在…会上 / 还
    recalled: str = ""  # why the statement looks recalled from another occasion ('' if not)
    named_occasion: str = ""  # an occasion the frame names (示范区重点项目推进汇报会)
    own_occasion: bool = False  # the speaker is the actor of the article's lead (it is their event)

    @property
    def first_words(self) -> str:
        c = self.content.strip()
        return c[:24] + ("…" if len(c) > 24 else "")


@dataclass
class SpeechAnalysis:
    speeches: List[Speech] = field(default_factory=list)
    occasions: Dict[int, Occasion] = field(default_factory=dict)

    def occasion(self, speech: Speech) -> Occasion:
        return self.occasions.get(speech.article) or Occasion(article=speech.article)


# ---- the patterns of the word lists ----------------------------------------------------------------
@dataclass(frozen=True)
class _Lists:
    titles: Tuple[str, ...]  # before a name (rules/titles.toml, SPEECH_KINDS)
    object_verbs: frozenset  # verbs that may take a short object before the statement: 要求全区党员干部，要…
    not_names: frozenset  # words that look like names but are common nouns or function words
    anchor: "regex.Pattern"  # a verb followed by the statement: 指出，/ 说：“ / 表示“ / 要求全区党员干部，
    after_quote: "regex.Pattern"  # the speaker after a quotation: “……。”活动现场组织者说。
    title_then_name: "regex.Pattern"
    name_then_title: "regex.Pattern"  # 习近平总书记, 王某某同志
    post_title: "regex.Pattern"
    strong_title_name: "regex.Pattern"  # a name behind a title strong enough to mark it as a person
    title_tail: "regex.Pattern"
    meeting: "regex.Pattern"  # a meeting speaker: 会议, 常务会议
    role: "regex.Pattern"  # a role, document or body: 组织者, 发言人, 公报, 指挥部
    group: "regex.Pattern"  # several people as one: 代表们, 专家组成员, 各乡镇负责人, 与会人员


def _lists() -> _Lists:
    return _build_lists(_packs.active_key())


@lru_cache(maxsize=4)
def _build_lists(_packs_key) -> _Lists:
    from .words import SPEECH_KINDS, alternation, titles, words

    verbs = alternation(words("speech_verb"))
    title_alt = alternation(titles(SPEECH_KINDS))
    post = alternation(words("post_title"))
    weak = set(words("weak_title")) | set(titles(("people",)))
    strong = alternation(t for t in titles(SPEECH_KINDS) if t not in weak)

    def group(kind: str) -> str:
        return alternation(words("group_speaker", "kind", kind))

    return _Lists(
        titles=titles(SPEECH_KINDS),
        object_verbs=frozenset(words("speech_verb", "object", True)),
        not_names=frozenset(words("not_name")),
        anchor=regex.compile(rf"(?P<verb>{verbs})(?P<obj>[\p{{Han}}]{{1,12}}?)?(?P<punct>[，,：:]\s*“?|“)"),
        after_quote=regex.compile(
            rf"”[，,]?(?P<subj>[^，,。！？!?；;：:“”\n]{{1,40}}?)(?P<verb>{verbs})(?P<tail>道)?(?=[。，,！!；;]|$)"),
        title_then_name=regex.compile(rf"^(?P<pre>.*?(?:{title_alt}))(?P<name>[\p{{Han}}·]{{2,12}})$"),
        name_then_title=regex.compile(rf"^(?P<name>[\p{{Han}}·]{{1,4}}?)(?P<post>{post})$"),
        post_title=regex.compile(rf"^(?:{post})"),
        strong_title_name=regex.compile(rf"(?:{strong})(?P<name>[\p{{Han}}]{{2,3}})"),
        title_tail=regex.compile(rf"(?:{title_alt})$"),
        meeting=regex.compile(rf"(?:{alternation(words('meeting_speaker'))})$"),
        role=regex.compile(rf"(?:{alternation(words('role_speaker'))})$"),
        group=regex.compile(
            rf"^(?:与会(?:{group('attendees')})|(?:{group('team')})组(?:成员)?|"
            rf"(?:{group('quantifier')})[\p{{Han}}]{{0,8}}(?:{group('members')})|"
            rf"[\p{{Han}}]{{0,8}}(?:{group('plural')})们)$"),
    )


# ---- speaker parsing -----------------------------------------------------------------------------
def _is_surname_name(s: str) -> bool:
    if s in _lists().not_names or (s[-1] == "长" and common_word_freq(s)):
        return False  # 区长, 校长, 队长: a title whose first character is also a surname
    if len(s) == 3 and s[-1] == "来" and common_word_freq(s[:2]):
        return False  # 简单来说, 严格来说: a word + 来说 is a discourse marker (周恩来说 is a name)
    if s[-1] in _NON_FINAL and not (len(s) == 3 and s[-1] in _NAME_FINAL_TOO and not common_word_freq(s)):
        return False
    if any(s.startswith(c) for c in COMPOUND_SURNAMES):
        return 3 <= len(s) <= 4
    return 2 <= len(s) <= 3 and s[0] in SURNAMES


# Characters that do not occur in a personal name written behind a title (function words, verbs).
_NON_NAME_CHARS = set("的了时在发表示说会上中下后前对向和与及并将已被把从为是有要不也都就还这那其等们个年月日作出重要"
                      "讲话指强调提通过根据按照方面部门工作记者代表主持召开参加出席共同一致到去看听走")
# Last characters that make a surname-led word a group, an organ or a document, not a person:
# 乌军, 乌方, 白皮书, 文章, 公报.
_NON_FINAL = set("军方书章报部委局省市县党队面席厅处院所社团组副")
# ... except that these also end many three-character given names (王建军, 李东方, 王文章) — when the
# three characters are no ordinary word (解放军, 志愿军 are).
_NAME_FINAL_TOO = set("军方章")
_FOREIGN_NAME = regex.compile(r"^[\p{Han}]{1,8}·[\p{Han}·]{1,16}$")


def parse_subject(subject: str) -> Tuple[str, str]:
    """(kind, normalised speaker) for the words before the verb (frame already removed).

    kind is person, meeting, role, pronoun, or '' when the words are no plausible speaker."""
    s = subject.strip(" \t\u3000*_")
    if not s or len(s) > 40 or not _SUBJECT_CHARS.match(s):
        return "", ""
    if s in PRONOUNS:
        return "pronoun", s
    w = _lists()
    if w.meeting.search(s) and len(s) <= 12:
        return "meeting", "会议"
    m = w.name_then_title.match(s)
    if m:
        name = m.group("name")
        if len(name) == 1 and name in SURNAMES:
            return "person", name  # 习主席, 王书记: the surname alone; rules match it to a full name
        if _is_surname_name(name) or _FOREIGN_NAME.match(name):
            return "person", name
    m = w.title_then_name.match(s)
    if m:
        name = m.group("name")
        if _FOREIGN_NAME.match(name) or (2 <= len(name) <= 6 and name not in w.not_names
                                          and not w.role.search(name) and not name.endswith(w.titles)
                                          and not _NON_NAME_CHARS.intersection(name)):
            return "person", name
    if _FOREIGN_NAME.match(s):
        return "person", s
    if _is_surname_name(s):
        return "person", s
    if w.group.match(s):
        return "group", s
    if w.role.search(s) and not s.endswith(("们", "大家")):
        return "role", _ROLE_DET_RE.sub("", s) or s
    return "", ""


def split_frame(clause: str) -> Tuple[str, str]:
    """Split 'speaker + frame' into (speaker words, frame): 吕沛在调研中 → (吕沛, 在调研中)."""
    s = clause
    frame = ""
    for _ in range(6):
        m = _FRAME_TAIL_RE.search(s)
        if not m or m.start() == 0:
            break
        frame = s[m.start():] + frame
        s = s[:m.start()]
    m = _FRAME_HEAD_RE.match(s)
    if m and m.end() < len(s):
        s = s[m.end():]
    return s, frame


def _named_occasion(frame: str) -> str:
    for m in _FRAME_OCCASION_RE.finditer(frame):
        occ = m.group("occ")
        if not _GENERIC_OCCASION_RE.match(occ) and len(_NON_WORD_RE.sub("", occ)) >= 4:
            return occ
    return ""


# ---- content extent ------------------------------------------------------------------------------
def _ordinal_value(m) -> Optional[int]:
    from ..numerals import cn_to_int

    for g in ("a", "b", "c"):
        v = m.group(g) if g in m.re.groupindex else None
        if v:
            return cn_to_int(v)
    d = m.group("d")
    return int(d) if d else None


def _max_ordinal(text: str) -> int:
    best = 0
    for m in ORDINAL_RE.finditer(text):
        v = _ordinal_value(m)
        if v and v <= best + 1:
            best = max(best, v)
    return best


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(" \t\u3000*_")
    while t and t[-1] in _CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in _TERMINAL


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”")


# ---- the analysis --------------------------------------------------------------------------------
def _page_date(page) -> str:
    d = page.analysis("dates").page_date  # one page date, whichever rules run
    if d is not None and hasattr(d, "isoformat"):
        return d.isoformat()
    m = FILENAME_DATE_RE.search(os.path.basename(page.path or ""))
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return ""


def _occasions(page, layout) -> Dict[int, Occasion]:
    page_date = _page_date(page)
    days = page.analysis("dates")
    out: Dict[int, Occasion] = {}
    for art in layout.articles:
        if days.sections:  # a file of several days: the article's own day
            d = days.date_at(art.start)
            page_date = d.isoformat() if d else _page_date(page)
        lead_block = next((b for b in art.blocks if b.is_text), None)
        lead = ""
        if lead_block is not None:
            t = lead_block.text
            cut = _SENTENCE_END_RE.search(t)
            lead = t[:cut.end()] if cut else t
        occ = Occasion(article=art.index, kind=art.kind, page_date=page_date, lead=lead)
        hs = art.headings
        # a short section label above the headline (## 详细新闻 / ### 一周动态) is not the headline
        while len(hs) > 1 and len(hs[0].text) <= 6 and hs[0].level and hs[1].level > hs[0].level:
            hs = hs[1:]
        if hs:
            occ.title = hs[0].text.strip("*_ ")
            occ.title_start, occ.title_end = hs[0].start, hs[0].end
        m = DATE_RE.search(lead[:60]) if lead else None
        if m:
            occ.month_day = (int(m.group("m")), int(m.group("d")))
            occ.year = int(m.group("y")) if m.group("y") else None
            occ.date = m.group(0)
        e = EVENT_RE.search(lead) if lead else None
        if e:
            occ.event = e.group("e") or (e.group("v") or "")
        out[art.index] = occ
    return out


def _acts_in(name: str, occ: Occasion, kind: str) -> bool:
    """Is the speaker the actor of the article's own event (named in the lead doing something, or in
    the headline)?  For a meeting: the lead says a meeting was held."""
    if kind == "meeting":
        return bool(_MEETING_HELD_RE.search(occ.lead + occ.title))
    if kind != "person" or len(name) < 2 or occ.kind == "commentary":
        return False
    if _REACTION_TITLE_RE.search(occ.title):
        return False  # a reaction or summary piece: 习近平致信…引发热烈反响 / …讲话在全区引起强烈反响
    if name in occ.title:  # the headline decides: 吕沛调研… (their event) / 习近平总书记…重要讲话引发热烈反响 (not)
        return _acts(name, occ.title, headline=True)
    return _acts(name, occ.lead)


# 习近平总书记在山东考察时的重要讲话引发热烈反响 / 学习贯彻习近平总书记重要讲话精神: the person's words are
# the subject of the piece, not an event of theirs.
_ABOUT_WORDS_RE = regex.compile(
    r"^[^，,。；;\s——]{0,30}?的?(?:重要)?(?:讲话|指示|批示|论述|思想|贺信|回信|贺电|文章|要求|部署|寄语|嘱托)"
    r"(?:精神)?(?:引发|在|激励|鼓舞|指引|温暖|的|$|[\s，,——])")
_REACTION_TITLE_RE = regex.compile(r"引发[^，,。]{0,8}反响|引起[^，,。]{0,8}反响|反响热烈|热议|综述|述评|侧记|回眸|巡礼")
_STUDY_BEFORE_RE = regex.compile(r"(?:学习|贯彻|落实|领会|践行|宣传|阐释|研讨)[\p{Han}]{0,4}$")


def _acts(name: str, text: str, headline: bool = False) -> bool:
    post = _lists().post_title
    i = text.find(name)
    while i >= 0:
        rest = post.sub("", text[i + len(name):])
        about = _ABOUT_WORDS_RE.match(rest) or _STUDY_BEFORE_RE.search(text[max(0, i - 8):i])
        if not about and not rest.startswith(("的", "重要", "关于", "同志的", "总书记的")) and (
                _ACTOR_VERBS.match(rest) or (headline and _HAN_START_RE.match(rest))):
            return True
        i = text.find(name, i + 1)
    return False


def _known_names(page) -> List[str]:
    """Person names of the names helper's ``"mentions"`` analysis when another rule has already computed
    it for this page (it is not computed here: pronoun resolution works without it, and cheaply)."""
    m = getattr(page, "_cache", {}).get("mentions")
    if m is None:
        return []
    names = []
    try:
        people = getattr(m, "people", None)
        people = people() if callable(people) else people
        for x in people or []:
            n = getattr(x, "name", None)
            if isinstance(n, str) and 2 <= len(n) <= 8 and getattr(x, "kind", "person") == "person" \
                    and getattr(x, "strong", True):
                names.append(n)
    except Exception:  # another helper's analysis: never let its changes break speech spans
        return []
    return names


_NAME_STOP = set("在到与和对主出参来赴一等向为是的了从率带陪同并及、说指强要表")


def _candidate_names(text: str, start: int, end: int, known: List[str]) -> List[str]:
    """Person names written behind a title in text[start:end] (吕沛 in 党工委副书记吕沛主持…)."""
    out = []
    known_set = set(known)
    w = _lists()
    for m in w.strong_title_name.finditer(text, start, end):
        name = m.group("name")
        at = m.start("name")
        hit = next((text[at:at + n] for n in (4, 3, 2) if text[at:at + n] in known_set), None)
        if hit:
            name = hit
        elif len(name) == 3 and name[2] in _NAME_STOP:
            name = name[:2]
        if not hit and (not _is_surname_name(name) or _NON_NAME_CHARS.intersection(name)):
            continue
        if name in w.not_names or w.role.search(name) or name.endswith(w.titles):
            continue
        out.append(name)
    return out


_CLAUSE_BOUNDARY = "。！？!?；;，,：:\n“”"


def _antecedent(text: str, start: int, end: int, names: List[str]) -> str:
    """The person a 他/她 at ``end`` refers to: the last name standing as the subject of a clause
    (at the clause start, or behind a title there) in text[start:end]; else the last name seen."""
    best_subject = (-1, "")
    best_any = (-1, "")
    title_tail = _lists().title_tail
    for name in sorted(set(names), key=lambda n: (-len(n), n)):  # at one place the longer name wins, whatever
        i = text.find(name, start, end)                             # PYTHONHASHSEED (习近平, not 习)
        while i >= 0:
            j = i
            while j > start and text[j - 1] not in _CLAUSE_BOUNDARY:
                j -= 1
            before = text[j:i].strip(" \t\u3000*_")
            if i > best_any[0]:
                best_any = (i, name)
            if (not before or title_tail.search(before)) and i > best_subject[0]:
                best_subject = (i, name)
            i = text.find(name, i + len(name), end)
    return best_subject[1] or best_any[1]


def analyse(page) -> SpeechAnalysis:
    layout = page.layout
    text = page.text
    occasions = _occasions(page, layout)
    blocks = layout.blocks
    speeches: List[Speech] = []

    # 1. anchors: speaker + verb + punctuation, in running-text blocks, at a clause start
    raw: List[Tuple[int, Speech]] = []
    w = _lists()
    for b in blocks:
        if not b.is_text and b.kind != "list":
            continue
        bt = b.text
        for m in w.anchor.finditer(bt):
            verb = m.group("verb")
            if m.group("obj") and verb not in w.object_verbs:
                continue
            vs = m.start("verb")
            # the clause before the verb: back to the previous clause boundary
            j = vs
            while j > 0 and bt[j - 1] not in "。！？!?；;，,：:“”「」、\n":
                j -= 1
            clause = bt[j:vs]
            # a speech anchored after a closing quote is handled by the quote pass
            words, frame = split_frame(clause.strip())
            kind, speaker = parse_subject(words)
            if not kind:
                continue
            lead_ws = len(clause) - len(clause.lstrip())
            sp_start = b.start + j + lead_ws
            sp_end = sp_start + len(words)
            c_start = b.start + m.end()
            opened_quote = m.group("punct").rstrip().endswith("“")
            if opened_quote:
                c_start -= 1  # include the opening quote mark in the content span
            named = _named_occasion(frame)
            s = Speech(start=sp_start, end=c_start, speaker=speaker, speaker_text=words, speaker_kind=kind,
                       speaker_start=sp_start, speaker_end=sp_end, verb=verb, content_start=c_start,
                       content_end=b.end, content="", quote=opened_quote, article=b.article, block=b.index,
                       last_block=b.index, frame=frame, named_occasion=named)
            raw.append((b.index, s))
        # 2. quotations with the speaker after them: “……”活动现场组织者说。
        for m in (w.after_quote.finditer(bt) if "”" in bt else ()):
            subj = m.group("subj")
            words, frame = split_frame(subj.strip())
            kind, speaker = parse_subject(words)
            if not kind:
                continue
            close = m.start()
            open_ = bt.rfind("“", 0, close)
            if open_ < 0:
                # the quotation opened in an earlier paragraph
                open_abs = _find_open_quote_before(text, blocks, b.index)
                if open_abs is None:
                    continue
                first_block = layout.block_at(open_abs)
                first_index = first_block.index if first_block else b.index
            else:
                open_abs = b.start + open_
                first_index = b.index
            if close + 1 - open_ < 3 and open_ >= 0:
                continue
            sp_start = b.start + m.start("subj") + (len(subj) - len(subj.lstrip()))
            s = Speech(start=open_abs, end=b.start + m.end(), speaker=speaker, speaker_text=words,
                       speaker_kind=kind, speaker_start=sp_start, speaker_end=sp_start + len(words),
                       verb=m.group("verb"), content_start=open_abs, content_end=b.start + close + 1,
                       content=text[open_abs:b.start + close + 1], quote=True, article=b.article,
                       block=first_index, last_block=b.index, frame=frame, named_occasion=_named_occasion(frame))
            raw.append((first_index, s))

    raw.sort(key=lambda x: (x[1].start, x[1].content_start))
    # drop an anchor that sits inside an earlier quotation with the speaker after it
    quoted = [(s.content_start, s.content_end) for _, s in raw if s.quote and s.speaker_start > s.content_start]
    raw = [(bi, s) for bi, s in raw
           if not (s.speaker_start >= s.content_start and any(a < s.start < e for a, e in quoted) and
                   not (s.quote and s.speaker_start > s.content_start))]

    # 3. content extent of reported speech: to the next anchor in the paragraph or the paragraph end,
    #    then on through enumerations and broken paragraphs.
    anchors_by_block: Dict[int, List[int]] = {}
    for _, s in raw:
        if not (s.quote and s.speaker_start > s.content_start):  # speaker-first anchors only
            anchors_by_block.setdefault(s.block, []).append(s.start)
    for idx, (bi, s) in enumerate(raw):
        if s.quote and s.speaker_start > s.content_start:
            speeches.append(s)
            continue
        b = blocks[bi]
        nexts = [a for a in anchors_by_block.get(bi, []) if a >= s.content_start]
        end = min(nexts) if nexts else b.end
        last = bi
        if not nexts:
            last, end = _extend(text, blocks, bi, s.content_start, end, anchors_by_block)
        # trim trailing space
        while end > s.content_start and text[end - 1] in " \t\u3000\n":
            end -= 1
        s.content_end = end
        s.end = end
        s.last_block = last
        s.content = text[s.content_start:end]
        speeches.append(s)

    # 4. pronouns: 他/她 → the person last standing as a clause subject in the article before it
    names: Optional[List[str]] = None
    for s in speeches:
        if s.speaker_kind == "pronoun" and s.speaker in ("他", "她", "其"):
            if names is None:  # only a page with a pronoun speaker pays for the names
                names = _known_names(page) + [x.speaker for x in speeches if x.speaker_kind == "person"]
            art = layout.articles[s.article] if 0 <= s.article < len(layout.articles) else None
            a_start = art.start if art else 0
            name = _antecedent(text, a_start, s.speaker_start,
                               names + _candidate_names(text, a_start, s.speaker_start, names))
            if name:
                s.speaker = name
                s.speaker_kind = "person"
                s.speaker_text = f"{s.speaker_text}（{name}）"
            else:
                s.speaker = ""
    # 5. occasion tests
    for s in speeches:
        occ = occasions.get(s.article) or Occasion(article=s.article)
        s.own_occasion = _acts_in(s.speaker, occ, s.speaker_kind)
        reasons = []
        if s.named_occasion and not _same_event(s.named_occasion, occ):
            reasons.append(f"言明场合“{s.named_occasion}”")
        r = _RECALL_RE.search(s.speaker_text + s.frame)
        if r:
            reasons.append(f"追述（“{r.group(0)}”）")
        s.recalled = "；".join(reasons)
    return SpeechAnalysis(speeches=speeches, occasions=occasions)


def _same_event(named: str, occ: Occasion) -> bool:
    """Does an occasion named in a frame refer to this article's own event?"""
    from rapidfuzz import fuzz

    target = occ.title + "|" + occ.event
    core = _THIS_RE.sub("", named)
    return bool(target.strip("|")) and fuzz.partial_ratio(core, target) >= 75


def _find_open_quote_before(text: str, blocks, bi: int) -> Optional[int]:
    for k in range(bi - 1, max(-1, bi - 6), -1):
        b = blocks[k]
        if not b.is_text:
            return None
        i = b.text.rfind("“")
        if i >= 0:
            return b.start + i
    return None


def _extend(text: str, blocks, bi: int, c_start: int, end: int, anchors_by_block) -> Tuple[int, int]:
    """Carry the content of a statement over following paragraphs: while a quotation stays open,
    while a paragraph is broken off mid-sentence (page-layout artefact), or while the next paragraph
    goes on with the enumeration the statement started (二要… after 一要…)."""
    last = bi
    for _ in range(12):
        content = text[c_start:end]
        nxt = last + 1
        if nxt >= len(blocks):
            break
        nb = blocks[nxt]
        if not (nb.is_text or nb.kind == "list") or nb.article != blocks[bi].article:
            break
        cont = False
        if _open_quote(content):
            cont = True
        elif not _ends_sentence(content) and not _ORDINAL_START_RE.match(nb.text) and \
                not _SPEECH_START_RE.match(nb.text):
            cont = True  # a paragraph broken mid-sentence: 三要强化 / 时间观念。
        else:
            n = _max_ordinal(content)
            m = _ORDINAL_START_RE.match(nb.text)
            if n and m:
                if m.group("e"):
                    cont = m.group("e") in ("其次", "再次", "最后")
                else:
                    v = _ordinal_value(m)
                    cont = v == n + 1
        if not cont:
            break
        nexts = [a for a in anchors_by_block.get(nxt, []) if a > nb.start]
        last = nxt
        end = min(nexts) if nexts else nb.end
        if nexts:
            break
    return last, end
