"""The one interface every store implements, and how a store is chosen.

A store writes whole plans and runs named queries; everything the API answers
is built from named queries (see `graph.service`), so both stores give the
same answers by construction and the contract tests run on each.
"""

import os
from typing import Any, Protocol

from graph.model import PlanGraph

DEFAULT_STORE_DIR = ".policykg"


class GraphStore(Protocol):
    name: str

    def replace_plan(self, graph: PlanGraph) -> None:
        """Write one plan whole, replacing any earlier version of it, in one transaction."""

    def replace_plans(self, graphs: list[PlanGraph]) -> None:
        """Write several plans, each whole; the embedded store writes them in one transaction."""

    def delete_plan(self, plan_id: str) -> bool:
        """Remove one plan and what only it owns; True if it was there."""

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one named query from queries/ and return its rows as dicts."""

    def check(self) -> None:
        """Raise StoreError unless the store answers."""

    def close(self) -> None: ...


def open_store(store_dir: str | None = None, neo4j_uri: str | None = None, read_only: bool = False) -> GraphStore:
    """`--neo4j URI` (or NEO4J_URI) picks Neo4j; otherwise the embedded store in `--store DIR`."""
    uri = neo4j_uri or (None if store_dir else os.environ.get("NEO4J_URI"))
    if uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.from_env(uri)
    from graph.cache import CachedStore
    from graph.embedded import EmbeddedStore

    directory = store_dir or os.environ.get("POLICYKG_STORE") or DEFAULT_STORE_DIR
    return CachedStore(EmbeddedStore(directory, read_only=read_only))
