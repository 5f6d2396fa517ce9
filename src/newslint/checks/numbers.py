"""Numbers (数字核对): counts that contradict their lists, headline figures the body contradicts, parts
that do not add up, and digit runs mixing full-width and half-width digits (GB/T 15835).

Every check fires only when the parse is unambiguous:

* **Counts** — a list of items joined by 、 (and one closing 和/及/与) followed by its count, or announced
  by it (``4个领域，分别为A、B、C`` / ``三项工作：A、B、C``):
  ``太极拳、篮球、象棋共3项`` / ``A、B、C三大工程`` / ``竞技类（A、B、C）和趣味类（D、E）共5大项目``.  The count is
  compared with the number of items and, for parenthesised groups, with the sum of the groups (7+2=9 is
  right).  A list with numbers inside its items (``53个国家和非盟``), a conjunction inside an item
  (``男子和女子足球、篮球``) or a long item is not judged; ``等N项`` only fires when more than N are listed.
* **Headline figures** — a figure of the headline (``开工项目27个``, ``总投资130.23亿元``) whose key word and
  unit the body repeats with other numbers only, none equal and none adding up to it.
* **Parts** — percentages given for all parts of a whole (``其中男性占52%，女性占46%``: two complementary
  parts) that do not add up to 100% beyond what rounding to the digits written allows.
* **Mixed width** — a digit run such as ``2０23`` that mixes full-width and ASCII digits.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

from .. import hookimpl
from ..finding import Fix, Rule
from ..numerals import halfwidth_digits, parse_int, parse_number

COUNT = Rule(
    id="number-count-mismatch",
    category="number",
    severity="warning",
    summary="列举的项数与文中给出的总数不符（如列出9项却写“共8项”）",
    explanation="""\
列举若干项后给出总数（“……共9大比赛项目”“……三大工程”），列举项数应与总数一致。增删列举内容后
忘记改总数是常见差错。本规则只在列举结构明确时判断：各项以顿号分隔（最后一项可用“和、及、与”），
项内没有数字，也没有“和”等连词造成的歧义；括号内分组列举时，按组数或各组项数之和核对
（“竞技类（7项）和趣味类（2项）共9大比赛项目”是对的）。“等N项”只在列出的项数多于N时报告。
先给总数再列举（“4个领域，分别为……”“三项工作：……”）时同样核对，列举中有“等”的不判断。

A list of items followed by its count (…共8项 after nine items, A、B、C、D三大工程), or a count announced
before its list (4个领域，分别为A、B、C), that disagrees with the number of items listed.""",
    bad="设置太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋共6个比赛项目",
    good="设置太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋共7个比赛项目",
    examples=[
        {"text": "运动会设置太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋共6个比赛项目。\n", "fires": True, "date": None},
        {"text": "运动会设置太极拳、篮球、乒乓球、羽毛球、拔河、跳绳、象棋共7个比赛项目。\n", "fires": False, "date": None},
    ],
)

HEADLINE = Rule(
    id="number-headline-mismatch",
    category="number",
    severity="warning",
    summary="标题中的数字与正文不一致（如标题“开工项目27个”，正文为26个）",
    explanation="""\
标题中的数字（项目个数、投资额、人数……）应与正文一致。本规则取标题中“关键词+数字+单位”
（如“项目27个”“总投资130.23亿元”），在正文中找同一关键词、同一单位的数字：正文给出了这类数字，
却没有一处与标题相同，各数之和也不等于标题数字时报告，并指出正文中的位置。

A figure in the headline (开工项目27个, 总投资130.23亿元) that the body states differently.""",
    bad="## 我区集中开工项目27个 总投资130.23亿元\n本报讯……此次集中开工项目26个，总投资130.23亿元。",
    good="## 我区集中开工项目26个 总投资130.23亿元\n本报讯……此次集中开工项目26个，总投资130.23亿元。",
    examples=[
        {"text": "## 我区集中开工项目27个 总投资130.23亿元\n\n本报讯 此次集中开工项目26个，总投资130.23亿元。\n", "fires": True, "date": None},
        {"text": "## 我区集中开工项目26个 总投资130.23亿元\n\n本报讯 此次集中开工项目26个，总投资130.23亿元。\n", "fires": False, "date": None},
    ],
)

PARTS = Rule(
    id="number-parts-mismatch",
    category="number",
    severity="warning",
    summary="互补的各部分百分比相加不等于100%（如“男性占52%，女性占46%”）",
    explanation="""\
