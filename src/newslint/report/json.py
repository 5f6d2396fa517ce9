"""``--format json``: the public, versioned contract documented in the README."""
from __future__ import annotations

import json

from .. import __version__, hookimpl

FORMAT_VERSION = 1


def document(result, ctx=None) -> dict:
    doc = {"version": FORMAT_VERSION, "tool": {"name": "newslint", "version": __version__},
           "findings": [f.to_dict() for f in result.findings]}
    if result.errors:
        doc["errors"] = list(result.errors)
    extra = getattr(result, "extra", None)
    if extra:
        doc.update(extra)
    return doc


def report(result, ctx, stream) -> None:
    """One finding per line (greppable, diffable) written with the C encoder: ``json.dump`` with
    ``indent`` falls back to the pure-Python encoder, 5-10x slower on runs with many findings."""
    doc = document(result, ctx)
    findings = doc.pop("findings")
    head = json.dumps(doc, ensure_ascii=False)
    stream.write(head[:-1] + (", " if doc else "") + '"findings": [')
    for i, f in enumerate(findings):
        stream.write(("\n  " if i == 0 else ",\n  ") + json.dumps(f, ensure_ascii=False))
    stream.write("\n]}\n" if findings else "]}\n")


@hookimpl
def newslint_reporters():
    return {"json": report}
