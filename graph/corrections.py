"""People's corrections applied to a plan as read: pure, so every load and every change of a
correction re-applies them the same way.

A correction is keyed by its plan, the unit's path in the outline and the quote it concerns,
never by ids alone, which change when the document is edited. Applied to a plan read again,
a correction whose unit or quote is gone is returned `stale` with the reason, and changes
nothing. Corrections always apply to the plan as read (`graph.as_read`), in the order they
were made, so applying them twice gives what applying them once gave.

What each kind keeps in `body` (the service in queries/corrections.py builds it):
- remove-assignment, change-role: department_id, department (its name), surface, role
  (and new_role); the quote is the note the assignment was read from.
- add-assignment: department (the whole record: id, name, jurisdiction, aliases, kind, so
  re-applying needs no resolver), surface, role; the quote is the unit's heading.
- same-body: department (record of the body kept), other_id, other (its name): plan-wide.
- split-name: department_id, department, departments (one record per name): plan-wide.
- fix-target: indicator (its name) and any of target_value, unit, target_year; the quote
  is the target's sentence, the unit path its owner's (none for the plan's own targets).
"""

from collections.abc import Callable

from graph.model import (
    Assignment,
    Correction,
    CorrectionMark,
    Department,
    Indicator,
    Plan,
    PlanGraph,
    Unit,
    merge_aliases,
)

KINDS = ("remove-assignment", "add-assignment", "change-role", "same-body", "split-name", "fix-target")
PLAN_WIDE = ("same-body", "split-name")
TARGET_FIELDS = ("target_value", "unit", "target_year")

# A name as written → its department in a plan's jurisdiction (the loaders' resolver, passed in
# by the api layer, which alone may import loaders).
Resolve = Callable[[str, Plan], Department]


class Stale(Exception):
    """The unit, quote or fact a correction concerns is no longer in the plan as read."""


def apply_corrections(graph: PlanGraph, corrections: list[Correction]) -> tuple[PlanGraph, list[Correction]]:
    """`graph` as corrected, with `as_read` the graph as read, and each correction with its
    stale state. Without corrections the graph as read is returned as it is."""
    base = graph.as_read or graph
    if not corrections:
        return base, []
    out = base.model_copy(deep=True)
    out.as_read = base
    checked = []
    for c in sorted(corrections, key=lambda c: (c.at, c.id)):
        try:
            if c.kind not in APPLY:
                raise Stale(f"{c.kind!r} is no kind of correction ({', '.join(KINDS)})")
            APPLY[c.kind](out, c, CorrectionMark(id=c.id, by=c.by, at=c.at))
            checked.append(c.model_copy(update={"stale": False, "stale_reason": None}))
        except Stale as e:
            checked.append(c.model_copy(update={"stale": True, "stale_reason": str(e)}))
    _drop_unused_departments(out, base)
    return out, checked


def _drop_unused_departments(out: PlanGraph, base: PlanGraph) -> None:
    """A department a correction took every assignment from is no longer this plan's."""
    used = {a.department_id for a in out.assignments}
    read = {a.department_id for a in base.assignments}
    out.departments = [d for d in out.departments if d.id in used or d.id not in read]


def find_unit(graph: PlanGraph, path: str | None) -> Unit:
    unit = next((u for u in graph.units if u.path == path), None)
    if unit is None:
        raise Stale(f"unit {path} is no longer in the document")
    return unit


def unit_quotes(graph: PlanGraph, unit: Unit) -> list[str]:
    """Every quote read from a unit: its heading, its text, its notes and its targets."""
    return [unit.evidence.quote, unit.text, *(a.evidence.quote for a in graph.assignments if a.unit_id == unit.id),
            *(i.evidence.quote for i in graph.indicators if i.owner_id == unit.id)]


def _check_quote(graph: PlanGraph, unit: Unit, quote: str | None) -> None:
    if quote and not any(quote in q for q in unit_quotes(graph, unit)):
        raise Stale(f"the quote “{quote}” is no longer in unit {unit.path}")


def _held(graph: PlanGraph, c: Correction) -> tuple[Unit, list[Assignment]]:
    """The assignments a remove or change-role concerns: the department's role in the unit,
    read from the same note as when the correction was made."""
    unit = find_unit(graph, c.unit_path)
    _check_quote(graph, unit, c.quote)
    b = c.body
    held = [a for a in graph.assignments if a.unit_id == unit.id and a.role == b["role"]
            and (a.department_id == b.get("department_id") or a.surface == b.get("surface"))]
    if not held:
        raise Stale(f"{b.get('department') or b.get('surface')} no longer {b['role']} unit {unit.path}")
    same_note = [a for a in held if not c.quote or a.evidence.quote == c.quote]
    if not same_note:
        raise Stale(f"{b.get('department') or b.get('surface')} in unit {unit.path} is no longer read from "
                    f"“{c.quote}”")
    return unit, same_note


def _has(graph: PlanGraph, department_id: str, unit_id: str, role: str) -> bool:
    return any(a.department_id == department_id and a.unit_id == unit_id and a.role == role
               for a in graph.assignments)


