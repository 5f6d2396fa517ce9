"""A per-page result cache keyed by file content and configuration (like ruff's).

An unchanged page checked with the same configuration, options, rules and newslint code is not
re-analysed: its per-page findings and collected data are read back.  The corpus phase always runs (it
depends on all pages together) but reads only the collected data, so it needs no analysis either.

The key covers: the page's path and content hash, the configuration file's bytes, the command-line
options that change results, the set of plugins with their code's size and modification time.  Entries
are JSON documents written atomically; a corrupt, unreadable or ill-formed entry is a miss, never an error.

Trust model (the cache directory may sit in a shared or planted place): entries are plain data — JSON of
strings, numbers, lists, tables and the dataclasses of newslint and of the loaded plugins, rebuilt by
field name after a schema check — never pickles, so an entry can at worst be a wrong result, never code.
A cache directory that does not belong to the user running newslint, or that others can write to, is not
used at all (one line on stderr says so).  A new cache directory is created owner-only (0700) with a
``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, as ruff does, so it never shows up in ``git status``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Callable, Dict, Iterator, List, Optional, Tuple

from . import __version__
from .finding import Finding, Fix, Location
from .page import Page

# options that change only how results are shown or written, not what they are
PRESENTATION = {"format", "output", "fix", "color", "show_all", "jobs", "no_cache", "paths", "func",
                "statistics", "fail_on", "command", "config", "baseline", "update_baseline",
                "report_unused_disables", "explain_date", "lang", "quiet", "exit_zero", "diff", "force_exclude"}


def default_dir(config) -> Path:
    if config.get("cache-dir"):
        return config.resolve(config.get("cache-dir"))
    if config.path is not None:
        return config.root / ".newslint_cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _code_fingerprint(pm) -> str:
    h = hashlib.sha256(__version__.encode())
    mods = set()
    for plugin in pm.get_plugins():
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        mods.add(name)
    pkg_dir = Path(__file__).resolve().parent
    files = sorted(str(p) for p in pkg_dir.rglob("*.py"))
    files += sorted(str(p) for p in pkg_dir.rglob("*.toml"))
    for m in sorted(mods):
        mod = sys.modules.get(m)
        f = getattr(mod, "__file__", None)
        if f and not f.startswith(str(pkg_dir)):
            files.append(f)
        h.update(m.encode())
    from .packs import pack_dir

    files += sorted(str(p) for p in pack_dir().glob("*.toml"))
    for f in files:
        try:
            st = os.stat(f)
            h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f.encode())
    return h.hexdigest()


def _run_key(ctx) -> str:
    h = hashlib.sha256()
    h.update(_code_fingerprint(ctx.pm).encode())
    cfg = ctx.config
    if cfg.path is not None:
        try:
            h.update(Path(cfg.path).read_bytes())
        except OSError:
            pass
        for p in cfg.get("packs", []) + cfg.get("roster", []):
            try:
                h.update(cfg.resolve(p).read_bytes())
            except OSError:
                pass
    h.update(repr(sorted(ctx.selected)).encode())
    args = vars(ctx.args) if ctx.args is not None else {}
    h.update(repr(sorted((k, repr(v)) for k, v in args.items() if k not in PRESENTATION)).encode())
    return h.hexdigest()


SCHEMA = 1
_TAG = "\u0000t"  # the key of a tagged value: {"\u0000t": kind, ...}; no real table uses it


class CacheFormatError(ValueError):
    pass


def _allowed_module(name: str) -> bool:
    """Dataclasses are rebuilt only from newslint's modules and from plugins already loaded."""
    return name == "newslint" or name.startswith("newslint.") or name in _plugin_modules


_plugin_modules: set = set()


