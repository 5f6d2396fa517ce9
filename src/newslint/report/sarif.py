"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

- ``tool.driver.rules``: every rule of the run with its summary, explanation (as help text, with the bad
  and good examples) and default level; each result points to its rule by ``ruleId`` and ``ruleIndex``.
- Columns count characters, so the run declares ``columnKind: unicodeCodePoints`` (SARIF's default is
  UTF-16 code units, which would put every span after an astral character one column off).  Regions
  use SARIF's convention: ``endColumn`` is the column just after the span, as in our JSON.
- ``partialFingerprints["newslint/v1"]`` carries our fingerprint, stable under unrelated edits, so code
  scanning tracks a finding across commits; related places are ``relatedLocations``.
- Paths inside the working directory are relative URIs against ``%SRCROOT%``; others are ``file:`` URIs.
  Non-ASCII characters in paths are percent-encoded, as RFC 3986 requires.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List
from urllib.parse import quote

from .. import __version__, hookimpl

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "newslint/v1"


def artifact(path: str, root: str) -> Dict[str, Any]:
    """An ``artifactLocation`` for ``path``: relative to ``%SRCROOT%`` when inside ``root``."""
    if path.startswith("<") or not os.path.exists(path):  # stdin, or a name given by --stdin-filename
        return {"uri": quote(path.replace(os.sep, "/"), safe="/-._~"), "uriBaseId": "%SRCROOT%"}
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, root)
    except ValueError:
        rel = ".."
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return {"uri": Path(full).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/"), safe="/-._~"), "uriBaseId": "%SRCROOT%"}


def region(loc) -> Dict[str, Any]:
    return {"startLine": loc.line, "startColumn": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column}


def physical(loc, root: str, snippet: str = None) -> Dict[str, Any]:
    reg = region(loc)
    if snippet:
        reg["snippet"] = {"text": snippet}
    return {"artifactLocation": artifact(loc.path, root), "region": reg}


def rule_descriptor(rule) -> Dict[str, Any]:
    help_text = rule.explanation.strip()
    md = help_text
    if rule.bad:
        help_text += "\n\n错误示例 bad:\n" + rule.bad.strip()
        md += "\n\n**错误示例 bad:**\n\n```\n" + rule.bad.strip() + "\n```"
    if rule.good:
        help_text += "\n\n正确示例 good:\n" + rule.good.strip()
        md += "\n\n**正确示例 good:**\n\n```\n" + rule.good.strip() + "\n```"
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation.strip().split("\n\n")[0].replace("\n", "")},
        "help": {"text": help_text, "markdown": md},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "fixable": bool(rule.fixable)},
    }


def document(result, ctx) -> Dict[str, Any]:
    root = os.getcwd()
    rules = dict(getattr(ctx, "rules", {}) or {})
    selected = getattr(ctx, "selected", None)
    used = {f.rule for f in result.findings}
    ids = [rid for rid in rules if selected is None or rid in selected or rid in used]
    ids += sorted(used - set(ids) - set(rules))  # findings of rules nobody declared (defensive)
    index = {rid: i for i, rid in enumerate(ids)}
    descriptors = [rule_descriptor(rules[rid]) if rid in rules else {"id": rid} for rid in ids]
    pages = {p.path: p for p in getattr(result, "pages", [])}
    baseline_used = "baseline" in (getattr(result, "extra", None) or {})

    results: List[Dict[str, Any]] = []
    for f in result.findings:
        loc = f.location
        page = pages.get(loc.path)
        snippet = None
        if page is not None and loc.end <= len(page.text) and loc.end > loc.start:
            snippet = page.text[loc.start:loc.end]
        res: Dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")},
            "locations": [{"physicalLocation": physical(loc, root, snippet)}],
            "partialFingerprints": {FINGERPRINT: f.fingerprint},
            "properties": {"category": f.category},
        }
        if f.suggestion is not None:
            res["properties"]["suggestion"] = f.suggestion
        if f.related:
            res["relatedLocations"] = [
                {"id": i + 1, "physicalLocation": physical(r, root),
                 **({"message": {"text": r.message}} if r.message else {})}
                for i, r in enumerate(f.related)]
        if f.fix is not None and page is not None:
            res["fixes"] = [{"description": {"text": f"替换为“{f.fix.replacement}”"},
                             "properties": {"applicability": f.fix.applicability},
                             "artifactChanges": [{"artifactLocation": artifact(loc.path, root), "replacements": [{
                                 "deletedRegion": region(page.location(f.fix.start, f.fix.end)),
                                 "insertedContent": {"text": f.fix.replacement}}]}]}]
        if baseline_used:
            res["baselineState"] = "new"
        results.append(res)

    notifications = [{"level": "error", "message": {"text": str(e)}} for e in result.errors]
    invocation: Dict[str, Any] = {"executionSuccessful": not result.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                            "rules": descriptors}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def report(result, ctx, stream) -> None:
    json.dump(document(result, ctx), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


@hookimpl
def newslint_reporters():
    return {"sarif": report}
