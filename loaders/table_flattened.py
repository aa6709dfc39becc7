"""Tables flattened one cell per line (a page's table copied as text), read into rows.

With a 序号 column a row starts at its number (rising, gaps allowed where rows were cut, restarting
under a category row); its cells are placed in the columns they fit, so missing trailing cells, a task
cell of several paragraphs and a list of bodies broken over two lines still make one row. Without
one, a row is its text cells (categories, then the task) followed by its bodies and short trailing
cells; cells merged down from the row above (rowspan) become its categories.
"""

from loaders.lines import Line
from loaders.table_cells import (
    ANNEX_ALONE,
    ANNEX_TITLED,
    CATEGORY,
    DEPARTMENT_ROLES,
    MARKER,
    NUMBERED_TASK,
    TEXT_ROLES,
    Cell,
    Column,
    Row,
    align,
    cell_kind,
    inherit,
    line_cell,
    make_row,
    row_number,
)


def flattened_rows(lines: list[Line], i: int, columns: list[Column], _cut: None) -> tuple[list[Row], int]:
    cells = [(k, line_cell(lines[k], lines[k].start, lines[k].text)) for k in range(i, len(lines)) if lines[k].stripped]
    if columns[0].role == "number":
        return _numbered_rows(cells, columns, lines, i)
    return _unnumbered_rows(cells, columns, lines, i)


def _numbered_rows(cells: list[tuple[int, Cell]], columns: list[Column], lines: list[Line],
                   i: int) -> tuple[list[Row], int]:
    """Rows start at their 序号 (1, 2 … rising, gaps allowed where rows were cut)."""
    roles = [c.role for c in columns[1:]]
    first_dept = next(j for j, r in enumerate(roles) if r in DEPARTMENT_ROLES)
    text_columns = sum(r not in ("number", "person", "deadline") for r in roles[:first_dept])
    rows: list[Row] = []
    category: str | None = None
    number: Cell | None = None
    pending: list[Cell] = []
    previous = 0
    style: str | None = None  # 序号 on a line of its own, or joined to the task (1．推进…)
    after = i

    def close() -> bool:
        """The pending row, placed; False when its cells do not fit (the table ended before them)."""
        nonlocal pending
        if number is None:
            return True
        pending = _join_leading_text(_join_broken(pending), text_columns)  # a task cell of several paragraphs
        placed = align(pending, roles)
        kept = len(pending)
        while placed is None and kept > 0:  # trailing lines that fit no column are not the table's
            kept -= 1
            placed = align(pending[:kept], roles)
        row = Row(number.text, [number, *(placed or [None] * len(roles))], number.start, number.end, category,
                  [c.role for c in columns])
        row.end = max([number.end] + [c.end for c in pending[:kept]])
        if row.task is not None:
            rows.append(row)
        ok = kept == len(pending)
        pending = []
        return ok

    def numbers_next(idx: int) -> bool:
        """The cell after `idx` is the next row's 序号."""
        if idx + 1 >= len(cells):
            return False
        return row_number(cells[idx + 1][1].text) in (previous + 1, 1)

    for idx, (k, cell) in enumerate(cells):
        value = row_number(cell.text)
        joined = NUMBERED_TASK.match(cell.text) if value is None and style != "alone" else None
        complete = number is None or len(_join_leading_text(_join_broken(pending), text_columns)) >= len(roles)
        # 1．推进… : the 序号 and the task on one line (numbering may restart at 1 under a category)
        if joined and (int(joined.group(1)) == previous + 1 or (int(joined.group(1)) == 1 and number is None)):
            style = "joined"
            if not close():
                return rows, k
            split = cell.start + joined.start(2)
            previous = int(joined.group(1))
            number = Cell(joined.group(1), cell.start, cell.start + len(joined.group(1)))
            pending = [Cell(cell.text[joined.start(2):], split, cell.end)]
        elif value is not None and (value == previous + 1 or (previous < value <= previous + 10 and
                                                            (number is None or len(pending) >= 2))
                                    or (value == 1 and number is None and category is not None)):  # restarts
            if not close():
                return rows, k
            number, previous, style = cell, value, "alone"
        elif (CATEGORY.match(cell.text) and len(cell.text) <= 40 and (number is None or len(pending) >= 2)) or (
                complete and style != "joined" and len(cell.text) <= 30 and "。" not in cell.text
                and cell_kind(cell.text) == "text" and numbers_next(idx)):  # 产业发展类 / 1 …: a category row
            if not close():
                return rows, k
            number, category = None, cell.text
        elif ANNEX_ALONE.match(cell.text) or ANNEX_TITLED.match(cell.text):
            close()
            return rows, k
        elif number is None:
            return rows, k  # text where a row should start: the table has ended
        elif len(_join_leading_text(_join_broken(pending), text_columns)) >= len(roles) and not _open(pending):
            close()
            return rows, k
        else:
            pending.append(cell)
        after = k + 1
    close()
    return rows, after


