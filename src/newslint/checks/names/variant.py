"""Rule ``name-variant``: two spellings of what is probably one person (one character apart, alike in
sound or shape)."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import _roster_names, person_pairs, register_of, report_variants

RULE = Rule(
    id="name-variant",
    category="name",
    severity="warning",
    summary="同一人名疑有两种写法（一字之差，音近或形近）",
    explanation="""\
人名、职务印错是政治性差错。本规则在一版或一次检查的多版稿件中，寻找长度相同、只差一个字、且这个字
音近（治/志，拼音相同）或形近（官/宫，四角号码与部件拆分相近）的两个人名，并列出每种写法出现的次数和
位置。判断依据只来自字的读音和字形数据，不使用人工对照表。

不报告的情况：同一名单中并列的两个名字（区领导赵俊峰、赵俊生……）一定是两个人；差异字既不音近也不
形近的不比较；仅部件相同的弱形近只在两种写法的职务完全相同时才报告；两种写法各自带有不同的具体职务时
视为两个人；记者、通讯员等署名身份不是同一人的证据，两个各自多次出现的署名是两位作者。
一次检查多天的版面时，同一日期的版面是一期报纸，相互比较；其他日期的版面只是存档背景：两种写法
分属不同日期、又没有相同的具体职务或同一篇稿件作证时，仅作提示（info）。
消息说明哪种写法占多数（或名册支持哪一种），但多数不等于正确，请以权威名单为准。

Two spellings of a person's name that differ in one character that sounds or looks alike (from
pypinyin readings, four-corner codes and component decompositions). Names of one attendance list
are different people; a weak look-alike needs the same title on both spellings; a byline role is no
title. Spellings seen only on pages of different dates (issues) are info unless a specific title or
one article links them.""",
    bad="管委会主任官卫红出席会议。……宫卫红指出，……",
    good="管委会主任官卫红出席会议。……官卫红指出，……",
    options=(("weak_shape_needs_title", True),),
    needs=("mentions",),
    examples=[
        {"text": "管委会主任张建国出席会议并讲话。\n\n张建果指出，要抓好项目建设。\n", "fires": True, "date": None},
        {"text": "管委会主任张建国出席会议并讲话。\n\n张建国指出，要抓好项目建设。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def name_variant(rc: RuleContext) -> None:
    reg, _places, _dates = register_of(rc.corpus)
    if not reg:
        return
    roster = _roster_names(rc.ctx)
    for pair in person_pairs(reg, bool(rc.options.get("weak_shape_needs_title", True)), rc.corpus):
        report_variants(rc, pair, roster, "人名")
