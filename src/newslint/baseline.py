"""Baselines: record today's findings, then fail only on new ones.

``newslint baseline PATH... [-o FILE]`` writes every current finding (default ``.newslint-baseline.json``,
or the ``baseline`` key of the configuration).  ``newslint check --baseline FILE`` (or the ``baseline`` key)
reports and fails only on findings that are not in it and says how many of its entries no longer occur;
``--update-baseline`` then removes those entries (it never adds new findings: accepting new findings
is a deliberate ``newslint baseline`` run, reviewed like any other change).

Matching uses the findings' fingerprints (see :func:`newslint.finding.assign_fingerprints`: rule, file
name, normalised text, rank among identical findings), never line numbers, so unrelated edits keep
matching.  The baseline is a multiset: two identical defects need two entries.  An entry matches a
finding of the same path first, then — for a moved directory — of any path with the same fingerprint.
Paths are stored relative to the baseline file, with forward slashes, so the file can be committed.
"""
from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import __version__, hookimpl
from .config import ConfigError

DEFAULT_FILE = ".newslint-baseline.json"
FORMAT_VERSION = 1


def _rel(path: str, base: Path) -> str:
    if path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:
        rel = os.path.abspath(path)
    return PurePosixPath(*Path(rel).parts).as_posix()


def entry(f, base: Path) -> Dict[str, Any]:
    return {"fingerprint": f.fingerprint, "path": _rel(f.location.path, base), "rule": f.rule,
            "line": f.location.line, "message": f.message}


