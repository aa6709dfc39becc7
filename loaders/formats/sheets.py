"""Excel task tables (.xlsx with openpyxl, .xls with xlrd) as reading text.

Each sheet, in workbook order, becomes a caption line (the sheet's name) and its
rows, one tab-separated line each, which is the layout loaders.table_layouts reads:
a header naming the task and responsibility columns (序号/任务/牵头单位/配合单位/时限,
in any of their synonyms) anywhere in the sheet starts a task table. A merged cell's
value is carried down the rows it covers (in its first column), as a reader reads a
lead written once for several tasks; a title merged across columns stays one cell.
Empty rows and trailing empty cells are left out; hidden sheets are read too (their
content is part of the file). Places: `sheet NAME, cell C5`.
"""

import datetime as dt
import io

from graph.errors import DocumentError
from loaders.formats.layout import Layout


def _column(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def cell_text(value) -> str:
    """A cell as a reader sees it: 3.0 → 3, a date → 2018年3月31日, text without line breaks."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return " ".join(str(value).replace("\t", " ").split("\n")).strip()


def _sheet(layout: Layout, title: str, grid: list[list[str]]) -> None:
    layout.line(title, f"sheet {title}")
    for r, row in enumerate(grid, 1):
        while row and not row[-1]:
            row = row[:-1]
        if not any(row):
            continue
        layout.row([(text, f"sheet {title}, cell {_column(c)}{r}") for c, text in enumerate(row, 1)])
    layout.add("\n", None)


def _carry_merged(grid: list[list[str]], ranges: list[tuple[int, int, int, int]]) -> None:
    """(first row, first col, last row, last col), 1-based: the first cell's value down the first column."""
    for r0, c0, r1, _ in ranges:
        if r0 - 1 >= len(grid) or c0 - 1 >= len(grid[r0 - 1]):
            continue
        value = grid[r0 - 1][c0 - 1]
        for r in range(r0 + 1, min(r1, len(grid)) + 1):
            row = grid[r - 1]
            if c0 - 1 < len(row) and not row[c0 - 1]:
                row[c0 - 1] = value


def _refuse(name: str, kind: str, e: Exception) -> DocumentError:
    return DocumentError(f"{name}: not a readable Excel workbook ({kind}): {type(e).__name__}")


def read_xlsx(data: bytes, name: str) -> Layout:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as e:  # openpyxl raises zip, XML and its own errors for a damaged file
        raise _refuse(name, ".xlsx", e) from e
    layout = Layout()
    for ws in book.worksheets:
        grid = [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        _carry_merged(grid, [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges])
        _sheet(layout, ws.title, grid)
    return layout


def read_xls(data: bytes, name: str) -> Layout:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as e:  # xlrd raises XLRDError, and struct/compdoc errors for a damaged file
        raise _refuse(name, ".xls", e) from e
    layout = Layout()
    for ws in book.sheets():
        grid = []
        for r in range(ws.nrows):
            row = []
            for c in range(ws.ncols):
                cell = ws.cell(r, c)
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                row.append(cell_text(value if cell.ctype != xlrd.XL_CELL_EMPTY else None))
            grid.append(row)
        _carry_merged(grid, [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in ws.merged_cells])
        _sheet(layout, ws.name, grid)
    return layout
