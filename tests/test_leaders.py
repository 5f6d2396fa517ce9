"""Leaders at the page's date: the roster pack's schema and the three rules (invented sentences)."""
import datetime as dt

import pytest

from helpers import PM, RULES, lint_text
from helpers import rule_ids as rules
from newslint.checks import leaders as L
from newslint.config import Config, ConfigError
from newslint.engine import Context, PackEntry, load_pack, pack_dir
from newslint.page import Page

SELECT = ("name-leader-misspelt", "name-leader-title", "name-leader-order")


def lint(text, date="2024-05-10"):
    return lint_text(text, SELECT, date=date)


# ---- the pack -------------------------------------------------------------------------------------
def test_pack_schema():
    pack = load_pack(pack_dir() / "leaders.toml")
    posts = {e["post"] for e in pack["leader_post"]}
    assert {"psc", "politburo", "premier", "vice_premier", "state_councillor", "president", "vice_president",
            "npc_chair", "npc_vice_chair", "cppcc_chair", "cppcc_vice_chair"} <= posts
    names = set()
    for e in pack["leader"]:
        assert isinstance(e["name"], str) and e["name"] not in names, e["name"]
        names.add(e["name"])
        assert isinstance(e["source"], str) and e["source"].strip(), e["name"]
        assert e["posts"], e["name"]
        for p in e["posts"]:
            assert p["post"] in posts, (e["name"], p)
            assert isinstance(p["start"], dt.date)
            if "end" in p:
                assert isinstance(p["end"], dt.date) and p["start"] <= p["end"], (e["name"], p)
    # the loader accepts the whole pack and the PSC has seven members in order at each congress
    r = L.build_roster(pack["leader_post"], pack["leader"], pack["leader_pack"])
    for day in (dt.date(2013, 6, 1), dt.date(2019, 10, 1), dt.date(2024, 5, 10)):
        orders = sorted(o for o in (r.psc_order(n, day) for n in r.leaders) if o is not None)
        assert orders == list(range(1, 8)), day
    assert len(r.leaders) >= 150 and r.horizon >= dt.date(2026, 1, 1)


def _entry(data, section="leader"):
    return PackEntry(section, data, "user.toml", 3)


def _posts():
    return load_pack(pack_dir() / "leaders.toml")["leader_post"]


@pytest.mark.parametrize("data, what", [
    ({"name": "林望舒", "posts": [{"post": "premier", "start": dt.date(2020, 1, 1)}]}, "source"),
    ({"name": "林望舒", "source": "x", "posts": []}, "posts"),
    ({"name": "林望舒", "source": "x", "posts": [{"post": "mayor", "start": dt.date(2020, 1, 1)}]}, "unknown post"),
    ({"name": "林望舒", "source": "x",
      "posts": [{"post": "premier", "start": dt.date(2020, 1, 1), "end": dt.date(2019, 1, 1)}]}, "before it starts"),
    ({"name": "林望舒", "source": "x", "posts": [{"post": "premier", "start": "someday"}]}, "YYYY-MM-DD"),
    ({"name": "Lin", "source": "x", "posts": [{"post": "premier", "start": dt.date(2020, 1, 1)}]}, "name"),
])
def test_schema_errors_name_the_entry(data, what):
    with pytest.raises(ConfigError, match=what) as ex:
        L.build_roster(_posts(), [_entry(data)])
    assert "user.toml:3" in str(ex.value)


