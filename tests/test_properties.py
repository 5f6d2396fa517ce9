"""Property-based tests: any input, no crash, no wrong location, fixes that round-trip.

Runs every installed rule.  CI runs a fixed seed with a short budget (``derandomize`` and a small
``max_examples``); the long fuzz run is ``NEWSLINT_FUZZ_EXAMPLES=20000 pytest tests/test_properties.py``
(documented in the README).
"""
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.engine import Context, all_rules, check_pages, plugin_manager
from newslint.fixing import apply_to_text
from newslint.page import Page

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, derandomize=EXAMPLES <= 200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# A page written for these tests (not from any corpus), with the shapes rules look at.
SEED_PAGE = """# 示范区召开项目建设推进会

本报讯(记者王晓明)2月4日上午,区委副书记、区长刘建华主持召开示范区2023年第2次党政联席会议,区领导张伟、李强出席会议。

会议指出,一要坚定信心。要抓好落实。二要强化责任。三要强化

服务保障。会议传达了学习了上级精神,要贯彻落实党的二十大精神。

刘建华强调,一是组织体系要健全。二是监督要规范。

刘建华强调,一是组织体系要健全。二是监督要规范。

据了解,2022年示范区

## 又一篇报道

□评论员

“开展活动,有助于增强认同感。”活动现场组织者说。共有3个项目,分别是甲、乙、丙。

2月6日,工人在组装部件。本报记者 刘金元 摄
"""

_PM = plugin_manager()
_RULES = all_rules(_PM)


def _ctx():
    return Context(_PM, _RULES, Config())


def _check_invariants(pages, result):
    by_path = {p.path: p for p in pages}
    for f in result.findings:
        for loc in [f.location] + list(f.related):
            page = by_path.get(loc.path)
            assert page is not None, f"{f.rule}: location in unknown page {loc.path}"
            assert 0 <= loc.start <= loc.end <= len(page.text), f"{f.rule}: span outside text"
            assert (loc.line, loc.column) == page.linecol(loc.start), f"{f.rule}: start line/col drift"
            assert (loc.end_line, loc.end_column) == page.linecol(loc.end), f"{f.rule}: end line/col drift"
        assert f.category and f.severity in ("error", "warning", "info") and f.message
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(by_path[f.location.path].text)


def _run(texts, suffix=".txt"):
    pages = [Page.from_text(f"p{i}{suffix}", t, index=i) for i, t in enumerate(texts)]
    result = check_pages(_ctx(), pages)
    # a rule that raises is caught by the engine and reported, not raised: it must be looked for here
    assert not result.errors, result.errors
    _check_invariants(pages, result)
    return pages, result


INSERTS = st.sampled_from([",", "(", ")", ";", ":", "?", "!", "\u200b", "\x07", "😀", "發", "體", "\r\n", "\r", "\n",
                           "\n\n", "一要", "二是", "第三", "共9项", "党的二十六大", "成立100周年", "”", "“", "#",
                           "本报讯(记者张三)", "\u3000", "\ufeff", "x" * 500, "了了", "甲,乙" * 50])


@st.composite
def mutated_page(draw):
    text = SEED_PAGE
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["insert", "delete", "split", "join", "dup"]))
        i = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:i] + draw(INSERTS) + text[i:]
        elif op == "delete":
            j = min(len(text), i + draw(st.integers(1, 40)))
            text = text[:i] + text[j:]
        elif op == "split":
            text = text[:i] + "\n\n" + text[i:]
        elif op == "join":
            text = text.replace("\n\n", "", 1) if draw(st.booleans()) else text.replace("\n", "", 1)
        else:
            j = min(len(text), i + draw(st.integers(1, 200)))
            text = text + "\n\n" + text[i:j]
    return text


@SETTINGS
@given(st.lists(st.text(max_size=400), min_size=1, max_size=3))
def test_arbitrary_unicode_never_crashes_and_locations_are_exact(texts):
    _run(texts)


