"""The embedded store keeps each plan's text and reading in files beside the engine (graph.source_files):
read back exactly, written once per content, removed with the plan, never left behind by a batch
that died, and a missing file is a clear error."""

import os
import subprocess
import sys

import pytest

from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from graph.rows import decode_reading
from graph.source_files import FOLDER, MARK
from tests.conftest import doc


def files(directory) -> set[str]:
    folder = directory / FOLDER
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def test_the_text_and_reading_come_back_exactly_and_the_engine_holds_only_their_names(tmp_path, graphs):
    store = EmbeddedStore(tmp_path)
    try:
        store.replace_plan(graphs["002"])
        [row] = store.run("plan_source", {"plan": graphs["002"].plan.id})
        assert row["text"] == graphs["002"].text
        assert decode_reading(row["reading"]).units == graphs["002"].units
        # what the engine's checkpoints rewrite (see graph.source_files): names, not tens of kilobytes
        [stored] = store._execute(store._connection(), "MATCH (s:Source) RETURN s.text AS text, s.reading AS reading")
        assert all(v.startswith(MARK) and len(v) < 100 for v in stored.values())
    finally:
        store.close()
    assert len(files(tmp_path)) == 2


def test_loading_a_document_again_writes_no_new_file(tmp_path, graphs):
    store = EmbeddedStore(tmp_path)
    try:
        store.replace_plan(graphs["002"])
        written = files(tmp_path)
        store.replace_plan(graphs["002"])
        assert files(tmp_path) == written
    finally:
        store.close()
    assert files(tmp_path) == written


def test_a_replaced_or_deleted_plans_files_are_removed(tmp_path, graphs):
    graph = graphs["002"]
    store = EmbeddedStore(tmp_path)
    store.replace_plan(graph)
    store.replace_plan(graphs["003"])
    first = files(tmp_path)
    store.replace_plan(graph.model_copy(update={"text": graph.text + "\n（完）"}))
    store.close()
    replaced = files(tmp_path)
    assert len(replaced) == 4 and len(first - replaced) == 2  # the old text and reading went

    store = EmbeddedStore(tmp_path)
    try:
        assert store.delete_plan(graph.plan.id)
    finally:
        store.close()
    assert len(files(tmp_path)) == 2  # plan 003's only
    store = EmbeddedStore(tmp_path)
    try:
        [row] = store.run("plan_source", {"plan": graphs["003"].plan.id})
        assert row["text"] == graphs["003"].text
    finally:
        store.close()


def test_a_batch_that_died_before_committing_leaves_no_file_after_the_next_open(tmp_path):
    killed = subprocess.run([sys.executable, "-c", "from api.cli import main; main()", "load", str(doc("002")),
                             "--store", str(tmp_path)], capture_output=True, text=True,
                            env={**os.environ, "POLICYKG_FAULT": "embedded-before-copy"})
    assert killed.returncode < 0
    assert len(files(tmp_path)) == 2  # written and synced before the transaction, which never committed
    store = EmbeddedStore(tmp_path)
    try:
        assert store.run("plans_total")[0]["total"] == 0
    finally:
        store.close()
    assert files(tmp_path) == set()


def test_a_missing_file_is_a_clear_error(tmp_path, graphs):
    store = EmbeddedStore(tmp_path)
    try:
        store.replace_plan(graphs["002"])
        for name in files(tmp_path):
            (tmp_path / FOLDER / name).unlink()
        with pytest.raises(StoreError, match="text is missing"):
            store.run("plan_source", {"plan": graphs["002"].plan.id})
    finally:
        store.close()


def test_a_text_kept_in_the_engine_by_an_earlier_version_is_read_as_it_is(tmp_path):
    store = EmbeddedStore(tmp_path)
    try:
        store._execute(store._connection(), "CREATE (s:Source {id: 'p1', type: 'source', plan_id: 'p1', "
                                            "text: '第一条', reading: 'eJw='})")
        assert store.run("plan_source", {"plan": "p1"}) == [{"plan_id": "p1", "text": "第一条", "reading": "eJw="}]
    finally:
        store.close()
