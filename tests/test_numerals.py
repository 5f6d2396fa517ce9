"""The shared numeral helper: Chinese, Arabic, full-width and mixed numerals, units and ordinals."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.numerals import (
    cn_to_int,
    halfwidth_digits,
    has_mixed_width_digits,
    int_to_cn,
    parse_int,
    parse_number,
    parse_ordinal,
)


@pytest.mark.parametrize("text,value", [
    ("十", 10), ("十五", 15), ("二十", 20), ("二十六", 26), ("一百零五", 105), ("一百一十", 110),
    ("两", 2), ("两百", 200), ("两千零二十三", 2023), ("二〇二三", 2023), ("二零二四", 2024),
    ("廿", 20), ("廿三", 23), ("卅", 30), ("卅一", 31), ("〇", 0), ("零", 0),
    ("三万五千", 35000), ("一万零五百", 10500), ("十万", 100000), ("一亿二千万", 120_000_000),
    ("一千二", 1200), ("三万五", 35000), ("两百五", 250), ("一千零二", 1002),  # colloquial trailing digit
    ("壹佰贰拾", 120),
])
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "二三十", "十十", "百十百", "abc", "二十a"])
def test_cn_to_int_rejects(text):
    assert cn_to_int(text) is None


@pytest.mark.parametrize("text,value", [
    ("2023", 2023), ("２０２３", 2023), ("2０23", 2023), ("1,000", 1000), (" 26 ", 26), ("二十六", 26),
])
def test_parse_int_any_width(text, value):
    assert parse_int(text) == value


def test_mixed_width():
    assert has_mixed_width_digits("2０23")
    assert not has_mixed_width_digits("2023") and not has_mixed_width_digits("２０２３")
    assert halfwidth_digits("２０２３年") == "2023年"


@pytest.mark.parametrize("text,value", [
    ("第二十次", 20), ("第20届", 20), ("第２０次", 20), ("二十大", 20), ("二十六大", 26), ("十九届", 19),
    ("第十一届", 11), ("廿一", 21), ("三中全会", 3), ("第一", 1), ("两次", 2),
])
def test_parse_ordinal(text, value):
    assert parse_ordinal(text) == value


@pytest.mark.parametrize("text", ["第", "第x次", "二十六万"])
def test_parse_ordinal_rejects(text):
    assert parse_ordinal(text) is None


@pytest.mark.parametrize("text,value", [
    ("130.23亿", 13_023_000_000), ("1.2万", 12000), ("45%", 45), ("三万五千", 35000), ("２万", 20000),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@given(st.integers(min_value=0, max_value=99_999_999))
def test_int_to_cn_round_trip(n):
    assert cn_to_int(int_to_cn(n)) == n


def test_zero_before_tens_inside_wan():
    # found by the randomised round-trip: 30010 was written 三万零十 and read back as 30000
    assert int_to_cn(30010) == "三万零一十" and int_to_cn(30015) == "三万零一十五"
    assert cn_to_int("三万零十") == 30010 and cn_to_int("三万零一十") == 30010
