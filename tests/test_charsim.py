import pytest

from newslint.analyses import charsim


def test_sound_alike_from_pinyin():
    assert charsim.sound_alike("治", "志")  # zhi / zhi
    assert charsim.sound_alike("伟", "玮")
    assert not charsim.sound_alike("峰", "生")
    assert not charsim.sound_alike("志", "志")  # the same character is not a variant
    # loose: retroflex and nasal mergers only when asked
    assert not charsim.sound_alike("山", "三")
    assert charsim.sound_alike("山", "三", loose=True)


def test_shape_from_four_corner_and_components():
    assert charsim.shape_level("己", "已") == 2  # identical components
    assert charsim.shape_level("未", "末") == 2  # same four-corner code, same strokes
    assert charsim.shape_level("候", "侯") == 2
    assert charsim.shape_level("官", "宫") >= 1  # same top component, half the code
    assert charsim.shape_level("峰", "生") == 0
    assert charsim.shape_level("国", "军") == 0
    assert charsim.look_alike("己", "已") and not charsim.look_alike("峰", "生")


def test_relation_words():
    assert charsim.relation("治", "志") == "sound"
    assert charsim.relation("己", "已") in ("shape", "sound+shape")
    assert charsim.relation("峰", "生") is None
    assert charsim.relation("宫", "宫") is None
    assert charsim.relation("官", "宫") is None and charsim.relation("官", "宫", weak=True) == "shape"


def test_unknown_characters_are_never_alike():
    assert charsim.relation("a", "b") is None
    assert charsim.shape_similarity("😀", "😁") <= 0.5


def test_containment_is_a_weak_look_alike():
    # one character is a whole component of the other plus a small part
    assert charsim.contains("军", "车") and charsim.contains("车", "军")  # 冖 + 车
    assert charsim.contains("杰", "木")  # 木 + 灬
    assert charsim.contains("们", "门")  # 亻 + 门
    assert charsim.shape_level("军", "车") == 1 and charsim.relation("军", "车", weak=True) == "shape"
    assert charsim.relation("军", "车") is None  # only a weak likeness: strong callers are unchanged
    # a large addition, or a tiny contained part, is no containment
    assert not charsim.contains("鹏", "朋")  # 鸟 is more than a small addition
    assert not charsim.contains("十", "一") and not charsim.contains("军", "军")
    assert not charsim.contains("峰", "生")


@pytest.mark.parametrize("prefix, variable, load, char, value", [
    ("pinyin", "_READINGS", "_readings_table", "行", "hang heng xing"),
    ("fourcorner", "_FC", "_four_corner_table", "军", "37504"),
    ("chaizi", "_CHAIZI", "_chaizi_table", "军", "冖车"),
])
def test_character_table_cache_is_rebuilt_when_damaged(tmp_path, monkeypatch, prefix, variable, load, char, value):
    """The character tables (pinyin readings, four-corner codes, decompositions) are cached as one marshal
    file of strings each; a damaged or foreign file is not trusted: the table is rebuilt from its package
    and gives the same values."""
    import marshal

    from newslint.analyses import charsim

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(charsim, variable, None)
    assert getattr(charsim, load)().get(char) == value
    (cached,) = tmp_path.glob(f"{prefix}-*.marshal")
    monkeypatch.setattr(charsim, variable, None)
    assert getattr(charsim, load)().get(char) == value  # read back from the file
    for junk in ((char, "x", b"\x00"), {char: (value,)}, "x", ("", "", b"\x01\x00\x00\x00")):
        cached.write_bytes(marshal.dumps(junk))
        monkeypatch.setattr(charsim, variable, None)
        assert getattr(charsim, load)().get(char) == value


def test_character_tables_answer_absent_characters():
    """A character a table does not hold (a Latin letter, a mark) has no value, not a neighbour's."""
    from newslint.analyses import charsim

    assert charsim.four_corner("a") is None and charsim.decompositions("，") == ()
    assert charsim.readings("a") == frozenset()
