"""Rule ``name-leader-misspelt``: a leader's name misspelt by one look- or sound-alike character where a name stands."""
from __future__ import annotations

from typing import List, Optional

import regex

from ...analyses.mentions import common_word_freq
from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import _HAN1, _TAIL, CAT, Roster, _clause_bounds, add_findings, load_roster

MISSPELT = Rule(
    id="name-leader-misspelt", category=CAT, severity="error",
    summary="国家领导人姓名错字（与名单中的姓名只差一个音近或形近字）",
    explanation="国家领导人的姓名写错是最严重的差错之一，而且多出现在名单里。出现在人名位置上（与其他领导人"
                "并列的顿号名单中，或紧跟在领导人职务之后）的二至三字，若与名单中某位领导人的姓名只差一个"
                "音近或形近的字，本身不是名单中的人、不是常用词，页面上也没有以其他职务提到这个名字，就报告为"
                "错误，并给出正确写法（不安全修复）。\n\nA leader's name misspelt by one look- or sound-alike "
                "character where a name stands (in a list of leaders, after a leader's title)." + _TAIL,
    bad="出席会议的还有李干木、何立峰、张国清等。", good="出席会议的还有李干杰、何立峰、张国清等。",
    fixable=True, needs=("dates",),
    examples=[{"text": "出席会议的还有李干木、何立峰、张国清等。\n", "fires": True, "date": "2024-05-10"},
              {"text": "出席会议的还有李干杰、何立峰、张国清等。\n", "fires": False, "date": "2024-05-10"}],
)


# ---- name-leader-misspelt -------------------------------------------------------------------------------
_LIST_JOIN = "、"
_LIST_JOIN_RE = regex.compile(_LIST_JOIN)


def _alike(a: str, b: str, short: bool) -> Optional[str]:
    from ...analyses import charsim

    rel = charsim.relation(a, b)
    if rel:
        return rel
    if charsim.contains(a, b):
        return "shape"
    if not short and (charsim.sound_alike(a, b, loose=True) or charsim.shape_level(a, b) >= 1):
        return "sound" if charsim.sound_alike(a, b, loose=True) else "shape"
    return None


def _list_elements(text: str, s: int, e: int) -> List[str]:
    """The 、-separated elements of the clause around ``[s, e)`` (the first and last may carry words)."""
    a, b = _clause_bounds(text, s, e)
    return [x for x in text[a:b].split(_LIST_JOIN)]


def _leaders_in(elements: List[str], r: Roster, skip: str) -> int:
    n = 0
    for x in elements:
        if x == skip:
            continue
        x2 = regex.sub(r"(?:同志)?等.*$|同志$", "", x)
        if x2 in r.leaders or any(x2.endswith(k) or x2.startswith(k) for k in r.leaders):
            n += 1
    return n


def _common_word(w: str) -> bool:
    return common_word_freq(w) > 0


def _candidates(text: str, r: Roster):
    """(start, end, position) of spans standing where a name stands: next to a 、 of a list ("list"),
    right after a leader's title (the title's post), or at the head of a clause before a speech verb
    ("speech")."""
    for m in _LIST_JOIN_RE.finditer(text):
        i = m.start()
        for L in (2, 3):
            for s in (i - L, i + 1):
                if s >= 0 and s + L <= len(text):
                    yield s, s + L, "list"
    if r.titles_re is not None:
        for m in r.titles_re.finditer(text):
            for L in (2, 3):
                s = m.end()
                if s + L <= len(text):
                    yield s, s + L, r.title_of[m.group()]
    for m in _SPEECH.finditer(text):
        for L in (2, 3):
            s = m.start() - L
            if s >= 0 and (s == 0 or not _HAN1.match(text[s - 1])):
                yield s, m.start(), "speech"


_SPEECH = regex.compile(r"(?:说|表示|指出|强调|要求|认为|介绍|宣布)")


def _ends_name(text: str, e: int) -> bool:
    """True when a name can end at ``e``: a mark, a list word, or a common word starting there (陪同)."""
    if e >= len(text):
        return True
    nxt = text[e]
    if not regex.match(r"\p{Han}", nxt) or nxt in _NAME_END:
        return True
    return _common_word(text[e:e + 2]) and not _common_word(text[e - 1:e + 1])


