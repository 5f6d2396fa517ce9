"""Word documents (``.docx``, through python-docx): reading one as a page, writing a reviewed copy with
one comment per finding, and applying safe fixes run by run.

A document becomes a page whose lines are its paragraphs — body paragraphs and table cells in reading
order (a merged cell once), text boxes where python-docx reaches them (inline ones, inside their
paragraph's runs), headers and footers left out — so ``path:line:column`` means paragraph and character.
A paragraph styled as a heading (Title/标题, Heading N/标题 N) carries Markdown ``#`` marks in the page's
text, which the layout reads as it reads a ``.md`` file; the page's columns leave those marks out, so a
column always counts characters of the paragraph.  A line break inside a paragraph (``w:br``) is a space
in the page, so offsets stay one to one with the runs' characters.
"""
from __future__ import annotations

import io
import re
from typing import Dict, List, Optional, Sequence, Tuple

from .page import Page

DOCX_SUFFIX = ".docx"
# Formats python-docx cannot open: say what to save the file as (one line, exit 2).
LEGACY = {
    ".doc": "a legacy Word .doc file; open it in Word or WPS and save it as .docx (Word 文档), then check that",
    ".wps": "a WPS .wps file; open it in WPS and save it as .docx (Word 文档), then check that",
    ".pdf": "a PDF file; save the story as .docx or plain text (.txt) from the program that wrote it, then check that",
}
AUTHOR, INITIALS = "newslint", "NL"

_HEADING_RE = re.compile(r"^(?:heading|标题)\s*([1-6])$", re.IGNORECASE)
_TITLE = {"title": 1, "标题": 1, "subtitle": 2, "副标题": 2}


def legacy_message(path: str) -> Optional[str]:
    for suffix, why in LEGACY.items():
        if path.lower().endswith(suffix):
            return f"{path}: {why}"
    return None


def heading_level(paragraph) -> int:
    """The heading level a paragraph's style gives it (0 for body text)."""
    try:
        name = (paragraph.style.name or "").strip() if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return 0
    m = _HEADING_RE.match(name)
    if m:
        return int(m.group(1))
    return _TITLE.get(name.lower(), 0)


def _runs(paragraph) -> list:
    """The runs whose text makes the paragraph's text, in order (runs inside hyperlinks included)."""
    from docx.text.run import Run

    return [Run(r, paragraph) for r in paragraph._p.xpath("./w:r | ./w:hyperlink/w:r")]


def _cell_paragraphs(cell, seen: set):
    if id(cell._tc) in seen or cell._tc in seen:
        return
    seen.add(cell._tc)
    for item in cell.iter_inner_content():
        if hasattr(item, "rows"):
            yield from _table_paragraphs(item)
        else:
            yield item


def _table_paragraphs(table):
    seen: set = set()
    for row in table.rows:
        for cell in row.cells:  # a merged cell appears in each row/column it spans: read it once
            yield from _cell_paragraphs(cell, seen)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