def _open(cells: list[Cell]) -> bool:
    """The last cell ends inside a list (市财政局、): its next line is the rest of it."""
    return bool(cells) and cells[-1].text[-1:] in "、，,；;"


def _join_broken(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in cells:
        if _open(out):
            out[-1] = Cell(out[-1].text + cell.text, out[-1].start, cell.end)
        else:
            out.append(cell)
    return out


def _join_leading_text(cells: list[Cell], columns: int) -> list[Cell]:
    """More paragraphs of text before the bodies than text columns: the last ones are one cell."""
    run = 0
    while run < len(cells) and cell_kind(cells[run].text) == "text":
        run += 1
    if run <= max(columns, 1):
        return cells
    keep = max(columns, 1) - 1
    first, last = cells[keep], cells[run - 1]
    return [*cells[:keep], Cell("".join(c.text for c in cells[keep:run]), first.start, last.end), *cells[run:]]


def _unnumbered_rows(cells: list[tuple[int, Cell]], columns: list[Column], lines: list[Line],
                     i: int) -> tuple[list[Row], int]:
    """Without 序号 a row is its text cells (categories, then the task) followed by its bodies,
    then any short trailing cells (备注, 时限); a numbered text cell after the bodies starts the next row."""
    roles = [c.role for c in columns]
    first_dept = next(j for j, r in enumerate(roles) if r in DEPARTMENT_ROLES)
    text_cols = [j for j in range(first_dept) if roles[j] in TEXT_ROLES]
    rows: list[Row] = []
    texts: list[Cell] = []
    depts: list[Cell] = []
    trailing: list[Cell] = []
    after = i

    number: str | None = None
    previous = 0

    def number_ok(text: str) -> bool:
        nonlocal previous
        value = row_number(text) or 0
        if value in (previous + 1, 1):
            previous = value
            return True
        return False

    def close() -> None:
        nonlocal texts, depts, trailing, number
        if depts and texts:
            placed: list[Cell | None] = [None] * len(roles)
            for j, cell in zip(text_cols[-len(texts):], texts[-len(text_cols):], strict=False):
                placed[j] = cell
            dept_cols = [j for j, r in enumerate(roles) if r in DEPARTMENT_ROLES]
            for j, cell in zip(dept_cols, depts, strict=False):
                placed[j] = cell
            tail_cols = [j for j in range(max(dept_cols) + 1, len(roles))]
            for j, cell in zip(tail_cols, trailing, strict=False):
                placed[j] = cell
            row = make_row(number, placed, columns, None)
            if rows:  # cells merged down from the row above (rowspan)
                inherit(row, rows[-1])
            rows.append(row)
        texts, depts, trailing, number = [], [], [], None

    tail = len(roles) - 1 - max(j for j, r in enumerate(roles) if r in DEPARTMENT_ROLES)
    dept_count = sum(r in DEPARTMENT_ROLES for r in roles)
    for k, cell in cells:
        kind = cell_kind(cell.text)
        if ANNEX_ALONE.match(cell.text) or ANNEX_TITLED.match(cell.text):
            break
        if kind == "number" and (depts or not texts) and number_ok(cell.text):
            close()  # rows numbered though the header names no 序号 column
            number = cell.text
        elif kind == "bodies" and texts and not trailing and len(depts) < dept_count:
            depts.append(cell)
        elif depts and (MARKER.match(cell.text) or len(trailing) >= tail or len(cell.text) > 60 or kind == "bodies"):
            close()  # the next row's first text cell
            if kind == "bodies" or not text_cols:
                break
            texts.append(cell)
        elif depts:
            trailing.append(cell)
        elif kind != "bodies" and len(texts) < len(text_cols):
            texts.append(cell)
        else:
            break  # more text than a row has columns for, or bodies with no task: not this table
        after = k + 1
    close()
    return rows, after
