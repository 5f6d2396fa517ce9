"""The typo rules (错别字) on invented sentences: each kind fires with its correction; words, names,
titles and codes stay quiet."""
import pytest

from helpers import lint_text
from newslint.checks import typo, typo_data
from newslint.page import Page


def typos(text):
    return typo.find_typos(Page.from_text("t.txt", text))


def test_sound_alike_in_an_idiom_is_a_warning_with_its_correction():
    [t] = typos("面对新情况，我们不能按步就班，要主动作为。")
    assert (t.wrong, t.right, t.severity) == ("按步就班", "按部就班", "warning")
    assert t.reason == "读音相近"


def test_idiom_with_a_sound_alike():
    [t] = typos("面对困难，他并没有一愁莫展。")
    assert (t.wrong, t.right) == ("一愁莫展", "一筹莫展")


def test_dropped_character_inside_an_idiom():
    [t] = typos("大家迫及待地走进展厅。")
    assert (t.wrong, t.right, t.kind) == ("迫及待", "迫不及待", typo_data.DROP)
    assert t.rule.id == "typo-missing-char"


def test_two_character_word_misspelt():
    found = typos("要求各部门认真贯撤落实。")
    assert [(t.wrong, t.right) for t in found] == [("贯撤", "贯彻")]


@pytest.mark.parametrize("text", [
    "面对新情况，我们不能按部就班，要主动作为。",  # the right word
    "会议对下一步工作进行了部署。",  # 会议|对: the dictionary reads it as two words
    "工程已于上月竣工。",
    "《按步就班》是一部话剧的名字。",  # a title in 《》 is reported at most as info
])
def test_quiet_or_info_on_correct_text_and_titles(text):
    assert all(t.severity == "info" for t in typos(text))
    if "《" not in text:
        assert typos(text) == []


def test_a_string_written_twice_on_the_page_is_meant():
    assert typos("他们一愁莫展。我们也一愁莫展。") == []


def test_quoted_title_is_info_not_warning():
    [t] = typos("他写了一篇题为《一愁莫展》的文章。")
    assert t.severity == "info"


def test_codes_and_latin_text_are_not_read():
    assert typos("型号ABC-123，编号GB/T 15835-2011。") == []


def test_findings_carry_an_unsafe_fix_and_the_message_says_why():
    fs = lint_text("面对新情况，我们不能按步就班，要主动作为。", ["typo"])
    [f] = fs
    assert f.category == "typo" and f.severity == "warning"
    assert f.fix.replacement == "按部就班" and not f.fix.safe
    assert "按部就班" in f.message and "读音相近" in f.message


def test_faulty_phrase_list_is_not_reported_twice():
    # 迫不急待 is in the wording pack: wording-faulty-phrase reports it, the typo rule does not
    fs = lint_text("大家迫不急待地走进展厅。", ["typo", "wording-faulty-phrase"])
    assert [f.rule for f in fs] == ["wording-faulty-phrase"]


def test_rule_examples_fire_and_stay_quiet():
    for rule in typo.RULES:
        assert any(f.rule == rule.id for f in lint_text(rule.bad, [rule.id])), rule.id
        assert not [f for f in lint_text(rule.good, [rule.id])], rule.id


def test_confusion_sets_come_from_the_shipped_data():
    conf = typo_data.confusables()
    assert conf["彻"]["撤"] & typo_data.SOUND
    assert conf["部"]["步"] & typo_data.SOUND
    assert all(a != b for a in list(conf)[:200] for b in conf[a])


def test_codes_round_trip():
    for s in ("部署", "按部就班", "一"):
        assert typo_data.decode(typo_data.encode(s), len(s)) == s


def test_a_form_written_on_two_pages_of_the_run_is_meant():
    from helpers import check

    one = Page.from_text("a.txt", "面对困难，他并没有一愁莫展。")
    two = Page.from_text("b.txt", "面对困难，她也没有一愁莫展。")
    assert [f.rule for f in check([one], ["typo"])] == ["typo-confused-char"]
    assert check([Page.from_text("a.txt", one.text), Page.from_text("b.txt", two.text)], ["typo"]) == []


def test_accepted_words_from_a_pack_are_not_reported(tmp_path):
    from helpers import PM, RULES
    from newslint.config import Config
    from newslint.engine import Context, check_pages

    pack = tmp_path / "house.toml"
    pack.write_text('[[typo-accept]]\nwords = ["一愁莫展"]\nnote = "a play on words in our column"\n',
                    encoding="utf-8")
    cfg = Config(path=tmp_path / "newslint.toml", root=tmp_path, data={"packs": [str(pack)]})
    ctx = Context(PM, RULES, cfg, select=["typo"])
    assert check_pages(ctx, [Page.from_text("a.txt", "面对困难，他并没有一愁莫展。")]).findings == []


def test_the_variant_table_ships_built_with_the_current_knobs():
    # built by `python -m newslint.checks.typo_data --table`, never on the user's machine: a change of
    # the knobs or the layout without a rebuild fails here
    assert typo_data.table_path().is_file()
    assert typo_data.table().meta == typo_data._knobs()


@pytest.mark.parametrize("wrong,right,kind", [
    ("贯撤", "贯彻", typo_data.SOUND), ("按步就班", "按部就班", typo_data.SOUND),
    ("迫及待", "迫不及待", typo_data.DROP), ("一莫展", "一筹莫展", typo_data.DROP),
])
def test_a_correction_is_stored_as_one_character_and_its_place(wrong, right, kind):
    p = typo_data._payload(wrong, right, kind, 0)
    assert typo_data.correction(wrong, p) == right and (p >> 18) & 7 == kind