def _with_text_boxes(paragraph):
    """The paragraph, then the paragraphs of the text boxes anchored in it (a DrawingML box once: its VML
    copy under ``mc:Fallback`` is skipped)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    yield paragraph
    for box in paragraph._p.iter(qn("w:txbxContent")):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for p in box.iterchildren(qn("w:p")):
            yield Paragraph(p, paragraph._parent)


def paragraphs(document) -> list:
    """The document's paragraphs in reading order: body paragraphs (each followed by its text boxes'),
    and table cells row by row."""
    out = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for p in _table_paragraphs(item):
                out.extend(_with_text_boxes(p))
        else:
            out.extend(_with_text_boxes(item))
    return out


def paragraph_text(paragraph) -> str:
    return "".join(r.text for r in _runs(paragraph)).replace("\n", " ").replace("\r", " ")


class DocxPage(Page):
    """A page read from a Word document: line N is paragraph N; heading lines start with ``#`` marks that
    the columns leave out (``prefix`` holds their length per line)."""

    def __init__(self, *a, prefix: Optional[List[int]] = None, **kw):
        super().__init__(*a, **kw)
        self.prefix = prefix or []

    def _pre(self, line: int) -> int:
        return self.prefix[line - 1] if 0 < line <= len(self.prefix) else 0

    def linecol(self, offset: int) -> Tuple[int, int]:
        line, col = super().linecol(offset)
        return line, max(1, col - self._pre(line))

    def offset(self, line: int, column: int) -> int:
        return super().offset(line, column + self._pre(line))

    def paragraph_line(self, line: int) -> str:
        """Paragraph ``line`` as the document has it (no heading marks): what a report shows."""
        return self.line_text(line)[self._pre(line):]

    def paragraph_span(self, start: int, end: int) -> Tuple[int, int, int, int]:
        """``(paragraph index, start, paragraph index, end)``: the span in paragraph coordinates (0-based)."""
        l1, c1 = Page.linecol(self, start)
        l2, c2 = Page.linecol(self, end)
        return (l1 - 1, max(0, c1 - 1 - self._pre(l1)), l2 - 1, max(0, c2 - 1 - self._pre(l2)))


def page_text(document) -> Tuple[str, List[int]]:
    lines, prefix = [], []
    for p in paragraphs(document):
        level = heading_level(p)
        text = paragraph_text(p)
        mark = "#" * level + " " if level and text.strip() else ""
        lines.append(mark + text)
        prefix.append(len(mark))
    return "\n".join(lines), prefix


class DocxError(Exception):
    """A ``.docx`` file that cannot be opened; the message names the file and says why."""


def open_document(data: bytes, name: str):
    """The python-docx document of ``data``, or a :class:`DocxError` saying why not."""
    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise DocxError(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # a damaged or mislabelled file: zipfile, lxml and python-docx errors alike
        raise DocxError(f"{name}: not a readable Word .docx document ({type(e).__name__}: {e})") from None


def page_from_document(document, name: str, index: int = 0) -> DocxPage:
    text, prefix = page_text(document)
    page = DocxPage(path=name, text=text, index=index, prefix=prefix)
    page.meta["docx"] = True
    return page


def read_docx(data: bytes, name: str, index: int = 0) -> DocxPage:
    return page_from_document(open_document(data, name), name, index)


def save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ---- runs: splitting at a character, replacing text --------------------------------------------------

def _plain(run) -> bool:
    """A run made of text only (w:t after its properties): it can be split and rewritten character by
    character without losing anything."""
    from docx.oxml.ns import qn

    return all(child.tag in (qn("w:rPr"), qn("w:t")) for child in run._r)


def _split(paragraph, pos: int) -> None:
    """Make ``pos`` (a character offset of the paragraph) a run boundary where the run there is plain text."""
    import copy

    at = 0
    for run in _runs(paragraph):
        t = run.text
        if at < pos < at + len(t) and _plain(run):
            k = pos - at
            twin = copy.deepcopy(run._r)
            run._r.addnext(twin)
            from docx.text.run import Run

            run.text = t[:k]
            Run(twin, paragraph).text = t[k:]
            return
        at += len(t)


def runs_between(paragraph, start: int, end: int) -> list:
    """The runs covering characters ``[start, end)`` of the paragraph, split at both ends where they can be
    (so a comment marks the span itself); at least one run when the paragraph has any."""
    _split(paragraph, start)
    _split(paragraph, end)
    out, at, runs = [], 0, _runs(paragraph)
    for run in runs:
        n = len(run.text)
        if at < end and at + n > start or (start == end and at <= start <= at + n and n):
            out.append(run)
        at += n
    if not out and runs:
        out = [runs[-1] if start >= at else runs[0]]
    return out


_LINE_REF = re.compile(r"第(\d+)行")


def comment_text(finding, page: DocxPage) -> str:
    """The comment for a finding.  A page line of a Word document is a paragraph, so the rules' 第N行 is
    written 第N段, as an editor counts in Word."""
    parts = [_LINE_REF.sub(r"第\1段", finding.message)]
    if finding.suggestion:
        parts.append(f"建议：{finding.suggestion}")
    rel = [f"第{r.line}段" for r in finding.related if r.path == page.path]
    rel += [f"{r.path} 第{r.line}段" for r in finding.related if r.path != page.path]
    if rel:
        parts.append("另见" + "、".join(rel))
    return f"{' '.join(parts)} [{finding.rule}]"


def reviewed(data: bytes, page: DocxPage, findings: Sequence) -> bytes:
    """A copy of the document with one comment per finding, anchored on the finding's span."""
    document = open_document(data, page.path)
    paras = paragraphs(document)
    for f in findings:
        if f.location.path != page.path:
            continue
        p1, c1, p2, c2 = page.paragraph_span(f.location.start, f.location.end)
        if p1 >= len(paras):
            continue
        p2 = min(p2, len(paras) - 1)
        if p1 == p2:
            runs = runs_between(paras[p1], c1, max(c2, c1))
        else:
            first = runs_between(paras[p1], c1, len(paragraph_text(paras[p1])))
            last = runs_between(paras[p2], 0, c2) or first
            runs = (first[:1] + last[-1:]) if first else last
        if not runs:  # an empty paragraph: give it a run to hold the comment
            runs = [paras[p1].add_run("")]
        document.add_comment(runs, text=comment_text(f, page), author=AUTHOR, initials=INITIALS)
    return save(document)


def _rpr(run) -> bytes:
    from lxml import etree

    rpr = run._r.rPr
    return etree.tostring(rpr) if rpr is not None else b""


