"""A `PlanGraph` flattened to property rows, the one shape both stores write.

Nodes are rows keyed by label; edges are rows keyed by (type, from label, to
label) with `from`/`to` ids, so that a store can write each group in one batch.
"""

import base64
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from graph.errors import DocumentError, StoreError
from graph.model import CorrectionMark, Evidence, Plan, PlanGraph, merge_aliases
from graph.page_item import as_json, unit_item


def evidence(e: Evidence | None) -> dict:
    if e is None:
        return {"source": None, "span_start": None, "span_end": None, "quote": None, "locator": None}
    return {"source": e.source, "span_start": e.start, "span_end": e.end, "quote": e.quote, "locator": e.locator}


def correction_mark(mark: CorrectionMark | None) -> dict:
    if mark is None:
        return {"correction_id": None, "corrected_by": None, "corrected_at": None}
    return {"correction_id": mark.id, "corrected_by": mark.by, "corrected_at": mark.at}


def encode_reading(graph: PlanGraph) -> str:
    """A plan as read, before corrections, as compact text a store keeps (zlib, base64): corrections
    are re-applied to it when one is added or removed, without the document's file."""
    data = graph.model_dump_json(exclude={"as_read"}, exclude_defaults=True).encode("utf-8")
    return base64.b64encode(zlib.compress(data, 1)).decode("ascii")


def decode_reading(text: str) -> PlanGraph:
    return PlanGraph.model_validate_json(zlib.decompress(base64.b64decode(text)))


ORDER_WIDTH = 9  # digits of a unit's order within its plan in order_key


def order_key(plan: Plan, order: int, department_id: str) -> str:
    """One text that sorts as (plan issued, plan id, unit order, department id) do: the parts are joined by a
    space, which sorts before every character they hold (so '2016' stays before '2016-04-26'), the order
    is zero-padded, and a plan with no date sorts after every dated one ('~'), where Neo4j and LadybugDB
    both place nulls in ascending order."""
    if not 0 <= order < 10**ORDER_WIDTH:
        raise DocumentError(f"{plan.source or plan.id}: a unit's order {order} is out of range; nothing was written")
    return f"{plan.issued or '~'} {plan.id} {order:0{ORDER_WIDTH}d} {department_id}"


def unit_of_order_key(key: str) -> str:
    """The part of an order key that names its unit (plan issued, plan id, unit order): the keys of the
    departments that lead or support one unit share it."""
    return key.rsplit(" ", 1)[0]


def plan_row(plan: Plan) -> dict:
    return {
        "id": plan.id, "type": "plan", "title": plan.title, "title_derived": plan.title_derived,
        "issuer": plan.issuer, "jurisdiction": plan.jurisdiction, "issued": plan.issued,
        "doc_number": plan.doc_number, "national": plan.national, "tokens": " ".join(plan.tokens),
        **evidence(plan.evidence),
        "source": plan.source if not plan.national else None,
    }


@dataclass
class PlanRows:
    plans: list[dict]
    national: list[dict]
    departments: list[dict]
    nodes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[tuple[str, str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))


