"""Precision across formats: the same invented page hard-wrapped, with Markdown only on its title, or set as
one text with other articles, reads as the page it is (benchmarks/formats.py measures it on the corpora)."""
from helpers import lint_text, rule_ids
from newslint import layout
from newslint.page import Page, WrappedPage
from newslint.wrapping import wrap_breaks

STRUCT = ["structure"]

PARAS = [
    "县里今年把老街修缮列为民生实事，先后投入资金三千多万元，修复沿街店铺一百二十余间，"
    "改造地下管网四公里，老街面貌焕然一新。修缮中坚持修旧如旧，请来老匠人按老照片复原门面。",
    "走进修缮后的老街，石板路两旁的茶馆、布店、铁匠铺陆续开门迎客，不少外地游客专程赶来拍照打卡。"
    "街道还组织居民成立志愿服务队，轮流为游客讲解老街的历史掌故。",
    "据介绍，下一步县里将结合老街的特色资源，引进非遗工坊和文创企业，推动老街从“修起来”向"
    "“活起来”转变，让古镇老街既留住乡愁，又焕发新的活力。",
]
TITLE = "让古镇老街焕发新活力"
WIDTH = 30


def wrap(line, width=WIDTH):
    return [line[k:k + width] for k in range(0, len(line), width)]


def epaper(paras, nl="\r\n"):
    return nl.join([TITLE] + ["　　" + p for p in paras]) + nl


def wrapped_epaper(paras, nl="\r\n"):
    rows = [TITLE] + [r for p in paras for r in wrap("　　" + p)]
    return nl.join(rows) + nl


def test_a_hard_wrapped_page_is_read_as_its_paragraphs():
    text = wrapped_epaper(PARAS)
    page = Page.from_text("w.txt", text)
    assert isinstance(page, WrappedPage) and page.wrap_width == WIDTH
    bodies = [b for b in layout.analyse(page).blocks if b.kind in ("body", "dateline")]
    assert len(bodies) == 3 and bodies[0].text.endswith("复原门面。")
    assert lint_text(text, STRUCT) == [] and lint_text(epaper(PARAS), STRUCT) == []


def test_an_unwrapped_page_is_not_taken_for_a_wrapped_one():
    for text in (epaper(PARAS), "\n\n".join([TITLE] + PARAS) + "\n"):
        assert type(Page.from_text("t.txt", text)) is Page
        assert wrap_breaks(text.replace("\r\n", "\n")) == ([], 0)


def test_locations_on_a_wrapped_page_are_the_files_own():
    paras = [PARAS[0], PARAS[1].replace("拍照打卡。", "拍照打卡,"), PARAS[2]]  # a half-width comma
    text = wrapped_epaper(paras, nl="\n")
    lines = text.split("\n")
    want = next(n for n, l in enumerate(lines, 1) if "," in l)
    fs = [f for f in lint_text(text, ["punctuation-halfwidth"])]
    assert len(fs) == 1
    loc = fs[0].location
    assert loc.line == want and lines[want - 1][loc.column - 1] == ","
    page = Page.from_text("w.txt", text)
    assert page.line_text(want) == lines[want - 1] and page.line_count == len(lines)


def test_fix_on_a_wrapped_page_keeps_its_line_breaks(run_cli, write):
    paras = [PARAS[0], PARAS[1].replace("拍照打卡。", "拍照打卡,"), PARAS[2]]
    text = wrapped_epaper(paras)
    p = write("w.txt", text)
    run_cli("check", "--no-cache", "--select", "punctuation-halfwidth", "--fix", p)
    assert p.read_bytes().decode("utf-8") == text.replace("拍照打卡,", "拍照打卡，")


def test_a_real_split_on_a_wrapped_page_is_still_found():
    cut = PARAS[1].index("平") if "平" in PARAS[1] else PARAS[1].index("石板")
    head, tail = PARAS[1][:cut + 1], PARAS[1][cut + 1:]  # 石板｜路: a word cut by a paragraph break
    text = wrapped_epaper([PARAS[0], head, tail, PARAS[2]])
    assert "structure-split-paragraph" in rule_ids(lint_text(text, STRUCT))


MD_TITLE_ONLY = (  # an e-paper article whose title block a converter marked, its body as it was
    "# 让古镇老街焕发新活力\r\n"
    "## 某某县推进历史街区保护利用\r\n"
    "　　县里今年把老街修缮列为民生实事，修复沿街店铺一百二十余间。\r\n"
    "　　留住手艺，老匠人有了用武之地\r\n"
    "　　修缮中坚持修旧如旧，请来老匠人按老照片复原门面。\r\n"
)


