"""Sentences of the page's running text, with offsets.

A sentence ends at 。！？!? or …… (with any closing quotes or brackets that follow).  Only blocks of
running text (body and dateline paragraphs) are split; headings and credits are not sentences.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

import regex

_END_RE = regex.compile(r"(?:[。！？!?]+|……|…)[”’」』）)]*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index of the block in the layout


def split(text: str, base: int = 0, block: int = -1) -> List[Sentence]:
    out: List[Sentence] = []
    pos = 0
    for m in _END_RE.finditer(text):
        if m.end() > pos:
            out.append(Sentence(base + pos, base + m.end(), text[pos:m.end()], block))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append(Sentence(base + pos, base + len(text), text[pos:], block))
    return out


def analyse(page) -> List[Sentence]:
    out: List[Sentence] = []
    for b in page.layout.blocks:
        if b.is_text:
            out.extend(split(b.text, b.start, b.index))
    return out
