"""A plan's page, read along its OWNS edges, holds exactly what the plan as read holds, on every store."""

from queries import service


def test_every_plan_page_has_the_plans_units_edges_and_targets_in_document_order(loaded_store, graphs):
    for g in graphs.values():
        page = service.get_plan(loaded_store, g.plan.id)
        assert [u["id"] for u in page["units"]] == [u.id for u in sorted(g.units, key=lambda u: u.order)]
        shown = sorted((u["id"], role, d["id"]) for u in page["units"] for role in ("leads", "supports")
                       for d in u[role])
        assert shown == sorted((a.unit_id, a.role, a.department_id) for a in g.assignments)
        targets = [i["id"] for i in page["indicators"]] + [i["id"] for u in page["units"] for i in u["indicators"]]
        assert sorted(targets) == sorted(i.id for i in g.indicators)
        assert all(i["plan"] == g.plan.id for i in page["indicators"])


def test_a_replaced_plan_owns_only_its_new_units(store, graphs):
    g = graphs["004"]
    store.replace_plan(g)
    fewer = g.model_copy(deep=True)
    dropped = fewer.units.pop()
    fewer.assignments = [a for a in fewer.assignments if a.unit_id != dropped.id]
    fewer.indicators = [i for i in fewer.indicators if i.owner_id != dropped.id]
    fewer.units = [u for u in fewer.units if dropped.id not in u.related_ids]
    store.replace_plan(fewer)
    units = service.get_plan(store, g.plan.id)["units"]
    assert [u["id"] for u in units] == [u.id for u in fewer.units] and dropped.id not in {u["id"] for u in units}
