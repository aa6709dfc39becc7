"""The store contract, run on every store available (embedded always, Neo4j with NEO4J_URI)."""

import pytest

from graph.errors import BadRequest, DocumentError, StoreError
from queries import service


def test_loading_a_plan_writes_its_units_departments_and_edges(store, graphs):
    g = graphs["000"]
    store.replace_plan(g)
    counts = service.counts(store)
    assert counts["plan"] == 1
    assert counts["action"] + counts["project"] == len(g.units)
    assert counts["department"] == len(g.departments)
    assert counts["leads"] + counts["supports"] == len(g.assignments)


def test_reloading_the_same_document_never_duplicates(store, graphs):
    store.replace_plan(graphs["003"])
    before = service.counts(store)
    store.replace_plan(graphs["003"])
    assert service.counts(store) == before


def test_departments_are_shared_across_plans_and_keep_every_alias(store, graphs):
    for prefix in ("000", "001", "002"):
        store.replace_plan(graphs[prefix])
    (anhui,) = service.find_departments(store, "省经济和信息化委", "安徽省")
    items = service.department_units(store, anhui["id"], "leads", "", 1000, 0)["items"]
    assert {i["plan"]["id"] for i in items} == {graphs[p].plan.id for p in ("000", "001", "002")}
    assert {"省经济和信息化委", "省经信委", "安徽省经济和信息化委员会"} <= set(anhui["aliases"])


def _fail_midway(store, monkeypatch):
    """Make the next write fail after part of the document has been written."""
    store = getattr(store, "inner", store)  # the cached store fails where the store it wraps does
    if store.name == "embedded":
        # after the old units were deleted and the plan and departments upserted, before the bulk
        # COPYs (a failure after a COPY is made impossible by checking rows first: see _write)
        def copy(self, *args, **kwargs):
            raise StoreError("injected failure after the deletes and upserts")

        monkeypatch.setattr(type(store), "_copy", copy)
    else:
        def create(tx, rows):
            tx.run("CREATE (:Action {id: 'half-written', plan_id: $p})", p=rows.plans[0]["id"]).consume()
            raise StoreError("injected failure after a partial write")

        monkeypatch.setattr(type(store), "_create", staticmethod(create))


def test_a_failed_write_leaves_the_previous_state(store, graphs, monkeypatch):
    store.replace_plan(graphs["004"])
    before = service.counts(store)
    changed = graphs["004"].model_copy(deep=True)
    changed.units[5].title = "改过的标题"
    _fail_midway(store, monkeypatch)
    with pytest.raises(StoreError):
        store.replace_plan(changed)
    monkeypatch.undo()
    assert service.counts(store) == before
    assert service.get_plan(store, graphs["004"].plan.id)["units"][5]["title"] == graphs["004"].units[5].title


def test_an_inconsistent_graph_is_refused_before_anything_is_written(store, graphs):
    store.replace_plan(graphs["002"])
    before = service.counts(store)
    twice = graphs["003"].model_copy(deep=True)
    twice.units.append(twice.units[0].model_copy())  # the same unit twice: a duplicate key
    dangling = graphs["003"].model_copy(deep=True)
    led = dangling.assignments[0].unit_id
    dangling.units = [u for u in dangling.units if u.id != led]  # edges now point at a unit that is not there
    for broken in (twice, dangling):  # a fault of the reading (422), not of the store (503)
        with pytest.raises(DocumentError, match="nothing was written"):
            store.replace_plan(broken)
    assert service.counts(store) == before


def test_deleting_a_plan_removes_what_only_it_owned(store, graphs):
    store.replace_plan(graphs["000"])
    store.replace_plan(graphs["003"])
    assert store.delete_plan(graphs["003"].plan.id)
    counts = service.counts(store)
    assert counts["plan"] == 1 and counts["department"] == len(graphs["000"].departments)
    assert not store.delete_plan(graphs["003"].plan.id)


def test_a_loaded_plan_is_not_overwritten_by_a_citation_of_it(store, graphs):
    g = graphs["000"]
    store.replace_plan(g)
    assert [p["title"] for p in service.list_plans(store, 10, 0)[0]] == [g.plan.title]
    assert service.get_plan(store, g.plan.id)["implements"][0]["doc_number"] == "国发〔2015〕40号"


def test_an_embedded_store_of_another_schema_is_refused_with_the_reason(tmp_path):
    from graph.embedded import SCHEMA_FILE, EmbeddedStore

    EmbeddedStore(tmp_path / "s").close()
    (tmp_path / "s" / SCHEMA_FILE).write_text("0123456789ab\n")
    with pytest.raises(StoreError, match="another version of policykg"):
        EmbeddedStore(tmp_path / "s")


def test_a_locked_embedded_store_names_the_likely_cause(tmp_path):
    import subprocess
    import sys

    from graph.embedded import EmbeddedStore

    holder = EmbeddedStore(tmp_path / "s")
    try:
        r = subprocess.run([sys.executable, "-c", "from api.cli import main; main()", "stats", "--store",
                            str(tmp_path / "s")], capture_output=True, text=True)
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert "policykg serve" in r.stderr or "lock" in r.stderr.lower(), r.stderr
    finally:
        holder.close()


def test_pages_past_the_engines_safe_depth_are_refused_not_crashed(tmp_path, graphs):
    from graph.embedded import MAX_OFFSET, EmbeddedStore

    store = EmbeddedStore(tmp_path / "s")
    store.replace_plan(graphs["003"])
    assert store.run("plans", {"offset": MAX_OFFSET, "limit": 1000}) == []
    with pytest.raises(BadRequest):
        store.run("plans", {"offset": MAX_OFFSET + 1, "limit": 10})
    store.close()


def test_deep_pages_are_read_without_the_engines_skip(tmp_path, graphs):
    from graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "s")
    for g in graphs.values():
        store.replace_plan(g)
    all_plans = store.run("plans", {"offset": 0, "limit": 10})
    assert store.run("plans", {"offset": 2, "limit": 2}) == all_plans[2:4]
    assert store.run("plans", {"offset": 9_000, "limit": 1000}) == []  # crashed the engine with SKIP
    store.close()
