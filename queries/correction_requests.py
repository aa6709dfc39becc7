"""A correction asked for (the POST /corrections body, or a line of an imported file) turned
into a `Correction` keyed by unit path and quote, checked against the plan as it stands.

Names as written are resolved by the `resolve` the api layer passes in (the loaders' own
resolver, in the plan's jurisdiction); without one, a name must be a department of the plan or
of the store. What a correction needs to be applied again is kept in its body, so re-applying
it never needs a resolver (graph/corrections.py).
"""

import json
from typing import Any

from graph import ids
from graph.corrections import KINDS, PLAN_WIDE, TARGET_FIELDS, Resolve
from graph.errors import NotFound, PolicyKGError
from graph.model import Assignment, Correction, Department, PlanGraph, Unit
from graph.store import GraphStore

ROLES = ("leads", "supports")
UNIT_KINDS = ("remove-assignment", "add-assignment", "change-role")


class InvalidCorrection(PolicyKGError):
    """A correction that says too little, or contradicts itself (422)."""

    status = 422
    code = "invalid_correction"


def correction_id(c: Correction) -> str:
    return ids.content_id("corr", c.plan_id, c.kind, c.unit_path, c.quote, body_text(c.body), c.by, c.at)


def body_text(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def _given(request: dict, key: str) -> Any:
    value = request.get(key)
    return value.strip() if isinstance(value, str) else value


def _require(request: dict, key: str, why: str) -> Any:
    value = _given(request, key)
    if value in (None, "", []):
        raise InvalidCorrection(f"a {request.get('kind')} correction needs `{key}` ({why})", field=key)
    return value


def _unit(graph: PlanGraph, unit_id: str) -> Unit:
    unit = next((u for u in graph.units if u.id == unit_id), None)
    if unit is None:
        raise NotFound(f"no unit {unit_id!r} in plan {graph.plan.id}", unit_id=unit_id)
    return unit


def _record(d: Department) -> dict:
    return d.model_dump()


def _in_plan(graph: PlanGraph, name: str) -> Department | None:
    """A department of the plan named by id, canonical name, alias, or as written in a note."""
    for d in graph.departments:
        if name in (d.id, d.name) or name in d.aliases:
            return d
    written = next((a.department_id for a in graph.assignments if a.surface == name), None)
    return next((d for d in graph.departments if d.id == written), None)


def department(store: GraphStore, graph: PlanGraph, name: str, resolve: Resolve | None) -> Department:
    """A department picked from the graph (by id or name) or a name as written, resolved in the
    plan's jurisdiction."""
    found = _in_plan(graph, name)
    if found is not None:
        return found
    if name.startswith("dept-") or resolve is None:
        rows = store.run("department_lookup", {"name": name, "jurisdiction": ""})
        rows = [r for r in rows if r["id"] == name] or [r for r in rows if r["jurisdiction"] == graph.plan.jurisdiction]
        if rows:
            return Department.model_validate({**rows[0], "aliases": rows[0]["aliases"] or []})
        raise NotFound(f"no department {name!r} in plan {graph.plan.id} or its jurisdiction "
                       f"({graph.plan.jurisdiction or 'unknown'})", department=name)
    return resolve(name, graph.plan)


def _held(graph: PlanGraph, unit: Unit, name: str, role: str | None) -> list[Assignment]:
    d = _in_plan(graph, name)
    held = [a for a in graph.assignments if a.unit_id == unit.id and (role is None or a.role == role)
            and (a.surface == name or (d is not None and a.department_id == d.id))]
    if not held:
        does = role or "leads or supports"
        raise NotFound(f"{name} {'neither leads nor supports' if role is None else 'does not ' + does[:-1]} "
                       f"unit {unit.path}", department=name, unit_id=unit.id)
    if len({a.role for a in held}) > 1:
        raise InvalidCorrection(f"{name} both leads and supports unit {unit.path}: say which (`role`)", field="role")
    return held


def build(store: GraphStore, graph: PlanGraph, request: dict, at: str, resolve: Resolve | None = None) -> Correction:
    """The correction `request` asks of `graph` (the plan with the corrections made before it)."""
    kind = _given(request, "kind")
    if kind not in KINDS:
        raise InvalidCorrection(f"`kind` must be one of {', '.join(KINDS)}, not {kind!r}", field="kind")
    by = _require(request, "by", "the name of the person making it")
    role = _given(request, "role")
    if role is not None and role not in ROLES:
        raise InvalidCorrection(f"`role` must be leads or supports, not {role!r}", field="role")
    unit = _unit(graph, _require(request, "unit_id", "the unit it concerns")) if kind in UNIT_KINDS else None
    if kind in PLAN_WIDE and _given(request, "unit_id"):
        unit = _unit(graph, request["unit_id"])
    body, quote = BUILD[kind](store, graph, request, unit, resolve)
    unit_path = body.pop("_unit_path", unit.path if unit else None)
    c = Correction(id="", plan_id=graph.plan.id, kind=kind, unit_path=unit_path, quote=quote, body=body, by=by,
                   at=at, why=_given(request, "why") or "")
    return c.model_copy(update={"id": correction_id(c)})


def _remove(store, graph, request, unit, resolve):
    name = _require(request, "department", "the department to remove")
    held = _held(graph, unit, name, _given(request, "role"))
    a = held[0]
    d = next(d for d in graph.departments if d.id == a.department_id)
    return {"department_id": d.id, "department": d.name, "surface": a.surface, "role": a.role}, a.evidence.quote


def _change_role(store, graph, request, unit, resolve):
    body, quote = _remove(store, graph, request, unit, resolve)
    new_role = _given(request, "new_role") or ("supports" if body["role"] == "leads" else "leads")
    if new_role not in ROLES or new_role == body["role"]:
        raise InvalidCorrection(f"`new_role` must be the other role than {body['role']}, not {new_role!r}",
                                field="new_role")
    return {**body, "new_role": new_role}, quote


def _add(store, graph, request, unit, resolve):
    name = _require(request, "department", "a department id or a name as written")
    role = _require(request, "role", "leads or supports")
    d = department(store, graph, name, resolve)
    surface = name if not name.startswith("dept-") else d.name
    return {"department": _record(d), "surface": surface, "role": role}, unit.evidence.quote


def _named_in_plan(graph: PlanGraph, name: str) -> Department:
    d = _in_plan(graph, name)
    if d is None or not any(a.department_id == d.id for a in graph.assignments):
        raise NotFound(f"{name!r} names no department of plan {graph.plan.id}", department=name)
    return d


def _same_body(store, graph, request, unit, resolve):
    kept = department(store, graph, _require(request, "department", "the body both names mean"), resolve)
    other = _named_in_plan(graph, _require(request, "other", "the second name of the same body"))
    if other.id == kept.id:
        raise InvalidCorrection(f"{other.name} is already one body with itself", field="other")
    return {"department": _record(kept), "other_id": other.id, "other": other.name}, _quote_of(graph, unit, other)


def _split_name(store, graph, request, unit, resolve):
    name = _require(request, "department", "the name read as one body")
    whole = _named_in_plan(graph, name)
    names = _require(request, "names", "the names of the bodies it stands for")
    if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) and n.strip() for n in names):
        raise InvalidCorrection("`names` must list two names or more", field="names")
    names = [n.strip() for n in names]
    parts = [department(store, graph, n, resolve) for n in names]
    return ({"department_id": whole.id, "department": whole.name, "names": names,
             "departments": [_record(d) for d in parts]}, _quote_of(graph, unit, whole))


