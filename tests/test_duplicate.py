"""The duplicate rules: exact and near copies of paragraphs and sentence runs, within an article,
across articles, across pages and against an archive; formulaic text and boilerplate tolerated."""
import json

import numpy as np

from newslint.analyses import dup_units

# ---- invented fixtures -------------------------------------------------------------------------
REQ = ("王明要求，一是组织体系要健全。要进一步完善安全生产责任体系，优化调整机构，充实人员力量，保证各项工作顺利开展。"
       "二是监督检查要严格。要探索建立常态化检查机制，对重点企业开展全覆盖排查，发现问题立即整改，"
       "绝不让隐患变成事故。三是宣传教育要深入。要组织开展形式多样的安全宣传活动，提高群众的安全意识。")
VISIT = "## 王明调研企业复工复产工作\n\n本报讯（记者李华）2月1日上午，区委副书记王明到部分重点企业调研节后复工复产工作。\n\n"
MEETING = "## 全区安全生产工作会议召开\n\n本报讯（记者赵强）2月3日上午，全区安全生产工作会议召开，区委副书记王明出席会议并讲话。\n\n"


def page_with_copy(first_req: str = REQ, second_req: str = REQ) -> str:
    return VISIT + first_req + "\n\n" + MEETING + "与会人员围绕年度目标任务作了交流发言。\n\n" + second_req + "\n"


def findings(run_cli, *args):
    code, out, err = run_cli("check", "--format", "json", "--select", "duplicate", *map(str, args))
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = text.split("\n")
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth]


# ---- exact and near paragraphs -----------------------------------------------------------------
def test_exact_paragraph_across_articles_is_an_error_at_the_later_copy(run_cli, write):
    text = page_with_copy()
    p = write("p.txt", text)
    fs = findings(run_cli, p)
    assert len(fs) == 1
    f = fs[0]
    assert f["rule"] == "duplicate-paragraph" and f["category"] == "duplicate"
    assert f["line"] == line_of(text, "王明要求", 1)
    assert f["related"][0]["line"] == line_of(text, "王明要求", 0)
    assert f["severity"] == "error"  # an exact copy of 100+ characters on one page
    assert "相似度 100%" in f["message"] and "另一篇稿件《王明调研企业复工复产工作》" in f["message"]


def test_short_exact_copy_is_a_warning(run_cli, write):
    para = "要组织开展形式多样的安全宣传活动，提高群众的安全意识，推动安全生产形势持续稳定向好。"
    p = write("p.txt", page_with_copy(para, para))
    fs = findings(run_cli, p)
    assert [(f["rule"], f["severity"]) for f in fs] == [("duplicate-paragraph", "warning")]


def test_near_copy_with_a_changed_name_is_found_with_its_similarity(run_cli, write):
    near = REQ.replace("充实人员力量", "充实专业力量").replace("全覆盖排查", "拉网式排查")
    text = page_with_copy(REQ, near)
    fs = findings(run_cli, write("p.txt", text))
    assert len(fs) == 1
    f = fs[0]
    assert f["rule"] == "duplicate-paragraph" and f["severity"] == "warning"
    assert "相似度 100%" not in f["message"] and "相似度 9" in f["message"]
    assert f["related"][0]["line"] == line_of(text, "王明要求", 0)


def test_punctuation_and_width_do_not_hide_a_copy(run_cli, write):
    half = REQ.replace("，", ",").replace("。", ".")
    fs = findings(run_cli, write("p.txt", page_with_copy(REQ, half)))
    assert [f["rule"] for f in fs] == ["duplicate-paragraph"]
    assert "相似度 100%" in fs[0]["message"]


# ---- sentence runs -----------------------------------------------------------------------------
RUN = "要优化公交线路设计，加快换乘站点建设，以便民出行带动沿线发展；对新建居民小区，要同步规划公交首末站，延长夜间运营时间，方便群众出行。"


def test_sentence_run_repeated_inside_one_article(run_cli, write):
    text = ("## 全区公共交通工作会召开\n\n本报讯（记者孙丽）2月1日，全区公共交通工作会召开。\n\n"
            "王明指出，当前全区公共交通覆盖还有空白，群众反映较多，" + RUN + "\n\n"
            "王明强调，一要摸清需求，科学规划。二要加大投入，补齐短板。对城乡公交一体化，" + RUN + "\n")
    fs = findings(run_cli, write("p.txt", text))
    assert len(fs) == 1
    f = fs[0]
    assert f["rule"] == "duplicate-sentence" and f["severity"] == "warning"
    assert f["line"] == line_of(text, "王明强调") and f["related"][0]["line"] == line_of(text, "王明指出")
    assert "本篇稿件" in f["message"]
    # the span is the repeated run, not the whole paragraph
    assert f["column"] > 20


