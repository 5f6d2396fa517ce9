"""Rule ``name-roster``: with a roster (config ``roster``), a known wrong spelling or a look-/sound-alike
of a roster name; with a register built from the archive, a one-off spelling near a well-attested one."""
from __future__ import annotations

from collections import Counter
from typing import Optional, Set, Tuple

import regex

from ...analyses import charsim
from ...analyses.mentions import Mention
from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import RosterEntry, _page_date, _roster_index, _title_kind, load_roster, rank_of, title_items

RULE = Rule(
    id="name-roster",
    category="name",
    severity="error",
    summary="人名或单位名称与名册不符（已知错写或音形近字）",
    explanation="""\
配置项 roster 指向的名册（TOML，见 rules/roster.example.toml）列出标准姓名、单位名、职务、任期和已知错写。
稿件中出现已知错写，或与名册中的名字只差一个音近/形近字，即报告为错误并给出修改。

名册也可以是从本报存档生成的登记表（newslint names --archive 存档目录 --format toml -o register.toml，
见 rules/register.example.toml）：其中每种写法都有出现次数、职务和首末日期。存档只是用法的证据，不是权威，
因此只在证据充分时报告警告：稿件中某个名字在本版只出现一次（职务、名单或署名中），存档从未见过这种写法，
而它与存档中出现三次以上（选项 register_min_count）的写法只差一个音近或形近字；两者都有职务而职级全不相同时
视为两个人，不报告。名单（、）中的名字同样检查。

With a roster (config key `roster`), a known wrong spelling, or a look-/sound-alike of a roster name,
is an error with the fix. A register built from the paper's archive (`newslint names --archive DIR
--format toml`) is evidence of usage, not an authority: a spelling printed once on the page (in a title,
list or byline), never attested, one look-/sound-alike character away from a spelling attested
`register_min_count` times, is a warning — unless both carry titles with no rank in common.""",
    bad="管委会主任宫卫红（名册：官卫红）",
    good="管委会主任官卫红",
    fixable=True,
    needs=("mentions",),
    examples=[
        {"text": "示例区管委会主任林忘舒出席会议。\n", "fires": True, "date": None, "config": {"roster": ["roster.example.toml"]}},
        {"text": "示例区管委会主任林望舒出席会议。\n", "fires": False, "date": None, "config": {"roster": ["roster.example.toml"]}},
        {"text": "区领导周明沅、李华出席会议。\n", "fires": True, "date": None,
         "config": {"roster": ["register.example.toml"]}},
        {"text": "区领导周明远、李华出席会议。\n", "fires": False, "date": None,
         "config": {"roster": ["register.example.toml"]}},
    ],
    options=(("register_min_count", 3),),
)


@page_rule(RULE)
def roster(rc: RuleContext) -> None:
    page, ctx = rc.page, rc.ctx
    if not ctx.config.get("roster"):
        return
    entries = load_roster(ctx)
    if not entries:
        return
    wrong, right, masks = _roster_index(entries)
    text = page.text
    done: Set[Tuple[int, int]] = set()
    if wrong:
        pat = regex.compile("|".join(regex.escape(w) for w in sorted(wrong, key=len, reverse=True)))
        for m in pat.finditer(text):
            e = wrong[m.group()]
            done.add(m.span())
            rc.report(
                m.start(), m.end(),
                f"“{m.group()}”是名册所列的错误写法，应为“{e.name}”",
                suggestion=e.name, fix=Fix(m.start(), m.end(), e.name), key=m.group())
    page_date = _page_date(page)
    people = page.analysis("mentions").people()
    on_page = Counter(m.name for m in people)
    min_count = int(rc.options.get("register_min_count", 3))
    for mn in people:
        if (mn.start, mn.end) in done:
            continue
        if mn.name in right:
            _roster_title(rc, mn, right[mn.name], page_date)
            continue
        for i in range(len(mn.name)):
            for e in masks.get((i, mn.name[:i] + "\0" + mn.name[i + 1:]), ()):
                rel = charsim.relation(mn.name[i], e.name[i])
                if rel is None:
                    continue
                if e.attested and not _register_match(mn, e, on_page, min_count):
                    continue
                done.add((mn.start, mn.end))
                if e.attested:
                    rc.report(
                        mn.start, mn.end,
                        f"“{mn.name}”与存档名册中的“{e.name}”只差一字（“{mn.name[i]}”与“{e.name[i]}”"
                        f"{charsim.RELATION_CN[rel]}）：“{e.name}”在存档中出现{e.count}次"
                        + (f"（{e.titles[0]}）" if e.titles else "")
                        + f"，“{mn.name}”本版仅此一处、存档未见，疑为“{e.name}”之误，请核对",
                        suggestion=e.name, fix=Fix(mn.start, mn.end, e.name), key=mn.name, severity="warning")
                else:
                    rc.report(
                        mn.start, mn.end,
                        f"“{mn.name}”与名册中的“{e.name}”只差一字（“{mn.name[i]}”与“{e.name[i]}”"
                        f"{charsim.RELATION_CN[rel]}），应为“{e.name}”",
                        suggestion=e.name, fix=Fix(mn.start, mn.end, e.name), key=mn.name)
                break
            else:
                continue
            break


def _register_match(mn: Mention, e: RosterEntry, on_page: Counter, min_count: int) -> bool:
    """A page's spelling against a register entry (attested in the archive): the entry is well attested
    (``min_count`` mentions), the page's spelling is a one-off (printed once on the page, in a title, list
    or byline — a clause-start guess is no name) and no title says two people (both titled, no rank in
    common: 董事长王建图 is not 区委书记王建国)."""
    if (e.count or 0) < min_count or on_page[mn.name] != 1 or not mn.strong or mn.role == "byline":
        return False
    here = {_title_kind(t) for t in title_items(mn.title, mn.role)} - {None}
    known = {_title_kind(t) for t in e.titles} - {None}
    return not (here and known and not here & known)



def _roster_title(rc: RuleContext, mn: Mention, e: RosterEntry, page_date: Optional[str]) -> None:
    """A title printed with a roster name that is the roster title's deputy form or the reverse."""
    if mn.role != "title" or not e.titles:
        return
    if page_date and ((e.valid_from and page_date < e.valid_from[:10])
                      or (e.valid_to and page_date > e.valid_to[:10])):
        return  # the roster entry does not cover this page's date
    known = [(t, rank_of(t)) for t in e.titles]
    for item in title_items(mn.title):
        r = rank_of(item)
        if not r or len(r[0]) < 2:
            continue
        for t, kr in known:
            if kr and kr[0] == r[0] and kr[2] == r[2] and kr[1] != r[1]:
                rc.report(
                    mn.start, mn.end,
                    f"“{mn.name}”的职务写作“{item}”，名册记为“{t}”" + (
                        f"（任期 {e.valid_from or '…'} 至 {e.valid_to or '…'}）" if e.valid_from or e.valid_to else ""),
                    key=f"{mn.name}|{item}", severity="warning")
                return


