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


def test_readings_cache_is_rebuilt_when_damaged(tmp_path, monkeypatch):
    """The pinyin readings are cached as one marshal file of strings; a damaged or foreign file is not
    trusted: the table is rebuilt from pypinyin and gives the same readings."""
    import marshal

    from newslint.analyses import charsim

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(charsim, "_READINGS", None)
    assert charsim._readings_table().get("行") == "hang heng xing"
    (cached,) = tmp_path.glob("pinyin-*.marshal")
    for junk in (("行", "hang", b"\x00"), {"行": ("hang",)}, "x"):
        cached.write_bytes(marshal.dumps(junk))
        monkeypatch.setattr(charsim, "_READINGS", None)
        assert charsim._readings_table().get("行") == "hang heng xing"