def test_short_repeated_phrases_are_not_reported(run_cli, write):
    slogan = "坚持稳中求进工作总基调，推动高质量发展。"
    text = ("## 甲\n\n本报讯 会议要求，" + slogan + "各部门要抓好落实。\n\n"
            "## 乙\n\n本报讯 座谈会指出，" + slogan + "企业要加大研发投入。\n")
    assert findings(run_cli, write("p.txt", text)) == []



def test_a_short_sentence_written_twice_in_one_paragraph_is_reported(run_cli, write):
    sent = "要深化放管服改革，持续优化营商环境。"  # 16 characters: far below min_chars
    text = ("## 甲\n\n本报讯 王明强调，要牢固树立服务意识，做到有求必应。" + sent + sent + "\n")
    fs = findings(run_cli, write("p.txt", text))
    assert [f["rule"] for f in fs] == ["duplicate-sentence"]
    para = text.split("\n")[2]
    assert fs[0]["column"] == para.rindex(sent) + 1 and fs[0]["related"][0]["column"] == para.index(sent) + 1
    # the same words as part of a longer sentence, or in two paragraphs, are not a repeated sentence
    part = "本报讯 王明强调，" + sent + "各部门要抓好落实，要深化放管服改革，持续优化营商环境，让企业放心投资。"
    two = "本报讯 王明强调，" + sent + "\n\n会议要求，" + sent + "\n"
    assert findings(run_cli, write("q.txt", "## 甲\n\n" + part + "\n")) == []
    assert findings(run_cli, write("r.txt", "## 甲\n\n" + two)) == []
    # the threshold is an option
    cfg = write("newslint.toml", "[rules.duplicate-sentence]\nsame_paragraph_chars = 20\n")
    assert findings(run_cli, "--config", cfg, write("s.txt", text)) == []


STORY = ("在江西九江，这家石化企业刚刚实现了石油焦的大规模量产，工作人员告诉记者，"
         "这个像煤炭一样的石油焦原本是石油炼化的废弃物，过去都是直接烧掉。")


def test_a_sentence_pasted_into_another_article_with_its_own_subject(run_cli, write):
    text = ("## 各地加快推进工业绿色转型\n\n本报讯 各地相继加快推进工业绿色转型的步伐。" + STORY + "如今变废为宝。\n\n"
            "## 飓风造成佛罗里达州严重受灾\n\n本报讯 据美国媒体报道，飓风已造成该州至少17人死亡。" + STORY + "\n")
    fs = findings(run_cli, write("p.txt", text))
    assert [(f["rule"], f["severity"], f["line"]) for f in fs] == [("duplicate-sentence", "warning", 7)]
    # ... also when a character or two were changed in the copy
    slip = STORY.replace("大规模", "大范模").replace("直接烧掉", "直接烧毁")
    fs = findings(run_cli, write("q.txt", text[:text.rindex(STORY)] + slip + "\n"))
    assert [(f["rule"], f["line"]) for f in fs] == [("duplicate-sentence", 7)]


def test_an_enumeration_inside_a_clause_keeps_the_words_around_it():
    assert dup_units.list_weight("区领导张三、李四、王五参加会议") == 0
    assert dup_units.list_weight("国家防灾减灾救灾委员会办公室派出工作组赴河南、安徽、湖北协助指导防范应对工作") >= 20
    assert dup_units.list_weight("全区经济运行平稳") is None

# ---- formulaic lines, quotations, parallel reports -------------------------------------------
def test_formulaic_lines_and_quoted_slogans_are_tolerated(run_cli, write):
    attend = "区领导张建国、李明华、王志强、赵德胜、孙立新、周文斌、吴海涛、郑晓东、冯国庆、陈永刚参加会议。"
    quote = "“书香满城——阅读点亮生活，人人参与全民阅读，共建共享书香社区家园”主题活动"
    text = ("## 区政府常务会议召开\n\n本报讯 区政府常务会议召开，研究部署近期重点工作。" + attend + "\n\n"
            "会议还研究了其他事项。\n\n本次" + quote + "在全区展开。\n\n"
            "## 区安委会全体会议召开\n\n本报讯 区安委会全体会议召开，研究部署安全生产工作。" + attend + "\n\n"
            "会议还研究了其他事项。\n\n今年" + quote + "覆盖全部村（社区）。\n")
    assert findings(run_cli, write("p.txt", text)) == []


