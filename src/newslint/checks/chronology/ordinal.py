"""Rule ``anachronism-ordinal``."""
from __future__ import annotations

import datetime as _dt
from typing import Optional

from ...finding import Rule
from ...numerals import int_to_cn
from ...rule import RuleContext, page_rule
from .common import (
    _ANNOUNCE_RE,
    _CLAUSE_STOP,
    _EXPL_TAIL,
    _FUTURE_RE,
    _HELD_AFTER_RE,
    _LOCAL_PRE,
    CAT,
    CONGRESS_RE,
    PLENUM_RE,
    SESSION_RE,
    Event,
    _near,
    _ord,
    _sentence,
    _session_label,
    load_knowledge,
)

RULE = Rule(
    id="anachronism-ordinal", category=CAT, severity="error",
    summary="提到的党代会、中央全会或全国两会在页面日期时尚未召开，或序数根本不存在",
    explanation="党的全国代表大会、中央委员会全体会议和全国人大、全国政协会议有确定的届次和日期。页面日期之前尚未召开的会议"
                "被说成已经召开（学习贯彻其精神、……以来），或序数超出已召开的届次（2023年的“党的二十六大”），是严重的政治性差错。"
                "预告性表述（将召开、决定召开、筹备、迎接）不报告；省委、市委等地方全会不判断。\n\n"
                "A national congress, plenum or session that had not happened by the page's date (or could not exist)."
                + _EXPL_TAIL,
    bad="（2023年2月）保障党的二十六大决策部署落实见效", good="（2023年2月）保障党的二十大决策部署落实见效",
    needs=("dates",),
    examples=[
        {"text": "要保障党的二十六大决策部署落实见效。\n", "fires": True, "date": "2023-02-10"},
        {"text": "要保障党的二十大决策部署落实见效。\n", "fires": False, "date": "2023-02-10"},
    ],
)

