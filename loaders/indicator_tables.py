"""Indicator tables: a row per indicator, a baseline column and a target column.

Two layouts, as plans are published: one cell per line (指标 / 2015年 / 2020年, then name / base /
target, category rows between), and one row per line with cells separated by tabs or | (an HTML
table as read, or a table typed with bars), where the header names the columns: 指标, 单位, the year
columns (2020年, 2025年目标), and others read past (序号, 类别, 属性). The first year column is the
baseline, the last the target. A category merged over several rows leaves those rows short: their
cells are aligned from the right.
"""

import re

from loaders.indicators import QUALIFIERS, Target, cells_of, indicator_header
from loaders.lines import split_lines

TABLE_HEAD = re.compile(r"^(?:主要|具体)?指\s*标(?:名称|内容)?$")
YEAR_COLUMN = re.compile(r"^(20\d\d)年")
UNIT_COLUMN = re.compile(r"^(?:计量)?单\s*位$")
SERIAL_COLUMN = re.compile(r"^序\s*号$")
LEADING_COLUMN = re.compile(r"^(?:序\s*号|类\s*别|领\s*域|分\s*类)$")
HEADER_WORD = re.compile(r"^(?:(?:计量)?单\s*位|属\s*性|指标属性|指标性质|20\d\d年\S{0,6}|年均增长\S{0,6})$")
VALUE = re.compile(r"^[〔\[［(（]?(?P<cmp>[>≥<≤＞＜]?)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<post>以上|左右|以下|以内)?"
                   r"[〕\]］)）]?$")
NAME_UNIT = re.compile(r"^(?P<name>.+?)[（(](?P<unit>[^（）()]+)[）)]$")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
TABLE_CMP = {">": ">", "＞": ">", "≥": ">=", "<": "<", "＜": "<", "≤": "<=", "": "="}


def _cell(value: str) -> tuple[float | None, str, bool]:
    """A table value: (number, comparator, is_a_value). 〔13.5〕 (a five-year total) is read as its number."""
    value = value.strip()
    if value in ("/", "-", "—", "－", ""):
        return None, "=", True
    m = VALUE.match(value)
    if m:
        cmp = QUALIFIERS.get(m.group("post") or "") or TABLE_CMP.get(m.group("cmp"), "=")
        return float(m.group("num")), cmp, True
    if len(value) <= 6 and not re.search(r"[（）()]", value) and re.search(r"(实现|完成|覆盖|达到)", value):
        return None, "=", True  # 基本实现: a target without a number
    return None, "=", False


def _name_and_unit(name: str, unit: str, value: float | None) -> tuple[str, str]:
    m = NAME_UNIT.match(name)
    if m and not unit:
        name, unit = m.group("name"), m.group("unit")
    return name, unit if value is not None else ""


def table_targets(text: str, start: int, end: int) -> list[Target]:
    """Targets of every indicator table in text[start:end], in either layout."""
    return _flattened(text, start, end) + _rows(text, start, end)


def _flattened(text: str, start: int, end: int) -> list[Target]:
    """One cell per line: the header's cells (指标 / 单位 / 2015年 / 2020年 …), then each row's, with
    category rows (信息资源建设) of one line between them."""
    lines = [(ln.start, ln.end, ln.stripped) for ln in split_lines(text, start, end)]
    targets: list[Target] = []
    i = 0
    while i < len(lines):
        found = _flat_header(lines, i)
        if found is None:
            i += 1
            continue
        header, i = found
        width = len(header)
        while i < len(lines) and _in_table(lines[i][2]):
            row = _row(header, lines[i:i + width]) if i + width <= len(lines) else None
            if row is None:
                i += 1  # a category row
                continue
            targets.append(row)
            i += width
    return targets


def _flat_header(lines: list[tuple[int, int, str]], i: int) -> tuple[list[str], int] | None:
    """The header starting with 指标 at line i (with 序号/类别 just before it), and the line after it."""
    if not TABLE_HEAD.match(lines[i][2]):
        return None
    first = i
    while first > 0 and LEADING_COLUMN.match(lines[first - 1][2]):
        first -= 1
    last = i + 1
    while last < len(lines) and HEADER_WORD.match(lines[last][2]):
        last += 1
    header = [c for _, _, c in lines[first:last]]
    return (header, last) if any(YEAR_COLUMN.match(c) for c in header) else None


def _in_table(cell: str) -> bool:
    """Whether a line can still be a cell: not empty, not a heading, not a paragraph."""
    return bool(cell) and len(cell) <= 40 and not HEADING.match(cell)


def _rows(text: str, start: int, end: int) -> list[Target]:
    """One row per line (tab or | between cells), under a header naming 指标 and the year columns."""
    targets: list[Target] = []
    header: list[str] | None = None
    for line in split_lines(text, start, end):
        cells = cells_of(line)
        if len(cells) < 2:
            header = header if not line.stripped else None  # a line of prose ends the table
            continue
        names = [c for _, _, c in cells]
        if indicator_header(names):
            header = names
            continue
        if header:
            row = _row(header, cells)
            if row:
                targets.append(row)
    return targets


def _row(header: list[str], cells: list[tuple[int, int, str]]) -> Target | None:
    """One indicator from a row's cells under the header, or None when the cells do not fit it."""
    cells = [(0, 0, "")] * (len(header) - len(cells)) + cells  # a merged category leaves the row short
    column = {h: i for i, h in reversed(list(enumerate(header)))}
    name_at = next(i for i, h in enumerate(header) if TABLE_HEAD.match(h))
    years = [(i, int(YEAR_COLUMN.match(h).group(1))) for i, h in enumerate(header) if YEAR_COLUMN.match(h)]
    unit_at = next((i for h, i in column.items() if UNIT_COLUMN.match(h)), None)
    n_start, _, name = cells[name_at]
    target_at, year = years[-1]
    value, cmp, ok = _cell(cells[target_at][2])
    if not name or not ok or _cell(name)[2] or not all(_cell(cells[i][2])[2] for i, _ in years):
        return None
    serial_at = next((i for i, h in enumerate(header) if SERIAL_COLUMN.match(h)), None)
    if serial_at is not None and cells[serial_at][2] and not cells[serial_at][2].isdigit():
        return None
    if unit_at is not None and (len(cells[unit_at][2]) > 8 or _cell(cells[unit_at][2])[0] is not None):
        return None
    base, base_year = None, None
    if len(years) > 1:
        base, _, _ = _cell(cells[years[0][0]][2])
        base_year = years[0][1] if base is not None else None
    name, unit = _name_and_unit(name, cells[unit_at][2] if unit_at is not None else "", value)
    return Target(name, value, cmp, unit, year, n_start, cells[target_at][1], base, base_year, from_table=True)