def test_parallel_reports_filled_in_from_one_formula_are_not_copies(run_cli, write):
    text = ("## 国家主席会见甲兰总统\n\n本台消息 当地时间5日下午，国家主席在首都出席国际合作论坛期间会见甲兰总统阿尔法。\n\n"
            "两国元首就双边关系交换了意见。\n\n"
            "## 国家主席会见乙兰总理\n\n本台消息 当地时间5日下午，国家主席在首都出席国际合作论坛期间会见乙兰总理贝塔。\n\n"
            "双方表示愿深化务实合作。\n\n"
            "## 公告\n\n第五号公告说，《示例物业管理条例》已由市人民代表大会常务委员会第九次会议于4月26日通过，现予公布，自2025年1月1日起施行。\n\n"
            "第六号公告说，《示例养犬管理条例》已由市人民代表大会常务委员会第九次会议于4月26日修订通过，现予公布，自2024年12月1日起施行。\n")
    assert findings(run_cli, write("p.txt", text)) == []


def test_title_lines_repeated_in_a_contents_list_are_not_compared(run_cli, write):
    title = "全市城乡居民基本养老保险参保人数连续五年保持增长且待遇水平稳步提高达到新高"
    text = ("## 本期主要内容\n\n1." + title + "；\n\n2.另一条新闻的标题；\n\n"
            "## 详细新闻\n\n**" + title + "**\n\n"
            "记者从市人社局获悉，" + title + "。\n")
    assert findings(run_cli, write("p.txt", text)) == []


# ---- across pages, archive, boilerplate --------------------------------------------------------
BACKGROUND = ("示范区位于城市东部，规划面积一百二十平方公里，是省级高新技术产业开发区，"
              "近年来先后引进装备制造、生物医药、新材料等领域重点项目四十余个。")


def two_day_pages(write, sub=""):
    a = write(f"{sub}0201.txt", "## 示范区召开招商引资推进会\n\n本报讯 2月1日，示范区召开招商引资推进会。\n\n" + BACKGROUND + "\n")
    b = write(f"{sub}0202.txt", "## 示范区新签约三个项目\n\n本报讯 2月2日，示范区举行项目集中签约仪式。\n\n" + BACKGROUND + "\n")
    return a, b


def test_cross_page_copy_is_info_at_the_later_page(run_cli, write):
    a, b = two_day_pages(write)
    fs = findings(run_cli, a, b)
    assert len(fs) == 1
    f = fs[0]
    assert f["path"] == str(b) and f["severity"] == "info" and f["rule"] == "duplicate-paragraph"
    assert f["related"][0]["path"] == str(a) and f["related"][0]["line"] == 5
    assert str(a) in f["message"]


def test_cross_page_severity_and_switch_are_options(run_cli, write, tmp_path):
    a, b = two_day_pages(write)
    cfg = write("newslint.toml", '[rules.duplicate-paragraph]\ncross_page_severity = "warning"\n')
    fs = findings(run_cli, "--config", cfg, a, b)
    assert [f["severity"] for f in fs] == ["warning"]
    cfg = write("off.toml", "[rules.duplicate-paragraph]\ncross_page = false\n")
    assert findings(run_cli, "--config", cfg, a, b) == []
    bad = write("bad.toml", '[rules.duplicate-paragraph]\ncross_page_severity = "loud"\n')
    code, out, err = run_cli("check", "--config", bad, a, b)
    assert code == 2 and "cross_page_severity" in err


def test_archive_pages_are_related_locations_never_findings(run_cli, write, tmp_path):
    a = write("arch/0201.txt", "## 示范区召开招商引资推进会\n\n本报讯 2月1日，示范区召开招商引资推进会。\n\n"
              + BACKGROUND + "\n\n" + page_with_copy())
    c = write("run/0203.txt", "## 示范区举办人才招聘会\n\n本报讯 2月3日，示范区举办人才招聘会。\n\n" + BACKGROUND + "\n")
    fs = findings(run_cli, "--archive", tmp_path / "arch", c)
    assert len(fs) == 1  # the archive page's own content is never reported
    assert fs[0]["path"] == str(c) and fs[0]["severity"] == "info"
    assert [r["path"] for r in fs[0]["related"]] == [str(a)]
    assert "存档版面" in fs[0]["message"]


def test_text_on_many_pages_is_boilerplate(run_cli, write):
    pages = [write(f"d{i}.txt", f"## 第{i}期\n\n本报讯 第{i}期会议召开，研究部署第{i}项工作。\n\n{BACKGROUND}\n")
             for i in range(1, 5)]
    assert findings(run_cli, *pages) == []
    # two pages: not boilerplate yet
    assert len(findings(run_cli, *pages[:2])) == 1


