"""Rule ``number-count-mismatch``: a list whose count contradicts the number of its items."""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

from ...finding import Rule
from ...numerals import parse_int
from ...rule import RuleContext, page_rule

RULE = Rule(
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

_CN_DIGITS = "一二三四五六七八九十两"
# (each pattern opens with a lookahead on its first character, which regex scans for quickly instead of trying
# the pattern at every position: four times faster, the same matches)
_COUNT_RE = regex.compile(
    rf"(?=[共合总等0-9{_CN_DIGITS}])(?P<pre>共计|合计|总计|共|等)?(?P<n>[0-9]{{1,3}}|[{_CN_DIGITS}]{{1,3}})(?P<cls>[个项家所名位类大条座种批场处款件支])")
_OPEN = "（(“‘《【「"
_CLOSE = "）)”’》】」"
_BOUNDARY = "，,。；;：:！？!?\n"
_CONJ_RE = regex.compile(r"以及|和|及|与")
_NUMBERISH = regex.compile(rf"[0-9０-９]|[{_CN_DIGITS}百千万亿]+[个项家所名位类大条座种批场处款件支省市县区国年月日]")

_BEFORE_DIRECT = regex.compile(r"[\p{Han}”》）)]")
_AFTER_ITEM = regex.compile(r"[、，,和及与等或]|以及")
_AFTER_MEASURE = regex.compile(r"月|小时|百分点|工作日|季度|周|星期")


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


@page_rule(RULE)
def count_mismatch(rc: RuleContext) -> None:
    page = rc.page
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
            rc.report(
                s, e,
                f"前面列举了{listed}，这里却写“{pre}{m.group('n')}{m.group('cls')}”，请核对总数或列举内容",
                related=[page.location(ls, b.start + m.start(), f"列举的{count}项")],
                key=f"{clause[-20:]}{m.group()}")
        _counts_then_lists(rc, b)


# A count announced before its list: 4个领域，分别为A、B、C。 / 三项工作：A、B、C。
_COUNT_FIRST_RE = regex.compile(
    rf"(?=[0-9{_CN_DIGITS}])(?<![0-9{_CN_DIGITS}第])(?P<n>[0-9]{{1,2}}|[{_CN_DIGITS}]{{1,3}})(?P<cls>[个项大类方面])(?P<noun>\p{{Han}}{{1,6}}?)"
    r"(?:[，,]?(?:分别为|分别是|即)|[：:])(?P<list>[^，,。；;：:！？!?\n]+)(?=[。；;])")


def _counts_then_lists(rc: RuleContext, b) -> None:
    page = rc.page
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
        rc.report(
            b.start + m.start(), b.start + m.end("noun"),
            f"这里写“{m.group('n')}{m.group('cls')}{m.group('noun')}”，后面却列举了{count}项，请核对总数或列举内容",
            related=[page.location(ls, le, f"列举的{count}项")], key=f"{m.group()}")
