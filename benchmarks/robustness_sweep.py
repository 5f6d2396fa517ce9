#!/usr/bin/env python3
"""Does any real-shaped input make a rule fail?  A sweep of odd pages cut and built from the corpora.

    python benchmarks/robustness_sweep.py                    # every family of inputs, every corpus found
    python benchmarks/robustness_sweep.py --families cut,shapes
    python benchmarks/robustness_sweep.py --corpora rmrb     # inputs made from one corpus (xwlb, rmrb, gov)
    python benchmarks/robustness_sweep.py --limit 200        # at most 200 source files / lines per corpus
    python benchmarks/robustness_sweep.py --keep DIR         # keep the inputs, copies and reports in DIR

The inputs are made at run time from ``../shared/corpus`` (nothing of it is kept in the project) and
written to a temporary directory, one file each:

- ``cut``: every corpus file cut to its first and to its last N characters (N = 1..12), with no final
  newline, a final LF or a final CRLF, its own line ends LF or CRLF (duplicates dropped);
- ``lines``: every line of a corpus, and every blank-line paragraph, as a file of its own;
- ``shapes``: a page that is only a title, a dateline, a byline, a list item, ``#``, a quote, a table, a
  fenced block; pages of one repeated character or word (the corpus's commonest); frequent words and
  corpus sentences split by a BOM, a zero-width space, an NBSP, a full-width space, a combining mark, a
  character outside the BMP, a private-use character, an encoded lone surrogate; very long lines (a
  whole file on one line, 10k and 100k identical Han characters);
- ``docx``: Word documents made from a sample of the inputs above (as ``benchmarks/formats.py`` does).

Each family is checked in batches with every rule (``newslint check --no-cache --format json``).  The
files with a fix are then fixed on copies (``--fix``, and ``--fix --unsafe-fixes``), checked again (no
fix of the kind applied may be left) and fixed once more: the second pass must change nothing.  Files with findings (and every ``shapes`` input) are also reported
as SARIF, HTML, text and GitHub annotations.  A failure is any ``plugin … failed``, ``internal error`` or traceback, an exit code
other than 0 or 1 on a readable file, a report that does not parse, or a fix that does not round-trip;
a run that fails as a whole is split until the input that makes it fail is found.  Prints a table of the
inputs tried and the failures; exits 1 on any failure.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
NEWSLINT = [sys.executable, "-m", "newslint"]
BENIGN = re.compile(r"^newslint: .*: fixed \d+$")  # --fix's own report of a file it changed
CORPORA = {"xwlb": "xwlb-2024", "rmrb": "rmrb-2019-10", "gov": "gov-reports"}
FAMILIES = ("cut", "lines", "shapes", "docx")
VERBOSE = False
BATCH = 3000  # files a run: the corpus phase compares them all, so a bound keeps each run short
FAIL = re.compile(r"failed on|internal error|Traceback|Error:|error:", re.I)

# Characters that split a word without being seen (or being a different character altogether)
SPLITTERS = {
    "bom": "\ufeff", "zwsp": "\u200b", "zwj": "\u200d", "nbsp": "\u00a0", "ideographic-space": "\u3000",
    "combining-acute": "\u0301", "astral": "\U00020000", "private-use": "\ue000", "lone-surrogate": "\ud800",
}


class Input:
    __slots__ = ("family", "name", "data", "what", "readable")

    def __init__(self, family: str, name: str, data: bytes, what: str):
        self.family, self.name, self.data, self.what = family, name, data, what
        # bytes no text encoding holds (an encoded lone surrogate, NUL): one clear line and exit 2 expected
        self.readable = not (_undecodable(data) or (b"\x00" in data and not name.endswith(".docx")))


def _undecodable(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def _enc(text: str) -> bytes:
    # "surrogatepass": an encoded lone surrogate, bytes a broken converter writes (not valid UTF-8)
    return text.encode("utf-8", "surrogatepass")


# ---- reading the corpora ------------------------------------------------------------------------------------
def corpus_files(label: str) -> List[Path]:
    root = SHARED / CORPORA[label]
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))


def read(p: Path) -> str:
    return p.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def sample(items: list, limit: int) -> list:
    """At most ``limit`` items, spread evenly over the list (deterministic)."""
    if not limit or len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


class Maker:
    """Collects inputs, dropping exact duplicates (same bytes, same suffix)."""

    def __init__(self):
        self.inputs: Dict[str, List[Input]] = collections.defaultdict(list)
        self._seen = set()

    def add(self, family: str, text, suffix: str, what: str) -> None:
        data = text if isinstance(text, bytes) else _enc(text)
        key = (family, suffix, hashlib.sha1(data).digest())
        if key in self._seen:
            return
        self._seen.add(key)
        n = len(self.inputs[family])
        self.inputs[family].append(Input(family, f"{family}/{n // 1000:03d}/{n:06d}{suffix}", data, what))


def make_cut(m: Maker, label: str, files: List[Path]) -> None:
    suffix = ".md" if label == "xwlb" else ".txt"
    for p in files:
        text = read(p)
        rel = p.relative_to(SHARED)
        for n in range(1, 13):
            for end, piece in (("head", text[:n]), ("tail", text[-n:])):
                for nl in ("\n", "\r\n"):
                    body = piece.replace("\n", nl)
                    for final in ("", nl):
                        m.add("cut", body + final if not body.endswith(nl) else body, suffix,
                              f"{rel}: {end} {n} chars, {nl!r} lines, final {final!r}")


def make_lines(m: Maker, label: str, files: List[Path], limit: int) -> None:
    suffix = ".md" if label == "xwlb" else ".txt"
    lines, paras = [], []
    for p in files:
        text = read(p)
        rel = p.relative_to(SHARED)
        lines += [(rel, k, l) for k, l in enumerate(text.split("\n"), 1) if l.strip()]
        paras += [(rel, k, b) for k, b in enumerate(re.split(r"\n\s*\n", text), 1) if b.strip() and "\n" in b.strip()]
    for j, (rel, k, l) in enumerate(sample(lines, limit * 20)):
        m.add("lines", l + ("\n" if j % 2 else ""), suffix, f"{rel}:{k} alone" + (", final LF" if j % 2 else ""))
        if label == "rmrb" and j % 3 == 0:
            m.add("lines", l + "\r\n", suffix, f"{rel}:{k} alone, CRLF")
    for j, (rel, k, b) in enumerate(sample(paras, limit * 5)):
        m.add("lines", b.strip("\n") + "\n", suffix, f"{rel}: blank-line block {k} alone")


def _common(texts: List[str]) -> Tuple[List[str], List[str]]:
    chars, pairs = collections.Counter(), collections.Counter()
    for t in texts:
        han = re.findall(r"[\u4e00-\u9fff]+", t)
        for run in han:
            chars.update(run)
            pairs.update(run[k:k + 2] for k in range(len(run) - 1))
    return [c for c, _ in chars.most_common(30)], [w for w, _ in pairs.most_common(150)]


def make_shapes(m: Maker, label: str, files: List[Path], limit: int) -> None:
    texts = [read(p) for p in sample(files, max(limit // 4, 20))]
    suffix = ".md" if label == "xwlb" else ".txt"
    chars, words = _common(texts)
    # a page that is one part of an article alone: the first line of a file (a title), and lines that open
    # as a dateline, a byline, a list item, a source line
    firsts = [t.split("\n", 1)[0] for t in texts if t.strip()]
    for t in firsts:
        for sfx in (".txt", ".md"):
            m.add("shapes", t, sfx, f"{label}: a title alone, no final newline")
    pats = {"dateline": r"^\s*(?:本报|新华社|本台|据).{0,20}(?:电|讯|消息)", "byline": r"^\s*[（(]?(?:本报)?记者",
            "list item": r"^\s*(?:\d{1,2}[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)",
            "source": r"^\s*[（(《]?[^\s]{0,8}(?:日报|新闻|来源)"}
    for t in texts:
        for l in t.split("\n"):
            for kind, pat in pats.items():
                if re.match(pat, l):
                    m.add("shapes", l, suffix, f"{label}: a {kind} line alone")
                    m.add("shapes", l[:12], suffix, f"{label}: a {kind} line's first 12 characters alone")
    # pages of one repeated character / word
    for u in chars[:20] + words[:40]:
        for n in (1, 2, 3, 5, 12, 100, 1000):
            m.add("shapes", u * n, suffix, f"{label}: common unit repeated {n} times")
        m.add("shapes", "\n".join([u] * 12) + "\n", suffix, f"{label}: common unit on 12 lines")
        m.add("shapes", "\n\n".join([u] * 12), ".md", f"{label}: common unit as 12 paragraphs")
    # words and sentences split by an invisible or odd character
    sents = [s for t in texts for s in re.findall(r"[^。！？\n]{6,40}[。！？]", t)]
    for kind, ch in SPLITTERS.items():
        for w in words:
            m.add("shapes", w[0] + ch + w[1], suffix, f"{label}: a common word split by {kind}")
            m.add("shapes", ch + w, suffix, f"{label}: a common word after {kind}")
            m.add("shapes", w + ch, suffix, f"{label}: a common word before {kind}")
        for s in sample(sents, 30):
            for i in (1, len(s) // 2, len(s) - 2):
                m.add("shapes", s[:i] + ch + s[i:] + "\n", suffix, f"{label}: a sentence split by {kind}")
        m.add("shapes", ch, suffix, f"{kind} alone")
        m.add("shapes", ch * 50 + "\n", suffix, f"{kind} 50 times")
    # very long lines
    for t in texts[:10]:
        m.add("shapes", t.replace("\n", ""), suffix, f"{label}: a whole file on one line")
        m.add("shapes", t.replace("\n", "") * 3 + "\n", suffix, f"{label}: a whole file three times on one line")
    for c in chars[:3]:
        m.add("shapes", c * 10000, suffix, f"{label}: a line of 10k identical Han characters")
        m.add("shapes", c * 10000 + "\n", ".md", f"{label}: a line of 10k identical Han characters, .md")
    if chars:
        m.add("shapes", chars[0] * 100000 + "\n", suffix, f"{label}: a line of 100k identical Han characters")
    # Markdown edge cases around real lines
    body = [l for t in texts for l in t.split("\n") if len(l.strip()) > 10][:40]
    for k, l in enumerate(body):
        l = l.strip()
        for shape, page in {
            "#": "#", "# ": "# ", "##": "##", "## ": "## \n", "######": "######\n", "####### seven": "####### " + l,
            "# then text": "#\n" + l + "\n", "## then text": "##\n\n" + l, "text then #": l + "\n#",
            "heading only": "# " + l[:20] + "\n", "heading, empty body": "# " + l[:20] + "\n\n## \n\n",
            "quote": "> " + l + "\n", "empty quote": ">\n", "nested quote": "> > " + l,
            "table": "| " + l[:6] + " | " + l[6:12] + " |\n|---|---|\n| " + l[12:] + " | |\n",
            "table row only": "|" + l + "|", "fenced": "```\n" + l + "\n```\n", "open fence": "```\n" + l,
            "fence only": "```", "list": "- " + l + "\n- \n* ", "numbered list": "1. " + l + "\n2.\n",
            "hr": "---\n" + l + "\n***\n", "front matter": "---\ntitle: " + l[:10] + "\n---\n" + l,
            "empty front matter": "---\n---\n", "html comment": "<!-- " + l + " -->", "open comment": "<!-- " + l,
            "emphasis": "**" + l + "**", "unclosed emphasis": "**" + l, "link": "[" + l[:8] + "](http://x)" + l[8:],
            "image": "![" + l[:8] + "]()", "setext": l[:20] + "\n===\n", "setext dash": l[:20] + "\n---",
            "escapes": "\\#" + l + "\\", "indented code": "    " + l,
        }.items():
            if k == 0 or shape in ("quote", "table", "fenced", "setext", "list", "front matter", "escapes"):
                m.add("shapes", page, ".md", f"{label}: Markdown {shape}")
                if k < 3:
                    m.add("shapes", page, ".txt", f"{label}: Markdown {shape}, as .txt")
    for ws in (" ", "\t", "\u3000", "\n", "\r\n", "\r", "\n\n\n", "\u3000\u3000\r\n", " \n \n", "\x0c", "\x00"):
        m.add("shapes", ws, ".txt", f"whitespace only {ws!r}")
        m.add("shapes", ws + (words[0] if words else "字") + ws, ".txt", f"a word inside {ws!r}")


def make_docx(m: Maker, taken: Dict[str, List[Input]], limit: int) -> None:
    import io

    import docx

    pool = [i for f in ("shapes", "cut", "lines") for i in sample(taken.get(f, []), limit * 2)]
    for inp in pool:
        try:
            text = inp.data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        d = docx.Document()
        try:
            for k, line in enumerate(text.replace("\r\n", "\n").split("\n")):
                h = re.match(r"^(#{1,6})\s+(.*)$", line)
                if h and h.group(2).strip():
                    d.add_heading(h.group(2), level=len(h.group(1)))
                elif k == 0 and inp.family == "shapes" and len(line) < 40:
                    d.add_heading(line, level=1)
                else:
                    d.add_paragraph(line)
            buf = io.BytesIO()
            d.save(buf)
        except ValueError:  # characters XML cannot hold (controls): Word could not hold them either
            continue
        m.add("docx", buf.getvalue(), ".docx", f"docx of [{inp.what}]")


# ---- running ------------------------------------------------------------------------------------------------
class Failure:
    def __init__(self, mode: str, inp: Optional[Input], detail: str):
        self.mode, self.inp, self.detail = mode, inp, detail


def newslint(args: List[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(NEWSLINT + args, capture_output=True, cwd=ROOT)  # as rates.py: paths stay absolute


def bad_lines(err: str) -> List[str]:
    return [l for l in err.splitlines() if (FAIL.search(l) or l.startswith("newslint:")) and not BENIGN.match(l)]


def run_batch(mode: str, extra: List[str], paths: List[Path], cwd: Path, parse: str = "json"
              ) -> Tuple[Optional[dict], List[str], int]:
    """One run: (parsed report or None, the lines of stderr that report trouble, exit code)."""
    proc = newslint(["check", "--no-cache", "--lang", "en", *extra, *map(str, paths)], cwd)
    err = proc.stderr.decode("utf-8", "replace")
    problems = bad_lines(err)
    if proc.returncode not in (0, 1):
        problems.append(f"exit {proc.returncode}: {err.strip()[-300:]}")
    report = None
    out = proc.stdout.decode("utf-8", "replace")
    if parse in ("json", "sarif") and "--fix" not in extra:
        try:
            report = json.loads(out)
        except ValueError as e:
            problems.append(f"{parse} report does not parse: {e}")
    elif parse == "html" and "</html>" not in out:
        problems.append("html report is not a whole document")
    return report, problems, proc.returncode


EXPECTED = re.compile(r"^newslint: (.*): (?:cannot decode as|binary content)")


def attribute(problems: List[str], by_path: Dict[str, Input]) -> Tuple[List[Tuple[Input, str]], List[str]]:
    """Problems that name an input's path, and those that name none; an unreadable input's own one-line
    refusal is expected (and so is exit 2 when only such inputs were refused)."""
    named, loose = [], []
    refused = 0
    for line in problems:
        m = EXPECTED.match(line)
        if m and m.group(1) in by_path and not by_path[m.group(1)].readable:
            refused += 1
            continue
        if line.startswith("exit 2:") and refused:
            continue
        hit = next((inp for p, inp in by_path.items() if p in line), None)
        if hit is not None:
            named.append((hit, line))
        else:
            loose.append(line)
    return named, loose


def sweep_mode(mode: str, extra: List[str], inputs: List[Input], base: Path, parse: str,
               failures: List[Failure]) -> Optional[dict]:
    """Run ``inputs`` (files under ``base``) in batches; return the merged JSON findings (json mode)."""
    findings = []
    for k in range(0, len(inputs), BATCH):
        chunk = inputs[k:k + BATCH]
        report, problems = _run_split(mode, extra, chunk, base, parse, failures)
        if report and parse == "json":
            findings += report.get("findings", [])
    return {"findings": findings}


def _run_split(mode, extra, chunk, base, parse, failures):
    paths = [base / i.name for i in chunk]
    report, problems, code = run_batch(mode, extra, paths, base, parse)
    if VERBOSE:
        print(f"  {mode}: {len(chunk)} files, exit {code}, {len(problems)} problem lines", file=sys.stderr)
    by_path = {str(base / i.name): i for i in chunk}
    named, loose = attribute(problems, by_path)
    for inp, line in named:
        failures.append(Failure(mode, inp, line))
    if loose and not named:
        if len(chunk) == 1:
            failures.append(Failure(mode, chunk[0], "; ".join(loose)))
        else:  # a failure that names no page: split the batch until the page is found
            half = len(chunk) // 2
            r1, _ = _run_split(mode, extra, chunk[:half], base, parse, failures)
            r2, _ = _run_split(mode, extra, chunk[half:], base, parse, failures)
            merged = {"findings": (r1 or {}).get("findings", []) + (r2 or {}).get("findings", [])}
            return merged, problems
    elif loose:
        failures.append(Failure(mode, None, "; ".join(loose)))
    return report, problems


def write_inputs(inputs: List[Input], base: Path) -> None:
    for inp in inputs:
        p = base / inp.name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(inp.data)


def fix_round_trip(mode: str, extra: List[str], inputs: List[Input], src: Path, dst: Path,
                   failures: List[Failure]) -> int:
    """Copy ``inputs`` to ``dst``, fix them, fix them again: the second pass must change nothing.
    Returns how many files the first pass changed."""
    if not inputs:
        return 0
    write_inputs(inputs, dst)
    sweep_mode(mode, ["--format", "json", *extra], inputs, dst, "fix", failures)
    once = {i.name: (dst / i.name).read_bytes() for i in inputs}
    # what --fix leaves must offer no fix it would apply (fixes that undo each other go round and leave the
    # file as it was, so comparing the bytes of two passes alone would not see them)
    unsafe = "--unsafe-fixes" in extra
    left = sweep_mode(mode + " (re-check)", ["--format", "json"], inputs, dst, "json", failures)
    for f in left["findings"]:
        if f["fix"] and (unsafe or f["fix"]["applicability"] == "safe"):
            inp = next((i for i in inputs if str(dst / i.name) == f["path"]), None)
            failures.append(Failure(mode, inp, f"a fix left after --fix: [{f['rule']}] {f['message']}"))
    sweep_mode(mode + " (again)", ["--format", "json", *extra], inputs, dst, "fix", failures)
    for i in inputs:
        again = (dst / i.name).read_bytes()
        if again != once[i.name]:
            failures.append(Failure(mode, i, f"fixing twice changed the file again: {_diff(once[i.name], again)}"))
    return sum(once[i.name] != i.data for i in inputs)


def _diff(a: bytes, b: bytes) -> str:
    sa, sb = a.decode("utf-8", "replace"), b.decode("utf-8", "replace")
    k = next((j for j in range(min(len(sa), len(sb))) if sa[j] != sb[j]), min(len(sa), len(sb)))
    return f"at {k}: {sa[max(0, k - 8):k + 12]!r} -> {sb[max(0, k - 8):k + 12]!r}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--families", default=",".join(FAMILIES), help="comma-separated: " + ", ".join(FAMILIES))
    ap.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated: " + ", ".join(CORPORA))
    ap.add_argument("--limit", type=int, default=0,
                    help="at most this many source files per corpus for cut (lines: 20x, paragraphs: 5x); 0: all")
    ap.add_argument("--keep", metavar="DIR", help="keep inputs, fixed copies and reports in DIR")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each run on stderr")
    args = ap.parse_args(argv)
    global VERBOSE
    VERBOSE = args.verbose
    families = [f for f in args.families.split(",") if f]
    labels = [c for c in args.corpora.split(",") if c and (SHARED / CORPORA[c]).is_dir()]
    if not labels:
        print(f"no corpus found under {SHARED}", file=sys.stderr)
        return 2
    m = Maker()
    for label in labels:
        files = corpus_files(label)
        if "cut" in families:
            make_cut(m, label, sample(files, args.limit))
        if "lines" in families:
            make_lines(m, label, files, args.limit or 10 ** 6)
        if "shapes" in families or "docx" in families:
            make_shapes(m, label, files, args.limit or 400)
    if "docx" in families:
        make_docx(m, m.inputs, args.limit or 300)
    for f in list(m.inputs):
        if f not in families:
            del m.inputs[f]

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newslint-sweep-"))
    work.mkdir(parents=True, exist_ok=True)
    failures: List[Failure] = []
    rows = []
    try:
        for family in families:
            inputs = m.inputs.get(family, [])
            if not inputs:
                continue
            base = work / "in"
            write_inputs(inputs, base)
            before = len(failures)
            report = sweep_mode("json", ["--format", "json"], inputs, base, "json", failures)
            by_path = collections.defaultdict(list)
            for f in report["findings"]:
                by_path[f["path"]].append(f)
            with_findings = [i for i in inputs if str(base / i.name) in by_path]
            fixable = lambda unsafe: [i for i in inputs if any(
                f["fix"] and (unsafe or f["fix"]["applicability"] == "safe") for f in by_path.get(str(base / i.name), []))]
            reported = inputs if family == "shapes" else with_findings
            for fmt in ("sarif", "html", "text", "github"):
                sweep_mode(fmt, ["--format", fmt, "--show-all"], reported, base, fmt, failures)
            safe = fixable(False)
            unsafe = fixable(True)
            changed_safe = fix_round_trip("fix", ["--fix"], safe, base, work / "fix-safe", failures)
            changed_unsafe = fix_round_trip("fix unsafe", ["--fix", "--unsafe-fixes"], unsafe, base,
                                            work / "fix-unsafe", failures)
            rows.append((family, len(inputs), len(with_findings), len(report["findings"]), len(safe), changed_safe,
                         len(unsafe), changed_unsafe, len(failures) - before))
            if VERBOSE:
                print("  " + "  ".join(map(str, rows[-1])), file=sys.stderr)
            if args.keep:
                (work / f"{family}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
            else:
                shutil.rmtree(base, ignore_errors=True)
            for d in ("fix-safe", "fix-unsafe"):
                if not args.keep:
                    shutil.rmtree(work / d, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    head = ("family", "inputs", "with findings", "findings", "safe-fixable", "changed", "unsafe-fixable",
            "changed", "failures")
    print("  ".join(f"{h:>14}" for h in head))
    for r in rows:
        print("  ".join(f"{v:>14}" for v in r))
    print("(changed: files the first --fix changed; a second --fix must change none of them)")
    total = sum(r[1] for r in rows)
    print(f"{total} inputs from {', '.join(labels)}; {len(failures)} failures")
    seen = set()
    for f in failures:
        key = (f.mode, re.sub(r"/\S+", "PATH", f.detail))
        first = key not in seen
        seen.add(key)
        if first:
            what = f"{f.inp.what} {f.inp.data[:60]!r}" if f.inp else "(no page named)"
            print(f"FAIL [{f.mode}] {what}\n     {f.detail[:400]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
