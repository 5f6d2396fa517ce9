"""``--format github``: GitHub Actions workflow commands, one annotation per finding::

    ::warning file=pages/a.txt,line=3,col=5,endLine=3,endColumn=6,title=punctuation-halfwidth::中文语句中的半角…

``error`` findings become ``::error``, ``warning`` ``::warning`` and ``info`` ``::notice``.  Escaping follows
the workflow-command rules: ``%``, CR and LF in the message; additionally ``:`` and ``,`` in properties.
GitHub accepts ``col``/``endColumn`` only for a single-line span, so a multi-line finding gives lines only.
Paths are made relative to ``$GITHUB_WORKSPACE`` (or the working directory) when they lie inside it.
"""
from __future__ import annotations

import os

from .. import hookimpl

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def relative(path: str) -> str:
    """``path`` relative to the workspace when it lies inside it, with forward slashes."""
    base = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    p = path
    try:
        if os.path.isabs(path) or os.path.exists(path):
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
            if not rel.startswith(".." + os.sep) and rel != "..":
                p = rel
    except ValueError:  # another drive on Windows
        pass
    return p.replace(os.sep, "/")


def command(f) -> str:
    loc = f.location
    props = [("file", relative(loc.path)), ("line", str(loc.line))]
    if loc.end_line == loc.line:
        props += [("col", str(loc.column)), ("endLine", str(loc.end_line)),
                  ("endColumn", str(max(loc.end_column, loc.column)))]
    else:
        props += [("endLine", str(loc.end_line))]
    props.append(("title", f"newslint [{f.rule}]"))
    message = f.message
    if f.suggestion:
        message += f"\n建议：{f.suggestion}"
    for r in f.related:
        message += f"\n相关：{relative(r.path)}:{r.line}:{r.column}" + (f" {r.message}" if r.message else "")
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{LEVEL.get(f.severity, 'warning')} {head}::{escape_data(message)}"


def report(result, ctx, stream) -> None:
    for f in result.findings:
        stream.write(command(f) + "\n")
    for e in result.errors:
        stream.write(f"::error title=newslint::{escape_data(str(e))}\n")


@hookimpl
def newslint_reporters():
    return {"github": report}
