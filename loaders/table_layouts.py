"""Task tables as published, found anywhere in a document: cells and rows with their spans.

A table reaches us in one of these layouts:
  delimited   one line per row, cells split by tabs (HTML tables, spreadsheets) or `|`;
  flattened   one cell per line (a page's table copied as text), blank lines in between or not.
  piped       one cell per line with a `|` line after each, a run of pipes ending a row (loaders.table_flattened).
Its header names what each column holds (loaders/data/table_headers.tsv); a header cell may wrap over
lines (牵头 / 单位) and the header may be printed again on every page. Rows are told apart by
their 序号 when the table numbers them, else by the shape of the cells (the task text, then the
bodies); a row whose trailing cells are missing, or whose text continues on the next line, is
still one row. Category rows (一、做大做强主导产业) group the rows below them.

This module finds tables and reads delimited rows; `loaders.table_flattened` reads flattened rows,
`loaders.table_cells` holds the parts, and `loaders.tables` reads the cells into units and departments.
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from loaders.lines import Line, split_lines
from loaders.responsibility import RULE
from loaders.table_cells import (
    ANNEX_ALONE,
    ANNEX_TITLED,
    CAPTION_END,
    CATEGORY,
    DEPARTMENT_ROLES,
    GROUP_NAME,
    HEADER_YEAR,
    MARKER,
    RULE_LINE,
    Cell,
    Column,
    Row,
    Table,
    align,
    cell_kind,
    header_prefixes,
    header_role,
    inherit,
    is_exact_header,
    is_header,
    join_bodies,
    line_cell,
    make_row,
    positional,
    repeats_header,
    row_number,
    spanned,
)
from loaders.table_flattened import flattened_rows, piped_header, piped_rows
from loaders.text import SourceText

# -- finding tables -----------------------------------------------------------------------------


def _split(line: Line, sep: str) -> list[Cell]:
    """A delimited line's cells with their spans; the empty cell outside a leading or trailing `|` dropped."""
    cells, pos = [], line.start
    for raw in line.text.split(sep):
        cells.append(line_cell(line, pos, raw))
        pos += len(raw) + 1
    if sep == "|":
        if cells and not cells[-1].text:
            cells.pop()
        if cells and not cells[0].text:
            cells.pop(0)
    return cells


def _separator(text: str) -> str | None:
    if "\t" in text:
        return "\t"
    if text.count("|") >= 2:
        return "|"
    return None


# A category row names a group of tasks: 产业发展类, 知识产权保护方面（共5项）
UNKNOWN_HEADER_NOT = re.compile(r"[，。；、\d（）()]|负责|事项$")
# The last line of a wrapped header cell, saying nothing alone (协同责任 / 单位)
HEADER_TAILS = frozenset({"单位", "部门", "时限", "时间", "名称", "内容", "要求", "情况", "来源", "依据"})
UNKNOWN_HEADER = 8  # a header we do not know is short: 区政府分管领导


def dropped_spaces(source: SourceText, start: int, end: int) -> list[int]:
    """Reading-text offsets in (start, end) where the document as written had a space the reading text dropped."""
    offsets, original = source.offsets, source.original
    return [i for i in range(max(start, 0) + 1, min(end, len(offsets)))
            if offsets[i] - offsets[i - 1] > 1 and not original[offsets[i - 1] + 1 : offsets[i]].strip()]


@dataclass(frozen=True)
class Cutter:
    """How a delimited table's lines are cut into cells: at tabs, at `|`, or at the spaces the
    document had between cells (columns set apart by spaces; the reading text drops them, so
    they are found through `source`, the document's SourceText)."""

    sep: str  # "\t", "|" or " "
    source: SourceText | None = None

    def has(self, line: Line) -> bool:
        return bool(self.spaces(line)) if self.sep == " " else self.sep in line.text

    def spaces(self, line: Line) -> list[int]:
        return dropped_spaces(self.source, line.start, line.end) if self.source is not None else []

    def split(self, line: Line) -> list[Cell]:
        if self.sep != " ":
            return _split(line, self.sep)
        cuts = [line.start, *self.spaces(line), line.end]
        return [line_cell(line, a, line.text[a - line.start : b - line.start]) for a, b in pairwise(cuts)]


