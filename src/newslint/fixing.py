"""Applying fixes safely.

Fixes are spans of the analysed text; they are mapped back into the file's own text (CRLF kept),
applied from the end so offsets stay valid, encoded in the file's own encoding (BOM kept), and written
atomically: a temporary file in the same directory, the original permissions, then ``os.replace``.
A file whose bytes changed since it was read is left alone.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from typing import Iterable, List, Optional, Tuple

from .finding import Finding, Fix
from .page import Page

_BOM_BYTES = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
              "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}


class FixError(Exception):
    pass


def non_overlapping(fixes: Iterable[Fix]) -> List[Fix]:
    """Fixes sorted by position, dropping any that overlaps one kept before it."""
    out: List[Fix] = []
    last_end = -1
    for f in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        if f.start >= last_end or (f.start == f.end == last_end and not out):
            out.append(f)
            last_end = max(last_end, f.end)
    return out


def apply_to_text(page: Page, fixes: Iterable[Fix]) -> Tuple[str, int]:
    """The file's own text with the fixes applied, and how many were applied."""
    text = page.file_text
    chosen = non_overlapping(fixes)
    parts: List[str] = []
    pos = 0
    for f in chosen:
        a, b = page.original_offset(f.start), page.original_offset(f.end)
        parts.append(text[pos:a])
        parts.append(f.replacement)
        pos = b
    parts.append(text[pos:])
    return "".join(parts), len(chosen)


def encode(page: Page, text: str) -> bytes:
    enc = page.encoding
    data = text.encode(enc)
    if page.bom:
        data = _BOM_BYTES.get(enc, b"") + data
    return data


def write_atomic(path: str, data: bytes, expect: Optional[str] = None) -> None:
    """Replace ``path`` by ``data`` atomically, keeping its permissions; if ``expect`` (the SHA-256 of
    the bytes that were read) is given and the file changed since, raise :class:`FixError`."""
    real = os.path.realpath(path)
    directory = os.path.dirname(real) or "."
    try:
        st = os.stat(real)
    except OSError as e:
        raise FixError(f"{path}: cannot stat ({e.strerror or e})") from None
    if expect is not None:
        try:
            with open(real, "rb") as fh:
                now = fh.read()
        except OSError as e:
            raise FixError(f"{path}: cannot re-read before writing ({e.strerror or e})") from None
        if hashlib.sha256(now).hexdigest() != expect:
            raise FixError(f"{path}: changed on disk while being checked; not fixed")
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_new(path: str, data: bytes) -> None:
    """Write a report file atomically (a temporary file then a rename): never a half-written report."""
    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        mode = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fix_page(page: Page, findings: Iterable[Finding], original: Optional[str]) -> int:
    """Apply the fixes of ``findings`` that belong to ``page``; return the number applied."""
    fixes = [f.fix for f in findings if f.fix is not None and f.location.path == page.path]
    if not fixes:
        return 0
    text, n = apply_to_text(page, fixes)
    if n:
        write_atomic(page.path, encode(page, text), expect=original)
    return n
