"""A per-page result cache keyed by file content and configuration (like ruff's).

An unchanged page checked with the same configuration, options, rules and newslint code is not
re-analysed: its per-page findings and collected data are read back.  The corpus phase always runs (it
depends on all pages together) but reads only the collected data, so it needs no analysis either.

The key covers: the page's path and content hash, the configuration file's bytes, the command-line
options that change results, the set of plugins with their code's size and modification time.  Entries
are pickles written atomically; a corrupt or unreadable entry is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from . import __version__
from .finding import Finding
from .page import Page

# options that change only how results are shown or written, not what they are
PRESENTATION = {"format", "output", "fix", "color", "show_all", "jobs", "no_cache", "paths", "func",
                "statistics", "fail_on", "command", "config", "baseline", "update_baseline",
                "report_unused_disables", "explain_date"}


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


class PageCache:
    def __init__(self, directory: Path, ctx):
        self.dir = Path(directory)
        self.run_key = _run_key(ctx)
        self.hits = 0
        self.misses = 0

    def _file(self, page: Page) -> Optional[Path]:
        digest = page.meta.get("sha256")
        if not digest or page.meta.get("stdin"):
            return None
        k = hashlib.sha256(f"{self.run_key}\0{page.path}\0{page.archive}\0{digest}".encode()).hexdigest()
        return self.dir / k[:2] / f"{k}.pickle"

    def get(self, page: Page) -> Optional[Tuple[List[Finding], Dict[str, Any]]]:
        f = self._file(page)
        if f is None:
            return None
        try:
            with open(f, "rb") as fh:
                value = pickle.load(fh)
            self.hits += 1
            return value
        except Exception:
            self.misses += 1
            return None

    def put(self, page: Page, value: Tuple[List[Finding], Dict[str, Any]]) -> None:
        f = self._file(page)
        if f is None:
            return
        try:
            f.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=f.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, f)
        except Exception:  # a cache that cannot be written is no cache, not an error
            try:
                os.unlink(tmp)  # type: ignore[possibly-undefined]
            except Exception:
                pass


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
