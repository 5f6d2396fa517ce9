#!/usr/bin/env python3
"""Recall on defects planted in text newslint has never been tuned on.

    python benchmarks/planted.py             # every corpus found in ../shared/corpus (xwlb, rmrb, gov)
    python benchmarks/planted.py rmrb gov    # only those
    python benchmarks/planted.py --n 200     # planted defects per kind (default 400; names are capped
                                             # by the pages that have a suitable name)

Each corpus is planted in its own form: xwlb as Markdown (``## `` headings, blank lines between
paragraphs), rmrb as the e-paper's plain text (CRLF, an unmarked title, full-width paragraph indents,
no blank lines between paragraphs), gov as the reports' plain text (unmarked title, blank lines
between unindented paragraphs).  Recall is printed per corpus and kind.

The dev pages hold a few dozen real defects; this script measures the same *kinds* of defect on many
fresh cases.  From paragraphs of a year of professionally edited news (seeded, so every run plants the
same defects) it builds pages with one kind of defect each, runs ``newslint check --format json`` on
them as a user would, and counts a planted defect as found when a finding of the right rule points at
its line (or names both spellings, for names).  Findings anywhere else on these pages are counted as
false alarms: the source text is clean.

Kinds:
  split-word      a paragraph broken inside a run of Chinese characters (平均水｜平)
  split-edge      a paragraph broken next to a digit, a bracket, a quote, a Latin letter or before a mark
                  (2024｜年, 开幕｜，并举行)
  split-mark      a paragraph broken right after a comma, enumeration comma, semicolon or colon
  truncated       a paragraph cut off at a random point, a new article following
  fragment        a paragraph whose first part is lost (it starts mid-sentence after a whole one)
  copy-paragraph  a body paragraph of a real page printed again after its last body paragraph, up to two
                  characters changed
  copy-sentence   a sentence of 50+ characters of a page appended again to its last body paragraph (ditto)
  moved-same      column scramble: a paragraph cut mid-sentence and its tail printed as a paragraph of its
                  own further down the same article, after another paragraph (found: structure-continuation
                  at the tail's line naming the head's line)
  moved-other     the same with the tail printed under the next article on the page
  shuffled        column scramble: an article of 4 to 9 numbered sections (一、heading + a paragraph or two)
                  printed out of order (found: one enumeration-out-of-order finding for the page; an
                  enumeration-missing-item finding there is counted as a false alarm)
  repeated-block  a numbered section (heading + one short sentence, under the duplicate rules' min_chars)
                  printed again under another number, the sections renumbered in order (found:
                  duplicate-block at the copy's heading)
  repeated-subhead  an unnumbered subhead with one short sentence under it (under the duplicate rules'
                  min_chars) printed again further down (found: duplicate-block at the copy's subhead)
  stacked         numbered sections in order, one of them (not the last) without its body, so two
                  headings stand together (found: structure-stacked-headings at the first of them)
  name            one occurrence of a two- or three-character name (attested 3 to 30 times on its page)
                  has a given-name character replaced by one that sounds or looks like it (pypinyin /
                  shape data)
  name-list       a member of a 、 list of names misspelt likewise, its right spelling printed elsewhere
                  on the page outside the list
  name-register   a register is built from the first half of the corpus (newslint names --format toml);
                  in a page of the second half a name printed once there, attested 3+ times in the
                  register, is misspelt likewise; the page is checked with the register as its roster
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
# label: (directory, page style).  Styles: md | indent | spaced (see build_page).
CORPORA = {"xwlb": ("xwlb-2024", "md"), "rmrb": ("rmrb-2019-10", "indent"), "gov": ("gov-reports", "spaced")}
NEWSLINT = [sys.executable, "-m", "newslint"]
HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")
HAN1 = re.compile(r"[\u4e00-\u9fff]")


def corpus_files(directory: Path):
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))


def read(path: Path) -> str:
    """A corpus file's text with line breaks normalised (CRLF files read as LF)."""
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(files, style: str = "md"):
    """Whole paragraphs of running text (80+ characters, ending with a full stop), without their
    indent: Markdown lines that are not headings, lists or quotes; plain lines with or without a
    full-width indent."""
    out = []
    for f in files:
        for line in read(f).split("\n"):
            if style != "md":
                line = line.strip(" \u3000\u00a0")
            if len(line) > 80 and not line.startswith(("#", "**", "-", ">")) and line.endswith("。"):
                out.append(line)
    return out