给出一个整体的全部组成部分时，各部分百分比之和应为100%（允许四舍五入误差：每个数按所写的位数
最多差半个末位单位，整数各差0.5，一位小数各差0.05）。本规则只核对明确
互补的成对部分（男/女、城镇/农村、线上/线下、国内/国外……），不核对可能重叠或未列全的部分。

Percentages of complementary parts of one whole (男性52%、女性46%) that do not add up to 100%.""",
    bad="参赛选手中男性占52%，女性占46%。",
    good="参赛选手中男性占54%，女性占46%。",
    examples=[
        {"text": "参赛选手中，男性占52%，女性占46%。\n", "fires": True, "date": None},
        {"text": "参赛选手中，男性占54%，女性占46%。\n", "fires": False, "date": None},
    ],
)

MIXED = Rule(
    id="number-mixed-width",
    category="number",
    severity="warning",
    summary="同一个数字混用全角和半角数字（如“2０23”），应统一为半角",
    explanation="""\
GB/T 15835-2011《出版物上数字用法》要求阿拉伯数字使用半角形式。一个数字中混用全角和半角数字
（“2０23年”）多由输入法切换造成，印出来字宽不齐，检索和排序也会出错。`newslint check --fix`
把这类数字统一改为半角。

A digit run mixing full-width and ASCII digits (2０23); fixed to ASCII digits.""",
    bad="2０23年全区生产总值增长5.2%。",
    good="2023年全区生产总值增长5.2%。",
    fixable=True,
    examples=[
        {"text": "2０23年全区生产总值增长5.2%。\n", "fires": True, "date": None},
        {"text": "2023年全区生产总值增长5.2%。\n", "fires": False, "date": None},
    ],
)

SHARE = Rule(
    id="number-share-mismatch",
    category="number",
    severity="warning",
    summary="“其中……占比N%”与前面给出的两个数之比不符",
    explanation="""\
一句话先给出总量，再说“其中某部分为多少，占比N%（占总……的N%）”时，部分与总量之比应等于N%（允许两个
数和百分比各自四舍五入造成的误差）。写“超过、近、约N%”的按不等式或不核对。改稿时只改了一个数字，
常留下这种矛盾。

