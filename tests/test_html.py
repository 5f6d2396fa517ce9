"""``--format html``: the self-contained report for editors.

The unit tests parse the report back (text, which findings cover which characters, escaping, anchors);
the browser test opens it in headless Chromium through Selenium, clicks a highlight, follows a related
link and saves a screenshot under test-artifacts/.  Every page here is invented for the tests.
"""
import json
import os
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import Rule, hookimpl
from newslint.config import Config
from newslint.engine import Context, all_rules, check_pages, plugin_manager
from newslint.page import Page
from newslint.report import html as html_report

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"

PAGE_A = (
    "# 高新区召开重点项目推进会\n"
    "\n"
    "本报讯（记者王明）3月5日，高新区管委会主任官卫红主持召开重点项目推进会。<script>window.__pwned=1</script>\n"
    "\n"
    "会议要求，各部门要加快项目建设进度，确保完成\n"
    "全年目标任务。<img src=x onerror=\"window.__pwned=2\">\n"
    "\n"
    "会议强调，要持续优化营商环境，做好企业服务工作\n"
)
FILLER = "会议听取了各园区关于重点项目建设情况的汇报，研究部署了下一步工作。\n\n"
PAGE_B = (
    "# 高新区开展安全生产检查\n"
    "\n"
    + FILLER * 40
    + "本报讯（记者李华）3月8日，高新区管委会主任宫卫红带队检查安全生产工作。\n"
)

NAME = Rule(id="name-test-variant", category="name", severity="warning", summary="测试：人名写法不一",
            explanation="测试规则")
WORD = Rule(id="wording-test-span", category="wording", severity="info", summary="测试：用词", explanation="测试规则")
STRUCT = Rule(id="structure-test-break", category="structure", severity="error", summary="测试：断行",
              explanation="测试规则")
PUNCT = Rule(id="punctuation-test-missing", category="punctuation", severity="warning", summary="测试：缺标点",
             explanation="测试规则")
TEST_RULES = [NAME, WORD, STRUCT, PUNCT]
SELECT = [r.id for r in TEST_RULES]


class FixturePlugin:
    """Findings at fixed strings of the fixture pages: overlapping, across a line break, zero-length,
    with a related location on another page and one on the same page."""

    @hookimpl
    def newslint_rules(self):
        return TEST_RULES

    @hookimpl
    def newslint_check_page(self, page, ctx):
        out = []
        t = page.text
        i = t.find("官卫红")
        if i >= 0 and ctx.enabled(WORD.id, page):
            j = t.find("主持", i) + 2
            out.append(ctx.finding(WORD, page, i - 2, j, "“主任官卫红主持”一句（测试用的重叠范围）"))
        k = t.find("确保完成")
        if k >= 0 and ctx.enabled(STRUCT.id, page):
            e = t.find("全年") + 2
            out.append(ctx.finding(STRUCT, page, k, e, "段落在句子中间断开", suggestion="与下一段合并"))
        z = t.find("服务工作")
        if z >= 0 and ctx.enabled(PUNCT.id, page):
            z += len("服务工作")
            out.append(ctx.finding(PUNCT, page, z, z, "段末缺少句号", suggestion="。"))
        return out

    @hookimpl
    def newslint_collect_page(self, page, ctx):
        i = page.text.find("卫红")
        return {"test-name": (page.path, i - 1)} if i > 0 else None

    @hookimpl
    def newslint_check_corpus(self, corpus, ctx):
        if not ctx.enabled(NAME.id):
            return None
        spots = {}
        for p in corpus.pages:
            got = corpus.collected(p, "test-name")
            if got:
                spots[p.text[got[1]:got[1] + 3]] = (p, got[1])
        if "官卫红" not in spots or "宫卫红" not in spots:
            return None
        pa, ia = spots["官卫红"]
        pb, ib = spots["宫卫红"]
        head = pa.text.find("高新区")
        related = [pb.location(ib, ib + 3, "另一种写法“宫卫红”（1 处）"),
                   pa.location(head, head + 3, "本页标题")]
        if pa.archive:
            return None
        return [ctx.finding(NAME, pa, ia, ia + 3, "“官卫红”与“宫卫红”写法不同，疑为同一人",
                            related=related, suggestion="宫卫红")]

    def newslint_html_sections(self, result, ctx):
        rows = []
        for p in result.corpus.pages:
            got = result.corpus.collected(p, "test-name")
            if got:
                rows.append([p.text[got[1]:got[1] + 3], p.location(got[1], got[1] + 3)])
        return [{"id": "names", "title": "人名登记表（测试）", "columns": ["写法", "位置"], "rows": rows}]


