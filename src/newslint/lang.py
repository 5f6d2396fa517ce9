"""One language per output: the tool's own framing (summary line, severities, labels, notes) in Chinese or
English.  Rule messages stay Chinese in both: they are written for the editor.

The language is ``--lang`` when given, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; English only
when the locale clearly says so), else Chinese.
"""
from __future__ import annotations

import os
from typing import Any, Optional

LANGS = ("zh", "en")

_STRINGS = {
    "zh": {
        "error": "错误", "warning": "警告", "info": "提示",
        "related": "相关", "suggestion": "建议",
        "clean": "未发现问题（检查了 {files}）。",
        "found": "共 {problems}（{parts}），检查了 {files}",
        "sep": "，", "end": "。",
        "fixable": "；其中 {n} 处可用 --fix 自动修复",
        "unsafe": "；另有 {n} 处修改建议需人工判断（--fix --unsafe-fixes 才会应用）",
        "summarised": "{path}: … 另有 {n} 处 [{rule}] 同类问题未逐条列出（--show-all 或 --format json 查看全部）",
        "fixed": "{path}: 已修复 {n} 处",
        "fix_cycle": "{path}: 规则 {rules} 的修复互相抵消，这些修复未应用，请人工核对",
        "would_fix": "可修复 {n} 处（{files}）；--fix 应用这些修改",
        "nothing_to_fix": "没有可自动修复的问题",
        "written": "报告（{format}）已写入 {path}",
        "progress": "正在检查 {files} · {secs} 秒",
        "no_pages": "{paths}: 没有可检查的文件（*.txt、*.md、*.markdown、*.text、*.docx）",
        "category": "类别", "severity": "默认级别", "fixable_rule": "可自动修复",
        "bad": "错误示例", "good": "正确示例", "options": "选项",
        "example": "示例", "fires": "会报告", "does_not_fire": "不报告", "example_date": "（页面日期 {date}）",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "related": "related", "suggestion": "suggestion",
        "clean": "No problems found ({files} checked).",
        "found": "Found {problems} ({parts}) in {files} checked",
        "sep": ", ", "end": ".",
        "fixable": "; {n} fixable with --fix",
        "unsafe": "; {n} more suggested edits need judgement (applied only with --fix --unsafe-fixes)",
        "summarised": "{path}: … {n} more [{rule}] findings not listed (--show-all or --format json shows all)",
        "fixed": "{path}: fixed {n}",
        "fix_cycle": "{path}: the fixes of {rules} undo each other; they are not applied, check by hand",
        "would_fix": "{n} fixes in {files} would be applied by --fix",
        "nothing_to_fix": "nothing to fix",
        "written": "report ({format}) written to {path}",
        "progress": "checking {files} · {secs} s",
        "no_pages": "{paths}: no files to check (*.txt, *.md, *.markdown, *.text, *.docx)",
        "category": "category", "severity": "default severity", "fixable_rule": "fixable",
        "bad": "bad example", "good": "good example", "options": "options",
        "example": "example", "fires": "fires", "does_not_fire": "does not fire", "example_date": " (page date {date})",
    },
}


def from_locale(environ: Optional[dict] = None) -> str:
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(var) or "").strip().lower()
        if value:
            return "en" if value.startswith("en") else "zh"
    return "zh"


def resolve(choice: Optional[str] = None) -> str:
    return choice if choice in LANGS else from_locale()


def of(obj: Any) -> str:
    """The language of a run (a context with ``args``) or of parsed arguments: ``--lang``, else the locale."""
    args = obj if hasattr(obj, "lang") else getattr(obj, "args", None)
    return resolve(getattr(args, "lang", None))


_UNITS = {"file": ("个文件", "file", "files"), "problem": ("个问题", "problem", "problems")}


def count(lang: str, n: int, unit: str) -> str:
    """``3 个文件`` / ``3 files``, ``1 file``."""
    zh, one, many = _UNITS[unit]
    if lang == "en":
        return f"{n} {one if n == 1 else many}"
    return f"{n} {zh}"


def severity_counts(lang: str, counts: Any) -> str:
    """``警告 2，错误 1`` / ``2 warnings, 1 error`` for a ``Counter`` of severities, worst first."""
    parts = []
    for k in ("error", "warning", "info"):
        n = counts.get(k, 0)
        if not n:
            continue
        if lang == "en":
            word = k if n == 1 or k == "info" else k + "s"
            parts.append(f"{n} {word}")
        else:
            parts.append(f"{t(lang, k)} {n}")
    return t(lang, "sep").join(parts)


def t(lang: str, key: str, **kw: Any) -> str:
    s = _STRINGS.get(lang, _STRINGS["zh"])[key]
    return s.format(**kw) if kw else s