A total, then 其中 a part of it in the same unit and its share (占比N%): the share must equal the
part divided by the total, within the rounding of the three figures written.""",
    bad="全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比65.3%。",
    good="全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比56.5%。",
    examples=[
        {"text": "全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比65.3%。\n", "fires": True, "date": None},
        {"text": "全区完成固定资产投资56.8亿元，其中工业投资32.1亿元，占比56.5%。\n", "fires": False, "date": None},
    ],
)

RULES = (COUNT, HEADLINE, PARTS, SHARE, MIXED)


@hookimpl
def newslint_rules():
    return list(RULES)


@hookimpl
def newslint_check_page(page, ctx) -> Optional[list]:
    wanted = [r for r in RULES if ctx.enabled(r.id, page)]
    if not wanted:
        return None
    out: list = []
    if MIXED in wanted:
        out.extend(_mixed(page, ctx))
    if COUNT in wanted:
        out.extend(_counts(page, ctx))
    if HEADLINE in wanted:
        out.extend(_headlines(page, ctx))
    if PARTS in wanted:
        out.extend(_parts(page, ctx))
    if SHARE in wanted:
        out.extend(_shares(page, ctx))
    return out


# ---- mixed-width digits ----------------------------------------------------------------------
_MIXED_RE = regex.compile(r"[0-9０-９]*(?:[0-9][０-９]|[０-９][0-9])[0-9０-９]*")


def _mixed(page, ctx) -> list:
    text = page.text
    if not regex.search(r"[０-９]", text):
        return []
    out = []
    for m in _MIXED_RE.finditer(text):
        fixed = halfwidth_digits(m.group())
        out.append(ctx.finding(MIXED, page, m.start(), m.end(),
                               f"数字“{m.group()}”混用了全角和半角数字，应统一为半角“{fixed}”",
                               suggestion=fixed, fix=Fix(m.start(), m.end(), fixed, "safe")))
    return out


# ---- counts of listed items --------------------------------------------------------------------
_CN_DIGITS = "一二三四五六七八九十两"
_COUNT_RE = regex.compile(
    rf"(?P<pre>共计|合计|总计|共|等)?(?P<n>[0-9]{{1,3}}|[{_CN_DIGITS}]{{1,3}})(?P<cls>[个项家所名位类大条座种批场处款件支])")
_OPEN = "（(“‘《【「"
_CLOSE = "）)”’》】」"
_BOUNDARY = "，,。；;：:！？!?\n"
_CONJ_RE = regex.compile(r"以及|和|及|与")
_NUMBERISH = regex.compile(rf"[0-9０-９]|[{_CN_DIGITS}百千万亿]+[个项家所名位类大条座种批场处款件支省市县区国年月日]")


def _split_top(s: str, seps: str) -> Optional[List[str]]:
    """Split ``s`` at separators outside brackets and quotes; None if brackets do not balance."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
        if depth == 0 and ch in seps:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth != 0:
        return None
    parts.append("".join(cur))
    return parts


def _list_before(text: str, end: int) -> Optional[str]:
    """The clause before ``end``: back to the nearest boundary outside brackets."""
    depth = 0
    i = end - 1
    lo = max(0, end - 200)
    while i >= lo:
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            depth -= 1
            if depth < 0:
                return text[i + 1:end]
        elif depth == 0 and ch in _BOUNDARY:
            return text[i + 1:end]
        i -= 1
    return text[lo:end] if lo == 0 else None


def _continues_list(text: str, start: int) -> bool:
    """True when the clause starting at ``start`` follows a comma whose clause also lists with 、."""
    if start <= 0 or text[start - 1] not in "，,":
        return False
    prev = _list_before(text, start - 1)
    return prev is None or "、" in prev


def _inner_count(item: str) -> Optional[int]:
    """Items listed in brackets at the end of ``item``: 竞技类（太极拳、篮球） → 2."""
    m = regex.search(r"[（(]([^（）()]*)[）)]$", item)
    if not m:
        return None
    inner = _split_top(m.group(1), "、")
    if not inner or len(inner) < 2 or any(not _clean_item(x, last=(k == len(inner) - 1)) for k, x in enumerate(inner)):
        return None
    return len(inner) + (1 if _CONJ_RE.search(inner[-1]) else 0)


def _clean_item(item: str, last: bool = False) -> bool:
    """An unambiguous list item: short, no numbers, no 等, no conjunction (one in the last item allowed)."""
    core = regex.sub(r"[（(][^（）()]*[）)]$", "", item)  # the bracketed group is judged separately
    if not core or len(core) > 12 or "等" in core or _NUMBERISH.search(core):
        return False
    conj = _CONJ_RE.findall(regex.sub(r"“[^”]*”|《[^》]*》", "", core))
    return len(conj) == 0 or (last and len(conj) == 1)


def _strip_group(item: str) -> str:
    return regex.sub(r"[（(][^（）()]*[）)]$", "", item)


