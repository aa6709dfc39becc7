"""People's corrections, stored apart from the plans they correct so that they outlive reloads.

A plan's stored facts are always its reading (kept in its Source node) with every correction
of it applied; whenever a correction is added or deleted the plan is rewritten that way, and
each correction's stale state (its unit or quote no longer read) is stored beside it. The
load path (api/loading.py) does the same for every document it writes.
"""

import json
import threading
from datetime import UTC, datetime

from graph.corrections import Resolve, apply_corrections
from graph.errors import NotFound
from graph.model import Correction, PlanGraph
from graph.rows import decode_reading
from graph.store import GraphStore
from queries.correction_requests import InvalidCorrection, body_text, build, department

__all__ = ["InvalidCorrection", "add_correction", "apply_stored_corrections", "correct_plans", "delete_correction",
           "get_correction", "import_corrections", "list_corrections", "stored_reading", "store_states"]


# Held while a plan's corrections are read and the plan is written with them (a correction made
# or taken back, a batch loaded), so that no write leaves out a correction made meanwhile.
WRITING = threading.RLock()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _correction(row: dict) -> Correction:
    return Correction.model_validate({**row, "body": json.loads(row["body"] or "{}"), "stale": bool(row["stale"]),
                                      "why": row["why"] or ""})


def list_corrections(store: GraphStore, plan: str = "", stale: bool | None = None, limit: int = 100,
                     offset: int = 0) -> tuple[list[Correction], int]:
    params = {"plan": plan or "", "stale": "" if stale is None else str(stale).lower()}
    rows = store.run("corrections", {**params, "offset": offset, "limit": limit})
    total = store.run("corrections_total", params)[0]["total"]
    return [_correction(r) for r in rows], int(total)


def get_correction(store: GraphStore, correction_id: str) -> Correction:
    rows = store.run("correction", {"id": correction_id})
    if not rows:
        raise NotFound(f"no correction with id {correction_id!r}", correction_id=correction_id)
    return _correction(rows[0])


def corrections_of(store: GraphStore, plan_ids: list[str]) -> dict[str, list[Correction]]:
    """Each plan's corrections in the order they were made: one query for a whole batch."""
    found: dict[str, list[Correction]] = {}
    if plan_ids:
        for row in store.run("corrections_of_plans", {"plans": plan_ids}):
            found.setdefault(row["plan_id"], []).append(_correction(row))
    return found


def stored_reading(store: GraphStore, plan_id: str) -> PlanGraph:
    """The plan as read when it was last loaded, before corrections."""
    rows = store.run("plan_source", {"plan": plan_id})
    if not rows:
        raise NotFound(f"no plan with id {plan_id!r}", plan_id=plan_id)
    return decode_reading(rows[0]["reading"])


def correct_plans(store: GraphStore, graphs: list[PlanGraph]) -> tuple[list[PlanGraph], list[Correction]]:
    """Each graph with its plan's stored corrections applied, and those corrections with their
    stale state (nothing is written). Cheap when no plan has any."""
    stored = corrections_of(store, [g.plan.id for g in graphs])
    if not stored:
        return graphs, []
    out, checked = [], []
    for g in graphs:
        corrected, states = apply_corrections(g, stored.get(g.plan.id, []))
        out.append(corrected)
        checked += states
    return out, checked


def store_states(store: GraphStore, corrections: list[Correction]) -> None:
    if corrections:
        store.write("corrections_stale", {"rows": [{"id": c.id, "stale": c.stale, "stale_reason": c.stale_reason}
                                                   for c in corrections]})


def apply_stored_corrections(store: GraphStore, graphs: list[PlanGraph]) -> list[PlanGraph]:
    """The graphs to write: each with its stored corrections re-applied; their stale states stored."""
    corrected, states = correct_plans(store, graphs)
    store_states(store, states)
    return corrected


def _save(store: GraphStore, c: Correction) -> None:
    store.write("correction_save", {**c.model_dump(), "body": body_text(c.body)})


