"""The `--store` / `--neo4j` options every command takes, and opening the store they name.

Shared by `policykg` (api/cli.py) and `policykg corrections` (api/corrections_cli.py), which the
first imports, so they cannot live in either.
"""

from typing import Annotated

import typer

from api.stores import open_store
from graph.errors import BadRequest
from graph.store import GraphStore

StoreOpt = Annotated[str | None, typer.Option("--store", metavar="DIR",
                     help="embedded store directory (default $POLICYKG_STORE, else ./.policykg)")]
Neo4jOpt = Annotated[str | None, typer.Option("--neo4j", metavar="URI",
                     help="use Neo4j at URI (or set NEO4J_URI; NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")]


def open_chosen(store: str | None, neo4j: str | None, checkpoint_every: int | None = None) -> GraphStore:
    """The store the options name; both at once is a usage error. `checkpoint_every`: see open_store."""
    if store and neo4j:
        raise BadRequest("give either --store or --neo4j, not both")
    return open_store(store, neo4j, checkpoint_every=checkpoint_every)