@page_rule(RULE)
def ordinal(rc: RuleContext) -> None:
    page, ctx = rc.page, rc.ctx
    k = load_knowledge(ctx)
    pd = page.analysis("dates")
    text = page.text
    if "大" not in text and "全会" not in text and "会议" not in text:
        return
    latest = pd.latest if pd.page_date else None
    upper = latest or _dt.date.today()  # a page cannot be dated after today: the bound for absurd ordinals
    dated = latest is not None

    def when(d):
        if not d:
            return "当前"
        if pd.precision == "year":
            return f"页面日期（约{pd.page_date.year}年，" + ("据正文推断）" if pd.source == "text" else f"来源：{pd.source_name}）")
        return f"页面日期（{pd.page_date.isoformat()}，来源：{pd.source_name}）"

    def judge(start, end, label, event: Optional[Event], absurd: bool, nxt: bool, fact: str):
        a, b = _sentence(text, start, end)
        sent = text[a:b]
        if absurd:
            rc.report(start, end,
                                   f"“{text[start:end]}”不存在：截至{when(dated)}，{fact}。请核实序数。",
                                   key=label)
            return
        if not dated or not nxt:
            return
        # spoken of as held: 精神, 以来, 胜利闭幕 … right after the name; announcements and plans are not
        c = start
        while c > a and not _CLAUSE_STOP.match(text[c - 1]):
            c -= 1
        if not _HELD_AFTER_RE.match(text, end) or _ANNOUNCE_RE.search(sent) or _FUTURE_RE.search(text, c, start):
            return
        rc.report(start, end,
                               f"{label}在{when(True)}尚未召开，这里却说成已经召开：{fact}。请核实序数或页面日期。",
                               key=label, severity="warning")

    # party congresses
    held = [n for n, ev in k.congresses.items() if ev.start and ev.start <= upper]
    last = max(held) if held else None
    for m in CONGRESS_RE.finditer(text):
        n = _ord(m.group("n") or m.group("b"))
        if n is None or last is None or n <= last:
            continue
        if upper > k.horizon + _dt.timedelta(days=400) and n <= last + 1:
            continue  # the pack may not know the latest congress
        ev = k.congresses.get(n)
        last_ev = k.congresses[last]
        nxt = k.congresses.get(last + 1)
        fact = f"党的全国代表大会共召开{int_to_cn(last)}次，最近一次{last_ev.fact()}"
        if nxt is not None and nxt.start is None and nxt.due:
            fact += f"；党的{int_to_cn(last + 1)}大预计于{nxt.due}年召开"
        fact += f"（知识包 {last_ev.where}）"
        judge(m.start(), m.end(), f"党的{int_to_cn(n)}大", ev, absurd=n > last + 1, nxt=n == last + 1, fact=fact)

    # Central Committee plenums
    cur_term = last
    for m in _near(PLENUM_RE, text, "届"):
        pre = text[max(0, m.start() - 2):m.start()]
        if not m.group("cc") and (pre.endswith(_LOCAL_PRE) or pre.endswith("委")):
            continue  # 省委十一届三中全会, 县委十五届三中全会: a local plenum
        t = _ord(m.group("t"))
        n = _ord(m.group("n1") or m.group("n2"))
        if t is None or n is None or cur_term is None:
            continue
        s, e = m.start("t") - (1 if text[m.start("t") - 1:m.start("t")] == "第" else 0), m.end()
        label = f"{int_to_cn(t)}届{int_to_cn(n)}中全会"
        if t > cur_term:
            if upper > k.horizon + _dt.timedelta(days=400) and t == cur_term + 1:
                continue
            ev = k.congresses[cur_term]
            fact = f"现任中央委员会为第{int_to_cn(cur_term)}届（{ev.fact()}，知识包 {ev.where}）"
            judge(s, e, label, None, absurd=t > cur_term + 1 or n > 1, nxt=True, fact=fact)
            continue
        if t < cur_term:
            total = k.cc_plenums.get(t)
            if total and n > total:
                judge(s, e, label, None, absurd=True, nxt=False,
                      fact=f"第{int_to_cn(t)}届中央委员会共召开{int_to_cn(total)}次全体会议")
            continue
        # the current term
        if upper > k.horizon + _dt.timedelta(days=180):
            continue  # the pack does not know this term's latest plenums
        if (t, 1) not in k.plenums:
            continue  # the pack does not list this term's plenums (only a famous one, or none): no evidence
        done = [p for (tt, p), ev in k.plenums.items() if tt == t and ev.start <= upper]
        last_n = max(done) if done else 0
        if n <= last_n:
            continue
        last_ev = k.plenums.get((t, last_n))
        fact = (f"第{int_to_cn(t)}届中央委员会已召开{int_to_cn(last_n)}次全体会议，最近一次是{last_ev.fact()}（知识包 {last_ev.where}）"
                if last_ev else f"第{int_to_cn(t)}届中央委员会尚未召开全体会议")
        ev = k.plenums.get((t, n))
        if ev is not None and ev.start:
            fact += f"；{ev.fact()}"
        judge(s, e, label, ev, absurd=n > last_n + 1, nxt=n == last_n + 1, fact=fact)

    # NPC and CPPCC annual sessions
    for m in _near(SESSION_RE, text, "届"):
        if m.group("t") is not None:
            body, t, n = "npc", _ord(m.group("t")), _ord(m.group("n"))
        else:
            body = "cppcc"
            g = next(i for i in ("2", "3", "4") if m.group("t" + i) is not None)
            t, n = _ord(m.group("t" + g)), _ord(m.group("n" + g))
        if t is None or n is None:
            continue
        label = _session_label(body, t, n)
        if n > 5:
            judge(m.start(), m.end(), label, None, absurd=True, nxt=False,
                  fact="每届全国人大、全国政协只举行五次全体会议（每年一次）")
            continue
        y0 = k.assembly_terms.get((body, t)) or (1978 + 5 * (t - 5) if t >= 5 else None)
        if y0 is None:
            continue
        ev = k.sessions.get((body, t, n))
        start = ev.start if ev else _dt.date(y0 + n - 1, 1, 1)
        if start <= upper:
            continue
        fact = ev.fact() + f"（知识包 {ev.where}）" if ev else f"{label}应于{y0 + n - 1}年召开（第{int_to_cn(t)}届始于{y0}年，每年一次）"
        absurd = start.year > upper.year + 1
        judge(m.start(), m.end(), label, ev, absurd=absurd, nxt=True, fact=fact)
