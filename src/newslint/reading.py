"""Reading input: finding files, detecting their encoding, turning bytes into pages.

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; otherwise strict UTF-8; otherwise
strict GB18030 (a superset of GBK and GB2312, the encodings newsrooms' older systems write) when the
result reads as text — unless the bytes are Big5 (Traditional Chinese), which GB18030 would silently turn
into nonsense: bytes that decode strictly as Big5 too are given to charset-normalizer, and a file it calls
Big5 is refused with a message saying so.  Anything else — NUL bytes, control characters, undecodable bytes — is an
:class:`InputError` naming the file, and the rest of the run goes on.
"""
from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple

from .page import Page

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
WALKED_SUFFIXES = TEXT_SUFFIXES + (".docx",)  # what a directory walk picks up (Word documents too)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A file that cannot be read as text; the message names the file and says why."""


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    if not sample:
        return False
    return len(_CONTROL_RE.findall(sample)) / len(sample) > 0.01


# control characters that are not layout (\t \n \v \f \r) nor an escape (\x1b), and C1 controls
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x80-\x9f]")


def decode(data: bytes, name: str) -> Tuple[str, str, bool]:
    """Return ``(text, encoding, had_bom)`` or raise :class:`InputError`."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: not valid {enc.upper()} after its byte-order mark (byte {e.start + len(bom)})") from None
            if _looks_binary(text):
                raise InputError(f"{name}: binary content, not text")
            return text, enc, True
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary content, not text (NUL bytes; UTF-16 needs a byte-order mark)")
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            enc = "gb18030"
        except UnicodeDecodeError:
            raise InputError(
                f"{name}: cannot decode as UTF-8 (byte {utf8_error.start}) or GB18030/GBK; "
                "convert it to UTF-8") from None
        if looks_big5(data):
            raise InputError(f"{name}: looks like Big5 (Traditional Chinese), not UTF-8 or GB18030/GBK; "
                             "convert it to UTF-8 (iconv -f BIG5 -t UTF-8)")
    if _looks_binary(text):
        raise InputError(f"{name}: binary content, not text")
    return text, enc, False


BIG5_MIN_BYTES = 8  # below four double-byte characters, GBK and Big5 cannot be told apart


def looks_big5(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are Big5 rather than GBK.  Most GBK text is not valid Big5 at all
    (a cheap strict decode rules it out); for the rest charset-normalizer's language model decides.
    Measured on sentences of government reports encoded both ways: no GBK text of 8 characters or more
    taken for Big5, and 91 % (8 characters) to 99 % (32 or more) of Big5 text recognised."""
    if sum(1 for b in data[:4096] if b >= 0x80) < BIG5_MIN_BYTES:
        return False
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return False
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best is not None and best.encoding in ("big5", "cp950", "big5hkscs")


DEFAULT_MAX_FILE_MB = 16  # one page of a newspaper is tens of kilobytes; a year of them is about 10 MB


def too_large(name: str, size: int, max_mb: float) -> InputError:
    return InputError(f"{name}: {size / 1e6:.0f} MB is more than the {max_mb:g} MB that newslint checks as one page "
                      "(split it into pages, or raise max-file-size)")


def read_page(path: str, display: Optional[str] = None, data: Optional[bytes] = None, index: int = 0,
              max_mb: float = DEFAULT_MAX_FILE_MB) -> Page:
    """Read and decode one file.  A file larger than ``max_mb`` is refused before it is read: all of a
    page's analyses are held at once, so memory stays bounded (about 35 MB per MB of text)."""
    name = display or path
    from . import wordfile

    legacy = wordfile.legacy_message(name)
    if legacy:
        raise InputError(legacy)
    limit = int(max_mb * 1e6)
    if data is not None and len(data) > limit:
        raise too_large(name, len(data), max_mb)
    if data is None:
        try:
            size = os.stat(path).st_size
            if size > limit:
                raise too_large(name, size, max_mb)
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
            if len(data) > limit:  # grew while we looked
                raise too_large(name, len(data), max_mb)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if name.lower().endswith(wordfile.DOCX_SUFFIX):
        if path == "-":
            raise InputError(f"{name}: a Word document is not read from stdin; name the file instead")
        try:
            page: Page = wordfile.read_docx(data, name, index=index)
        except wordfile.DocxError as e:
            raise InputError(str(e)) from None
    else:
        text, enc, bom = decode(data, name)
        page = Page.from_text(name, text, encoding=enc, bom=bom, index=index)
    page.meta["sha256"] = hashlib.sha256(data).hexdigest()
    if path == "-":
        page.meta["stdin"] = True
    return page


