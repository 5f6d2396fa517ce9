"""Rule ``structure-paragraph-fragment``: a paragraph opens with something no sentence can open with."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import _text_blocks, breaks, fragment_reason, heading_like, open_end

RULE = Rule(
    id="structure-paragraph-fragment",
    category="structure",
    severity="warning",
    summary="段落以不能开头的成分起首，前半句似乎缺失",
    explanation="""\
段落以逗号、顿号等点号，以“的”“了”“着”等助词，或以“期间”“以来”等必须附在别的词后面的方位词直接起首，
说明它是一句话的后半截，前半句在拼版中丢失，如“期间开展的众多群众文化活动的缩影。”。

A paragraph that opens with something no sentence can open with (a comma or enumeration comma, a
particle such as 的/了/着, a locative such as 期间/以来 used as a bare modifier): its first half is missing.""",
    bad="期间开展的众多群众文化活动的缩影。",
    good="这是示范区春节期间开展的众多群众文化活动的缩影。",
    examples=[
        {"text": "春节期间，示范区举办了多场文艺演出。\n\n期间开展的众多群众文化活动的缩影。\n", "fires": True, "date": None},
        {"text": "春节期间，示范区举办了多场文艺演出。\n\n这是示范区春节期间开展的众多群众文化活动的缩影。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def paragraph_fragment(rc: RuleContext) -> None:
    blocks = _text_blocks(rc.page)
    guessed = breaks(rc.page).guessed if rc.defers_to("structure-split-paragraph") else ()
    for i, b in enumerate(blocks):
        if b.kind != "body" or i in guessed or heading_like(b):
            continue  # (the second half of a guessed split is the split rule's, when it runs)
        prev = blocks[i - 1] if i > 0 else None
        if prev is None or not open_end(prev):
            why = fragment_reason(b.text)
            if why:
                rc.report(b.start, min(b.end, b.start + 4), f"段落{why}，像是一句话的后半截，前半句可能缺失",
                          key=b.text[:12])
