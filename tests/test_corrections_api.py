"""GET/POST/DELETE /corrections and GET /plans/{id}/source, on every store available: each kind
of correction made over HTTP and seen at once in the plan and department answers, bad requests
named, and corrections lasting through the document being loaded again."""

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.loading import load_paths
from tests.conftest import doc
from tests.test_corrections import BODY, CENTRE, HEAD

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(store):
    with TestClient(create_app(store, api_token=TOKEN)) as c:
        yield c


def upload(client: TestClient, body: str = BODY) -> str:
    r = client.post("/documents", files={"file": ("plan.txt", (HEAD + body).encode("utf-8"), "text/plain")},
                    headers=AUTH)
    assert r.status_code == 201, r.text
    return r.json()["plan"]["id"]


def units(client: TestClient, plan_id: str) -> dict[str, dict]:
    return {u["title"]: u for u in client.get(f"/plans/{plan_id}").json()["units"]}


def post(client: TestClient, headers=AUTH, **body):
    return client.post("/corrections", json={"by": "王芳", **body}, headers=headers)


def made(client: TestClient, **body) -> dict:
    r = post(client, **body)
    assert r.status_code == 201, r.text
    return r.json()


def test_every_kind_changes_the_plan_at_once_with_basis_corrected(client):
    plan = upload(client)
    u = units(client, plan)
    made(client, plan_id=plan, kind="remove-assignment", unit_id=u["建设数据中心"]["id"], department="省财政厅",
         role="supports", why="只负责资金")
    made(client, plan_id=plan, kind="add-assignment", unit_id=u["推进宽带网络"]["id"], department="省发改委",
         role="supports")
    made(client, plan_id=plan, kind="change-role", unit_id=u["推进宽带网络"]["id"], department="省信息办")
    made(client, plan_id=plan, kind="split-name", department="省商务厅经信委", names=["省商务厅", "省经信委"])
    indicator = u["推进宽带网络"]["indicators"][0]
    fixed = made(client, plan_id=plan, kind="fix-target", indicator_id=indicator["id"], target_value=120,
                 target_year=2026)
    assert fixed["body"] == {"indicator": "全省宽带用户", "target_value": 120, "target_year": 2026}
    after = units(client, plan)
    assert [d["name"] for d in after["建设数据中心"]["supports"]] == ["安徽省经济和信息化委员会"]
    broadband = {d["name"]: d["basis"] for d in after["推进宽带网络"]["leads"] + after["推进宽带网络"]["supports"]}
    assert broadband == {"安徽省通信管理局": "stated", "安徽省信息办": "corrected", "安徽省发展和改革委员会": "corrected"}
    assert [(d["name"], d["basis"]) for d in after["发展电子商务"]["leads"]] == [
        ("安徽省商务厅", "corrected"), ("安徽省经济和信息化委员会", "corrected")]
    target = after["推进宽带网络"]["indicators"][0]
    assert (target["target_value"], target["target_year"], target["unit"]) == (120, 2026, "万户")
    r = client.get("/corrections", params={"plan": plan})
    assert r.headers["X-Total-Count"] == "5" and r.json()[0]["kind"] == "fix-target"  # newest first
    assert {c["stale"] for c in r.json()} == {False} and r.json()[-1]["why"] == "只负责资金"


def test_same_body_joins_two_names_and_the_department_page_follows(client):
    plan = upload(client)
    made(client, plan_id=plan, kind="same-body", department="省信息化办公室", other="省信息办")
    leads = client.get("/departments/省信息办/supports").json()
    assert [d["name"] for d in leads["departments"]] == ["安徽省信息化办公室"]
    assert sorted(i["basis"] for i in leads["items"]) == ["corrected", "stated"]


def _add_a_lead_to_the_medical_action(client, store) -> str:
    plan = load_paths(store, [doc("000")], keep_plans=True).plans[0]
    unit = next(u for u in plan.units if u.title == "“互联网+”医疗行动")
    made(client, plan_id=plan.plan.id, kind="add-assignment", unit_id=unit.id, department="省经济和信息化委",
         role="leads", why="见附件分工")
    return plan.plan.id