def build_page(style: str, items):
    """A page in a corpus's own form from ``items`` (("title", text), ("sub", text) — a subhead — or
    ("para", text)): its text and the 1-based line of each item."""
    lines, starts = [], []
    for k, t in items:
        if style == "md":
            if lines:
                lines.append("")
            starts.append(len(lines) + 1)
            lines.append(("## " + t) if k == "title" else ("### " + t) if k == "sub" else t)
        elif style == "indent":  # the e-paper: a title flush left between blank lines, paragraphs indented
            if k == "title":
                lines.append("")
                starts.append(len(lines) + 1)
                lines += [t, ""]
            else:  # a subhead is an indented short line with no end mark, as the e-paper sets it
                starts.append(len(lines) + 1)
                lines.append("\u3000\u3000" + t)
        else:  # the reports: unindented lines with blank lines between them
            if lines:
                lines.append("")
            starts.append(len(lines) + 1)
            lines.append(t)
    nl = "\r\n" if style == "indent" else "\n"
    return nl.join(lines) + nl, starts


def shuffled(files, rng: random.Random) -> list:
    order = list(files)
    rng.shuffle(order)
    return order


def run(paths, select):
    proc = subprocess.run(NEWSLINT + ["check", "--no-cache", "--select", select, "--format", "json",
                                      *map(str, paths)], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout)["findings"]


def plant_pages(out: Path, kind: str, paras, n: int, rng: random.Random, style: str = "md"):
    """Write pages of up to 20 cases each; return the pages and [(path, line)] of the planted defects.  A
    Markdown (xwlb) page is a programme as 新闻联播's are: every two cases under a ``##`` headline of their own
    (a page marked on its title alone is read as plain text, its subheads unmarked: see ``layout.plain_page``)."""
    pages, cases = [], []
    ext = ".md" if style == "md" else ".txt"
    for j in range(0, n, 20):
        path = out / f"{kind}-{j // 20:03d}{ext}"
        items = [("title", "测试稿件")]
        marks = []  # index into items of each planted defect's line
        for r in range(min(20, n - j)):
            if style == "md" and r and r % 2 == 0 and kind != "truncated":
                items.append(("title", f"测试稿件{r // 2}"))  # xwlb's form: a programme of items under ## headlines
            p = paras[rng.randrange(len(paras))]
            q = paras[rng.randrange(len(paras))]
            if kind == "split-word":
                k = rng.choice([i for i in range(10, len(p) - 10) if HAN2.match(p, i - 1)])
                new, defect = [p[:k], p[k:]], 0
            elif kind == "split-edge":
                edges = [i for i in range(10, len(p) - 10) if p[i - 1] not in "。！？，、；："
                         and not (HAN1.match(p[i - 1]) and HAN1.match(p[i]))]
                if not edges:
                    continue
                k = rng.choice(edges)
                new, defect = [p[:k], p[k:]], 0
            elif kind == "split-mark":
                cuts = [i + 1 for i in range(10, len(p) - 10) if p[i] in "，、；："]
                if not cuts:
                    continue
                k = rng.choice(cuts)
                new, defect = [p[:k], p[k:]], 0
            elif kind == "truncated":
                k = rng.randrange(20, len(p) - 5)
                new, defect = [p[:k], ("title", f"下一篇稿件{r}"), q], 0
            else:  # fragment
                k = rng.randrange(5, len(q) - 30)
                new, defect = [p, q[k:]], 1
            marks.append(len(items) + defect)
            items += [x if isinstance(x, tuple) else ("para", x) for x in new]
        text, starts = build_page(style, items)
        cases += [(path, starts[m]) for m in marks]
        path.write_bytes(text.encode("utf-8"))
        pages.append(path)
    return pages, cases