def _rewrite(store: GraphStore, reading: PlanGraph) -> list[Correction]:
    """The plan as read with every stored correction of it, written whole; the states stored."""
    corrected, states = apply_corrections(reading, corrections_of(store, [reading.plan.id]).get(reading.plan.id, []))
    store.replace_plan(corrected)
    store_states(store, states)
    return states


def add_correction(store: GraphStore, request: dict, at: str | None = None,
                   resolve: Resolve | None = None) -> Correction:
    """Check `request` against the plan as it stands, store it, and rewrite the plan with it.

    `resolve` turns a name as written into a department in the plan's jurisdiction (the api layer
    passes api.department_names.resolve_name); without it a name must be a department already known."""
    with WRITING:
        reading = stored_reading(store, str(request.get("plan_id") or ""))
        current, _ = apply_corrections(reading, corrections_of(store, [reading.plan.id]).get(reading.plan.id, []))
        c = build(store, current, request, at or now(), resolve)
        _save(store, c)
        try:
            states = _rewrite(store, reading)
        except BaseException:
            store.write("correction_delete", {"id": c.id})
            raise
    return next(s for s in states if s.id == c.id)


def delete_correction(store: GraphStore, correction_id: str) -> bool:
    """Remove a correction; its plan's facts return to the reading plus the other corrections."""
    with WRITING:
        rows = store.run("correction", {"id": correction_id})
        if not rows:
            return False
        store.write("correction_delete", {"id": correction_id})
        try:
            reading = stored_reading(store, rows[0]["plan_id"])
        except NotFound:
            return True  # the plan is not loaded: nothing to rewrite
        _rewrite(store, reading)
        return True


def _complete(store: GraphStore, graph: PlanGraph, c: Correction, resolve: Resolve | None) -> Correction:
    """A correction written by hand may name departments only: resolve them as a request would."""
    body = dict(c.body)
    if c.kind in ("add-assignment", "same-body") and isinstance(body.get("department"), str):
        if c.kind == "add-assignment":
            body.setdefault("surface", body["department"])
        body["department"] = department(store, graph, body["department"], resolve).model_dump()
    if c.kind == "same-body" and "other_id" not in body and body.get("other"):
        body["other_id"] = department(store, graph, body["other"], resolve).id
    if c.kind == "split-name" and "departments" not in body:
        body["departments"] = [department(store, graph, n, resolve).model_dump() for n in body.get("names", [])]
        if "department_id" not in body and body.get("department"):
            body["department_id"] = department(store, graph, body["department"], resolve).id
    return c.model_copy(update={"body": body})


def import_corrections(store: GraphStore, corrections: list[Correction],
                       resolve: Resolve | None = None) -> list[Correction]:
    """Store corrections as they are (ids, who and when kept) and rewrite each plan they concern;
    returns them with their stale state. A plan not loaded yet gets them when it is loaded."""
    by_plan: dict[str, list[Correction]] = {}
    for c in corrections:
        by_plan.setdefault(c.plan_id, []).append(c)
    out: dict[str, Correction] = {}
    with WRITING:
        _import(store, by_plan, resolve, out)
    return [out[c.id] for c in corrections if c.id in out]


def _import(store: GraphStore, by_plan: dict[str, list[Correction]], resolve: Resolve | None,
            out: dict[str, Correction]) -> None:
    """Every correction is checked and completed first, so a name that cannot be resolved refuses the
    whole file before anything is stored; then each plan is rewritten with its corrections."""
    readings: dict[str, PlanGraph] = {}
    completed: dict[str, list[Correction]] = {}
    for plan_id, items in by_plan.items():
        try:
            readings[plan_id] = stored_reading(store, plan_id)
        except NotFound:
            completed[plan_id] = [c.model_copy(update={"stale": True, "stale_reason": f"plan {plan_id} is not loaded"})
                                  for c in items]
            continue
        completed[plan_id] = [_complete(store, readings[plan_id], c, resolve) for c in items]
    for plan_id, items in completed.items():
        for c in items:
            _save(store, c)
            out[c.id] = c
        if plan_id in readings:
            for state in _rewrite(store, readings[plan_id]):
                out[state.id] = state
