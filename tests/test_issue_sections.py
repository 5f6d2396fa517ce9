"""A file of several days: its top-level sections each opened by a heading that is a date are that many
issues (analyses/dates.day_sections, analyses/issues).  Two days of one file are compared as two pages of
different dates are — archive context, at most ``info`` on similarity alone — and a file of one day, or of
sections without dates, is read as before.  Invented text only."""
import json

from newslint.analyses import issues
from newslint.analyses.dates import day_sections
from newslint.page import Page

# ---- invented fixtures -------------------------------------------------------------------------
COPY = ("本台消息 示范区管委会今天召开民生工作会议，总结去年民生实事的完成情况，部署今年的十项民生实事，"
        "要求各部门倒排工期、压实责任，确保群众看得见、摸得着。")
SCHOOL = "本台消息 示范区第三小学今天开工建设，设计规模为三十六个班，计划明年秋季投入使用。"
ROADS = "本台消息 示范区今年将新建和改造道路十二条，打通断头路五条，方便群众出行。"
PARK = "本台消息 示范区滨河公园今天向市民开放，园内新建了步道、球场和儿童游乐设施。"


def day(head: str, *stories) -> str:
    return head + "\n\n" + "".join(f"## {title}\n\n{body}\n\n" for title, body in stories)


def two_days(first="# 《晚间新闻》（20240102）", second="# 《晚间新闻》（20240103）") -> str:
    return (day(first, ("示范区召开民生工作会议", COPY), ("新建学校开工", SCHOOL))
            + day(second, ("民生实事推进情况", COPY), ("道路建设", ROADS)))


def check(run_cli, *paths, select="duplicate"):
    code, out, err = run_cli("check", "--format", "json", "--no-cache", "--select", select, *map(str, paths))
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def warnings(fs):
    return [f for f in fs if f["severity"] in ("warning", "error")]


# ---- the duplicate rules --------------------------------------------------------------------------
def test_a_paragraph_repeated_on_two_dated_days_of_one_file_is_at_most_info(run_cli, write):
    fs = check(run_cli, write("week.md", two_days()))
    assert fs and {f["severity"] for f in fs} == {"info"}
    assert [f["rule"] for f in fs] == ["duplicate-paragraph"]
    assert "另一日期（2024-01-02）" in fs[0]["message"] and "跨日期" in fs[0]["message"]


def test_the_same_repeat_within_one_day_is_the_warning_it_always_was(run_cli, write):
    one = write("one.md", two_days(second="# 《晚间新闻》（20240102）"))  # both headings of one date
    fs = check(run_cli, one)
    assert [(f["rule"], f["severity"]) for f in fs] == [("duplicate-paragraph", "warning")]
    assert "本版另一篇稿件" in fs[0]["message"]
    # the repeat inside one day of a file of several days: as in a file of that day alone
    text = two_days() + day("# 《晚间新闻》（20240104）", ("公园开放", PARK), ("新建学校", SCHOOL))
    days = check(run_cli, write("week.md", text))
    assert [(f["rule"], f["severity"], f["line"]) for f in warnings(days)] == []  # school: days 1 and 3
    text = two_days() + day("# 《晚间新闻》（20240104）", ("公园开放", PARK), ("公园开放之后", PARK))
    days = check(run_cli, write("week2.md", text))
    assert [(f["rule"], f["severity"]) for f in warnings(days)] == [("duplicate-paragraph", "warning")]


def test_a_repeat_in_two_sections_without_dates_is_read_as_today(run_cli, write):
    undated = two_days(first="# 上午新闻", second="# 下午新闻")
    fs = check(run_cli, write("undated.md", undated))
    assert [(f["rule"], f["severity"]) for f in fs] == [("duplicate-paragraph", "warning")]


def test_a_file_of_days_gives_the_findings_of_its_days_in_files_of_their_own(run_cli, write, tmp_path):
    # a background paragraph on three days is boilerplate (boilerplate_pages = 3) whether the days are
    # three files or one; a repeat inside the second day is a warning either way
    heads = ["# 《晚间新闻》（20240102）", "# 《晚间新闻》（20240103）", "# 《晚间新闻》（20240104）"]
    bodies = [[("民生工作会议", COPY), ("新建学校开工", SCHOOL)],
              [("民生实事推进", COPY), ("公园开放", PARK), ("公园开放之后", PARK)],
              [("民生实事回顾", COPY), ("道路建设", ROADS)]]
    files = [write(f"apart/2024010{k + 2}.md", day(h, *b)) for k, (h, b) in enumerate(zip(heads, bodies))]
    week = write("together/week.md", "".join(day(h, *b) for h, b in zip(heads, bodies)))

    def kinds(fs):
        return sorted((f["rule"], f["severity"]) for f in fs)

    apart, together = check(run_cli, *files), check(run_cli, week)
    assert kinds(apart) == kinds(together) == [("duplicate-paragraph", "warning")]