RULE = {"split-word": "structure-split-paragraph", "split-mark": "structure-split-paragraph",
        "split-edge": "structure-split-paragraph",
        "truncated": "structure-truncated-paragraph", "fragment": "structure-paragraph-fragment"}


def seeded(seed: int, label: str, kind: str) -> random.Random:
    # (xwlb keeps the seeds it had when it was the only corpus, so its figures stay comparable)
    return random.Random(f"{seed}-{kind}" if label == "xwlb" else f"{seed}-{label}-{kind}")


def structure_kind(out: Path, kind: str, paras, n: int, seed: int, label: str = "xwlb", style: str = "md"):
    rng = seeded(seed, label, kind)
    pages, cases = plant_pages(out, kind, paras, n, rng, style)
    found = run(pages, "structure")
    at = collections.Counter()
    for f in found:
        if f["rule"] == RULE[kind]:
            at[(f["path"], f["line"])] += 1
    hits = sum(1 for path, line in cases if at[(str(path), line)])
    planted = {(str(p), l) for p, l in cases}
    other = [f for f in found if (f["path"], f["line"]) not in planted or f["rule"] != RULE[kind]]
    return hits, len(cases), other


SCRAMBLE_PER_PAGE = 3  # a page read in the wrong column order has a few displaced tails, not twenty


def scramble_pages(out: Path, kind: str, paras, n: int, rng: random.Random, style: str = "md"):
    """Pages of three articles each; per article one paragraph cut mid-sentence (not after a full stop,
    at least 8 characters on each side) whose tail is printed as a paragraph of its own after another
    paragraph of the same article (moved-same) or of the next article (moved-other).  Returns the pages
    and [(path, tail line, head line)]."""
    pages, cases = [], []
    ext = ".md" if style == "md" else ".txt"
    for j in range(0, n, SCRAMBLE_PER_PAGE):
        m = min(SCRAMBLE_PER_PAGE, n - j)
        arts, cuts = [], []
        for r in range(m):
            p = paras[rng.randrange(len(paras))]
            k = rng.choice([i for i in range(8, len(p) - 8) if p[i - 1] not in "。！？"])
            arts.append([("title", f"测试稿件{j + r}"), ("para", paras[rng.randrange(len(paras))]),
                         ("para", p[:k]), ("para", paras[rng.randrange(len(paras))])])
            cuts.append(p[k:])
        for r in range(m):  # each tail goes after the last paragraph of its article
            a = r if kind == "moved-same" or m == 1 else (r + 1) % m
            arts[a].append(("tail", cuts[r], r))
        items, head_at, tail_at = [], {}, {}
        for r, art in enumerate(arts):
            for it in art:
                if it[0] == "tail":
                    tail_at[it[2]] = len(items)
                    items.append(("para", it[1]))
                else:
                    if it[0] == "para" and it is art[2]:
                        head_at[r] = len(items)
                    items.append(it)
        text, starts = build_page(style, items)
        path = out / f"{kind}-{j // SCRAMBLE_PER_PAGE:03d}{ext}"
        path.write_bytes(text.encode("utf-8"))
        pages.append(path)
        cases += [(path, starts[tail_at[r]], starts[head_at[r]]) for r in range(m)]
    return pages, cases


