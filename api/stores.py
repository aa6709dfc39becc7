"""Opening a store: Neo4j when a URI is given, else the embedded store, from settings and flags."""

from api.settings import Settings, settings
from graph.store import GraphStore


def open_neo4j(uri: str, config: Settings | None = None):
    from graph.neo4j_store import Neo4jStore

    config = config or settings()
    return Neo4jStore(uri, config.neo4j_user, config.neo4j_password, config.neo4j_database or None)


def open_store(store_dir: str | None = None, neo4j_uri: str | None = None, read_only: bool = False,
               config: Settings | None = None) -> GraphStore:
    """`--neo4j URI` (or NEO4J_URI) picks Neo4j; otherwise the embedded store in `--store DIR`
    (default $POLICYKG_STORE, else ./.policykg), behind the read cache only this process can keep exact."""
    config = config or settings()
    uri = neo4j_uri or (None if store_dir else config.neo4j_uri)
    if uri:
        return open_neo4j(uri, config)
    from graph.cache import CachedStore
    from graph.embedded import EmbeddedStore

    directory = store_dir or config.policykg_store
    return CachedStore(EmbeddedStore(directory, read_only=read_only, buffer_pool_mb=config.policykg_buffer_pool_mb))