def test_within_page_copy_is_found_among_many_pages(run_cli, write):
    others = [write(f"o{i}.txt", f"## 其他{i}\n\n本报讯 第{i}次会议召开，会议听取了第{i}季度工作汇报并安排下步任务。\n")
              for i in range(3)]
    p = write("p.txt", page_with_copy())
    fs = findings(run_cli, *others, p)
    assert [(f["path"], f["rule"]) for f in fs] == [(str(p), "duplicate-paragraph")]


# ---- thresholds and units ----------------------------------------------------------------------
def test_min_chars_option(run_cli, write):
    cfg = write("newslint.toml", "[rules.duplicate-paragraph]\nmin_chars = 500\n"
                "[rules.duplicate-sentence]\nmin_chars = 500\n")
    assert findings(run_cli, "--config", cfg, write("p.txt", page_with_copy())) == []


def test_rule_explanations_name_thresholds(run_cli):
    code, out, _ = run_cli("rule", "duplicate-paragraph")
    assert code == 0 and "min_chars" in out and "similarity" in out and "boilerplate_pages" in out


def test_sketches_equal_datasketch_minhash():
    from datasketch import MinHash

    norms = [dup_units.normalise(REQ), "abc", "示范区"]
    for norm, values in zip(norms, dup_units.sketches(norms)):
        m = MinHash(num_perm=dup_units.NUM_PERM, seed=dup_units.SEED, scheme="affine32", hashfunc=lambda x: x)
        m.update_batch(dup_units.shingle_hashes(norm).tolist())
        assert np.array_equal(m.hashvalues, values)


def test_banded_candidates_equal_datasketch_lsh_index():
    """The numpy banding (14 bands of 4 rows) finds exactly the pairs datasketch's MinHashLSH index at
    Jaccard 0.5 puts in one bucket — the reference, kept as a test dependency only (it imports scipy)."""
    import random

    from datasketch import LeanMinHash, MinHashLSH

    from newslint.checks.duplicate import common as duplicate

    rng = random.Random(3)
    words = "发展改革创新建设推进工作群众服务经济社会全面深化持续加强提升乡村振兴产业项目"
    base = ["".join(rng.choice(words) for _ in range(80)) for _ in range(30)]
    norms = base + [b[:60] + "".join(rng.choice(words) for _ in range(20)) for b in base[:20]]  # near copies
    norms += [base[0]] * (duplicate.MAX_OCCURRENCES + 1)  # a crowded bucket: boilerplate, left out
    items = [(i // 7, i % 7, dup_units.Paragraph(block=0, article=0, line=1, start=0, end=1, first=0, last=1,
                                                  norm=n, weight=len(n))) for i, n in enumerate(norms)]
    for (_, _, p), values in zip(items, dup_units.sketches(norms)):
        p.sketch = values
    lsh = MinHashLSH(threshold=duplicate.LSH_THRESHOLD, num_perm=dup_units.NUM_PERM)
    assert (lsh.b, lsh.r) == (duplicate.BANDS, duplicate.ROWS)
    for pos, pi, p in items:
        lsh.insert((pos, pi), LeanMinHash(seed=dup_units.SEED, hashvalues=p.sketch, scheme="affine32"))
    reference = set()
    for table in lsh.hashtables:
        for h, n in table.itemcounts().items():
            if 2 <= n <= duplicate.MAX_OCCURRENCES:
                keys = sorted(table.get(h))
                reference |= {(keys[x], keys[y]) for x in range(len(keys)) for y in range(x + 1, len(keys))}
    assert len(reference) >= 15
    assert duplicate._banded_pairs(items) == reference


def test_clauses_normalise_and_weigh():
    cls = dup_units.clauses_of("２０２４年，区领导张三、李四、王五参加会议；“口号一二三四五六七八”。")
    assert [c.norm for c in cls] == ["2024年", "区领导张三李四王五参加会议", "口号一二三四五六七八"]
    assert cls[1].weight == 0  # a list of names
    assert cls[2].weight > 0 and cls[2].sweight == 0  # quoted: counts for paragraphs, not for sentence runs


def test_collected_data_is_picklable():
    import pickle

    from newslint.page import Page

    page = Page.from_text("p.txt", page_with_copy())
    d = dup_units.analyse(page)
    back = pickle.loads(pickle.dumps(d))
    assert [p.norm for p in back.paragraphs] == [p.norm for p in d.paragraphs]
    assert any(p.sketch is not None for p in back.paragraphs)


