"""Data packs: one loader, sections declared by plugins, errors naming file and line."""
import pytest

from newslint import hookimpl
from newslint.analyses import mentions
from newslint.config import Config, ConfigError
from newslint.engine import Context, all_rules, plugin_manager
from newslint.packs import builtin_packs, load_pack, sections_of

PM = plugin_manager()


def test_builtin_packs_follow_the_declared_schema():
    schema = sections_of(PM)
    for f in builtin_packs():
        assert load_pack(f, schema)  # raises on an undeclared section or field


def test_misspelt_section_is_an_error_naming_file_and_line(run_cli, write):
    write("extra.toml", '# house phrases\n\n[[phrse]]\nwrong = "高新区区"\nright = "高新区"\n')
    write("newslint.toml", 'packs = ["extra.toml"]\n')
    p = write("a.txt", "正文。\n")
    code, out, err = run_cli("check", "--no-cache", "--select", "punctuation", p)
    assert code == 2 and "extra.toml:3" in err and "[[phrse]]" in err and "[[phrase]]" in err


def test_unknown_field_and_wrong_type_are_errors(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('[[phrase]]\nwrong = "甲"\nrigth = "乙"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"p\.toml:3: \[\[phrase\]\] unknown field 'rigth'"):
        load_pack(f, sections_of(PM))
    f.write_text('[[term]]\nterm = 5\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"p\.toml:1: \[\[term\]\] term: must be a str"):
        load_pack(f, sections_of(PM))


class Sections:
    @hookimpl
    def newslint_pack_sections(self):
        return {"house_word": {"word": str}}


def test_a_plugin_declares_its_sections(tmp_path):
    f = tmp_path / "house.toml"
    f.write_text('[[house_word]]\nword = "账户"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="house_word"):
        load_pack(f, sections_of(PM))
    pm = plugin_manager([Sections()])
    cfg = Config(root=tmp_path, data={"packs": ["house.toml"]})
    ctx = Context(pm, all_rules(pm), cfg)
    assert [e["word"] for e in ctx.pack_entries("house_word")] == ["账户"]
    assert ctx.pack_entries("phrase")  # the built-in sections are still there


def test_user_packs_extend_the_surnames(tmp_path):
    assert "乂" not in mentions.surnames()[0]
    f = tmp_path / "names.toml"
    f.write_text('[[surnames]]\nsingle = "乂"\n', encoding="utf-8")
    Context(PM, all_rules(PM), Config(root=tmp_path, data={"packs": ["names.toml"]}))
    try:
        assert "乂" in mentions.surnames()[0]
    finally:
        Context(PM, all_rules(PM), Config())
    assert "乂" not in mentions.surnames()[0]
