"""An HTML page as text: the page's visible text, and the document inside it.

The visible text is laid out as a reader sees it: block elements (p, div, br, li,
h1–h6, tr …) on their own lines, the cells of one table row one tab-separated line
(with empty cells kept where rows and columns span, so columns line up). For a
page this visible text is "the text as written": every quote and span points into it.

The reading text is the document inside the page, found generically rather than by
a site's ids: the smallest element holding most of the page's Chinese prose (lines
with ，。；, link text not counted). Before it come the page's title heading when it
stands outside that element, and the values its metadata table gives (标题, 发文字号,
发文机关, 成文日期, see `page_metadata`), so navigation, share buttons, footers and the
metadata table itself never become the title or a unit.
"""

import re
from dataclasses import dataclass, field
from itertools import accumulate

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from loaders.furniture import is_furniture
from loaders.metapairs import metadata_lines
from loaders.text import Draft

SKIP = {"script", "style", "noscript", "head", "template", "iframe", "object", "embed", "svg", "canvas", "select",
        "option", "button", "input", "textarea", "map", "area"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "thead", "tbody", "tfoot", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote",
          "pre", "hr", "center", "address", "figure", "figcaption", "caption", "form", "fieldset", "legend"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; &nbsp; and the ideographic space are text
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PRE_STYLE = re.compile(r"white-space\s*:\s*pre", re.I)
_PROSE_LINE = re.compile(r"[^\n]*[，。；][^\n]*")
_HAN = re.compile(r"[\u3400-\u9fff]")
MAIN_SHARE = 0.85  # the document holds at least this share of the page's prose
_RANK = {"": 0, " ": 1, "\t": 2, "\n": 3}


@dataclass
class Page:
    text: str  # the visible text: what quotes point into
    draft: Draft  # the document's reading text so far, mapped into `text`
    title: str = ""  # the page's <title>


@dataclass
class _Row:
    data: bool  # cells are columns (tab-separated), not layout boxes
    col: int = 0  # the next free column
    last: int | None = None  # column of the previous cell


@dataclass
class _Table:
    carry: dict[int, int] = field(default_factory=dict)  # column → rows a rowspan still covers


class _Writer:
    """Visible text with the range each element covers."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.last = "\n"
        self.pending = ""
        self.tabs = 0
        self.waiting: list[int] = []
        self.ranges: dict[int, list[int]] = {}
        self.links: list[tuple[int, int]] = []

    def sep(self, kind: str) -> None:
        if _RANK[kind] > _RANK[self.pending]:
            self.pending = kind

    def end_row(self) -> None:
        self.tabs = 0
        self.sep("\n")

    def text(self, s: str) -> None:
        s = _WS.sub(" ", s)
        if s.startswith(" "):
            self.sep(" ")
        core = s.strip(" ")
        if core:
            self._flush()
            for key in self.waiting:
                self.ranges[key][0] = self.size
            self.waiting.clear()
            self._put(core)
        if core and s.endswith(" "):
            self.sep(" ")

    def _put(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)
        self.last = s[-1]

    def _flush(self) -> None:
        pending, tabs = self.pending, self.tabs
        self.pending, self.tabs = "", 0
        if not self.size:
            if tabs:
                self._put("\t" * tabs)
            return
        if tabs:
            self._put(("\n" if pending == "\n" else "") + "\t" * tabs)
        elif pending and not (pending == " " and self.last in "\n\t "):
            self._put(pending)

    def open(self, tag: Tag) -> None:
        self.ranges[id(tag)] = [self.size, self.size]
        self.waiting.append(id(tag))

    def close(self, tag: Tag) -> None:
        r = self.ranges[id(tag)]
        if id(tag) in self.waiting:
            self.waiting.remove(id(tag))
            r[0] = self.size
        r[1] = self.size
        if tag.name == "a" and tag.get("href") is not None:
            self.links.append((r[0], r[1]))


def _span(tag: Tag, name: str) -> int:
    try:
        return max(1, min(int(str(tag.get(name) or 1).strip()), 100))
    except ValueError:
        return 1


def _is_layout_cell(cell: Tag) -> bool:
    return cell.find("table") is not None or len(cell.find_all(["p", "div", "li"], limit=9)) > 8


def _hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or bool(_HIDDEN.search(str(tag.get("style") or "")))


class _Walker:
    def __init__(self) -> None:
        self.w = _Writer()
        self.rows: list[_Row] = []
        self.tables: list[_Table] = []
        self.in_data = 0
        self.tags: list[Tag] = []
        self.orphan = _Table()  # rows outside any <table>
        self.pre = 0
        self.pre_tags: set[int] = set()

    def block(self) -> str:
        return " " if self.in_data else "\n"

    def walk(self, root: Tag) -> None:
        stack: list[tuple[object, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            if isinstance(node, NavigableString):
                if not isinstance(node, _NOT_TEXT):
                    self._text(str(node))
                continue
            assert isinstance(node, Tag)
            if done:
                self._close(node)
                continue
            if node.name in SKIP or _hidden(node):
                continue
            self._open(node)
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(node.contents))

    def _text(self, s: str) -> None:
        """Text; inside <pre> (or white-space: pre) its line breaks are lines."""
        if not self.pre:
            self.w.text(s)
            return
        for i, part in enumerate(s.replace("\r\n", "\n").split("\n")):
            if i:
                self.w.sep(self.block())
            self.w.text(part)

    def _open(self, tag: Tag) -> None:
        if tag.name == "pre" or _PRE_STYLE.search(str(tag.get("style") or "")):
            self.pre += 1
            self.pre_tags.add(id(tag))
        self.w.open(tag)
        self.tags.append(tag)
        name = tag.name
        if name == "table":
            self.tables.append(_Table())
        if name in BLOCKS:
            self.w.sep(self.block())
        if name == "tr":
            cells = tag.find_all(["td", "th"], recursive=False)
            width = sum(_span(c, "colspan") for c in cells)
            self.rows.append(_Row(data=width >= 2 and not any(_is_layout_cell(c) for c in cells)))
        elif name in ("td", "th") and self.rows:
            self._open_cell(tag, self.rows[-1])

    def _open_cell(self, cell: Tag, row: _Row) -> None:
        """A data cell: tabs for the columns since the previous cell (spanned ones left empty)."""
        if not row.data:
            self.w.sep("\n")
            return
        table = self.tables[-1] if self.tables else self.orphan
        col = row.col
        while table.carry.get(col, 0) > 0:
            table.carry[col] -= 1
            col += 1
        self.w.tabs += col - (row.last if row.last is not None else 0)
        row.last = col
        span, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
        if rowspan > 1:
            for k in range(span):
                table.carry[col + k] = rowspan - 1
        row.col = col + span
        self.in_data += 1

    def _close(self, tag: Tag) -> None:
        name = tag.name
        if id(tag) in self.pre_tags:
            self.pre -= 1
        if name in ("td", "th") and self.rows and self.rows[-1].data:
            self.in_data = max(0, self.in_data - 1)
        if name == "tr" and self.rows:
            row = self.rows.pop()
            table = self.tables[-1] if self.tables else self.orphan
            if row.data:  # columns a rowspan covers after the last cell
                for col, left in table.carry.items():
                    if col >= row.col and left > 0:
                        table.carry[col] = left - 1
            self.w.end_row()
        if name == "table" and self.tables:
            self.tables.pop()
        if name in BLOCKS:
            self.w.sep(self.block())
        self.w.close(tag)


def _prose_weights(text: str, links: list[tuple[int, int]]) -> list[int]:
    """Prefix sums of prose characters: Han characters on lines with ，。；, outside links."""
    weight = bytearray(len(text))
    for m in _PROSE_LINE.finditer(text):
        for h in _HAN.finditer(text, m.start(), m.end()):
            weight[h.start()] = 1
    for s, e in links:
        weight[s:e] = bytes(e - s)
    return [0, *accumulate(weight)]


def _main_range(walker: _Walker, text: str) -> tuple[int, int]:
    prefix = _prose_weights(text, walker.w.links)
    total = prefix[-1]
    if total < 20:
        return 0, len(text)
    best = (0, len(text))
    for tag in walker.tags:
        if tag.name in ("a", "span", "font", "b", "strong", "em", "i", "u"):
            continue
        s, e = walker.w.ranges[id(tag)]
        if prefix[e] - prefix[s] >= MAIN_SHARE * total and e - s < best[1] - best[0]:
            best = (s, e)
    return best


def _squeeze(s: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]+", "", s)


def _title_heading(walker: _Walker, text: str, main: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest heading before the document that is a title (short, Chinese, no sentence), when the
    document does not begin with it already."""
    head = _squeeze(text[main[0]: main[0] + 400])
    found = None
    for tag in walker.tags:
        s, e = walker.w.ranges[id(tag)]
        if e > main[0] or e <= s:
            continue
        marks = " ".join([*tag.get("class", []), str(tag.get("id") or "")]).lower()
        if tag.name not in HEADINGS and "title" not in marks:
            continue
        candidate = _squeeze(text[s:e])
        if (6 <= len(candidate) <= 120 and "\n" not in text[s:e].strip() and "。" not in candidate
                and len(_HAN.findall(candidate)) * 2 >= len(candidate) and not is_furniture(candidate)
                and "：" not in candidate[:6]):
            found = (s, e)
    if found and _squeeze(text[found[0]:found[1]]) not in head:
        return found
    return None


def _join_title_lines(draft: Draft, references: list[str]) -> Draft:
    """A heading set over several lines (国务院关于促进综合保税区 / 高水平开放…的若干意见) is one line
    when the page's own title confirms the joined text."""
    refs = [_squeeze(r) for r in references if r and len(_squeeze(r)) >= 8]
    if not refs:
        return draft
    lines, pos = [], 0
    for raw in draft.text.split("\n")[:12]:
        lines.append((pos, raw))
        pos += len(raw) + 1
    nonempty = [(p, raw) for p, raw in lines if raw.strip()]
    for i in range(min(8, len(nonempty))):
        for k in range(min(4, len(nonempty) - i), 1, -1):
            group = nonempty[i: i + k]
            joined = _squeeze("".join(raw for _, raw in group))
            if len(joined) >= 8 and any(joined in r for r in refs):
                edits = []
                for (p, raw), _ in zip(group, group[1:], strict=False):
                    edits.append((p + len(raw.rstrip()), p + len(raw) + 1 + _lead(draft.text, p + len(raw) + 1), ""))
                return draft.edit(edits)
    return draft


def _lead(text: str, pos: int) -> int:
    n = pos
    while n < len(text) and text[n] in " \t\u3000\u00a0":
        n += 1
    return n - pos


def _link_lines(text: str, main: tuple[int, int], links: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of the document's range that are mostly links and no sentence: navigation, a list of
    related pages, a table of contents. An attachment line (附件：…) stays."""
    inside = [(s, e) for s, e in links if main[0] <= s < main[1]]
    if not inside:
        return []
    linked = bytearray(len(text))
    for s, e in inside:
        linked[s:e] = b"\x01" * (e - s)
    found, pos = [], main[0]
    for line in text[main[0]:main[1]].split("\n"):
        end = pos + len(line)
        content = len(line.strip())
        if (content and sum(linked[pos:end]) * 5 >= content * 3 and not re.search("[，。；]", line)
                and not line.strip().startswith("附件")):
            found.append((pos, end))
        pos = end + 1
    return found


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def read_page(html: str) -> Page:
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    walker = _Walker()
    walker.walk(soup)
    text = "".join(walker.w.parts)
    main = _main_range(walker, text)
    meta_lines, meta, rows = metadata_lines(text)
    pieces = [meta_lines]
    heading = _title_heading(walker, text, main)
    if heading and _squeeze(text[heading[0]:heading[1]]) == _squeeze(meta.get("标题", "")):
        heading = None  # the metadata's title line says it already
    if heading:
        pieces.append(Draft(text[heading[0]:heading[1]] + "\n", [*range(heading[0], heading[1]), heading[1] - 1]))
    body = Draft(text[main[0]:main[1]], list(range(main[0], main[1])))
    dropped = sorted([(s, e) for s, e in rows if main[0] <= s and e <= main[1]]
                     + _link_lines(text, main, walker.w.links))
    pieces.append(body.edit((s - main[0], min(e + 1, main[1]) - main[0], "") for s, e in _merge(dropped)))
    draft = Draft("".join(p.text for p in pieces), [o for p in pieces for o in p.offsets])
    references = [title, meta.get("标题", "")]
    if heading:
        references.append(text[heading[0]:heading[1]])
    return Page(text, _join_title_lines(draft, references), title)
