"""Word documents: .docx in (paragraphs and table cells as lines), reviewed copies with comments out,
safe fixes run by run.  Every document here is built with python-docx from invented text."""
import json
import os
import re

import pytest

docx = pytest.importorskip("docx")

DUP = "据了解，今年全市新建高标准农田八万亩，比去年增加一成，覆盖全部十六个涉农区县的主要粮食产区。"
BODY = ("近日,全市各区县抓住有利天气,组织农民开展春耕生产。市农业农村局局长张建国介绍,"
        "今年全市计划播种粮食作物一百二十万亩。")
LAST = "张建围表示，将继续做好农资供应和技术指导工作，确保春耕生产顺利推进。"


def build(path):
    """A story: a styled title, a dateline in a bold run, a table, a paragraph printed twice, a name
    variant (张建国/张建围) and half-width commas."""
    d = docx.Document()
    d.add_paragraph("全市春耕生产全面展开", style="Heading 1")
    p = d.add_paragraph()
    p.add_run("本报讯（记者王小明）").bold = True
    p.add_run(BODY)
    d.add_paragraph(DUP)
    d.add_paragraph(DUP)
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "区县", (0, 1): "播种面积", (1, 0): "东城区", (1, 1): "十二万亩"}.items():
        t.cell(r, c).text = text
    d.add_paragraph(LAST)
    d.save(str(path))
    return path


LINES = ["全市春耕生产全面展开", "本报讯（记者王小明）" + BODY, DUP, DUP, "区县", "播种面积", "东城区", "十二万亩", LAST]


def _findings(run_cli, path):
    code, out, err = run_cli("check", "--format", "json", "--no-cache", str(path))
    return code, json.loads(out)["findings"]


def _key(f):
    return (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"].replace("story.md", "story.docx"))


def test_docx_reads_as_its_paragraphs_and_finds_what_the_text_would(tmp_path, run_cli):
    story = build(tmp_path / "story.docx")
    code, found = _findings(run_cli, story)
    assert code == 1
    # the same story as a Markdown page (the styled title is a '#' heading): the same findings, same places
    md = tmp_path / "story.md"
    md.write_text("\n".join(["# " + LINES[0]] + LINES[1:]) + "\n", encoding="utf-8")
    _, as_text = _findings(run_cli, md)
    assert sorted(map(_key, found)) == sorted(map(_key, as_text))
    rules = {f["rule"] for f in found}
    assert {"punctuation-halfwidth", "name-variant", "duplicate-paragraph"} <= rules
    # locations are paragraph and character: the first half-width comma is character 13 of paragraph 2
    commas = sorted((f["line"], f["column"]) for f in found if f["rule"] == "punctuation-halfwidth")
    assert commas[0] == (2, len("本报讯（记者王小明）近日") + 1)
    assert all(f["path"] == str(story) for f in found)


def test_heading_columns_count_characters_of_the_paragraph(tmp_path):
    from newslint.reading import read_page

    d = docx.Document()
    d.add_paragraph("标题里有半角,逗号", style="Heading 2")
    d.save(str(tmp_path / "h.docx"))
    page = read_page(str(tmp_path / "h.docx"))
    assert page.text.startswith("## 标题里有半角,逗号")
    comma = page.text.index(",")
    assert page.location(comma, comma + 1).column == "标题里有半角,".index(",") + 1
    assert page.layout.blocks[0].is_heading


def test_reviewed_copy_has_one_comment_per_finding_and_the_same_text(tmp_path, run_cli):
    story = build(tmp_path / "story.docx")
    _, found = _findings(run_cli, story)
    out = tmp_path / "reviewed.docx"
    code, _, err = run_cli("check", "--no-cache", "--format", "docx", "-o", str(out), str(story))
    assert code == 1 and out.exists()
    original, copy = docx.Document(str(story)), docx.Document(str(out))
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]
    assert [c.text for c in copy.tables[0]._cells] == [c.text for c in original.tables[0]._cells]
    comments = list(copy.comments)
    assert len(comments) == len(found)
    assert {c.author for c in comments} == {"newslint"}
    texts = sorted(c.text for c in comments)
    for f in found:
        # the rules' 第N行 reads 第N段 in Word, where a page line is a paragraph
        message = re.sub(r"第(\d+)行", r"第\1段", f["message"])
        assert any(message in t and f"[{f['rule']}]" in t for t in texts)
    dup = next(t for t in texts if "[duplicate-paragraph]" in t)
    assert "第3段" in dup and "行" not in dup
    # the name variant's comment points at the other spelling's paragraph
    assert any("另见第9段" in t for t in texts if "张建国" in t.split("另见")[0][:8])
    # each comment is anchored on its span: the text between its range marks is the finding's text
    from docx.oxml.ns import qn

    body = copy.element.body
    spans = {}
    for p in body.iter(qn("w:p")):
        for cid in [s.get(qn("w:id")) for s in p.iter(qn("w:commentRangeStart"))]:
            inside, text = False, []
            for el in p.iter():
                if el.tag == qn("w:commentRangeStart") and el.get(qn("w:id")) == cid:
                    inside = True
                elif el.tag == qn("w:commentRangeEnd") and el.get(qn("w:id")) == cid:
                    inside = False
                elif inside and el.tag == qn("w:t"):
                    text.append(el.text or "")
            spans[cid] = "".join(text)
    assert sorted(s for s in spans.values() if s in (",", "，")) == [","] * 3
    assert "张建国" in spans.values() and "张建围" in spans.values()