def test_direct_candidates_and_lsh_index_find_the_same_copies(run_cli, write, monkeypatch):
    """Small runs compare sketches pair by pair; large ones use the banding of MinHash LSH: same result."""
    from newslint.checks.duplicate import common as duplicate

    near = REQ.replace("充实人员力量", "充实专业力量")
    pages = [write(f"p{i}.txt", page_with_copy(REQ, near if i else REQ)) for i in range(2)]  # 3+ pages: boilerplate
    direct = findings(run_cli, "--no-cache", *pages)
    monkeypatch.setattr(duplicate, "DIRECT_ITEMS", 0)  # force the LSH path
    via_lsh = findings(run_cli, "--no-cache", *pages)
    key = lambda f: (f["path"], f["line"], f["rule"], f["message"])
    assert direct and sorted(map(key, direct)) == sorted(map(key, via_lsh))


def test_a_copy_differing_by_a_sound_alike_name_is_not_a_parallel_report(run_cli, write):
    # the headline names 王明; the copy in the other article misspells him 王铭: a pasted paragraph with a slip
    req = ("王明要求，要坚持问题导向，对项目推进中存在的困难和问题，逐一建立工作台账，明确责任单位和完成时限，"
           "确保问题及时解决、项目早日建成投用。")
    text = ("## 王明调研重点项目\n\n本报讯（记者李华）3月6日，区委副书记王明调研重点项目。\n\n" + req + "\n\n"
            "## 全区优化营商环境工作会议召开\n\n本报讯（记者赵强）3月7日，全区优化营商环境工作会议召开。\n\n"
            + req.replace("王明", "王铭") + "\n")
    fs = findings(run_cli, write("p.txt", text))
    assert [f["rule"] for f in fs] == ["duplicate-paragraph"]
    assert fs[0]["line"] == line_of(text, "王铭要求") and fs[0]["related"][0]["line"] == line_of(text, "王明要求")


# ---- summaries restated in the body; issues of a paper ---------------------------------------------
SUMMARY = ("园区今年前三季度新签约项目四十二个，总投资超过三百亿元，其中先进制造业项目占比超过六成，"
           "一批龙头企业带动上下游配套企业集聚发展。")
BODY = ("本报讯（记者李华）10月8日，记者从园区管委会获悉，园区招商引资工作成效明显。\n\n"
        "据介绍，园区围绕主导产业开展精准招商，组建专业招商队伍，定期赴长三角、珠三角地区对接企业。\n\n"
        "园区负责人表示，下一步将继续优化营商环境，推动已签约项目早开工、早投产。\n\n")


def test_a_summary_box_restated_in_the_body_is_not_a_duplicate(run_cli, write):
    text = "## 园区招商引资成效明显\n\n核心阅读\n\n" + SUMMARY + "\n\n" + BODY + SUMMARY + "\n"
    assert findings(run_cli, write("a.txt", text)) == []
    signed = "## 园区招商引资成效明显\n\n" + SUMMARY + "\n\n——编  者\n\n" + BODY + SUMMARY + "\n"
    assert findings(run_cli, write("b.txt", signed)) == []


def test_a_body_paragraph_pasted_again_is_still_reported(run_cli, write):
    text = "## 园区招商引资成效明显\n\n" + BODY + SUMMARY + "\n\n园区还将举办投资推介会。\n\n" + SUMMARY + "\n"
    fs = findings(run_cli, write("a.txt", text))
    assert [f["rule"] for f in fs] == ["duplicate-paragraph"]
    assert fs[0]["line"] == line_of(text, SUMMARY[:10], 1)


def test_copies_across_dates_are_at_most_info(run_cli, write):
    cfg = write("newslint.toml", '[rules.duplicate-paragraph]\ncross_page_severity = "warning"\n')
    a = write("20240201-01.txt", "## 示范区召开招商引资推进会\n\n本报讯 2月1日，示范区召开招商引资推进会。\n\n"
              + BACKGROUND + "\n")
    same_day = write("20240201-02.txt", "## 示范区新签约三个项目\n\n本报讯 示范区举行项目集中签约仪式。\n\n" + BACKGROUND + "\n")
    next_day = write("20240202-01.txt", "## 示范区新签约三个项目\n\n本报讯 示范区举行项目集中签约仪式。\n\n" + BACKGROUND + "\n")
    assert [f["severity"] for f in findings(run_cli, "--config", cfg, a, same_day)] == ["warning"]
    assert [f["severity"] for f in findings(run_cli, "--config", cfg, a, next_day)] == ["info"]