def test_markdown_on_the_title_alone_leaves_the_body_read_as_plain_text():
    bs = layout.analyse(Page.from_text("t.md", MD_TITLE_ONLY)).blocks
    assert [(b.kind, b.role) for b in bs][3] == ("heading", "subhead")
    assert lint_text(MD_TITLE_ONLY, STRUCT) == []
    # a Markdown body (paragraphs between blank lines) under the marked title shows no more than the e-paper
    # body that its subheads are marked: its unmarked subhead is no split either
    spaced = MD_TITLE_ONLY.replace("\r\n　　", "\n\n")
    assert layout.plain_page(layout.analyse(Page.from_text("t.md", spaced)).blocks)
    assert lint_text(spaced, STRUCT) == []
    # (a page whose Markdown marks the headings of its body is read by its marks, as before)
    marked = spaced.replace("\n\n留住手艺", "\n\n### 留住手艺")
    assert not layout.plain_page(layout.analyse(Page.from_text("t.md", marked)).blocks)


def test_evidence_that_a_quantity_or_a_ba_clause_reads_on():
    assert layout.join_evidence("份额连续第四年保持在14%", "左右的较高水平。")
    assert layout.join_evidence("会议提出，要把“三个一批”", "作为抓项目的主要抓手，持续推进。")
    assert layout.join_evidence("会议提出，要抓好“三个一批”", "作为抓项目的主要抓手，持续推进。") is None


ONE_PAGE = (
    "　　修缮方案先后征求了三百多户居民的意见。\r\n"
    "　　本报记者  王  明摄\r\n"
    "\r\n"
    "齐心协力，建设美丽家园\r\n"
    "——某某村人居环境整治见闻\r\n"
    "　　本报某地10月1日电  （记者张明）村里的小河清了，道路宽了。\r\n"
    "　　本报某地10月1日电  （记者李华）邻村也开展了环境整治，村民纷纷参与。\r\n"
    "\r\n"
    "县里举办农民丰收节\r\n"
    "　　本报某地10月1日电  （记者赵强）丰收节上，农民展示了今年的新粮新果。\r\n"
)


def test_a_page_of_articles_reads_its_titles_credits_and_round_ups():
    bs = layout.analyse(Page.from_text("p.txt", ONE_PAGE)).blocks
    assert bs[1].kind == "credit"  # a two-character name padded to the width of three
    assert [(b.kind, b.role) for b in bs[2:4]] == [("heading", "title"), ("heading", "title")]
    # two reports from one place and day under one headline are a round-up, not a story without its headline
    assert lint_text(ONE_PAGE, STRUCT) == []


def test_a_story_whose_headline_was_lost_is_still_found_on_such_a_page():
    lost = ONE_PAGE.replace("　　本报某地10月1日电  （记者李华）", "　　本报另地9月30日电  （记者李华）")
    assert "structure-missing-headline" in rule_ids(lint_text(lost, STRUCT))


def test_a_lead_under_the_title_on_a_spaced_page_is_not_a_split():
    text = ("老街的新生\n\n"
            "老街修好了，更要用好。让老街活起来，要靠居民和商户的共同努力\n\n"
            "今年五一假期，老街接待游客超过十万人次。\n\n"
            "街道还组织居民成立志愿服务队，为游客讲解老街的历史。\n")
    assert lint_text(text, STRUCT) == []


def test_a_cut_first_paragraph_under_the_title_that_reads_on_is_still_a_split():
    text = ("老街的新生\n\n"
            "老街修好了，更要用好。让老街活起来，关键在于留住居民、留住烟火\n\n"
            "气，让游客看得见生活。\n\n"
            "街道还组织居民成立志愿服务队，为游客讲解老街的历史。\n")
    assert "structure-split-paragraph" in rule_ids(lint_text(text, STRUCT))


def test_a_rubric_headline_above_a_dateline_is_a_title():
    text = ("　　会议要求各地抓好落实。\n\n"
            "本台快评：为新时代的奋斗者点赞！\n\n"
            "本台消息：本台今天播发快评，向奋斗在一线的劳动者致敬。\n\n"
            "新华社综述：奋楫扬帆正当时——某某工作综述\n\n"
            "本台消息：新华社今天播发综述，回顾一年来各项工作取得的成绩。\n")
    bs = layout.analyse(Page.from_text("t.txt", text)).blocks
    assert [(b.kind, b.role) for b in bs if "：" in b.text[:6] and b.kind != "dateline"] == [
        ("heading", "title"), ("heading", "title")]