def scramble_kind(out: Path, kind: str, paras, n: int, seed: int, label: str = "xwlb", style: str = "md"):
    rng = seeded(seed, label, kind)
    pages, cases = scramble_pages(out, kind, paras, n, rng, style)
    found = run(pages, "structure-continuation")
    hits, ok = 0, set()
    for path, tail, head in cases:
        hit = [f for f in found if f["path"] == str(path) and f["line"] == tail and f"第{head}行之后" in f["message"]]
        if hit:
            hits += 1
            ok.add((str(path), tail))
    other = [f for f in found if (f["path"], f["line"]) not in ok]
    return hits, len(cases), other


CN = "一二三四五六七八九"
NUMBERED = re.compile(r"[一二三四五六七八九十]+[是要、．.]|[（(][一二三四五六七八九十\d]+[）)]|^\d|其[一二三四五六七八九]|"
                      r"第[一二三四五六七八九十]+[，,：:]|首先|其次|[\u2460-\u2473]")


def _head(p: str) -> str:
    """A section heading made of a paragraph's first phrase (up to 12 characters, no punctuation)."""
    h = re.split(r"[，。、；：！？“”（）《》\d]", p.lstrip("—…·－- "))[0][:12].lstrip("一二三四五六七八九十百零两第")
    return h if len(h) >= 2 else "有关工作"  # (not 八、一批… nor 六、2024…: no numeral after the number)


def shuffle_kind(out: Path, paras, n: int, seed: int, label: str = "xwlb", style: str = "md"):
    rng = seeded(seed, label, "shuffled")
    paras = [p for p in paras if not NUMBERED.search(p)]  # no numbered series of their own
    pages = []
    for j in range(n):
        k = rng.randrange(4, 10)
        sections = []
        for s in range(k):
            body = [paras[rng.randrange(len(paras))] for _ in range(rng.randrange(1, 3))]
            sections.append([("para", f"{CN[s]}、{_head(paras[rng.randrange(len(paras))])}")]
                            + [("para", b) for b in body])
        order = list(range(k))
        while order == sorted(order):
            rng.shuffle(order)
        items = [("title", f"测试稿件{j}"), ("para", paras[rng.randrange(len(paras))])]
        for s in order:
            items += sections[s]
        text, _ = build_page(style, items)
        path = out / f"shuffled-{j:03d}{'.md' if style == 'md' else '.txt'}"
        path.write_bytes(text.encode("utf-8"))
        pages.append(path)
    found = run(pages, "enumeration")
    by = collections.defaultdict(list)
    for f in found:
        by[f["path"]].append(f)
    hits = sum(1 for p in pages if [f["rule"] for f in by[str(p)]].count("enumeration-out-of-order") == 1)
    other = [f for f in found if f["rule"] != "enumeration-out-of-order"]
    return hits, len(pages), other


def _sections_page(out: Path, kind: str, j: int, sections, rng, paras, style):
    """A page of one article: a lead paragraph and ``sections`` ([(heading, [body…])]) numbered in order;
    returns its path and the line of each section heading."""
    items = [("title", f"测试稿件{j}"), ("para", paras[rng.randrange(len(paras))])]
    at = []
    for s, (head, body) in enumerate(sections):
        at.append(len(items))
        items += [("sub", head) if kind == "repeated-subhead" else ("para", f"{CN[s]}、{head}")]
        items += [("para", b) for b in body]
    text, starts = build_page(style, items)
    path = out / f"{kind}-{j:03d}{'.md' if style == 'md' else '.txt'}"
    path.write_bytes(text.encode("utf-8"))
    return path, [starts[a] for a in at]