def test_a_letter_printed_in_full_and_then_quoted_in_the_report_is_not_a_copy(run_cli, write):
    letter = ("希望同学们珍惜时光，勤奋学习，锻炼身体，培养劳动精神，从小学先锋、长大做先锋，"
              "努力成长为能够担当民族复兴大任的时代新人。")
    text = ("## 王明给希望小学学生回信\n\n同学们：\n\n你们好！来信收到了。\n\n" + letter + "\n\n王明\n\n"
            "本报讯 近日，王明给希望小学的学生们回信，勉励他们努力学习。\n\n"
            "王明在回信中表示，" + letter + "学校将把回信精神融入日常教学。\n")
    assert findings(run_cli, write("a.txt", text)) == []
    # the same sentence pasted a second time into a body paragraph is still a copy
    pasted = text.replace("学校将把回信精神融入日常教学。", "学校将把回信精神融入日常教学。\n\n" + "据介绍，" + letter)
    assert [f["rule"] for f in findings(run_cli, write("b.txt", pasted))] == ["duplicate-sentence"]


def test_a_pull_quote_under_the_title_of_a_one_article_page_is_not_a_copy(run_cli, write):
    pull = "招商引资不能只看签约数字，更要看项目落地、企业扎根，看营商环境是否真正让企业安心、放心、舒心。"
    text = ("园区招商要重实效（评论）\n\n" + pull + "\n\n"
            "今年以来，园区新签约项目数量明显增加，一批龙头企业相继落户，产业集聚效应逐步显现。\n\n"
            "项目签约只是第一步。" + pull + "这需要各部门拿出实招，帮助企业解决用地、用工、融资等难题。\n")
    assert findings(run_cli, write("a.txt", text)) == []
    # the same paragraph in the middle of a multi-story page is a copy
    page = BODY + pull + "\n\n" + "园区还将举办投资推介会，邀请企业代表参加。\n\n" + pull + "\n"
    assert [f["rule"] for f in findings(run_cli, write("b.txt", "## 园区动态\n\n" + page))] == ["duplicate-paragraph"]


def test_a_statute_repeating_its_formulas_is_not_a_copy(run_cli, write):
    formula = ("由有关主管部门责令改正，给予警告，没收违法所得和非法财物；情节严重的，可以并处一万元以上十万元以下"
               "罚款，并依法追究直接负责的主管人员和其他直接责任人员的责任。")
    text = ("## 某市公园管理条例\n\n第一条　为了加强公园管理，制定本条例。\n\n"
            "第二条　本条例适用于本市行政区域内公园的规划、建设、保护和管理。\n\n"
            "第三条　违反本条例规定，在公园内擅自摆摊设点的，" + formula + "\n\n"
            "第四条　违反本条例规定，在公园内擅自搭建建筑物的，" + formula + "\n")
    assert findings(run_cli, write("a.txt", text)) == []
    news = text
    for n in "一二三四":
        news = news.replace(f"第{n}条　", "")
    assert findings(run_cli, write("b.txt", news))  # the same words in a story are a copy



def test_a_pull_quote_set_as_display_text_is_not_a_copy(run_cli, write):
    words = ("一座城市的活力，不只体现在高楼大厦的数量和道路桥梁的长度上，更体现在街头巷尾每一个普通人"
             "对明天的期待和对生活的热爱里")
    text = ("## 城市的温度\n\n本报记者 李华\n\n这座城市的变化，老居民们看在眼里。\n\n"
            "社区里新开了食堂，老人们吃饭方便了许多。\n\n" + words + "\n\n"
            "这些年，" + words + "。这是许多居民的共同感受。\n")
    assert findings(run_cli, write("a.txt", text)) == []
    # the same words as a body paragraph (with its full stop) printed again are a copy
    body = text.replace(words + "\n\n这些年", words + "。\n\n这些年")
    assert body != text
    assert findings(run_cli, write("b.txt", body))


# ---- a plain-text page's opening paragraphs: summary box or the body's first paragraph ------------------
OPENING = ("　　园区今年前三季度新签约项目四十二个，总投资超过三百亿元，其中先进制造业项目占比超过六成，"
           "一批龙头企业带动上下游配套企业集聚发展。园区还将举办投资推介会，邀请企业代表参加。")
COPIED = "园区今年前三季度新签约项目四十二个，总投资超过三百亿元，其中先进制造业项目占比超过六成，一批龙头企业带动上下游配套企业集聚发展。"
REST = ["　　据介绍，园区围绕主导产业开展精准招商，组建专业招商队伍，定期赴长三角、珠三角地区对接企业。",
        "　　园区负责人表示，下一步将继续优化营商环境，推动已签约项目早开工、早投产。"]


def _plain(*lines: str) -> str:
    """An e-paper article as plain text: the title, a blank line, indented paragraphs, CRLF."""
    return "\r\n".join(["园区招商引资成效明显", ""] + list(lines)) + "\r\n"