# ---- short pages of common words (the 广告 box) ------------------------------------------------------
# Arbitrary Unicode rarely forms a word the typo tables, the lexicon or the layout know, so a page of a
# common word or two — an ad box or a caption cut into a file of its own — was never drawn.  These units
# are invented for the tests: frequent characters and words of news text, its marks, line ends and markup.
COMMON_UNITS = st.sampled_from([
    "广告", "广", "告", "的", "一", "是", "在", "了", "不", "人", "中", "国", "会", "发展", "创新", "部署", "建设",
    "工作", "记者", "本报讯", "新华社", "北京", "电", "日", "月", "年", "1", "2", "１", "二〇", "第", "次", "一是",
    "二要", "会议", "指出", "强调", "表示", "说", "摄", "张伟", "市长", "书记", "实施", "逝世", "经济", "社会", "我们",
    "，", "。", "、", "：", "；", "？", "！", "“", "”", "（", "）", "《", "》", "——", "…", ",", ".", "(", ")", ":",
    "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\u3000\u3000", "#", "# ", "## ", "> ", "- ", "1. ", "|", "```",
    "\ufeff", "\u200b", "\u00a0", "\u0301", "\ue000", "𠀀",
])


def _converge(text, rounds):
    """Check ``text``, apply every fix and check again: no fix may be left within ``rounds`` checks."""
    for _ in range(rounds):
        pages, result = _run([text])
        fixes = [f.fix for f in result.findings if f.fix is not None]
        if not fixes:
            return
        text, _ = apply_to_text(pages[0], fixes)
    raise AssertionError("fixes did not converge")


@st.composite
def short_page(draw):
    """A page of 0 to 12 characters made of common units, as often a whole word or two as not."""
    text = "".join(draw(st.lists(COMMON_UNITS, min_size=0, max_size=8)))
    return text[:draw(st.integers(0, 12))]


@SETTINGS
@given(st.lists(short_page(), min_size=1, max_size=3), st.sampled_from([".txt", ".md"]))
def test_short_pages_of_common_words_never_crash(texts, suffix):
    _run(texts, suffix)


@SETTINGS
@given(short_page())
def test_short_pages_fix_to_a_fixpoint(text):
    _converge(text, rounds=9)


@SETTINGS
@given(st.lists(mutated_page(), min_size=1, max_size=3))
def test_mutated_pages_never_crash_and_locations_are_exact(texts):
    _run(texts)


@SETTINGS
@given(mutated_page())
def test_fixes_change_only_their_spans_and_reach_a_fixpoint(text):
    from newslint.fixing import non_overlapping

    pages, result = _run([text])
    page = pages[0]
    chosen = non_overlapping(f.fix for f in result.findings if f.fix is not None)
    fixed, n = apply_to_text(page, chosen)
    assert n == len(chosen)
    # every character outside the applied spans is unchanged, in order
    pos = out = 0
    for fx in chosen:
        a = page.original_offset(fx.start)
        seg = page.file_text[pos:a]
        assert fixed[out:out + len(seg)] == seg
        out += len(seg) + len(fx.replacement)
        pos = page.original_offset(fx.end)
    assert fixed[out:] == page.file_text[pos:]
    # punctuation fixes alone are idempotent: fixing twice equals fixing once
    punct = [f.fix for f in result.findings if f.fix is not None and f.rule == "punctuation-halfwidth"]
    once, _ = apply_to_text(page, punct)
    again_pages, again = _run([once])
    assert not [f for f in again.findings if f.rule == "punctuation-halfwidth"], "fixing twice != once"
    # all fixes together (joins can create new context) converge within as many rounds as there were fixes
    _converge(fixed, rounds=len(chosen) + 1)


