"""Attribution rules: one statement, two speakers or two occasions; and `newslint quotes`."""
import json
import os

# A statement long enough to be a speech rather than a slogan (five points on tendering).
TENDER = ("一是组织体系要健全。要进一步完善招标投标组织体系，优化调整机构，充实人员力量，保证招标投标工作顺利开展。"
          "二是代理机构要严管。要探索建立招标代理机构分级管理、信用评价等办法，提升招标代理服务质量。"
          "三是招标单位要自律。各部门各单位要严于律己，强化内控管理，切实筑牢招投标廉洁防线。"
          "四是招标方式要科学。要实行全流程电子化交易，开展远程异地评标，减少人为干预。"
          "五是监督监管要规范。要加强开标、标中、标后全过程监管，堵塞漏洞，防范风险。")
QUOTE = ("“开展春节文艺汇演，引导群众体验春节丰富的文化内涵，感受热烈喜庆的节日气氛，扩大民俗文化的影响，"
         "有助于增强群众对优秀传统文化的认同感，也让大家在家门口就能看到高水平的演出。”")

VISIT = ("## 吕沛调研企业节后复工复产和安全生产工作\n\n"
         "本报讯（记者付凯明）1月31日上午，区委副书记吕沛到部分重点企业调研节后复工复产和安全生产工作。\n\n"
         "吕沛在调研中指出，工业企业是实体经济的支撑，要加强科技创新和产品研发。\n\n"
         f"吕沛要求，{TENDER}\n\n")
TENDER_MEETING = ("## 区里召开工程招标投标工作会议\n\n"
                  "本报讯（记者付凯明）2月3日上午，区委副书记吕沛主持召开工程招标投标工作会议，听取招标投标工作汇报。\n\n"
                  f"吕沛要求，{TENDER}\n\n")


def check(run_cli, *paths, select="attribution"):
    code, out, err = run_cli("check", "--format", "json", "--select", select, *paths)
    assert err == "" or "newslint:" not in err, err
    return json.loads(out)["findings"]


def line_of(text, needle, nth=1):
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


def test_same_speaker_two_occasions_in_one_page(run_cli, write):
    text = VISIT + TENDER_MEETING
    p = write("page.txt", text)
    fs = check(run_cli, p)
    assert len(fs) == 1
    f = fs[0]
    assert f["rule"] == "attribution-occasion-conflict" and f["category"] == "attribution"
    assert f["severity"] == "warning"
    # reported where the statement does not fit the story (the factory visit), the other place related
    assert f["line"] == line_of(text, "吕沛要求", 1)
    assert f["related"][0]["line"] == line_of(text, "吕沛要求", 2)
    assert "1月31日" in f["message"] and "2月3日" in f["message"] and "吕沛" in f["message"]
    assert "工程招标投标工作会议" in f["related"][0]["message"]


def test_same_speaker_two_occasions_across_pages(run_cli, write):
    a = write("a.txt", VISIT)
    b = write("b.txt", TENDER_MEETING)
    fs = check(run_cli, a, b)
    assert [f["rule"] for f in fs] == ["attribution-occasion-conflict"]
    assert fs[0]["path"].endswith("a.txt") and fs[0]["related"][0]["path"].endswith("b.txt")


def test_archive_page_is_context_only(run_cli, write, tmp_path):
    write("archive/b.txt", TENDER_MEETING)
    a = write("a.txt", VISIT)
    code, out, err = run_cli("check", "--format", "json", "--select", "attribution",
                             "--archive", str(tmp_path / "archive"), a)
    fs = json.loads(out)["findings"]
    assert len(fs) == 1 and fs[0]["path"].endswith("a.txt")
    assert fs[0]["related"][0]["path"].endswith("b.txt")


def test_different_speakers(run_cli, write):
    text = (TENDER_MEETING +
            "## 区里召开招标投标监管工作推进会\n\n"
            "本报讯（记者郭树勋）2月3日下午，区长官卫红主持召开招标投标监管工作推进会。\n\n"
            f"官卫红要求，{TENDER}\n")
    p = write("page.txt", text)
    fs = check(run_cli, p)
    assert [f["rule"] for f in fs] == ["attribution-speaker-conflict"]
    f = fs[0]
    assert "吕沛" in f["message"] and "官卫红" in f["message"]
    lines = {f["line"], f["related"][0]["line"]}
    assert lines == {line_of(text, "吕沛要求"), line_of(text, "官卫红要求")}


def test_direct_quotes_given_to_two_people(run_cli, write):
    text = ("## 春节文艺汇演侧记\n\n本报记者 赵根治\n\n"
            f"{QUOTE}文化站站长李建华说。\n\n"
            "## 元宵灯会侧记\n\n本报记者 付凯明\n\n"
            f"{QUOTE}区文旅局局长孙立新说。\n")
    p = write("page.txt", text)
    fs = check(run_cli, p)
    assert [f["rule"] for f in fs] == ["attribution-speaker-conflict"]
    assert "李建华" in fs[0]["message"] and "孙立新" in fs[0]["message"]


