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


def test_evidence_spans_point_into_the_text_as_written():
    path = doc("004")
    text = path.read_text(encoding="utf-8")
    graph = read_document(path.read_bytes(), path.name)
    for a in graph.assignments[:20]:
        assert text[a.evidence.start:a.evidence.end] == a.evidence.quote
