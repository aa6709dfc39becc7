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

TABLE_HEAD = re.compile(r"^指\s*标(?:名称)?$")
YEAR_HEAD = re.compile(r"^(20\d\d)年?$")
YEAR_COLUMN = re.compile(r"^(20\d\d)年?")
UNIT_COLUMN = re.compile(r"^(?:计量)?单\s*位$")
VALUE = re.compile(r"^[〔\[［(（]?(?P<cmp>[>≥<≤＞＜]?)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<post>以上|左右|以下|以内)?"
                   r"[〕\]］)）]?$")
NAME_UNIT = re.compile(r"^(?P<name>.+?)[（(](?P<unit>[^（）()]+)[）)]$")
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
    """One cell per line: 指标 / 2015年 / 2020年, then name(unit) / base / target."""
    lines = [(ln.start, ln.stripped) for ln in split_lines(text, start, end)]
    targets: list[Target] = []
    i = 0
    while i < len(lines) - 2:
        if TABLE_HEAD.match(lines[i][1]) and YEAR_HEAD.match(lines[i + 1][1]) and YEAR_HEAD.match(lines[i + 2][1]):
            base_year = int(YEAR_HEAD.match(lines[i + 1][1]).group(1))  # type: ignore[union-attr]
            target_year = int(YEAR_HEAD.match(lines[i + 2][1]).group(1))  # type: ignore[union-attr]
            i += 3
            while i < len(lines) - 2:
                name_line = lines[i]
                base, _, base_ok = _cell(lines[i + 1][1])
                value, cmp, value_ok = _cell(lines[i + 2][1])
                if not name_line[1] or re.match(r"^[一二三四五六七八九十]+、", name_line[1]):
                    break
                if base_ok and value_ok and not _cell(name_line[1])[2]:
                    name, unit = _name_and_unit(name_line[1], "", value)
                    targets.append(Target(name, value, cmp, unit, target_year, name_line[0], lines[i + 2][0]
                                          + len(lines[i + 2][1]), base, base_year if base is not None else None,
                                          from_table=True))
                    i += 3
                elif _cell(lines[i + 1][1])[2] and not value_ok:
                    break
                else:
                    i += 1  # a category row such as 信息资源建设
        else:
            i += 1
    return targets


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
    cells = [(0, 0, "")] * (len(header) - len(cells)) + cells  # a merged category leaves the row short
    column = {h: i for i, h in reversed(list(enumerate(header)))}
    name_at = next(i for i, h in enumerate(header) if TABLE_HEAD.match(h) or "指标" in h)
    years = [(i, int(YEAR_COLUMN.match(h).group(1))) for i, h in enumerate(header) if YEAR_COLUMN.match(h)]
    unit_at = next((i for h, i in column.items() if UNIT_COLUMN.match(h)), None)
    n_start, _, name = cells[name_at]
    target_at, year = years[-1]
    value, cmp, ok = _cell(cells[target_at][2])
    if not name or not ok or _cell(name)[2]:
        return None
    base, base_year = None, None
    if len(years) > 1:
        base, _, _ = _cell(cells[years[0][0]][2])
        base_year = years[0][1] if base is not None else None
    name, unit = _name_and_unit(name, cells[unit_at][2] if unit_at is not None else "", value)
    return Target(name, value, cmp, unit, year, n_start, cells[target_at][1], base, base_year, from_table=True)