def test_a_corrected_lead_survives_loading_the_document_again(client, store):
    plan = _add_a_lead_to_the_medical_action(client, store)
    expected = {("安徽省卫生和计划生育委员会", "rule"), ("安徽省经济和信息化委员会", "corrected")}
    assert {(d["name"], d["basis"]) for d in units(client, plan)["“互联网+”医疗行动"]["leads"]} == expected
    again = load_paths(store, [doc("000")])
    assert again.loaded == 1 and again.stale == []
    assert {(d["name"], d["basis"]) for d in units(client, plan)["“互联网+”医疗行动"]["leads"]} == expected


def test_a_corrected_lead_shows_on_the_department_page(client, store):
    _add_a_lead_to_the_medical_action(client, store)
    items = client.get("/departments/省经济和信息化委/leads", params={"jurisdiction": "安徽省", "limit": 1000})
    medical = [i for i in items.json()["items"] if i["title"] == "“互联网+”医疗行动"]
    assert [i["basis"] for i in medical] == ["corrected"]
    (correction,) = client.get("/corrections").json()
    assert medical[0]["correction"] == {"id": correction["id"], "by": "王芳", "at": correction["at"]}
    assert all(i["correction"] is None for i in items.json()["items"] if i["basis"] != "corrected")


def test_a_fixed_target_says_who_fixed_it_in_the_plan_and_the_target_list(client):
    plan = upload(client)
    target = units(client, plan)["推进宽带网络"]["indicators"][0]
    assert (target["basis"], target["correction"]) == ("stated", None)
    fixed = made(client, plan_id=plan, kind="fix-target", indicator_id=target["id"], target_value=150)
    mark = {"id": fixed["id"], "by": "王芳", "at": fixed["at"]}
    after = units(client, plan)["推进宽带网络"]["indicators"][0]
    assert (after["target_value"], after["basis"], after["correction"]) == (150, "corrected", mark)
    (listed,) = [i for i in client.get("/indicators", params={"plan": plan}).json() if i["id"] == target["id"]]
    assert (listed["basis"], listed["correction"]) == ("corrected", mark)
    lead = units(client, plan)["推进宽带网络"]["leads"][0]
    assert lead["correction"] is None and lead["basis"] == "stated"


def test_a_correction_is_listed_stale_when_the_document_is_loaded_without_its_unit(client):
    plan = upload(client)
    unit = units(client, plan)["建设数据中心"]["id"]
    c = made(client, plan_id=plan, kind="remove-assignment", unit_id=unit, department="省财政厅")
    upload(client, BODY.replace(CENTRE, ""))
    (stale,) = client.get("/corrections", params={"stale": "true"}).json()
    assert stale["id"] == c["id"] and stale["stale"]
    assert stale["stale_reason"] == "unit 一、重点任务 > （一）建设数据中心 is no longer in the document"
    assert client.get("/corrections", params={"stale": "false"}).json() == []


