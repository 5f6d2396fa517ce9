"""Word lists live in data packs read through the one schema-checked loader, and user packs extend them."""
import pytest

from helpers import PM
from newslint.analyses import mentions
from newslint.analyses.speech import parse_subject
from newslint.checks.names import org_parts
from newslint.config import Config
from newslint.engine import Context, all_rules
from newslint.page import Page

TEXT = "本报讯 昨天，青山市人民医院举办义诊活动。当天，青山市书法协会举办书法展览。\n"  # invented


def _orgs(text):
    return [m.name for m in Page.from_text("a.txt", text).analysis("mentions").orgs()]


def test_organisation_suffixes_come_from_the_pack():
    words = mentions.org_suffixes()
    assert {"有限公司", "股份有限公司", "医院", "中学"} <= set(words)
    assert words.index("股份有限公司") < words.index("有限公司")  # the longer suffix wins
    assert "青山市人民医院" in _orgs(TEXT)
    assert org_parts("青山市人民医院", {"青山市"})[2] == "医院"


def test_a_user_pack_extends_the_organisation_suffixes(tmp_path):
    assert not any(o.endswith("协会") for o in _orgs(TEXT))
    (tmp_path / "orgs.toml").write_text('[[org_suffix]]\nwords = ["协会"]\n', encoding="utf-8")
    Context(PM, all_rules(PM), Config(root=tmp_path, data={"packs": ["orgs.toml"]}))
    try:
        assert "青山市书法协会" in _orgs(TEXT)
        assert org_parts("青山市书法协会", {"青山市"})[2] == "协会"
    finally:
        Context(PM, all_rules(PM), Config())
    assert not any(o.endswith("协会") for o in _orgs(TEXT))


TITLED = "本报讯 会上，总编辑林晓峰介绍了情况。\n"  # invented; 总编辑 is in no built-in list


def _people(text):
    return [(m.name, m.title) for m in Page.from_text("a.txt", text).analysis("mentions").people()]


def test_titles_are_one_list_with_a_kind_per_word():
    from newslint.analyses import words

    mention, speech = set(words.titles(words.MENTION_KINDS)), set(words.titles(words.SPEECH_KINDS))
    assert {"书记", "主任", "教授"} <= mention & speech
    assert "主管" in speech and "主管" not in mention  # 主管经济工作: a verb too, no title for the mentions
    assert "村民" in speech and "村民" not in mention  # a people noun
    assert parse_subject("财务主管李华") == ("person", "李华")
    assert not any(n.startswith("经济") for n, _ in _people("本报讯 他主管经济工作多年。\n"))


def test_a_user_pack_adds_a_title(tmp_path):
    assert _people(TITLED) == [] and parse_subject("总编辑林晓峰") == ("", "")
    (tmp_path / "titles.toml").write_text('[[title]]\nkind = "title"\nwords = ["总编辑"]\n', encoding="utf-8")
    Context(PM, all_rules(PM), Config(root=tmp_path, data={"packs": ["titles.toml"]}))
    try:
        assert ("林晓峰", "总编辑") in _people(TITLED)  # the mentions analysis reads it
        assert parse_subject("总编辑林晓峰") == ("person", "林晓峰")  # and so does the speech analysis
    finally:
        Context(PM, all_rules(PM), Config())
    assert _people(TITLED) == []


def test_a_title_of_an_unknown_kind_is_an_error_naming_the_pack(tmp_path):
    from newslint.analyses import words
    from newslint.config import ConfigError

    (tmp_path / "titles.toml").write_text('[[title]]\nkind = "job"\nwords = ["总编辑"]\n', encoding="utf-8")
    Context(PM, all_rules(PM), Config(root=tmp_path, data={"packs": ["titles.toml"]}))
    try:
        with pytest.raises(ConfigError, match=r"titles\.toml.*kind"):
            words.titles(words.MENTION_KINDS)
    finally:
        Context(PM, all_rules(PM), Config())


def test_a_user_pack_adds_a_verb_of_saying(tmp_path):
    text = "本报讯 会上，王明阐明，要把项目建设抓紧抓实，确保按期投产见效。\n"  # invented; 阐明 is no built-in verb
    speakers = lambda: [s.speaker for s in Page.from_text("a.txt", text).analysis("speech").speeches]
    assert speakers() == []
    (tmp_path / "speech.toml").write_text('[[speech_verb]]\nwords = ["阐明"]\n', encoding="utf-8")
    Context(PM, all_rules(PM), Config(root=tmp_path, data={"packs": ["speech.toml"]}))
    try:
        assert speakers() == ["王明"]
    finally:
        Context(PM, all_rules(PM), Config())
    assert speakers() == []
