"""Faults: a load killed mid-document, a store that cannot be opened, a Neo4j that is down."""

import signal
import subprocess
import sys
import time

from fastapi.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from queries import service
from tests.conftest import doc, free_port
from tests.test_cli import policykg


def test_a_load_killed_mid_document_leaves_the_previous_state(tmp_path):
    store = tmp_path / "s"
    original = doc("004")
    assert policykg("load", str(original), "--store", str(store)).returncode == 0
    before = EmbeddedStore(store)
    counts, titles = service.counts(before), [p["title"] for p in service.list_plans(before, 10, 0)[0]]
    before.close()

    changed = tmp_path / original.name
    changed.write_text(original.read_text(encoding="utf-8").replace("（十六）", "（十七）").replace(
        "（责任单位：省经信委、省通信管理局", "（责任单位：省商务厅、省通信管理局"), encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", "from api.cli import main; main()", "load", str(changed),
                             "--store", str(store)], capture_output=True, text=True,
                            env={**__import__("os").environ, "POLICYKG_FAULT": "embedded-mid-write"})
    assert killed.returncode == -signal.SIGKILL

    after = EmbeddedStore(store)
    try:
        assert service.counts(after) == counts
        assert [p["title"] for p in service.list_plans(after, 10, 0)[0]] == titles
        leads = service.department_units(after, "省经信委", "leads", "浙江省", 100, 0)["items"]
        assert "着力推进“互联网+”基础设施建设" in [i["title"] for i in leads]
    finally:
        after.close()
    assert policykg("load", str(changed), "--store", str(store)).returncode == 0  # and it loads afterwards


def test_a_store_that_cannot_be_opened_is_one_clear_line(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    r = policykg("stats", "--store", str(not_a_dir))
    assert r.returncode == 1 and r.stderr.startswith("error: cannot open the embedded store")
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_neo4j_that_is_down_is_one_clear_line_in_seconds():
    started = time.monotonic()
    r = policykg("stats", "--neo4j", f"bolt://127.0.0.1:{free_port()}")
    assert r.returncode == 1 and "cannot reach Neo4j" in r.stderr and "Traceback" not in r.stderr
    assert time.monotonic() - started < 30


def test_the_server_reports_unhealthy_rather_than_hanging():
    store = Neo4jStore(f"bolt://127.0.0.1:{free_port()}", "neo4j", "x", connect=False)
    with TestClient(create_app(store)) as client:
        started = time.monotonic()
        r = client.get("/health")
        assert r.status_code == 503 and r.json()["status"] == "unavailable"
        assert time.monotonic() - started < 30
        r = client.get("/plans")
        assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"
