"""Input as it comes: the same document as GB18030, UTF-16, Traditional characters or an HTML
page gives the same facts as the original; quotes keep the text as written."""

import html

import opencc
import pytest

from loaders.pipeline import read_document
from tests.conftest import DOCS, doc


def facts(graph):
    """What a user relies on, independent of the file's form."""
    names = {d.id: d.name for d in graph.departments}
    titles = {u.id: u.title for u in graph.units}
    p = graph.plan
    return {
        "plan": (p.id, p.title, p.issuer, p.jurisdiction, p.issued, p.doc_number),
        "edges": sorted((titles[a.unit_id], a.role, names[a.department_id], a.basis) for a in graph.assignments),
        "targets": sorted((i.name, i.target_value, i.unit, i.target_year) for i in graph.indicators),
        "implements": sorted(i.plan.doc_number or "" for i in graph.implements),
    }


def as_html(text: str) -> str:
    rows = []
    for line in text.splitlines():
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
            rows.append(f"<table><tr>{cells}</tr></table>")
        else:
            rows.append(f"<p>{html.escape(line)}</p>")
    body = "\n".join(rows)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府文件</title>"
            f"<script>var x = '（省财政厅负责）';</script></head><body>{body}</body></html>")


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name[:3])
def test_gb18030_copy_gives_the_same_facts(path):
    original = read_document(path.read_bytes(), path.name)
    copy = read_document(path.read_text(encoding="utf-8").encode("gb18030"), path.name)
    assert facts(copy) == facts(original)


def test_utf16_with_bom_gives_the_same_facts():
    path = doc("003")
    original = read_document(path.read_bytes(), path.name)
    assert facts(read_document(path.read_text(encoding="utf-8").encode("utf-16"), path.name)) == facts(original)


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_html_copy_gives_the_same_facts(prefix):
    path = doc(prefix)
    original = read_document(path.read_bytes(), path.name)
    page = as_html(path.read_text(encoding="utf-8")).encode("utf-8")
    assert facts(read_document(page, path.name.replace(".txt", ".html"))) == facts(original)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_traditional_copy_gives_the_same_facts_and_quotes_the_original(prefix):
    path = doc(prefix)
    original = read_document(path.read_bytes(), path.name)
    traditional = opencc.OpenCC("s2t").convert(path.read_text(encoding="utf-8"))
    copy = read_document(traditional.encode("utf-8"), path.name)
    assert facts(copy) == facts(original)
    quote = copy.assignments[0].evidence.quote
    assert quote in traditional and quote != original.assignments[0].evidence.quote


def test_half_width_punctuation_and_stray_spaces_read_the_same():
    path = doc("000")
    text = path.read_text(encoding="utf-8")
    messy = text.replace("（", "(").replace("）", ")").replace("：", ":").replace("省发展改革委、", "省发展改革委 、 ")
    assert facts(read_document(messy.encode(), path.name)) == facts(read_document(path.read_bytes(), path.name))


def _messy_copy(text: str) -> str:
    """Traditional characters and half-width punctuation, changed character by character so that every
    character keeps its index: the copy's text at an index is the original's at that index, as written."""
    s2t = opencc.OpenCC("s2t")
    half = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";"})
    out = []
    for ch in text:
        converted = s2t.convert(ch)
        out.append(converted if len(converted) == 1 else ch)
    return "".join(out).translate(half)


def test_evidence_spans_point_into_the_text_as_written():
    """A quote read from a messy copy is the copy's own text at the span, and the span is where the clean
    document has the same fact (the copy keeps every index), so offsets survive the reading text's changes."""
    path = doc("004")
    text = path.read_text(encoding="utf-8")
    messy = _messy_copy(text)
    assert len(messy) == len(text) and messy != text
    clean = read_document(path.read_bytes(), path.name)
    copy = read_document(messy.encode("utf-8"), path.name)

    def keyed(graph):
        names = {d.id: d.name for d in graph.departments}
        titles = {u.id: u.title for u in graph.units}
        return {(titles[a.unit_id], a.role, names[a.department_id]): a.evidence for a in graph.assignments}

    expected, got = keyed(clean), keyed(copy)
    assert got.keys() == expected.keys() and len(got) > 20
    changed = 0
    for key, evidence in got.items():
        where = expected[key]
        assert (evidence.start, evidence.end) == (where.start, where.end), key
        assert evidence.quote == messy[where.start:where.end]
        assert where.quote == text[where.start:where.end]
        # every fact of this plan rests on a note in brackets: the span covers the whole note as written
        assert where.quote[0] + where.quote[-1] == "（）" and evidence.quote[0] + evidence.quote[-1] == "()"
        changed += evidence.quote != where.quote
    assert changed > len(got) // 2  # the copy's quotes are its own text, not the reading text
