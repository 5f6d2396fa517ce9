"""Rule ``name-org-variant``: an organisation written two ways (a character added or dropped, or alike)."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import _roster_names, org_pairs, register_of, report_variants

RULE = Rule(
    id="name-org-variant",
    category="name",
    severity="warning",
    summary="同一单位名称疑有两种写法（增删一字或音形近字）",
    explanation="""\
同一企业、机构的名称在稿件中写法不一：多一个字或少一个字（重装/重装备）、音近或形近的字，常伴随有无地名
前缀的差别。本规则去掉地名前缀（焦作、河南省……）和组织类型后缀（股份有限公司、医院……）后比较名称主干。
只是有无地名前缀（先用全称、后用简称）属于正常用法，仅作提示（info）。请以工商登记或单位公布的全称为准。

An organisation written two ways: a character added or dropped, or a look-/sound-alike character,
compared after removing the place prefix and the kind suffix. A place prefix alone is info.""",
    bad="科瑞森重装股份有限公司 …… 焦作科瑞森重装备股份有限公司",
    good="焦作科瑞森重装备股份有限公司 …… 科瑞森重装备股份有限公司",
    needs=("mentions",),
    examples=[
        {"text": "华瑞森重装备股份有限公司今年新增订单二十个。\n\n记者在华瑞森重装股份有限公司车间看到，工人们正在忙碌。\n", "fires": True, "date": None},
        {"text": "华瑞森重装备股份有限公司今年新增订单二十个。\n\n记者在华瑞森重装备股份有限公司车间看到，工人们正在忙碌。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def org_variant(rc: RuleContext) -> None:
    reg, places, _dates = register_of(rc.corpus)
    if not reg:
        return
    roster = _roster_names(rc.ctx)
    for pair in org_pairs(reg, places):
        report_variants(rc, pair, roster, "单位名称")