def find_tables(text: str, start: int = 0, end: int | None = None, source: SourceText | None = None) -> list[Table]:
    """Every task table in `text[start:end]`, in order. With `source` (the SourceText `text` was read
    from), tables whose columns the document sets apart by spaces are found too."""
    lines = split_lines(text, start, end)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        found = (_delimited_header(lines, i, Cutter(_separator(lines[i].text) or "\t"))
                 or piped_header(lines, i)
                 or _flattened_header(lines, i)
                 or (_delimited_header(lines, i, Cutter(" ", source)) if source is not None
                     and _may_head(lines[i]) else None))
        if found is None:
            i += 1
            continue
        columns, body, layout = found
        reader = piped_rows if layout == "piped" else _delimited_rows if layout else flattened_rows
        rows, after = reader(lines, body, columns, layout)
        if rows:
            table = Table(lines[i].start, max(r.end for r in rows), "", columns, rows)
            _caption(lines, i, table)
            table.rule = table.rule or _rule_below(lines, after) or bool(RULE.search(text, start, table.start))
            tables.append(table)
            i = max(after, i + 1)
        else:
            i += 1
    return tables


def _may_head(line: Line) -> bool:
    """A short line starting like a known header (a leading year aside): worth cutting at its spaces."""
    return HEADER_YEAR.sub("", line.stripped)[:2] in header_prefixes() and len(line.text) <= 120


def _delimited_header(lines: list[Line], i: int, cut: Cutter) -> tuple[list[Column], int, Cutter] | None:
    if not cut.has(lines[i]):
        return None
    columns = [Column(c.text, header_role(c.text)) for c in cut.split(lines[i])]
    if cut.sep == " ":
        columns = _spaced_out(columns)
    body = i + 1
    if not is_header(columns):
        columns = _wrapped_header(lines, i, cut)
        if columns is None:
            return None
        body = i + 2
    if body < len(lines) and cut.has(lines[body]):  # a second header row under a spanning cell
        subs = [Column(c.text, header_role(c.text)) for c in cut.split(lines[body]) if c.text]
        if subs and all(c.role in ("lead", "support") for c in subs):
            at = next((k for k, c in enumerate(columns) if c.role == "responsible"), None)
            if at is not None:
                columns = columns[:at] + subs + columns[at + 1:]
                body += 1
    return columns, body, cut


def _spaced_out(columns: list[Column]) -> list[Column]:
    """A header cell spaced out letter by letter (序号 工 作 任 务 牵头负责部门, as a wide cell is set):
    the longest run of one-character cells that joins into a header we know word for word (or the whole
    run, into a kind of header we know) is one column."""
    single = [len(c.header.strip()) == 1 for c in columns]
    out: list[Column] = []
    i = 0
    while i < len(columns):
        j = i
        while j < len(columns) and single[j]:
            j += 1
        joined = "".join(c.header.strip() for c in columns[i:j])
        exact = [k for k in range(j, i + 1, -1) if is_exact_header("".join(c.header.strip() for c in columns[i:k]))]
        if exact:
            joined = "".join(c.header.strip() for c in columns[i : exact[0]])
            out.append(Column(joined, header_role(joined)))
            i = exact[0]
        elif j - i >= 2 and header_role(joined) is not None:  # the whole run, a kind of header we know
            out.append(Column(joined, header_role(joined)))
            i = j
        else:
            out.append(columns[i])
            i += 1
    return out


def _wrapped_header(lines: list[Line], i: int, cut: Cutter) -> list[Column] | None:
    """A header row whose cells wrap onto a second line, cell under cell (序号 | 重点 | 牵头 / | 任务 | 单位):
    the columns of the joined cells, when they make a header."""
    if i + 1 >= len(lines) or not cut.has(lines[i + 1]):
        return None
    top, below = cut.split(lines[i]), cut.split(lines[i + 1])
    if len(top) != len(below) or not any(c.text for c in below):
        return None
    columns = [Column(a.text + b.text, header_role(a.text + b.text)) for a, b in zip(top, below, strict=True)]
    return columns if is_header(columns) else None