def block_kind(out: Path, kind: str, paras, n: int, seed: int, label: str = "xwlb", style: str = "md"):
    rng = seeded(seed, label, kind)
    paras = [p for p in paras if not NUMBERED.search(p)]
    short = sorted({s for p in paras[:4000] for s in re.findall(r"[^。！？；]*[。！？]", p)
                    if 8 <= len(re.sub(r"\W", "", s)) < 30 and not NUMBERED.search(s) and s[0] not in "，、”"})
    pages, cases = [], []
    for j in range(n):
        k = rng.randrange(4, 8)
        if kind in ("repeated-block", "repeated-subhead"):
            sections = [(_head(paras[rng.randrange(len(paras))]), [rng.choice(short)]) for _ in range(k)]
            s = rng.randrange(k)
            c = rng.randrange(k + 1)
            while c in (s, s + 1):  # not right after itself
                c = rng.randrange(k + 1)
            sections.insert(c, sections[s])
            copy = c if c > s else s + 1  # the later of the two is reported
        else:  # stacked
            sections = [(_head(paras[rng.randrange(len(paras))]),
                         [paras[rng.randrange(len(paras))] for _ in range(rng.randrange(1, 3))]) for _ in range(k)]
            copy = rng.randrange(k - 1)
            sections[copy] = (sections[copy][0], [])
        path, heads = _sections_page(out, kind, j, sections, rng, paras, style)
        pages.append(path)
        cases.append((path, heads[copy]))
    rule = "structure-stacked-headings" if kind == "stacked" else "duplicate-block"
    found = run(pages, rule)
    at = {(f["path"], f["line"]) for f in found}
    hits = sum(1 for path, line in cases if (str(path), line) in at)
    planted = {(str(p), l) for p, l in cases}
    other = [f for f in found if (f["path"], f["line"]) not in planted]
    return hits, len(cases), other


def duplicate_kind(out: Path, files, n: int, seed: int, kind: str, label: str = "xwlb"):
    """A body paragraph (or a sentence of 50+ characters) of a real page printed again near the end of
    the page — as a new paragraph, or inside the page's last body paragraph — with up to two characters
    changed."""
    rng = seeded(seed, label, kind)
    cases = []
    for f in shuffled(files, rng):
        if len(cases) >= n:
            break
        with open(f, encoding="utf-8", newline="") as fh:
            raw = fh.read()
        nl = "\r\n" if "\r\n" in raw else "\n"
        lines = read(f).rstrip("\n").split("\n")
        body = [i for i, x in enumerate(lines) if 60 <= len(x) <= 400 and x.endswith("。")
                and not x.startswith(("#", "*", "-", ">", "（", "("))]
        if len(body) < 4:
            continue
        last = body[-1]  # the copy goes into or after the page's last body paragraph
        src = lines[rng.choice(body[:-1])]
        if kind == "copy-paragraph":
            copy = src
        else:
            sents = [x for x in re.findall(r"[^。！？]*[。！？]", src) if len(re.sub(r"\W", "", x)) >= 50]
            if not sents:
                continue
            copy = rng.choice(sents).lstrip("，")
        chars = list(copy)
        for _ in range(rng.randrange(3)):
            k = rng.randrange(len(chars))
            if "\u4e00" <= chars[k] <= "\u9fff":
                chars[k] = rng.choice("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会")
        copy = "".join(chars)
        if kind == "copy-paragraph":
            lines[last + 1:last + 1] = ["", copy]
            line = last + 3
        else:
            lines[last] += copy
            line = last + 1
        path = out / f"{kind}-{len(cases):03d}{f.suffix}"
        path.write_bytes((nl.join(lines) + nl).encode("utf-8"))
        cases.append((path, line))
    rule = "duplicate-paragraph" if kind == "copy-paragraph" else "duplicate-sentence"
    found = run([c[0] for c in cases], "duplicate")
    at = {(f["path"], f["line"]) for f in found if f["rule"] == rule}
    hits = sum(1 for path, line in cases if (str(path), line) in at)
    planted = {(str(p), l) for p, l in cases}
    other = [f for f in found if (f["path"], f["line"]) not in planted and f["severity"] != "info"]
    return hits, len(cases), other


MISSED: list = []  # planted names not found, printed with --show