def test_multi_paragraph_statement(run_cli, write):
    points = TENDER.replace("二是", "\n\n二是").replace("三是", "\n\n三是").replace("四是", "\n\n四是") \
        .replace("五是", "\n\n五是")
    visit = VISIT.replace(f"吕沛要求，{TENDER}", f"吕沛要求，{points}")
    meeting = TENDER_MEETING.replace(f"吕沛要求，{TENDER}", f"吕沛要求，{points}")
    text = visit + meeting
    p = write("page.txt", text)
    fs = check(run_cli, p)
    assert len(fs) == 1 and fs[0]["rule"] == "attribution-occasion-conflict"
    assert fs[0]["line"] == line_of(text, "吕沛要求", 1)
    # only the first point would be too short to compare: the enumeration was followed to 五是
    code, out, err = run_cli("quotes", "--format", "json", p)
    q = [r for r in json.loads(out)["quotes"] if r["speaker"] == "吕沛" and r["verb"] == "要求"]
    assert len(q) == 2 and all("五是监督监管要规范" in r["content"] for r in q)
    assert q[0]["end_line"] == line_of(text, "五是", 1)


def test_no_alarm_for_slogans_and_short_formulae(run_cli, write):
    text = ("## 区里召开党政联席会议\n\n本报讯 2月4日上午，区委书记吕沛主持召开党政联席会议。\n\n"
            "吕沛强调，要坚决做到“两个维护”，坚持“项目为王”。\n\n"
            "## 区里召开项目建设专题会议\n\n本报讯 2月2日上午，区委书记吕沛主持召开项目建设专题会议。\n\n"
            "吕沛强调，要坚决做到“两个维护”，坚持“项目为王”。\n")
    assert check(run_cli, write("page.txt", text)) == []


def test_no_alarm_for_a_commentary_recalling_a_named_meeting(run_cli, write):
    text = ("## 区里召开重点项目推进汇报会\n\n"
            "本报讯 2月1日，区委副书记吕沛主持召开重点项目推进汇报会。\n\n"
            f"吕沛要求，{TENDER}\n\n"
            "## 以“开门红”拼“全年红”\n\n□高亢\n\n"
            f"区委副书记吕沛在区重点项目推进汇报会上要求，{TENDER}\n")
    assert check(run_cli, write("page.txt", text)) == []


def test_no_alarm_for_a_summary_piece_quoting_the_original(run_cli, write):
    meeting = TENDER_MEETING
    summary = ("## 规范招标投标——吕沛在工程招标投标工作会议上的讲话引发热烈反响\n\n"
               "本报讯 连日来，吕沛在工程招标投标工作会议上的讲话在全区引发热烈反响。\n\n"
               f"吕沛要求，{TENDER}\n")
    assert check(run_cli, write("a.txt", meeting), write("b.txt", summary)) == []


def test_no_alarm_for_the_same_story_printed_twice(run_cli, write):
    assert check(run_cli, write("a.txt", TENDER_MEETING), write("b.txt", TENDER_MEETING)) == []


def test_no_alarm_for_a_standing_formula_said_at_many_occasions(run_cli, write):
    pages = []
    for i, (day, what) in enumerate([("3月1日", "春耕生产"), ("3月8日", "植树造林"), ("3月15日", "消费维权")]):
        pages.append(write(f"p{i}.txt", f"## 吕沛调研{what}工作\n\n本报讯 {day}，区委书记吕沛调研{what}工作。\n\n"
                                        f"吕沛要求，{TENDER}\n"))
    assert check(run_cli, *pages) == []


def test_rule_can_be_deselected(run_cli, write):
    p = write("page.txt", VISIT + TENDER_MEETING)
    assert check(run_cli, p, select="attribution-speaker-conflict") == []
    assert len(check(run_cli, p, select="attribution-occasion-conflict")) == 1


def test_quotes_command_text_and_json(run_cli, write):
    text = VISIT + "## 春节文艺汇演侧记\n\n本报记者 赵根治\n\n" + QUOTE + "活动现场组织者说。\n"
    p = write("page.txt", text)
    code, out, err = run_cli("quotes", p)
    assert code == 0
    lines = out.strip().splitlines()
    assert any(":5:1: 吕沛 指出 | 1月31日《吕沛调研企业节后复工复产和安全生产工作》 | 工业企业是实体经济的支撑" in ln
               for ln in lines), out
    assert any("活动现场组织者 引语" in ln and "“开展春节文艺汇演" in ln for ln in lines), out
    code, out, err = run_cli("quotes", "--format", "json", p)
    data = json.loads(out)["quotes"]
    assert {r["speaker"] for r in data} == {"吕沛", "活动现场组织者"}
    r = data[0]
    assert set(r) >= {"path", "line", "column", "end_line", "end_column", "speaker", "verb", "occasion",
                      "first_words", "quote"}
    assert r["occasion"]["date"] == "1月31日"


def test_rule_explanations(run_cli):
    for rid in ("attribution-speaker-conflict", "attribution-occasion-conflict"):
        code, out, err = run_cli("rule", rid)
        assert code == 0 and "attribution" in out


