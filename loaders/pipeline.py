"""One document in, one `PlanGraph` out: read → tables → outline → notes → place → resolve.

The only entry point loaders offer the rest of policykg. It never touches a
store; a document that yields no plan raises `DocumentError` with the reason.
"""

import re
from pathlib import Path

from graph import ids
from graph.errors import DocumentError
from graph.model import Assignment, Department, Evidence, Implements, Plan, PlanGraph, ReadingWarning, Unit
from loaders.departments import merge_departments, resolve
from loaders.knowledge import Jurisdiction
from loaders.metadata import Metadata, read_metadata
from loaders.outline import Heading, Outline, parse_outline
from loaders.placement import place_notes
from loaders.read import check_size, read_text
from loaders.reading_warnings import reading_warnings
from loaders.responsibility import Note, Reading, find_notes
from loaders.segment import segment_graph
from loaders.tables import Table, add_table_tasks, find_tables, run_on_tables, table_warnings
from loaders.targets import add_indicators
from loaders.text import SourceText

DEADLINE = re.compile(r"20\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?前")


class DocumentReader:
    """Holds one document's reading text and turns spans into evidence."""

    def __init__(self, source: SourceText, name: str) -> None:
        self.source = source
        self.name = name

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.source.span(start, end)
        return Evidence(source=self.name, start=s, end=e, quote=self.source.original[s:e])


def load_file(path: str | Path) -> PlanGraph:
    path = Path(path)
    try:
        check_size(path.stat().st_size, path.name)
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path.name}: cannot read ({e.strerror})") from e
    return read_document(data, path.name)


def read_document(data: bytes, name: str) -> PlanGraph:
    source = read_text(data, name)
    doc = DocumentReader(source, name)
    text = source.text
    tables = find_tables(text, source=source)
    outline = parse_outline(text, skip=[(t.start, t.end) for t in tables])
    notes = [n for n in find_notes(text, 0, outline.body_end) if not _in_table(n.start, tables)]
    _titles_before_notes(outline, notes, text)
    owners = place_notes(outline, notes, text, paragraphs=not tables)  # a task table is the plan's list
    outline.classify(o for o in owners if o is not None)
    body_start = min([*(h.start for h in outline.headings[:1]), *(t.start for t in tables[:1]), outline.body_end])
    meta = read_metadata(source, body_start)
    graph = PlanGraph(plan=_plan(meta, doc), text=source.original)

    def add(g: PlanGraph, unit_id: str, reading: Reading, jurisdiction, evidence: Evidence,
            deadline: str | None = None) -> None:
        add_assignments(g, unit_id, reading, jurisdiction, evidence, deadline, issued=meta.as_of)

    unit_ids = _add_units(graph, outline, doc)
    _add_notes(graph, notes, owners, unit_ids, meta.jurisdiction, doc, add)
    _add_annex_outline(graph, outline, tables, text, doc, meta.jurisdiction, add)
    for index, table in enumerate(tables):
        parent = outline.heading_before(table.start)
        add_table_tasks(graph, table, index, doc, meta.jurisdiction, add,
                        parent_id=unit_ids.get(parent.start) if parent is not None and parent.is_unit else None)
    if not graph.units:
        run_on = run_on_tables(text)
        if run_on:
            raise DocumentError(f"{name}: its task table's cells run together with no separators "
                                f"({' | '.join(run_on[0].headers)}), so its columns cannot be told apart: "
                                "save the table with its cells separated (tabs, |, or one cell per line)")
        raise DocumentError(f"{name}: no plan structure found (no numbered outline such as 一、/（一）/1. "
                            "and no task table)")
    check_unique_ids(graph, name)
    link_annex_tasks(graph)
    add_indicators(graph, outline, unit_ids, doc, meta, body_start, reported=_status_cells(tables))
    graph.implements = [
        Implements(
            plan=Plan(id=ids.national_plan_id(c.doc_number, c.title), title=c.title, doc_number=c.doc_number,
                      national=True),
            evidence=doc.evidence(c.start, c.end),
        )
        for c in _unique_citations(meta)
    ]
    graph.departments = merge_departments(graph.departments)
    graph.warnings += reading_warnings(graph, outline, meta, doc) + table_warnings(tables, text, doc)
    segment_graph(graph)
    return graph


