import pytest

from newslint.page import Page, normalise_newlines


def test_linecol_roundtrip_lf():
    p = Page.from_text("a.txt", "第一行\n\nsecond 行\n")
    assert p.line_count == 4
    assert p.linecol(0) == (1, 1)
    assert p.linecol(3) == (1, 4)  # the newline itself sits at column 4
    assert p.linecol(4) == (2, 1)
    assert p.linecol(5) == (3, 1)
    assert p.line_text(3) == "second 行"
    for off in range(len(p.text) + 1):
        line, col = p.linecol(off)
        assert p.offset(line, col) == off


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_crlf_and_cr_give_lf_locations(nl):
    raw = nl.join(["本报讯(记者)", "", "会议指出,要抓落实。"])
    p = Page.from_text("a.txt", raw)
    assert p.text == "本报讯(记者)\n\n会议指出,要抓落实。"
    off = p.text.index(",")
    assert p.linecol(off) == (3, 5)
    # original offsets point at the same character in the file's own text
    assert p.file_text[p.original_offset(off)] == ","


def test_mixed_newlines_map_back():
    raw = "甲\r\n乙\r丙\n丁,"
    text, crlf = normalise_newlines(raw)
    assert text == "甲\n乙\n丙\n丁,"
    p = Page.from_text("x", raw)
    for i, ch in enumerate(p.text):
        if ch != "\n":
            assert raw[p.original_offset(i)] == ch


def test_wide_characters_count_as_one_column():
    p = Page.from_text("a.txt", "中文abc，😀x")
    assert p.linecol(p.text.index("x")) == (1, 8)


def test_unicode_line_separators_are_not_breaks():
    p = Page.from_text("a.txt", "甲\u2028乙\x0c丙\n丁")
    assert p.line_count == 2


def test_location_and_bounds():
    p = Page.from_text("a.txt", "一二\n三四")
    loc = p.location(1, 4, "m")
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (1, 2, 2, 2)
    with pytest.raises(ValueError):
        p.location(3, 99)
    with pytest.raises(ValueError):
        p.offset(3, 1)


def test_analysis_is_cached_and_not_pickled():
    import pickle

    p = Page.from_text("a.txt", "# 标题\n\n本报讯（记者张三）正文。")
    lay = p.layout
    assert p.layout is lay
    q = pickle.loads(pickle.dumps(p))
    assert q._cache == {} and q.text == p.text
