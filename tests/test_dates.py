"""The shared "dates" analysis: the page date, its source and the order in which sources are tried."""
import datetime as dt

from newslint.analyses.dates import date_from_filename, find_mentions, parse_date
from newslint.page import Page

BODY = "本报讯（记者王明）2月4日上午，示范区召开2023年第2次党政联席会议，研究部署重点工作。\n\n会议还研究了其他事项。\n"


def dates(text, path="page.txt", **meta):
    page = Page.from_text(path, text)
    page.meta.update(meta)
    return page.analysis("dates")


def test_from_text_year_and_dateline_day():
    pd = dates("# 示范区召开党政联席会议\n\n" + BODY)
    assert (pd.page_date, pd.source, pd.precision) == (dt.date(2023, 2, 4), "text", "year")
    assert pd.latest == dt.date(2023, 12, 31)
    assert not pd.explicit


def test_text_takes_the_latest_dateline_day():
    text = BODY + "\n本报讯（记者李华）2月6日，高新区2023年第3次常务会议召开。\n"
    assert dates(text).page_date == dt.date(2023, 2, 6)


def test_text_with_conflicting_years_gives_no_date():
    text = "本报讯 示范区2022年第5次会议召开。\n\n本报讯 示范区2023年第1次会议召开。\n"
    assert dates(text).page_date is None


def test_no_evidence_no_date():
    pd = dates("本报讯（记者王明）4月28日，高新区召开推进会议。\n")
    assert pd.page_date is None and pd.source is None
    assert "无法确定" in pd.explain()


def test_filename_beats_text():
    pd = dates(BODY, path="pages/20240718.txt")
    assert (pd.page_date, pd.source) == (dt.date(2024, 7, 18), "filename")
    assert dates(BODY, path="2024-07-18-page3.md").page_date == dt.date(2024, 7, 18)
    assert dates(BODY, path="x_2024_07_18.txt").page_date == dt.date(2024, 7, 18)


def test_date_line_beats_filename():
    pd = dates("2024年7月18日 星期四\n\n" + BODY, path="20240101.txt")
    assert (pd.page_date, pd.source) == (dt.date(2024, 7, 18), "dateline")
    pd = dates("# 《新闻联播》（20240105）\n\n" + BODY, path="page.md")
    assert (pd.page_date, pd.source) == (dt.date(2024, 1, 5), "dateline")


def test_a_headline_with_a_date_is_not_a_date_line():
    pd = dates("2024年7月18日上午全区召开重点项目建设推进会议部署下半年重点工作任务。\n\n" + BODY, path="x.txt")
    assert pd.source == "text"


def test_front_matter_beats_date_line():
    text = "---\ntitle: 第3版\ndate: 2024-03-09\n---\n2024年7月18日 星期四\n\n" + BODY
    pd = dates(text, path="20240101.txt")
    assert (pd.page_date, pd.source) == (dt.date(2024, 3, 9), "front-matter")


def test_meta_date_beats_everything():
    text = "---\ndate: 2024-03-09\n---\n" + BODY
    pd = dates(text, path="20240101.txt", date="2022-10-01", date_source="--date")
    assert (pd.page_date, pd.source, pd.precision) == (dt.date(2022, 10, 1), "--date", "day")
    pd = dates(text, date="2021-05-06", date_source="config")
    assert pd.source == "config" and pd.explicit


def test_helpers():
    assert parse_date("2024年7月18日") == dt.date(2024, 7, 18)
    assert parse_date("二〇二四年七月十八日") == dt.date(2024, 7, 18)
    assert parse_date("2０24-07-18") == dt.date(2024, 7, 18)
    assert parse_date("2024-02-30") is None
    assert date_from_filename("issue-12345678.txt") is None  # not a valid date
    ms = find_mentions("2023年2月4日和3月5日")
    assert [(m.year, m.month, m.day) for m in ms] == [(2023, 2, 4), (None, 3, 5)]


def test_a_year_alone_in_the_file_name_dates_the_page_to_the_year():
    from newslint.analyses.dates import year_from_filename

    assert year_from_filename("reports/gwr_1981.txt") == (1981, "gwr_1981.txt")
    assert year_from_filename("000_1f97804464838429.txt") is None  # digits inside a hash
    assert year_from_filename("2019-vs-2020.txt") is None  # two years: no guess
    assert year_from_filename("page12345.txt") is None


def test_a_year_in_the_file_name_comes_after_the_text():
    pd = dates("本报讯 各位代表，报告分为六个部分。\n", path="reports/gwr_1981.txt")
    assert (pd.page_date, pd.source, pd.precision) == (dt.date(1981, 1, 1), "filename", "year")
    assert pd.latest == dt.date(1981, 12, 31)