def _quote_of(graph: PlanGraph, unit: Unit | None, d: Department) -> str | None:
    """For a plan-wide correction made from one unit: the note there that names the department."""
    if unit is None:
        return None
    return next((a.evidence.quote for a in graph.assignments if a.unit_id == unit.id and a.department_id == d.id),
                None)


def _fix_target(store, graph, request, unit, resolve):
    indicator_id = _require(request, "indicator_id", "the target to fix")
    indicator = next((i for i in graph.indicators if i.id == indicator_id), None)
    if indicator is None:
        raise NotFound(f"no target {indicator_id!r} in plan {graph.plan.id}", indicator_id=indicator_id)
    fixed = {f: _given(request, f) for f in TARGET_FIELDS if _given(request, f) is not None}
    if not fixed:
        raise InvalidCorrection("a fix-target correction needs target_value, unit or target_year", field="target_value")
    owner = next((u for u in graph.units if u.id == indicator.owner_id), None)
    return ({"indicator": indicator.name, **fixed, "_unit_path": owner.path if owner else None},
            indicator.evidence.quote)


BUILD = {
    "remove-assignment": _remove,
    "add-assignment": _add,
    "change-role": _change_role,
    "same-body": _same_body,
    "split-name": _split_name,
    "fix-target": _fix_target,
}
