"""Opening a store: Neo4j when a URI is given, else the embedded store, from settings and flags."""

import json
import os
from pathlib import Path

from api.settings import Settings, settings
from graph.errors import StoreError
from graph.store import GraphStore

WORKER_ENV = "POLICYKG_WORKER"


def open_neo4j(uri: str, config: Settings | None = None):
    from graph.neo4j_store import Neo4jStore

    config = config or settings()
    return Neo4jStore(uri, config.neo4j_user, config.neo4j_password, config.neo4j_database or None)


def open_store(store_dir: str | None = None, neo4j_uri: str | None = None, read_only: bool = False,
               config: Settings | None = None, checkpoint_every: int | None = None) -> GraphStore:
    """`--neo4j URI` (or NEO4J_URI) picks Neo4j; otherwise the embedded store in `--store DIR`
    (default $POLICYKG_STORE, else ./.policykg), behind the read cache only this process can keep exact
    (POLICYKG_QUERY_CACHE=0 turns it off, e.g. to measure uncached traffic). `checkpoint_every`: documents
    between the embedded store's checkpoints (1 for a server, whose every write must outlive a crash)."""
    config = config or settings()
    uri = neo4j_uri or (None if store_dir else config.neo4j_uri)
    if uri:
        return open_neo4j(uri, config)
    from graph.cache import CachedStore
    from graph.embedded import CHECKPOINT_EVERY, EmbeddedStore

    directory = store_dir or config.policykg_store
    embedded = EmbeddedStore(directory, read_only=read_only, buffer_pool_mb=config.policykg_buffer_pool_mb,
                             checkpoint_every=checkpoint_every or CHECKPOINT_EVERY)
    return CachedStore(embedded, enabled=config.policykg_query_cache)


def hand_down(store: GraphStore, store_dir: str | None, neo4j_uri: str | None) -> None:
    """Tell the worker processes about to start which store `store` is: the same Neo4j database, or the
    same embedded directory opened read-only (the engine allows one writer, and many readers beside it)."""
    if store.name == "embedded":
        directory = Path(store_dir or settings().policykg_store).resolve()
        worker = {"store": str(directory), "neo4j": None, "read_only": True}
    else:
        worker = {"store": None, "neo4j": neo4j_uri or settings().neo4j_uri, "read_only": False}
    os.environ[WORKER_ENV] = json.dumps(worker)


def open_worker_store(config: Settings | None = None) -> GraphStore:
    """The store one `serve --workers N` process opens for itself, as the command that started it said."""
    config = config or settings()
    worker = config.policykg_worker
    if worker is None:
        raise StoreError(f"{WORKER_ENV} is not set: worker processes are started by `policykg serve --workers N`")
    return open_store(worker.store, worker.neo4j, read_only=worker.read_only, config=config)
