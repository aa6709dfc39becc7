"""Bad input gets a clear one-line reason; the rest of the batch still loads."""

import os

import pytest

from graph.errors import DocumentError
from loaders.pipeline import load_file, read_document
from tests.conftest import DOCS, doc
from tests.test_cli import policykg


def bad_files(folder):
    """One file of each kind of bad input, with the reason a user should read."""
    seed = doc("000").read_text(encoding="utf-8")
    files = {
        "empty.txt": (b"", "empty file"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000), "binary content"),
        "mojibake.txt": (seed.encode("utf-8").decode("latin-1").encode("utf-8")[:6000], "no Chinese text"),
        "english.txt": (b"Quarterly report\n\nRevenue grew 5 percent.\n" * 50, "no Chinese text"),
        "prose.txt": ("今天天气很好，我们去公园散步，看到很多花。\n".encode() * 20, "no plan structure"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    huge = folder / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused before it is read
    files["huge.txt"] = (None, "too large (50 MB")
    return files


def test_each_bad_file_is_named_with_its_reason(tmp_path):
    for name, (_, reason) in bad_files(tmp_path).items():
        with pytest.raises(DocumentError) as e:
            load_file(tmp_path / name)
        assert e.value.message.startswith(name) and reason in e.value.message and "\n" not in e.value.message


def test_a_batch_goes_on_past_bad_files_and_exits_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    expected = bad_files(folder)
    (folder / DOCS[3].name).write_bytes(DOCS[3].read_bytes())
    r = policykg("load", str(folder), "--store", str(tmp_path / "s"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    for name, (_, reason) in expected.items():
        assert f"failed: {name}: {reason}" in r.stderr, name
    assert "loaded 1 of 7 documents" in r.stdout


def test_a_truncated_file_loads_what_it_has():
    data = doc("000").read_bytes()
    cut = data[: len(data) // 2 + 1]  # inside a three-byte character
    graph = read_document(cut, "cut.txt")
    whole = read_document(data, "whole.txt")
    assert 0 < len(graph.units) < len(whole.units)
    assert graph.plan.title == whole.plan.title


def test_a_large_batch_read_by_worker_processes_names_bad_files_too(tmp_path):
    from api.loading import PARALLEL_FROM, iter_documents, load_paths
    from graph.embedded import EmbeddedStore

    folder = tmp_path / "in"
    folder.mkdir()
    expected = bad_files(folder)
    for path in DOCS:
        (folder / path.name).write_bytes(path.read_bytes())
    documents = iter_documents([folder])
    assert len(documents) >= PARALLEL_FROM
    store = EmbeddedStore(tmp_path / "s")
    report = load_paths(store, documents, batch=3)
    store.close()
    assert report.loaded == len(DOCS)
    assert sorted(r.split(":")[0] for r in report.failed) == sorted(expected)