_HAN = regex.compile(r"\p{Han}+")
_NAME_END = "、，。；：！？等和与及同在说表指强出会主参作就向对也分陪率（(\n \u3000"


def _could_be_leader(text: str, s: int, e: int, w: str, where: str, near, r: Roster) -> bool:
    """The tests of ``check_misspelt`` that need no character similarity, passed by at least one of the
    ``near`` leaders: a span that fails them is never reported, whatever the similarity says."""
    if where == "list":
        prev = text[s - 1] if s > 0 else ""
        nxt = text[e] if e < len(text) else ""
        if nxt != _LIST_JOIN and prev != _LIST_JOIN:
            return False
        if nxt != _LIST_JOIN and not _ends_name(text, e):
            return False
    elif where == "speech":
        return any(name in text for name, _ in near)
    else:
        return _ends_name(text, e) and any(r.held(name, where) for name, _ in near)
    return True


def check_misspelt(page, ctx, r: Roster, win) -> list:
    if not r.masks:
        return []
    text = page.text
    out = []
    done = set()
    others = None  # names the page gives with a title that is not a leader's
    for s, e, where in _candidates(text, r):
        w = text[s:e]
        near = r.near(w)  # (the cheapest test first: most spans are near no leader's name)
        if not near or not _HAN.fullmatch(w) or w in r.leaders or not _could_be_leader(text, s, e, w, where, near, r):
            continue  # cheap tests first: the character tables are loaded only for a real candidate
        hits = []
        for name, i in near:
            rel = _alike(w[i], name[i], len(w) == 2)
            if rel:
                hits.append((name, i, rel))
        if len(hits) != 1:
            continue  # nothing alike, or two leaders it could stand for
        name, i, rel = hits[0]
        # the span must not overlap the right name itself (a shifted window over 何立峰)
        k = text.find(name, max(0, s - len(name) + 1))
        if 0 <= k < e:
            continue
        if where == "list":
            prev = text[s - 1] if s > 0 else ""
            nxt = text[e] if e < len(text) else ""
            if nxt != _LIST_JOIN and prev != _LIST_JOIN:
                continue
            if nxt != _LIST_JOIN and not _ends_name(text, e):
                continue  # a longer word after the last element
            if prev != _LIST_JOIN and len(w) == 2 and regex.match(r"\p{Han}", prev) and not text.endswith(
                    ("有", "是", "为", "的", "和", "及", "与", "任", "长", "席", "理", "记", "员", "委"), 0, s):
                continue
            els = _list_elements(text, s, e)
            if _leaders_in(els, r, w) < 1:
                continue
        elif where == "speech":  # at the head of a clause before a speech verb: the leader is on the page
            if name not in text:
                continue
        else:  # right after a leader's title: the leader of that name must have held it
            if not _ends_name(text, e) or not r.held(name, where):
                continue
        if _common_word(w) or (len(w) == 3 and _common_word(w[:2]) and _common_word(w[1:])):
            continue
        if text.count(w) >= 2 and name not in text:
            continue  # a person of that spelling the page names more than once
        if others is None:  # people the page names with a title no leader on the page shares
            people = page.analysis("mentions").people()
            leader_titles = {mn.title for mn in people if mn.name in r.leaders}
            others = {mn.name for mn in people if mn.title and mn.title not in leader_titles
                      and not any(t in mn.title for t in r.title_of)}
        if w in others:
            continue
        if (s, e) in done:
            continue
        done.add((s, e))
        from ...analyses import charsim

        out.append(ctx.finding(
            MISSPELT, page, s, e,
            f"“{w}”与领导人“{name}”只差一字（“{w[i]}”与“{name[i]}”{charsim.RELATION_CN[rel]}），应为“{name}”",
            suggestion=name, fix=Fix(s, e, name), key=w))
    return out


@page_rule(MISSPELT)
def misspelt(rc: RuleContext) -> None:
    add_findings(rc, check_misspelt(rc.page, rc.ctx, load_roster(rc.ctx), None))
