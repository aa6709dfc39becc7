"""The response cache replays answers only while the store is unchanged."""

from fastapi.testclient import TestClient

from api.app import create_app
from graph.cache import CachedStore
from graph.embedded import EmbeddedStore


def test_answers_are_replayed_until_a_write_changes_them(tmp_path, graphs):
    store = CachedStore(EmbeddedStore(tmp_path / "s"))
    store.replace_plan(graphs["000"])
    with TestClient(create_app(store)) as client:
        first = client.get("/plans")
        assert [p["source"][:3] for p in first.json()] == ["000"]
        assert client.get("/plans").content == first.content
        store.replace_plan(graphs["003"])
        after = client.get("/plans")
        assert sorted(p["source"][:3] for p in after.json()) == ["000", "003"]
        assert after.headers["X-Total-Count"] == "2"


def test_the_cache_holds_read_results_and_is_emptied_by_writes(tmp_path, graphs):
    store = CachedStore(EmbeddedStore(tmp_path / "s"))
    store.replace_plan(graphs["003"])
    before = store.generation
    rows = store.run("plans_total")
    rows[0]["total"] = 99  # callers may change what they get without touching the cache
    assert store.run("plans_total") == [{"total": 1}]
    store.delete_plan(graphs["003"].plan.id)
    assert store.generation > before and store.run("plans_total") == [{"total": 0}]
    store.close()


def test_a_disabled_query_cache_reads_the_store_every_time_and_still_counts_writes(tmp_path, graphs):
    store = CachedStore(EmbeddedStore(tmp_path / "s"), enabled=False)
    store.replace_plan(graphs["003"])
    assert store.generation == 2
    calls = []
    inner_run = store.inner.run
    store.inner.run = lambda query, params=None: calls.append(query) or inner_run(query, params)
    assert store.run("plans_total") == store.run("plans_total") == [{"total": 1}]
    assert calls == ["plans_total", "plans_total"] and store._cache == {}
    store.close()