def test_a_plain_page_first_paragraph_pasted_again_is_a_copy(run_cli, write):
    """An opening paragraph that ends like body text and runs straight into the next is the body's first
    paragraph: a sentence of it pasted into the last paragraph is reported."""
    text = _plain(OPENING, *REST[:1], REST[1] + COPIED)
    fs = findings(run_cli, write("a.txt", text))
    assert [(f["rule"], f["line"]) for f in fs] == [("duplicate-sentence", 5)]


def test_a_plain_page_summary_box_set_apart_by_a_whitespace_line_is_not_a_copy(run_cli, write):
    text = _plain(OPENING, "　　", *REST[:1], REST[1] + COPIED)
    assert findings(run_cli, write("a.txt", text)) == []


def test_a_lead_quoted_again_with_its_source_is_not_a_copy(run_cli, write):
    """A news lead sums up what a document says; the body quotes the document again, naming it."""
    plan = ("到2025年，全市新建改造城市燃气、供水、排水管道一千五百公里，基本消除老旧管网安全隐患，"
            "城市生命线安全运行水平和群众生活品质明显提升")
    lead = "　　近日，市政府办公厅印发《城市燃气管道更新改造实施方案》（以下简称《方案》），提出" + plan + "。"
    quoted = "　　《方案》提出，" + plan + "。为此，各区要建立项目清单，明确责任单位和完成时限。"
    assert findings(run_cli, write("a.txt", _plain(lead, *REST, quoted))) == []
    pasted = "　　为此，各区要建立项目清单，明确责任单位和完成时限。" + plan + "。"
    assert [f["rule"] for f in findings(run_cli, write("b.txt", _plain(lead, *REST, pasted)))] == \
        ["duplicate-sentence"]


def test_a_pull_quote_under_a_subhead_excerpted_from_the_body_is_not_a_copy(run_cli, write):
    """An interview page prints, under each contributor's subhead and name, a pull-quote (display text:
    no full stop at its end) made of sentences of his own text below."""
    words = ["这座城市的变化让我惊叹，新的地铁线路一条接一条开通，老旧小区改造让居民的生活更加便利舒适，"
             "我最难忘的是这里的人们，他们热情好客，总是愿意帮助来自远方的客人",
             "这里的年轻人充满创造力，他们创办的科技企业正在改变许多行业，让我对这个国家的未来充满信心，"
             "我愿意继续为两国的科技合作牵线搭桥"]
    first = ["　　城市的变化让我惊叹", "　　（德国）汉斯·米勒", "　　" + words[0],
             "　　我第一次来到这座城市是在二十年前，那时候这里还没有这么多高楼。" + words[0] + "。如今我每年都会回来看看。"]
    # (the second pull-quote adds words of its own: it is not the whole of any body paragraph)
    second = ["　　年轻人让我充满信心", "　　（法国）皮埃尔·勒克莱尔", "　　在这里生活了十年，" + words[1],
              "　　十年前我来到这里的一所大学任教。" + words[1] + "。我希望更多外国朋友来这里走一走。"]
    assert findings(run_cli, write("a.txt", _plain(*first, *second))) == []
    # the same words as a body paragraph (ending as body text does) printed again are a copy
    pasted = _plain(*first, *second[:2], "　　" + words[1] + "。", *second[3:])
    assert [f["rule"] for f in findings(run_cli, write("b.txt", pasted))] == ["duplicate-sentence"]


def test_display_text_under_a_subhead_is_a_summary_for_the_copy_analysis(tmp_path):
    """The analysis behind the test above: a paragraph with no sentence-final mark right under a subhead
    is marked as a summary (lead); the same paragraph ending as body text does is not."""
    from newslint.reading import read_page

    second = ["　　年轻人让我充满信心", "　　（法国）皮埃尔·勒克莱尔"]
    pull = ("　　这里的年轻人充满创造力，他们创办的科技企业正在改变许多行业，让我对这个国家的未来充满信心，"
            "我愿意继续为两国的科技合作牵线搭桥")
    for end, lead in (("", True), ("。", False)):
        path = tmp_path / f"p{len(end)}.txt"
        path.write_text(_plain(*REST, *second, pull + end, "　　十年前我来到这里的一所大学任教，见证了许多变化。"),
                        encoding="utf-8", newline="")
        page = read_page(str(path))
        paras = {p.line: p.lead for p in dup_units.analyse(page, 60).paragraphs}
        assert paras[7] is lead