def _next_rank(graph: PlanGraph, unit_id: str, role: str) -> int:
    return max((a.rank + 1 for a in graph.assignments if a.unit_id == unit_id and a.role == role), default=0)


def _add_department(graph: PlanGraph, department: Department, *surfaces: str) -> None:
    known = next((d for d in graph.departments if d.id == department.id), None)
    if known is None:
        graph.departments.append(department.model_copy(update={"aliases": merge_aliases(department.aliases,
                                                                                       list(surfaces))}))
    else:
        known.aliases = merge_aliases(known.aliases, department.aliases, list(surfaces))


def _remove(graph: PlanGraph, c: Correction, mark: CorrectionMark) -> None:
    _, held = _held(graph, c)
    gone = {id(a) for a in held}
    graph.assignments = [a for a in graph.assignments if id(a) not in gone]


def _add(graph: PlanGraph, c: Correction, mark: CorrectionMark) -> None:
    unit = find_unit(graph, c.unit_path)
    _check_quote(graph, unit, c.quote)
    department = Department.model_validate(c.body["department"])
    role = c.body["role"]
    surface = c.body.get("surface") or department.name
    _add_department(graph, department, surface)
    if _has(graph, department.id, unit.id, role):
        return  # the document now says so itself
    graph.assignments.append(Assignment(
        department_id=department.id, unit_id=unit.id, role=role, basis="corrected", surface=surface,
        rank=_next_rank(graph, unit.id, role), deadline=unit.deadline, evidence=unit.evidence, correction=mark))


def _change_role(graph: PlanGraph, c: Correction, mark: CorrectionMark) -> None:
    unit, held = _held(graph, c)
    new_role = c.body.get("new_role") or ("supports" if c.body["role"] == "leads" else "leads")
    for a in held:
        if _has(graph, a.department_id, unit.id, new_role):
            graph.assignments.remove(a)
            continue
        a.rank = _next_rank(graph, unit.id, new_role)
        a.role = new_role
        a.basis = "corrected"
        a.correction = mark


def _named(graph: PlanGraph, department_id: str, name: str | None) -> list[Assignment]:
    found = [a for a in graph.assignments if a.department_id == department_id]
    if not found:
        raise Stale(f"{name or department_id} is no longer named in the plan")
    return found


def _same_body(graph: PlanGraph, c: Correction, mark: CorrectionMark) -> None:
    """Two names of one body: the second's assignments move to the first, its names become aliases."""
    kept = Department.model_validate(c.body["department"])
    moved = _named(graph, c.body["other_id"], c.body.get("other"))
    other = next((d for d in graph.departments if d.id == c.body["other_id"]), None)
    _add_department(graph, kept, *(a.surface for a in moved), *([other.name] if other else []))
    for a in moved:
        if _has(graph, kept.id, a.unit_id, a.role):
            graph.assignments.remove(a)
            continue
        a.department_id = kept.id
        a.basis = "corrected"
        a.correction = mark


def _split_name(graph: PlanGraph, c: Correction, mark: CorrectionMark) -> None:
    """One name read as one body is several: each of its assignments becomes one per body."""
    parts = [Department.model_validate(d) for d in c.body["departments"]]
    names = c.body.get("names") or [d.name for d in parts]
    held = _named(graph, c.body["department_id"], c.body.get("department"))
    for department, name in zip(parts, names, strict=True):
        _add_department(graph, department, name)
    for a in held:
        at = graph.assignments.index(a)
        graph.assignments.remove(a)
        split = [a.model_copy(update={"department_id": d.id, "surface": name, "rank": a.rank + k,
                                      "basis": "corrected", "correction": mark})
                 for k, (d, name) in enumerate(zip(parts, names, strict=True))
                 if not _has(graph, d.id, a.unit_id, a.role)]
        graph.assignments[at:at] = split


def find_indicator(graph: PlanGraph, c: Correction) -> Indicator:
    owner = find_unit(graph, c.unit_path).id if c.unit_path else graph.plan.id
    where = f"unit {c.unit_path}" if c.unit_path else "the plan"
    same_quote = [i for i in graph.indicators if i.owner_id == owner and i.evidence.quote == c.quote]
    if not same_quote:
        raise Stale(f"the quote “{c.quote}” is no longer a target of {where}")
    named = [i for i in same_quote if i.name == c.body.get("indicator")]
    if named:
        return named[0]
    if len(same_quote) == 1:
        return same_quote[0]
    raise Stale(f"the target “{c.body.get('indicator')}” is no longer read from “{c.quote}”")


def _fix_target(graph: PlanGraph, c: Correction, mark: CorrectionMark) -> None:
    indicator = find_indicator(graph, c)
    for field in TARGET_FIELDS:
        if field in c.body:
            setattr(indicator, field, c.body[field])
    indicator.correction = mark


APPLY: dict[str, Callable[[PlanGraph, Correction, CorrectionMark], None]] = {
    "remove-assignment": _remove,
    "add-assignment": _add,
    "change-role": _change_role,
    "same-body": _same_body,
    "split-name": _split_name,
    "fix-target": _fix_target,
}