def parse_list(clause: str) -> Optional[Tuple[int, Optional[int], bool]]:
    """(number of items, sum of the bracketed group sizes or None, whether a closing 和/及/与 was read
    as a separator) of the list that ``clause`` ends with, or None when it is not unambiguous."""
    items = _split_top(clause, "、")
    if items is None:
        return None
    last = items[-1]
    conj = [m for m in _CONJ_RE.finditer(last) if _depth_at(last, m.start()) == 0]
    if len(conj) > 1:
        return None
    if conj:
        c = conj[0]
        left, right = last[:c.start()], last[c.end():]
        if not left or not right:
            return None
        items = items[:-1] + [left, right]
    if len(items) < 2:
        return None
    if any(not _clean_item(it) for it in items[1:]):
        return None
    # The first item may carry the lead-in (设置竞技类…): only its last characters are judged.
    head = _strip_group(items[0])[-12:]
    if not head or "等" in head or _NUMBERISH.search(head) or _CONJ_RE.search(head):
        return None
    if regex.search(r"[第这那其前后近约每各逾超仅的之中里]$", _strip_group(items[-1])):
        return None
    groups = [_inner_count(it) for it in items]
    group_sum = sum(groups) if all(g is not None for g in groups) else None
    return len(items), group_sum, bool(conj)


def _depth_at(s: str, i: int) -> int:
    d = 0
    for ch in s[:i]:
        if ch in _OPEN:
            d += 1
        elif ch in _CLOSE:
            d -= 1
    return d


def _han_chars(s: str) -> int:
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")


def _counts(page, ctx) -> list:
    out = []
    for b in page.layout.blocks:
        if not b.is_text and b.kind not in ("heading", "list", "caption"):
            continue
        text = b.text
        if "、" not in text:
            continue
        for m in _COUNT_RE.finditer(text):
            pre = m.group("pre") or ""
            n = parse_int(m.group("n"))
            if n is None or n < 2 or n > 50:
                continue
            if not pre and not _BEFORE_DIRECT.match(text[m.start() - 1:m.start()] or " "):
                continue
            if not pre and m.group("cls") not in "大项个类":
                continue  # A、B、C三大工程 / 三项 / 三个 / 三类: the directly counted forms
            after = text[m.end():m.end() + 3]
            if _AFTER_ITEM.match(after):
                continue  # the number belongs to an item of a list itself (冬季两项、冰壶)
            if m.group("cls") == "个" and _AFTER_MEASURE.match(after):
                continue  # 四个月, 2个百分点: measures, not counts of items
            clause = _list_before(text, m.start())
            if not clause or "、" not in clause:
                continue
            if _continues_list(text, m.start() - len(clause)):
                continue  # 职业男子、女子组，青少年男子、女子组以及…五个组别: the list spans a comma
            if not pre and len(_strip_group(clause.rsplit("、", 1)[-1])) > 8:
                continue  # a long last item may hide a verb (…新增设6个): only 共N judges those
            parsed = parse_list(clause)
            if parsed is None:
                continue
            count, group_sum, split = parsed
            if count < 3 and group_sum is None:
                continue
            candidates = {count} | ({group_sum} if group_sum is not None else set())
            if m.group("cls") == "个" and after.startswith("字"):
                candidates.add(_han_chars(clause.rsplit("，", 1)[-1]))  # 忠、孝、仁、义四个字: characters
            if split:
                candidates.add(count - 1)  # 会展商贸和文化体育 may be one item
            if n in candidates:
                continue
            if pre == "等":
                if max(candidates) <= n:
                    continue  # 等N项 may stand for more than the items named
            elif abs(n - count) > 2 and (group_sum is None or abs(n - group_sum) > 2):
                continue  # far off: the number probably counts something else (共120个项目)
            listed = f"{count}项" + (f"（括号内分组合计{group_sum}项）" if group_sum is not None else "")
            s = b.start + m.start() + len(pre)
            e = b.start + m.end()
            ls = b.start + m.start() - len(clause)
            out.append(ctx.finding(
                COUNT, page, s, e,
                f"前面列举了{listed}，这里却写“{pre}{m.group('n')}{m.group('cls')}”，请核对总数或列举内容",
                related=[page.location(ls, b.start + m.start(), f"列举的{count}项")],
                key=f"{clause[-20:]}{m.group()}"))
        out.extend(_counts_then_lists(page, ctx, b))
    return out