def apply_fix(paragraph, start: int, end: int, replacement: str) -> bool:
    """Replace characters ``[start, end)`` of the paragraph by ``replacement`` in its runs, keeping their
    formatting; False (nothing changed) when the span is not in plain-text runs of one formatting."""
    spans, at = [], 0
    for run in _runs(paragraph):
        n = len(run.text)
        if (at < end and at + n > start) or (start == end and at <= start < at + n):
            spans.append((run, at))
        at += n
    if not spans and start == end == at and _runs(paragraph):
        last = _runs(paragraph)[-1]
        spans = [(last, at - len(last.text))]
    if not spans or not all(_plain(r) for r, _ in spans):
        return False
    if len({_rpr(r) for r, _ in spans}) > 1:
        return False  # the fix would cross runs of different formatting: left as a finding
    first, s0 = spans[0]
    last, sl = spans[-1]
    if first is last:
        t = first.text
        first.text = t[:start - s0] + replacement + t[end - s0:]
        return True
    tail = last.text[end - sl:]
    first.text = first.text[:start - s0] + replacement
    for run, _ in spans[1:-1]:
        run.text = ""
    last.text = tail
    return True


def apply_fixes(document, page: DocxPage, fixes) -> int:
    """Apply ``fixes`` (spans of ``page``) to the document's runs, from the end; return how many applied.
    A fix spanning paragraphs is not applied."""
    from .fixing import non_overlapping

    paras = paragraphs(document)
    n = 0
    for fx in reversed(non_overlapping(fixes)):
        p1, c1, p2, c2 = page.paragraph_span(fx.start, fx.end)
        if p1 != p2 or p1 >= len(paras):
            continue
        twin = _fallback_twin(paras[p1])
        before = paragraph_text(paras[p1])
        if apply_fix(paras[p1], c1, c2, fx.replacement):
            n += 1
            if twin is not None and paragraph_text(twin) == before:
                apply_fix(twin, c1, c2, fx.replacement)  # the text box's VML copy, as older readers show it
    return n


def _fallback_twin(paragraph):
    """For a paragraph of a DrawingML text box, the same paragraph of the box's VML copy under
    ``mc:Fallback`` (so a fix reaches both), else None."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    p = paragraph._p
    alt = next((a for a in p.iterancestors() if a.tag == _MC_ALTERNATE), None)
    if alt is None:
        return None
    choice = next((a for a in p.iterancestors() if a.getparent() is alt), None)
    fallback = next((c for c in alt.iterchildren() if c.tag == _MC_FALLBACK), None)
    if choice is None or fallback is None or choice is fallback:
        return None
    ours = [q for box in choice.iter(qn("w:txbxContent")) for q in box.iterchildren(qn("w:p"))]
    theirs = [q for box in fallback.iter(qn("w:txbxContent")) for q in box.iterchildren(qn("w:p"))]
    if len(ours) != len(theirs) or p not in ours:
        return None
    return Paragraph(theirs[ours.index(p)], paragraph._parent)


def paragraph_count(document) -> int:
    return len(paragraphs(document))


def documents_by_path(pages) -> Dict[str, DocxPage]:
    return {p.path: p for p in pages if isinstance(p, DocxPage)}


def docx_fixed(page: DocxPage, fixes, documents: dict) -> Tuple[DocxPage, int]:
    """``page``'s document (opened once per run, kept in ``documents``) with ``fixes`` applied run by run,
    and the page read again from it; fixes that cannot be made run by run are left (their findings stay)."""
    import hashlib

    if page.path not in documents:
        try:
            with open(page.path, "rb") as fh:
                documents[page.path] = open_document(fh.read(), page.path)
        except (OSError, DocxError):  # gone or damaged since it was read: nothing is fixed, findings stay
            return page, 0
    document = documents[page.path]
    n = apply_fixes(document, page, fixes)
    if not n:
        return page, 0
    new = page_from_document(document, page.path, page.index)
    new.archive = page.archive
    new.meta = dict(page.meta)
    new.meta["sha256"] = hashlib.sha256(save(document)).hexdigest()
    return new, n


def write_reviewed(result, output: str) -> None:
    """``--format docx -o``: a reviewed copy of each Word document checked — ``output`` itself for one
    document, ``output/<name>.docx`` (a directory, created if need be) for several.  Written like any
    report: atomically, never over a checked file."""
    import os

    from .fixing import write_new

    pages = [p for p in result.pages if isinstance(p, DocxPage)]
    inputs = [p.path for p in result.pages]
    if not pages:
        result.errors.append(f"{output}: no Word document (.docx) was checked; --format docx writes nothing")
        return
    several = len(pages) > 1 or os.path.isdir(output)
    if several:
        os.makedirs(output, exist_ok=True)
    by_path: Dict[str, list] = {}
    for f in result.findings:
        by_path.setdefault(f.location.path, []).append(f)
    for page in pages:
        target = os.path.join(output, os.path.basename(page.path)) if several else output
        try:
            with open(page.path, "rb") as fh:
                data = fh.read()
            write_new(target, reviewed(data, page, by_path.get(page.path, [])), inputs=inputs)
        except (OSError, DocxError) as e:
            result.errors.append(f"{target}: not written ({e})")