# Never walked into (as ruff): hidden entries (.git, .venv…) are skipped anyway.  `exclude` replaces this list.
DEFAULT_EXCLUDE = ("node_modules", "venv", "__pypackages__", "_build", "buck-out", "dist")
GLOB_CHARS = "*?["


class PathFilter:
    """Which paths a walk leaves out: the ``exclude`` patterns (gitignore syntax, relative to ``root``, the
    configuration's directory) and, when ``respect_gitignore``, the ``.gitignore`` files of the walked
    directories and of their parents up to the repository root (and ``.git/info/exclude``).  With
    ``force`` (``--force-exclude``) files named directly are filtered too, as pre-commit needs."""

    def __init__(self, root: Optional[str] = None, exclude: Iterable[str] = DEFAULT_EXCLUDE,
                 respect_gitignore: bool = True, force: bool = False):
        self.root = os.path.abspath(root or os.getcwd())
        self._exclude_lines = list(exclude)
        self._exclude = None  # compiled on first use: a run over files named directly never needs it
        self.respect_gitignore = respect_gitignore
        self.force = force
        self.forced_out = 0  # files named directly and left out because of force
        self._specs: dict = {}  # directory -> its .gitignore spec (or None)
        self._git_roots: dict = {}

    def _spec(self, directory: str):
        if directory not in self._specs:
            import pathspec

            lines: List[str] = []
            for f in (os.path.join(directory, ".gitignore"), os.path.join(directory, ".git", "info", "exclude")):
                try:
                    with open(f, encoding="utf-8", errors="replace") as fh:
                        lines += fh.read().splitlines()
                except OSError:
                    continue
            self._specs[directory] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[directory]

    @property
    def exclude(self):
        if self._exclude is None:
            import pathspec

            self._exclude = pathspec.GitIgnoreSpec.from_lines(self._exclude_lines)
        return self._exclude

    def _git_root(self, directory: str) -> Optional[str]:
        if directory not in self._git_roots:
            root = None
            for d in (directory, *Path(directory).parents):
                if os.path.exists(os.path.join(d, ".git")):
                    root = str(d)
                    break
            self._git_roots[directory] = root
        return self._git_roots[directory]

    def excluded(self, path: str, is_dir: bool, top: Optional[str] = None) -> bool:
        """Whether ``path`` is left out; ``top`` is the directory the walk started from (its .gitignore
        files count even outside a repository)."""
        a = os.path.abspath(path)
        suffix = "/" if is_dir else ""
        rel = os.path.relpath(a, self.root)
        if rel.startswith(".."):
            rel = os.path.basename(a)  # outside the configuration's tree: patterns match the name only
        if self.exclude.match_file(rel.replace(os.sep, "/") + suffix):
            return True
        if not self.respect_gitignore:
            return False
        parent = os.path.dirname(a)
        stop = self._git_root(parent) or (os.path.abspath(top) if top else parent)
        # deepest .gitignore first: the first one with a matching pattern decides (negations included)
        d = parent
        while True:
            spec = self._spec(d)
            if spec is not None:
                res = spec.check_file(os.path.relpath(a, d).replace(os.sep, "/") + suffix)
                if res.include is not None:
                    return bool(res.include)
            if d == stop or os.path.dirname(d) == d or not (d + os.sep).startswith(stop.rstrip(os.sep) + os.sep):
                return False
            d = os.path.dirname(d)