def test_a_labelled_summary_box_ends_at_a_wider_gap_or_a_subhead(run_cli, write):
    """核心阅读 opens a box of up to three paragraphs, but a whitespace line or a subhead closes it sooner:
    the body's first paragraph after it restating the box is a summary restated, not a paste — and it sums
    up the page, whose subhead may start a new story."""
    summary = ("　　园区今年前三季度新签约项目四十二个，总投资超过三百亿元，其中先进制造业项目占比超过六成，"
               "一批龙头企业带动上下游配套企业集聚发展。")
    restated = ("　　据统计，园区今年前三季度新签约项目四十二个，总投资超过三百亿元，其中先进制造业项目占比超过六成，"
                "一批龙头企业带动上下游配套企业集聚发展。")
    gap = _plain("　　核心阅读", summary, "　　", restated, *REST)
    assert findings(run_cli, write("a.txt", gap)) == []
    subhead = _plain("　　核心阅读", summary, "　　招商成效明显", restated, *REST)
    assert findings(run_cli, write("b.txt", subhead)) == []
    # without the label, the same paragraphs in the body are a copy
    body = _plain(*REST, summary, "　　园区还将举办投资推介会，邀请企业代表参加。", restated)
    assert findings(run_cli, write("c.txt", body))


def test_a_user_pack_adds_a_verb_that_gives_a_quotation_its_source(run_cli, write):
    """[[quote_verb]] of rules/duplicate.toml is a list a paper extends: 寄语 is in no built-in list, so a
    letter printed in full and then introduced by 寄语 is a copy until a pack names it."""
    letter = ("希望同学们珍惜时光，勤奋学习，锻炼身体，培养劳动精神，从小学先锋、长大做先锋，"
              "努力成长为能够担当民族复兴大任的时代新人。")
    text = ("## 王明给希望小学学生回信\n\n同学们：\n\n你们好！来信收到了。\n\n" + letter + "\n\n王明\n\n"
            "本报讯 近日，王明给希望小学的学生们回信，勉励他们努力学习。\n\n"
            "王明在回信中寄语：" + letter + "学校将把回信精神融入日常教学。\n")
    page = write("a.txt", text)
    assert [f["rule"] for f in findings(run_cli, "--no-cache", page)] == ["duplicate-sentence"]
    write("verbs.toml", '[[quote_verb]]\nwords = ["寄语"]\n')
    cfg = write("newslint.toml", 'packs = ["verbs.toml"]\n')
    assert findings(run_cli, "--no-cache", "--config", cfg, page) == []


def test_written_out_permutations_are_datasketchs():
    """dup_units writes datasketch's affine32 permutations out (numpy.random costs more to import than a
    page's sketches); they must be the ones datasketch draws for NUM_PERM and SEED."""
    from datasketch import MinHash

    from newslint.analyses import dup_units

    m = MinHash(num_perm=dup_units.NUM_PERM, seed=dup_units.SEED, scheme="affine32")
    a, b = m.permutations
    assert (dup_units._permutations()[0] == a).all() and (dup_units._permutations()[1] == b).all()


def test_sketches_of_a_page_at_once_equal_one_by_one():
    norms = [dup_units.normalise(REQ), "abc", "示范区示范区建设", "abcd" * 20, "发展"]  # (one shorter than a shingle)
    one_by_one = [dup_units.sketches([n])[0] for n in norms]
    for together in (dup_units.sketches(norms), dup_units.sketches(norms[:-1])):
        assert all(np.array_equal(x, y) for x, y in zip(together, one_by_one))
    hv, counts = dup_units._joined_shingle_hashes(norms[:-1])
    assert np.array_equal(hv, np.concatenate([dup_units.shingle_hashes(n) for n in norms[:-1]]))
    assert counts == [len(dup_units.shingle_hashes(n)) for n in norms[:-1]]


def test_sketches_of_a_small_and_a_large_page_agree(monkeypatch):
    import random

    rng = random.Random(4)
    norms = ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(rng.randrange(30, 300))) for _ in range(12)]
    small = dup_units.sketches(norms)
    monkeypatch.setattr(dup_units, "OUTER_SHINGLES", 0)
    large = dup_units.sketches(norms)
    assert all(np.array_equal(x, y) for x, y in zip(small, large)) and len(small) == len(large) == 12


def test_clause_stop_read_from_the_end_equals_the_pattern():
    import itertools

    import regex

    from newslint.analyses.dup_units import _STOP_RE, _WHITE_SPACE, _stops

    assert set(_WHITE_SPACE) == {c for c in map(chr, range(0x10000)) if regex.match(r"\s", c)}
    parts = ["好", "。", "！", "?", "…", "”", "）", " ", "\u3000", "\n", "，", "\x1c"]
    for n in range(4):
        for combo in itertools.product(parts, repeat=n):
            s = "".join(combo)
            assert _stops(s) == bool(_STOP_RE.search(s)), repr(s)
