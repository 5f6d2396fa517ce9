"""Group and role speakers (代表们, 专家组成员, 各乡镇负责人, 与会人员) in the speech analysis and attribution
(fixtures invented)."""
from helpers import lint_text
from newslint.analyses.speech import parse_subject

STATEMENT = "示范区项目建设速度快、质量高、效益好，要继续强化要素保障，推动更多项目早开工、早投产、早见效，让企业和群众切实感受到发展带来的实惠。"


def test_groups_are_speakers_of_their_own_kind():
    for s in ("代表们", "专家组成员", "各乡镇负责人", "与会人员", "村民们"):
        assert parse_subject(s) == ("group", s)
    assert parse_subject("他们")[0] == "pronoun"
    assert parse_subject("大家") == ("", "")


def test_one_passage_given_to_two_groups_is_a_speaker_conflict_naming_both():
    text = (f"## 市人大代表视察重点项目\n\n本报讯 4月10日，市人大代表视察了示范区重点项目。代表们纷纷表示，{STATEMENT}\n\n"
            f"## 专家组评审智慧园区方案\n\n本报讯 4月12日，专家组对建设方案进行评审。专家组成员表示，{STATEMENT}\n")
    fs = lint_text(text, ["attribution-speaker-conflict"], path="p.md")
    assert len(fs) == 1 and "代表们" in fs[0].message and "专家组成员" in fs[0].message


def test_one_group_saying_it_twice_is_no_conflict():
    text = (f"## 市人大代表视察重点项目\n\n本报讯 4月10日，市人大代表视察了示范区重点项目。代表们纷纷表示，{STATEMENT}\n\n"
            f"## 代表们点赞项目建设\n\n本报讯 视察结束后，代表们表示，{STATEMENT}\n")
    assert lint_text(text, ["attribution-speaker-conflict"], path="p.md") == []


def _reaction_page(headline):
    return (f"## 专家组评审智慧园区方案\n\n本报讯 4月12日，专家组对建设方案进行评审。专家组成员表示，{STATEMENT}\n\n"
            f"## {headline}\n\n本报讯 评审会后，代表们表示，{STATEMENT}\n")


def test_a_reaction_piece_echoes_the_event_and_a_pack_names_more_of_them(run_cli, write):
    import json
    # a headline word of the built-in pack (rules/attribution.toml): the group echoes the event, no conflict
    assert lint_text(_reaction_page("评审会引发代表热议"), ["attribution-speaker-conflict"], path="p.md") == []
    # a word no pack lists: the same page is a misattribution …
    page = write("r.md", _reaction_page("代表们畅谈评审会"))
    code, out, _ = run_cli("check", "--format", "json", "--no-cache", "--select", "attribution-speaker-conflict", page)
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["attribution-speaker-conflict"]
    # … until the paper's own pack names its reaction column (畅谈)
    write("house.toml", '[[reaction_piece]]\nwords = ["畅谈"]\n')
    write("newslint.toml", 'packs = ["house.toml"]\n')
    code, out, _ = run_cli("check", "--format", "json", "--no-cache", "--select", "attribution-speaker-conflict", page)
    assert json.loads(out)["findings"] == []