# A count announced before its list: 4个领域，分别为A、B、C。 / 三项工作：A、B、C。
_COUNT_FIRST_RE = regex.compile(
    rf"(?<![0-9{_CN_DIGITS}第])(?P<n>[0-9]{{1,2}}|[{_CN_DIGITS}]{{1,3}})(?P<cls>[个项大类方面])(?P<noun>\p{{Han}}{{1,6}}?)"
    r"(?:[，,]?(?:分别为|分别是|即)|[：:])(?P<list>[^，,。；;：:！？!?\n]+)(?=[。；;])")


def _counts_then_lists(page, ctx, b) -> list:
    out = []
    text = b.text
    for m in _COUNT_FIRST_RE.finditer(text):
        n = parse_int(m.group("n"))
        body = m.group("list")
        if n is None or not 2 <= n <= 20 or "等" in body or "、" not in body:
            continue  # 等: the items named may be only some
        items = _split_top(body, "、")
        if items is None:
            continue
        last = items[-1]
        conj = [c for c in _CONJ_RE.finditer(last) if _depth_at(last, c.start()) == 0]
        if len(conj) > 1 or any(not _clean_item(it) for it in items[:-1]) or not _clean_item(last, last=True):
            continue
        candidates = {len(items)} | ({len(items) + 1} if conj else set())  # …、C和D: three or four items
        if m.group("cls") == "个" and m.group("noun").startswith("字"):
            candidates.add(_han_chars(body))  # 八个字：振奋、自豪、责任、使命 counts characters
        if n in candidates:
            continue
        count = len(items) + (1 if conj else 0)
        ls, le = b.start + m.start("list"), b.start + m.end("list")
        out.append(ctx.finding(
            COUNT, page, b.start + m.start(), b.start + m.end("noun"),
            f"这里写“{m.group('n')}{m.group('cls')}{m.group('noun')}”，后面却列举了{count}项，请核对总数或列举内容",
            related=[page.location(ls, le, f"列举的{count}项")], key=f"{m.group()}"))
    return out


# ---- headline figures ---------------------------------------------------------------------------
_FIG_RE = regex.compile(
    r"(?P<key>\p{Han}{2,4}?)(?P<num>[0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两百千]+)(?P<unit>[万亿]{0,2}"
    r"(?:元|美元|个|项|家|名|人次|人|吨|千瓦|平方米|亩|公里|户|套|台|辆|所|座|条|场|次|件|款|种|批))")
_STOP_KEY = regex.compile(r"^(?:第|近|约|超|逾|共|达|为|是|有|和|与|及|的|了|在|于|至|到|超过|将近|接近)")


_BEFORE_DIRECT = regex.compile(r"[\p{Han}”》）)]")
_AFTER_ITEM = regex.compile(r"[、，,和及与等或]|以及")
_AFTER_MEASURE = regex.compile(r"月|小时|百分点|工作日|季度|周|星期")
_KEY_TRIM = regex.compile(r"(?:共计|合计|总计|累计|共|达到|达|超过|超|约|近|逾|为|是|有)$")
_APPROX_BEFORE = regex.compile(r"(?:超过|超|逾|近|约|突破|破|不到|不足|以上|余)$")
_APPROX_AFTER = regex.compile(r"余|多|以上|左右|上下")
_FIG_QUICK = regex.compile(r"[0-9一二三四五六七八九十两百千][万亿]{0,2}(?:元|美元|个|项|家|名|人|吨|千瓦|平方米|亩|公里|户|套|台|辆|所|座|条|场|次|件|款|种|批)")


def _figures(text: str, base: int) -> List[Tuple[str, float, str, int, int, str]]:
    """(key word, value, unit, start, end, text) of the figures in ``text``."""
    out = []
    if not _FIG_QUICK.search(text):
        return out
    for m in _FIG_RE.finditer(text):
        key = m.group("key")
        # the key word is the noun right before the number; trim particles such as 达/共/超
        key = _KEY_TRIM.sub("", key)
        if len(key) < 2:
            continue
        if _APPROX_BEFORE.search(m.group("key")) or _APPROX_AFTER.match(text[m.end():m.end() + 2]):
            continue  # 超15万亿元, 近百万人次, 3000余人: approximate figures
        unit = m.group("unit")
        val = parse_number(m.group("num") + unit[:len(unit) - len(unit.lstrip("万亿"))])
        if val is None:
            continue
        base_unit = unit.lstrip("万亿")
        out.append((key[-2:], float(val), base_unit, base + m.start("num"), base + m.end(), m.group()))
    return out


