"""Rule ``attribution-occasion-conflict``: the same person says the same long statement at two different
occasions (articles with different headlines, or different dateline dates)."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import (
    different_occasion,
    kind_of_pair,
    related_to,
    report,
    report_on,
    same_statement,
    statement_pairs,
    topic_fit,
)

RULE = Rule(
    id="attribution-occasion-conflict",
    category="attribution",
    severity="warning",
    summary="同一发言人的同一段话出现在两个不同场合（不同稿件或日期）",
    explanation="""\
同一位领导在1月31日的企业调研稿和2月3日的招标投标工作会议稿里“说了”一字不差的五条要求——往往是
编辑时把一篇稿件的讲话段落复制到了另一篇。本规则比对整批稿件中同一发言人（或“会议”）的较长讲话
内容：内容相同或几乎相同、却出现在不同稿件（标题不同）或不同电头日期时报告，位置标在内容与所在稿件
主题关联较弱的一处，另一处作为相关位置。

不报告：口号、提法等短句或在三个以上场合反复出现的固定表述；明确追述其他场合讲话的段落
（“吕沛在示范区重点项目推进汇报会上要求……”“此前曾强调”），以及在综述、评论等非该发言人本人活动的
稿件中引用的讲话。

The same speaker says the same long statement at two different occasions (articles with different
headlines or dateline dates) — usually a paragraph copied into the wrong story. Recalled statements
that name their original occasion, quotations in summary pieces and standing formulae are not reported.""",
    bad="《吕沛调研企业节后复工复产》：吕沛要求，一是组织体系要健全……（与《工程招标投标工作会议》稿相同）",
    good="调研稿只保留调研中的讲话；招标投标的五条要求只出现在招标投标工作会议稿中。",
    options=(("min_chars", 80), ("similarity", 0.9), ("length_ratio", 0.75), ("max_occasions", 3)),
    needs=("speech",),
    examples=[
        {"text": "## 管委会主任王明调研企业复工复产\n\n本报讯 2月3日，管委会主任王明到企业调研。王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招标投标工作会议\n\n本报讯 2月5日，全区召开招标投标工作会议，管委会主任王明出席会议并讲话。王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n", "fires": True, "date": None},
        {"text": "## 管委会主任王明调研企业复工复产\n\n本报讯 2月3日，管委会主任王明到企业调研。王明要求，一是组织体系要健全，各级各部门要明确分工、压实责任，形成上下联动的工作格局；二是工作机制要顺畅，及时研究解决项目推进中的困难和问题；三是督导考核要严格，对进度滞后的单位要通报约谈，确保各项任务按期完成。\n\n## 全区召开招标投标工作会议\n\n本报讯 2月5日，全区召开招标投标工作会议，管委会主任王明出席会议并讲话。王明要求，招标投标要公开透明，严防围标串标。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def occasion_conflict(rc: RuleContext) -> None:
    corpus = rc.corpus
    found = statement_pairs(corpus, rc.ctx)
    pages, items = found.pages, found.items
    opts = rc.options
    for a, b in found.pairs:
        x, y = items[a], items[b]
        if kind_of_pair(x, y) != "occasion":
            continue
        if not same_statement(x, y, opts) or not different_occasion(x, y):
            continue
        if x.recalled or y.recalled or not (x.own and y.own):
            continue  # recalled, or quoted in a piece that is not the speaker's own event
        if len(found.occasions[(a, b)]) >= opts["max_occasions"]:
            continue  # a standing formula of this speaker
        rep, other = report_on(x, y)
        if not rc.enabled_for(pages[rep.path]):
            continue
        who = rep.speaker if len(rep.speaker) >= len(other.speaker) else other.speaker
        weak = topic_fit(rep) + 0.05 <= topic_fit(other)
        msg = (f"“{who}”的同一段话（“{rep.first_words}”）出现在两个不同场合：此处为{rep.occasion}，"
               f"另一处为{other.occasion}。请核实这段话属于哪一场合"
               + ("（此处内容与本篇主题关联较弱）" if weak else ""))
        report(rc, corpus, pages, rep, other, msg,
               related_to(other, f"同一段话亦见于{other.occasion}（{other.speaker_text}{other.verb}）"),
               key=f"{who}|{rep.norm[:40]}")
