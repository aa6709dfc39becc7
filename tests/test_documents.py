"""POST /documents: token-protected writes, readers answering consistently meanwhile."""

import threading
import time
import urllib.parse

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.app import create_app
from api.server import Utf8TargetProtocol
from graph.cache import CachedStore
from graph.embedded import EmbeddedStore
from tests.conftest import doc, free_port

TOKEN = "s3cret-token"


@pytest.fixture
def app_store(tmp_path, graphs):
    store = CachedStore(EmbeddedStore(tmp_path / "s"))
    store.replace_plan(graphs["000"])
    yield store
    store.close()


def upload(client, path, token=TOKEN, name=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/documents", files={"file": (name or path.name, path.read_bytes(), "text/plain")},
                       headers=headers)


def test_writes_are_refused_without_a_configured_token(app_store):
    with TestClient(create_app(app_store, api_token="")) as client:
        r = upload(client, doc("003"))
        assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"


def test_a_wrong_token_is_unauthorised(app_store):
    with TestClient(create_app(app_store, api_token=TOKEN)) as client:
        assert upload(client, doc("003"), token="nope").status_code == 401
        assert upload(client, doc("003"), token=None).status_code == 401
        assert client.get("/plans").headers["X-Total-Count"] == "1"


def test_a_loaded_document_is_searchable_and_answerable_at_once(app_store):
    with TestClient(create_app(app_store, api_token=TOKEN)) as client:
        assert client.get("/ask", params={"q": "互联网＋金融由谁牵头"}).json()["understood"] is False
        r = upload(client, doc("003"))
        assert r.status_code == 201 and r.json()["plan"]["doc_number"] == "深府〔2015〕69号"
        assert r.json()["leads"] > 10
        assert client.get("/plans").headers["X-Total-Count"] == "2"
        answer = client.get("/ask", params={"q": "互联网＋金融由谁牵头"}).json()
        assert answer["understood"] and answer["items"][0]["name"] == "深圳市人民政府金融发展服务办公室"
        assert client.get("/search", params={"q": "前海管理局", "type": "department"}).json()


def test_a_bad_document_is_a_422_naming_it(app_store, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"\x00\x01binary")
    with TestClient(create_app(app_store, api_token=TOKEN)) as client:
        r = upload(client, bad)
        assert r.status_code == 422 and r.json()["error"]["message"].startswith("notes.txt: binary")


def test_an_oversized_request_is_refused_before_it_is_read(app_store):
    with TestClient(create_app(app_store, api_token=TOKEN)) as client:
        r = client.post("/documents", content=b"x" * 10, headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Length": str(100 * 1024 * 1024),
            "Content-Type": "multipart/form-data; boundary=x"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_queries_keep_answering_consistently_while_documents_load(app_store, graphs):
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(app_store, api_token=TOKEN), host="127.0.0.1", port=port,
                                           http=Utf8TargetProtocol, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    flagship = "/departments/" + urllib.parse.quote("省经济和信息化委") + "/leads?jurisdiction=" + urllib.parse.quote(
        "安徽省") + "&limit=1000"
    valid_totals = {sum(1 for a in graphs[p].assignments if a.role == "leads" and
                        any(d.id == a.department_id and d.name == "安徽省经济和信息化委员会" for d in graphs[p].departments))
                    for p in ("000",)}
    after_totals = valid_totals | {t + sum(1 for a in graphs["002"].assignments if a.role == "leads" and any(
        d.id == a.department_id and d.name == "安徽省经济和信息化委员会" for d in graphs["002"].departments))
                                   for t in valid_totals}
    problems: list[str] = []
    stop = threading.Event()

    def read() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            while not stop.is_set():
                r = c.get(flagship)
                body = r.json()
                if r.status_code != 200 or body["total"] != len(body["items"]) or body["total"] not in after_totals:
                    problems.append(f"{r.status_code} {body.get('total')}")
                if c.get("/health").json()["status"] != "ok":
                    problems.append("unhealthy")

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        with httpx.Client(base_url=base, timeout=60) as c:
            for i in range(6):  # load, replace, replace…: the same plan each time, never half of it
                r = c.post("/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                           files={"file": (f"002-{i}.txt", doc("002").read_bytes(), "text/plain")})
                assert r.status_code == 201, r.text
    finally:
        stop.set()
        for t in readers:
            t.join()
        server.should_exit = True
        thread.join(timeout=10)
    assert not problems, problems[:5]


TWO_ANNEX_TABLES = """关于印发某县数字乡村建设实施方案的通知
一、总体要求
（一）夯实基础。加快网络覆盖。（县工业和信息化局牵头，县财政局配合）
附件1：2024年重点任务分工表
序号\t重点任务\t牵头单位\t配合单位
1\t推进光纤入户\t县工业和信息化局\t县财政局
2\t建设益农信息社\t县农业农村局\t县商务局
附件2：2025年重点任务分工表
序号\t重点任务\t牵头单位\t配合单位
1\t推广智慧农业\t县农业农村局\t县科技局
2\t完善电商物流\t县商务局\t县交通运输局
"""


def test_a_document_with_two_annex_tables_loads_with_every_row(app_store):
    """Annex task ids are unique per table: the second table's row 1 is not the first's (it was a 503)."""
    with TestClient(create_app(app_store, api_token=TOKEN)) as client:
        r = client.post("/documents", files={"file": ("two_tables.txt", TWO_ANNEX_TABLES.encode(), "text/plain")},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        plan = client.get(f"/plans/{r.json()['plan']['id']}").json()
        titles = [u["title"] for u in plan["units"]]
        assert {"推进光纤入户", "建设益农信息社", "推广智慧农业", "完善电商物流"} <= set(titles)


def test_a_document_whose_units_repeat_an_id_is_named_as_a_bad_document(app_store, monkeypatch, graphs):
    """A fault of the reading is a 422 naming the document, never a 503 store outage."""
    import api.loading

    def read_twice(data, name):
        g = graphs["003"].model_copy(deep=True)
        g.units.append(g.units[0].model_copy())
        return g

    monkeypatch.setattr(api.loading, "read_document", read_twice)
    with TestClient(create_app(app_store, api_token=TOKEN)) as client:
        r = upload(client, doc("003"))
        assert r.status_code == 422 and r.json()["error"]["code"] == "bad_document"
        assert "the same unit" in r.json()["error"]["message"]