def to_rows(graph: PlanGraph) -> PlanRows:
    """Flatten and check: a graph whose edges point nowhere, or whose ids repeat, is refused here,
    before any store begins to write it. That is a fault of the document's reading, not of the
    store, so it is a `DocumentError` (422 over HTTP, the file named by the CLI), never a 503."""
    pid = graph.plan.id
    unit_ids = [u.id for u in graph.units]
    if len(set(unit_ids)) != len(unit_ids) or len({i.id for i in graph.indicators}) != len(graph.indicators):
        raise DocumentError(f"{graph.plan.source or pid}: the same unit or target id twice; nothing was written")
    known = set(unit_ids)
    dangling = [a.unit_id for a in graph.assignments if a.unit_id not in known]
    dangling += [i for u in graph.units for i in ([u.parent_id] if u.parent_id else []) + u.related_ids
                 if i not in known]
    dangling += [i.owner_id for i in graph.indicators if i.owner_id not in known and i.owner_id != pid]
    if dangling:
        raise DocumentError(f"{graph.plan.source or pid}: edges to units that are not in the plan; nothing was written")
    rows = PlanRows(
        plans=[plan_row(graph.plan)],
        national=[plan_row(i.plan) for i in graph.implements],
        departments=[
            {"id": d.id, "type": "department", "name": d.name, "jurisdiction": d.jurisdiction,
             "aliases": d.aliases, "kind": d.kind}
            for d in graph.departments
        ],
    )
    label = {}
    plan_of = {"plan_title": graph.plan.title, "plan_issued": graph.plan.issued}
    for u in graph.units:
        label[u.id] = u.type.capitalize()
        rows.nodes[label[u.id]].append({
            "id": u.id, "type": u.type, "title": u.title, "path": u.path, "parent_id": u.parent_id,
            "plan_id": pid, **plan_of, "ord": u.order, "text": u.text, "deadline": u.deadline, "annex": u.annex,
            "tokens": " ".join(u.tokens), **evidence(u.evidence),
        })
        rows.edges[("OWNS", "Plan", label[u.id])].append({"from": pid, "to": u.id, "plan_id": pid})
        parent = (label[u.parent_id], u.parent_id) if u.parent_id else ("Plan", pid)
        rows.edges[("CONTAINS", parent[0], label[u.id])].append({"from": parent[1], "to": u.id, "plan_id": pid})
    for u in graph.units:
        for other in u.related_ids:
            rows.edges[("REFERS_TO", label[u.id], label[other])].append({"from": u.id, "to": other, "plan_id": pid})
    for i in graph.indicators:
        rows.nodes["Indicator"].append({
            "id": i.id, "type": "indicator", "name": i.name, "target_value": i.target_value,
            "comparator": i.comparator, "unit": i.unit, "target_year": i.target_year,
            "baseline_value": i.baseline_value, "baseline_year": i.baseline_year, "plan_id": pid, **plan_of,
            "owner_id": i.owner_id, "tokens": " ".join(i.tokens), **evidence(i.evidence),
            **correction_mark(i.correction),
        })
        rows.edges[("OWNS", "Plan", "Indicator")].append({"from": pid, "to": i.id, "plan_id": pid})
        owner = label.get(i.owner_id, "Plan")
        rows.edges[("TARGETS", owner, "Indicator")].append(
            {"from": i.owner_id, "to": i.id, "plan_id": pid, **evidence(i.evidence)})
    units = {u.id: u for u in graph.units}
    for a in graph.assignments:
        unit = units[a.unit_id]
        edge = {
            "from": a.department_id, "to": a.unit_id, "role": a.role, "basis": a.basis, "surface": a.surface,
            "rank": a.rank, "deadline": a.deadline, "plan_id": pid,
            "order_key": order_key(graph.plan, unit.order, a.department_id),
            **evidence(a.evidence), **correction_mark(a.correction),
        }
        edge["page_item"] = as_json(unit_item({**edge, "id": unit.id, "type": unit.type, "title": unit.title,
                                               "plan_title": graph.plan.title, "department_id": a.department_id}))
        rows.edges[(a.role.upper(), "Department", label[a.unit_id])].append(edge)
    for imp in graph.implements:
        rows.edges[("IMPLEMENTS", "Plan", "Plan")].append(
            {"from": pid, "to": imp.plan.id, "plan_id": pid, **evidence(imp.evidence)})
    rows.nodes["Source"].append({"id": pid, "type": "source", "plan_id": pid, "text": graph.text,
                                 "reading": encode_reading(graph.as_read or graph)})
    return rows


def merge_rows(batch: list[PlanRows]) -> PlanRows:
    """Several plans' rows as one batch: shared departments and cited documents once each,
    with every alias any plan contributed."""
    merged = PlanRows(plans=[], national=[], departments=[])
    nationals: dict[str, dict] = {}
    departments: dict[str, dict] = {}
    seen_plans = set()
    for rows in batch:
        if rows.plans[0]["id"] in seen_plans:
            raise StoreError(f"plan {rows.plans[0]['id']} twice in one batch")
        seen_plans.add(rows.plans[0]["id"])
        merged.plans += rows.plans
        for n in rows.national:
            nationals.setdefault(n["id"], n)
        for d in rows.departments:
            if d["id"] in departments:
                known = departments[d["id"]]
                known["aliases"] = merge_aliases(known["aliases"], d["aliases"])
            else:
                departments[d["id"]] = {**d, "aliases": merge_aliases(d["aliases"])}
        for label, node_rows in rows.nodes.items():
            merged.nodes[label] += node_rows
        for key, edge_rows in rows.edges.items():
            merged.edges[key] += edge_rows
    merged.national = list(nationals.values())
    merged.departments = list(departments.values())
    return merged
