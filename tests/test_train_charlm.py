"""tools/train_charlm.py's reader of statutory texts (a LawRefBook/Laws checkout), on invented files."""
import importlib.util
import json
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "train_charlm.py"


@pytest.fixture(scope="module")
def train():
    spec = importlib.util.spec_from_file_location("train_charlm", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


LAW = """# 示范河道管理条例

2001年1月1日 示范省人民代表大会常务委员会通过

<!-- INFO END -->

## 第一章 总则

第一条 为了加强河道管理，保障防洪安全，制定本条例。

第二条 本条例适用于本省行政区域内的河道。县级以上人民政府应当加强领导。

（一）编制河道规划；

| 项目 | 标准 |
"""


def write(root: Path, rel: str, text: str):
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def test_the_bodies_of_the_laws_are_read_as_sentences_without_numbers_and_markup(train, tmp_path):
    write(tmp_path, "地方法规/示范河道管理条例(2001-01-01).md", LAW)
    write(tmp_path, "案例/示范案例.md", "<!-- INFO END -->\n\n原告诉称被告未履行合同。\n")
    write(tmp_path, "地方法规/_index.md", "索引页面的说明文字。\n")
    write(tmp_path, "README.md", "本项目收集法律法规。\n")
    got = list(train.law_sentences(tmp_path))
    assert got == ["为了加强河道管理，保障防洪安全，制定本条例。", "本条例适用于本省行政区域内的河道。",
                   "县级以上人民政府应当加强领导。", "编制河道规划；"]
    assert train.law_sentences.files == 1


def test_sentences_sharing_a_run_with_a_test_set_are_left_out(train, tmp_path):
    write(tmp_path, "地方法规/示范河道管理条例(2001-01-01).md", LAW)
    test_set = tmp_path / "test.jsonl"
    test_set.write_text(json.dumps({"src": "各地要加强河道管理，保障放洪安全。", "tgt": "各地要加强河道管理，保障防洪安全。"},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    got = list(train.law_sentences(tmp_path, train.shingles(test_set)))
    assert "为了加强河道管理，保障防洪安全，制定本条例。" not in got
    assert "本条例适用于本省行政区域内的河道。" in got
    assert train.law_sentences.excluded == 1