def _flattened_header(lines: list[Line], i: int) -> tuple[list[Column], int, None] | None:
    """A run of short lines, each a header (or two or three lines that join into one: 主要 / 任务,
    牵头 / 责任 / 单位, 2022年 / 预期目标); a short unknown header just before the first 序号 is a column too."""
    if header_role(lines[i].text) is None and _split_header(lines, i) is None:
        return None
    columns: list[Column] = []
    j = i
    while j < len(lines):
        line = lines[j].stripped
        if not line:
            j += 1
            continue
        split = _split_header(lines, j)
        if split is not None:
            columns.append(split[0])
            j = split[1]
            continue
        role = header_role(line)
        if role is None:
            break
        columns.append(Column(line, role))
        j += 1
    if any(c.role == "number" for c in columns[1:]):
        return None  # a caption that reads like a header (重点任务) above the real one, which starts at 序号
    if columns and columns[0].role == "number":
        k = j
        unknown: list[Column] = []
        while k < len(lines) and len(unknown) < 2:
            line = lines[k].stripped
            k += 1
            if not line:
                continue
            if row_number(line) is not None:
                columns, j = columns + unknown, (j if not unknown else k - 1)
                break
            if (len(line) > UNKNOWN_HEADER or MARKER.match(line) or GROUP_NAME.search(line)
                    or UNKNOWN_HEADER_NOT.search(line)):
                break  # a category row (张三市长负责事项（共9项）), not a header
            unknown.append(Column(line, None))
    return (spanned(columns), j, None) if is_header(columns) else None


def _split_header(lines: list[Line], j: int) -> tuple[Column, int] | None:
    """A header cell written over two or three short lines (a narrow column wraps its header):
    the lines from `j` that join into a header we know word for word, or into a known kind of header
    with a last line that says nothing alone (协同责任 / 单位); and the line after them."""
    parts = [lines[j].stripped]
    k = j
    while len(parts) < 3 and len(HEADER_YEAR.sub("", parts[-1])) <= 5:
        nxt = _next_nonblank(lines, k + 1)
        if nxt is None or len(lines[nxt].stripped) > 6:
            return None
        parts.append(lines[nxt].stripped)
        k = nxt
        joined = "".join(parts)
        if is_exact_header(joined) or (parts[-1] in HEADER_TAILS and _completes(parts[:-1], joined)):
            return Column(joined, header_role(joined)), k + 1
    return None


def _completes(head: list[str], joined: str) -> bool:
    """The tail finishes the header above it (协同责任 + 单位: still 协同), not a column of its own
    beside it (指标 | 单位: an indicator and its unit of measure)."""
    role = header_role(joined)
    return role is not None and header_role("".join(head)) in (None, role)


def _next_nonblank(lines: list[Line], j: int) -> int | None:
    while j < len(lines) and not lines[j].stripped:
        j += 1
    return j if j < len(lines) else None


