"""Word lists live in data packs read through the one schema-checked loader, and user packs extend them."""
from helpers import PM
from newslint.analyses import mentions
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