def test_bold_subheads_of_a_round_up_head_their_items_not_the_article():
    text = ("国内快讯\n\n"
            "本台消息：\n\n"
            "**去年全省引资1.1万亿元**\n\n"
            "省商务厅今天发布数据，去年全省实际利用外资总额11339.1亿元，其中高技术产业引资4233.4亿元。\n\n"
            "**全省新开通两条高速公路**\n\n"
            "今天，全省两条高速公路同时建成通车，总里程达到一百二十公里。\n")
    assert rule_ids(lint_text(text, ["number", "structure"])) == []


def test_a_marked_title_block_over_a_markdown_body_is_no_empty_heading():
    """# 引题 / ## 主题 / ## 副题 between blank lines over the story: one title and its decks, not sections
    without a body; two headings of one rank stacked on a page that marks its sections still are."""
    deck = ("# 金秋时节话丰收\n\n## 某某县粮食生产再获丰收\n\n## 总产量连续五年稳定在五十万吨以上\n\n"
            "县里今年粮食播种面积稳中有增，单产再创新高。\n\n秋收以来，全县农机手昼夜抢收。\n")
    assert lint_text(deck, ["structure-empty-heading"], path="d.md") == []
    sections = ("# 今日要闻\n\n## 某某县粮食生产再获丰收\n\n## 某某县举办农民丰收节\n\n县里举办丰收节活动。\n\n"
                "## 某某县推进冬季农田水利建设\n\n全县今冬将新修水渠二十公里。\n")
    assert [f.location.line for f in lint_text(sections, ["structure-empty-heading"], path="s.md")] == [3]


REPORT_PARTS = ("# 某某县政府工作报告\n\n## 一、过去五年的工作\n\n"
                "五年来，全县经济持续健康发展，综合实力明显增强\n\n全县生产总值年均增长百分之七，财政收入翻了一番。\n\n"
                "五年来，改革开放不断深化，发展活力持续释放\n\n县里完成了机构改革，营商环境明显改善。\n\n"
                "五年来，民生福祉持续增进，群众获得感不断增强\n\n城乡居民收入年均增长百分之八。\n\n"
                "## 二、今年的主要任务\n\n存在的问题不容忽视。主要原因，\n\n一是产业结构不优，二是创新能力不强。\n")


def test_summary_heads_set_as_a_series_in_a_marked_report_are_not_splits():
    """A report whose Markdown marks its parts (## 一、…) and sets the summary heads of its points as lines of
    their own: three lines opening alike (五年来，…) and stopping without a mark are a series, not three
    paragraphs cut short; a lead-in ending on a comma over 一是… hands over to the points."""
    assert not layout.plain_page(layout.analyse(Page.from_text("r.md", REPORT_PARTS)).blocks)
    assert lint_text(REPORT_PARTS, STRUCT, path="r.md") == []
    # lines that do not open alike are no series: on a page that marks its headings, each is read as before
    mixed = REPORT_PARTS.replace("五年来，改革", "这几年，改革").replace("五年来，民生", "近几年，民生")
    assert [f.location.line for f in lint_text(mixed, STRUCT, path="r.md")
            if f.rule == "structure-split-paragraph"] == [5, 9, 13]


def test_a_pull_quote_under_the_title_of_a_web_page_is_no_split():
    """Web text (no indents, blank lines between paragraphs) gives a pull quote no form of its own: a line
    under the title that holds whole sentences and stops without a mark is a split only when the model reads
    it on into the next line clearly (here it reads the two about as well apart as joined)."""
    quote = "乡村振兴是一篇大文章。产业兴旺、生态宜居，是乡亲们共同的期盼"
    body = "村里今年新修了三条产业路，带动农产品销售。"
    page = f"乡村振兴见闻\n\n{quote}\n\n{body}\n\n乡亲们说，日子越过越红火。\n"
    assert lint_text(page, ["structure-split-paragraph"], path="w.txt") == []
    marked = "# " + page  # the same under a Markdown title
    assert lint_text(marked, ["structure-split-paragraph"], path="w.md") == []
