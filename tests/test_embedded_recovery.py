"""A process that dies before closing the embedded store: LadybugDB 0.22.0 keeps bulk-written rows
only from its last checkpoint, so a plan written since is either kept whole (a store that
checkpoints after every write, as a server's does) or removed whole at the next open and named."""

import signal
import subprocess
import sys

import pytest

from graph.embedded import EmbeddedStore
from queries import service
from tests.conftest import doc
from tests.test_serve_workers import post_document, serving

WRITE_AND_DIE = """
import os, sys
from graph.embedded import EmbeddedStore
from loaders.pipeline import load_file
store = EmbeddedStore(sys.argv[1], checkpoint_every=int(sys.argv[3]))
store.replace_plan(load_file(sys.argv[2]))
os._exit(0)  # killed: the store is never closed, so nothing checkpoints it on the way out
"""


def write_and_die(directory, document, checkpoint_every: int) -> None:
    subprocess.run([sys.executable, "-c", WRITE_AND_DIE, str(directory), str(document), str(checkpoint_every)],
                   check=True, timeout=300)


@pytest.fixture
def one_plan(tmp_path, graphs):
    """A store holding plan 003, closed properly."""
    directory = tmp_path / "store"
    store = EmbeddedStore(directory)
    store.replace_plan(graphs["003"])
    store.close()
    return directory


def test_a_plan_lost_with_its_process_is_removed_whole_and_named(one_plan, graphs, caplog):
    before = EmbeddedStore(one_plan)
    kept = service.counts(before)
    before.close()
    write_and_die(one_plan, doc("002"), checkpoint_every=64)
    store = EmbeddedStore(one_plan)
    try:
        assert store.recovered == [doc("002").name]
        assert doc("002").name in caplog.text and "load them again" in caplog.text
        assert service.counts(store) == kept  # no plan without units, no department without edges
        store.replace_plan(graphs["002"])  # and it loads again
        assert {p["id"] for p in service.list_plans(store, 10, 0)[0]} == {graphs["002"].plan.id,
                                                                            graphs["003"].plan.id}
    finally:
        store.close()
    reopened = EmbeddedStore(one_plan)
    assert reopened.recovered == []
    reopened.close()


def test_a_store_that_checkpoints_every_write_keeps_the_plan(one_plan, graphs):
    write_and_die(one_plan, doc("002"), checkpoint_every=1)
    store = EmbeddedStore(one_plan)
    try:
        assert store.recovered == []
        plan = service.get_plan(store, graphs["002"].plan.id)
        assert len(plan["units"]) == len(graphs["002"].units)
    finally:
        store.close()


def test_a_document_uploaded_to_a_server_outlives_the_server_being_killed(tmp_path, graphs):
    directory = tmp_path / "served"
    with serving(directory, ready="Uvicorn running on") as (proc, port):
        status, body = post_document(port, doc("002"))
        assert status == 201, body
        proc.send_signal(signal.SIGKILL)  # no shutdown, no close: only what was checkpointed remains
        proc.wait(timeout=30)
    store = EmbeddedStore(directory)
    try:
        assert store.recovered == []
        assert len(service.get_plan(store, graphs["002"].plan.id)["units"]) == len(graphs["002"].units)
    finally:
        store.close()
