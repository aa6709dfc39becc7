"""A read cache for a store that only this process writes.

The embedded store is opened read-write by one process at a time (the engine
holds a lock), so every write goes through this wrapper and can clear the
cache: answers never go stale. Neo4j may be written by others, so it is not
wrapped. Rows are copied out so that callers may change what they get.

`enabled=False` keeps the write counting (the response cache and the
dictionaries built from the store follow it) but answers every read from the
store: what a benchmark of uncached traffic must measure.
"""

import threading
from typing import Any

from graph.model import PlanGraph
from graph.store import GraphStore

MAX_ENTRIES = 4096


def _key(query: str, params: dict[str, Any] | None) -> tuple:
    def freeze(v: Any) -> Any:
        return tuple(freeze(x) for x in v) if isinstance(v, list) else v

    return query, tuple(sorted((k, freeze(v)) for k, v in (params or {}).items()))


class CachedStore:
    def __init__(self, store: GraphStore, enabled: bool = True) -> None:
        self.inner = store
        self.name = store.name
        self.enabled = enabled
        self._cache: dict[tuple, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._generation = 0

    @property
    def read_only(self) -> bool:
        """The store behind this cache was opened read-only: nothing can write it while this process runs."""
        return getattr(self.inner, "read_only", False)

    @property
    def generation(self) -> int:
        """How many writes have started or ended: answers computed at one count hold for it."""
        return self._generation

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if not self.enabled:
            return self.inner.run(query, params)
        key = _key(query, params)
        with self._lock:
            hit = self._cache.get(key)
            generation = self._generation
        if hit is None:
            hit = self.inner.run(query, params)
            with self._lock:
                if generation == self._generation:  # no write happened meanwhile
                    if len(self._cache) >= MAX_ENTRIES:
                        self._cache.clear()
                    self._cache[key] = hit
        return [dict(row) for row in hit]

    def _written(self) -> None:
        with self._lock:
            self._generation += 1
            self._cache.clear()

    def replace_plan(self, graph: PlanGraph) -> None:
        self._written()
        try:
            self.inner.replace_plan(graph)
        finally:
            self._written()

    def replace_plans(self, graphs: list[PlanGraph]) -> None:
        self._written()
        try:
            self.inner.replace_plans(graphs)
        finally:
            self._written()

    def delete_plan(self, plan_id: str) -> bool:
        self._written()
        try:
            return self.inner.delete_plan(plan_id)
        finally:
            self._written()

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self._written()
        try:
            return self.inner.write(query, params)
        finally:
            self._written()

    def check(self) -> None:
        self.inner.check()

    def close(self) -> None:
        self.inner.close()
