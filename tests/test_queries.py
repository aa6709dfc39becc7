"""Every named query: a header that says what it does, and a run on each store with known results."""

import json
import re

import pytest

from graph import catalog
from queries import service


def params_for(store, graphs) -> dict[str, dict]:
    anhui_it = [d["id"] for d in service.find_departments(store, "省经济和信息化委", "安徽省")]
    medical = next(u.id for u in graphs["000"].units if u.title == "“互联网+”医疗行动")
    p000, p001 = graphs["000"].plan.id, graphs["001"].plan.id
    return {
        "counts": {}, "plans_total": {}, "search_documents": {}, "all_departments": {}, "national_documents": {},
        "plans": {"offset": 0, "limit": 10},
        "plan": {"id": p000},
        "plan_units": {"plan": p000}, "plan_assignments": {"plan": p000}, "plan_indicators": {"plan": p000},
        "plan_implements": {"plan": p000}, "plan_links": {"plan": p001},
        "departments": {"q": "经信", "jurisdiction": "", "offset": 0, "limit": 10},
        "departments_total": {"q": "经信", "jurisdiction": ""},
        "department_lookup": {"name": "省经信委", "jurisdiction": ""},
        "department_units": {"ids": anhui_it, "role": "leads", "offset": 0, "limit": 100},
        "department_leads": {"ids": anhui_it, "offset": 0, "limit": 100},
        "department_supports": {"ids": anhui_it, "offset": 0, "limit": 100},
        "department_leads_total": {"ids": anhui_it},
        "department_order_keys": {},
        "department_leads_between": {"ids": anhui_it, "first": "", "last": "~"},
        "department_supports_between": {"ids": anhui_it, "first": "", "last": "~"},
        "department_supports_total": {"ids": anhui_it},
        "department_partners": {"ids": anhui_it, "limit": 5},
        "unit_departments": {"ids": [medical], "role": "leads"},
        "indicators": {"year": 2020, "q": "宽带", "offset": 0, "limit": 50},
        "indicators_total": {"year": 2020, "q": "宽带"},
        "plan_indicators_page": {"plan": p000, "year": 2020, "q": "宽带", "offset": 0, "limit": 50},
        "plan_indicators_page_total": {"plan": p000, "year": 2020, "q": "宽带"},
        "plans_implementing": {"doc_number": "国发〔2015〕40号"},
        "leads_by_name": {"name": "省经济和信息化委", "jurisdiction": "安徽省"},
    }


def _plans_in_turn(plan_ids: list[str]) -> bool:
    """Each plan's rows together, as the order by plan and unit gives them."""
    return plan_ids == sorted(plan_ids, key=plan_ids.index)


EXPECT = {
    "plans_total": lambda rows: rows == [{"total": 5}],
    "plan": lambda rows: rows[0]["title"] == "安徽省加快推进“互联网+”行动实施方案",
    "department_lookup": lambda rows: {r["jurisdiction"] for r in rows} == {"安徽省", "浙江省"},
    "unit_departments": lambda rows: [r["name"] for r in rows] == ["安徽省卫生和计划生育委员会"],
    "plans_implementing": lambda rows: len(rows) == 3,
    "plan_implements": lambda rows: rows[0]["doc_number"] == "国发〔2015〕40号",
    "department_leads_total": lambda rows: rows[0]["total"] >= 28,
    "department_leads": lambda rows: len(rows) >= 28 and _plans_in_turn([json.loads(r["item"])["plan"]["id"] for r in rows]),
    "department_order_keys": lambda rows: len(rows) > 500 and {r["role"] for r in rows} == {"leads", "supports"},
    # unordered (the caller sorts a page): each row its own key, so the range holds exactly the page
    "department_leads_between": lambda rows: len(rows) >= 28 and len({r["order_key"] for r in rows}) == len(rows),
    "indicators": lambda rows: "固定宽带家庭普及率" in [r["name"] for r in rows],
    "plan_indicators_page": lambda rows: "固定宽带家庭普及率" in [r["name"] for r in rows],
    "leads_by_name": lambda rows: {r["department"] for r in rows} == {"安徽省经济和信息化委员会"} and len(
        {r["plan"] for r in rows}) == 3,
    "national_documents": lambda rows: {r["doc_number"] for r in rows} == {"国发〔2015〕40号", "国发〔2017〕40号"},
}


def test_every_query_file_has_a_header():
    for name in catalog.names():
        q = catalog.load(name)
        assert q.purpose and q.params and q.returns, name


def test_every_read_query_says_what_neo4j_looks_it_up_by():
    for name in EXERCISED:
        assert catalog.load(name).index, f"{name}: no '// index:' line in its header"


def test_every_query_is_exercised_here():
    assert set(catalog.names()) == EXERCISED | CORRECTIONS


# The corrections feature's queries, run through queries/corrections.py, queries/plan_source.py and the
# RDF export by tests/test_corrections.py, tests/test_corrections_cli.py and tests/test_rdf_corrections.py.
CORRECTIONS = {
    "correction", "correction_delete", "correction_save", "corrections", "corrections_of_plans", "corrections_stale",
    "corrections_total", "plan_source", "rdf_corrections", "rdf_plan_corrections",
}


EXERCISED = {
    "counts", "plans_total", "search_documents", "all_departments", "national_documents", "plans", "plan",
    "plan_units", "plan_assignments", "plan_indicators", "plan_implements", "plan_links", "departments",
    "departments_total", "department_lookup", "department_units", "department_leads", "department_supports",
    "department_leads_total", "department_supports_total", "department_order_keys", "department_leads_between",
    "department_supports_between", "department_partners",
    "unit_departments", "indicators", "indicators_total", "plan_indicators_page", "plan_indicators_page_total", "plans_implementing", "leads_by_name",
}


@pytest.mark.parametrize("name", sorted(EXERCISED))
def test_each_query_runs_and_returns_what_its_header_says(loaded_store, graphs, name):
    params = params_for(loaded_store, graphs)[name]
    text = catalog.load(name).text
    assert set(re.findall(r"\$(\w+)", text)) == set(params), "parameters differ from the query's"
    rows = loaded_store.run(name, params)
    assert rows, f"{name} returned nothing"
    declared = {c.strip() for c in catalog.load(name).returns.split(",")}
    assert set(rows[0]) == declared
    if name in EXPECT:
        assert EXPECT[name](rows)