@SETTINGS
@given(mutated_page(), st.sampled_from(["\n", "\r\n", "\r"]))
def test_newline_style_does_not_change_findings(text, nl):
    from newslint.page import normalise_newlines

    text = normalise_newlines(text)[0]  # mutations may have inserted CR or CRLF: start from one style
    base = _run([text])[1].findings
    other = _run([text.replace("\n", nl)])[1].findings
    key = lambda f: (f.rule, f.location.line, f.location.column, f.location.end_line, f.location.end_column)
    assert sorted(map(key, base)) == sorted(map(key, other))


# ---- adversarial inputs (issue 22): long runs of whitespace, of one character, of markup ----------
# Each shape once made some regex or tokeniser quadratic.  The generators below are shared with
# benchmarks/worst_cases.py, which runs them at sizes of 40 000 characters and more.
RUN_UNITS = st.sampled_from([" ", "\u3000", "\t", "的", "一", "#", "*", "\\*", "_", "记者 ", ",", "# ", "中",
                             "甲,", "——", "【", "(", "**"])


@st.composite
def adversarial_page(draw):
    """SEED_PAGE with a long run of one unit (whitespace, a repeated character, repeated markup) put
    inside a line, at a line start or at the end."""
    unit = draw(RUN_UNITS)
    run = unit * draw(st.integers(min_value=50, max_value=600))
    where = draw(st.sampled_from(["inside", "line-start", "end"]))
    text = SEED_PAGE
    if where == "inside":
        i = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:i] + run + text[i:]
    elif where == "line-start":
        text = run + "\n" + text
    else:
        text = text + run
    return text


@SETTINGS
@given(adversarial_page())
def test_adversarial_runs_keep_every_invariant(text):
    _run([text])


def worst_cases():
    """name -> generator of a page of about ``n`` characters, each the shape of one past quadratic case."""
    return {
        "spaces inside a line": lambda n: "正文" + " " * n + "结束。\n",
        "ideographic spaces": lambda n: "正文" + "\u3000" * n + "结束。\n",
        "numeral run": lambda n: "今年共有" + "一" * n + "。\n",
        "byline run": lambda n: "记者 " * (n // 3) + "X!\n",
        "heading markup": lambda n: "# " + " #" * (n // 2) + "x\n",
        "han then comma": lambda n: "中" * n + ",\n",
        "one character": lambda n: "的" * n + "\n",
        "markup run": lambda n: "正文" + "\\*" * (n // 2) + "结束。\n",
    }


def page_seconds(make, n, repeat=3):
    """The fastest of ``repeat`` checks of the page ``make(n)`` (the fastest is the least disturbed by
    other load on the machine)."""
    import time

    ctx = _ctx()
    best = float("inf")
    for _ in range(repeat):
        page = Page.from_text("worst.md", make(n))
        t = time.perf_counter()
        check_pages(ctx, [page])
        best = min(best, time.perf_counter() - t)
    return best


def test_worst_cases_take_time_linear_in_their_length():
    """Time per character stays bounded: quadrupling a worst case's length must not multiply its time
    by much more than four (a quadratic case multiplies it by sixteen).  A ratio, not a wall-clock limit,
    so a loaded machine does not make it flaky; the floor keeps timer noise on tiny times out."""
    n = int(os.environ.get("NEWSLINT_WORST_CASE_CHARS", "1500"))
    page_seconds(lambda n: SEED_PAGE, 0, repeat=1)  # warm-up: dictionaries and compiled patterns
    slow = {}
    for name, make in worst_cases().items():
        small = max(page_seconds(make, n), 0.02)
        large = page_seconds(make, 4 * n)
        if large / small > 9:
            slow[name] = round(large / small, 1)
    assert not slow, f"time grows faster than the length (×4 length → ×time): {slow}"


def test_speaker_antecedent_does_not_depend_on_the_hash_seed():
    import subprocess
    import sys

    code = ("from newslint.analyses.speech import _antecedent as a; "
            "t = '张建国表示，他会继续努力。'; print(a(t, 0, t.index('他'), ['张', '张建国', '建国']))")
    outs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout.strip())
    assert outs == {"张建国"}
