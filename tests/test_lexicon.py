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
    assert lex.lookup("丙") is None and lex.lookup("ab") is None and lex.lookup("abcd") is None