def common_chars(files) -> list:
    """The 2,500 Han characters most used in the corpus's first 60 pages: what a misspelt name is made with."""
    freq = collections.Counter(c for f in files[:60] for c in read(f) if "\u4e00" <= c <= "\u9fff")
    return [c for c, _ in freq.most_common(2500)]


def name_kind(out: Path, files, n: int, seed: int, label: str = "xwlb"):
    sys.path.insert(0, str(ROOT / "src"))
    from newslint.analyses import charsim
    from newslint.analyses.mentions import analyse
    from newslint.page import Page

    rng = seeded(seed, label, "name")
    common = common_chars(files)
    cases = []
    for f in shuffled(files, rng):
        if len(cases) >= n:
            break
        text = read(f)
        by = collections.defaultdict(list)
        for m in analyse(Page.from_text(str(f), text)).people():
            if m.strong and len(m.name) in (2, 3):
                by[m.name].append(m)
        # a name printed hundreds of times (the head of state) is no test of anything
        names = sorted(name for name, ms in by.items() if 3 <= len(ms) <= 30)
        if not names:
            continue
        name = rng.choice(names)
        pos = rng.choice([1, 2]) if len(name) == 3 else 1  # a given-name character
        how = rng.choice(["sound", "shape"])
        alts = [c for c in common if c != name[pos] and (charsim.sound_alike(name[pos], c) if how == "sound"
                                                          else charsim.look_alike(name[pos], c))]
        if not alts:
            continue
        wrong = name[:pos] + rng.choice(alts) + name[pos + 1:]
        m = rng.choice(by[name][1:])
        path = out / f"name-{len(cases):03d}{f.suffix}"
        path.write_text(text[:m.start] + wrong + text[m.end:], encoding="utf-8")
        cases.append((path, name, wrong, how))
    found = run([c[0] for c in cases], "name")
    by_path = collections.defaultdict(list)
    for f in found:
        by_path[f["path"]].append(f)
    hits = collections.Counter()
    other = []
    wrongs = {c[2] for c in cases}  # a planted spelling seen from another planted page is no false alarm
    for path, name, wrong, how in cases:
        fs = by_path[str(path)]
        hit = any(name in f["message"] and wrong in f["message"] for f in fs)
        hits[how] += hit
        if not hit:
            MISSED.append(f"{path.name}: {name} → {wrong} ({how}) not found")
        other += [f for f in fs if not any(w in f["message"] for w in wrongs)]
    total = collections.Counter(how for *_, how in cases)
    return hits, total, other


def name_list_kind(out: Path, files, n: int, seed: int, label: str = "xwlb"):
    """A member of a 、 list of names misspelt (one given-name character that sounds or looks alike),
    the right spelling printed elsewhere on the page outside that list."""
    sys.path.insert(0, str(ROOT / "src"))
    from newslint.analyses import charsim
    from newslint.analyses.mentions import analyse
    from newslint.page import Page

    rng = seeded(seed, label, "name-list")
    common = common_chars(files)
    cases = []
    for f in shuffled(files, rng):
        if len(cases) >= n:
            break
        text = read(f)
        ms = analyse(Page.from_text(str(f), text)).people()
        # a strong mention in a 、 list whose spelling is printed elsewhere on the page, outside the list
        members = [m for m in ms if m.strong and len(m.name) in (2, 3)
                   and (text[m.end:m.end + 1] == "、" or text[m.start - 1:m.start] == "、")
                   and any(o.name == m.name and (o.group < 0 or o.group != m.group)
                           and abs(o.start - m.start) > 40 for o in ms)]
        if not members:
            continue
        m = rng.choice(members)
        name = m.name
        pos = rng.choice([1, 2]) if len(name) == 3 else 1
        how = rng.choice(["sound", "shape"])
        alts = [c for c in common if c != name[pos] and (charsim.sound_alike(name[pos], c) if how == "sound"
                                                          else charsim.look_alike(name[pos], c))]
        if not alts:
            continue
        wrong = name[:pos] + rng.choice(alts) + name[pos + 1:]
        path = out / f"namelist-{len(cases):03d}{f.suffix}"
        path.write_text(text[:m.start] + wrong + text[m.end:], encoding="utf-8")
        cases.append((path, name, wrong, how))
    if not cases:
        return 0, 0, []
    found = run([c[0] for c in cases], "name")
    by_path = collections.defaultdict(list)
    for f in found:
        by_path[f["path"]].append(f)
    hits, other = 0, []
    wrongs = {c[2] for c in cases}  # a planted spelling seen from another planted page is no false alarm
    for path, name, wrong, how in cases:
        fs = by_path[str(path)]
        hit = any(name in f["message"] and wrong in f["message"] for f in fs)
        hits += hit
        if not hit:
            MISSED.append(f"{path.name}: {name} → {wrong} ({how}) not found")
        other += [f for f in fs if not any(w in f["message"] for w in wrongs)]
    return hits, len(cases), other