def run_report(pages, archive=(), select=SELECT):
    pm = plugin_manager(extra_plugins=[FixturePlugin()])
    ctx = Context(pm, all_rules(pm), Config(), select=select)
    result = check_pages(ctx, pages, list(archive))
    return result, html_report.Report(result, ctx).render()


def fixture_pages(tmp=""):
    return [Page.from_text(os.path.join(tmp, "a.txt"), PAGE_A, index=0),
            Page.from_text(os.path.join(tmp, "b.txt"), PAGE_B, index=1)]


class Drawn(HTMLParser):
    """Parse a report back: per page, the text of its lines and the finding ids drawn on each character."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pages = {}
        self.stack = []
        self.cur = None
        self.in_tx = 0
        self.anchors = set()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "a" and "anc" in cls:
            self.anchors.add(a["id"])
        if tag == "script":
            self.scripts.append(a)
        if tag == "section" and "page" in cls:
            self.cur = self.pages.setdefault(a["data-path"], {"lines": [], "cover": [], "targets": []})
        if tag == "div" and "ln" in cls and self.cur is not None:
            self.cur["lines"].append("")
            self.cur["cover"].append([])
            self.cur["targets"].append([])
        if tag == "span" and "tx" in cls:
            self.in_tx += 1
        elif self.in_tx and tag == "span":
            self.in_tx += 1
        if tag == "span" and "pt" in cls and self.in_tx:
            self.cur.setdefault("points", []).append((len(self.cur["lines"]) - 1, len(self.cur["lines"][-1]),
                                                       a.get("data-f")))
        self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            t, a = self.stack.pop()
            if t == "span" and self.in_tx:
                self.in_tx -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if not self.in_tx or self.cur is None:
            return
        if self.stack and self.stack[-1][0] == "sup":
            return
        fids, tids = set(), set()
        for tag, a in self.stack:
            if tag == "span" and "data-f" in a:
                fids |= set(a["data-f"].split())
            if tag == "span" and "data-t" in a:
                tids |= set(a["data-t"].split())
        self.cur["lines"][-1] += data
        self.cur["cover"][-1].extend([fids] * len(data))
        self.cur["targets"][-1].extend([tids] * len(data))


def parse(doc):
    p = Drawn()
    p.feed(doc)
    p.close()
    return p


def covered_offsets(drawn_page, ident, key="cover"):
    """Offsets (in the page text, lines joined by \\n) of the characters drawn with ``ident``."""
    out, base = [], 0
    for line, cov in zip(drawn_page["lines"], drawn_page[key]):
        out.extend(base + i for i, ids in enumerate(cov) if ident in ids)
        base += len(line) + 1
    return out


def test_text_is_shown_whole_and_each_finding_covers_exactly_its_span(tmp_path):
    result, doc = run_report(fixture_pages(str(tmp_path)))
    assert {f.rule for f in result.findings} == set(SELECT)
    drawn = parse(doc)
    for page in result.pages:
        d = drawn.pages[page.path]
        assert "\n".join(d["lines"]) == page.text, "the page text is drawn whole, in order"
    for i, f in enumerate(result.findings):
        d = drawn.pages[f.location.path]
        loc = f.location
        if loc.start == loc.end:
            assert any(fid == str(i) for _, _, fid in d.get("points", ())), "a point finding gets a marker"
            continue
        page = result.page(loc.path)
        want = [o for o in range(loc.start, loc.end) if page.text[o] != "\n"]
        assert covered_offsets(d, str(i)) == want, f.rule
        assert f"f{i}" in drawn.anchors


def test_overlapping_and_multiline_findings(tmp_path):
    result, doc = run_report(fixture_pages(str(tmp_path)))
    ids = {f.rule: str(i) for i, f in enumerate(result.findings)}
    d = parse(doc).pages[result.pages[0].path]
    name_chars = covered_offsets(d, ids["name-test-variant"])
    word_chars = covered_offsets(d, ids["wording-test-span"])
    assert set(name_chars) < set(word_chars), "the name sits inside the wider wording span"
    # the narrower finding colours the shared characters and the piece is marked as stacked
    assert re.search(r'<span class="hl c-name s-warning multi" data-f="%s %s"' % (ids["name-test-variant"],
                     ids["wording-test-span"]), doc)
    # the structure finding runs over a line break: drawn on two lines
    lines_hit = {n for n, cov in enumerate(d["cover"]) if any(ids["structure-test-break"] in c for c in cov)}
    assert len(lines_hit) == 2


def test_related_locations_become_targets_on_other_pages(tmp_path):
    result, doc = run_report(fixture_pages(str(tmp_path)))
    drawn = parse(doc)
    f = next(f for f in result.findings if f.rule == "name-test-variant")
    m = re.search(r'<script type="application/json" id="nl-data">(.*?)</script>', doc, re.S)

    payload = json.loads(m.group(1))
    item = next(x for x in payload["findings"] if x["rule"] == "name-test-variant")
    assert item["sug"] == "宫卫红" and item["msg"] == f.message
    other, same = item["rel"]
    assert other["path"].endswith("b.txt") and other["text"] == "宫卫红" and other["t"]
    b = drawn.pages[result.pages[1].path]
    offs = covered_offsets(b, other["t"], key="targets")
    assert "".join(result.pages[1].text[o] for o in offs) == "宫卫红"
    assert other["t"] in drawn.anchors and same["t"] in drawn.anchors
    assert "b.txt" in doc and 'id="p1"' in doc, "the page holding only a target is drawn too"


def test_everything_is_escaped(tmp_path):
    pages = fixture_pages(str(tmp_path))
    _, doc = run_report(pages)
    assert "<script>window.__pwned" not in doc
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in doc
    assert "<img" not in doc
    # exactly our two script elements: the JSON data and the code
    assert doc.count("<script") == 2 and doc.count("</script>") == 2
    assert "</" not in re.search(r'id="nl-data">(.*?)</script>', doc, re.S).group(1)


def test_message_with_markup_is_escaped_in_list_footnotes_and_data(tmp_path):
    evil = Rule(id="wording-test-evil", category="wording", severity="warning", summary="<b>x</b>",
                explanation="x")

    class Evil:
        @hookimpl
        def newslint_rules(self):
            return [evil]

        @hookimpl
        def newslint_check_page(self, page, ctx):
            if ctx.enabled(evil.id, page):
                return [ctx.finding(evil, page, 0, 2, "</script><script>alert(1)</script>",
                                    suggestion="<img src=x>")]

    pm = plugin_manager(extra_plugins=[Evil()])
    ctx = Context(pm, all_rules(pm), Config(), select=[evil.id])
    result = check_pages(ctx, [Page.from_text("<e>.txt", "会议召开。\n")])
    doc = html_report.Report(result, ctx).render()
    assert doc.count("<script") == 2 and "<img" not in doc and "<e>" not in doc and "<b>x" not in doc
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in doc  # side panel and footnote


def test_archive_page_shown_only_as_context(tmp_path):
    a, b = fixture_pages(str(tmp_path))
    b.archive = True
    result, doc = run_report([a], archive=[b])
    assert all(f.location.path == a.path for f in result.findings)
    assert 'class="page archive"' in doc and "存档页面" in doc


def test_sections_from_plugins_link_to_locations(tmp_path):
    result, doc = run_report(fixture_pages(str(tmp_path)))
    assert "人名登记表（测试）" in doc
    sec = doc[doc.index("人名登记表（测试）"):]
    links = re.findall(r'<a href="#(t\d+)" data-go="t\d+">([^<]*)</a>', sec)
    assert len(links) == 2 and {lab.split(":")[0] for _, lab in links} == {"a.txt", "b.txt"}
    drawn = parse(doc)
    for t, _ in links:
        assert t in drawn.anchors


def test_print_footnotes_and_no_network(tmp_path):
    result, doc = run_report(fixture_pages(str(tmp_path)))
    a_ids = [f for f in result.findings if f.location.path == result.pages[0].path]
    notes = re.search(r'<ol class="notes">(.*?)</ol>', doc, re.S).group(1)
    assert notes.count("<li") == len(a_ids)
    assert doc.count('<sup class="fn" data-f=') == len(result.findings)
    assert "@media print" in doc
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', doc), "no network resources"
    assert "<link" not in doc


def test_cli_writes_the_report(write, run_cli, tmp_path):
    p = write("x.txt", "本报讯(记者张三)1月2日,会议召开。\n")
    out = tmp_path / "report.html"
    code, stdout, err = run_cli("check", "--select", "punctuation", "--format", "html", "-o", out, p)
    assert code == 1, err
    doc = out.read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>") and 'class="hl c-punctuation' in doc
    assert "[punctuation-halfwidth]" in stdout, "the terminal still gets the text report"
    code, stdout, _ = run_cli("check", "--select", "punctuation", "--format", "html", write("g.txt", "会议召开。\n"))
    assert code == 0 and "没有发现问题" in stdout and "未发现问题的页面" in stdout


_text = st.text(alphabet="会议召开<&>\"'\n　a1，。", min_size=1, max_size=60)


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_any_spans_render_exactly(text, spans):
    page = Page.from_text("p.txt", text)
    n = len(page.text)
    spans = [(min(s, n), min(max(s, e), n)) for s, e in spans]

    class P:
        @hookimpl
        def newslint_rules(self):
            return [WORD]

        @hookimpl
        def newslint_check_page(self, page, ctx):
            return [ctx.finding(WORD, page, s, e, f"{s}-{e}") for s, e in spans]

    pm = plugin_manager(extra_plugins=[P()])
    ctx = Context(pm, all_rules(pm), Config(), select=[WORD.id])
    result = check_pages(ctx, [page])
    doc = html_report.Report(result, ctx).render()
    d = parse(doc).pages.get("p.txt")
    if not spans:
        assert d is None
        return
    assert "\n".join(d["lines"]) == page.text
    for i, f in enumerate(result.findings):
        s, e = f.location.start, f.location.end
        want = [o for o in range(s, e) if page.text[o] != "\n"]
        if not want:
            assert any(fid == str(i) for _, _, fid in d.get("points", ()))
        else:
            assert covered_offsets(d, str(i)) == want


# ---- in a real browser ---------------------------------------------------------------------------------
def _unavailable(reason):
    """Skip, unless NEWSLINT_REQUIRE_BROWSER is set (CI sets it where Chromium is installed): then fail."""
    if os.environ.get("NEWSLINT_REQUIRE_BROWSER"):
        pytest.fail(reason + " (NEWSLINT_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


def _browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed. To run this browser test: pip install -e '.[test]' "
                     "(or pip install selenium), plus Chromium and chromedriver")
    chromium = os.environ.get("NEWSLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("NEWSLINT_CHROMEDRIVER") or shutil.which("chromedriver")
    if not chromium or not driver or not os.path.isfile(chromium) or not os.path.isfile(driver):
        _unavailable("no Chromium found. To run this browser test: apt-get install chromium chromium-driver "
                     "(Debian/Ubuntu; .ci/run does it when run as root), or set NEWSLINT_CHROMIUM and "
                     "NEWSLINT_CHROMEDRIVER to a Chromium binary and its chromedriver")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="newslint-chromium-")
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
              f"--user-data-dir={profile}", "--window-size=1280,800"):
        opts.add_argument(a)
    try:
        return webdriver.Chrome(service=Service(driver), options=opts), profile
    except Exception as e:  # a Chromium that cannot start here is an environment problem, said plainly
        shutil.rmtree(profile, ignore_errors=True)
        _unavailable(f"Chromium did not start: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")


@pytest.fixture(scope="module")
def browser():
    drv, profile = _browser()
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _in_view(drv, elem):
    return drv.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", elem)


def test_in_chromium_click_popup_related_jump_and_screenshot(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    result, doc = run_report(fixture_pages(str(tmp_path)))
    path = tmp_path / "report.html"
    path.write_text(doc, encoding="utf-8")
    drv = browser
    drv.get(path.as_uri())
    assert drv.execute_script("return window.__pwned === undefined"), "page text must never run"
    assert "<script>window.__pwned=1</script>" in drv.find_element(By.CSS_SELECTOR, "#p0 .text").text

    name_id = next(i for i, f in enumerate(result.findings) if f.rule == "name-test-variant")
    seg = drv.find_element(By.CSS_SELECTOR, f'.hl[data-f~="{name_id}"]')
    assert seg.text == "官卫红"
    seg.click()
    pop = drv.find_element(By.ID, "pop")
    WebDriverWait(drv, 5).until(lambda d: pop.is_displayed())
    text = pop.text
    assert "“官卫红”与“宫卫红”写法不同，疑为同一人" in text
    assert "建议：宫卫红" in text.replace("\n", "")
    assert "测试：用词" in text, "the popup lists every finding covering the clicked place"
    ARTIFACTS.mkdir(exist_ok=True)
    drv.save_screenshot(str(ARTIFACTS / "html-popup.png"))

    # follow the related location on the other page: it scrolls there and flashes
    before = drv.execute_script("return window.scrollY")
    link = next(a for a in pop.find_elements(By.CSS_SELECTOR, "a[data-go]") if "b.txt" in a.text)
    assert link.text == "b.txt 第83行"
    t = link.get_attribute("data-go")
    link.click()
    dest = drv.find_element(By.CSS_SELECTOR, f'[data-t~="{t}"]')
    WebDriverWait(drv, 5).until(lambda d: "flash" in dest.get_attribute("class"))
    assert dest.text == "宫卫红"
    assert drv.execute_script("return window.scrollY") > before + 500
    assert _in_view(drv, dest), "the related location is scrolled into view"
    assert not pop.is_displayed()
    drv.save_screenshot(str(ARTIFACTS / "html-related.png"))

    # the side panel filters: hide the name category, its highlight and list item go
    drv.execute_script("window.scrollTo(0, 0)")
    box = drv.find_element(By.CSS_SELECTOR, 'input[name="cat"][value="name"]')
    box.click()
    classes = seg.get_attribute("class").split()
    assert "c-name" not in classes and "c-wording" in classes and "multi" not in classes
    item = drv.find_element(By.CSS_SELECTOR, f'li.it[data-f="{name_id}"]')
    assert not item.is_displayed()
    for sel in (f'sup.fn[data-f="{name_id}"]', f'.notes li[data-f="{name_id}"]'):  # a print-out follows too
        assert drv.find_element(By.CSS_SELECTOR, sel).get_attribute("hidden") is not None
    # the wider wording finding still shows on those characters; hiding it too leaves them plain
    seg.click()
    WebDriverWait(drv, 5).until(lambda d: pop.is_displayed())
    assert "测试：用词" in pop.text and "疑为同一人" not in pop.text
    word = drv.find_element(By.CSS_SELECTOR, 'input[name="cat"][value="wording"]')
    word.click()
    assert "off" in seg.get_attribute("class").split()
    word.click()
    box.click()
    assert "c-name" in seg.get_attribute("class")

    # the side panel's list jumps to a finding and opens its popup
    struct_id = next(i for i, f in enumerate(result.findings) if f.rule == "structure-test-break")
    drv.find_element(By.CSS_SELECTOR, f'li.it[data-f="{struct_id}"] a').click()
    WebDriverWait(drv, 5).until(lambda d: pop.is_displayed())
    assert "段落在句子中间断开" in pop.text and "与下一段合并" in pop.text
    logs = [e for e in drv.get_log("browser") if e.get("level") == "SEVERE"]
    assert not logs, logs
    drv.save_screenshot(str(ARTIFACTS / "html-report.png"))


def test_in_chromium_phone_layout(browser, tmp_path):
    from selenium.webdriver.common.by import By

    result, doc = run_report(fixture_pages(str(tmp_path)))
    path = tmp_path / "report.html"
    path.write_text(doc, encoding="utf-8")
    drv = browser
    drv.set_window_size(390, 800)
    try:
        drv.get(path.as_uri())
        panel = drv.find_element(By.ID, "panel")
        assert not panel.is_displayed(), "on a phone the list is behind a button"
        width = drv.execute_script("return document.documentElement.scrollWidth")
        inner = drv.execute_script("return window.innerWidth")
        assert width <= inner + 1, "no sideways scrolling on a phone"
        drv.find_element(By.ID, "panel-toggle").click()
        assert panel.is_displayed()
        ARTIFACTS.mkdir(exist_ok=True)
        drv.save_screenshot(str(ARTIFACTS / "html-phone.png"))
    finally:
        drv.set_window_size(1280, 800)


# ---- the name register and the quote listing (built-in sections over the shared analyses) ----------
SPEECH_PAGE = ("# 高新区召开安全生产工作会议\n\n"
               "本报讯（记者王明）3月5日，高新区召开安全生产工作会议。区长张建国指出，要压紧压实安全生产责任，"
               "确保全区安全形势持续稳定。\n")


def test_quote_listing_when_attribution_rules_ran():
    from newslint.checks import attribution  # noqa: F401 - the section needs the attribution plugin

    pm = plugin_manager()
    rules = all_rules(pm)
    ids = [rid for rid, r in rules.items() if r.category == "attribution"]
    # a page with a finding is drawn, and its row links to the statement in it
    page = Page.from_text("s.txt", SPEECH_PAGE.replace("3月5日，", "3月5日,"))
    ctx = Context(pm, rules, Config(), select=ids + ["punctuation-halfwidth"])
    result = check_pages(ctx, [page])
    doc = html_report.Report(result, ctx).render()
    sec = doc[doc.index('id="quotes"'):]
    assert "引语一览" in sec and "区长张建国" in sec and "指出" in sec and "要压紧压实" in sec
    link = re.search(r'<a href="#(t\d+)" data-go="t\d+">第3行</a>', sec)  # one page: no file name
    assert link and link.group(1) in parse(doc).anchors, "the row links to the statement in the page"
    # a clean page is not drawn for the table's sake: the row names the place without a link
    ctx = Context(pm, rules, Config(), select=ids)
    doc = html_report.Report(check_pages(ctx, [Page.from_text("s.txt", SPEECH_PAGE)]), ctx).render()
    sec = doc[doc.index('id="quotes"'):]
    assert "<td>第3行</td>" in sec and 'class="page' not in doc
    # not drawn when no attribution rule ran
    ctx2 = Context(pm, rules, Config(), select=["punctuation"])
    assert 'id="quotes"' not in html_report.Report(check_pages(ctx2, [Page.from_text("s.txt", SPEECH_PAGE)]),
                                                  ctx2).render()


def test_name_register_when_name_rules_ran(tmp_path):
    result, doc = run_report(fixture_pages(str(tmp_path)), select=SELECT)
    # the fixture plugin's own "names" section replaces the built-in register …
    assert doc.count('id="names"') == 1 and "人名登记表（测试）" in doc
    # … which otherwise lists the mentions analysis' names, those with a name finding first
    pm = plugin_manager(extra_plugins=[FixturePlugin()])
    ctx = Context(pm, all_rules(pm), Config(), select=SELECT)
    sec = html_report.name_register(result, ctx)
    names = [row[0] for row in sec["rows"]]
    assert names[0] == "官卫红" and "宫卫红" in names and "王明" in names
    first = sec["rows"][0]
    assert first[1] == "人名" and "管委会主任" in first[2]
    assert [type(c).__name__ for c in first[6]] == ["FindingRef"]
    rep = html_report.Report(result, ctx)
    cell = rep.render_cell(first[6])
    assert 'data-go="%d"' % first[6][0].index in cell and "⚠" in cell
    ctx2 = Context(pm, all_rules(pm), Config(), select=["wording-test-span"])
    assert html_report.name_register(result, ctx2) is None


NAMES_PAGE = ("# 宫卫红调研重点项目建设工作\n\n本报讯（记者王明）3月5日，高新区管委会主任官卫红到重点项目现场调研。\n\n"
              "官卫红指出，要加快项目建设进度，确保完成全年目标任务。\n\n"
              "# 高新区召开安全生产会议\n\n本报讯（记者李华）3月8日，高新区管委会主任官卫红主持召开安全生产会议，"
              "区领导张伟、李强出席会议。\n")


def test_entity_register_of_the_name_rules():
    from newslint.checks import names  # noqa: F401 - the register of `newslint names`

    pm = plugin_manager()
    rules = all_rules(pm)
    ctx = Context(pm, rules, Config(), select=["name"])
    result = check_pages(ctx, [Page.from_text("n.txt", NAMES_PAGE)])
    variant = [i for i, f in enumerate(result.findings) if f.rule == "name-variant"]
    assert variant, "the fixture holds a look-alike spelling"
    sec = html_report.name_register(result, ctx)
    first = sec["rows"][0]
    assert first[0] == "官卫红 ⚠" and first[1] == "人名" and "管委会主任" in first[3]
    spelled = {cell[0]: cell[1:] for cell in first[2]}
    assert set(spelled) == {"官卫红（3 处）", "宫卫红（1 处）"}
    assert [loc.line for loc in spelled["宫卫红（1 处）"]] == [1]
    assert [ref.index for ref in first[6]] == variant
    doc = html_report.Report(result, ctx).render()
    row = re.search(r"<tr><td>官卫红 ⚠</td>.*?</tr>", doc).group(0)
    assert "宫卫红（1 处） <a href=\"#t" in row and f'data-go="{variant[0]}"' in row
    assert {"王明", "李华", "张伟", "李强"} <= {r[0] for r in sec["rows"]}


def test_point_related_location_gets_an_element_to_scroll_to():
    class P:
        @hookimpl
        def newslint_rules(self):
            return [WORD]

        @hookimpl
        def newslint_check_page(self, page, ctx):
            return [ctx.finding(WORD, page, 0, 2, "测试", related=[page.location(4, 4, "此处")])]

    pm = plugin_manager(extra_plugins=[P()])
    ctx = Context(pm, all_rules(pm), Config(), select=[WORD.id])
    result = check_pages(ctx, [Page.from_text("p.txt", "会议召开。\n")])
    doc = html_report.Report(result, ctx).render()
    assert '<a class="anc" id="t0"></a><span class="tg pt" data-t="t0"></span>。' in doc
