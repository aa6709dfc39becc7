"""Tables flattened one cell per line (a page's table copied as text), read into rows.

With a 序号 column a row starts at its number (rising, gaps allowed where rows were cut, restarting
under a category row); its cells are placed in the columns they fit, so missing trailing cells, a task
cell of several paragraphs and a list of bodies broken over two lines still make one row. Without
one, a row is its text cells (categories, then the task) followed by its bodies and short trailing
cells; cells merged down from the row above (rowspan) become its categories. A table whose first column is the
lead (牵头单位 | 目标任务 | 责任单位) has each row's lead just before its task.

A cell naming several bodies one per line (县水务局 / 县住建局 / 县护城河指挥部) reaches us as several
lines: a body line directly under a body cell belongs to that cell when the row has more body lines
than body columns, or when the table sets its cells apart by blank lines and this one has none above it.
"""

import re
from functools import reduce
from itertools import pairwise

from loaders.lines import Line
from loaders.names import is_body
from loaders.table_cells import (
    ANNEX_ALONE,
    ANNEX_TITLED,
    CATEGORY,
    DEPARTMENT_ROLES,
    GROUP_NAME,
    MARKER,
    NUMBERED_TASK,
    TEXT_ROLES,
    Cell,
    Column,
    Row,
    align,
    cell_kind,
    header_role,
    inherit,
    is_header,
    join_bodies,
    line_cell,
    make_row,
    positional,
    row_number,
)


def flattened_rows(lines: list[Line], i: int, columns: list[Column], _cut: None) -> tuple[list[Row], int]:
    cells = [(k, line_cell(lines[k], lines[k].start, lines[k].text)) for k in range(i, len(lines)) if lines[k].stripped]
    cells = _without_repeated_headers(cells, columns)
    glued = _glued(cells)
    if columns[0].role in DEPARTMENT_ROLES:
        return _lead_first_rows(cells, columns, i)
    if columns[0].role == "number":
        return _numbered_rows(cells, columns, lines, i, glued)
    return _unnumbered_rows(cells, columns, lines, i, glued)


def _without_repeated_headers(cells: list[tuple[int, Cell]], columns: list[Column]) -> list[tuple[int, Cell]]:
    """The table's header printed again at the top of each page: its lines, in order, are no cells.
    A header cell wrapped over lines (牵头 / 单位) is matched piece by piece."""
    heads = "".join(re.sub(r"\s+", "", c.header) for c in columns)
    out: list[tuple[int, Cell]] = []
    at = 0
    texts = [re.sub(r"\s+", "", cell.text) for _, cell in cells]
    while at < len(cells):
        run, seen = at, ""
        while run < len(cells) and len(seen) < len(heads) and heads.startswith(seen + texts[run]):
            seen += texts[run]
            run += 1
        if seen == heads and run - at >= 2:
            at = run
            continue
        out.append(cells[at])
        at += 1
    return out


def _glued(cells: list[tuple[int, Cell]], sample: int = 40) -> set[int]:
    """Starts of lines with no blank line above them, in a table whose cells are set apart by blank
    lines: there a line break without a blank line is a break inside a cell."""
    pairs = list(pairwise(cells[: sample + 1]))
    if len(pairs) < 4 or sum(b[0] - a[0] > 1 for a, b in pairs) < 0.75 * len(pairs):
        return set()
    return {b[1].start for a, b in pairwise(cells) if b[0] == a[0] + 1}


def _join_bodies(cells: list[Cell], roles: list[str | None], glued: set[int]) -> list[Cell]:
    """Body lines that continue the body cell above them, joined into it as one list (县水务局、县住建局):
    lines glued to it, and, in a run of body cells longer than the row's body columns, every line
    after the columns are used up (into the last column's cell)."""
    slots = max(sum(r in DEPARTMENT_ROLES for r in roles), 1)
    out: list[Cell] = []
    run: list[Cell] = []
    seen_text = False

    def flush() -> None:
        nonlocal run
        if len(run) > slots:
            run = [*run[: slots - 1], reduce(join_bodies, run[slots - 1:])]
        out.extend(run)
        run = []

    for cell in cells:
        if seen_text and cell_kind(cell.text) == "bodies":
            if run and cell.start in glued:
                run[-1] = join_bodies(run[-1], cell)
            else:
                run.append(cell)
            continue
        flush()
        seen_text = True
        out.append(cell)
    flush()
    return out


