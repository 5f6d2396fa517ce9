#!/usr/bin/env python3
"""Does precision hold when the same edited text arrives in another format?

    python benchmarks/formats.py                     # every variant of every corpus found
    python benchmarks/formats.py rmrb                # the variants of one corpus (xwlb, rmrb, gov)
    python benchmarks/formats.py --only r-lf,r-day   # these variants (and the corpus's original)
    python benchmarks/formats.py --days 10           # the first 10 dates of xwlb and rmrb (quicker)
    python benchmarks/formats.py --rules             # the per-rule breakdown of every variant
    python benchmarks/formats.py --keep DIR          # keep the transformed corpora (and reports) in DIR

Each corpus of ``../shared/corpus`` is read at run time and written again, transformed, to a temporary
directory: the same professionally edited text as a newsroom may hand it over — Markdown turned into plain
text, the e-paper's CRLF and full-width indents turned into LF, ASCII spaces or blank lines, a day's
articles in one file, headings marked with ``#``, Word documents with heading styles, lines hard-wrapped at a
fixed width as PDF and e-paper exports do.  Every transform keeps the text a correct page (nothing is cut,
moved or repeated), so a warning a variant has that its original has not is a false alarm the format
caused.  Each variant is checked in one run (``newslint check --no-cache --format json``, as ``rates.py``
does) and its warnings per 10,000 characters (of the original's text) are printed beside the original's.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
NEWSLINT = [sys.executable, "-m", "newslint"]
CORPORA = {"xwlb": "xwlb-2024", "rmrb": "rmrb-2019-10", "gov": "gov-reports"}
INDENT = "\u3000\u3000"

# A page: (relative path without suffix, its lines as read, LF, line ends stripped)
Page = Tuple[str, List[str]]


# ---- reading the corpora ---------------------------------------------------------------------------------
def read_corpus(label: str, days: int) -> List[Page]:
    root = SHARED / CORPORA[label]
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    if days and label in ("xwlb", "rmrb"):
        dates = sorted({_date(p) for p in files})[:days]
        files = [p for p in files if _date(p) in dates]
    out = []
    for p in files:
        text = p.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        out.append((str(p.relative_to(root).with_suffix("")), text.split("\n")))
    return out


def _date(p: Path) -> str:
    return re.match(r"\d{8}", p.name).group() if re.match(r"\d{8}", p.name) else p.name


def characters(pages: List[Page]) -> int:
    return sum(len("\n".join(lines)) for _, lines in pages)


# ---- reading a page's parts ------------------------------------------------------------------------------
_MD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def md_heading(line: str):
    m = _MD.match(line)
    return (len(m.group(1)), m.group(2)) if m else None


def rmrb_title_block(lines: List[str]) -> int:
    """How many lines (blank ones included) open an e-paper article before its first indented paragraph
    and read as its 引题/主题/副题 (unmarked): lines that end without a mark and are not wholly bracketed
    (a speech's date line, a salutation ending on a comma stay text)."""
    for k, line in enumerate(lines):
        t = line.strip()
        if line.startswith(("\u3000", " ")) or (t and (t[-1] in "，。：；！？,:;!?" or t[0] in "（(")):
            return k
    return len(lines)


_GOV_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}[，、部章])")


def gov_heading(k: int, line: str, first: int) -> int:
    """The Markdown level a line of a report is printed as a heading at: its title (the first line), its
    numbered part heads (一、… with no sentence in them), else 0."""
    t = line.strip()
    if k == first:
        return 1
    if _GOV_HEAD.match(t) and len(t) <= 40 and not re.search(r"[。；！？]", t):
        return 2 if t[0] != "（" else 3
    return 0


def _first(lines: List[str]) -> int:
    return next((k for k, l in enumerate(lines) if l.strip()), 0)


# ---- transforms -------------------------------------------------------------------------------------------
# Each returns [(relative file name with suffix, content)] — content is str (written as UTF-8, line ends as
# given) or bytes (a .docx).
def original(pages: List[Page], label: str):
    suffix = ".md" if label == "xwlb" else ".txt"
    nl = "\r\n" if label == "rmrb" else "\n"
    return [(name + suffix, nl.join(lines)) for name, lines in pages]


