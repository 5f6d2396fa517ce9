#!/usr/bin/env python3
"""Render a reviewed Word document (``newslint check --format docx -o``) as Word shows it: text on the
left, one balloon per comment in the right margin, each anchor highlighted.

    python docs/render_review.py reviewed.docx -o review.html [--png review.png]

It reads the ``.docx`` itself (``word/document.xml`` and ``word/comments.xml``), not newslint's findings,
so the picture shows what a reviewed copy really holds: where each comment is anchored and what it says.
LibreOffice here (7.4) cannot export comments in the margin to PDF, hence this script for the README's
screenshot; ``--png`` takes the screenshot with headless Chromium.
"""
from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COLOURS = ["#ffe08a", "#b9e3ff", "#c8f0c0", "#ffc9d6", "#e2d4ff", "#ffd8b0"]

CSS = """
body { background: #e9e9e9; margin: 0; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
.sheet { background: white; width: 1040px; margin: 16px auto; padding: 36px 0 36px 56px; box-shadow: 0 1px 4px #999;
         display: grid; grid-template-columns: 620px 340px; column-gap: 24px; row-gap: 10px; }
.p { font-size: 16px; line-height: 1.75; }
.h { font-size: 22px; font-weight: bold; color: #1f4e79; }
.notes { border-left: 1px dashed #bbb; padding-left: 12px; }
.note { font-size: 12.5px; line-height: 1.5; border-radius: 4px; padding: 5px 8px; margin-bottom: 6px; }
.note b { display: block; font-size: 11.5px; color: #555; }
mark { padding: 0 1px; border-radius: 2px; }
sup { font-size: 10px; color: #555; }
"""


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def comments(z: zipfile.ZipFile) -> dict:
    if "word/comments.xml" not in z.namelist():
        return {}
    root = etree.fromstring(z.read("word/comments.xml"))
    return {c.get(W + "id"): (c.get(W + "author") or "", _text(c)) for c in root.iter(W + "comment")}


def render(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        notes = comments(z)
        body = etree.fromstring(z.read("word/document.xml")).find(W + "body")
    order = {cid: i for i, cid in enumerate(notes)}
    rows = []
    for p in body.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        heading = style is not None and style.get(W + "val", "").lower().startswith(("heading", "title"))
        parts, open_ids, here = [], [], []
        for el in p.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "r"):
            if el.tag == W + "commentRangeStart":
                open_ids.append(el.get(W + "id"))
                here.append(el.get(W + "id"))
            elif el.tag == W + "commentRangeEnd":
                cid = el.get(W + "id")
                if cid in open_ids:
                    open_ids.remove(cid)
                parts.append(f"<sup>[{order.get(cid, 0) + 1}]</sup>")
            else:
                t = html.escape("".join(x.text or "" for x in el.iter(W + "t")))
                if not t:
                    continue
                if el.find(f"{W}rPr/{W}b") is not None:
                    t = f"<b>{t}</b>"
                if open_ids:
                    colour = COLOURS[order.get(open_ids[-1], 0) % len(COLOURS)]
                    t = f'<mark style="background:{colour}">{t}</mark>'
                parts.append(t)
        if not parts:
            continue
        balloons = "".join(
            f'<div class="note" style="background:{COLOURS[order[c] % len(COLOURS)]}">'
            f"<b>[{order[c] + 1}] {html.escape(notes[c][0])}</b>{html.escape(notes[c][1])}</div>"
            for c in here if c in notes)
        rows.append(f'<div class="{"p h" if heading else "p"}">{"".join(parts)}</div>'
                    f'<div class="notes">{balloons}</div>')
    return (f"<!doctype html><meta charset=utf-8><title>{html.escape(path.name)}</title>"
            f"<style>{CSS}</style><div class=sheet>{''.join(rows)}</div>")


def screenshot(page: Path, png: Path, width: int = 1100, height: int = 560) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        sys.exit("render_review: no Chromium found for --png")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={png.resolve()}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docx", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True, help="the HTML page to write")
    ap.add_argument("--png", type=Path, help="also take a screenshot of it with headless Chromium")
    ap.add_argument("--size", default="1100x560", help="screenshot size, WIDTHxHEIGHT")
    args = ap.parse_args(argv)
    args.output.write_text(render(args.docx), encoding="utf-8")
    if args.png:
        w, h = (int(v) for v in args.size.split("x"))
        screenshot(args.output, args.png, w, h)


if __name__ == "__main__":
    main()
