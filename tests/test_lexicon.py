from newslint.lexicon import Lexicon, build, is_word, lexicon, word_freq


def test_lookups_agree_with_jiebas_dictionary():
    assert is_word("水平") and is_word("互联网") and word_freq("常常") > 0
    assert not is_word("的的") and not is_word("") and word_freq("平均水平均") == 0
    freq, tag = lexicon().lookup("谢谢")
    assert freq > 0 and tag


def test_sorted_file_search_edges(tmp_path):
    src = tmp_path / "dict.txt"
    src.write_text("乙 5 n\n甲 3 v\n啊 1 e\n甲 9 v\nabc 2 eng\n", encoding="utf-8")
    out = tmp_path / "lex.tsv"
    build(src, out)
    lex = Lexicon(out)
    assert lex.lookup("甲") == (3, "v")  # first entry of a duplicated word wins
    assert lex.lookup("啊") == (1, "e") and lex.lookup("abc") == (2, "eng") and lex.lookup("乙") == (5, "n")
    assert lex.lookup("丙") is None and lex.lookup("abcd") is None
    assert lex.lookup("ab") == (0, "") and "ab" not in lex and "abc" in lex  # prefixes are listed, not words
    assert lex.total == 20  # every line counts, duplicates too, as in jieba's gen_pfdict


def test_search_between_fences_finds_every_line_and_nothing_else(tmp_path, monkeypatch):
    # a fence every few bytes, so that words fall on, between, before and after the fence lines
    words = sorted({chr(0x4E00 + i) + chr(0x4E00 + j) for i in range(0, 40, 3) for j in range(0, 30, 7)})
    src = tmp_path / "dict.txt"
    src.write_text("".join(f"{w} {k + 1} n\n" for k, w in enumerate(words)), encoding="utf-8")
    out = tmp_path / "lex.tsv"
    build(src, out)
    for fence in (7, 64, 10_000):
        monkeypatch.setattr(Lexicon, "_FENCE", fence)
        lex = Lexicon(out)
        assert all(lex.lookup(w) == (k + 1, "n") for k, w in enumerate(words))
        assert all(lex.lookup(w) == (0, "") for w in {w[0] for w in words})  # the prefixes
        absent = ["", "\u4e01\u4e01", "乙乙乙", "\uffff", "a", chr(0x4E00 + 1)]
        assert all(lex.lookup(w) is None for w in absent)


def test_window_tokenizer_segments_exactly_like_jieba():
    import jieba

    from newslint.analyses.tokens import window_tokenizer

    full = jieba.Tokenizer()
    full.initialize()
    win = window_tokenizer()
    samples = ["会议传达了学习了上级精神", "文化氩氩年味浓", "全区六项主要经济指标增速均高于全市平均水平",
               "王丽丽在研究研究中", "盯紧责任人、盯牢具体事、盯着要结果", "新中国中国法制史", "1.5万人次参加"]
    for s in samples:
        for hmm in (True, False):
            assert list(win.tokenize(s, HMM=hmm)) == list(full.tokenize(s, HMM=hmm)), s