def _numbered_rows(cells: list[tuple[int, Cell]], columns: list[Column], lines: list[Line],
                   i: int, glued: set[int]) -> tuple[list[Row], int]:
    """Rows start at their 序号 (1, 2 … rising, gaps allowed where rows were cut)."""
    roles = [c.role for c in columns[1:]]

    def as_cells(pending: list[Cell]) -> list[Cell]:
        """The row's lines as cells: lists and paragraphs broken over lines joined."""
        return _join_bodies(_join_leading_text(_join_broken(pending), text_columns), roles, glued)

    first_dept = next(j for j, r in enumerate(roles) if r in DEPARTMENT_ROLES)
    text_columns = sum(r not in ("number", "person", "deadline") for r in roles[:first_dept])
    rows: list[Row] = []
    category: str | None = None
    number: Cell | None = None
    pending: list[Cell] = []
    extra: list[Cell] = []
    previous = 0
    style: str | None = None  # 序号 on a line of its own, or joined to the task (1．推进…)
    after = i

    def close() -> bool:
        """The pending row, placed; False when its cells do not fit (the table ended before them)."""
        nonlocal pending
        if number is None:
            return True
        pending = as_cells(pending)  # a task cell of several paragraphs, a list of bodies one per line
        placed = align(pending, roles)
        kept = len(pending)
        while placed is None and kept > 0:  # trailing lines that fit no column are not the table's
            kept -= 1
            placed = align(pending[:kept], roles)
        row = Row(number.text, [number, *(placed or [None] * len(roles))], number.start, number.end, category,
                  [c.role for c in columns])
        row.end = max([number.end] + [c.end for c in pending[:kept]])
        row.unread = list(extra)
        if row.task is not None:
            rows.append(row)
        ok = kept == len(pending)
        pending = []
        extra.clear()
        return ok

    def resumes(idx: int) -> bool:
        """The next row's 序号 follows within a row's width of lines: the table goes on."""
        for _, later in cells[idx + 1 : idx + 2 + len(roles)]:
            if row_number(later.text) == previous + 1:
                return True
            if CATEGORY.match(later.text) or ANNEX_ALONE.match(later.text) or ANNEX_TITLED.match(later.text):
                return False
        return False

    def numbers_next(idx: int) -> bool:
        """The cell after `idx` is the next row's 序号."""
        if idx + 1 >= len(cells):
            return False
        return row_number(cells[idx + 1][1].text) in (previous + 1, 1)

    for idx, (k, cell) in enumerate(cells):
        value = row_number(cell.text)
        joined = NUMBERED_TASK.match(cell.text) if value is None and style != "alone" else None
        complete = number is None or len(as_cells(pending)) >= len(roles)
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
        elif extra or (len(as_cells([*pending, cell])) > len(roles) and not _open(pending)):
            if not resumes(idx):
                close()
                return rows, k
            extra.append(cell)  # lines under a full row before the next 序号 (a second task merged down): not read
        else:
            pending.append(cell)
        after = k + 1
    close()
    return rows, after


def _open(cells: list[Cell]) -> bool:
    """The last cell ends inside a list (市财政局、): its next line is the rest of it."""
    return bool(cells) and cells[-1].text[-1:] in "、，,；;"


def _join_broken(cells: list[Cell]) -> list[Cell]:
    """A cell ending inside a list goes on on the next line; a sentence ending with ； before a line of bodies
    alone (…比重为46.3%； / 市发改委) is a full cell before the next column's."""
    out: list[Cell] = []
    for cell in cells:
        if _open(out) and not (out[-1].text[-1] in "；;" and cell_kind(out[-1].text) == "text"
                               and cell_kind(cell.text) == "bodies"):
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
                     i: int, glued: set[int]) -> tuple[list[Row], int]:
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
        elif kind == "bodies" and depts and not trailing and (cell.start in glued or len(depts) >= dept_count):
            depts[-1] = join_bodies(depts[-1], cell)  # one more name of the cell above, on a line of its own
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


# a piece of a name wrapped in a narrow column: a few characters, no name alone (市政 / 府办 / 公厅)
WRAPPED_PIECE = 4


