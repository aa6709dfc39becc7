"""Task tables read into units: one task per row, with its departments and deadline.

`loaders.table_layouts` finds the tables (any layout, body or annex); this module reads a
row's cells as a reader of the table would:
  a lead column (牵头单位)            its bodies lead, `stated`; 配合单位 and any 责任单位 support
  no lead column                      the 责任单位 cell's own words (X牵头，Y配合 → `stated`), else its
                                     first listed leads (`first-listed`, or `rule` when the document
                                     says so); the rest and any 配合单位 support, read the same way
  a person column (责任领导)          never read: a person is not a department
  a source or remarks column (任务来源) never read: a document is neither a task nor a body
A cell is read only when every name in it looks like a body's name (or the responsibility reader
takes it for a bare list, as a group 市政府各部门、各直属机构), so a narrative cell never becomes a
department, nor does a task sentence that ends like a body's name (建成县残疾人综合服务中心。).
Each role quotes the cell it was read from. A table whose cells run together with no separators
is found and named (`run_on_tables`, `table_warnings`), not read.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from graph import ids
from graph.model import PlanGraph, ReadingWarning, Unit
from loaders.departments import looks_like_body
from loaders.lines import split_lines
from loaders.responsibility import Reading, read_note, split_names
from loaders.table_cells import (
    DEED,
    MAX_HEADER,
    SENTENCE,
    Cell,
    Column,
    Row,
    Table,
    header_role,
    is_exact_header,
    is_header,
)
from loaders.table_layouts import dropped_spaces, find_tables

__all__ = ["Table", "Row", "Cell", "find_tables", "add_table_tasks", "read_row", "find_rows", "table_warnings",
           "run_on_tables"]

AddAssignments = Callable[..., None]
PAREN_TAIL = re.compile(r"（[^（）]*）$")
TASK_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,2}[.．、](?!\d)|[①-⑳])\s*")


def _names(cell: Cell, gaps: set[int]) -> list[str] | None:
    """The names of a department cell, or None when any of them is not a body's name.

    Names may be set apart by spaces alone (县教体局 各相关乡镇政府): `gaps` holds the reading-text
    offsets where the document had a space the reading text dropped."""
    pieces, last = [], cell.start
    verbatim = len(cell.text) == cell.end - cell.start  # not a cell joined from several lines
    for pos in sorted(g for g in gaps if verbatim and cell.start < g < cell.end):
        pieces.append((last, pos))
        last = pos
    pieces.append((last, cell.end))
    parts = [cell.text[s - cell.start : e - cell.start] for s, e in pieces]
    parts = [p for part in parts for p in part.split()]
    names = [n for part in parts for n in split_names(part.strip("。；; "))]
    if len(parts) > 1 and not all(_is_body(n) for n in names):
        names = split_names(cell.text.strip("。；; "))  # the spaces were line wrapping, not separators
    return names if names and all(_is_body(n) for n in names) else None


def _bodies_cell(cell: Cell | None) -> Cell | None:
    """The cell, unless it states a deed (建成县残疾人综合服务中心。): a task sentence ends like a body's
    name, but a body's name has no verb, so it is no department whatever column it stands in."""
    if cell is None or SENTENCE.search(cell.text) or DEED.match(cell.text):
        return None
    return cell


def _listed(note: Reading | None) -> list[str] | None:
    """The names of a cell the responsibility reader takes for a bare list of bodies (a group such as
    市政府各部门、各直属机构 is one name): its own words say nothing of who leads, the column does."""
    return note.leads + note.supports if note is not None and note.bare else None


def _is_body(name: str) -> bool:
    """A body's name, allowing a gloss in parentheses after it: 各镇政府（街道办事处）."""
    return looks_like_body(name) or looks_like_body(PAREN_TAIL.sub("", name))


def read_row(table: Table, row: Row, gaps: set[int] | None = None) -> list[tuple[Reading, Cell]]:
    """The row's departments: one reading per cell read, with the cell it quotes."""
    gaps = gaps or set()
    lead, support, responsible = (_bodies_cell(row.cell(role)) for role in ("lead", "support", "responsible"))
    readings: list[tuple[Reading, Cell]] = []
    if table.has("lead"):
        if lead is not None:
            note = read_note(lead.text.strip("。 "))
            names = _names(lead, gaps) or _listed(note)
            if note is not None and note.basis == "stated":
                readings.append((note, lead))
            elif names:
                readings.append((Reading(names, [], "stated"), lead))
        for cell in (support, responsible):
            if cell is not None and (names := _names(cell, gaps) or _listed(read_note(cell.text.strip("。 ")))):
                readings.append((Reading([], names, "stated"), cell))
        return readings
    basis = "stated"
    if responsible is not None:
        note = read_note(responsible.text.strip("。 "), table.rule)
        names = _names(responsible, gaps)
        if names and (note is None or (note.basis != "stated" and len(names) > len(note.leads + note.supports))):
            note = Reading(names[:1], names[1:], "rule" if table.rule else "first-listed")
        if note is not None:
            readings.append((note, responsible))
            basis = note.basis
    if support is not None and (names := _names(support, gaps)):
        readings.append((Reading([], names, basis), support))  # one reading of the row: one basis
    return readings


