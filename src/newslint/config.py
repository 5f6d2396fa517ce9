"""Configuration: ``newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``.

Found by walking up from the first checked path (or the working directory); ``--config`` overrides.
Every key is validated: an unknown key, a wrong type or an unknown rule id is a :class:`ConfigError`
whose message names the file, the line and the key.
"""
from __future__ import annotations

import fnmatch
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Dict, Iterable, List, Optional, Tuple

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

from .finding import CATEGORIES, SEVERITIES


class ConfigError(Exception):
    pass


# key -> (expected type description, validator)
def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_str_table(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(x, str) for x in v.values())


def _is_list_table(v: Any) -> bool:
    return isinstance(v, dict) and all(_is_str_list(x) for x in v.values())


def _is_table_of_tables(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(x, dict) for x in v.values())


def _is_list_of_tables(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, dict) for x in v)


KEYS: Dict[str, Tuple[str, Any]] = {
    "select": ("a list of rule ids or categories", _is_str_list),
    "ignore": ("a list of rule ids or categories", _is_str_list),
    "extend-select": ("a list of rule ids or categories", _is_str_list),
    "preview": ("true or false (also run preview rules)", lambda v: isinstance(v, bool)),
    "severity": ("a table of rule id or category = severity", _is_str_table),
    "fail-on": ("a severity (error, warning or info)", lambda v: v in SEVERITIES),
    "per-path-ignores": ("a table of glob = list of rule ids or categories", _is_list_table),
    "per-file": ("an array of tables [[per-file]]", _is_list_of_tables),
    "packs": ("a list of paths to TOML data packs", _is_str_list),
    "rules": ("a table of rule id = table of options", _is_table_of_tables),
    "archive": ("a path to a directory of earlier pages", lambda v: isinstance(v, str)),
    "roster": ("a list of paths to roster files", _is_str_list),
    "dates": ("a table of glob = date (YYYY-MM-DD)", _is_str_table),
    "baseline": ("a path to a baseline file", lambda v: isinstance(v, str)),
    "cache-dir": ("a path", lambda v: isinstance(v, str)),
    "exclude": ("a list of paths or globs (gitignore syntax)", _is_str_list),
    "extend-exclude": ("a list of paths or globs (gitignore syntax)", _is_str_list),
    "force-exclude": ("true or false", lambda v: isinstance(v, bool)),
    "respect-gitignore": ("true or false", lambda v: isinstance(v, bool)),
    "jobs": ("a positive integer", lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0),
    "max-file-size": ("a finite size in MB greater than 0", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < float("inf")),
}


@dataclass
class Config:
    path: Optional[Path] = None  # the file the settings came from (None: defaults)
    root: Path = field(default_factory=Path.cwd)  # directory relative paths are resolved against
    data: Dict[str, Any] = field(default_factory=dict)
    _text: str = ""
    _table_prefix: str = ""

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def resolve(self, p: str) -> Path:
        q = Path(os.path.expanduser(p))
        return q if q.is_absolute() else self.root / q

    def where(self, key: str) -> str:
        """``file:line`` of a key, for error messages."""
        if self.path is None:
            return "configuration"
        line = find_key_line(self._text, key)
        return f"{self.path}:{line}" if line else str(self.path)

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.where(key)}: {self._table_prefix}{key}: {message}")

    def relpath(self, path: str) -> str:
        """A checked path relative to the config root, with forward slashes, for glob matching."""
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:
            rel = path
        return PurePosixPath(*Path(rel).parts).as_posix()

    def path_matches(self, pattern: str, path: str) -> bool:
        rel = self.relpath(path)
        return (fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(os.path.basename(path), pattern)
                or fnmatch.fnmatchcase(path.replace(os.sep, "/"), pattern))


def find_key_line(text: str, key: str) -> Optional[int]:
    last = key.split(".")[-1]
    pat = regex.compile(r'^\s*(?:\[+\s*)?(?:[\w.-]*\.)?"?' + regex.escape(last) + r'"?\s*[=\]]', regex.M)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def untrusted_reason(path: Path) -> Optional[str]:
    """Why a discovered configuration file must not be used (None: it may be).  A file is trusted when it
    belongs to the user running newslint (or to root), and neither it nor its directory can be written by
    other users (a sticky directory such as /tmp protects the files of their owner)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: no owner bits to check
        return None
    try:
        st = os.stat(path)
        dst = os.stat(path.parent)
    except OSError:
        return None  # load() reports an unreadable file
    me = os.getuid()
    if st.st_uid not in (me, 0):
        return "belongs to another user"
    if others_can_write(st):
        return "can be written by other users"
    if others_can_write(dst) and not dst.st_mode & stat.S_ISVTX:
        return "sits in a directory other users can write to"
    return None


def others_can_write(st: os.stat_result) -> bool:
    """World-writable, or writable by a group other than the user's own (user-private groups, umask 002,
    are the user's alone)."""
    if st.st_mode & stat.S_IWOTH:
        return True
    return bool(st.st_mode & stat.S_IWGRP) and hasattr(os, "getgid") and st.st_gid != os.getgid()


