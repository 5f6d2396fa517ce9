"""Applying fixes safely.

Fixes are spans of the analysed text; they are mapped back into the file's own text (CRLF kept),
applied from the end so offsets stay valid, encoded in the file's own encoding (BOM kept), and written
atomically: a temporary file in the same directory, the original permissions, then ``os.replace``.
A file whose bytes changed since it was read is left alone.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from typing import Callable, Iterable, List, Optional, Tuple

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


def _same_bytes(path: str, expect: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest() == expect
    except OSError:
        return False


def write_atomic(path: str, data: bytes, expect: Optional[str] = None) -> None:
    """Replace ``path`` by ``data`` atomically, keeping its permissions, owner and group; if ``expect``
    (the SHA-256 of the bytes that were read) is given and the file changed since, raise :class:`FixError`.

    Refused (a :class:`FixError`, the file untouched): a symbolic link (its target may lie outside the
    checked tree — fix the target itself), a file with other hard links (a rename would split them), a
    read-only file, and a file whose owner or group cannot be kept.  The "changed on disk?" check is made
    again immediately before the rename, after the new text is written and synced."""
    try:
        lst = os.lstat(path)
    except OSError as e:
        raise FixError(f"{path}: cannot stat ({e.strerror or e})") from None
    if stat.S_ISLNK(lst.st_mode):
        raise FixError(f"{path}: is a symbolic link to {os.path.realpath(path)}; not fixed (fix the target itself)")
    if not stat.S_ISREG(lst.st_mode):
        raise FixError(f"{path}: not a regular file; not fixed")
    if lst.st_nlink > 1:
        raise FixError(f"{path}: has {lst.st_nlink - 1} other hard link(s); not fixed (a rewrite would split them)")
    if not lst.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise FixError(f"{path}: read-only; not fixed")
    if expect is not None and not _same_bytes(path, expect):
        raise FixError(f"{path}: changed on disk while being checked; not fixed")
    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tst = os.stat(tmp)
        if (tst.st_uid, tst.st_gid) != (lst.st_uid, lst.st_gid):
            try:
                os.chown(tmp, lst.st_uid, lst.st_gid)
            except OSError:
                raise FixError(f"{path}: its owner or group could not be kept; not fixed") from None
        os.chmod(tmp, stat.S_IMODE(lst.st_mode))
        now = os.lstat(path)
        if (now.st_ino, now.st_size, now.st_mtime_ns) != (lst.st_ino, lst.st_size, lst.st_mtime_ns) or (
                expect is not None and not _same_bytes(path, expect)):
            raise FixError(f"{path}: changed on disk while being fixed; not fixed")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # (the temporary file never becomes the file)
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_new(path: str, data: bytes, inputs: Iterable[str] = ()) -> None:
    """Write a report or baseline file: atomically (a temporary file then a rename, never a half-written
    report) over a regular file or a new one, created with the umask's permissions, an existing file's
    permissions, owner and group kept; through a symbolic link to its target; straight into a character
    device or FIFO (``-o /dev/null``, ``-o /dev/stdout``), never replacing it.  Refused with an
    :class:`OSError`: a directory or other special file, and any of the checked files ``inputs``."""
    real = os.path.realpath(path)
    try:
        st: Optional[os.stat_result] = os.stat(real)
    except FileNotFoundError:
        st = None
    if st is not None:
        for inp in inputs:
            try:
                ist = os.stat(inp)
            except OSError:
                continue
            if (ist.st_dev, ist.st_ino) == (st.st_dev, st.st_ino):
                raise OSError(errno.EINVAL, "is one of the checked files; the report is not written over it", path)
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            with open(real, "wb") as fh:
                fh.write(data)
            return
        if stat.S_ISDIR(st.st_mode):
            raise OSError(errno.EISDIR, "is a directory", path)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "is not a regular file; the report is not written", path)
    directory = os.path.dirname(real) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    except OSError as e:
        raise OSError(e.errno, f"cannot write ({e.strerror or e})", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.stat(tmp).st_uid, os.stat(tmp).st_gid):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # a file of another user we may write to: it becomes ours, as with any editor
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, real)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError) and not isinstance(e, FixError):
            raise OSError(e.errno, f"cannot write ({e.strerror or e})", path) from None
        raise


MAX_FIX_PASSES = 8


def fix_to_fixpoint(page: Page, fixes: Iterable[Fix], recheck: Optional[Callable[[Page], List[Fix]]] = None
                    ) -> Tuple[str, int]:
    """The file's text with ``fixes`` applied and then, while ``recheck`` (the fixes the run would find in
    the fixed text) finds more, those too — so one ``--fix`` leaves nothing a second one would change
    (``：:`` → ``：：`` → ``：``).  At most :data:`MAX_FIX_PASSES` passes; returns the text and the count."""
    text, total = apply_to_text(page, fixes)
    if recheck is None or not total:
        return text, total
    for _ in range(MAX_FIX_PASSES):
        again = Page.from_text(page.path, text, encoding=page.encoding, bom=page.bom, index=page.index)
        more = recheck(again)
        if not more:
            break
        new_text, n = apply_to_text(again, more)
        if not n or new_text == text:
            break
        text, total = new_text, total + n
    return text, total


def fix_page(page: Page, findings: Iterable[Finding], original: Optional[str],
             recheck: Optional[Callable[[Page], List[Fix]]] = None) -> int:
    """Apply the fixes of ``findings`` that belong to ``page`` (then those ``recheck`` finds in the fixed
    text, see :func:`fix_to_fixpoint`); return the number applied."""
    fixes = [f.fix for f in findings if f.fix is not None and f.location.path == page.path]
    if not fixes:
        return 0
    text, n = fix_to_fixpoint(page, fixes, recheck)
    if n:
        write_atomic(page.path, encode(page, text), expect=original)
    return n
