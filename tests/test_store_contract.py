"""The store contract, run on every store available (embedded always, Neo4j with NEO4J_URI)."""

import pytest

from graph import service
from graph.errors import StoreError


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
    if store.name == "embedded":
        original, calls = type(store)._copy, []

        def copy(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 3:
                raise StoreError("injected failure after two bulk writes")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(type(store), "_copy", copy)
    else:
        def create(tx, rows):
            tx.run("CREATE (:Action {id: 'half-written', plan_id: $p})", p=rows.plan["id"]).consume()
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


def test_a_write_the_engine_rejects_rolls_back_whole(store, graphs):
    if store.name != "embedded":
        pytest.skip("Neo4j MERGEs a repeated id instead of rejecting it")
    store.replace_plan(graphs["002"])
    before = service.counts(store)
    broken = graphs["003"].model_copy(deep=True)
    broken.units.append(broken.units[0].model_copy())  # the same unit twice: a duplicate key
    with pytest.raises(StoreError):
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