def test_deleting_a_correction_restores_the_reading(client):
    plan = upload(client)
    unit = units(client, plan)["建设数据中心"]["id"]
    c = made(client, plan_id=plan, kind="change-role", unit_id=unit, department="省财政厅")
    assert len(units(client, plan)["建设数据中心"]["leads"]) == 2
    assert client.delete(f"/corrections/{c['id']}").status_code == 401
    assert client.delete(f"/corrections/{c['id']}", headers=AUTH).status_code == 204
    assert [d["basis"] for d in units(client, plan)["建设数据中心"]["leads"]] == ["stated"]
    r = client.delete(f"/corrections/{c['id']}", headers=AUTH)
    assert r.status_code == 404 and c["id"] in r.json()["error"]["message"]


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"plan_id": "plan-nope", "kind": "remove-assignment", "unit_id": "u", "department": "省财政厅"}, 404,
     "no plan"),
    ({"kind": "remove-assignment", "unit_id": "unit-nope", "department": "省财政厅"}, 404, "no unit"),
    ({"kind": "remove-assignment", "unit_id": "U", "department": "省教育厅"}, 404, "neither leads nor supports"),
    ({"kind": "add-assignment", "unit_id": "U", "department": "dept-0000000000000000", "role": "leads"}, 404,
     "no department"),
    ({"kind": "add-assignment", "unit_id": "U", "department": "加快建设", "role": "leads"}, 404, "not read as"),
    ({"kind": "fix-target", "indicator_id": "ind-nope", "target_value": 3}, 404, "no target"),
    ({"kind": "same-body", "department": "省财政厅", "other": "省教育厅"}, 404, "names no department"),
    ({"kind": "add-assignment", "unit_id": "U", "department": "省财政厅"}, 422, "role"),
    ({"kind": "fix-target", "indicator_id": "I"}, 422, "target_value"),
])
def test_a_correction_that_cannot_be_made_is_refused_naming_why(client, body, status, words):
    plan = upload(client)
    u = units(client, plan)["建设数据中心"]
    i = units(client, plan)["推进宽带网络"]["indicators"][0]["id"]
    body = {"plan_id": plan, **body}
    body = {k: {"U": u["id"], "I": i}.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    r = post(client, **body)
    assert r.status_code == status and words in r.json()["error"]["message"], r.text
    assert client.get("/corrections").headers["X-Total-Count"] == "0"


@pytest.mark.parametrize("body", [
    {"kind": "guess"},                                    # no such kind
    {"kind": "remove-assignment", "by": ""},              # nobody
    {"kind": "fix-target", "target_year": "soon"},        # not a year
    {"kind": "change-role", "rank": 1},                   # a field no correction has
])
def test_a_malformed_body_is_a_422(client, body):
    r = client.post("/corrections", json={"plan_id": "plan-x", "by": "王芳", **body}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_writes_need_the_token(client, store):
    body = {"plan_id": "plan-x", "kind": "remove-assignment"}
    assert post(client, headers={}, **body).status_code == 401
    assert post(client, headers={"Authorization": "Bearer wrong"}, **body).status_code == 401
    with TestClient(create_app(store, api_token="")) as closed:
        r = closed.post("/corrections", json={"by": "王芳", **body}, headers=AUTH)
        assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"


def test_the_source_places_every_heading_department_and_target_in_the_text(client):
    plan = upload(client)
    changed = made(client, plan_id=plan, kind="change-role", unit_id=units(client, plan)["推进宽带网络"]["id"],
                   department="省信息办")
    source = client.get(f"/plans/{plan}/source").json()
    text, spans = source["text"], source["spans"]
    assert source["title"] == "某某工作方案" and text.startswith(HEAD)
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
    headings = [text[s["start"]:s["end"]] for s in spans if s["kind"] == "heading"]
    assert headings == ["建设数据中心", "推进宽带网络", "发展电子商务"]
    placed = [(s["kind"], text[s["start"]:s["end"]], s["department"], s["basis"]) for s in spans
              if s["kind"] in ("lead", "support")]
    assert placed[:3] == [("lead", "省发展改革委", "安徽省发展和改革委员会", "stated"),
                          ("support", "省财政厅", "安徽省财政厅", "stated"),
                          ("support", "省经济和信息化委", "安徽省经济和信息化委员会", "stated")]
    assert ("lead", "省信息办", "安徽省信息办", "corrected") in placed
    marks = {s["department"]: s["correction"] for s in spans if s["kind"] in ("lead", "support")}
    assert marks["安徽省信息办"] == {"id": changed["id"], "by": "王芳", "at": changed["at"]}
    assert marks["安徽省财政厅"] is None
    (target,) = [s for s in spans if s["kind"] == "target"]
    assert text[target["start"]:target["end"]] == "全省宽带用户达到100万户" and target["indicator_id"]
    assert client.get("/plans/plan-nope/source").status_code == 404


def test_the_source_lists_the_readers_warnings_at_their_place(client):
    plan = upload(client, "前言。（省财政厅负责）\n" + BODY)
    warnings = client.get(f"/plans/{plan}/source").json()
    placed = [w for w in warnings["warnings"] if w["start"] is not None]
    assert placed, warnings["warnings"]
    assert all(warnings["text"][w["start"]:w["end"]] for w in placed)


def test_the_source_is_the_text_as_written_and_every_span_quotes_it(client):
    plan = upload(client, BODY.replace("（省发展改革委牵头，省财政厅、", "(省发展改革委牵头,省财政厅、").replace("加快建设", "加快 建设"))
    source = client.get(f"/plans/{plan}/source").json()
    assert "(省发展改革委牵头,省财政厅" in source["text"]
    placed = {source["text"][s["start"]:s["end"]] for s in source["spans"] if s["kind"] in ("lead", "support")}
    assert {"省发展改革委", "省财政厅", "省经济和信息化委"} <= placed
