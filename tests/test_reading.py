import codecs
import os

import pytest

from newslint.reading import InputError, decode, expand_paths, read_page

TEXT = "本报讯（记者张三）1月2日，会议召开。𠀀𪚥"  # includes characters outside the BMP


@pytest.mark.parametrize("enc,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                     ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_unicode_encodings(enc, bom):
    text, got, had_bom = decode(bom + TEXT.encode(enc), "f")
    assert text == TEXT and had_bom == bool(bom)


def test_gb18030_and_gbk_detected():
    for enc in ("gb18030", "gbk"):
        s = "本报讯（记者张三）会议指出，要抓落实。" if enc == "gbk" else TEXT
        text, got, _ = decode(s.encode(enc), "f")
        assert text == s and got == "gb18030"


def test_binary_and_undecodable_are_input_errors():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.txt")
    with pytest.raises(InputError, match="img.txt"):
        decode(bytes(range(128, 256)) * 4, "img.txt")


def test_empty_file_is_text():
    assert decode(b"", "e")[0] == ""


def test_read_page_records_hash_and_errors(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("甲".encode("gb18030"))
    page = read_page(str(p))
    assert page.encoding == "gb18030" and len(page.meta["sha256"]) == 64
    with pytest.raises(InputError, match="no such file"):
        read_page(str(tmp_path / "missing.txt"))


def test_expand_paths_walks_sorted_and_survives_links(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.md", "c.pdf", ".hidden.txt"):
        (tmp_path / "d" / name).write_text("x")
    (tmp_path / "d" / "sub" / "z.txt").write_text("x")
    os.symlink(tmp_path / "d", tmp_path / "d" / "sub" / "loop")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "d" / "broken.txt")
    errors = []
    files = list(expand_paths([str(tmp_path / "d")], errors))
    assert [os.path.basename(f) for f in files] == ["a.md", "b.txt", "z.txt"]
    assert any("loop" in e for e in errors) and any("broken" in e for e in errors)


def test_big5_is_refused_with_a_clear_message_and_gbk_is_not_taken_for_it():
    traditional = "本報訊（記者張三）國務院總理主持召開會議，研究經濟形勢和當前工作，部署下一階段重點任務。"
    with pytest.raises(InputError, match="Big5"):
        decode(traditional.encode("big5"), "tw.txt")
    for s in ("我们", "会议指出，要抓落实。", "中国北京市人民政府召开会议，研究部署工作。"):
        assert decode(s.encode("gbk"), "f")[1] == "gb18030"