def x_plain(pages, label):
    """xwlb as plain text: the # marks removed (headings become unmarked lines), blank lines kept."""
    out = []
    for name, lines in pages:
        out.append((name + ".txt", "\n".join((md_heading(l)[1] if md_heading(l) else l) for l in lines)))
    return out


def x_epaper(pages, label):
    """xwlb as the e-paper's plain text: CRLF, headings unmarked and unindented, paragraphs indented with
    full-width spaces, no blank lines."""
    out = []
    for name, lines in pages:
        rows = []
        for l in lines:
            if not l.strip():
                continue
            h = md_heading(l)
            rows.append(h[1] if h else INDENT + l.strip())
        out.append((name + ".txt", "\r\n".join(rows)))
    return out


def x_week(pages, label):
    """Seven days of xwlb in one Markdown file (a week's archive export), a blank line between the days."""
    out = []
    for k in range(0, len(pages), 7):
        chunk = pages[k:k + 7]
        name = chunk[0][0] + "-" + chunk[-1][0]
        out.append((name + ".md", "\n\n".join("\n".join(lines) for _, lines in chunk)))
    return out


def _week_pages(pages, label):
    """The week files of :func:`x_week` as pages (name, lines), for the week's other forms."""
    return [(name[:-len(".md")], text.split("\n")) for name, text in x_week(pages, label)]


def x_week_plain(pages, label):
    """A week of xwlb in one plain-text file: the # marks removed (each day opens with its unmarked date line)."""
    return x_plain(_week_pages(pages, label), label)


def x_week_docx(pages, label):
    """A week of xwlb in one Word document, the days' and items' headings in Heading styles."""
    return docx_variant(_week_pages(pages, label), label)


def r_lf(pages, label):
    """rmrb with LF line ends."""
    return [(name + ".txt", "\n".join(lines)) for name, lines in pages]


def r_noindent(pages, label):
    """rmrb without paragraph indents (CRLF kept)."""
    return [(name + ".txt", "\r\n".join(l.lstrip("\u3000 ") for l in lines)) for name, lines in pages]


def r_ascii(pages, label):
    """rmrb with the full-width indent turned into four ASCII spaces (what an encoding round trip leaves)."""
    return [(name + ".txt", "\r\n".join(re.sub(r"^\u3000+", "    ", l) for l in lines)) for name, lines in pages]


def r_blank(pages, label):
    """rmrb with a blank line between paragraphs (indents kept)."""
    return [(name + ".txt", "\r\n\r\n".join(l for l in lines if l.strip())) for name, lines in pages]


def r_blank_noindent(pages, label):
    """rmrb as most web pages give it: no indent, a blank line between paragraphs, LF."""
    return [(name + ".txt", "\n\n".join(l.strip() for l in lines if l.strip())) for name, lines in pages]


def _by_page(pages):
    """The articles of each printed page (YYYYMMDD-PP), in order."""
    out: Dict[str, List] = collections.OrderedDict()
    for name, lines in pages:
        out.setdefault(name.rsplit("-", 1)[0], []).append((name, lines))
    return out


def r_page(pages, label):
    """A printed page as one text: its articles in order, a blank line between them (the issue's other pages
    in other files of the same date)."""
    return [(page + ".txt", "\r\n\r\n".join("\r\n".join(l for l in lines if l.strip()) for _, lines in arts))
            for page, arts in _by_page(pages).items()]


def r_page_tight(pages, label):
    """A printed page as one text, the articles separated only by their (unindented) title lines."""
    return [(page + ".txt", "\r\n".join("\r\n".join(l for l in lines if l.strip()) for _, lines in arts))
            for page, arts in _by_page(pages).items()]


def r_md(pages, label):
    """rmrb as Markdown: the title block's lines marked # (the first) and ## (引题/副题), blank lines between
    paragraphs, no indents."""
    out = []
    for name, lines in pages:
        k = rmrb_title_block(lines)
        titles = [l.strip() for l in lines[:k] if l.strip()]
        rows = [("# " if j == 0 else "## ") + t for j, t in enumerate(titles)]
        rows += [l.strip() for l in lines[k:] if l.strip()]
        out.append((name + ".md", "\n\n".join(rows)))
    return out


