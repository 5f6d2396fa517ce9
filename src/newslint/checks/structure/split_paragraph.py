"""Rule ``structure-split-paragraph``: a paragraph of running text stops mid-sentence and the next one
carries on with it; the fix joins the two."""
from __future__ import annotations

from ...finding import Rule
from ...rule import RuleContext, page_rule
from .common import _gap_fix, breaks

RULE = Rule(
    id="structure-split-paragraph",
    category="structure",
    severity="warning",
    summary="段落在句子中间被拆成两段（下一段接着上一段的句子）",
    explanation="""\
排版转换或拼版时，一个段落常在句子中间甚至词语中间被断开：上一段没有句末标点就结束，下一段接着写完这句话，
如“全市平均水”｜“平，在……”“共同打造了”｜“‘优秀作品’……”。本规则在断开处报告，关联位置指向下一段的开头，
并给出把两段合并的修复（删除两段之间的换行和空行）。

判断依据：上一段是正文（不是标题、署名、图片说明、列表、链接或短小无标点的标题行），末尾没有句末标点；
下一段是正文，且不以列表序号、标题标记开头。跨断点能组成词典中的词（水|平→水平）时在说明中指出。
没有 # 标记的纯文本里（以及只有标题区用 # 标记、正文中没有 Markdown 标题的稿件里），无句末标点的行也可能是小标题、导语或引语，因此只在有正面证据时才报告：
跨断点成词或数字、日期、外文人名被拆开，上一行以不能收尾的词结尾（“在”“把”“又一件”“以及”“被迫”，
词表见 rules/layout.toml 的 open_end_word，可由报社的词包扩充）或以逗号结尾，上一行最后一个分句只有一两个字
（“……储存安全。建立”），下一行以不能起首的成分开头（“的”“至”“等”）、以不带名词的数量（“2400余枚，”）、
以接着往下说的引号词语（“‘优秀集体’‘模范单位’等”）或只有一两个字的名词分句（“任务。”“标准，”）开头，
引号括号跨行才闭合，上一行以只有正文才用的句式开头（“某某表示，”“近年来，”“据了解，”，词表见 rules/layout.toml 的
body_opening，可由报社的词包扩充）却在句中结束，或一段已有完整句子却断在句中——段间空行的版面上，或段首缩进的版面上
紧接在一段完整的正文之后（那里不排提要和引语）。同一篇稿件中三行以上开头相同（“五年来，……”）的无标点行是一组提要式小标题，
以逗号结尾、下一行以“一是”“首先”开头的是引出分项的导语，都不报告。一篇稿件中唯一的“小标题”若像正文一样
有分句、停在句中，且与下一段读作一句话，也报告为被拆开的段落开头（不给合并修复，请人工核对）。
合并修复属于需要人工判断的修复（unsafe），标题与正文永远不会被合并。

A paragraph of running text that stops without a sentence-final mark, followed by a body paragraph
that carries on the sentence: the layout split one paragraph in two. The fix joins them.""",
    bad="会议指出，一季度全区主要经济指标增速均高于全市平均水\n\n平。要抓住政策窗口期……",
    good="会议指出，一季度全区主要经济指标增速均高于全市平均水平。要抓住政策窗口期……",
    fixable=True,
    examples=[
        {"text": "会议指出，一季度全区主要经济指标增速均高于全市平均水\n\n平。要抓住政策窗口期，加快项目建设。\n",
         "fires": True, "date": None},
        {"text": "会议指出，一季度全区主要经济指标增速均高于全市平均水平。要抓住政策窗口期，加快项目建设。\n",
         "fires": False, "date": None},
        {"text": "强化责任落实\n\n各乡镇要把任务分解到村，确保颗粒归仓。\n", "fires": False, "date": None},
    ],
)


@page_rule(RULE)
def split_paragraph(rc: RuleContext) -> None:
    page = rc.page
    paired = None
    for s in breaks(page).splits:
        b, nxt, tail, why = s.block, s.next, s.tail, s.why
        if paired is None:
            from ..continuation import paired_ends

            paired = paired_ends(page) if rc.defers_to("structure-continuation") else set()
        if b.index in paired:
            continue  # its tail is elsewhere on the page, clearly (structure-continuation reports it)
        if s.guess:
            rc.report(b.end - 1, b.end,
                      f"这一行与下一段可能是被拆开的一段话：{why}（“{tail[-6:]}｜{nxt.text[:6]}”），请核对",
                      related=[page.location(nxt.start, min(nxt.end, nxt.start + 1), "下一段可能接续此行")],
                      severity="info", key=tail[-8:] + nxt.text[:8])
            continue
        if s.heading:  # the layout read the first half as a subhead: no fix joins what may be a heading
            rc.report(b.end - 1, b.end,
                      f"这一行可能不是小标题，而是被拆开的段落开头（“{tail[-6:]}｜{nxt.text[:6]}”，{why}），请核对后合并",
                      related=[page.location(nxt.start, min(nxt.end, nxt.start + 1), "下一段可能接续此行")],
                      key=tail[-8:] + nxt.text[:8])
            continue
        joined = tail[-8:] + nxt.text[:8]
        msg = (f"段落在句子中间断开，下一段接着这句话（“{tail[-6:]}｜{nxt.text[:6]}”"
               + (f"，{why}" if why else "") + "），应合并为一段")
        rc.report(b.end - 1, b.end, msg,
                  related=[page.location(nxt.start, min(nxt.end, nxt.start + 1), "下一段接续此句")],
                  fix=_gap_fix(page, b, nxt), key=joined)  # no suggestion: the fix joins, not replaces
