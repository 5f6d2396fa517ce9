"""--format sarif: SARIF 2.1.0 validated against the official OASIS schema, vendored unchanged in tests/data/
(its notice beside it), so every clone runs these tests."""
import json
from pathlib import Path

import pytest

from newslint import Rule, hookimpl

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
BAD = "本报讯(记者张三)1月2日,会议召开。\n"


@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _sarif(run_cli, *argv):
    code, out, err = run_cli("check", "--format", "sarif", *argv)
    return code, json.loads(out)


def test_valid_sarif_with_rules_results_and_fingerprints(write, run_cli, validator, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write("pages/a.txt", BAD)
    code, doc = _sarif(run_cli, "--select", "punctuation", "pages/a.txt")
    validator.validate(doc)
    assert code == 1 and doc["version"] == "2.1.0"
    import copy

    broken = copy.deepcopy(doc)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    assert list(validator.iter_errors(broken)), "the schema check must be able to fail"
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint"
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert "punctuation-halfwidth" in ids
    rule = rules[ids.index("punctuation-halfwidth")]
    assert rule["help"]["text"].startswith("GB/T 15834") and "错误示例" in rule["help"]["text"]
    assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] == "warning"
    res = run["results"]
    assert len(res) == 2  # the bracket pair is one result
    r0 = res[0]
    assert r0["ruleId"] == "punctuation-halfwidth" and rules[r0["ruleIndex"]]["id"] == r0["ruleId"]
    assert r0["level"] == "warning"
    loc = r0["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "pages/a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 1 and loc["region"]["startColumn"] == 4
    assert loc["region"]["endColumn"] == 10 and loc["region"]["snippet"]["text"] == "(记者张三)"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    # the same fingerprints as the JSON format
    _, out, _ = run_cli("check", "--format", "json", "--select", "punctuation", "pages/a.txt")
    fps = [f["fingerprint"] for f in json.loads(out)["findings"]]
    assert [r["partialFingerprints"]["newslint/v1"] for r in res] == fps
    # a fix travels as a SARIF fix
    rep = r0["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep["insertedContent"]["text"] == "（记者张三）" and rep["deletedRegion"]["startColumn"] == 4


def test_columns_count_code_points_not_utf16_units(write, run_cli, validator):
    p = write("a.txt", "𠮷𠮷报讯,会议召开。\n")  # two astral characters (two UTF-16 units each) before the mark
    code, doc = _sarif(run_cli, "--select", "punctuation", p)
    validator.validate(doc)
    region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == 5


def test_non_ascii_and_outside_paths_are_valid_uris(write, run_cli, validator, monkeypatch, tmp_path):
    p = write("版面/第一版.txt", BAD)
    sub = tmp_path / "elsewhere"
    sub.mkdir()
    monkeypatch.chdir(sub)
    code, doc = _sarif(run_cli, "--select", "punctuation", p)
    validator.validate(doc)
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "%E7%89%88" in uri and uri.isascii()
    monkeypatch.chdir(tmp_path)
    code, doc = _sarif(run_cli, "--select", "punctuation", "版面/第一版.txt")
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    from urllib.parse import unquote

    assert unquote(art["uri"]) == "版面/第一版.txt" and art["uriBaseId"] == "%SRCROOT%"


def test_clean_run_and_errors_are_valid(write, run_cli, validator, tmp_path):
    good = write("g.txt", "会议召开。\n")
    code, doc = _sarif(run_cli, "--select", "punctuation", good)
    validator.validate(doc)
    assert code == 0 and doc["runs"][0]["results"] == []
    assert doc["runs"][0]["invocations"][0]["executionSuccessful"] is True
    code, doc = _sarif(run_cli, "--select", "punctuation", good, tmp_path / "missing.txt")
    validator.validate(doc)
    inv = doc["runs"][0]["invocations"][0]
    assert code == 2 and inv["executionSuccessful"] is False
    assert "missing.txt" in inv["toolExecutionNotifications"][0]["message"]["text"]


RELATED_RULE = Rule(id="duplicate-test-pair", category="duplicate", severity="error",
                    summary="测试：重复的句子", explanation="测试用规则。\n\nA test rule.")


class _PairPlugin:
    @hookimpl
    def newslint_rules(self):
        return [RELATED_RULE]

    @hookimpl
    def newslint_check_page(self, page, ctx):
        first = page.text.find("会议召开")
        second = page.text.find("会议召开", first + 1)
        if first < 0 or second < 0:
            return None
        return [ctx.finding(RELATED_RULE, page, second, second + 4, "与前文重复",
                            related=[page.location(first, first + 4, "先出现的一处")], severity="info")]


def test_related_locations_and_levels(tmp_path, validator):
    from newslint.config import Config
    from newslint.engine import Context, all_rules, check_pages, plugin_manager
    from newslint.page import Page
    from newslint.report import sarif

    pm = plugin_manager([_PairPlugin()])
    ctx = Context(pm, all_rules(pm), Config(), select=["duplicate-test-pair"])
    page = Page.from_text(str(tmp_path / "p.txt"), "会议召开。\n\n会议召开。\n")
    result = check_pages(ctx, [page])
    doc = sarif.document(result, ctx)
    validator.validate(doc)
    res = doc["runs"][0]["results"]
    assert len(res) == 1 and res[0]["level"] == "note"  # info -> note
    rel = res[0]["relatedLocations"]
    assert rel[0]["message"]["text"] == "先出现的一处"
    assert rel[0]["physicalLocation"]["region"]["startLine"] == 1
    assert res[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    ids = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == ["duplicate-test-pair"]  # only the rules of the run


def test_output_file_gets_sarif_while_terminal_gets_text(write, run_cli, validator, tmp_path):
    p = write("a.txt", BAD)
    out_file = tmp_path / "report.sarif"
    code, out, err = run_cli("check", "--format", "sarif", "-o", out_file, "--select", "punctuation", p)
    assert code == 1
    assert "[punctuation-halfwidth]" in out and not out.lstrip().startswith("{")
    validator.validate(json.loads(out_file.read_text(encoding="utf-8")))


def test_baseline_state_marks_new_results(write, run_cli, validator, tmp_path):
    p = write("a.txt", BAD)
    bl = tmp_path / "bl.json"
    run_cli("baseline", "--select", "punctuation", "-o", bl, p)
    p.write_text(BAD + "\n又一段,新问题。\n", encoding="utf-8")
    code, out, err = run_cli("check", "--format", "sarif", "--select", "punctuation", "--baseline", bl, p)
    doc = json.loads(out)
    validator.validate(doc)
    res = doc["runs"][0]["results"]
    assert code == 1 and len(res) == 1 and res[0]["baselineState"] == "new"
