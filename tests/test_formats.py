"""PDF, Word and Excel files read as the same plan as their text, with each fact's place in the file.

The fixtures in tests/fixtures/formats are 002 and 003 of the bundled corpus written as Word
(002 with typed headings and its annex a Word table; 003 with Word's automatic numbering),
the same converted to PDF by LibreOffice, and 002's task table as an .xlsx sheet
(make_fixtures.py makes them).
"""

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from openpyxl import Workbook

from graph.errors import DocumentError
from loaders.documents import load_path, read_bytes, read_with_attachments
from loaders.formats.layout import Layout
from loaders.formats.word_numbering import chinese
from loaders.pipeline import load_file
from loaders.read import read_text

FORMATS = Path(__file__).parent / "fixtures" / "formats"
CORPUS = Path(__file__).parents[1] / "corpus"


def text_file(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def triples(graph, annex_only: bool = False, as_written: bool = False) -> set[tuple[str, str, str]]:
    """(unit title, role, department): the department resolved, or `as_written` (its surface form)."""
    units = {u.id: u for u in graph.units}
    names = {d.id: d.name for d in graph.departments}
    return {(units[a.unit_id].title, a.role, a.surface if as_written else names[a.department_id])
            for a in graph.assignments if not annex_only or units[a.unit_id].annex}


@pytest.fixture(scope="module")
def texts():
    return {p: load_file(text_file(p)) for p in ("002", "003")}


@pytest.fixture(scope="module")
def read():
    return {f: load_path(FORMATS / f) for f in ("002.docx", "003.docx", "002.pdf", "003.pdf", "002_tasks.xlsx")}


@pytest.mark.parametrize("name", ["002.docx", "003.docx", "002.pdf", "003.pdf"])
def test_word_and_pdf_give_the_leads_and_supports_of_the_text(name, texts, read):
    text, other = triples(texts[name[:3]]), triples(read[name])
    kept, extra = len(text & other) / len(text), len(other - text) / len(text)
    assert kept >= 0.95 and extra <= 0.05, (sorted(text - other)[:5], sorted(other - text)[:5])
    for field in ("title", "doc_number", "issued", "jurisdiction"):
        assert getattr(read[name].plan, field) == getattr(texts[name[:3]].plan, field)
    assert read[name].plan.source == name


def test_the_task_table_as_a_sheet_gives_the_annex_leads_and_supports(texts, read):
    """Alone, a sheet does not say whose departments these are (no 皖政 number): the names as written."""
    annex = triples(texts["002"], annex_only=True, as_written=True)
    assert len(annex) > 15 and triples(read["002_tasks.xlsx"], as_written=True) == annex


def notice_002() -> bytes:
    """002 as the notice without its annex: the text up to its 附件 page."""
    text = text_file("002").read_text(encoding="utf-8")
    return text[: text.index("\u3000\u3000附件\n")].encode()


def test_a_notice_with_its_task_sheet_attached_is_the_plan_of_the_whole_text(texts):
    graph = read_with_attachments(("002.txt", notice_002()),
                                  [("附件1.xlsx", (FORMATS / "002_tasks.xlsx").read_bytes())])
    assert triples(graph) == triples(texts["002"])
    assert graph.plan.id == texts["002"].plan.id and graph.plan.source == "002.txt"
    units = {u.id: u for u in graph.units}
    annex = [a for a in graph.assignments if units[a.unit_id].annex]
    assert annex and all(a.evidence.locator.startswith("附件1.xlsx: sheet 具体任务分解表, cell ") for a in annex)
    assert all(a.evidence.locator is None for a in graph.assignments if not units[a.unit_id].annex)


def test_a_folder_of_a_notice_and_its_attachments_loads_as_one_plan(tmp_path, texts):
    from api.loading import Attached, load_paths, with_attachments
    from graph.embedded import EmbeddedStore

    folder = tmp_path / "皖政2018-20"
    folder.mkdir()
    (folder / "通知.txt").write_bytes(notice_002())
    (folder / "附件1 具体任务分解表.xlsx").write_bytes((FORMATS / "002_tasks.xlsx").read_bytes())
    (tmp_path / "003.docx").write_bytes((FORMATS / "003.docx").read_bytes())
    documents = with_attachments([folder, tmp_path / "003.docx"])
    assert documents[0] == tmp_path / "003.docx"
    assert documents[1] == Attached(folder / "通知.txt", (folder / "附件1 具体任务分解表.xlsx",))
    store = EmbeddedStore(tmp_path / "store")
    try:
        report = load_paths(store, documents, keep_plans=True)
    finally:
        store.close()
    assert report.loaded == 2 and not report.failed
    assert triples(report.plans[1]) == triples(texts["002"])


def test_every_fact_of_a_pdf_is_located_on_the_page_line_or_cell_that_shows_its_quote(read):
    graph = read["002.pdf"]
    with pdfplumber.open(FORMATS / "002.pdf") as pdf:
        pages = [re.sub(r"\s", "", p.extract_text()) for p in pdf.pages]
        tables = [[t.extract() for t in p.find_tables()] for p in pdf.pages]
    for a in graph.assignments:
        # the quote's start is where the locator's first place is (a cell cut by a page break goes on)
        head = re.sub(r"\s", "", a.evidence.quote)[:1 if " – " in a.evidence.locator else 6]
        if cell := re.match(r"page (\d+), table (\d+), row (\d+), cell (\d+)", a.evidence.locator):
            p, t, r, c = (int(g) for g in cell.groups())
            assert head in re.sub(r"\s", "", tables[p - 1][t - 1][r - 1][c - 1]), (a.evidence.locator, head)
        else:
            line = re.match(r"page (\d+), line \d+", a.evidence.locator)
            assert line and head in pages[int(line.group(1)) - 1], (a.evidence.locator, head)


def test_word_facts_are_located_by_paragraph_and_table_cell(read):
    graph = read["002.docx"]
    units = {u.id: u for u in graph.units}
    lead = next(a for a in graph.assignments if units[a.unit_id].annex and a.evidence.quote == "省通信管理局")
    assert lead.evidence.locator == "table 1, row 8, cell 3"  # the header is row 1; task 7 is row 8
    body = next(a for a in graph.assignments if not units[a.unit_id].annex)
    assert re.fullmatch(r"paragraph \d+", body.evidence.locator)
    paragraph = int(body.evidence.locator.split()[1])
    written = Document(str(FORMATS / "002.docx")).paragraphs[paragraph - 1].text
    assert body.evidence.quote in written


def test_sheet_facts_are_located_by_cell(read):
    graph = read["002_tasks.xlsx"]
    assert {a.evidence.locator.split(", cell ")[1][0] for a in graph.assignments} == {"C", "D"}
    assert all(a.evidence.locator.startswith("sheet 具体任务分解表, cell ") for a in graph.assignments)


def test_running_headers_footers_and_page_numbers_are_not_read():
    for name, header in (("002.pdf", "安徽省人民政府文件"), ("003.pdf", "深圳市人民政府文件"),
                         ("002.docx", "安徽省人民政府文件")):
        text = read_text((FORMATS / name).read_bytes(), name).text
        assert header not in text
        assert not re.search(r"^[—-]\s*\d+\s*[—-]$", text, re.M)


def test_pdf_lines_broken_by_the_page_width_are_joined_back_into_the_lines_of_the_text():
    pdf_lines = set(read_text((FORMATS / "003.pdf").read_bytes(), "003.pdf").text.split("\n"))
    text_lines = [ln for ln in read_text(text_file("003").read_bytes(), "003.txt").text.split("\n") if ln]
    assert sum(1 for ln in text_lines if ln in pdf_lines) >= 0.95 * len(text_lines)


def test_word_automatic_numbering_is_read_as_the_outline_markers():
    text = read_text((FORMATS / "003.docx").read_bytes(), "003.docx").text
    assert "\n三、工作措施\n" in text and "\n（十二）互联网+大数据+人工智能。\n" in text.replace("＋", "+")


@pytest.mark.parametrize("n, written", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"),
                                        (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting_as_word_shows_it(n, written):
    assert chinese(n) == written


def _numbered_docx(levels: list[tuple[str, str]], paragraphs: list[tuple[int | None, str]]) -> bytes:
    """A .docx with one list (level formats and texts) and paragraphs (level or None, text)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = Document()
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'</w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    for level, text in paragraphs:
        p = doc.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_deeper_level_restarts_after_each_higher_one():
    data = _numbered_docx([("chineseCounting", "%1、"), ("decimal", "%2.")],
                          [(0, "建设网络"), (1, "光纤入户"), (1, "移动网络"), (None, "说明文字"), (0, "发展产业"),
                           (1, "软件园区")])
    from loaders.formats.docx import read_docx

    assert read_docx(data, "x.docx").text.split("\n")[:6] == [
        "一、建设网络", "1.光纤入户", "2.移动网络", "说明文字", "二、发展产业", "1.软件园区"]


def test_a_word_table_cell_spanning_rows_is_left_empty_below_as_in_html():
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    for r, cells in enumerate([["序号", "任务", "牵头单位"], ["1", "建设网络", "市工信局"], ["2", "发展产业", ""]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(1, 2).merge(table.cell(2, 2))
    out = io.BytesIO()
    doc.save(out)
    from loaders.formats.docx import read_docx

    rows = [ln for ln in read_docx(out.getvalue(), "x.docx").text.split("\n") if ln]
    assert rows == ["序号\t任务\t牵头单位", "1\t建设网络\t市工信局", "2\t发展产业\t"]


def test_a_merged_cell_of_a_sheet_is_carried_down_the_rows_it_covers():
    wb = Workbook()
    ws = wb.active
    ws.title = "任务"
    for row in (["序号", "工作任务", "牵头单位", "配合单位"], [1, "建设数据中心", "市发展改革委", "市财政局"],
                [2, "建设城市大脑", None, "市公安局"]):
        ws.append(row)
    ws.merge_cells("C2:C3")
    out = io.BytesIO()
    wb.save(out)
    from loaders.formats.sheets import read_xlsx

    layout = read_xlsx(out.getvalue(), "t.xlsx")
    assert layout.text.split("\n")[:4] == ["任务", "序号\t工作任务\t牵头单位\t配合单位",
                                           "1\t建设数据中心\t市发展改革委\t市财政局", "2\t建设城市大脑\t市发展改革委\t市公安局"]
    at = layout.text.rindex("市发展改革委")
    assert layout.locate(at, at + 6) == "sheet 任务, cell C3"


def test_a_layout_locates_a_quote_by_its_first_and_last_place():
    layout = Layout()
    layout.line("第一行", "page 1, line 1")
    layout.line("第二行", "page 1, line 2")
    assert layout.locate(0, 3) == "page 1, line 1"
    assert layout.locate(1, 6) == "page 1, line 1 – page 1, line 2"


def test_pdf_lines_are_joined_only_where_the_page_width_broke_them():
    from loaders.formats.pdf import _lay_out, _Line, _Page

    page = _Page(1, 842.0)
    rows = [  # x0, x1, text: body from 80 to 515, 14 pt characters, 23 pt from line to line
        (80, 514, "一、加快建设信息基础设施，推进光纤宽带网络和第四代移动通信网络建设，"),
        (80, 300, "全面提升网络能力。"),
        (108, 514, "到2020年，全市光纤宽带用户达到200万户，第四代移动通信网络实现城乡全覆"),
        (80, 200, "盖。"),
        (80, 514, "（一）建设光纤网络。推进光纤到户改造，新建住宅小区全部实现光纤到户，提"),
        (80, 250, "升宽带接入能力。"),
    ]
    page.lines = [_Line(1, text, x0, x1, 100 + 23 * i) for i, (x0, x1, text) in enumerate(rows)]
    assert _lay_out([page]).text.split("\n")[:3] == [
        "一、加快建设信息基础设施，推进光纤宽带网络和第四代移动通信网络建设，全面提升网络能力。",
        "到2020年，全市光纤宽带用户达到200万户，第四代移动通信网络实现城乡全覆盖。",
        "（一）建设光纤网络。推进光纤到户改造，新建住宅小区全部实现光纤到户，提升宽带接入能力。"]


def test_a_scan_without_a_text_layer_is_refused_with_that_reason():
    with pytest.raises(DocumentError, match=r"scan\.pdf: no text layer \(a scan"):
        read_bytes((FORMATS / "scan.pdf").read_bytes(), "scan.pdf")


@pytest.mark.parametrize("name", ["002.docx", "002.pdf", "002_tasks.xlsx"])
def test_a_damaged_file_is_named_with_its_reason_not_a_traceback(name):
    data = (FORMATS / name).read_bytes()
    with pytest.raises(DocumentError, match=rf"^{re.escape(name)}: "):
        read_bytes(data[: len(data) // 3], name)


def test_a_file_whose_content_is_not_its_suffix_is_named():
    with pytest.raises(DocumentError, match=r"plan\.docx: not a DOCX file"):
        read_bytes("这不是一个Word文件，只是一段文字。".encode() * 5, "plan.docx")


def test_a_legacy_word_file_without_libreoffice_names_what_to_install(monkeypatch):
    import loaders.formats.legacy as legacy

    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(DocumentError, match=r"plan\.doc: .*libreoffice-writer-nogui"):
        read_bytes(ole, "plan.doc")


@pytest.fixture
def api(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.cache import CachedStore
    from graph.embedded import EmbeddedStore

    store = CachedStore(EmbeddedStore(tmp_path / "s"))
    with TestClient(create_app(store, api_token="t0ken")) as client:
        yield client
    store.close()


def test_word_pdf_and_a_notice_with_its_attachments_load_over_http(api, texts):
    auth = {"Authorization": "Bearer t0ken"}
    r = api.post("/documents", files={"file": ("003.pdf", (FORMATS / "003.pdf").read_bytes(), "application/pdf")},
                 headers=auth)
    assert r.status_code == 201 and r.json()["plan"]["doc_number"] == "深府〔2015〕69号"
    r = api.post("/documents", headers=auth, files=[
        ("file", ("通知.txt", notice_002(), "text/plain")),
        ("attachments", ("附件1.xlsx", (FORMATS / "002_tasks.xlsx").read_bytes(), "application/octet-stream"))])
    assert r.status_code == 201 and r.json()["plan"]["id"] == texts["002"].plan.id
    assert r.json()["leads"] + r.json()["supports"] == len(texts["002"].assignments)
    r = api.post("/documents", headers=auth, files={"file": ("坏.docx", b"PK\x03\x04broken", "application/zip")})
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("坏.docx: ")


def test_the_api_and_the_rdf_export_show_where_in_the_file_a_fact_stands(api):
    auth = {"Authorization": "Bearer t0ken"}
    r = api.post("/documents", files={"file": ("002.docx", (FORMATS / "002.docx").read_bytes(), "application/zip")},
                 headers=auth)
    plan = api.get(f"/plans/{r.json()['plan']['id']}").json()
    leads = [d for u in plan["units"] for d in u["leads"]]
    assert leads and all(d["locator"] for d in leads)
    assert "table 1, row 8, cell 3" in api.get("/export", params={"format": "nt"}).text


def test_the_rdf_export_carries_a_locator_beside_the_quote():
    from rdflib import Literal

    from graph.rdf import Exporter, iri
    from graph.vocabulary import PKG

    exporter = Exporter()
    exporter.evidence(iri("x"), {"quote": "省通信管理局", "span_start": 1, "span_end": 7, "source": "002.docx",
                                 "locator": "table 1, row 8, cell 3"})
    assert exporter.g.value(iri("x"), PKG.locator) == Literal("table 1, row 8, cell 3")
    exporter.evidence(iri("y"), {"quote": "省通信管理局", "span_start": 1, "span_end": 7, "source": "002.txt",
                                 "locator": None})
    assert exporter.g.value(iri("y"), PKG.locator) is None


def test_the_store_keeps_the_locator_of_every_fact(tmp_path, read):
    from graph.embedded import EmbeddedStore
    from graph.rows import to_rows

    rows = to_rows(read["002.docx"])
    assert all(r["locator"] for edges in rows.edges.values() for r in edges if "quote" in r)
    store = EmbeddedStore(tmp_path / "s")
    try:
        store.replace_plan(read["002.docx"])
        assert store.run("plan", {"id": read["002.docx"].plan.id})
    finally:
        store.close()


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_legacy_word_file_is_read_through_libreoffice(texts):
    graph = load_path(FORMATS / "002.doc")
    assert triples(graph) == triples(texts["002"])
    assert graph.assignments[0].evidence.locator.startswith("paragraph ")


def test_a_word_paragraph_reads_as_shown_tracked_insertions_in_deletions_out():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from loaders.formats.docx import read_docx

    doc = Document()
    p = doc.add_paragraph("建设")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>数据中心</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t>（市工信局牵头）</w:t></w:r></w:hyperlink>'))
    p.add_run("\t完成")
    out = io.BytesIO()
    doc.save(out)
    assert read_docx(out.getvalue(), "x.docx").text == "建设数据中心（市工信局牵头） 完成\n"


def test_a_folder_leaves_out_the_lock_files_word_leaves_beside_a_document(tmp_path):
    from api.loading import iter_documents

    (tmp_path / "plan.docx").write_bytes((FORMATS / "002.docx").read_bytes())
    (tmp_path / "~$plan.docx").write_bytes(b"lock")
    assert iter_documents([tmp_path]) == [tmp_path / "plan.docx"]


def test_a_pdf_line_ending_short_is_joined_only_when_what_begins_the_next_would_not_have_fit():
    from loaders.formats.pdf import _lay_out, _Line, _Page

    def lines(*rows):
        page = _Page(1, 842.0)
        page.lines = [_Line(1, text, 80 if i != 1 else 108, x1, 100 + 23 * i, "", (14.0,) * 24)  # 2nd indented
                      for i, (x1, text) in enumerate(rows)]
        return _lay_out([page]).text.split("\n")[:2]

    full = (514, "各责任单位要制定具体落实方案，明确时间节点、责任领导和主要措施，并按月报送进展")
    # 20 pt left: "准" alone would fit, but a line may not begin with "，", so "准，" went down together
    assert lines(full, (494, "优化二套房认定标"), (300, "准，满足刚性住房需求。"))[1] == "优化二套房认定标准，满足刚性住房需求。"
    # 20 pt left and the next line begins "授权": it would have fit, so the paragraph ended there
    assert lines(full, (494, "省级行政区内知识产权案件跨市审理"), (300, "授权市级人民法院管辖。"))[1] == "省级行政区内知识产权案件跨市审理"


def test_policykg_load_attach_reads_a_notice_and_its_attachment_as_one_plan(tmp_path):
    import json
    import subprocess
    import sys

    notice = tmp_path / "皖政〔2018〕20号.txt"
    notice.write_bytes(notice_002())
    sheet = tmp_path / "附件1.xlsx"
    sheet.write_bytes((FORMATS / "002_tasks.xlsx").read_bytes())
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4 broken")

    def policykg(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", "from api.cli import main; main()", *args],
                              capture_output=True, text=True)

    store = str(tmp_path / "s")
    r = policykg("load", str(notice), str(sheet), "--attach", "--store", store)
    assert r.returncode == 0 and "loaded 1 of 1" in r.stdout, r.stderr
    r = policykg("load", str(broken), str(FORMATS / "003.docx"), "--store", store)
    assert r.returncode == 1 and "坏.pdf: not a readable PDF" in r.stderr and "Traceback" not in r.stderr
    out = policykg("query", "plans", "--store", store).stdout
    plans = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert sorted(p["source"] for p in plans) == ["003.docx", notice.name]


@pytest.mark.skipif(not __import__("loaders.formats.ocr", fromlist=["available"]).available(),
                    reason="tesseract-ocr with tesseract-ocr-chi-sim is not installed")
def test_a_scan_is_read_by_ocr_where_tesseract_reads_chinese_and_says_so():
    from loaders.read import read_placed

    data = (FORMATS / "scan_text.pdf").read_bytes()
    graph = read_bytes(data, "scan_text.pdf")
    assert read_placed(data, "scan_text.pdf")[1].notes == {"ocr": "tesseract chi_sim"}
    assert any("信息消费" in u.title for u in graph.units)
    assert graph.assignments and all(a.evidence.locator.endswith("(OCR)") for a in graph.assignments)
    assert any(a.surface.endswith("经济和信息化委") for a in graph.assignments)
    assert [w.kind for w in graph.warnings if w.kind == "ocr"] == ["ocr"]


def test_without_ocr_a_scan_is_refused_naming_what_to_install(monkeypatch):
    from loaders.formats import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(DocumentError, match=r"no text layer \(a scan.*tesseract-ocr-chi-sim"):
        read_bytes((FORMATS / "scan_text.pdf").read_bytes(), "scan_text2.pdf")


def test_a_package_that_expands_past_reason_is_refused_before_it_is_opened():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(DocumentError, match=r"bomb\.docx: expands to more than 256 MB"):
        read_bytes(out.getvalue(), "bomb.docx")


def test_each_file_of_a_notice_and_its_attachments_is_held_to_the_size_limit(monkeypatch):
    import loaders.read

    sheet = (FORMATS / "002_tasks.xlsx").read_bytes()
    limit = max(len(notice_002()), len(sheet)) + 1
    monkeypatch.setattr(loaders.read, "MAX_BYTES", limit)
    graph = read_with_attachments(("通知3.txt", notice_002()), [("附件1.xlsx", sheet), ("附件2.xlsx", sheet)])
    assert graph.units and len(notice_002()) + 2 * len(sheet) > limit  # each file is under the limit, not all
    with pytest.raises(DocumentError, match=r"^附件2.pdf: too large"):
        read_with_attachments(("通知4.txt", notice_002()), [("附件2.pdf", (FORMATS / "003.pdf").read_bytes())])