def _sorted(entries: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return sorted(entries, key=lambda e: (e.get("path", ""), e.get("line", 0), e.get("rule", ""),
                                          e.get("fingerprint", "")))


def write(path: str, entries: List[Dict[str, Any]], inputs: Iterable[str] = ()) -> None:
    from .fixing import write_new

    doc = {"version": FORMAT_VERSION, "tool": f"newslint {__version__}",
           "note": "newslint baseline: known findings that `newslint check --baseline` does not report. "
                   "Regenerate with `newslint baseline`, prune with `newslint check --update-baseline`.",
           "findings": _sorted(entries)}
    data = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    write_new(path, data.encode("utf-8"), inputs=inputs)


def load(path: str) -> List[Dict[str, Any]]:
    try:
        with open(path, "rb") as fh:
            doc = json.loads(fh.read().decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (create it with `newslint baseline PATH... -o {path}`)") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ConfigError(f"{path}: cannot read baseline ({e})") from None
    except RecursionError:
        raise ConfigError(f"{path}: cannot read baseline (nested too deeply)") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise ConfigError(f"{path}: not a newslint baseline (no \"findings\" list)")
    if doc.get("version") != FORMAT_VERSION:
        raise ConfigError(f"{path}: baseline format version {doc.get('version')!r} is not supported "
                          f"(expected {FORMAT_VERSION}); regenerate it with `newslint baseline`")
    out = []
    for i, e in enumerate(doc["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not isinstance(e.get("path"), str):
            raise ConfigError(f"{path}: findings[{i}] needs a \"fingerprint\" and a \"path\"")
        for key, kind, default in (("line", int, 0), ("rule", str, ""), ("message", str, "")):
            if key in e and (not isinstance(e[key], kind) or isinstance(e[key], bool)):
                raise ConfigError(f"{path}: findings[{i}].{key} must be {'a line number' if kind is int else 'a string'}, "
                                  f"not {json.dumps(e[key], ensure_ascii=False)[:40]}")
        out.append(e)
    return out


def match(findings, entries: List[Dict[str, Any]], base: Path) -> Tuple[list, Dict[int, int]]:
    """Split off the new findings; return them and ``{finding index: entry index}`` for the known ones."""
    by_fp_path: Dict[Tuple[str, str], List[int]] = defaultdict(list)
    by_fp: Dict[str, List[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        by_fp_path[(e["fingerprint"], e["path"])].append(i)
        by_fp[e["fingerprint"]].append(i)
    taken = [False] * len(entries)
    matched: Dict[int, int] = {}
    pending = []
    for n, f in enumerate(findings):  # first pass: same path
        for i in by_fp_path.get((f.fingerprint, _rel(f.location.path, base)), ()):
            if not taken[i]:
                taken[i] = True
                matched[n] = i
                break
        else:
            pending.append(n)
    for n in pending:  # second pass: the directory moved
        for i in by_fp.get(findings[n].fingerprint, ()):
            if not taken[i]:
                taken[i] = True
                matched[n] = i
                break
    return [f for n, f in enumerate(findings) if n not in matched], matched


def baseline_path(ctx, args) -> Optional[str]:
    p = getattr(args, "baseline", None)
    if p:
        return p
    configured = ctx.config.get("baseline")
    if configured and getattr(args, "command", None) == "check":
        return str(ctx.config.resolve(configured))
    return None


def apply(result, ctx, args, stream=None) -> Optional[Dict[str, Any]]:
    """Called by ``newslint check``: keep only new findings in ``result`` and report on the baseline."""
    path = baseline_path(ctx, args)
    update = bool(getattr(args, "update_baseline", False))
    if path is None:
        if update:
            raise ConfigError("--update-baseline needs --baseline FILE (or the baseline key in the configuration)")
        return None
    stream = stream or sys.stderr
    base = Path(os.path.abspath(path)).parent
    entries = load(path)
    findings = list(result.findings)
    new, matched = match(findings, entries, base)
    checked = {_rel(p.path, base) for p in result.pages}
    checked_names = {PurePosixPath(c).name for c in checked}
    used = set(matched.values())
    stale = {i for i, e in enumerate(entries) if i not in used and (
        e["path"] in checked or PurePosixPath(e["path"]).name in checked_names)}
    result.findings[:] = new
    info = {"path": path, "known": len(matched), "new": len(new), "absent": len(stale)}
    msg = f"newslint: 基线 {path}：{len(matched)} 个已知问题未列出，{len(new)} 个新问题"
    if update:
        finding_of = {i: findings[n] for n, i in matched.items()}
        # kept entries; those that matched a finding follow it (new line, new path after a move)
        kept = [entry(finding_of[i], base) if i in finding_of else e
                for i, e in enumerate(entries) if i not in stale]
        from .app import checked_files

        write(path, kept, inputs=checked_files(result))
        info["removed"] = len(stale)
        msg += f"；已从基线删去 {len(stale)} 条不再出现的记录"
    elif stale:
        msg += f"；基线中 {len(stale)} 条记录已不再出现（可用 --update-baseline 删去）"
    print(msg + "。", file=stream)
    extra = getattr(result, "extra", None) or {}
    extra["baseline"] = info
    result.extra = extra
    return info


# ---- the `newslint baseline` command ------------------------------------------------------------
@hookimpl
def newslint_add_options(parser):
    parser.add_argument("--baseline", metavar="FILE",
                        help="report and fail only on findings not recorded in FILE (see `newslint baseline`)")
    parser.add_argument("--update-baseline", action="store_true",
                        help="with --baseline: remove the entries that no longer occur from FILE")


def cmd_baseline(pm, args) -> int:
    from .app import run_from_args

    ctx, result = run_from_args(pm, args)
    out = args.output
    if not out:
        configured = ctx.config.get("baseline")
        out = str(ctx.config.resolve(configured)) if configured else DEFAULT_FILE
    base = Path(os.path.abspath(out)).parent
    from .app import print_errors

    print_errors(result.errors)
    from .app import checked_files

    write(out, [entry(f, base) for f in result.findings], inputs=checked_files(result))
    files = len({f.location.path for f in result.findings})
    print(f"newslint: 已写入基线 {out}：{len(result.findings)} 条记录，涉及 {files} 个文件"
          f"（检查了 {len(result.pages)} 个文件）。", file=sys.stderr)
    return 2 if result.errors else 0


@hookimpl
def newslint_add_commands(subparsers):
    from .app import add_run_options

    p = subparsers.add_parser("baseline", help="record today's findings so that `check --baseline` fails only on new ones")
    add_run_options(p)
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"where to write the baseline (default: the baseline key of the configuration, else {DEFAULT_FILE})")
    p.set_defaults(func=cmd_baseline)