def test_a_block_printed_again_on_another_day_is_info(run_cli, write):
    block = ("### 民生实事", "“群众的事再小也是大事。”")
    text = (day("# 2024年1月2日", ("示范区召开民生工作会议", "本报讯 会议总结了去年的民生工作。")) + "### {}\n\n{}\n\n".format(*block)
            + day("# 2024年1月3日", ("示范区召开营商环境会议", "本报讯 会议部署了今年的营商环境工作。"))
            + "### {}\n\n{}\n\n".format(*block))
    fs = [f for f in check(run_cli, write("week.md", text), select="duplicate-block")]
    assert [f["severity"] for f in fs] == ["info"] and "另一日期 2024-01-02" in fs[0]["message"]
    same_day = text.replace("# 2024年1月3日", "# 2024年1月2日")
    fs = check(run_cli, write("day.md", same_day), select="duplicate-block")
    assert [f["severity"] for f in fs] == ["warning"]


# ---- the other rules that compare articles of one issue ---------------------------------------------
BYLINE = "本报讯（记者{name}）{d}日，全市{x}活动举行。\n\n活动现场，志愿者们忙碌着。\n\n"


def test_name_variants_on_two_days_of_one_file_are_info_and_on_one_day_a_warning(run_cli, write):
    text = ("# 2024年5月6日\n\n## 植树\n\n" + BYLINE.format(name="李根治", d=6, x="植树")
            + "# 2024年5月9日\n\n## 防汛\n\n" + BYLINE.format(name="李根志", d=9, x="防汛"))
    fs = check(run_cli, write("week.md", text), select="name-variant")
    assert len(fs) == 2 and {f["severity"] for f in fs} == {"info"}
    assert "不同日期" in fs[0]["message"]
    fs = check(run_cli, write("day.md", text.replace("2024年5月9日", "2024年5月6日")), select="name-variant")
    assert len(fs) == 2 and {f["severity"] for f in fs} == {"warning"}


def test_a_dateline_is_read_against_its_own_day(run_cli, write):
    text = ("# 2024年12月31日\n\n## 全区年终总结会召开\n\n本报讯 2024年12月31日，全区召开年终总结会，回顾全年工作。\n\n"
            "# 2025年1月2日\n\n## 全区新年工作部署会召开\n\n本报讯 2025年1月2日，全区召开新年工作部署会，部署全年任务。\n")
    assert check(run_cli, write("days.md", text), select="anachronism-dateline-year") == []


# ---- reading the days ----------------------------------------------------------------------------
def _page(text, path="a.md"):
    return Page.from_text(path, text)


def test_the_days_of_a_file_and_the_issue_of_a_place():
    text = two_days()
    page = _page(text)
    assert [(s.line, s.date.isoformat()) for s in day_sections(page)] == [(1, "2024-01-02"), (11, "2024-01-03")]
    first, second = text.index(COPY), text.rindex(COPY)
    assert issues.issue_of(None, page, first) == "2024-01-02" and issues.issue_of(None, page, second) == "2024-01-03"
    assert issues.issue_of(None, page) == "2024-01-02"  # the page's own date: its date line
    assert not issues.same_issue(None, page, page, first, second)
    assert issues.same_issue(None, page, page, first, text.index(SCHOOL))
    assert issues.same_issue(None, page, page)  # a page without places named is one issue with itself
    assert page.analysis("dates").date_at(second).isoformat() == "2024-01-03"


def test_the_forms_of_a_day_heading():
    # ## days under a # title of the file; a day in the ISO form; plain date lines (a .txt export)
    titled = "# 一周要闻\n\n" + two_days("## 2024年1月2日 星期二", "## 2024-01-03").replace("\n## 示范区", "\n### 示范区")
    assert [s.date.isoformat() for s in day_sections(_page(titled))] == ["2024-01-02", "2024-01-03"]
    plain = ("2024年1月2日 星期二\n\n示范区召开民生工作会议\n\n" + COPY + "\n\n"
             "2024年1月3日 星期三\n\n民生实事推进情况\n\n" + COPY + "\n")
    assert [s.date.isoformat() for s in day_sections(_page(plain, "a.txt"))] == ["2024-01-02", "2024-01-03"]