def test_a_user_pack_replaces_and_extends(tmp_path):
    pack = tmp_path / "leaders-local.toml"
    pack.write_text('[[leader]]\nname = "林望舒"\nsource = "invented"\n'
                    'posts = [{ post = "state_councillor", start = 2023-03-12 }]\n'
                    '[[leader]]\nname = "王小洪"\nsource = "invented override"\n'
                    'posts = [{ post = "state_councillor", start = 2023-03-12, end = 2024-01-01 }]\n',
                    encoding="utf-8")
    cfg = Config(data={"packs": [str(pack)]}, root=tmp_path)
    ctx = Context(PM, RULES, cfg, select=list(SELECT))
    r = L.load_roster(ctx)
    assert "林望舒" in r.leaders and r.leaders["王小洪"].source == "invented override"
    page = Page.from_text("t.txt", "国务委员王小洪出席。国务委员林望舒出席。")
    page.meta.update(date="2024-05-10", date_source="--date")
    fs = L.check_titles(page, ctx, r, L._window(page))
    assert [f.message.split("：")[0] for f in fs] == ["页面日期2024-05-10时王小洪不是国务委员"]


# ---- name-leader-misspelt ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, wrong, right", [
    ("出席会议的还有李干木、何立峰、张国清等。", "李干木", "李干杰"),
    ("会议由国务院副总理丁薛样主持。", "丁薛样", "丁薛祥"),
    ("肖捷、何亲峰陪同考察。", "何亲峰", "何立峰"),
    ("全国政协副主席阵武、穆虹、何报翔出席。", "阵武", "陈武"),
    ("蔡奇、王义参加会见。", "王义", "王毅"),
])
def test_misspelt_leader_in_a_name_position(text, wrong, right):
    fs = [f for f in lint(text) if f.rule == "name-leader-misspelt"]
    assert len(fs) == 1 and fs[0].severity == "error"
    f = fs[0]
    assert f.key == wrong and f.suggestion == right and f.fix.replacement == right and not f.fix.safe


@pytest.mark.parametrize("text", [
    "出席会议的还有李干杰、何立峰、张国清等。",  # right
    "李干木、王建国、张华出席。",  # no leader beside it: a list of other people
    "会议强调，要在生态、汪洋大海般的……",  # not a list of names
    "海洋、湖泊、李强出席。",  # a common word is no misspelt name
    "市委书记王义在会上讲话。王义、蔡奇出席。",  # a person the page names with his own title
    "何立峰、何立锋、王毅出席。",  # overlapping the right name itself is not judged ...
])
def test_misspelt_leader_quiet(text):
    fs = [f for f in lint(text) if f.rule == "name-leader-misspelt"]
    # ... except that the second spelling (何立锋) stands in the list as its own element
    assert all(f.key == "何立锋" for f in fs)


def test_misspelt_names_a_leader_only_when_one_fits():
    assert L._alike("阵", "陈", True) == "shape" and L._alike("峰", "生", True) is None


# ---- name-leader-title ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, date, label", [
    ("国务院总理李克强出席活动。", "2024-05-10", "国务院总理"),
    ("副总理刘鹤会见客人。", "2024-05-10", "国务院副总理"),
    ("李强总理主持会议。", "2022-05-10", "国务院总理"),
    ("中共中央政治局常委、全国人大常委会委员长赵乐际出席。", "2019-10-10", "全国人大常委会委员长"),
    ("国务委员秦刚会见外宾。", "2024-01-10", "国务委员"),
])
def test_title_not_held_at_the_page_date(text, date, label):
    fs = [f for f in lint(text, date) if f.rule == "name-leader-title"]
    assert len(fs) == 1 and f"不是{label}" in fs[0].message and fs[0].severity == "error"


@pytest.mark.parametrize("text, date", [
    ("国务院总理李强出席活动。", "2024-05-10"),
    ("国务院总理李克强出席活动。", "2019-10-10"),
    ("原国务院总理李克强同志遗体在京火化。", "2023-11-02"),  # 原, mourning
    ("国务院原总理李克强的讲话引起反响。", "2024-05-10"),  # 原 inside the title: not a title of the list
    ("时任国务院总理李克强出席了开幕式。", "2024-05-10"),
    ("2018年11月5日，国家副主席习近平出席开幕式。", "2024-05-10"),  # another year: a past title
    ("那次会上，时任国务院副总理刘鹤，同与会代表交流。", "2024-05-10"),
    ("十三届全国人大常委会委员长栗战书出席。", "2024-05-10"),  # a term
    ("国务院总理李克强出席活动。", "2012-05-10"),  # before the roster's coverage
    ("国务院总理李克强出席活动。", None),  # no page date
    ("国务院总理李克强3月12日出席活动。", "2023-03-13"),  # the week of the hand-over
])
def test_title_quiet(text, date):
    assert [f for f in lint(text, date) if f.rule == "name-leader-title"] == []


