"""A third-party rule, installed by pip from its own package, is found through the entry-point group."""
import json
import os
import subprocess
import sys
import textwrap

PLUGIN = '''
import regex
from newslint import hookimpl, Rule

RULE = Rule(id="wording-house-style", category="wording", severity="warning",
            summary="本报用字：“帐户”应为“账户”", explanation="House style of a test newsroom.",
            bad="帐户", good="账户")

@hookimpl
def newslint_rules():
    return [RULE]

@hookimpl
def newslint_check_page(page, ctx):
    if not ctx.enabled(RULE.id, page):
        return None
    return [ctx.finding(RULE, page, m.start(), m.end(), "“帐户”应为“账户”", suggestion="账户")
            for m in regex.finditer("帐户", page.text)]
'''


def test_plugin_from_separate_package(tmp_path):
    pkg = tmp_path / "src"
    (pkg / "newslint_house").mkdir(parents=True)
    (pkg / "newslint_house" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    (pkg / "pyproject.toml").write_text(textwrap.dedent('''
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"
        [project]
        name = "newslint-house"
        version = "1.0"
        [project.entry-points.newslint]
        house = "newslint_house"
        [tool.setuptools]
        packages = ["newslint_house"]
    '''))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(pkg)], check=True, capture_output=True, timeout=120)
    env = dict(os.environ, PYTHONPATH=str(target))
    page = tmp_path / "p.txt"
    page.write_text("请核对帐户信息。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newslint", "rules"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert "wording-house-style" in out.stdout
    out = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json",
                          "--select", "wording-house-style", str(page)], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 1, out.stderr
    f = json.loads(out.stdout)["findings"]
    assert [(x["rule"], x["line"], x["column"], x["suggestion"]) for x in f] == [
        ("wording-house-style", 1, 4, "账户")]
    # without the package on the path the rule does not exist
    out = subprocess.run([sys.executable, "-m", "newslint", "check", "--select", "wording-house-style",
                          str(page)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "wording-house-style" in out.stderr


DECORATED = '''
import regex
from newslint import Rule, hookimpl
from newslint.rule import corpus_rule, page_rule

WORD = Rule(id="wording-house-word", category="wording", severity="warning", summary="本报用字",
            explanation="House words of a test newsroom, from its pack.",
            examples=[{"text": "请核对帐户信息。", "fires": True, "date": None},
                      {"text": "请核对账户信息。", "fires": False, "date": None}])
PAGES = Rule(id="wording-house-pages", category="wording", severity="info", summary="多页用字",
             explanation="The same house word on several pages.")

@hookimpl
def newslint_pack_sections():
    return {"house_word": {"wrong": str, "right": str}}

@page_rule(WORD)
def house_word(rc):
    for e in rc.pack("house_word"):
        for m in regex.finditer(regex.escape(e["wrong"]), rc.page.text):
            rc.report(m.start(), m.end(), f"“{e['wrong']}”应为“{e['right']}”", suggestion=e["right"])

@corpus_rule(PAGES)
def house_pages(rc):
    hit = [p for p in rc.corpus.run_pages if "帐户" in p.text]
    if len(hit) > 1:
        rc.report(0, 1, f"{len(hit)} 个页面用了“帐户”", page=hit[-1])
'''


def test_decorated_plugin_from_separate_package(tmp_path):
    pkg = tmp_path / "src"
    (pkg / "newslint_words").mkdir(parents=True)
    (pkg / "newslint_words" / "__init__.py").write_text(DECORATED, encoding="utf-8")
    (pkg / "pyproject.toml").write_text(textwrap.dedent('''
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"
        [project]
        name = "newslint-words"
        version = "1.0"
        [project.entry-points.newslint]
        words = "newslint_words"
        [tool.setuptools]
        packages = ["newslint_words"]
    '''))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(pkg)], check=True, capture_output=True, timeout=120)
    env = dict(os.environ, PYTHONPATH=str(target))
    (tmp_path / "words.toml").write_text('[[house_word]]\nwrong = "帐户"\nright = "账户"\n', encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["words.toml"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("请核对帐户信息。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newslint", "rules", "--format", "json"], env=env,
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    rules = {r["id"]: r for r in json.loads(out.stdout)}
    assert [e["fires"] for e in rules["wording-house-word"]["examples"]] == [True, False]
    out = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache",
                          "--select", "wording-house-word,wording-house-pages", "a.txt", "b.txt"],
                         env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    f = json.loads(out.stdout)["findings"]
    assert sorted((x["rule"], x["path"], x["column"]) for x in f) == [
        ("wording-house-pages", "b.txt", 1), ("wording-house-word", "a.txt", 4), ("wording-house-word", "b.txt", 4)]
    # a misspelt section of the plugin's pack is an error naming the file and line
    (tmp_path / "words.toml").write_text('[[house_wrod]]\nwrong = "帐户"\nright = "账户"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "a.txt"], env=env,
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 2 and "words.toml:1" in out.stderr and "house_word" in out.stderr
