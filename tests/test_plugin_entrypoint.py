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