def encode_value(v: Any) -> Any:
    """Plain JSON-able data for ``v``; raise :class:`CacheFormatError` for anything else."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return [encode_value(x) for x in v]
    if isinstance(v, tuple):
        return {_TAG: "tuple", "v": [encode_value(x) for x in v]}
    if isinstance(v, (set, frozenset)):
        items = [encode_value(x) for x in v]
        items.sort(key=lambda x: json.dumps(x, sort_keys=True))
        return {_TAG: "frozenset" if isinstance(v, frozenset) else "set", "v": items}
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v) and _TAG not in v:
            return {k: encode_value(x) for k, x in v.items()}
        return {_TAG: "dict", "v": [[encode_value(k), encode_value(x)] for k, x in v.items()]}
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        cls = type(v)
        if not _allowed_module(cls.__module__):
            raise CacheFormatError(f"{cls.__module__}.{cls.__qualname__}")
        return {_TAG: "dc", "c": f"{cls.__module__}:{cls.__qualname__}",
                "f": {f.name: encode_value(getattr(v, f.name)) for f in dataclasses.fields(v)}}
    mod = type(v).__module__
    if mod == "numpy" and type(v).__name__ == "ndarray" and v.dtype.kind in "biuf":
        return {_TAG: "nd", "d": v.dtype.str, "s": list(v.shape), "v": v.ravel().tolist()}
    if mod == "datetime" and type(v).__name__ == "date":
        return {_TAG: "date", "v": v.isoformat()}
    raise CacheFormatError(type(v).__qualname__)


def decode_value(v: Any) -> Any:
    if isinstance(v, list):
        return [decode_value(x) for x in v]
    if not isinstance(v, dict):
        return v
    kind = v.get(_TAG)
    if kind is None:
        return {k: decode_value(x) for k, x in v.items()}
    if kind == "tuple":
        return tuple(decode_value(x) for x in _list(v["v"]))
    if kind == "set":
        return {decode_value(x) for x in _list(v["v"])}
    if kind == "frozenset":
        return frozenset(decode_value(x) for x in _list(v["v"]))
    if kind == "dict":
        return {decode_value(k): decode_value(x) for k, x in _list(v["v"])}
    if kind == "dc":
        return _rebuild(v["c"], v["f"])
    if kind == "nd":
        import numpy as np

        dt = np.dtype(v["d"])
        if dt.kind not in "biuf":
            raise CacheFormatError(v["d"])
        return np.asarray(_list(v["v"]), dtype=dt).reshape([int(n) for n in _list(v["s"])])
    if kind == "date":
        import datetime

        return datetime.date.fromisoformat(v["v"])
    raise CacheFormatError(repr(kind))


def _list(v: Any) -> list:
    if not isinstance(v, list):
        raise CacheFormatError("expected a list")
    return v


def _rebuild(ref: Any, fields: Any) -> Any:
    """An instance of an allowed dataclass, set field by field (no other code of the class runs)."""
    if not isinstance(ref, str) or ":" not in ref or not isinstance(fields, dict):
        raise CacheFormatError("bad dataclass entry")
    mod_name, qualname = ref.split(":", 1)
    mod = sys.modules.get(mod_name)  # never import anything on behalf of a cache entry
    if mod is None or not _allowed_module(mod_name):
        raise CacheFormatError(ref)
    cls: Any = mod
    for part in qualname.split("."):
        cls = getattr(cls, part, None)
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise CacheFormatError(ref)
    names = {f.name for f in dataclasses.fields(cls)}
    if set(fields) != names:
        raise CacheFormatError(f"{ref}: fields differ")
    obj = object.__new__(cls)
    for k, x in fields.items():
        object.__setattr__(obj, k, decode_value(x))
    return obj


def _check_entry(value: Any) -> Tuple[List[Finding], Dict[str, Any]]:
    """The schema of an entry: a list of findings (with their locations and fixes) and a table."""
    if not (isinstance(value, tuple) and len(value) == 2):
        raise CacheFormatError("entry")
    findings, data = value
    if not isinstance(findings, list) or not isinstance(data, dict):
        raise CacheFormatError("entry")
    for f in findings:
        if not isinstance(f, Finding) or not isinstance(f.location, Location):
            raise CacheFormatError("finding")
        if not all(isinstance(getattr(f, a), str) for a in ("rule", "category", "severity", "message", "key")):
            raise CacheFormatError("finding")
        if f.fix is not None and not (isinstance(f.fix, Fix) and isinstance(f.fix.start, int)
                                      and isinstance(f.fix.end, int) and isinstance(f.fix.replacement, str)
                                      and f.fix.applicability in ("safe", "unsafe")):
            raise CacheFormatError("fix")
        if not isinstance(f.related, list) or not all(isinstance(r, Location) for r in f.related):
            raise CacheFormatError("related")
        loc = f.location
        if not all(isinstance(getattr(loc, a), int) for a in ("line", "column", "end_line", "end_column", "start", "end")):
            raise CacheFormatError("location")
    return findings, data


def unsafe_reason(directory: Path) -> Optional[str]:
    """Why ``directory`` must not be used as a cache (None when it is fine or does not exist yet)."""
    try:
        st = os.lstat(directory)
    except FileNotFoundError:
        return None
    except OSError as e:
        return f"cannot be read ({e.strerror or e})"
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return "belongs to another user"
    from .config import others_can_write

    if others_can_write(st):
        return "can be written by other users"
    return None


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` only when the ``with`` block completes: written to a temporary
    file beside it, then ``os.replace``d, so no reader ever sees half a file; on any error the temporary file
    is removed and the error raised.  (What ``--fix`` writes has more to keep — permissions, owner, a check
    that the file did not change meanwhile: :mod:`newslint.fixing`.)"""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # (the temporary file never becomes the file)
            os.unlink(tmp)
        raise