def _headlines(page, ctx) -> list:
    out = []
    layout = page.layout
    for art in layout.articles:
        heads = art.headings
        paras = art.paragraphs
        if not heads or not paras:
            continue
        head_figs = [f for h in heads[:2] for f in _figures(h.text, h.start)]
        if not head_figs:
            continue
        body_figs = []
        for p in paras:
            body_figs.extend(_figures(p.text, p.start))
        if not body_figs:
            continue
        body_text = "\n".join(p.text for p in paras)
        for key, val, unit, s, e, ftext in head_figs:
            same = [f for f in body_figs if f[0] == key and f[2] == unit]
            if not same:
                continue
            values = [f[1] for f in same]
            if any(abs(v - val) < 1e-6 * max(1.0, val) for v in values):
                continue
            if _appears(body_text, val, unit):
                continue
            if len(values) > 1 and abs(sum(values) - val) < 1e-6 * max(1.0, val):
                continue  # the headline sums the body's parts
            if len(same) > 1:
                continue  # several different body figures: which one the headline means is unclear
            if _rounds_to(ftext, val, same[0][1]):
                continue  # the headline rounds the body's figure: 2160万亩 for 2159.67万亩
            f0 = same[0]
            out.append(ctx.finding(
                HEADLINE, page, s, e,
                f"标题写“{ftext}”，正文写“{f0[5]}”，数字不一致，请核对",
                related=[page.location(f0[3], f0[4], "正文中的数字")],
                key=f"{ftext}|{f0[5]}"))
    return out


_WRITTEN_NUM = regex.compile(r"[0-9]+(?:\.[0-9]+)?")


def _rounds_to(written: str, val: float, exact: float) -> bool:
    """Is ``val`` (written as the Arabic number in ``written``) ``exact`` rounded to the digits written?
    2160 is 2159.67 to the ten, 3.5 is 3.46 to the tenth.  A headline rounds; it does not change a figure."""
    m = _WRITTEN_NUM.search(written)
    if not exact:
        return False
    if m is None:
        # a round figure in Chinese numerals (十万个, 七百亿) is a headline's approximation of the body's
        # figure (10.27万个): one significant digit, within a tenth of it
        digits = f"{val:.0f}".rstrip("0") if val >= 10 and float(val).is_integer() else ""
        return len(digits) == 1 and exact != val and abs(exact - val) < 0.1 * abs(val)
    num = m.group()
    scale = val / float(num) if float(num) else 1.0  # the 万/亿 written after the number
    if "." in num:
        step = 10.0 ** -len(num.split(".")[1])
    else:
        step = 10.0 ** (len(num) - len(num.rstrip("0"))) if num.rstrip("0") else 1.0
    if step * scale > 0.01 * abs(val):
        return False  # 30个 for 26个 is no rounding: only a fine step (under 1% of the figure) counts
    return abs(exact - val) <= step * scale / 2 + 1e-9 * max(1.0, abs(val)) and exact != val


def _appears(text: str, val: float, unit: str) -> bool:
    """The value written anywhere in the body with the same unit, in any notation."""
    for m in regex.finditer(r"([0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两百千]+)([万亿]{0,2})" + regex.escape(unit), text):
        v = parse_number(m.group(1) + m.group(2))
        if v is not None and abs(float(v) - val) < 1e-6 * max(1.0, val):
            return True
    return False


# ---- complementary percentages --------------------------------------------------------------------
_PAIRS = [("男", "女"), ("城镇", "农村"), ("线上", "线下"), ("国内", "国外"), ("境内", "境外"), ("公办", "民办"),
          ("本地", "外地"), ("城市", "农村")]
_PCT = r"([0-9]+(?:\.[0-9]+)?)[%％]"
_WHO = r"(?:性|生|职工|患者|居民|观众|用户|游客|学生)?(?:人口|人数)?"


