"""Word .docx as reading text: the body's paragraphs and tables in order, with places.

python-docx (MIT, maintained) opens the package; the body is walked as Word lays
it out: paragraphs (their automatic numbering put back, loaders.formats.word_numbering),
tables one tab-separated line per row (a cell spanning columns or continuing a
vertical merge leaves an empty cell, as the HTML reader does, so columns line up),
content controls opened. Headers, footers, footnotes and comments are not the
document's text and are not read. Places: `paragraph N` (counting the body's
paragraphs as Word does, empty ones too) and `table T, row R, cell C`.
"""

import io
import zipfile

from docx import Document
from docx.oxml.ns import qn

from graph.errors import DocumentError
from loaders.formats.layout import Layout
from loaders.formats.word_numbering import Numbering

_P, _TBL, _SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")


def _blocks(parent):
    """Paragraphs and tables of a body or cell in order, content controls (w:sdt) opened."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_SKIP = {qn("w:del"), qn("w:txbxContent"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delText"),
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def _runs(element) -> str:
    """The text of a paragraph as shown: runs, hyperlinks, fields and tracked insertions in order;
    deleted text, text boxes (drawn over the page, not in the flow) and paragraph marks left out."""
    parts = []
    for child in element.iterchildren():
        if child.tag in _SKIP:
            continue
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _TAB:
            parts.append(" ")  # a tab in a paragraph would make its line a table row
        elif child.tag in (_BR, _CR):
            parts.append("\n")
        else:
            parts.append(_runs(child))
    return "".join(parts)


def _text(p, numbering: Numbering) -> str:
    """A paragraph as a reader sees it: its marker (Word's automatic numbering), then its text."""
    text = _runs(p)
    marker = numbering.marker(p)
    return f"{marker}{text}" if text.strip() else text


class _Walker:
    def __init__(self, document) -> None:
        self.document = document
        self.numbering = Numbering(document)
        self.layout = Layout()
        self.paragraphs = 0
        self.tables = 0

    def body(self) -> Layout:
        for block in _blocks(self.document.element.body):
            if block.tag == _P:
                self.paragraphs += 1
                text = _text(block, self.numbering)
                if text.strip():
                    self.layout.line(text, f"paragraph {self.paragraphs}")
            else:
                self.table(block)
        return self.layout

    def cell_text(self, tc) -> str:
        parts = []
        for block in _blocks(tc):
            if block.tag == _P:
                parts.append(_text(block, self.numbering).replace("\n", " ").strip())
            else:  # a table inside a cell: its cells' text, in order
                parts += [self.cell_text(inner) for inner in block.iter(qn("w:tc"))]
        return " ".join(p for p in parts if p)

    def table(self, tbl) -> None:
        self.tables += 1
        number = self.tables
        self.layout.add("\n", None)  # a table stands apart from the paragraph before it
        for r, tr in enumerate(tbl.findall(qn("w:tr")), 1):
            cells: list[tuple[str, str]] = []
            column = 1
            for tc in tr.findall(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                merge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
                text = "" if continued else self.cell_text(tc)
                cells.append((text, f"table {number}, row {r}, cell {column}"))
                width = int(span.get(qn("w:val"), "1")) if span is not None else 1
                cells += [("", f"table {number}, row {r}, cell {column + k}") for k in range(1, width)]
                column += width
            if any(t for t, _ in cells):
                self.layout.row(cells)
        self.layout.add("\n", None)


def read_docx(data: bytes, name: str) -> Layout:
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise DocumentError(f"{name}: not a readable Word document (.docx): {type(e).__name__}") from e
    except Exception as e:  # python-docx raises its own and lxml's errors for a damaged package
        raise DocumentError(f"{name}: not a readable Word document (.docx): {type(e).__name__}") from e
    return _Walker(document).body()