def private_dir(directory: Path) -> Optional[Path]:
    """``directory`` for newslint's own data caches (jieba's dictionary, pinyin readings): created
    owner-only when missing; None when it exists but belongs to another user or others can write to it
    (then nothing is read from it — a planted file there would be trusted)."""
    try:
        if not os.path.lexists(directory):
            os.makedirs(directory, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return None if unsafe_reason(Path(directory)) else Path(directory)


def _prepare(directory: Path) -> None:
    """Create the cache directory owner-only, with a .gitignore and a CACHEDIR.TAG (added to a directory
    an older newslint created without them)."""
    if not directory.is_dir():
        directory.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(directory, 0o700)
    if (directory / ".gitignore").exists():
        return
    (directory / ".gitignore").write_text("# Automatically created by newslint.\n*\n", encoding="utf-8")
    (directory / "CACHEDIR.TAG").write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by newslint.\n", encoding="utf-8")


class PageCache:
    def __init__(self, directory: Path, ctx, warn=None):
        self.dir = Path(directory)
        self.run_key = _run_key(ctx)
        self.hits = 0
        self.misses = 0
        for plugin in ctx.pm.get_plugins():
            name = getattr(plugin, "__name__", None) or type(plugin).__module__
            if name:
                _plugin_modules.add(name.split(".")[0])
                _plugin_modules.add(name)
        self._prepared = False
        reason = unsafe_reason(self.dir)
        self.usable = reason is None
        if reason is not None:
            msg = f"newslint: 缓存目录 {self.dir} {_REASONS_ZH.get(reason, reason)}，本次不读也不写缓存"
            (warn or (lambda m: print(m, file=sys.stderr)))(msg)

    def _file(self, page: Page) -> Optional[Path]:
        digest = page.meta.get("sha256")
        if not self.usable or not digest or page.meta.get("stdin"):
            return None
        k = hashlib.sha256(f"{self.run_key}\0{page.path}\0{page.archive}\0{digest}".encode()).hexdigest()
        return self.dir / k[:2] / f"{k}.json"

    def get(self, page: Page) -> Optional[Tuple[List[Finding], Dict[str, Any]]]:
        f = self._file(page)
        if f is None:
            return None
        try:
            with open(f, "rb") as fh:
                doc = json.loads(fh.read().decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or doc.get("key") != f.stem:
                raise CacheFormatError("header")
            value = _check_entry(decode_value(doc.get("entry")))
            self.hits += 1
            return value
        except Exception:
            self.misses += 1
            return None

    def put(self, page: Page, value: Tuple[List[Finding], Dict[str, Any]]) -> None:
        f = self._file(page)
        if f is None or "newslint.errors" in value[1]:  # a page a plugin failed on is checked again next time
            return
        try:
            data = json.dumps({"schema": SCHEMA, "key": f.stem, "entry": encode_value(tuple(value))},
                              ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (CacheFormatError, ValueError, TypeError):
            return  # data a plugin collected that is not plain data: this page is simply not cached
        try:
            if not self._prepared:
                _prepare(self.dir)
                self._prepared = True
            f.parent.mkdir(mode=0o700, exist_ok=True)
            with atomic_file(f) as fh:
                fh.write(data)
        except Exception:  # a cache that cannot be written is no cache, not an error
            pass


_REASONS_ZH = {"is a symbolic link": "是符号链接", "is not a directory": "不是目录",
               "belongs to another user": "属于其他用户", "can be written by other users": "其他用户可写"}


def cached_phase(cache: PageCache, inner: Callable[[List[Page]], List[Tuple[List[Finding], Dict[str, Any]]]]):
    """Wrap a page phase so cached pages are read back and only the others are analysed."""

    def phase(pages: List[Page]):
        results: List[Optional[Tuple[List[Finding], Dict[str, Any]]]] = [cache.get(p) for p in pages]
        todo = [i for i, r in enumerate(results) if r is None]
        if todo:
            fresh = inner([pages[i] for i in todo])
            for i, r in zip(todo, fresh):
                results[i] = r
                cache.put(pages[i], r)
        return results  # type: ignore[return-value]

    return phase