def name_register_kind(out: Path, files, n: int, seed: int, label: str = "xwlb"):
    """Names known from the archive: a register is built from the first half of the corpus (by file
    name, i.e. by date) with ``newslint names --archive --format toml``; in a page of the second half, a
    name printed once (in a title, list or byline) that the register attests 3+ times is misspelt; the
    page is checked with the register as its roster."""
    sys.path.insert(0, str(ROOT / "src"))
    import tomllib

    from newslint.analyses import charsim
    from newslint.analyses.mentions import analyse
    from newslint.page import Page

    rng = seeded(seed, label, "name-register")
    half = len(files) // 2
    arch = out / "register-archive"
    arch.mkdir(exist_ok=True)
    for f in files[:half]:
        (arch / f.name).write_bytes(f.read_bytes())
    reg_path = out / "register.toml"
    subprocess.run(NEWSLINT + ["names", "--archive", str(arch), "--format", "toml", "-o", str(reg_path)],
                   check=True, capture_output=True)
    attested = {e["name"]: e.get("count", 0) for e in tomllib.loads(reg_path.read_text("utf-8")).get("person", [])}
    (out / "newslint.toml").write_text('roster = ["register.toml"]\n', encoding="utf-8")
    common = common_chars(files)
    cases = []
    for f in shuffled(files[half:], rng):
        if len(cases) >= n:
            break
        text = read(f)
        ms = analyse(Page.from_text(str(f), text)).people()
        on_page = collections.Counter(m.name for m in ms)
        pick = [m for m in ms if m.strong and m.role != "byline" and len(m.name) in (2, 3)
                and attested.get(m.name, 0) >= 3 and on_page[m.name] == 1]
        if not pick:
            continue
        m = rng.choice(pick)
        name = m.name
        pos = rng.choice([1, 2]) if len(name) == 3 else 1
        how = rng.choice(["sound", "shape"])
        alts = [c for c in common if c != name[pos] and (charsim.sound_alike(name[pos], c) if how == "sound"
                                                          else charsim.look_alike(name[pos], c))]
        alts = [c for c in alts if name[:pos] + c + name[pos + 1:] not in attested]
        if not alts:
            continue
        wrong = name[:pos] + rng.choice(alts) + name[pos + 1:]
        path = out / f"namereg-{len(cases):03d}{f.suffix}"
        path.write_text(text[:m.start] + wrong + text[m.end:], encoding="utf-8")
        cases.append((path, name, wrong, how))
    if not cases:
        return 0, 0, []
    proc = subprocess.run(NEWSLINT + ["check", "--no-cache", "--config", str(out / "newslint.toml"), "--select",
                                      "name", "--format", "json", *[str(c[0]) for c in cases]],
                          capture_output=True, text=True)
    found = json.loads(proc.stdout)["findings"]
    by_path = collections.defaultdict(list)
    for f in found:
        by_path[f["path"]].append(f)
    hits, other = 0, []
    wrongs = {c[2] for c in cases}  # a planted spelling seen from another planted page is no false alarm
    for path, name, wrong, how in cases:
        fs = by_path[str(path)]
        hit = any(name in f["message"] and wrong in f["message"] for f in fs)
        hits += hit
        if not hit:
            MISSED.append(f"{path.name}: {name} → {wrong} ({how}) not found")
        other += [f for f in fs if not any(w in f["message"] for w in wrongs) and f["severity"] != "info"]
    return hits, len(cases), other


