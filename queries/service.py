"""The questions the API answers, each built from named queries on any store.

Kept apart from the HTTP layer so the CLI, the API and the tests ask the same
way, and apart from the stores so both give the same answers.
"""

import json
from operator import itemgetter
from typing import Any, NoReturn

from graph.errors import BadRequest, NotFound
from graph.page_item import correction_of
from graph.store import GraphStore

DEPARTMENT_FIELDS = ("id", "name", "jurisdiction", "aliases", "kind")
COUNT_KINDS = ("plan", "action", "project", "department", "indicator", "leads", "supports", "targets")


def counts(store: GraphStore) -> dict[str, int]:
    found = {r["kind"]: r["n"] for r in store.run("counts")}
    return {kind: int(found.get(kind, 0)) for kind in COUNT_KINDS}


def list_plans(store: GraphStore, limit: int, offset: int) -> tuple[list[dict], int]:
    items = store.run("plans", {"offset": offset, "limit": limit})
    total = store.run("plans_total")[0]["total"]
    return items, int(total)


def get_plan(store: GraphStore, plan_id: str) -> dict[str, Any]:
    found = store.run("plan", {"id": plan_id})
    if not found:
        raise NotFound(f"no plan with id {plan_id!r}")
    plan = found[0]
    units = store.run("plan_units", {"plan": plan_id})
    by_id = {u["id"]: {**u, "leads": [], "supports": [], "indicators": [], "related_ids": []} for u in units}
    for link in store.run("plan_links", {"plan": plan_id}):
        by_id[link["from_id"]]["related_ids"].append(link["to_id"])
        by_id[link["to_id"]]["related_ids"].append(link["from_id"])
    for row in store.run("plan_assignments", {"plan": plan_id}):
        unit = by_id.get(row["unit_id"])
        if unit is not None:
            unit[row["role"]].append({**{k: row[k] for k in DEPARTMENT_FIELDS}, "basis": row["basis"],
                                      "quote": row["quote"], "locator": row["locator"],
                                      "correction": correction_of(row)})
    plan_indicators = []
    for row in store.run("plan_indicators", {"plan": plan_id}):
        row = indicator_row({**row, "plan": plan_id})
        (by_id[row["unit_id"]]["indicators"] if row["unit_id"] in by_id else plan_indicators).append(row)
    plan["units"] = list(by_id.values())
    plan["indicators"] = plan_indicators
    plan["implements"] = store.run("plan_implements", {"plan": plan_id})
    return plan


MARK_COLUMNS = ("correction_id", "corrected_by", "corrected_at")


def indicator_row(r: dict) -> dict:
    """Contract shape: `plan` is the plan's id; `unit_id` is null for the plan's own targets; a target
    a person fixed has basis `corrected` and says who and when."""
    unit_id = r["unit_id"] if r["unit_id"] != r["plan"] else None
    correction = correction_of(r)
    fields = {k: v for k, v in r.items() if k not in MARK_COLUMNS}
    return {**fields, "unit": r["unit"] or "", "unit_id": unit_id, "basis": "corrected" if correction else "stated",
            "correction": correction}


def list_indicators(store: GraphStore, plan: str, year: int | None, q: str, limit: int,
                    offset: int) -> tuple[list[dict], int]:
    """One plan's targets are read along its OWNS edges; every plan's by a scan of the targets."""
    params = {"year": year or 0, "q": q or ""}
    query, count = "indicators", "indicators_total"
    if plan:
        params, query, count = {**params, "plan": plan}, "plan_indicators_page", "plan_indicators_page_total"
    items = [indicator_row(r) for r in store.run(query, {**params, "offset": offset, "limit": limit})]
    total = store.run(count, params)[0]["total"]
    return items, int(total)


def list_departments(store: GraphStore, q: str, jurisdiction: str, limit: int, offset: int) -> tuple[list[dict], int]:
    params = {"q": q or "", "jurisdiction": jurisdiction or ""}
    items = store.run("departments", {**params, "offset": offset, "limit": limit})
    total = store.run("departments_total", params)[0]["total"]
    return items, int(total)


def find_departments(store: GraphStore, name: str, jurisdiction: str = "") -> list[dict]:
    """Every department `name` may mean (id, canonical name or alias), across jurisdictions."""
    found = store.run("department_lookup", {"name": name.strip(), "jurisdiction": jurisdiction or ""})
    if not found:
        not_found(name, jurisdiction)
    return found


def not_found(name: str, jurisdiction: str) -> NoReturn:
    where = f" in {jurisdiction}" if jurisdiction else ""
    raise NotFound(f"no department named {name!r}{where}", name=name)


def department_partners(store: GraphStore, name: str, jurisdiction: str, limit: int,
                        departments: list[dict] | None = None) -> dict[str, Any]:
    """Departments that share units with this one, most shared first (`departments`: already found by name)."""
    departments = departments or find_departments(store, name, jurisdiction)
    rows = store.run("department_partners", {"ids": [d["id"] for d in departments], "limit": limit})
    return {"departments": departments, "items": rows, "total": len(rows)}


# One named query per role for the page, each expanding one relationship type (LEADS or SUPPORTS), and one
# that counts: the server takes the totals from its dictionary (queries/lookups.py) instead.
UNITS_BY_ROLE = {"leads": ("department_leads", "department_leads_total"),
                 "supports": ("department_supports", "department_supports_total")}
UNITS_BETWEEN = {"leads": "department_leads_between", "supports": "department_supports_between"}


def department_units(store: GraphStore, name: str, role: str, jurisdiction: str, limit: int, offset: int,
                     departments: list[dict] | None = None, total: int | None = None) -> dict[str, Any]:
    """What a department leads or supports (`role`), by name; `departments`: already found by that name,
    `total`: how many units they have in that role, when known."""
    departments = departments or find_departments(store, name, jurisdiction)
    ids = [d["id"] for d in departments]
    return {"departments": departments, **units_of(store, ids, role, limit, offset, total)}


def units_of(store: GraphStore, ids: list[str], role: str, limit: int, offset: int,
             total: int | None = None) -> dict[str, Any]:
    """A page of what the departments `ids` lead or support (`role`), and how many in all (`total`, when
    already known: counted here otherwise). A page past the end is known empty without a query."""
    if role not in UNITS_BY_ROLE:
        raise BadRequest(f"role must be 'leads' or 'supports', not {role!r}")
    page, count = UNITS_BY_ROLE[role]
    if total is None:
        total = store.run(count, {"ids": ids})[0]["total"]
    rows = store.run(page, {"ids": ids, "offset": offset, "limit": limit}) if offset < total else []
    return {"items": [json.loads(r["item"]) for r in rows], "total": int(total)}


def items_between(store: GraphStore, ids: list[str], role: str, first: str, last: str) -> list[str]:
    """What the departments `ids` lead or support whose sort keys run from `first` to `last` (a page whose
    bounds the server's dictionary knows), in page order, each as the JSON the API sends (graph/page_item.py)."""
    if role not in UNITS_BETWEEN:
        raise BadRequest(f"role must be 'leads' or 'supports', not {role!r}")
    rows = store.run(UNITS_BETWEEN[role], {"ids": ids, "first": first, "last": last})
    rows.sort(key=itemgetter("order_key"))  # the query leaves the order to us: at most a page of rows
    return [r["item"] for r in rows]

