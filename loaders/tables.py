"""Annex task tables: 序号 / 工作任务 / 牵头责任单位 / 配合单位 / 时限要求.

Two shapes reach us: tab-separated rows, and tables flattened to one cell per
line (the 十三五 plan's 重点任务分工方案). Each row becomes an annex task of
its plan, with its departments read from the cells and its deadline.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from graph import ids
from graph.model import PlanGraph, Unit
from loaders.departments import looks_like_body
from loaders.lines import split_lines
from loaders.responsibility import Reading, read_note, split_names

TASK = re.compile(r"^(工作任务|重点工作|主要任务|重点任务|任务|工作内容|具体任务)$")
LEAD = re.compile(r"^(牵头责任单位|牵头单位|牵头部门)$")
SUPPORT = re.compile(r"^(配合单位|配合部门|参与单位|协办单位)$")
RESPONSIBLE = re.compile(r"^(责任单位|责任部门|牵头及责任单位)$")
DEADLINE = re.compile(r"^(时限要求|完成时限|时间要求|时限|完成时间)$")
ROW_NUMBER = re.compile(r"^\d{1,3}$")


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    number: str
    cells: dict[str, Cell]  # column role → cell
    start: int
    end: int


def _role(header: str) -> str | None:
    header = header.strip()
    for role, pattern in (("task", TASK), ("lead", LEAD), ("support", SUPPORT), ("responsible", RESPONSIBLE),
                          ("deadline", DEADLINE)):
        if pattern.match(header):
            return role
    return None


def _lines(text: str, start: int) -> list[Cell]:
    return [Cell(ln.text, ln.start, ln.end) for ln in split_lines(text, start)]


def find_rows(text: str, start: int) -> list[Row]:
    lines = _lines(text, start)
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        line = lines[i].text.strip()
        if line.startswith("序号") and "\t" in lines[i].text:
            i = _tabbed(lines, i, rows)
        elif line == "序号":
            i = _flattened(lines, i, rows)
        else:
            i += 1
    return rows


def _tabbed(lines: list[Cell], i: int, rows: list[Row]) -> int:
    roles = [_role(h) for h in lines[i].text.split("\t")]
    i += 1
    while i < len(lines) and "\t" in lines[i].text:
        line = lines[i]
        cells, pos = {}, line.start
        for role, value in zip(roles, line.text.split("\t"), strict=False):
            if role:
                lead = len(value) - len(value.lstrip())
                cells[role] = Cell(value.strip(), pos + lead, pos + lead + len(value.strip()))
            pos += len(value) + 1
        number = line.text.split("\t")[0].strip()
        if ROW_NUMBER.match(number):
            rows.append(Row(number, cells, line.start, line.end))
        i += 1
    return i


def _flattened(lines: list[Cell], i: int, rows: list[Row]) -> int:
    headers = []
    i += 1
    while i < len(lines) and not ROW_NUMBER.match(lines[i].text.strip()):
        if lines[i].text.strip():
            headers.append(_role(lines[i].text))
        i += 1
    expected = 1
    while i < len(lines) and lines[i].text.strip() == str(expected):
        number_line = lines[i]
        cells: dict[str, Cell] = {}
        i += 1
        taken = 0
        while i < len(lines) and taken < len(headers):
            cell = lines[i]
            i += 1
            if not cell.text.strip():
                continue
            role = headers[taken]
            taken += 1
            if role:
                lead = len(cell.text) - len(cell.text.lstrip())
                cells[role] = Cell(cell.text.strip(), cell.start + lead, cell.start + lead + len(cell.text.strip()))
        end = max((c.end for c in cells.values()), default=number_line.end)
        rows.append(Row(str(expected), cells, number_line.start, end))
        expected += 1
    return i


def read_row(row: Row) -> Reading | None:
    """The row's departments: separate lead/support columns, or one 责任单位 cell."""
    if "lead" in row.cells:
        leads = split_names(row.cells["lead"].text)
        supports = split_names(row.cells["support"].text) if "support" in row.cells else []
        if leads and all(looks_like_body(n) for n in leads + supports):
            return Reading(leads, supports, "stated")
        return None
    if "responsible" in row.cells:
        cell = row.cells["responsible"].text.strip("。 ")
        reading = read_note(cell)
        if reading is None:
            names = split_names(cell)
            if names and all(looks_like_body(n) for n in names):
                reading = Reading(names[:1], names[1:], "first-listed")
        return reading
    return None


def _table_title(text: str, start: int) -> str:
    for raw in text[start:].split("\n")[:4]:
        line = raw.strip()
        if line and line != "附件" and not line.startswith("序号"):
            return re.sub(r"^附件\s*\d*\s*[：:]?", "", line) or "附件"
    return "附件"


AddAssignments = Callable[..., None]


def read_annex_tasks(graph: PlanGraph, text: str, annex_start: int, doc, jurisdiction, add: AddAssignments) -> None:
    """Add each annex table row as an annex task (an action) with its departments."""
    if annex_start >= len(text):
        return
    title = _table_title(text, annex_start)
    for row in find_rows(text, annex_start):
        task = row.cells.get("task")
        if task is None or not task.text:
            continue
        uid = ids.unit_id(graph.plan.id, f"annex/{row.number}")
        deadline = row.cells["deadline"].text if "deadline" in row.cells else None
        graph.units.append(
            Unit(
                id=uid,
                type="action",
                title=task.text.rstrip("。；;"),
                path=f"附件 {title} > {row.number}",
                parent_id=None,
                order=len(graph.units),
                text=task.text,
                deadline=deadline,
                annex=True,
                evidence=doc.evidence(row.start, row.end),
            )
        )
        reading = read_row(row)
        if reading is None:
            continue
        if "lead" in row.cells:  # each role quotes its own cell
            lead, support = row.cells["lead"], row.cells.get("support")
            add(graph, uid, Reading(reading.leads, [], reading.basis), jurisdiction,
                doc.evidence(lead.start, lead.end), deadline)
            if support is not None and reading.supports:
                add(graph, uid, Reading([], reading.supports, reading.basis), jurisdiction,
                    doc.evidence(support.start, support.end), deadline)
        else:
            cell = row.cells["responsible"]
            add(graph, uid, reading, jurisdiction, doc.evidence(cell.start, cell.end), deadline)
