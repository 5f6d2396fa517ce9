"""Rule ``attribution-speaker-conflict``: the same words given to two different speakers (two people; a
group and another subject; as a note, a role and a named person)."""
from __future__ import annotations

import regex

from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import describe, kind_of_pair, related_to, report, report_on, same_statement, statement_pairs

RULE = Rule(
    id="attribution-speaker-conflict",
    category="attribution",
    severity="warning",
    summary="同一段话被归于两个不同的发言人",
    explanation="""\
把一个人的话安到另一个人头上，是新闻稿最严重的差错之一。本规则抽取版面上的“谁说了什么”（发言人、
动词、转述内容或直接引语），在整批稿件（含 --archive 旧版）中比对：同一段（或几乎相同的）较长内容
分别归于两个不同的人时报告，并给出另一处的位置和场合。发言人为角色（如“活动现场组织者”）而另一处
为具名人物时，只作提示（info）。

默认阈值：转述内容去掉标点后至少 min_chars = 50 字（短于此的多是人人都说的套话，如“要压实责任”），直接引语
至少 quote_min_chars = 30 字；两处相似度不低于 similarity = 0.9，长度之比不低于 length_ratio = 0.75。

The same (or nearly the same) statement is attributed to two different named speakers somewhere in
the run. Both attributions are shown with their occasion (headline, dateline date). Reported speech
counts from 50 letters (shorter statements are mostly shared formulae), quotations from 30.""",
    bad="甲稿：吕沛要求，一是组织体系要健全……\n乙稿：官卫红要求，一是组织体系要健全……",
    good="两处为不同内容；或同一段话只归于实际发言人。",
    options=(("min_chars", 50), ("quote_min_chars", 30), ("similarity", 0.9), ("length_ratio", 0.75)),
    needs=("speech",),
    examples=[
        {"text": "## 全区召开项目推进会\n\n本报讯 会上，王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招商工作会议\n\n本报讯 会上，李华要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n", "fires": True, "date": None},
        {"text": "## 全区召开项目推进会\n\n本报讯 会上，王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招商工作会议\n\n本报讯 会上，李华要求，招商工作要突出重点，紧盯龙头企业和关键项目，抓好签约项目落地。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def speaker_conflict(rc: RuleContext) -> None:
    corpus = rc.corpus
    found = statement_pairs(corpus, rc.ctx)
    pages, items = found.pages, found.items
    opts = rc.options
    for a, b in found.pairs:
        x, y = items[a], items[b]
        kind = kind_of_pair(x, y)
        if kind == "speaker":
            if not same_statement(x, y, opts):
                continue
            _report_conflict(rc, pages, x, y, "请核实发言人")
        elif kind == "group":
            _group_conflict(rc, pages, x, y, opts)
        elif kind == "role":
            _role_note(rc, pages, x, y, opts)


def _reaction_re(rc):
    """The headline words of a reaction piece (反响, 热议…), from the packs; a paper adds its own."""
    pat = rc.ctx.state.get("attribution.reaction_re")
    if pat is None:
        words = [w for e in rc.pack("reaction_piece") for w in e.get("words", ())
                 if isinstance(w, str) and w]
        pat = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))) \
            if words else regex.compile(r"(?!)")
        rc.ctx.state["attribution.reaction_re"] = pat
    return pat


def _group_conflict(rc, pages, x, y, opts) -> None:
    """One passage given to a group (代表们, 专家组成员) in one place and to another group or a person in
    the other: a misattribution, naming both subjects.  Not when either is recalled or quoted in a piece
    that is not its speakers' own event (a reaction piece echoes the words of the event it reports)."""
    def fits(s) -> bool:  # a person at their own event; a group not in a reaction piece
        return not s.recalled and (s.own if s.speaker_kind == "person" else not reaction.search(s.topic))

    reaction = _reaction_re(rc)
    if not same_statement(x, y, opts) or not (fits(x) and fits(y)):
        return
    _report_conflict(rc, pages, x, y, "请核实是谁说的")


def _report_conflict(rc, pages, x, y, ask: str) -> None:
    """Report one passage given to two subjects, at the place :func:`report_on` picks, naming both."""
    rep, other = report_on(x, y)
    if not rc.enabled_for(pages[rep.path]):
        return
    msg = (f"同一段话（“{rep.first_words}”）分别归于“{rep.speaker}”和“{other.speaker}”："
           f"此处为{describe(rep)}，另一处为{describe(other)}。{ask}")
    report(rc, rc.corpus, pages, rep, other, msg,
           related_to(other, f"同一段话在此归于“{other.speaker}”（{other.occasion}）"),
           key=f"{rep.speaker}|{other.speaker}|{rep.norm[:40]}")


_DOCUMENT_RE = regex.compile(r"(?:文章|报告|公报|通报|意见|通知|决定|声明|文件|纲要|规划|社论|讲话|贺信|书信|白皮书)$")


def _role_note(rc, pages, x, y, opts) -> None:
    """A role (活动现场组织者) in one place and a named person in the other: a hint, not a warning."""
    if not same_statement(x, y, opts) or x.recalled or y.recalled:
        return
    rep, other = (x, y) if x.speaker_kind == "role" else (y, x)
    if _DOCUMENT_RE.search(rep.speaker):
        return  # 文章指出 / 报告强调: a text by that person (an article in 求是, a work report)
    role, person = rep.speaker, other.speaker
    role_text = pages[rep.path].text
    if person + role in role_text or role + person in role_text:
        return  # 总书记 on a page that names 习近平总书记: the role is that person's title
    if rep.archive or not rc.enabled_for(pages[rep.path]):
        rep, other = other, rep
        if rep.archive or not rc.enabled_for(pages[rep.path]):
            return
    msg = (f"同一段话（“{rep.first_words}”）此处归于“{rep.speaker_text}”，另一处归于“{other.speaker_text}”"
           f"（{other.occasion}）；如为同一人所说，宜统一署名")
    report(rc, rc.corpus, pages, rep, other, msg, related_to(other, f"同一段话在此归于“{other.speaker_text}”"),
           key=f"{rep.speaker}|{other.speaker}|{rep.norm[:40]}", severity="info")
