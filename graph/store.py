"""The one interface every store implements.

A store writes whole plans and runs named queries; everything the API answers
is built from named queries (see `queries.service`), so both stores give the
same answers by construction and the contract tests run on each. Which store
to open is the wiring's choice (`api.stores`).
"""

from typing import Any, Protocol

from graph.model import PlanGraph


class GraphStore(Protocol):
    name: str

    @property
    def generation(self) -> int | None:
        """A count of this process's writes, so answers computed at one count hold for it;
        None when others may write the store too (Neo4j), so no answer may be cached."""

    def replace_plan(self, graph: PlanGraph) -> None:
        """Write one plan whole, replacing any earlier version of it, in one transaction."""

    def replace_plans(self, graphs: list[PlanGraph]) -> None:
        """Write several plans, each whole; the embedded store writes them in one transaction."""

    def delete_plan(self, plan_id: str) -> bool:
        """Remove one plan and what only it owns; True if it was there."""

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one named query from queries/ and return its rows as dicts."""

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one named query that writes (a correction), as one transaction counted as a write."""

    def check(self) -> None:
        """Raise StoreError unless the store answers."""

    def close(self) -> None: ...
