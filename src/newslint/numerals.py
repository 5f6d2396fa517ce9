"""One tested helper for numbers as Chinese news writes them.

* Chinese numerals: 二十六, 两千零二十三, 廿三, 卅, 〇/零, 一百零五, 十五 …
* Arabic digits, full-width digits and a mix of both (2０23), with thousands separators (1,000).
* Units 万 and 亿 (130.23亿 → 13023000000), and percentages.
* Ordinals: 第二十次, 第20届, 二十大 (:func:`parse_ordinal`).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional, Union

import regex

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
SPECIAL = {"廿": 20, "卅": 30, "卌": 40}

CN_NUMERAL_CHARS = "〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖十拾百佰千仟万萬亿億廿卅卌"
CN_NUMERAL_RE = regex.compile(f"[{CN_NUMERAL_CHARS}]+")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
ARABIC_RE = regex.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?")
# A number as written in running text: Arabic (any width) or Chinese, with an optional 万/亿 unit.
NUMBER_RE = regex.compile(
    r"(?:[0-9０-９]+(?:[,][0-9]{3})*(?:[.．][0-9０-９]+)?|[〇零一二三四五六七八九两十百千廿卅]+)(?:[万亿]{1,2})?")


def halfwidth_digits(s: str) -> str:
    """Full-width digits, point, comma and percent sign to ASCII."""
    return s.translate(FULLWIDTH_DIGITS)


def has_mixed_width_digits(s: str) -> bool:
    """True for a digit run mixing ASCII and full-width digits, such as 2０23."""
    return bool(regex.search(r"[0-9]", s)) and bool(regex.search(r"[０-９]", s))


def cn_to_int(s: str) -> Optional[int]:
    """Value of a Chinese numeral, or None if ``s`` is not one.

    Handles positional forms (二十六, 一百零五, 两千零二十三, 三万五千), bare digit strings read digit by
    digit (二〇二三 → 2023), 廿/卅/卌, and a leading 十 (十五 → 15)."""
    if not s or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    if all(ch in DIGITS for ch in s):  # 二〇二三: digit by digit
        if len(s) == 1:
            return DIGITS[s]
        return int("".join(str(DIGITS[ch]) for ch in s))
    total = 0  # completed 亿/万 sections
    section = 0  # value below the current big unit
    digit: Optional[int] = None
    last_small = 0  # the last small unit of this section: they must come in decreasing order (十十 is no numeral)
    last_unit = 0  # the unit just before a trailing digit (一千二 → 1200, 三万五 → 35000)
    for ch in s:
        if ch in DIGITS:
            if digit is not None and digit != 0 and DIGITS[ch] != 0:
                return None  # two digits in a row inside a positional numeral (e.g. 二三十) are ambiguous
            if DIGITS[ch] == 0:
                last_unit = 0  # 一千零二: the digit after 零 is units
            digit = DIGITS[ch]
        elif ch in SPECIAL:
            section += SPECIAL[ch]
            digit = None
            last_unit = 0
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if last_small and unit >= last_small:
                return None
            last_small = last_unit = unit
            section += (digit or 1) * unit  # 十五, and 零十 as in 三万零十: a bare unit counts one
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            digit = None
            unit = BIG_UNITS[ch]
            if section == 0 and total == 0:
                return None
            total = (total + section) * unit if total and total < unit else total + section * unit
            section = 0
            last_small = 0
            last_unit = unit
    if digit:
        # a digit right after a unit of a hundred or more stands for the next lower unit (colloquial 一千二)
        section += digit * (last_unit // 10 if last_unit >= 100 else 1)
    return total + section


def parse_int(s: str) -> Optional[int]:
    """Integer value of an Arabic (any width, separators allowed) or Chinese numeral."""
    s = s.strip()
    if not s:
        return None
    t = halfwidth_digits(s).replace(",", "")
    if t.isdigit():
        return int(t)
    return cn_to_int(s)


ORDINAL_RE = regex.compile(
    r"第?\s*([0-9０-９]+|[〇零一二三四五六七八九两十百千廿卅卌]+)\s*(?:次|届|个|期|批|轮|号|名|位|项|条|款|章|节|大|中全会|次全会|次会议)?")


def parse_ordinal(s: str) -> Optional[int]:
    """Value of an ordinal as news writes it: 第二十次 → 20, 第20届 → 20, 二十大 → 20, 十九届 → 19, 廿一 → 21."""
    m = ORDINAL_RE.fullmatch(s.strip())
    return parse_int(m.group(1)) if m else None


def parse_number(s: str) -> Optional[Union[int, float]]:
    """Value of a number with an optional 万/亿 unit and optional % (returned as the percentage figure):
    ``130.23亿`` → 13023000000, ``1.2万`` → 12000, ``三万五千`` → 35000, ``45%`` → 45."""
    s = halfwidth_digits(s.strip()).replace(",", "").rstrip("%")
    if not s:
        return None
    m = regex.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([万亿]*)", s)
    if m:
        exact = Decimal(m.group(1))  # exact decimal arithmetic: 130.23亿 is 13023000000, not …999.998
        for u in m.group(2):
            exact *= BIG_UNITS[u]
        return int(exact) if exact == exact.to_integral_value() else float(exact)
    return cn_to_int(s)


_CN = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """Chinese numeral for 0 <= n < 10^8, as written in ordinals: 20 → 二十, 26 → 二十六, 105 → 一百零五."""
    if n < 0 or n >= 100_000_000:
        raise ValueError(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    if n >= 10_000:
        hi, lo = divmod(n, 10_000)
        low = int_to_cn(lo) if lo else ""
        if lo and lo < 1000:  # 三万零五, 三万零一十 (after 零 the tens keep their 一)
            low = "零" + ("一" + low if 10 <= lo < 20 else low)
        return int_to_cn(hi) + "万" + low
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                out.append("零")
                zero = False
            out.append(_CN[d] + name)
        elif out:
            zero = True
    return "".join(out)
