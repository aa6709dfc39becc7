"""Shared fixtures: the bundled corpus, the gold fixtures, and a store per backend.

The `store` fixture is parametrised over every store available here: the
embedded store always, Neo4j when NEO4J_URI is set (skipped with the reason
otherwise), as RDFLib's graph tests run over every registered store.
"""

import json
import os
import socket
from pathlib import Path

import pytest
from hypothesis import settings

from graph.cache import CachedStore
from graph.embedded import EmbeddedStore
from loaders.pipeline import load_file

# In CI the property tests and the OpenAPI fuzzing replay the same examples every run, so a red run
# is a real regression, never a new random draw; locally they explore afresh each time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"
DOCS = sorted(CORPUS.glob("*.txt"))


def free_port() -> int:
    """A port on the loopback nobody listens on now (for servers the tests and the bench start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def doc(prefix: str) -> Path:
    return next(p for p in DOCS if p.name.startswith(prefix))


def gold(prefix: str) -> dict:
    return json.loads(next(GOLD.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def graphs():
    """Each bundled document read once: prefix ('000') → PlanGraph."""
    return {p.name[:3]: load_file(p) for p in DOCS}


def _neo4j_store():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("Neo4j contract tests need NEO4J_URI (see README: Running the Neo4j tests)")
    from api.stores import open_neo4j

    store = open_neo4j(uri)
    store._driver.execute_query("MATCH (n) DETACH DELETE n", database_=store.database)
    return store


def make_store(kind: str, tmp: Path):
    if kind == "cached":  # the embedded store as the CLI and the server open it
        return CachedStore(EmbeddedStore(tmp / "store"))
    return EmbeddedStore(tmp / "store") if kind == "embedded" else _neo4j_store()


@pytest.fixture(params=["embedded", "cached", "neo4j"])
def store(request, tmp_path):
    """An empty store of each available kind (the contract tests run on each)."""
    s = make_store(request.param, tmp_path)
    yield s
    s.close()


@pytest.fixture(scope="session", params=["embedded", "neo4j"])
def loaded_store(request, tmp_path_factory, graphs):
    """A store of each available kind holding the five bundled plans (read-only use)."""
    s = make_store(request.param, tmp_path_factory.mktemp(request.param))
    for g in graphs.values():
        s.replace_plan(g)
    yield s
    s.close()


@pytest.fixture(scope="session")
def client(loaded_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(loaded_store)) as c:
        yield c