def test_title_on_a_year_precision_page_is_judged_for_the_whole_year():
    win = (dt.date(2023, 1, 1), dt.date(2023, 12, 31), dt.date(2023, 6, 1))
    ctx = Context(PM, RULES, Config(), select=list(SELECT))
    r = L.load_roster(ctx)
    for text, n in (("国务院总理李克强出席。", 0), ("国务院副总理孙春兰出席。", 0), ("国务院副总理李尚福出席。", 1)):
        page = Page.from_text("t.txt", text)
        assert len(L.check_titles(page, ctx, r, win)) == n, text


def test_after_the_horizon_only_ended_posts_are_judged():
    ctx = Context(PM, RULES, Config(), select=list(SELECT))
    r = L.load_roster(ctx)
    later = r.horizon + dt.timedelta(days=400)
    win = (later - dt.timedelta(days=7), later, later)
    assert L.check_titles(Page.from_text("t.txt", "国务院副总理王毅出席。"), ctx, r, win) == []
    assert len(L.check_titles(Page.from_text("t.txt", "国务院副总理刘鹤出席。"), ctx, r, win)) == 1


# ---- name-leader-order ----------------------------------------------------------------------------------
def test_psc_out_of_order_one_finding_with_the_order():
    fs = lint("习近平、李强、王沪宁、赵乐际、蔡奇、丁薛祥、李希出席。")
    assert rules(fs) == ["name-leader-order"]
    assert fs[0].suggestion == "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希"
    assert fs[0].fix.replacement == fs[0].suggestion and not fs[0].fix.safe


@pytest.mark.parametrize("text, date", [
    ("习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。", "2024-05-10"),
    ("习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正出席。", "2019-10-10"),
    ("王沪宁、赵乐际出席。", "2024-05-10"),  # two members: not judged
    ("蔡奇、王毅、赵乐际、王沪宁出席。", "2024-05-10"),  # someone else in between
    ("习近平、李强、王沪宁、赵乐际出席。", None),  # no page date
])
def test_psc_order_quiet(text, date):
    assert [f for f in lint(text, date) if f.rule == "name-leader-order"] == []


def test_psc_order_of_the_19th_committee():
    fs = lint("李克强、汪洋、栗战书出席。", "2019-10-10")
    assert rules(fs) == ["name-leader-order"] and fs[0].suggestion == "李克强、栗战书、汪洋"


# ---- the rules' own examples ------------------------------------------------------------------------------
@pytest.mark.parametrize("rule", L.ALL_RULES, ids=lambda r: r.id)
def test_examples(rule):
    def strip(s):
        return s.split("）", 1)[1] if s.startswith("（") else s
    assert rule.id in rules(lint(strip(rule.bad))), rule.bad
    assert rule.id not in rules(lint(strip(rule.good))), rule.good


def test_misspelt_before_a_speech_verb_when_the_leader_is_on_the_page():
    text = "国务院副总理何立峰出席会议并讲话。\n何立锋指出，要坚定信心。"
    fs = [f for f in lint(text) if f.rule == "name-leader-misspelt"]
    assert [f.key for f in fs] == ["何立锋"]
    assert [f for f in lint("何立锋指出，要坚定信心。") if f.rule == "name-leader-misspelt"] == []


def test_a_past_marker_must_touch_the_title():
    assert rules(lint("会见前，国务院总理刘鹤同客人交谈。")) == ["name-leader-title"]
    assert rules(lint("会见前，国务院副总理丁薛祥同客人交谈。")) == []