def test_reviewed_copies_of_several_documents_go_in_a_directory(tmp_path, run_cli):
    a = build(tmp_path / "a.docx")
    b = tmp_path / "b.docx"
    d = docx.Document()
    d.add_paragraph("会议于1月2日召开,各方出席。")
    d.save(str(b))
    out = tmp_path / "reviewed"
    code, _, err = run_cli("check", "--no-cache", "--format", "docx", "-o", str(out), str(a), str(b))
    assert code == 1, err
    assert sorted(os.listdir(out)) == ["a.docx", "b.docx"]
    assert len(list(docx.Document(str(out / "b.docx")).comments)) == 1


def test_format_docx_needs_an_output(tmp_path, run_cli):
    story = build(tmp_path / "story.docx")
    code, _, err = run_cli("check", "--format", "docx", str(story))
    assert code == 2 and "-o" in err


def test_fix_rewrites_runs_and_keeps_formatting(tmp_path, run_cli):
    story = build(tmp_path / "story.docx")
    before = docx.Document(str(story))
    n_paragraphs = len(before.paragraphs)
    code, out, err = run_cli("check", "--no-cache", "--fix", str(story))
    after = docx.Document(str(story))
    assert len(after.paragraphs) == n_paragraphs
    runs = after.paragraphs[1].runs
    assert runs[0].text == "本报讯（记者王小明）" and runs[0].bold
    assert not runs[1].bold
    assert "," not in after.paragraphs[1].text
    assert after.paragraphs[1].text == "本报讯（记者王小明）" + BODY.replace(",", "，")
    assert "punctuation-halfwidth" not in out
    assert "name-variant" in out  # unsafe judgements stay findings
    _, found = _findings(run_cli, story)
    assert not [f for f in found if f["rule"] == "punctuation-halfwidth"]


def test_fix_across_runs_of_different_formatting_is_left_as_a_finding(tmp_path, run_cli):
    path = tmp_path / "x.docx"
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("会议于1月2日召开。各方代表")
    p.add_run("(").bold = True
    p.add_run("共三十人)出席，会议审议了有关报告。")
    d.save(str(path))
    code, out, _ = run_cli("check", "--no-cache", "--fix", "--select", "punctuation", str(path))
    after = docx.Document(str(path))
    assert after.paragraphs[0].text == "会议于1月2日召开。各方代表(共三十人)出席，会议审议了有关报告。"
    assert code == 1 and "punctuation" in out


@pytest.mark.parametrize("suffix,word", [(".doc", ".docx"), (".wps", ".docx"), (".pdf", ".txt")])
def test_legacy_formats_get_one_line_saying_what_to_save_as(tmp_path, run_cli, suffix, word):
    f = tmp_path / ("story" + suffix)
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    code, out, err = run_cli("check", str(f))
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and word in lines[0] and "NUL" not in lines[0]