def r_md_marked(pages, label):
    """rmrb with only its title lines marked # / ## (the e-paper's CRLF and indents kept)."""
    out = []
    for name, lines in pages:
        k = rmrb_title_block(lines)
        j = 0
        rows = []
        for n, l in enumerate(lines):
            if n < k and l.strip():
                rows.append(("# " if j == 0 else "## ") + l.strip())
                j += 1
            else:
                rows.append(l)
        out.append((name + ".md", "\r\n".join(rows)))
    return out


def g_md(pages, label):
    """A report as Markdown: its title #, its numbered part heads ## / ###, paragraphs as they are."""
    out = []
    for name, lines in pages:
        first = _first(lines)
        rows = []
        for k, l in enumerate(lines):
            lv = gov_heading(k, l, first) if l.strip() else 0
            rows.append("#" * lv + " " + l.strip() if lv else l)
        out.append((name + ".md", "\n".join(rows)))
    return out


def g_epaper(pages, label):
    """A report as the e-paper sets text: CRLF, no blank lines, paragraphs indented, title unindented."""
    out = []
    for name, lines in pages:
        first = _first(lines)
        rows = [(l.strip() if k == first else INDENT + l.strip()) for k, l in enumerate(lines) if l.strip()]
        out.append((name + ".txt", "\r\n".join(rows)))
    return out


def g_tight(pages, label):
    """A report with no blank lines and no indents: one paragraph a line."""
    return [(name + ".txt", "\n".join(l.strip() for l in lines if l.strip())) for name, lines in pages]


def _docx(rows) -> bytes:
    """A Word document of (heading level, text) rows: headings in the built-in Heading styles."""
    import io

    import docx

    d = docx.Document()
    for level, text in rows:
        if level:
            d.add_heading(text, level=min(level, 9))
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_variant(pages, label):
    """The pages as Word documents: headings (Markdown #, rmrb's title block, a report's title and part
    heads) in Heading styles, every other line a paragraph."""
    out = []
    for name, lines in pages:
        rows = []
        if label == "xwlb":
            for l in lines:
                if l.strip():
                    h = md_heading(l)
                    rows.append(h if h else (0, l.strip()))
        elif label == "rmrb":
            k = rmrb_title_block(lines)
            titles = [l.strip() for l in lines[:k] if l.strip()]
            rows = [(1 if j == 0 else 2, t) for j, t in enumerate(titles)]
            rows += [(0, l.strip()) for l in lines[k:] if l.strip()]
        else:
            first = _first(lines)
            rows = [(gov_heading(k, l, first), l.strip()) for k, l in enumerate(lines) if l.strip()]
        out.append((name + ".docx", _docx(rows)))
    return out


WRAP = 36  # characters a line: a column of a PDF export or an e-paper text layer


def _wrap(line: str, width: int = WRAP) -> List[str]:
    """A line broken every ``width`` characters (an indent counts; nothing is dropped or added)."""
    return [line[k:k + width] for k in range(0, len(line), width)] or [line]


def hard_wrap(pages, label):
    """Every line hard-wrapped at a fixed width, as text copied out of a PDF or an e-paper layer: paragraphs
    keep their own separation (rmrb: indents, CRLF; gov and xwlb: blank lines), headings too."""
    out = []
    nl = "\r\n" if label == "rmrb" else "\n"
    suffix = ".md" if label == "xwlb" else ".txt"
    for name, lines in pages:
        rows = []
        for l in lines:
            if label == "xwlb" and md_heading(l):
                rows.append(l)
            else:
                rows.extend(_wrap(l))
        out.append((name + suffix, nl.join(rows)))
    return out


def hard_wrap_plain(pages, label):
    """Hard-wrapped and plain: xwlb's # marks removed, then every line wrapped at a fixed width."""
    src = pages
    if label == "xwlb":
        src = [(n, [(md_heading(l)[1] if md_heading(l) else l) for l in ls]) for n, ls in pages]
    out = []
    for name, lines in src:
        rows = [r for l in lines for r in _wrap(l)]
        out.append((name + ".txt", "\n".join(rows)))
    return out