KINDS = ("split-word", "split-edge", "split-mark", "truncated", "fragment", "moved-same", "moved-other",
         "shuffled", "repeated-block", "repeated-subhead", "stacked", "copy-paragraph", "copy-sentence", "name", "name-list",
         "name-register")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="labels: " + ", ".join(CORPORA) + " (default: all found)")
    ap.add_argument("--n", type=int, default=400, help="planted defects per kind")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="write the planted pages to DIR/LABEL (kept) instead of a temporary directory")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--show", action="store_true", help="print the findings that are not planted defects")
    args = ap.parse_args()
    labels = args.corpora or list(CORPORA)
    for label in labels:
        if label not in CORPORA:
            ap.error(f"unknown corpus {label!r} (one of {', '.join(CORPORA)})")
    ran = 0
    for label in labels:
        name, style = CORPORA[label]
        files = corpus_files(SHARED / name)
        if not files:
            print(f"{label}: no corpus at {SHARED / name}, skipped", file=sys.stderr)
            continue
        ran += 1
        paras = paragraphs(files, style)
        print(f"\n{label}: {len(paras)} source paragraphs from {len(files)} pages of {name} ({style} pages)")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            if args.keep:
                out = Path(args.keep) / label
                out.mkdir(parents=True, exist_ok=True)
            print(f"{'kind':<15} {'found':>9} {'recall':>7} {'other findings':>15}")
            shown = []

            def want(kind):
                return kind in args.kinds.split(",")

            def row(kind, hits, total, other=None):
                extra = "" if other is None else len(other)
                print(f"{kind:<15} {hits:>4}/{total:<4} {hits / max(total, 1):>7.0%} {extra:>15}")
                shown.extend(other or [])

            for kind in filter(want, ("split-word", "split-edge", "split-mark", "truncated", "fragment")):
                row(kind, *structure_kind(out, kind, paras, args.n, args.seed, label, style))
            for kind in filter(want, ("moved-same", "moved-other")):
                row(kind, *scramble_kind(out, kind, paras, min(args.n, 300), args.seed, label, style))
            if want("shuffled"):
                row("shuffled", *shuffle_kind(out, paras, min(args.n, 200), args.seed, label, style))
            for kind in filter(want, ("repeated-block", "repeated-subhead", "stacked")):
                row(kind, *block_kind(out, kind, paras, min(args.n, 200), args.seed, label, style))
            for kind in filter(want, ("copy-paragraph", "copy-sentence")):
                row(kind, *duplicate_kind(out, files, min(args.n, 200), args.seed, kind, label))
            if want("name"):
                hits, total, other = name_kind(out, files, min(args.n, 100), args.seed, label)
                for how in ("sound", "shape"):
                    row("name-" + how, hits[how], total[how])
                row("name (all)", sum(hits.values()), sum(total.values()), other)
            if want("name-list"):
                row("name-list", *name_list_kind(out, files, min(args.n, 100), args.seed, label))
            if want("name-register"):
                row("name-register", *name_register_kind(out, files, min(args.n, 100), args.seed, label))
            if args.show:
                for line in MISSED:
                    print("  missed " + line)
                MISSED.clear()
                for f in shown:
                    print(f"  {Path(f['path']).name}:{f['line']}: [{f['rule']}] {f['message']}")
    if not ran:
        sys.exit(f"needs at least one corpus in {SHARED}")


if __name__ == "__main__":
    main()