def _delimited_rows(lines: list[Line], i: int, columns: list[Column], cut: Cutter) -> tuple[list[Row], int]:
    """One line per row; a line with fewer cells than the header continues the row above
    when that row is not complete (a cell's text broken over two lines)."""
    m, numbered = len(columns), columns[0].role == "number"
    first_dept = next(j for j, c in enumerate(columns) if c.role in DEPARTMENT_ROLES)
    rows: list[Row] = []
    pending: list[Cell] = []
    category: str | None = None

    def flush() -> None:
        nonlocal pending
        if pending and any(c.text for c in pending):
            roles = [c.role for c in columns]
            merged_down = numbered and row_number(pending[0].text) is None
            if len(pending) >= m:
                placed = _by_position(_fold_extra(pending, columns), columns)
            elif merged_down:  # the leading cells span down from the row above (rowspan): align from the right
                right = align(pending[::-1], roles[::-1])
                placed = right[::-1] if right is not None else positional(pending, m)
            else:  # trailing cells left empty
                placed = align(pending, roles) or positional(pending, m)
            row = make_row(None if merged_down or not numbered else pending[0].text, placed, columns, category)
            if merged_down and rows:
                inherit(row, rows[-1])
            if row.task is not None:
                rows.append(row)
        pending = []

    blank = False
    while i < len(lines):
        line = lines[i]
        if not line.stripped:
            blank = True
            i += 1
            continue
        delimited = cut.has(line)
        if blank and not delimited:
            break
        blank = False
        if RULE_LINE.match(line.stripped):  # |---|---| under a markdown header
            i += 1
            continue
        cells = cut.split(line) if delimited else [line_cell(line, line.start, line.text)]
        if delimited and repeats_header(cells, columns):  # the header again at the top of the next page
            i += 1
            continue
        filled = [c for c in cells if c.text]
        starts_row = numbered and row_number(cells[0].text) is not None
        if len(filled) == 1 and CATEGORY.match(filled[0].text) and not starts_row:
            flush()
            category = filled[0].text
        elif pending and len(pending) >= m and not starts_row and numbered and _row_follows(lines, i + 1, cut):
            last = pending[-1]  # the last cell goes on over a line break: the next row follows it
            pending[-1] = Cell(last.text + cells[0].text, last.start, cells[0].end)
            pending += cells[1:]
        elif pending and not starts_row and _more_names(pending, cells, m) and (
                len(pending) < m or _table_goes_on(lines, i + 1, cut)):
            pending[-1] = join_bodies(pending[-1], cells[0])  # a cell's names one per line
            pending += cells[1:]
        elif starts_row or not pending or len(pending) >= m or (len(cells) > 1 and len(pending) > first_dept):
            if not delimited:
                break  # plain text after the table
            flush()
            pending = cells
        else:  # the row above continues on this line
            last = pending[-1]
            first = cells[0]
            pending[-1] = Cell((last.text + first.text).strip(), last.start if last.text else first.start,
                               first.end if first.text else last.end)
            pending += cells[1:]
        i += 1
    flush()
    return rows, i


def _more_names(pending: list[Cell], cells: list[Cell], m: int) -> bool:
    """The line starts with names that go on the body cell the row above ends with (县水务局 / 县住建局)."""
    return (len(pending) + len(cells) - 1 <= m and cell_kind(pending[-1].text) == "bodies"
            and cell_kind(cells[0].text) == "bodies")


def _table_goes_on(lines: list[Line], j: int, cut: Cutter) -> bool:
    """The next line with text is a line of the table (it has the table's separators)."""
    nxt = _next_nonblank(lines, j)
    return nxt is not None and cut.has(lines[nxt])


def _row_follows(lines: list[Line], j: int, cut: Cutter) -> bool:
    """The next line with text starts a numbered row."""
    nxt = _next_nonblank(lines, j)
    if nxt is None or not cut.has(lines[nxt]):
        return False
    return row_number(cut.split(lines[nxt])[0].text) is not None


def _fold_extra(cells: list[Cell], columns: list[Column]) -> list[Cell]:
    """More cells than columns: the task's text had a break of its own; fold the extras into it."""
    extra = len(cells) - len(columns)
    at = next((j for j, c in enumerate(columns) if c.role in ("task", "content")), None)
    if extra <= 0 or at is None or not all(c.text for c in cells[at : at + extra + 1]):
        return cells
    part = cells[at : at + extra + 1]
    return [*cells[:at], Cell("".join(c.text for c in part), part[0].start, part[-1].end), *cells[at + extra + 1:]]


def _by_position(cells: list[Cell], columns: list[Column]) -> list[Cell | None]:
    return [c if c.text else None for c in cells[: len(columns)]]


# -- caption and rule ---------------------------------------------------------------------------


def _caption(lines: list[Line], i: int, table: Table) -> None:
    """The caption above the header (…任务分解表), or the title of the 附件 the table stands under."""
    seen = 0
    j = i - 1
    while j >= 0 and seen < 3:
        line = lines[j].stripped
        j -= 1
        if not line:
            continue
        seen += 1
        if RULE.search(line):
            table.rule = True
            continue
        titled = ANNEX_TITLED.match(line)
        if ANNEX_ALONE.match(line) or titled:
            table.annex = True
            if titled and not table.title:
                table.title = titled.group(1).strip()
            return
        if not table.title and len(line) <= 60 and CAPTION_END.search(line.rstrip("。 ")):
            table.title = line.strip("。 ")


def _rule_below(lines: list[Line], after: int) -> bool:
    """A note under the table: 注：责任单位中列第一位的为牵头单位。"""
    below = [ln.stripped for ln in lines[after : after + 3] if ln.stripped][:1]
    return any(RULE.search(line) for line in below)
