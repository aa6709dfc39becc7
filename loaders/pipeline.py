"""One document in, one `PlanGraph` out: read → outline → notes → resolve.

The only entry point loaders offer the rest of policykg. It never touches a
store; a document that yields no plan raises `DocumentError` with the reason.
"""

import re
from pathlib import Path

from graph import ids
from graph.errors import DocumentError
from graph.model import Assignment, Department, Evidence, Implements, Plan, PlanGraph, Unit
from loaders.departments import merge_departments, resolve
from loaders.knowledge import Jurisdiction
from loaders.metadata import Metadata, read_metadata
from loaders.outline import Heading, Outline, parse_outline
from loaders.read import check_size, read_text
from loaders.responsibility import Reading, find_notes
from loaders.segment import segment_graph
from loaders.tables import read_annex_tasks
from loaders.targets import add_indicators
from loaders.text import SourceText

UNKNOWN = Jurisdiction("?", "未知地区", "省", ())
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
    outline = parse_outline(source.text)
    first_section = next((h.start for h in outline.headings if h.kind == "section"), outline.body_end)
    meta = read_metadata(source, first_section)
    units = [h for h in outline.headings if h.kind != "section"]
    if not units:
        raise DocumentError(f"{name}: no plan structure found (no 一、/（一）/1． outline)")
    plan = _plan(meta, doc)
    graph = PlanGraph(plan=plan)
    jurisdiction = meta.jurisdiction or UNKNOWN
    unit_ids = _add_units(graph, outline, doc)
    _add_notes(graph, outline, unit_ids, jurisdiction, doc)
    read_annex_tasks(graph, source.text, outline.body_end, doc, jurisdiction, add_assignments)
    link_annex_tasks(graph)
    add_indicators(graph, outline, unit_ids, doc, meta, first_section)
    graph.implements = [
        Implements(
            plan=Plan(id=ids.national_plan_id(c.doc_number, c.title), title=c.title, doc_number=c.doc_number,
                      national=True),
            evidence=doc.evidence(c.start, c.end),
        )
        for c in _unique_citations(meta)
    ]
    graph.departments = merge_departments(graph.departments)
    segment_graph(graph)
    return graph


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
    return "/".join(f"{n.kind[0]}{n.marker}" for n in [*h.ancestors(), h])


def _owning_action(h: Heading) -> Heading | None:
    return next((a for a in reversed(h.ancestors()) if a.kind == "action"), None)


def _add_units(graph: PlanGraph, outline: Outline, doc: DocumentReader) -> dict[int, str]:
    """Actions and projects of the body, in document order; returns heading start → unit id."""
    by_start: dict[int, str] = {}
    seen_keys: dict[str, int] = {}
    for h in outline.headings:
        if h.kind == "section":
            continue
        key = _path_key(h)
        seen_keys[key] = seen_keys.get(key, 0) + 1
        if seen_keys[key] > 1:
            key = f"{key}#{seen_keys[key]}"
        uid = ids.unit_id(graph.plan.id, key)
        by_start[h.start] = uid
        parent = _owning_action(h) if h.kind != "action" else None
        own_end = h.children[0].start if h.children else h.end
        title_end = doc.source.text.find(h.title, h.start) + len(h.title)
        graph.units.append(
            Unit(
                id=uid,
                type="action" if h.kind == "action" else "project",
                title=h.title,
                path=" > ".join(n.label for n in [*h.ancestors(), h]),
                parent_id=by_start.get(parent.start) if parent else None,
                order=len(graph.units),
                text=doc.source.text[h.start:own_end].strip(),
                deadline=unit_deadline(doc.source.text[h.start:own_end]),
                evidence=doc.evidence(h.start, max(title_end, h.start)),
            )
        )
    return by_start


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


def _note_owner(outline: Outline, pos: int, standalone: bool) -> Heading | None:
    """The unit a note belongs to: the innermost one, or for a note standing on its
    own line after a block of projects, the action that holds them."""
    h = outline.innermost(pos)
    if h is None or h.kind == "section":
        return None
    if standalone and h.kind in ("project", "box"):
        return _owning_action(h) or h
    return h


def _add_notes(graph, outline, unit_ids, jurisdiction, doc) -> None:
    for note in find_notes(doc.source.text, 0, outline.body_end):
        owner = _note_owner(outline, note.start, note.standalone)
        if owner is None:
            continue
        unit = graph.unit(unit_ids[owner.start])
        add_assignments(graph, unit.id, note.reading, jurisdiction, doc.evidence(note.start, note.end), unit.deadline)


def add_assignments(graph: PlanGraph, unit_id: str, reading: Reading, jurisdiction: Jurisdiction,
                    evidence: Evidence, deadline: str | None = None) -> None:
    """LEADS and SUPPORTS edges for one reading, each department resolved in the jurisdiction."""
    for role, names in (("leads", reading.leads), ("supports", reading.supports)):
        for rank, name in enumerate(names):
            dept: Department = resolve(name, jurisdiction)
            graph.departments.append(dept)
            if any(a.department_id == dept.id and a.unit_id == unit_id and a.role == role for a in graph.assignments):
                continue
            graph.assignments.append(
                Assignment(department_id=dept.id, unit_id=unit_id, role=role, basis=reading.basis,  # type: ignore[arg-type]
                           surface=name, rank=rank, deadline=deadline, evidence=evidence)
            )