def test_what_is_no_file_of_days():
    # one day; a date standing lower than the day (a subhead of a chronicle); days out of order; a file
    # that does not open with its first day (an article whose subheads are dates)
    assert day_sections(_page(day("# 《晚间新闻》（20240102）", ("会议", COPY)))) == []
    assert day_sections(_page(two_days(second="# 《晚间新闻》（20240102）"))) == []
    chronicle = "# 园区大事记\n\n## 建设历程\n\n本报讯 园区建设回顾。\n\n" + two_days("### 2023年5月1日", "### 2023年6月1日")
    assert day_sections(_page(chronicle)) == []
    # a date line out of the days' order opens no day (its text stays with the day before)
    shuffled = two_days() + day("# 《晚间新闻》（20231230）", ("道路", ROADS))
    assert [s.date.isoformat() for s in day_sections(_page(shuffled))] == ["2024-01-02", "2024-01-03"]
    # (an archive may run back in time)
    back = day("# 《晚间新闻》（20240103）", ("会议", COPY)) + day("# 《晚间新闻》（20240102）", ("道路", ROADS))
    assert [s.date.isoformat() for s in day_sections(_page(back))] == ["2024-01-03", "2024-01-02"]
    # a letter's date line at its end is no day of its own in a file of one day
    letter = "致全区居民的一封信\n\n" + COPY + "\n\n示范区管委会\n\n2024年1月2日\n"
    assert day_sections(_page(letter, "a.txt")) == []
    # nor of a file whose days are written otherwise; time stamps are no days
    days = ("《晚间新闻》（20240102）\n\n示范区召开民生工作会议\n\n" + COPY + "\n\n示范区管委会\n\n2024年1月1日\n\n"
            "更新时间：2024-01-02T20:00:00Z\n\n《晚间新闻》（20240103）\n\n民生实事推进情况\n\n" + COPY + "\n")
    assert [s.line for s in day_sections(_page(days, "a.txt"))] == [1, 13]


def test_a_word_document_of_several_days(run_cli, tmp_path):
    import docx

    d = docx.Document()
    for date, title in (("2024年1月2日", "示范区召开民生工作会议"), ("2024年1月3日", "民生实事推进情况")):
        d.add_heading(date, level=1)
        d.add_heading(title, level=2)
        d.add_paragraph(COPY)
    path = tmp_path / "week.docx"
    d.save(str(path))
    fs = check(run_cli, path)
    assert [(f["rule"], f["severity"]) for f in fs] == [("duplicate-paragraph", "info")]


def test_a_statute_printed_on_one_day_leaves_the_repeats_of_another_day_reported(run_cli, write):
    statute = ("第一条 为了规范示范区公园管理，制定本办法。\n\n第二条 本办法适用于示范区内的城市公园。\n\n"
               "第三条 管委会负责公园的规划、建设和管理工作。\n\n")
    text = (day("# 2024年1月2日", ("示范区公园管理办法", statute + SCHOOL))
            + day("# 2024年1月3日", ("公园开放", PARK), ("公园开放之后", PARK)))
    fs = check(run_cli, write("days.md", text))
    assert [(f["rule"], f["severity"]) for f in warnings(fs)] == [("duplicate-paragraph", "warning")]
    # on a page of one day the statute's page is left alone, as before
    fs = check(run_cli, write("day.md", text.replace("# 2024年1月3日", "# 2024年1月2日")))
    assert warnings(fs) == []


def test_a_paragraph_carries_on_only_within_its_own_day(write):
    from newslint.checks.continuation import pairs

    text = ("# 2024年1月2日\n\n## 示范区推进基层治理\n\n会议要求，各村要把群众工作做实做细，既\n\n"
            "## 另一篇稿件\n\n本报讯 活动现场气氛热烈，群众纷纷点赞。\n\n"
            "# 2024年1月3日\n\n## 又一篇稿件\n\n本报讯 活动现场气氛热烈。\n\n要讲政策、讲感情，又要讲方法、讲效果。\n")
    assert pairs(_page(text)) == []
    one_day = text.replace("# 2024年1月3日", "# 2024年1月2日")
    assert [(e.block.line, s.block.line) for e, s, _, _ in pairs(_page(one_day))] == [(5, 17)]


ESTABLISHED = ("## 示范区推进项目建设\n\n本报讯 市委书记尹强到示范区调研。尹强先后来到两家企业，察看生产情况。\n\n"
               "尹强指出，要抓好项目建设。尹强强调，要优化营商环境。尹强要求，各部门要形成合力。\n\n")
ONE_OFF = "## 新建厂房开工\n\n本报讯 尹弦还察看了新建厂房的施工进度。\n\n"


def test_a_one_off_spelling_beside_a_name_printed_often_counts_within_its_day(run_cli, write):
    # a one-off look-alike beside a name the same day prints often is a slip; beside one another day
    # prints often it is no evidence (as on two pages of different dates)
    same_day = "# 2024年5月6日\n\n" + ESTABLISHED + ONE_OFF + "# 2024年5月7日\n\n## 其他\n\n本报讯 " + SCHOOL + "\n"
    fs = check(run_cli, write("same.md", same_day), select="name-variant")
    assert any("尹弦" in f["message"] and f["severity"] == "warning" for f in fs)
    other_day = "# 2024年5月6日\n\n" + ESTABLISHED + "# 2024年5月7日\n\n" + ONE_OFF
    assert check(run_cli, write("other.md", other_day), select="name-variant") == []
