"""Rule ``wording-repeated-word``: a character or a word written twice in a row (的的, 我们我们) that
is not a legitimate reduplication."""
from __future__ import annotations

from ...finding import Fix, Rule
from ...rule import RuleContext, page_rule
from .common import (
    blocks,
    doubled_char_problem,
    doubled_chars,
    doubled_words,
    function_word,
    has_double_word,
    pack_of,
    single_copy_bonds,
    window_tokens,
)

RULE = Rule(
    id="wording-repeated-word",
    category="wording",
    severity="warning",
    summary="字或词重复（的的、我们我们），不是合法的重叠形式",
    explanation="""\
同一个字或词紧挨着写了两遍，又不是汉语的重叠形式，多是录入或改稿失误，如“这是是一个”“我们我们要”。
合法的重叠不报告：词典中的词（人人、常常、一一、谢谢、看看、层层、连连、干干净净），量词和数词的重叠
（张张、件件、一个个、一张张），动词和形容词的 ABAB 重叠（研究研究），AABB 形式（认认真真），
以及落在两个词之间的重复（学习|习近平、人民|民主）。也不报告：状态词和只作构词成分的字的叠用（芳草萋萋），
名词重叠表“每一”（镇镇、村村），单音节动词的 AA 式（扶扶眼镜；是是、要要等系词、助动词除外），“很长很长”
“整晚整晚”“成片成片”等 ABAB 式，拟声词（咔嚓咔嚓），连写三遍以上的呼喊，引语开头的叠用（“祖国祖国……”），
以及句读前的动词 ABAB（通融通融，）。合法重叠表可在数据包的 [[reduplication]] 和 [[reduplication_shape]]
中扩充。

A character or word written twice in a row that is not a legitimate reduplication (checked against
jieba's dictionary and part-of-speech tags and the pack's reduplication lists).""",
    bad="这是是一次重要的会议。",
    good="这是一次重要的会议。",
    fixable=True,
    needs=("tokens",),
    examples=[
        {"text": "这是是一次重要的会议。\n", "fires": True, "date": None},
        {"text": "这是一次重要的会议。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def repeated_word(rc: RuleContext) -> None:
    pack = pack_of(rc.ctx)
    # (a block's text is the page's: a page without a word written twice has no block with one — most pages)
    page_doubles = has_double_word(rc.page.text)
    for b in blocks(rc.page):
        s = b.text
        base = b.start
        for m in doubled_chars(s):
            i = m.start()
            if doubled_char_problem(s, i, pack):
                a = base + i
                safe = function_word(s[i])
                # a content character doubled by a slip leaves one copy that reads as part of a word
                # (发展展 → 发展); when neither copy bonds with a neighbour (杈杈房, a regional noun), the
                # doubling is as likely meant as mistyped: a note, not a warning
                bonded = safe or single_copy_bonds(s, i)
                rc.report(a, a + 2,
                          f"“{m.group()}”重复，“{s[i]}”多写了一个" if safe else
                          f"“{m.group()}”重复，不是常见的重叠形式：可能多写了一个“{s[i]}”，也可能是错字",
                          suggestion=s[i], fix=Fix(a + 1, a + 2, "") if safe else None,
                          key=s[max(0, i - 4):i + 6], severity=None if bonded else "info")
        if page_doubles and has_double_word(s):
            toks = window_tokens(s, 0, len(s))
            for a_tok, b_tok in doubled_words(s, toks, pack):
                a, e = base + a_tok[1], base + b_tok[2]
                rc.report(a, e, f"“{a_tok[0]}”连写了两遍", suggestion=a_tok[0],
                          fix=Fix(base + b_tok[1], e, "") if function_word(a_tok[0]) else None,
                          key=s[max(0, a_tok[1] - 4):b_tok[2] + 4])
