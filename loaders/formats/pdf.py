"""PDF (its text layer) as reading text: lines in reading order, paragraphs joined, tables as rows.

Library: pdfplumber (MIT, on pdfminer.six; maintained) gives every character with its
position, and finds ruled tables with their cells, which is what a government PDF
made from Word needs; CJK text comes out in order without spaces between glyphs.
pypdfium2 (Apache/BSD) extracts text well but has no table finder; PyMuPDF is fast
and finds tables too, but is AGPL, which would bind every deployment of policykg.

The page is read as a reader reads it: top to bottom, the body's lines and the
tables (each row one tab-separated line, a cell's wrapped lines joined) in the
order they stand. Running headers and footers (a line in the top or bottom band
repeated on most pages, digits aside) and page numbers (— 3 —, 第3页, 3/12) are
not the document's text. A line broken only because the page ended there is
joined to the next; a heading (一、 （一） 1． 第一条), an indented line and the
line after a short one start a new line, as they do in the document. A table row
cut by a page break is joined back. A PDF with no text layer (a scan) is refused
with that reason, or read by OCR where tesseract with Chinese is installed (loaders.formats.ocr).
Places: `page P, line L` (the page's body lines, counted from the top) and
`page P, table T, row R, cell C`.
"""

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber

from graph.errors import DocumentError
from loaders.formats import ocr
from loaders.formats.layout import Layout

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[．.、](?!\d)"
                     r"|第[一二三四五六七八九十百\d]+[章节条]|附件|专栏|[①-⑳])")
PAGE_NUMBER = re.compile(r"^(?:[\s\-—–－_·]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)"
                         r"[\s\-—–－_·]*|\s*[\-—–－_·]+\s*\d+\s*[\-—–－_·]+\s*)$")
BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")  # a page number only where it counts the pages
BAND = 0.09  # headers and footers stand in the top and bottom 9% of the page
_ALNUM_END = re.compile(r"[A-Za-z0-9]$")
_ALNUM_START = re.compile(r"^[A-Za-z0-9]")
_LATIN_TOKEN = re.compile(r"^[（(“]?[A-Za-z0-9.%/+\-]+[）)”]?")  # wraps whole: the line before may end short


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    place: str = ""
    widths: tuple[float, ...] = ()  # the widths of its first characters (spaces aside)


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    places: list[list[str]]
    header_at_top: bool = False


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)


def _join(parts: list[str]) -> str:
    """Wrapped pieces of one text: no space between Chinese, one between Latin words or digits."""
    out = ""
    for part in parts:
        out += " " + part if out and _ALNUM_END.search(out) and _ALNUM_START.match(part) else part
    return out


def _cell_text(page, bbox, char_width: float) -> str:
    """A cell's lines: joined without a break where the cell's width broke them, by a space where a
    line ends short (a new paragraph inside the cell, e.g. one department per line)."""
    lines = page.crop(bbox, strict=False).extract_text_lines(strip=True)
    out = ""
    for i, line in enumerate(lines):
        text = line["text"].strip()
        if i and out:
            short = lines[i - 1]["x1"] < bbox[2] - 2.5 * char_width
            out += " " + text if short else _join([out, text])[len(out):]
        else:
            out = text
    return out.strip()


def _inside(obj, boxes) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _read_page(page, number: int) -> _Page:
    out = _Page(number, float(page.height))
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    body = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    for line in body.extract_text_lines(strip=True):
        if line["text"].strip():
            widths = tuple(c["x1"] - c["x0"] for c in line.get("chars", [])[:24] if c["text"].strip())
            out.lines.append(_Line(number, line["text"].strip(), line["x0"], line["x1"], line["top"], "", widths))
    widths = [c["width"] for c in page.chars[:2000] if c["text"].strip()]
    char_width = statistics.median(widths) if widths else 10.0
    for t_index, table in enumerate(found, 1):
        rows, places = [], []
        for r_index, row in enumerate(table.rows, 1):
            cells = [_cell_text(page, c, char_width) if c is not None else "" for c in row.cells]
            rows.append(cells)
            places.append([f"page {number}, table {t_index}, row {r_index}, cell {k}"
                           for k in range(1, len(cells) + 1)])
        out.tables.append(_Table(number, table.bbox[1], table.bbox[3], rows, places))
    return out


