"""Rule ``duplicate-paragraph``: a paragraph printed twice (exact or near copy), in one article, across the articles of a page, across
the pages of a run or against archive pages."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, corpus_rule
from .common import copies, report_copy

RULE = Rule(
    id="duplicate-paragraph",
    category="duplicate",
    severity="warning",
    summary="段落重复：同一段文字在本稿、本版另一篇稿件或其他版面中出现过",
    explanation="""\
同一段文字出现两次，多是拼版或改稿时重复粘贴：同一篇稿件里某段又出现一次，另一篇稿件里混进了别的会议的
讲话要点，或改稿后旧稿未删。本规则比较去掉标点和空白后的文字，完全相同和高度相似（只改了人名、几个字）
的段落都报告，报在后出现的一处，并把先出现的一处列为相关位置，注明相似度。

判断方法：每段切成分句，分句完全相同的作为种子向两端延伸（相似度不低于 80% 的分句也算相同）；
再用 MinHash 局部敏感哈希（与 datasketch 相同的分带方法，numpy 实现）找出 3 字片段重合的段落，用 rapidfuzz 计算相似度复核。
不做两两比较，一年的版面也只需几秒。

默认阈值及理由：
- min_chars = 30：不足 30 字（去标点后）的段落多为程式化短句（“会议还研究了其他事项。”），不报告；
  列举人名、单位的分句（“区领导张三、李四、王五参加会议”）不计字数。
- similarity = 0.9：相似度低于 90% 的两段多是套用同一格式的平行报道（“国家主席会见甲国总统……”“国家主席会见
  乙国总统……”）；改了一个人名、几个字的长段重复稿仍在 90% 以上。不完全相同的两段，若不同之处正是
  各自稿件标题中的人名、地名（每段都已按所在稿件改写），视为套用格式，不报告。
- boilerplate_pages = 3：在 3 个或更多版面出现的文字视为固定套话（栏目说明、背景介绍），不报告。
- 标题式的行（无逗号句号的标题、导读目录条目）不参与比较：导读重复正文标题是正常的。
- 同一版面内的重复为 warning；去标点后至少 error_chars（100）字且完全相同的，是确定无疑的重复刊发，
  报 error（设为 0 则不升级）。跨版面、与存档版面重复的，常是有意沿用的背景材料，默认报
  cross_page_severity = "info"；cross_page = false 则不比较不同版面。不同日期（不是同一期报纸）的
  版面之间的重复，无论如何设置，至多为提示（info）；一个文件按日期分成几天（每天以日期标题开头，如一周节目的
  合辑）时，每天是一期，不同日期之间的重复同样处理。
- 稿件先印提要再写正文：标题下的导语、“核心阅读”“编者按”等提要框、以“——编者”结尾的编者按，
  其中的文字在本篇正文中再次出现是正常的，不报告（提要框的标志见 rules/duplicate.toml，可由 packs 扩充）。

A paragraph printed twice — in one article, in two articles of a page, or on another page of the run
or of the archive (--archive). Exact and near copies (similarity = normalised Indel similarity of the
letters and digits) are reported at the later copy, the earlier one being the related location.
Candidates come from clause hashing and MinHash LSH, verified with rapidfuzz: no all-pairs loop.""",
    bad="（同一版面两篇稿件中）王明要求，一是责任体系要健全……三是宣传教育要深入……\n……\n"
        "王明要求，一是责任体系要健全……三是宣传教育要深入……",
    good="只保留讲话所属会议稿件中的那一段，另一篇稿件删去或改写。",
    options=(("min_chars", 30), ("similarity", 0.9), ("error_chars", 100), ("boilerplate_pages", 3),
             ("cross_page", True), ("cross_page_severity", "info")),
    needs=("layout",),
    examples=[
        {"text": "## 全区召开安全生产会议\n\n本报讯 会议召开。\n\n王明要求，一是责任体系要健全，各单位要把安全生产责任落实到岗位和个人；二是隐患排查要彻底，不留死角；三是宣传教育要深入，让安全意识入脑入心。\n\n## 全区召开招商工作会议\n\n本报讯 会议召开。\n\n王明要求，一是责任体系要健全，各单位要把安全生产责任落实到岗位和个人；二是隐患排查要彻底，不留死角；三是宣传教育要深入，让安全意识入脑入心。\n", "fires": True, "date": None},
        {"text": "## 全区召开安全生产会议\n\n本报讯 会议召开。\n\n王明要求，一是责任体系要健全，各单位要把安全生产责任落实到岗位和个人；二是隐患排查要彻底，不留死角；三是宣传教育要深入，让安全意识入脑入心。\n\n## 全区召开招商工作会议\n\n本报讯 会议召开。\n\n会议要求，招商工作要突出重点，紧盯龙头企业和关键项目，抓好签约项目落地。\n", "fires": False, "date": None},
    ],
)


@corpus_rule(RULE)
def duplicate_paragraph(rc: RuleContext) -> None:
    found = copies(rc.corpus, rc.ctx)
    for c in found.copies:
        if c.match.kind == "paragraph" and rc.enabled_for(c.page):
            report_copy(rc, rc.corpus, found, c)
