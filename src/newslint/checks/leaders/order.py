"""Rule ``name-leader-order``: Politburo Standing Committee members listed out of the official order of the page's date."""
from __future__ import annotations

import regex

from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import _TAIL, CAT, COVERAGE, Roster, run_dated

ORDER = Rule(
    id="name-leader-order", category=CAT, severity="warning",
    summary="中央政治局常委的排列顺序与页面日期时的正式顺序不符",
    explanation="中央政治局常委并列时按每届一中全会公布的顺序排列。三位以上常委以顿号相连、中间没有其他人时，"
                "顺序应与页面日期时的正式顺序一致；报告时给出正确顺序（不安全修复）。\n\n"
                "Three or more Standing Committee members listed out of the official order." + _TAIL,
    bad="（2024年）习近平、李强、王沪宁、赵乐际、蔡奇、丁薛祥、李希出席。",
    good="（2024年）习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。", fixable=True, needs=("dates",),
    examples=[{"text": "习近平、李强、王沪宁、赵乐际、蔡奇、丁薛祥、李希出席大会。\n", "fires": True, "date": "2024-05-10"},
              {"text": "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席大会。\n", "fires": False, "date": "2024-05-10"}],
)


# ---- name-leader-order ----------------------------------------------------------------------------------
def check_order(page, ctx, r: Roster, win) -> list:
    lo, hi, day = win
    if hi < COVERAGE or r.names_re is None:
        return []
    # the day whose order is judged: the page date, or — for a year — only an order that holds all year
    days = (day,) if hi == day else (lo, hi)
    text = page.text
    out = []
    run_re = regex.compile(rf"(?:{r.names_re.pattern})(?:、(?:{r.names_re.pattern}))+")
    for m in run_re.finditer(text):
        items = []
        for n in regex.finditer(r.names_re.pattern, m.group()):
            items.append((n.group(), m.start() + n.start(), m.start() + n.end()))
        # maximal runs of consecutive Standing Committee members of the page's date
        runs, cur = [], []
        for it in items:
            orders = {r.psc_order(it[0], d) for d in days}
            if len(orders) == 1 and None not in orders:
                cur.append((it, orders.pop()))
            else:
                if len(cur) >= 3:
                    runs.append(cur)
                cur = []
        if len(cur) >= 3:
            runs.append(cur)
        for run in runs:
            got = [o for _, o in run]
            if got == sorted(got):
                continue
            expected = [it[0] for it, _ in sorted(run, key=lambda x: x[1])]
            s, e = run[0][0][1], run[-1][0][2]
            want = "、".join(expected)
            out.append(ctx.finding(
                ORDER, page, s, e,
                f"中央政治局常委的排列顺序与{day.isoformat()}时的正式顺序不符，应为：{want}",
                suggestion=want, fix=Fix(s, e, want), key=text[s:e]))
    return out


@page_rule(ORDER)
def order(rc: RuleContext) -> None:
    run_dated(rc, check_order)