def _titles_before_notes(outline: Outline, notes: list[Note], text: str) -> None:
    """A heading's title ends where a note inside it begins: 1.建数据中心（市工信局负责） → 建数据中心."""
    for h in outline.headings:
        at = text.find(h.title, h.start)
        cut = next((n.start for n in notes if at < n.start < at + len(h.title)), None)
        if at >= 0 and cut is not None:
            h.title = text[at:cut].rstrip("：:；;，, ") or h.title


def _add_annex_outline(graph: PlanGraph, outline: Outline, tables: list[Table], text: str, doc: "DocumentReader",
                       jurisdiction: Jurisdiction | None, add) -> None:
    """An annex after an outlined body that has an outline of its own (通知 一、… 附件 XX分工方案 一、…
    （X牵头）) gives tasks too, when notes outside its tables name departments in it; its units are
    annex units (ids under 附件), linked to the body units they name."""
    annex = outline.annex
    if annex is None:
        return
    notes = [n for n in find_notes(text, annex.roots[0].start, len(text)) if not _in_table(n.start, tables)]
    if not any(annex.deepest(n.start) is not None for n in notes):
        return
    _titles_before_notes(annex, notes, text)
    owners = place_notes(annex, notes, text)
    annex.classify(o for o in owners if o is not None)
    unit_ids = _add_units(graph, annex, doc, annex=True)
    _add_notes(graph, notes, owners, unit_ids, jurisdiction, doc, add)


# a column reporting what was done (进展情况, 完成情况, 工作进展); one that also plans (工作目标及进度安排,
# 推进情况及下步打算, 预期成效, 备注) may set targets and is kept
REPORTED = re.compile(r"(?:落实|完成|进展|推进|实施|办理|执行)情况|工作进展|^进展$")
PLANNED = re.compile(r"目标|安排|计划|打算|预期|要求|下步|下一步|时限|任务")


def _status_cells(tables: list[Table]) -> list[tuple[int, int]]:
    """The cells of a task table's progress columns (进展情况, 完成情况): what was done, reported, never a target
    (a schedule, 进度安排, is the table's deadline column and may set one)."""
    return [(c.start, c.end) for t in tables for r in t.rows
            for c, col in zip(r.cells, t.columns, strict=False)
            if c is not None and col.role in (None, "other") and reports_progress(col.header)]


def reports_progress(header: str) -> bool:
    """进展情况 / 完成情况: a column of what was done; 工作目标及进度安排 or 推进情况及下步打算 also plans."""
    return bool(REPORTED.search(header)) and not PLANNED.search(header)


def _in_table(pos: int, tables: list[Table]) -> bool:
    return any(t.start <= pos < t.end for t in tables)


def _plan(meta: Metadata, doc: DocumentReader) -> Plan:
    jurisdiction = meta.jurisdiction.name if meta.jurisdiction else None
    start, end = meta.title_span
    return Plan(
        id=ids.plan_id(jurisdiction, meta.doc_number, meta.title, meta.issued),
        title=meta.title,
        title_derived=meta.title_derived,
        issuer=meta.issuer,
        jurisdiction=jurisdiction,
        issued=meta.issued,
        doc_number=meta.doc_number,
        source=doc.name,
        evidence=doc.evidence(start, end) if end > start else None,
    )


def _unique_citations(meta: Metadata):
    seen = set()
    for c in meta.implements:
        if c.doc_number not in seen:
            seen.add(c.doc_number)
            yield c


def _path_key(h: Heading) -> str:
    """A unit's id key: the numbering of its place in the outline (二、/（三）/2．)."""
    return "/".join(n.key for n in [*h.ancestors(), h])


def _unit_parent(h: Heading) -> Heading | None:
    return next((a for a in reversed(h.ancestors()) if a.is_unit), None)