VARIANTS: Dict[str, List[Tuple[str, Callable]]] = {
    "xwlb": [("x-plain", x_plain), ("x-epaper", x_epaper), ("x-week", x_week), ("x-week-plain", x_week_plain),
             ("x-week-docx", x_week_docx), ("x-docx", docx_variant),
             ("x-wrap", hard_wrap), ("x-wrap-plain", hard_wrap_plain)],
    "rmrb": [("r-lf", r_lf), ("r-noindent", r_noindent), ("r-ascii", r_ascii), ("r-blank", r_blank),
             ("r-web", r_blank_noindent), ("r-page", r_page), ("r-page-tight", r_page_tight), ("r-md", r_md),
             ("r-md-marked", r_md_marked), ("r-docx", docx_variant), ("r-wrap", hard_wrap)],
    "gov": [("g-md", g_md), ("g-epaper", g_epaper), ("g-tight", g_tight), ("g-docx", docx_variant),
            ("g-wrap", hard_wrap)],
}


# ---- running ---------------------------------------------------------------------------------------------
def write(files, directory: Path) -> None:
    for rel, content in files:
        p = directory / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_bytes(content.encode("utf-8"))


def check(directory: Path) -> dict:
    proc = subprocess.run(NEWSLINT + ["check", "--format", "json", "--no-cache", str(directory)],
                          capture_output=True, cwd=ROOT)
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed on {directory} (exit {proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return json.loads(proc.stdout.decode("utf-8"))


def warnings_of(report) -> List[dict]:
    return [f for f in report["findings"] if f["severity"] in ("warning", "error")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="labels: " + ", ".join(CORPORA))
    ap.add_argument("--only", help="comma-separated variant names (the original is always run)")
    ap.add_argument("--days", type=int, default=0, help="only the first N dates of xwlb and rmrb")
    ap.add_argument("--rules", action="store_true", help="print each variant's warnings per rule")
    ap.add_argument("--keep", metavar="DIR", help="keep the transformed corpora and their JSON reports in DIR")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print up to N warnings of each variant that its original does not have (by rule)")
    args = ap.parse_args(argv)
    labels = args.corpora or list(CORPORA)
    only = set(args.only.split(",")) if args.only else None
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newslint-formats-"))
    rows = []
    try:
        for label in labels:
            if label not in CORPORA:
                ap.error(f"unknown corpus {label!r} (one of {', '.join(CORPORA)})")
            if not (SHARED / CORPORA[label]).is_dir():
                print(f"{label}: {SHARED / CORPORA[label]} not found, skipped", file=sys.stderr)
                continue
            pages = read_corpus(label, args.days)
            chars = characters(pages)
            base = None
            for name, fn in [(label, original)] + VARIANTS[label]:
                if only is not None and name != label and name not in only:
                    continue
                d = work / name
                if d.exists():
                    shutil.rmtree(d)
                write(fn(pages, label), d)
                report = check(d)
                if args.keep:
                    (work / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
                warns = warnings_of(report)
                by = collections.Counter(f["rule"] for f in warns)
                if base is None:
                    base = by
                rows.append((label, name, chars, len(warns), by, base))
                print(f"{name:14} {len(warns):6d} warnings  {len(warns) / (chars / 1e4):7.3f} per 10k", file=sys.stderr)
                if args.show and name != label:
                    shown = collections.Counter()
                    for f in warns:
                        if shown[f["rule"]] < args.show and by[f["rule"]] > base.get(f["rule"], 0):
                            shown[f["rule"]] += 1
                            print(f"   {f['path']}:{f['line']}: [{f['rule']}] {f['message'][:100]}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{'corpus':6} {'variant':14} {'characters':>11} {'warnings':>9} {'per 10k':>8} {'original':>9}  change")
    for label, name, chars, n, by, base in rows:
        rate = n / (chars / 1e4)
        brate = sum(base.values()) / (chars / 1e4)
        mark = "" if name == label else ("same" if by == base else f"{rate - brate:+.3f}")
        print(f"{label:6} {name:14} {chars:11,d} {n:9d} {rate:8.3f} {brate:9.3f}  {mark}")
        if args.rules and name != label:
            for rule in sorted(set(by) | set(base), key=lambda r: -by.get(r, 0)):
                if by.get(rule, 0) != base.get(rule, 0):
                    print(f"{'':22}{by.get(rule, 0):6d} (original {base.get(rule, 0):d})  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