def _gaps(doc, start: int, end: int) -> set[int]:
    source = getattr(doc, "source", None)
    return set(dropped_spaces(source, start, end)) if source is not None else set()


def _title(task: Cell, figure: Cell | None = None) -> str:
    """The task as written, without its list marker; an indicator with the value its goal column sets."""
    title = TASK_MARKER.sub("", task.text).rstrip("。；;，,") or task.text
    return title + figure.text if figure is not None else title


def _path(table: Table, row: Row, key: str) -> str:
    caption = table.title or "任务表"
    head = f"附件 {caption}" if table.annex else caption
    return " > ".join([head, *row.categories, key])


def add_table_tasks(graph: PlanGraph, table: Table, table_index: int, doc, jurisdiction, add: AddAssignments,
                    parent_id: str | None = None) -> list[str]:
    """One unit per row of `table` (an action, or a project of `parent_id`), with its departments
    through `add(graph, unit_id, reading, jurisdiction, evidence, deadline)`; returns the unit ids."""
    made: list[str] = []
    seen: dict[str, int] = {}
    for ordinal, row in enumerate(table.rows, 1):
        task = row.task
        if task is None:
            continue
        key = row.number or f"r{ordinal}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # numbering restarted under a new category
            key = f"{key}#{seen[key]}"
        uid = ids.unit_id(graph.plan.id, f"table{table_index}/{key}")
        deadline_cell = row.cell("deadline")
        deadline = deadline_cell.text if deadline_cell else None
        graph.units.append(
            Unit(
                id=uid,
                type="action" if parent_id is None else "project",
                title=_title(task, row.figure),
                path=_path(table, row, row.number or str(ordinal)),
                parent_id=parent_id,
                order=len(graph.units),
                text=task.text + (row.figure.text if row.figure else ""),
                deadline=deadline,
                annex=True,
                evidence=doc.evidence(row.start, row.end),
            )
        )
        made.append(uid)
        for reading, cell in read_row(table, row, _gaps(doc, row.start, row.end)):
            add(graph, uid, reading, jurisdiction, doc.evidence(cell.start, cell.end), deadline)
    return made


# -- tables that cannot be read ------------------------------------------------------------------


@dataclass(frozen=True)
class RunOn:
    """A table dumped with no cell separators (序号项目名称主要内容牵头单位配合单位1增加…): its header run."""

    start: int
    end: int
    headers: tuple[str, ...]


def run_on_tables(text: str, start: int = 0, end: int | None = None) -> list[RunOn]:
    """Headers run together inside a line of text, with the rows after them: a table whose cells lost
    their separators (a document site's text dump). Its cells cannot be told apart, so it is not read;
    this says where it is, for a warning or a refusal that names the reason."""
    found: list[RunOn] = []
    for line in split_lines(text, start, end):
        if "\t" in line.text or line.text.count("|") >= 2:
            continue  # a delimited table is read, not refused
        for m in re.finditer("序号|编号", line.text):
            at, headers = m.end(), [m.group(0)]
            while (head := _header_prefix(line.text, at)) is not None:
                headers.append(head)
                at += len(head)
            if len(headers) >= 3 and at < len(line.text) and is_header([Column(h, header_role(h)) for h in headers]):
                found.append(RunOn(line.start + m.start(), line.start + at, tuple(headers)))
                break
    return found


def _header_prefix(text: str, at: int) -> str | None:
    """The header `text` goes on with at `at`: the longest we know word for word, else the shortest
    that holds a header's word (区政府分管领导 before 牵头单位)."""
    window = text[at : at + MAX_HEADER]
    exact = [window[:n] for n in range(len(window), 1, -1) if is_exact_header(window[:n])]
    if exact:
        return exact[0]
    return next((window[:n] for n in range(2, len(window) + 1) if header_role(window[:n]) is not None), None)


def table_warnings(tables: list[Table], text: str, doc) -> list[ReadingWarning]:
    """What a reader should check in the tables: lines under a row that fit none of its columns (a second
    task whose 序号 and bodies are merged with the row above), and tables whose cells run together with
    no separators (a site's text dump), which are not read at all."""
    out = []
    for table in tables:
        for row in table.rows:
            if row.unread:
                first, last = row.unread[0], row.unread[-1]
                out.append(ReadingWarning(
                    kind="table-lines-unread",
                    message=f"{_path(table, row, row.number or '')}: lines under the row fit none of its columns "
                            "(a task merged with the row above?), not read",
                    evidence=doc.evidence(first.start, last.end)))
    for run in run_on_tables(text):
        out.append(ReadingWarning(
            kind="table-run-together",
            message=f"a table whose cells run together with no separators ({' | '.join(run.headers)}): not read",
            evidence=doc.evidence(run.start, run.end)))
    return out


def find_rows(text: str, start: int) -> list[Row]:
    """The rows of every table after `start`, in order."""
    return [row for table in find_tables(text, start) for row in table.rows]