def shown_path(p: str) -> str:
    """A path as it is printed: normalised (``./a.txt`` is ``a.txt``) and, when absolute and under the working
    directory, relative to it (as ruff prints paths)."""
    p = os.path.normpath(p)
    if os.path.isabs(p):
        try:
            rel = os.path.relpath(p)
        except ValueError:  # another drive (Windows)
            return p
        if rel != ".." and not rel.startswith(".." + os.sep):
            return rel
    return p


def _bad_name(path: str) -> Optional[str]:
    """An error for a file name that is not valid UTF-8 (undecodable bytes, surrogate escapes), else None."""
    try:
        path.encode("utf-8")
        return None
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        return f"{shown}: file name is not valid UTF-8, skipped (rename it)"


def expand_paths(paths: Iterable[str], errors: List[str], filters: Optional[PathFilter] = None) -> Iterator[str]:
    """Files named directly, and ``*.txt``/``*.md``/``*.docx`` files under directories, in a stable order, leaving out
    what ``filters`` excludes (by default: .gitignore'd files and :data:`DEFAULT_EXCLUDE`).  Paths are shown
    relative to the working directory when under it, else as given (see :func:`shown_path`).
    A file reached twice (named twice, or through a link) is checked once; symlink loops, broken links
    and file names that are not UTF-8 are reported in ``errors`` and skipped."""
    seen_files: set = set()
    for f in _expand(paths, errors, filters if filters is not None else PathFilter()):
        if f != "-":
            bad = _bad_name(f)
            if bad:
                errors.append(bad)
                continue
            try:
                st = os.stat(f)
                ident = (st.st_dev, st.st_ino)
            except OSError:
                ident = None
            if ident is not None:
                if ident in seen_files:
                    continue
                seen_files.add(ident)
        yield f


def _expand(paths: Iterable[str], errors: List[str], filters: PathFilter) -> Iterator[str]:
    seen_dirs: set = set()
    for p in paths:
        if p == "-":
            yield p
            continue
        p = shown_path(p)
        if os.path.isdir(p):
            yield from _walk(p, errors, seen_dirs, (), filters, p)
        elif os.path.lexists(p) and not os.path.exists(p):
            errors.append(f"{p}: broken symbolic link")
        elif not os.path.exists(p):
            hint = " (a pattern that matched nothing?)" if any(c in p for c in GLOB_CHARS) else ""
            errors.append(f"{p}: no such file or directory{hint}")
        elif filters.force and filters.excluded(p, False):
            filters.forced_out += 1
        else:
            yield p


def _walk(top: str, errors: List[str], seen_dirs: set, ancestors: Tuple[str, ...], filters: PathFilter,
          start: str) -> Iterator[str]:
    try:
        real = os.path.realpath(top)
    except OSError:
        real = top
    if real in ancestors:  # a link back to a directory being walked: a real loop
        errors.append(f"{top}: symbolic link loop, skipped")
        return
    if real in seen_dirs:  # the same directory reached again by another way: its files are checked once
        return
    seen_dirs.add(real)
    ancestors = ancestors + (real,)
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as e:
        errors.append(f"{top}: cannot list directory ({e.strerror or e})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = entry.name if top == "." else os.path.join(top, entry.name)
        try:
            if entry.is_dir():
                if not filters.excluded(path, True, start):
                    yield from _walk(path, errors, seen_dirs, ancestors, filters, start)
                continue
            is_file = entry.is_file()
        except OSError as e:
            errors.append(f"{path}: {e.strerror or e}")
            continue
        if not entry.name.lower().endswith(WALKED_SUFFIXES) or entry.name.startswith("~$"):
            continue  # (~$story.docx: the lock file Word keeps beside an open document)
        if not is_file:
            if entry.is_symlink() and not os.path.exists(path):
                errors.append(f"{path}: broken symbolic link")
            continue
        if filters.excluded(path, False, start):
            continue
        yield path


def read_stdin(max_mb: float = DEFAULT_MAX_FILE_MB) -> bytes:
    """Standard input, read up to one byte past the limit (so an endless pipe cannot fill memory)."""
    return sys.stdin.buffer.read(int(max_mb * 1e6) + 1)


@functools.lru_cache(maxsize=4096)
def stable_key(path: str) -> str:
    """The part of a path that names a page independently of where its directory sits."""
    return Path(path).name