def _furniture(pages: list[_Page]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    def banded(p: _Page):
        """The first and last two lines of a page, where they stand in its top or bottom band."""
        for i, line in enumerate(p.lines):
            if (i < 2 or i >= len(p.lines) - 2) and (line.top < p.height * BAND or line.top > p.height * (1 - BAND)):
                yield i, line

    seen = Counter(key(line.text) for p in pages for _, line in {(i, line.text): (i, line) for i, line in banded(p)}
                   .values())
    repeated = {k for k, n in seen.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2) and k != "#"}
    # a bare number is a page number when such numbers count the pages (value − page the same on most)
    offsets = Counter(int(m.group(1)) - p.number for p in pages for _, line in banded(p)
                      if (m := BARE_NUMBER.match(line.text)))
    offset, count = offsets.most_common(1)[0] if offsets else (0, 0)
    counting = count >= max(2, len(pages) // 2) or len(pages) == 1
    return {(p.number, i) for p in pages for i, line in banded(p)
            if key(line.text) in repeated or PAGE_NUMBER.match(line.text)
            or (counting and (m := BARE_NUMBER.match(line.text)) and int(m.group(1)) - p.number == offset)}


def _body_geometry(lines: list[_Line]) -> tuple[float, float, float]:
    """The body's left and right edges and its character width."""
    if not lines:
        return 0.0, 0.0, 10.0
    left = statistics.median_low(sorted(line.x0 for line in lines)[: max(1, len(lines) // 2)])
    right = sorted(line.x1 for line in lines)[int(len(lines) * 0.98)]  # where the fullest lines end
    widths = [(line.x1 - line.x0) / len(line.text) for line in lines if len(line.text) >= 10]
    return left, right, statistics.median(widths) if widths else 10.0


_CLOSING = set("，。、；：！？）》」』”’…%〕】］,.;:!?)")
_OPENING = set("（《「『“‘〔【［(")


def _need(line: _Line, width: float) -> float:
    """The width of what begins `line` and cannot be split from it: its first character, with the
    punctuation that may not begin a line (，。）) after it or the one that may not end a line
    (（《“) before it, or a whole Latin word or number (they wrap whole)."""
    text = line.text.replace(" ", "")
    token = _LATIN_TOKEN.match(text)
    n = len(token.group(0)) if token else 1
    if text[:1] in _OPENING or (n < len(text) and text[n:n + 1] in _CLOSING):
        n += 1
    widths = list(line.widths[:n])
    return sum(widths) + width * (n - len(widths))


def _pitch(pages: list[_Page]) -> float:
    """The distance from one line of a paragraph to the next: the shortest step down that is common
    (where most paragraphs are one line, the step between paragraphs is the most common one)."""
    steps = Counter(round(b.top - a.top) for p in pages for a, b in zip(p.lines, p.lines[1:], strict=False)
                    if b.top > a.top)
    common = [step for step, n in steps.items() if n >= max(3, sum(steps.values()) // 20)]
    return float(min(common)) if common else 1e9


def _continues(prev: _Line, line: _Line, left: float, right: float, width: float, pitch: float) -> bool:
    """Was `line` broken from `prev` only by the page width (or the page end)?"""
    if line.x0 > left + 1.2 * width:
        return False
    if HEADING.match(line.text) and (prev.text.endswith(tuple("。；：:！？!?）)")) or prev.x1 < right - 2.2 * width):
        return False  # a heading; a full line cut mid-sentence before 一、 is not one (统\n一、资源共享)
    if prev.page == line.page and line.top - prev.top > 1.3 * pitch:
        return False  # the space a paragraph leaves after itself
    if prev.x1 + _need(line, width) <= right + 0.5:
        return False  # what begins the next line would have fit: the line before ended there
    return not (prev.text.endswith(("。", "：", ":", "；")) and line.text.startswith(("（", "(")))


def read_pdf(data: bytes, name: str) -> Layout:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_read_page(page, n) for n, page in enumerate(pdf.pages, 1)]
            images = sum(len(page.images) for page in pdf.pages)
    except DocumentError:
        raise
    except Exception as e:  # pdfminer raises its own syntax errors, and others, for a damaged file
        raise DocumentError(f"{name}: not a readable PDF ({type(e).__name__})") from e
    if not any(p.lines or p.tables for p in pages):
        return _scanned(data, name, images)
    return _lay_out(pages)


def _scanned(data: bytes, name: str, images: int) -> Layout:
    """A PDF without a text layer: read by OCR where tesseract with Chinese is installed, else refused."""
    reason = "a scan: its pages are images" if images else "no text on its pages"
    if not images or not ocr.available():
        raise DocumentError(f"{name}: no text layer ({reason}); install tesseract-ocr and tesseract-ocr-chi-sim "
                            "to read it by OCR, or load the document as text")
    try:
        read = ocr.ocr_pages(data)
    except Exception as e:  # rendering or tesseract failed on this file
        raise DocumentError(f"{name}: no text layer ({reason}) and OCR failed ({type(e).__name__})") from e
    pages = []
    for number, (height, lines) in enumerate(read, 1):
        page = _Page(number, height)
        page.lines = [_Line(number, text, x0, x1, top, "", tuple(widths)) for text, x0, x1, top, widths in lines]
        pages.append(page)
    if not any(p.lines for p in pages):
        raise DocumentError(f"{name}: no text layer ({reason}); OCR found no text on its pages")
    layout = _lay_out(pages)
    layout.places = [f"{place} (OCR)" for place in layout.places]
    layout.notes["ocr"] = f"tesseract {ocr.LANGUAGE}"
    return layout


def _lay_out(pages: list[_Page]) -> Layout:
    furniture = _furniture(pages)
    for p in pages:
        p.lines = [line for i, line in enumerate(p.lines) if (p.number, i) not in furniture]
        for i, line in enumerate(p.lines, 1):
            line.place = f"page {p.number}, line {i}"
    left, right, width = _body_geometry([line for p in pages for line in p.lines])
    pitch = _pitch(pages)
    layout = Layout()
    prev: _Line | _Table | None = None
    for p in pages:
        items: list[_Line | _Table] = sorted([*p.lines, *p.tables], key=lambda it: it.top)
        for item in items:
            if isinstance(item, _Table):
                rows = list(zip(item.rows, item.places, strict=True))
                if isinstance(prev, _Table) and prev.page < item.page and rows and not rows[0][0][0].strip():
                    _join_row(layout, prev, rows.pop(0))  # a row cut by the page break
                if not isinstance(prev, _Table):
                    layout.add("\n", None)
                for cells, places in rows:
                    if any(c.strip() for c in cells):
                        layout.row(list(zip(cells, places, strict=True)))
                prev = item
                continue
            if isinstance(prev, _Line) and _continues(prev, item, left, right, width, pitch):
                layout.text = layout.text[:-1]  # the line break the page width made
                joined = _join([prev.text, item.text])
                layout.add(joined[len(prev.text):], item.place)
                layout.add("\n", None)
                item = _Line(item.page, joined, prev.x0, item.x1, item.top, item.place)
            else:
                if isinstance(prev, _Table):
                    layout.add("\n", None)
                layout.line(item.text, item.place)
            prev = item
    return layout


def _join_row(layout: Layout, prev: _Table, row: tuple[list[str], list[str]]) -> None:
    """Append a row's cells to the last row written (the same row, cut by a page break): the
    last line is written again with each cell's continuation after it."""
    cells, places = row
    last_start = layout.text.rstrip("\n").rfind("\n") + 1
    before = layout.text[last_start:].rstrip("\n").split("\t")
    if len(before) != len(cells):
        layout.row(list(zip(cells, places, strict=True)))
        return
    old_places = [layout.place(last_start + sum(len(c) + 1 for c in before[:k])) or "" for k in range(len(before))]
    layout.text = layout.text[:last_start]
    while layout.starts and layout.starts[-1] >= last_start:
        layout.starts.pop()
        layout.places.pop()
    for k, (head, tail) in enumerate(zip(before, cells, strict=True)):
        if k:
            layout.add("\t", None)
        layout.add(head, old_places[k])
        layout.add(_join([head, tail])[len(head):], places[k])
    layout.add("\n", None)
