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
    json.dump(document(result, ctx), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


@hookimpl
def newslint_reporters():
    return {"json": report}