def test_directory_walk_picks_up_docx_but_not_word_lock_files(tmp_path):
    from newslint.reading import expand_paths

    build(tmp_path / "story.docx")
    (tmp_path / "~$story.docx").write_bytes(b"lock")
    (tmp_path / "note.txt").write_text("会议召开。", encoding="utf-8")
    errors = []
    found = sorted(os.path.basename(p) for p in expand_paths([str(tmp_path)], errors))
    assert found == ["note.txt", "story.docx"] and not errors


def test_a_damaged_docx_is_an_error_naming_it(tmp_path, run_cli):
    f = tmp_path / "broken.docx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = run_cli("check", str(f))
    assert code == 2 and "broken.docx" in err and "Word" in err


def test_sarif_and_html_name_the_docx_path_and_paragraph(tmp_path, run_cli):
    story = build(tmp_path / "story.docx")
    code, out, _ = run_cli("check", "--no-cache", "--format", "sarif", str(story))
    results = json.loads(out)["runs"][0]["results"]
    locs = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results}
    assert any(uri.endswith("story.docx") and line == 2 for uri, line in locs)
    code, out, _ = run_cli("check", "--no-cache", "--format", "html", str(story))
    assert "story.docx" in out
    # the styled title is shown as the document has it, without the '#' marks the layout reads
    line1 = re.search(r'<div class="ln[^"]*" data-l="1">.*?</div>', out).group(0)
    assert "全市春耕生产全面展开" in line1 and "#" not in line1


def test_text_boxes_are_read_after_their_paragraph_once(tmp_path):
    """A text box (DrawingML with its VML fallback, as Word writes it) is a line after the paragraph it is
    anchored in; its fallback copy is not read twice."""
    from docx.oxml import parse_xml

    from newslint.reading import read_page

    d = docx.Document()
    host = d.add_paragraph("正文第一段。")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = '<w:txbxContent><w:p><w:r><w:t>框里的话,有半角逗号。</w:t></w:r></w:p></w:txbxContent>'
    run = parse_xml(f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent><mc:Choice Requires="wps">'
                    f'<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>'
                    '</mc:AlternateContent></w:r>')
    host._p.append(run)
    d.add_paragraph("正文第二段。")
    d.save(str(tmp_path / "box.docx"))
    page = read_page(str(tmp_path / "box.docx"))
    assert page.text.split("\n") == ["正文第一段。", "框里的话,有半角逗号。", "正文第二段。"]


def test_render_review_shows_every_comment_on_its_anchor(tmp_path, run_cli):
    """docs/render_review.py (the README's screenshot) reads the reviewed copy itself: every comment
    is a balloon and every anchor is marked."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "docs" / "render_review.py"
    spec = importlib.util.spec_from_file_location("render_review", script)
    render_review = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_review)
    story = build(tmp_path / "story.docx")
    out = tmp_path / "reviewed.docx"
    run_cli("check", "--no-cache", "--format", "docx", "-o", str(out), str(story))
    page = render_review.render(out)
    comments = list(docx.Document(str(out)).comments)
    assert page.count('class="note"') == len(comments) > 0
    assert page.count("<mark") >= len(comments)
    assert re.search(r'<mark style="[^"]+">张建围</mark><sup>\[\d+\]</sup>', page)  # the variant is marked
    assert "<b>本报讯（记者王小明）</b>" in page  # formatting comes from the runs


def test_fix_inside_a_text_box_rewrites_it_and_its_fallback_copy(tmp_path, run_cli):
    """A safe fix in a text box is made in the box (and in the VML copy older readers show), nowhere else."""
    from docx.oxml import parse_xml

    d = docx.Document()
    host = d.add_paragraph("正文第一段。")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = '<w:txbxContent><w:p><w:r><w:t>框里的话,有半角逗号。</w:t></w:r></w:p></w:txbxContent>'
    host._p.append(parse_xml(
        f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent><mc:Choice Requires="wps">'
        f'<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'))
    d.add_paragraph("正文第二段。")
    path = tmp_path / "box.docx"
    d.save(str(path))
    code, out, err = run_cli("check", "--no-cache", "--fix", str(path))
    assert code == 0, out + err
    from docx.oxml.ns import qn

    body = docx.Document(str(path)).element.body
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:txbxContent"))]
    assert texts == ["框里的话，有半角逗号。"] * 2
    assert [p.text for p in docx.Document(str(path)).paragraphs] == ["正文第一段。", "正文第二段。"]