def _rounding(*figures: str) -> float:
    """How far parts rounded as written can add up from 100: half a unit of the last written digit
    for each part (52% + 47% may be 52.4 + 47.6; 52.3% + 46.7% cannot be 100)."""
    return sum(0.5 * 10 ** -(len(f.split(".")[1]) if "." in f else 0) for f in figures)


def _parts(page, ctx) -> list:
    out = []
    text = page.text
    if "%" not in text and "％" not in text:
        return out
    for a, b in _PAIRS:
        pat = regex.compile(
            rf"(?:^|[，,。；;：:])(?P<a>{a}{_WHO})(?:占|比例为|占比)(?:比)?{_PCT}"
            rf"[，,、；;](?P<b>{b}{_WHO})(?:占|比例为|占比)(?:比)?{_PCT}(?![，,、]\p{{Han}}{{1,4}}(?:占|比例))",
            regex.M)
        for m in pat.finditer(text):
            if m.group("a")[len(a):] != m.group("b")[len(b):]:
                continue  # 男性 with 女性, 男生 with 女生
            x, y = float(m.group(2)), float(m.group(4))
            total = x + y
            if abs(total - 100) <= _rounding(m.group(2), m.group(4)) + 1e-9:
                continue
            out.append(ctx.finding(
                PARTS, page, m.start("a"), m.end(),
                f"“{m.group('a')}”{m.group(2)}%与“{m.group('b')}”{m.group(4)}%相加为{total:g}%，不等于100%，请核对",
                key=m.group()))
    return out


# ---- a part's share of a total ------------------------------------------------------------------
_SHARE_UNITS = ("万亿元|亿元|万元|亿美元|万美元|亿人次|万人次|人次|万人|万户|万吨|万辆|万千瓦|亿千瓦时|万千瓦时|千瓦"
                "|公里|平方公里|万平方米|平方米|万亩|亩")
_SHARE_RE = regex.compile(
    rf"(?P<y>[0-9]+(?:\.[0-9]+)?)(?P<u>{_SHARE_UNITS})[^。；;0-9]{{0,30}}?[，,]其中[^。；;，,0-9]{{0,20}}?"
    rf"(?P<x>[0-9]+(?:\.[0-9]+)?)(?P=u)[，,]?(?:占比|占(?P<of>[^。；;，,0-9]{{0,8}}?总[^。；;，,0-9]{{0,6}}?)的?(?:比重|比例)?)"
    r"(?P<q>为|达|达到|超过|超|逾|近|约|接近|不到|不足)?(?P<z>[0-9]+(?:\.[0-9]+)?)[%％]")
_AT_LEAST = ("超过", "超", "逾")
_AT_MOST = ("近", "接近", "不到", "不足")


def _shares(page, ctx) -> list:
    text = page.text
    if "其中" not in text or ("%" not in text and "％" not in text):
        return []
    out = []
    for m in _SHARE_RE.finditer(text):
        y, x, z = float(m.group("y")), float(m.group("x")), float(m.group("z"))
        q = m.group("q") or ""
        if y <= 0 or x > y or q == "约" or regex.search(r"全|世界|各", m.group("of") or ""):
            continue  # 占全市总量的…: a share of some larger whole
        share = x / y * 100
        slack = (_rounding(m.group("z")) + share * (_rounding(m.group("x")) / max(x, 1e-9)
                                                     + _rounding(m.group("y")) / y) + 1e-9)
        if q in _AT_LEAST:
            wrong = share < z - slack
        elif q in _AT_MOST:
            wrong = share > z + slack
        else:
            wrong = abs(share - z) > slack
        if not wrong:
            continue
        out.append(ctx.finding(
            SHARE, page, m.start("x"), m.end(),
            f"{m.group('x')}{m.group('u')}是{m.group('y')}{m.group('u')}的{share:.1f}%，"
            f"这里却写“{q if q in _AT_LEAST + _AT_MOST else ''}{m.group('z')}%”，"
            f"请核对数字", key=m.group()))
    return out
