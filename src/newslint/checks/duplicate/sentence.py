"""Rule ``duplicate-sentence``: a run of sentences printed twice, in one article, across the articles of a page, across
the pages of a run or against archive pages."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import copies, report_copy

RULE = Rule(
    id="duplicate-sentence",
    category="duplicate",
    severity="warning",
    summary="语句重复：一段（一句或连续几句）文字在前文或其他稿件中重复出现",
    explanation="""\
一句或连续几句话在同一篇稿件中出现两次（常见于改稿时把一句话挪到别处却忘了删原句），或出现在本版另一篇
稿件、其他版面中。本规则找出去掉标点后至少 min_chars 字的重复文字串（按分句连续比较，允许个别字不同），
报在后出现的一处，并注明先出现的位置和相似度。整段重复由 duplicate-paragraph 报告。

默认阈值及理由：
- min_chars = 50：50 字以下的重复多是惯用语、政策提法和讲话要点的转述；引号、书名号内的分句（口号、文件名）和列举
  人名的分句不计字数。
- same_paragraph_chars = 12：同一段落里一字不差地重复出现的完整句子（从句首到句末，去掉标点后至少 12 字），
  即使短于 min_chars 也报告——同一段里把一句话原样写两遍几乎总是改稿遗留。
- similarity = 0.9：重复文字串整体相似度不低于 90%。
- boilerplate_pages = 3：在 3 个或更多版面出现的文字视为套话，不报告。
- 同一版面内为 warning；跨版面、与存档版面重复的默认报 cross_page_severity = "info"。不同日期的版面之间、
  一个文件中不同日期的几天之间（每天以日期标题开头）的重复，至多为提示（info）。

A run of sentences (at least min_chars letters and digits) that repeats earlier text of the same
article, of another article of the page, or of another page — reported at the later copy with the
earlier one as related location. Quoted slogans and name lists do not count towards the length.
Inside one paragraph, a whole sentence repeated word for word is reported from same_paragraph_chars on.""",
    bad="……要优化线路设计，加快站点建设，以便民出行带动沿线发展……\n（同一稿件下一段）对公共交通项目，"
        "要优化线路设计，加快站点建设，以便民出行带动沿线发展……",
    good="删去后一处重复的语句，或改写为新的内容。",
    options=(("min_chars", 50), ("same_paragraph_chars", 12), ("similarity", 0.9), ("boilerplate_pages", 3),
             ("cross_page", True), ("cross_page_severity", "info")),
    needs=("layout",),
    examples=[
        {"text": "会议指出，要优化线路设计，加快站点建设，完善换乘设施，以便民出行带动沿线发展，让沿线群众真正享受到公共交通带来的便利和实惠。\n\n对公共交通项目，要优化线路设计，加快站点建设，完善换乘设施，以便民出行带动沿线发展，让沿线群众真正享受到公共交通带来的便利和实惠。\n", "fires": True, "date": None},
        {"text": "会议指出，要优化线路设计，加快站点建设，完善换乘设施，以便民出行带动沿线发展，让沿线群众真正享受到公共交通带来的便利和实惠。\n\n对公共交通项目，要加强资金保障，按期完成年度建设任务。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def duplicate_sentence(rc: RuleContext) -> None:
    found = copies(rc.corpus, rc.ctx)
    for c in found.copies:
        if c.match.kind == "sentence" and rc.enabled_for(c.page):
            report_copy(rc, rc.corpus, found, c)
