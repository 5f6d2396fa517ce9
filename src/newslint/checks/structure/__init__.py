"""Structure: paragraphs broken by the page layout.

Copy that passes through a typesetting system and back often comes out with a paragraph break in the
middle of a sentence (or of a word: 平均水 | 平), a paragraph whose end was lost, a paragraph whose
beginning was lost, a heading left without its text or an item without its headline.  One module per
rule:

- ``structure-split-paragraph``: a paragraph of running text stops mid-sentence and the next paragraph
  carries on with it.  The finding sits at the break, points at the continuation and carries a fix
  that joins the two (it removes the line break and blank lines between them).
- ``structure-truncated-paragraph``: a paragraph stops mid-sentence and nothing continues it (a
  heading, a new article or the end of the page follows).
- ``structure-paragraph-fragment``: a paragraph opens with something no sentence can open with
  (a comma, a particle such as 的/了, a locative such as 期间 used as a bare modifier…).
- ``structure-empty-heading``: a Markdown heading followed directly by a heading of the same or a
  higher rank, so the section it announces has no content.
- ``structure-missing-headline``: a news item whose dateline follows the previous item's body.

Where a page's paragraphs stop mid-sentence is worked out once per page (``common.breaks``) for the
split, truncated and fragment rules.

Only running text is judged: headings, bylines, captions, credits, list items, link lines and short
unpunctuated lines that read as headlines, signatures or dates never fire.  On plain text (a page without
Markdown headings) the layout infers titles, subheads, leads, section labels and credits, and a break is a
split only on positive evidence (:func:`newslint.layout.join_evidence` and :func:`_plain_split_evidence`);
a heading followed by its body is never a split, so no fix joins the two.  A "mid-sentence" end is
an end without a sentence-final mark (。！？…；：, closing quotes and brackets looked through).
Word evidence comes from jieba's dictionary (through the shared tokenizer) and is only loaded when a
page has a candidate break.
"""
from __future__ import annotations

from ... import hookimpl
from ... import layout as _layout
from .common import (
    _TABULAR,
    _lead_in_mark,
    breaks,
    clean,
    continuation_ok,
    fragment_reason,
    heading_like,
    open_end,
    running_text,
    short_unpunctuated,
    split_evidence,
    word_across,
)
from .empty_heading import RULE as EMPTY_HEADING
from .empty_heading import empty_heading
from .missing_headline import RULE as NO_HEADLINE
from .missing_headline import missing_headline
from .paragraph_fragment import RULE as FRAGMENT
from .paragraph_fragment import paragraph_fragment
from .split_paragraph import RULE as SPLIT
from .split_paragraph import split_paragraph
from .truncated_paragraph import RULE as TRUNCATED
from .truncated_paragraph import truncated_paragraph

RULES = [SPLIT, TRUNCATED, FRAGMENT, EMPTY_HEADING, NO_HEADLINE]


@hookimpl
def newslint_pack_sections():
    """The ``layout`` pack sections (``rules/layout.toml``) the page layout reads for these rules."""
    return {sec: {"pattern": str, "note": str} for sec in _layout.PACK_SECTIONS}


@hookimpl
def newslint_configure(ctx):
    """Compile the layout conventions of the run's packs now, so a bad pattern in a paper's pack is a
    configuration error before any page is read."""
    _layout.conventions()


__all__ = ["EMPTY_HEADING", "FRAGMENT", "NO_HEADLINE", "RULES", "SPLIT", "TRUNCATED", "_TABULAR", "_lead_in_mark",
           "breaks", "clean", "continuation_ok", "empty_heading", "fragment_reason", "heading_like",
           "missing_headline", "newslint_configure", "newslint_pack_sections", "open_end", "paragraph_fragment",
           "running_text", "short_unpunctuated", "split_evidence", "split_paragraph", "truncated_paragraph",
           "word_across"]
