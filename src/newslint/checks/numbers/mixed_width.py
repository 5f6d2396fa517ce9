"""Rule ``number-mixed-width``: a digit run mixing full-width and ASCII digits (2０23)."""
from __future__ import annotations

import regex

from ...finding import Fix, Rule
from ...numerals import halfwidth_digits
from ...rule import RuleContext, page_rule

RULE = Rule(
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

_MIXED_RE = regex.compile(r"[0-9０-９]*(?:[0-9][０-９]|[０-９][0-9])[0-9０-９]*")


@page_rule(RULE)
def mixed_width(rc: RuleContext) -> None:
    text = rc.page.text
    if not regex.search(r"[０-９]", text):
        return
    for m in _MIXED_RE.finditer(text):
        fixed = halfwidth_digits(m.group())
        rc.report(m.start(), m.end(), f"数字“{m.group()}”混用了全角和半角数字，应统一为半角“{fixed}”",
                  suggestion=fixed, fix=Fix(m.start(), m.end(), fixed, "safe"))

