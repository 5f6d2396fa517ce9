"""Issues of a paper: pages of one explicit date are one issue; undated pages are one group."""
from newslint.analyses import issues
from newslint.page import Page


def _page(path, text="本报讯 示范区召开会议。\n", date=None):
    p = Page.from_text(path, text)
    if date:
        p.meta.update(date=date, date_source="--date")
    return p


def test_the_issue_is_the_explicit_date():
    assert issues.issue_date(_page("20191001-01-01.txt")) == "2019-10-01"
    assert issues.issue_date(_page("a.txt", date="2024-05-06")) == "2024-05-06"
    assert issues.issue_date(_page("a.txt")) is None
    # a year estimated from the text is no issue date
    assert issues.issue_date(_page("a.txt", "本报讯 2023年第2次党政联席会议召开。2月4日上午，会议听取汇报。\n")) is None


def test_same_issue_and_the_cap():
    a, b, c = _page("20191001-01.txt"), _page("20191001-02.txt"), _page("20191002-01.txt")
    u, v = _page("x.txt"), _page("y.txt")
    assert issues.same_issue(None, a, b) and not issues.same_issue(None, a, c)
    assert issues.same_issue(None, u, v) and not issues.same_issue(None, u, a)
    assert issues.cap(None, True) is None and issues.cap("warning", True) == "warning"
    assert issues.cap(None, False) == "info" and issues.cap("error", False) == "info"