def _add_units(graph: PlanGraph, outline: Outline, doc: DocumentReader, annex: bool = False) -> dict[int, str]:
    """The outline's tasks, in document order; returns heading start → unit id."""
    by_start: dict[int, str] = {}
    for h in outline.units:
        uid = ids.unit_id(graph.plan.id, ("附件/" if annex else "") + _path_key(h))
        by_start[h.start] = uid
        parent = _unit_parent(h)
        own_end = min([c.start for c in h.children if c.kind != "item"] + [h.end])
        title_end = doc.source.text.find(h.title, h.start) + len(h.title)
        graph.units.append(
            Unit(
                id=uid,
                type="action" if h.kind == "action" else "project",
                title=h.title,
                path=("附件 > " if annex else "") + " > ".join(
                    n.label for n in [*h.ancestors(), h] if n.kind != "item" or n is h),
                parent_id=by_start.get(parent.start) if parent else None,
                order=len(graph.units),
                text=doc.source.text[h.start:own_end].strip(),
                deadline=unit_deadline(doc.source.text[h.start:own_end]),
                evidence=doc.evidence(h.start, max(title_end, h.start)),
                annex=annex,
            )
        )
    return by_start


def check_unique_ids(graph: PlanGraph, name: str) -> None:
    """Two units with one id would overwrite each other in the store: the reading is wrong, say so."""
    seen: dict[str, Unit] = {}
    for u in graph.units:
        if u.id in seen:
            raise DocumentError(f"{name}: two units read at one place in the outline "
                                f"({seen[u.id].path} / {u.path})", unit_id=u.id)
        seen[u.id] = u


def unit_deadline(text: str) -> str | None:
    """A deadline stated in a unit's own text: 2017年底前, 2018年3月31日前."""
    m = DEADLINE.search(text)
    return m.group(0) if m else None


def link_annex_tasks(graph: PlanGraph) -> None:
    """An annex task that names a body unit (组织实施网络技术提升行动 ↔ （一）网络技术提升行动)
    is linked to it; every unit it names is linked, none is guessed away."""
    body = [u for u in graph.units if not u.annex and len(u.title) >= 4]
    for task in (u for u in graph.units if u.annex):
        named = [u for u in body if u.title in task.text]
        # a title inside a longer named title (数字化 in 城市综合管理数字化) is not a separate mention
        task.related_ids = [u.id for u in named if not any(u.title in o.title and u is not o for o in named)]


def _add_notes(graph: PlanGraph, notes: list[Note], owners: list[Heading | None], unit_ids: dict[int, str],
               jurisdiction: Jurisdiction | None, doc: DocumentReader, add) -> None:
    """Each note's departments on the unit it belongs to (loaders/placement.py); a note that
    belongs to no unit is a warning, never a guess."""
    for note, owner in zip(notes, owners, strict=True):
        evidence = doc.evidence(note.start, note.end)
        unit_owner = owner if owner is None or owner.is_unit else _unit_parent(owner)
        if unit_owner is None:
            graph.warnings.append(ReadingWarning(
                kind="note-unplaced", message="a responsibility note outside every task of the outline",
                evidence=evidence))
            continue
        unit = graph.unit(unit_ids[unit_owner.start])
        add(graph, unit.id, note.reading, jurisdiction, evidence, unit.deadline)
        for unresolved in note.reading.unresolved:
            graph.warnings.append(ReadingWarning(
                kind="name-unresolved", evidence=evidence,
                message=f"not read as a body, left out of its label's list: {unresolved}"))


def add_assignments(graph: PlanGraph, unit_id: str, reading: Reading, jurisdiction: Jurisdiction | None,
                    evidence: Evidence, deadline: str | None = None, issued: str | None = None) -> None:
    """LEADS and SUPPORTS edges for one reading, each department resolved in the jurisdiction
    (None when the text does not tell) as it stood when the document was issued."""
    for role, names in (("leads", reading.leads), ("supports", reading.supports)):
        for rank, name in enumerate(names):
            dept: Department = resolve(name, jurisdiction, issued)
            graph.departments.append(dept)
            if any(a.department_id == dept.id and a.unit_id == unit_id and a.role == role for a in graph.assignments):
                continue
            graph.assignments.append(
                Assignment(department_id=dept.id, unit_id=unit_id, role=role, basis=reading.basis,  # type: ignore[arg-type]
                           surface=name, rank=rank, deadline=deadline, evidence=evidence)
            )