def test_role_and_named_person_is_only_a_hint(run_cli, write):
    text = ("## 春节文艺汇演侧记\n\n本报记者 赵根治\n\n"
            f"{QUOTE}活动现场组织者说。\n\n"
            "## 元宵灯会侧记\n\n本报记者 付凯明\n\n"
            f"{QUOTE}区文旅局局长孙立新说。\n")
    fs = check(run_cli, write("page.txt", text))
    assert [(f["rule"], f["severity"]) for f in fs] == [("attribution-speaker-conflict", "info")]
    assert "活动现场组织者" in fs[0]["message"] and "孙立新" in fs[0]["message"]
    assert fs[0]["line"] == line_of(text, QUOTE, 1)


def test_a_title_standing_for_the_person_named_with_it_is_no_second_speaker(run_cli, write):
    text = ("## 王建军调研防汛工作\n\n本报讯（记者李明）6月5日，区委书记王建军调研防汛工作。\n\n"
            f"{QUOTE}王建军说。\n\n"
            "## 防汛一线见闻\n\n本报记者 付凯明\n\n"
            f"{QUOTE}区委书记说。\n")
    assert check(run_cli, write("page.txt", text)) == []
    # a title nobody on the page carries stays a hint
    fs = check(run_cli, write("other.txt", text.replace("区委书记说", "区委副书记说")))
    assert [(f["rule"], f["severity"]) for f in fs] == [("attribution-speaker-conflict", "info")]


def test_a_shorter_statement_given_to_two_people_with_common_given_names(run_cli, write):
    said = ("要坚持人民至上、生命至上，时刻绷紧防汛这根弦，压紧压实各级防汛责任，"
            "加强监测预警和隐患排查，做好抢险救灾物资和队伍准备，确保安全度汛。")  # 60 characters
    text = ("## 全区防汛工作会议召开\n\n本报讯（记者李明）6月5日，全区防汛工作会议召开。区委书记王建军出席会议并讲话。\n\n"
            f"王建军强调，{said}\n\n"
            "## 全区安全生产工作会议召开\n\n本报讯（记者李明）6月6日，全区安全生产工作会议召开。区长刘卫东出席会议并讲话。\n\n"
            f"刘卫东强调，{said}\n")
    fs = check(run_cli, write("page.txt", text))
    assert [(f["rule"], f["severity"]) for f in fs] == [("attribution-speaker-conflict", "warning")]
    assert "王建军" in fs[0]["message"] and "刘卫东" in fs[0]["message"]


def test_two_speakers_on_pages_of_two_dates_is_only_info(run_cli, write):
    other = ("## 区里召开招标投标监管工作推进会\n\n"
             "本报讯（记者郭树勋）2月3日下午，区长官卫红主持召开招标投标监管工作推进会。\n\n"
             f"官卫红要求，{TENDER}\n")
    a = write("20230203-01.txt", TENDER_MEETING)
    same_day = write("20230203-02.txt", other)
    next_day = write("20230204-02.txt", other)
    fs = check(run_cli, str(a), str(same_day))
    assert [(f["rule"], f["severity"]) for f in fs] == [("attribution-speaker-conflict", "warning")]
    fs = check(run_cli, str(a), str(next_day))
    assert [(f["rule"], f["severity"]) for f in fs] == [("attribution-speaker-conflict", "info")]


def test_statement_pairs_do_not_depend_on_the_hash_seed():
    """The shingles sampled to pair statements are the same in every process (Python's str hash is
    salted per process): the same pages give the same findings every run."""
    import subprocess
    import sys

    # forty invented statements, each sharing a stretch with the next: which pairs pass the threshold
    # depends on which shingles are sampled
    code = ("import random\nfrom newslint.checks.attribution.common import candidate_pairs\n"
            "rng = random.Random(0)\nchars = '发展改革创新建设推进工作群众服务经济社会全面深化持续加强提升'\n"
            "base = [''.join(rng.choice(chars) for _ in range(60)) for _ in range(41)]\n"
            "texts = [base[i][:40] + base[i + 1][:20] for i in range(40)]\n"
            "texts = [t if i % 2 else t[:30] + base[i + 1][:30] for i, t in enumerate(texts)]\n"
            "class It:\n    def __init__(self, n): self.norm = n\n"
            "print(candidate_pairs([It(t) for t in texts]))\n")
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        outs.add(done.stdout)
    assert len(outs) == 1 and outs != {"[]\n"}, outs


def test_sampled_shingles_of_many_statements_at_once_equal_one_by_one(monkeypatch):
    import random

    from newslint.checks.attribution import common

    rng = random.Random(2)
    texts = ["".join(rng.choice("发展改革创新建设推进工作群众服务") for _ in range(rng.randrange(0, 60))) for _ in range(80)]
    one_by_one = [common._sampled_shingles(t) for t in texts]
    assert common._sampled_shingles_all(texts) == one_by_one
    monkeypatch.setattr(common, "_BATCH_CHARS", 100)  # several passes
    assert common._sampled_shingles_all(texts) == one_by_one and any(one_by_one)
