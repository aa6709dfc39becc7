"""The read routes off the event loop on two reader threads, and the query cache as a setting."""

import asyncio
import threading

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from graph.cache import CachedStore
from graph.embedded import EmbeddedStore

PATHS = ["/plans", "/departments?q=经信委", "/departments/省经济和信息化委/leads?limit=3",
         "/departments/省经济和信息化委/supports?offset=1", "/departments/省经济和信息化委/partners",
         "/departments/不存在的委员会/supports", "/indicators?year=2020", "/departments?limit=0"]


class ThreadRecordingStore:
    """The store, noting the name of each thread that reads it."""

    def __init__(self, store) -> None:
        self._store = store
        self.threads: set[str] = set()

    def __getattr__(self, name):
        return getattr(self._store, name)

    def run(self, query, params=None):
        self.threads.add(threading.current_thread().name)
        return self._store.run(query, params)


@pytest.fixture(scope="module")
def embedded(tmp_path_factory, graphs):
    store = CachedStore(EmbeddedStore(tmp_path_factory.mktemp("read") / "s"), enabled=False)
    for g in graphs.values():
        store.replace_plan(g)
    yield store
    store.close()


async def _get_all(app, paths: list[str]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await asyncio.gather(*(client.get(p) for p in paths))


def test_many_requests_at_once_get_the_answers_asked_one_by_one(embedded, monkeypatch):
    """Concurrent requests share two reader threads, each with its own engine connection: every answer,
    status and X-Total-Count is the one the same request gets alone."""
    monkeypatch.setenv("POLICYKG_RESPONSE_CACHE", "0")
    from api.settings import settings

    settings.cache_clear()
    try:
        watched = ThreadRecordingStore(embedded)
        app = create_app(watched)
        plan = asyncio.run(_get_all(app, ["/plans"]))[0].json()[0]["id"]
        paths = PATHS + [f"/plans/{plan}", f"/indicators?plan={plan}", "/plans/no-such-plan"]
        alone = [asyncio.run(_get_all(app, [p]))[0] for p in paths]
        together = asyncio.run(_get_all(app, paths * 8))
    finally:
        settings.cache_clear()
    for i, r in enumerate(together):
        first = alone[i % len(paths)]
        assert (r.status_code, r.content, r.headers.get("x-total-count")) == \
            (first.status_code, first.content, first.headers.get("x-total-count")), paths[i % len(paths)]
    assert {r.status_code for r in alone} == {200, 404, 422}
    assert watched.threads and all(name.startswith("store-read") for name in watched.threads), watched.threads


def test_query_cache_setting_reaches_the_store_and_the_workers(tmp_path, monkeypatch):
    from api.stores import WORKER_ENV, open_store, open_worker_store
    from tests.bench_diverse import query_cache_can_be_disabled

    assert query_cache_can_be_disabled()
    monkeypatch.setenv("POLICYKG_QUERY_CACHE", "0")
    store = open_store(str(tmp_path / "s"), config=Settings())
    try:
        assert isinstance(store, CachedStore) and store.enabled is False
    finally:
        store.close()
    monkeypatch.setenv(WORKER_ENV, f'{{"store": "{tmp_path / "s"}", "read_only": true}}')
    worker = open_worker_store(Settings())
    try:
        assert worker.enabled is False and worker.run("plans_total") == [{"total": 0}]
    finally:
        worker.close()
    monkeypatch.delenv("POLICYKG_QUERY_CACHE")
    store = open_store(str(tmp_path / "s"), config=Settings())
    try:
        assert store.enabled is True
    finally:
        store.close()
    monkeypatch.setenv("POLICYKG_QUERY_CACHE", "sometimes")
    with pytest.raises(ValueError, match="policykg_query_cache"):
        Settings()
