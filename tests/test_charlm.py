"""The character n-gram model (analyses/charlm.py): what it prefers at a join, on invented text."""
import subprocess
import sys

import pytest

from newslint.analyses import charlm


def test_normalise_reads_digits_letters_and_half_width_marks_as_one_form():
    assert charlm.normalise("2024年GDP增长5.2%, 好!") == "0000年AAA增长0.0%，好！"
    assert charlm.normalise("\u3000\u3000各村 要\r\n") == "各村要"


def test_key_packs_up_to_three_characters():
    assert charlm.key("a") == ord("a")
    assert charlm.key("a", "b") != charlm.key("b", "a")
    assert charlm.key("的", "一", "是") == (ord("的") << 42) | (ord("一") << 21) | ord("是")


def test_a_word_cut_in_two_joins_far_better_than_it_opens_a_sentence():
    assert charlm.join_gain("近年来，示范区坚持实施创", "新驱动发展战略") > 5


def test_a_cut_between_words_still_prefers_the_join():
    # (no word spans 坚持|以: only the probability of the characters tells)
    assert charlm.join_gain("各乡镇要始终坚持", "以群众满意为标准") > 2


def test_an_ordinary_sentence_start_gains_nothing_from_an_unrelated_end():
    assert charlm.join_gain("会议强调", "近年来，全区上下") < 0


def test_the_gain_is_the_difference_of_two_log_probabilities():
    left, right = "各乡镇要始终坚持", "以群众满意为标准"
    lm = charlm.model()
    assert charlm.join_gain(left, right) == pytest.approx(lm.logprob(right[:2], left) - lm.logprob(right[:2]))


def test_logprob_prefers_running_text_to_the_same_characters_shuffled():
    assert charlm.logprob("全区经济运行稳中有进") > charlm.logprob("进有中稳行运济经区全")


def test_logprob_of_nothing_is_zero_and_unknown_characters_are_finite():
    assert charlm.logprob("") == 0
    assert -60 < charlm.logprob("\U0002a6a5") < 0


def test_perplexity_of_news_text_is_moderate_and_of_noise_high():
    text = ["全区经济运行稳中有进，发展质量持续提升。", "各乡镇要把群众工作做实做细。"]
    noise = ["进有中稳行运济经区全，升提续持量质展发。"]
    assert charlm.perplexity(text) < charlm.perplexity(noise)


def test_the_model_says_what_it_was_trained_on():
    assert "jieba" in charlm.model().about and "public domain" in charlm.model().about


def test_the_model_is_not_loaded_when_newslint_is_imported_or_a_clean_page_is_checked(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("## 示范区召开推进会\n\n本报讯 会议要求，各村要把群众工作做实做细。\n", encoding="utf-8")
    code = ("import sys\nfrom newslint import cli\n"
            f"try:\n    cli.main(['check', '--no-cache', {str(page)!r}])\nexcept SystemExit:\n    pass\n"
            "from newslint.analyses import charlm\nprint(charlm.model.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "0", out.stderr
