"""The typo rules' hashed look-ups and their cache (checks/typo_index.py): the same answers as a search of
the shipped sorted arrays, on invented text."""
import os
import stat

import numpy as np
import pytest

from newslint.checks import typo_data, typo_index, typo_lm


def test_buckets_answer_as_a_dictionary_with_overflowing_buckets():
    rng = np.random.default_rng(7)
    keys = np.unique(rng.integers(0, 1 << 62, 5000, dtype=np.uint64))
    vals = rng.integers(0, 1 << 31, len(keys), dtype=np.uint32)
    table = typo_index.Buckets.build(keys, vals, default=12345, load=3.5)  # crowded: many buckets spill
    assert len(table.okeys) > 100
    absent = rng.integers(0, 1 << 62, 5000, dtype=np.uint64)
    q = np.concatenate([keys, absent, keys[::7]])
    rng.shuffle(q)
    want = dict(zip(keys.tolist(), vals.tolist()))
    assert table.get(q).tolist() == [want.get(k, 12345) for k in q.tolist()]
    assert table.get(np.zeros(0, dtype=np.uint64)).tolist() == []


def test_cached_arrays_are_written_once_and_mapped_read_only(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    built = []

    def build():
        built.append(1)
        return {"a": np.arange(10, dtype=np.uint32), "s": np.array(["版本"]), "m": np.ones((3, 4), dtype=bool)}

    first = typo_index.cached("typo-test", "k1", build)
    again = typo_index.cached("typo-test", "k1", build)
    assert len(built) == 1
    assert again["a"].tolist() == list(range(10)) and str(again["s"][0]) == "版本" and again["m"].shape == (3, 4)
    assert not again["a"].flags.writeable
    assert first["a"].tolist() == again["a"].tolist()
    # a damaged file is built again
    path = next((tmp_path / "cache").glob("typo-test-k1.arrays"))
    path.write_bytes(b"NLARRAYS" + (5).to_bytes(8, "little") + b"{bad}")
    assert typo_index.cached("typo-test", "k1", build)["a"].tolist() == list(range(10))
    assert len(built) == 2


def test_a_cache_file_asking_for_objects_is_refused(tmp_path):
    path = tmp_path / "x.arrays"
    typo_index._write(path, {"a": np.arange(4, dtype=np.int64)})
    raw = path.read_bytes()
    assert b'"<i8"' in raw
    path.write_bytes(raw.replace(b'"<i8"', b'"|O8"'))
    assert typo_index._read(path) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_directory_others_can_write_is_not_read(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(shared))
    arrays = typo_index.cached("typo-test", "k", lambda: {"a": np.arange(3)})
    assert arrays["a"].tolist() == [0, 1, 2]
    assert not list(shared.glob("*.arrays"))  # built in memory, nothing written there
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o777


def _reference_logp3(m, a, b, c):
    """The back-off of analyses/charlm as binary searches of one model's sorted arrays (float16)."""
    from newslint.analyses.charlm import _BITS

    s = np.uint64(_BITS)
    u = np.uint64
    p1 = typo_lm._search(m.k1.astype(u), m.v1, c, m.unk)[0]
    bo1 = typo_lm._search(m.kb1.astype(u), m.vb1, b, 0.0)[0]
    p2, f2 = typo_lm._search(m.k2.astype(u), m.v2, (b << s) | c, 0.0)
    p2 = np.where(f2, p2, bo1 + p1)
    bo2 = typo_lm._search(m.kb2.astype(u), m.vb2, (a << s) | b, 0.0)[0]
    p3, f3 = typo_lm._search(m.k3.astype(u), m.v3, (((a << s) | b) << s) | c, 0.0)
    return np.where(f3, p3, bo2 + p2)


def test_both_models_from_one_look_up_are_their_back_off_bit_for_bit():
    from newslint.analyses import charlm

    text = "县里按照政府采购的有关规定组织招标。各地要持续推进农村人居环境整治，墙画监督管理！Ａ股2024年"
    codes, stop = typo_lm.codes(text)
    rng = np.random.default_rng(3)
    junk = rng.choice(codes, size=(3, 400))  # characters of the text in orders no text has
    a = np.concatenate([codes[:-2], junk[0], [ord(charlm.BOS)] * 3])
    b = np.concatenate([codes[1:-1], junk[1], [ord(charlm.BOS), ord(charlm.BOS), ord("县")]]).astype(np.uint64)
    c = np.concatenate([codes[2:], junk[2], [ord("县"), 0x2A6A5, ord("里")]]).astype(np.uint64)
    a = a.astype(np.uint64)
    lp2 = typo_lm._pair().logp3(a, b, c)
    for col, m in enumerate((charlm.model(), charlm.docs_model())):
        ref = _reference_logp3(m, a, b, c)
        assert lp2[:, col].tobytes() == ref.tobytes()


def test_the_windows_table_answers_as_the_shipped_sorted_arrays():
    text = "面对新情况，我们不能按步就班，要认真贯撤落实。会议对下一步工作进行了部署，迫及待地走进展厅。"
    table = typo_data.table()
    starts, lens, payload = table.find_arrays(text)
    got = {(int(s), int(n)): int(p) for s, n, p in zip(starts, lens, payload)}
    want = {}
    with np.load(typo_data.table_path()) as z:
        for n in (2, 3, 4):
            keys = np.cumsum(typo_data._unplanes(z[f"k{n}"], np.uint64), dtype=np.uint64)
            pay = typo_data._unplanes(z[f"p{n}"], np.uint32)
            words = np.cumsum(typo_data._unplanes(z[f"w{n}"], np.uint64), dtype=np.uint64)
            for i in range(len(text) - n + 1):
                k = np.uint64(typo_data.encode(text[i:i + n]))
                j = int(np.searchsorted(keys, k))
                if j < len(keys) and keys[j] == k:
                    want[(i, n)] = int(pay[j])
                j = int(np.searchsorted(words, k))
                is_word = j < len(words) and words[j] == k
                assert bool(table.words_at(n, np.array([i]))[0]) == is_word
    assert got == want and (got.keys() & {(i, 4) for i in range(len(text))})


def test_the_model_reads_characters_from_tables_as_it_normalises_them():
    text = "Ａ股2024年GDP增长5.2%, 好!?（试）\n第二行。\U0002a6a5ｂ，！"
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    want, breaks = typo_lm._normalise_codes(c.copy())
    got, stop = typo_lm.codes(text)
    assert got.tolist() == want.tolist() and stop.tolist() == breaks.tolist()
    assert got[0] == ord("A") and got[2] == ord("0") and stop[text.index("\n")]