def _lead_first_rows(cells: list[tuple[int, Cell]], columns: list[Column], i: int) -> tuple[list[Row], int]:
    """A table whose first column names the lead (牵头单位 | 目标任务 | 责任单位): a row is its lead, its
    task, then its other bodies, so the body just before a task is that task's lead and the one line of
    bodies after the previous task that row's own; more lines, or none, end the table (a lead cell merged
    over several rows would shift every lead below it by one). A lead wrapped over lines of a narrow
    column (市政 / 府办 / 公厅) is one name when its pieces (but the last, 市住 / 房城乡 / 建设局) are no
    names alone and join into one. Anything else ends the table."""
    roles = [c.role for c in columns]
    if len(roles) < 3 or roles[1] not in TEXT_ROLES or roles[0] not in DEPARTMENT_ROLES:
        return [], i
    after_cols = [j for j in range(2, len(roles)) if roles[j] in DEPARTMENT_ROLES]
    rows: list[Row] = []
    names: list[Cell] = []
    lead: Cell | None = None
    task: Cell | None = None
    after = i
    due = next((j for j, r in enumerate(roles) if r == "deadline"), None)
    dated: tuple[Cell, int] | None = None  # the row's time limit (its last cell) and the names before it

    def close(others: list[Cell]) -> None:
        placed: list[Cell | None] = [None] * len(roles)
        placed[0], placed[1] = lead, task
        if after_cols and others:
            kept = [*others[: len(after_cols) - 1], reduce(join_bodies, others[len(after_cols) - 1 :])]
            for j, cell in zip(after_cols, kept, strict=False):
                placed[j] = cell
        if due is not None and dated is not None:
            placed[due] = dated[0]
        rows.append(make_row(None, placed, columns, None))

    for idx, (k, cell) in enumerate(cells):
        if ANNEX_ALONE.match(cell.text) or ANNEX_TITLED.match(cell.text) or MARKER.match(cell.text):
            break
        if due is not None and task is not None and cell_kind(cell.text) == "date":
            if dated is not None:
                break  # two time limits in one row: not this layout
            dated = (cell, len(names))  # 2024年底: the row ends here, the names after it are the next lead
            after = k + 1
            continue
        if _is_name(cell):
            names.append(cell)
            after = k + 1
            continue
        split = _lead_at_end(names[dated[1]:] if dated else names)
        if split is None or (task is None and split[0]) or (idx + 1 < len(cells) and not _is_name(cells[idx + 1][1])):
            break  # no lead before this text, or no bodies after it: not a row of this table
        others, next_lead = split
        if dated is not None:
            if split[0]:
                break  # names between the time limit and the lead: no row of this layout
            others = names[: dated[1]]  # the time limit closed the row: its bodies are all before it
            close(others)
            dated = None
            lead, task, names = next_lead, cell, []
            after = k + 1
            continue
        if task is not None and after_cols and len(others) != 1:
            # 市财政局 / 市税务局 / 市科技局 before a task: the row's own bodies one per line and the next row's
            # lead, or all the row's own under a lead cell merged with the one above: a reader cannot tell, nor
            # do we (each row's bodies on one line, the next lead on the next, is the one layout read)
            names = []
            break
        if task is not None:
            close(others)
        lead, task, names = next_lead, cell, []
        after = k + 1
    if task is not None:
        close(names)
    return rows, after


def _is_name(cell: Cell) -> bool:
    return cell_kind(cell.text) != "text" or len(cell.text) <= WRAPPED_PIECE


def _lead_at_end(names: list[Cell]) -> tuple[list[Cell], Cell] | None:
    """The last name before a task (its lead) and the names before it; a wrapped lead's pieces joined."""
    for n in range(min(len(names), 4), 1, -1):
        pieces = names[-n:]
        joined = "".join(c.text for c in pieces)
        if (all(len(c.text) <= WRAPPED_PIECE for c in pieces) and not any(is_body(c.text) for c in pieces[:-1])
                and is_body(joined, strong=True)):
            return names[:-n], Cell(joined, pieces[0].start, pieces[-1].end)
    if names and is_body(names[-1].text, strong=True):
        return names[:-1], names[-1]
    return None


# -- cells set apart by `|` lines ------------------------------------------------------------------

PIPE = re.compile(r"^[|｜]$")
PIPES = re.compile(r"^[|｜]{2,}$")
MAX_CELL_LINES = 8  # a cell longer than this is no table cell: the table has ended
MAX_HEADER_CELL = 24  # a header cell is short (序号, 重点工作目标任务, 牵头单位（部门）)

TRAILING_PIPE = re.compile(r"^(?P<c>[^|｜]*[^|｜\s])\s*[|｜]$")


def _piped_lines(lines: list[Line], i: int, end: int | None = None) -> list[tuple[int, Line]]:
    """The non-blank lines from `i` with their indexes, a cell written with its `|` on the same line
    (地区生产总值增长5%。|) cut into the cell and a `|` line."""
    out: list[tuple[int, Line]] = []
    for k in range(i, len(lines) if end is None else min(end, len(lines))):
        line = lines[k]
        if not line.stripped:
            continue
        m = TRAILING_PIPE.match(line.stripped)
        if m is None:
            out.append((k, line))
            continue
        at = line.start + line.text.index(m.group("c"))
        bar = line.start + len(line.text.rstrip()) - 1
        out += [(k, Line(at, at + len(m.group("c")), m.group("c"))), (k, Line(bar, bar + 1, line.text.rstrip()[-1]))]
    return out


