"""The HTTP API against the five bundled plans, on every store available."""

import asyncio

FLAGSHIP = "/departments/省经济和信息化委/leads"


def test_health_counts_every_kind(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["plan"] == 5 and body["counts"]["leads"] > 100


def test_plans_list_the_contract_fields(client):
    r = client.get("/plans")
    assert r.headers["X-Total-Count"] == "5"
    plans = r.json()
    assert set(plans[0]) == {"id", "title", "issuer", "jurisdiction", "issued", "doc_number", "source"}
    assert {p["source"] for p in plans} >= {"003_1ca2595b8a15c99f.txt"}


def test_plan_detail_lists_units_in_document_order_with_departments(client):
    plan = next(p for p in client.get("/plans").json() if p["source"].startswith("000"))
    body = client.get(f"/plans/{plan['id']}").json()
    titles = [u["title"] for u in body["units"]]
    assert titles.index("“互联网+”创业创新") < titles.index("“互联网+”制造行动")
    medical = next(u for u in body["units"] if u["title"] == "“互联网+”医疗行动")
    assert [d["name"] for d in medical["leads"]] == ["安徽省卫生和计划生育委员会"]
    assert medical["leads"][0]["basis"] == "rule" and medical["leads"][0]["quote"].startswith("（省卫生计生委")
    assert "安徽省民政厅" in [d["name"] for d in medical["supports"]]
    assert body["implements"][0]["doc_number"] == "国发〔2015〕40号"


def test_flagship_lists_units_from_the_anhui_plans_with_evidence(client):
    body = client.get(FLAGSHIP, params={"jurisdiction": "安徽省"}).json()
    assert [d["name"] for d in body["departments"]] == ["安徽省经济和信息化委员会"]
    plans = {i["plan"]["title"] for i in body["items"]}
    assert "安徽省加快推进“互联网+”行动实施方案" in plans and "安徽省“十三五”信息化发展规划" in plans
    assert any(t.startswith("安徽省人民政府关于") for t in plans)  # all three Anhui plans
    item = next(i for i in body["items"] if i["title"] == "“互联网+”制造行动")
    assert item["basis"] == "rule" and "省经济和信息化委" in item["quote"]
    assert body["total"] == len(body["items"])


def test_a_name_used_in_several_jurisdictions_returns_all_and_jurisdiction_narrows(client):
    both = client.get("/departments/省卫生计生委/leads").json()["departments"]
    assert {d["jurisdiction"] for d in both} == {"安徽省", "浙江省"}
    one = client.get("/departments/省卫生计生委/leads", params={"jurisdiction": "浙江省"}).json()
    assert [d["jurisdiction"] for d in one["departments"]] == ["浙江省"]


def test_supports_has_the_same_shape(client):
    body = client.get("/departments/经贸信息委/supports", params={"jurisdiction": "深圳市"}).json()
    assert body["departments"][0]["name"] == "深圳市经济贸易和信息化委员会"
    assert any(i["title"] == "互联网＋金融" for i in body["items"])


def test_unknown_department_is_a_json_404(client):
    r = client.get("/departments/不存在的委员会/leads")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_paging_with_total_header(client):
    r = client.get(FLAGSHIP, params={"limit": 2, "offset": 1})
    assert len(r.json()["items"]) == 2
    assert int(r.headers["X-Total-Count"]) == r.json()["total"] > 2


def test_invalid_limit_uses_the_same_error_shape(client):
    r = client.get("/plans", params={"limit": 5000})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_departments_search_by_alias(client):
    r = client.get("/departments", params={"q": "经信委", "jurisdiction": "浙江省"})
    assert [d["name"] for d in r.json()] == ["浙江省经济和信息化委员会"]


def test_indicators_filter_by_year_and_words_with_total(client):
    r = client.get("/indicators", params={"year": 2020, "q": "宽带"})
    items = r.json()
    assert items and all(i["target_year"] == 2020 for i in items)
    assert int(r.headers["X-Total-Count"]) == len(items)
    share = next(i for i in items if i["name"] == "固定宽带家庭普及率")
    assert (share["target_value"], share["unit"], share["comparator"]) == (65.0, "%", "=")
    assert share["unit_id"] is None and share["quote"] == "固定宽带家庭普及率达到65%"


def test_indicators_of_one_plan_carry_baselines(client):
    plan = next(p for p in client.get("/plans").json() if p["source"].startswith("001"))
    items = client.get("/indicators", params={"plan": plan["id"], "q": "网民数量"}).json()
    assert [(i["baseline_value"], i["baseline_year"], i["target_value"], i["comparator"]) for i in items] == [
        (2395.0, 2015, 4000.0, ">")]


def test_search_returns_ranked_hits_with_snippets(client):
    r = client.get("/search", params={"q": "互联网+医疗", "limit": 5})
    hits = r.json()
    assert hits[0]["title"] == "“互联网+”医疗行动" and hits[0]["plan"]["title"].startswith("安徽省")
    assert "医疗" in hits[0]["snippet"] and int(r.headers["X-Total-Count"]) >= len(hits)
    assert client.get("/search", params={"q": "省经信委", "type": "department"}).json()[0]["type"] == "department"


def test_ask_answers_with_items_and_the_query_used(client):
    body = client.get("/ask", params={"q": "“互联网+”医疗行动由哪个部门牵头？"}).json()
    assert body["understood"] and body["intent"] == "unit_leads" and body["query"] == "unit_departments"
    assert body["items"][0]["name"] == "安徽省卫生和计划生育委员会" and body["items"][0]["quote"]
    assert "安徽省卫生和计划生育委员会" in body["answer"]


def test_every_error_has_the_same_json_shape(client):
    for path in ("/no-such-route", "/plans/plan-doesnotexist", "/departments/无此部门/supports",
                 "/search?q=", "/indicators?year=abc"):
        r = client.get(path)
        assert r.status_code in (404, 422), path
        assert set(r.json()["error"]) == {"code", "message", "detail"}, path


def test_openapi_describes_every_route_with_chinese_examples(client):
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            assert op.get("summary") and op.get("description"), f"{method} {path}"
    examples = str(spec)
    for example in ("省经济和信息化委", "互联网+医疗", "2020年关于宽带的目标有哪些？", "宽带"):
        assert example in examples


def test_partners_are_the_departments_sharing_most_units(client):
    body = client.get("/departments/省经济和信息化委/partners", params={"jurisdiction": "安徽省"}).json()
    assert body["items"][0]["name"] == "安徽省发展和改革委员会"
    shared = [p["shared"] for p in body["items"]]
    assert shared == sorted(shared, reverse=True) and body["total"] == len(body["items"])


def test_partners_of_an_unknown_department_is_a_json_404_like_leads(client):
    for role in ("leads", "supports", "partners"):
        r = client.get(f"/departments/不存在的委员会/{role}")
        assert r.status_code == 404, role
        assert r.json()["error"]["code"] == "not_found" and "不存在的委员会" in r.json()["error"]["message"], role


class LoopWatchingStore:
    """The store, recording every call made on the event loop's thread (where a blocking call stalls
    every other request): FastAPI runs plain `def` routes in its threadpool, `async def` ones on the loop."""

    def __init__(self, store) -> None:
        self._store = store
        self.on_loop: list[str] = []

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            try:
                asyncio.get_running_loop()
                self.on_loop.append(f"{name}{args[:1]}")
            except RuntimeError:
                pass
            return attr(*args, **kwargs)

        return call


def test_no_route_calls_the_store_on_the_event_loop(loaded_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    watched = LoopWatchingStore(loaded_store)
    with TestClient(create_app(watched)) as c:
        plan = c.get("/plans").json()[0]["id"]
        for path in ("/health", "/plans", f"/plans/{plan}", "/departments?q=经信委", "/departments/省经济和信息化委/leads",
                     "/departments/省经济和信息化委/supports", "/departments/省经济和信息化委/partners",
                     "/departments/不存在的委员会/leads", "/indicators?year=2020", "/search?q=宽带",
                     "/ask?q=省商务厅牵头什么", f"/export?plan={plan}&format=nt"):
            assert c.get(path).status_code in (200, 404), path
    assert watched.on_loop == []