def discover(start_paths: Iterable[str], warnings: Optional[List[str]] = None) -> Optional[Path]:
    """The nearest ``newslint.toml`` (or ``pyproject.toml`` with ``[tool.newslint]``) above a path.

    The walk stops at the root of the repository (a directory holding ``.git``) and at the home directory,
    and skips — with a line in ``warnings`` — a file other users could have planted or changed (see
    :func:`untrusted_reason`).  Directories that cannot be read are passed over."""
    starts = [p for p in start_paths if p != "-"] or [os.getcwd()]
    d = Path(os.path.abspath(starts[0]))
    try:
        if not d.is_dir():
            d = d.parent
    except OSError:
        d = d.parent
    home = Path(os.path.expanduser("~")).resolve() if os.path.expanduser("~") != "~" else None
    for folder in (d, *d.parents):
        found = _config_in(folder, warnings)
        if found is not None:
            return found
        try:
            at_top = (folder / ".git").exists() or (home is not None and folder.resolve() == home)
        except OSError:
            at_top = False
        if at_top:
            break
    return None


def _config_in(folder: Path, warnings: Optional[List[str]]) -> Optional[Path]:
    for name in ("newslint.toml", "pyproject.toml"):
        cand = folder / name
        try:
            if not cand.is_file():
                continue
        except OSError:
            continue
        if name == "pyproject.toml":
            try:
                with open(cand, "rb") as fh:
                    if "newslint" not in tomllib.load(fh).get("tool", {}):
                        continue
            except (OSError, ValueError, RecursionError):
                continue
        reason = untrusted_reason(cand)
        if reason is not None:
            if warnings is not None:
                warnings.append(f"{cand}: configuration not used: it {reason} (name it with --config to use it)")
            continue
        return cand
    return None


def load(path: Optional[Path]) -> Config:
    if path is None:
        return Config()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read configuration ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    prefix = ""
    if path.name == "pyproject.toml":
        doc = doc.get("tool", {}).get("newslint", {})
        prefix = "tool.newslint."
        if not isinstance(doc, dict):
            raise ConfigError(f"{path}: [tool.newslint] must be a table")
    cfg = Config(path=path, root=path.parent, data=doc, _text=text, _table_prefix=prefix)
    validate(cfg)
    return cfg


def validate(cfg: Config) -> None:
    for key, value in cfg.data.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise cfg.error(key, f"unknown key (known keys: {known})")
        desc, ok = KEYS[key]
        if not ok(value):
            raise cfg.error(key, f"must be {desc}, not {value!r}")
    for sel, sev in cfg.get("severity", {}).items():
        if sev not in SEVERITIES:
            raise cfg.error(f"severity.{sel}", f"severity must be one of {', '.join(SEVERITIES)}, not {sev!r}")
    for pattern, value in cfg.get("dates", {}).items():
        if not regex.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise cfg.error("dates", f"date must be YYYY-MM-DD, not {value!r}")


def check_rule_names(cfg: Config, rule_ids: Iterable[str]) -> None:
    """Raise for a selector (in select/ignore/severity/per-path-ignores/rules) naming no rule."""
    ids = set(rule_ids)
    valid = ids | set(CATEGORIES) | {"ALL"}

    def bad(key: str, sel: str) -> ConfigError:
        close = sorted(i for i in ids if sel in i or i in sel)[:3]
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `newslint rules`)"
        return cfg.error(key, f"unknown rule or category {sel!r}{hint}")

    for key in ("select", "ignore", "extend-select"):
        for sel in cfg.get(key, []):
            if sel not in valid:
                raise bad(key, sel)
    for sel in cfg.get("severity", {}):
        if sel not in valid:
            raise bad("severity", sel)
    for sels in cfg.get("per-path-ignores", {}).values():
        for sel in sels:
            if sel not in valid:
                raise bad("per-path-ignores", sel)
    for rid in cfg.get("rules", {}):
        if rid not in ids:
            raise bad("rules", rid)