def piped_header(lines: list[Line], i: int) -> tuple[list[Column], int, str] | None:
    """A table copied one cell per line with a `|` after each cell, on a line of its own or ending the
    cell's line (序号 / | / 项目 / | / 责任单位 / |): the header's cells up to the first that is no header;
    its columns, and the line its body starts at."""
    columns: list[Column] = []
    if not 0 < len(lines[i].stripped) <= MAX_HEADER_CELL:
        return None
    seq = _piped_lines(lines, i, i + 24)
    j, body = 0, i
    while (j + 1 < len(seq) and not PIPE.match(seq[j][1].stripped) and not PIPES.match(seq[j][1].stripped)
           and PIPE.match(seq[j + 1][1].stripped)):
        role = header_role(seq[j][1].stripped)
        if role is None and columns:
            break
        columns.append(Column(seq[j][1].stripped, role))
        body = seq[j + 1][0] + 1
        j += 2
    if len(columns) < 3 or not is_header(columns):
        return None
    return columns, body, "piped"


def piped_rows(lines: list[Line], i: int, columns: list[Column], _layout: str) -> tuple[list[Row], int]:
    """Rows of a `|`-per-line table. Each cell ends at its `|` (an empty cell is a `|` with nothing
    before it); a run of pipes (`|||`) ends a row and stands for the cells merged down from above, so a
    row holds as many cells as the header, counting them. A row with fewer cells has them placed where
    they fit (the task, a person, the bodies); a row of one group title (一、…, 产业发展类) is the category
    of the rows below it."""
    m, roles = len(columns), [c.role for c in columns]
    rows: list[Row] = []
    cells: list[Cell] = []
    pending: list[Line] = []
    category: str | None = None
    after = i

    def close_row() -> None:
        nonlocal cells, category
        present = [c for c in cells if c.text]
        alone = len(present) == 1 and cell_kind(present[0].text) == "text" and len(present[0].text) <= 40
        if alone and (CATEGORY.match(present[0].text) or (len(cells) < m and GROUP_NAME.search(present[0].text))):
            category = present[0].text
        elif present:
            placed = positional(cells, m) if len(cells) >= m else _align_right(cells, roles)
            if placed is not None and any(c is not None and c.text for c in placed):
                placed = [c if c is not None and c.text else None for c in placed]
                number = placed[0].text if roles[0] == "number" and placed[0] is not None else None
                row = make_row(number if number and row_number(number) is not None else None,
                               placed, columns, category)
                if rows and row.number is None:  # its leading cells merged down from the row above
                    inherit(row, rows[-1])
                rows.append(row)
        cells = []

    for k, line in _piped_lines(lines, i):
        text = line.stripped
        if PIPE.match(text):
            cells.append(_piped_cell(pending, line))
            pending = []
            if len(cells) >= m:
                close_row()
            after = k + 1
        elif PIPES.match(text):
            if pending:
                cells.append(_piped_cell(pending, line))
                pending = []
            close_row()
            after = k + 1
        else:
            pending.append(line)
            if len(pending) > MAX_CELL_LINES or ANNEX_ALONE.match(text) or ANNEX_TITLED.match(text):
                break
    if cells and not pending:
        close_row()
    return rows, after


def _align_right(cells: list[Cell], roles: list[str | None]) -> list[Cell | None] | None:
    """Cells placed where they fit, the missing ones first: the cells a row lacks are those merged down
    from the row above, which stand at its left (序号, 项目)."""
    placed = align(cells[::-1], roles[::-1])
    return None if placed is None else placed[::-1]


def _piped_cell(pending: list[Line], at: Line) -> Cell:
    """The lines since the last `|` as one cell: names one per line make a list (王嵘 / 方勇), text one
    paragraph; nothing is an empty cell."""
    if not pending:
        return Cell("", at.start, at.start)
    texts = [ln.stripped for ln in pending]
    sep = "、" if len(texts) > 1 and all(cell_kind(t) in ("bodies", "person") for t in texts) else ""
    return Cell(sep.join(texts), pending[0].start + len(pending[0].text) - len(pending[0].text.lstrip()),
                pending[-1].start + len(pending[-1].text.rstrip()))
