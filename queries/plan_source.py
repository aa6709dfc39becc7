"""A plan's text as read with the place of every fact in it: the reading view's data.

Built from the plan's Source node (its text, and its reading before corrections) with the
stored corrections applied, so the highlights are the facts the store holds, corrected ones
included, and the reader's warnings are those of the reading.
"""

from graph.corrections import apply_corrections
from graph.errors import NotFound
from graph.model import CorrectionMark, Evidence
from graph.rows import decode_reading
from graph.store import GraphStore
from queries.corrections import corrections_of

NEAR = 400  # how far from its recorded place a quote is looked for when the text has shifted


def place(text: str, evidence: Evidence) -> tuple[int, int]:
    """Where `evidence` stands in `text`: at its span when the quote is there, else the nearest
    place the quote is found (a text whose spacing was normalised), else its span as recorded."""
    s, e = evidence.start, evidence.end
    if text[s:e] == evidence.quote or not evidence.quote:
        return s, e
    lo = max(0, s - NEAR)
    found = text.find(evidence.quote, lo, e + NEAR)
    return (found, found + len(evidence.quote)) if found >= 0 else (min(s, len(text)), min(e, len(text)))


def _inside(text: str, span: tuple[int, int], part: str) -> tuple[int, int]:
    """The first place `part` (a title, a name as written) stands inside `span`, else the span."""
    at = text.find(part, span[0], span[1]) if part else -1
    return (at, at + len(part)) if at >= 0 else span


def _span(start_end: tuple[int, int], kind: str, correction: CorrectionMark | None = None, **fields) -> dict:
    keys = ("unit_id", "department_id", "department", "surface", "indicator_id", "basis", "label")
    return {"start": start_end[0], "end": start_end[1], "kind": kind, **{k: fields.get(k) for k in keys},
            "correction": correction.model_dump() if correction else None}


def plan_source(store: GraphStore, plan_id: str) -> dict:
    rows = store.run("plan_source", {"plan": plan_id})
    if not rows:
        raise NotFound(f"no plan with id {plan_id!r}", plan_id=plan_id)
    text = rows[0]["text"] or ""
    reading = decode_reading(rows[0]["reading"])
    graph, _ = apply_corrections(reading, corrections_of(store, [plan_id]).get(plan_id, []))
    names = {d.id: d.name for d in graph.departments}
    spans = [_span(_inside(text, place(text, u.evidence), u.title), "heading", unit_id=u.id, label=u.title)
             for u in graph.units]
    for a in graph.assignments:
        at = _inside(text, place(text, a.evidence), a.surface)
        spans.append(_span(at, "lead" if a.role == "leads" else "support", unit_id=a.unit_id,
                           department_id=a.department_id, department=names.get(a.department_id), surface=a.surface,
                           basis=a.basis, label=names.get(a.department_id, a.surface), correction=a.correction))
    units = {u.id for u in graph.units}
    for i in graph.indicators:
        spans.append(_span(place(text, i.evidence), "target", unit_id=i.owner_id if i.owner_id in units else None,
                           indicator_id=i.id, basis="corrected" if i.correction else None, label=i.name,
                           correction=i.correction))
    spans.sort(key=lambda s: (s["start"], -s["end"], s["kind"], s["label"] or ""))
    warnings = []
    for w in reading.warnings:
        start, end = place(text, w.evidence) if w.evidence else (None, None)
        warnings.append({"kind": w.kind, "message": w.message, "start": start, "end": end})
    return {"plan_id": graph.plan.id, "title": graph.plan.title, "text": text, "spans": spans, "warnings": warnings}