@pytest.mark.parametrize("text,wrong,right", [
    ("推动校企双方全面家强合作。", "家强", "加强"),  # reads as two words (家|强): the context decides
    ("要进一步完善考核评价机智。", "机智", "机制"),  # a word itself: the context decides
])
def test_slips_the_dictionary_cannot_see_are_found_by_their_context_as_info(text, wrong, right):
    [t] = typos(text)
    assert (t.wrong, t.right, t.severity) == (wrong, right, "info")


@pytest.mark.parametrize("text", [
    "他机智勇敢，多次化险为夷。",  # 机智 where it is meant
    "这家强势企业的产品很受欢迎。",  # 家|强势
    "学校和企业全面加强合作。",
])
def test_the_same_strings_where_the_context_wants_them_stay_quiet(text):
    assert typos(text) == []


def test_the_context_model_scores_a_replacement_and_an_insertion():
    from newslint.checks.typo_lm import gains

    text = "要进一步完善考核评价机智。大家迫及待地走进展厅。"
    i, j = text.index("智"), text.index("及")
    g_sub, g_ins, g_none = gains(text, [(i, i + 1, "制"), (j, j, "不"), (i, i + 1, "智")])
    assert g_sub > 5 and g_ins > 3 and g_none == 0


def test_the_context_gain_mixes_the_reports_model_and_the_documents_model():
    from newslint.analyses import charlm
    from newslint.checks import typo_lm

    text = "要进一步完善考核评价机智。"
    i = text.index("智")

    def gain(lm):  # the characters the change touches: 智 and the mark after it, each given two before
        return (lm.logprob("制。", "评价机") - lm.logprob("智。", "评价机"))

    a, b = gain(charlm.model()), gain(charlm.docs_model())
    assert a != pytest.approx(b, abs=0.01)
    [g] = typo_lm.gains(text, [(i, i + 1, "制")])
    assert g == pytest.approx((1 - typo_lm.DOCS_WEIGHT) * a + typo_lm.DOCS_WEIGHT * b, abs=0.05)


def test_a_loose_look_alike_is_found_where_the_context_wants_the_word():
    # 渎/续 share the component 卖 under another radical: a loose confusion, reported only on context
    [t] = typos("各地要持渎推进农村人居环境整治。")
    assert (t.wrong, t.right, t.severity, t.reason) == ("持渎", "持续", "info", "字形相近")
    assert "续" in typo_data.confusables(loose=True)["渎"] and "续" not in typo_data.confusables()["渎"]


@pytest.mark.parametrize("text, wrong, right", [
    ("各地要进一步墙画监督管理，确保资金安全。", "墙画", "强化"),  # a word typed by its reading, another taken
    ("县里按照政府菜狗的有关规定组织招标。", "菜狗", "采购"),
    ("各级党政机关及其零导干部要带头执行。", "零导", "领导"),
])
def test_a_word_typed_by_its_reading_with_other_characters_is_info(text, wrong, right):
    [t] = typos(text)
    assert (t.wrong, t.right, t.severity, t.reason) == (wrong, right, "info", "读音相近")


@pytest.mark.parametrize("text", [
    "他站在窗前欣赏墙画，画的是家乡的山水。",  # the written word where its context wants it
    "市场监管部门要强化监督管理，确保资金安全。",
    "县里按照政府采购的有关规定组织招标。",
])
def test_homophone_words_stay_quiet_where_the_context_wants_what_is_written(text):
    assert typos(text) == []


def test_the_homophone_search_can_be_turned_off():
    page = Page.from_text("t.txt", "县里按照政府菜狗的有关规定组织招标。")
    assert typo.find_typos(page, {"typo-confused-char": {"homophones": False}}) == []


def test_whole_word_gains_keep_only_what_reaches_both_bounds():
    import numpy as np

    from newslint.checks import typo_lm

    text = "创新投融资模式，墙画监督管理，抓好政府菜狗工作。"
    codes, stop = typo_lm.codes(text)
    new = np.array([[ord("强"), ord("化")], [ord("采"), ord("购")]], dtype=np.uint64)
    gain, fluent = typo_lm.word_gains_at(codes, stop, np.array([8, 19]), 2, new)
    assert (gain > 8).all() and (fluent < 0).all()
    # the same figures with bounds both reach; a bound one cannot reach sets it aside
    g2, f2 = typo_lm.word_gains_at(codes, stop, np.array([8, 19]), 2, new, gain.min() - 1, fluent.min() - 0.1)
    assert np.allclose(g2, gain) and np.allclose(f2, fluent)
    g3, _ = typo_lm.word_gains_at(codes, stop, np.array([8, 19]), 2, new, gain.max() + 1)
    assert (g3 == -1e9).all()
    # the written side is the page's own character scores
    lp = typo_lm.text_logp(codes, stop)
    assert np.allclose(typo_lm.text_logp(codes, stop, np.arange(len(text)) % 2 == 0)[::2], lp[::2])


def test_homophone_readings_ship_in_the_variant_table():
    table = typo_data.table()
    starts, lens, words = table.homophones_in("抓好政府菜狗工作")
    found = {(int(s), typo_data.decode(int(w), int(n))) for s, n, w in zip(starts, lens, words)}
    assert (4, "采购") in found
