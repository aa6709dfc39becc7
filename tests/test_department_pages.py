"""A department's page, as the fast path answers it, against the reference queries, on every store.

`/departments/{name}/leads` and `/supports` run one query per relationship type with the total
beside the page (department_leads, department_supports) and find the department in a dictionary
of names; `department_units` (both types, filtered by role) and `department_lookup` (a scan) are
the reference. Every department, both roles, several pages: the same items, order and totals.
"""

import pytest

from graph.embedded_dialect import LINE_BREAK, MAX_OFFSET, paged, rows_of
from graph.errors import BadRequest, NotFound
from queries import service
from queries.lookups import DepartmentNames, Lookups

PAGES = [(0, 1000), (0, 7), (7, 7), (3, 2), (10_000, 5)]


def reference(store, ids: list[str], role: str, offset: int, limit: int) -> tuple[list[dict], int]:
    rows = store.run("department_units", {"ids": ids, "role": role, "offset": offset, "limit": limit})
    everything = store.run("department_units", {"ids": ids, "role": role, "offset": 0, "limit": 1000})
    return rows, len(everything)


def test_each_role_query_gives_the_reference_items_and_totals_for_every_department(loaded_store):
    departments = loaded_store.run("all_departments")
    assert len(departments) > 100
    seen = 0
    for d in departments:
        for role in ("leads", "supports"):
            for offset, limit in PAGES:
                rows, total = reference(loaded_store, [d["id"]], role, offset, limit)
                page = service.units_of(loaded_store, [d["id"]], role, limit, offset)
                assert page["total"] == total, (d["name"], role)
                assert [(i["id"], i["plan"]["id"], i["plan"]["title"], i["basis"], i["quote"], i["locator"],
                         i["deadline"], i["department_id"]) for i in page["items"]] == [
                    (r["id"], r["plan_id"], r["plan_title"], r["basis"], r["quote"], r["locator"], r["deadline"],
                     r["department_id"]) for r in rows], (d["name"], role, offset, limit)
                seen += len(rows)
    assert seen > 500  # the pages held items, not only empty answers


def test_several_departments_at_once_share_one_order_and_total(loaded_store):
    ids = [d["id"] for d in service.find_departments(loaded_store, "省卫生计生委")]
    assert len(ids) == 2
    rows, total = reference(loaded_store, ids, "leads", 0, 1000)
    page = service.units_of(loaded_store, ids, "leads", 1000, 0)
    assert [i["id"] for i in page["items"]] == [r["id"] for r in rows] and page["total"] == total > 0


def test_a_role_that_is_neither_is_refused(loaded_store):
    with pytest.raises(BadRequest, match="role"):
        service.units_of(loaded_store, [], "owns", 10, 0)


def test_the_names_dictionary_answers_as_department_lookup_for_every_name(loaded_store):
    departments = loaded_store.run("all_departments")
    names = DepartmentNames(departments)
    surfaces = {s for d in departments for s in [d["id"], d["name"], *(d["aliases"] or [])]}
    jurisdictions = ["", *sorted({d["jurisdiction"] for d in departments if d["jurisdiction"]})[:3]]
    for surface in sorted(surfaces):
        for where in jurisdictions:
            expected = loaded_store.run("department_lookup", {"name": surface, "jurisdiction": where})
            assert names.find(surface, where) == expected, (surface, where)


def test_the_names_dictionary_follows_writes(store, graphs):
    lookups = Lookups(store)
    store.replace_plan(graphs["000"])
    if store.generation is None:
        pytest.skip("a store others may write is asked every time")
    found = lookups.find_departments("省经济和信息化委", "安徽省")
    assert [d["name"] for d in found] == ["安徽省经济和信息化委员会"]
    with pytest.raises(NotFound):
        lookups.find_departments("经贸信息委", "深圳市")
    store.replace_plan(next(g for g in graphs.values() if g.plan.jurisdiction == "深圳市"))
    assert lookups.find_departments(" 经贸信息委 ", "深圳市")[0]["jurisdiction"] == "深圳市"


def test_line_breaks_come_back_from_every_column_kind(store, graphs):
    g = max(graphs.values(), key=lambda g: sum("\n" in u.text for u in g.units))
    store.replace_plan(g)
    texts = {u.id: u.text for u in g.units}
    assert any("\n" in t for t in texts.values())
    for row in store.run("search_documents"):
        if row["type"] in ("action", "project"):
            assert row["text"] == texts[row["id"]]
            assert LINE_BREAK not in row["text"]


def test_rows_are_restored_by_column_type():
    names = ["s", "n", "l", "m", "z"]
    types = ["STRING", "INT64", "STRING[]", "STRUCT(a STRING)", "STRING"]
    data = [[f"a{LINE_BREAK}b", 3, [f"x{LINE_BREAK}y", None], {"a": f"p{LINE_BREAK}q"}, None]]
    assert rows_of(names, types, data) == [{"s": "a\nb", "n": 3, "l": ["x\ny", None], "m": {"a": "p\nq"}, "z": None}]


def test_a_page_is_run_with_literal_bounds_and_checked_numbers():
    text = "MATCH (p:Plan) RETURN p.id AS id ORDER BY id\nSKIP $offset LIMIT $limit\n"
    statement, params, skip = paged(text, {"offset": 30, "limit": 20, "q": "x"})
    assert statement.endswith("ORDER BY id\nLIMIT 50") and params == {"q": "x"} and skip == 30
    assert paged("MATCH (p:Plan) RETURN p LIMIT $limit", {"limit": 5})[0].endswith("LIMIT 5")
    assert paged("MATCH (p:Plan) RETURN p", {"id": "x"}) == ("MATCH (p:Plan) RETURN p", {"id": "x"}, 0)
    for bad in ({"offset": -1, "limit": 5}, {"offset": 0, "limit": "5; MATCH (n) DETACH DELETE n"},
                {"offset": True, "limit": 5}, {"offset": MAX_OFFSET + 1, "limit": 5}):
        with pytest.raises(BadRequest):
            paged(text, bad)


def items_after_comparing_every_page(store, answer) -> int:
    """`answer(department id, role, limit, offset)` against the page that counts, for every department, role
    and page; how many items the pages held."""
    seen = 0
    for d in store.run("all_departments"):
        for role in ("leads", "supports"):
            for offset, limit in PAGES:
                counted = service.department_units(store, d["id"], role, "", limit, offset)
                assert answer(d["id"], role, limit, offset) == counted, (d["name"], role, offset, limit)
                seen += len(counted["items"])
    return seen


def test_the_pages_with_totals_from_the_dictionary_equal_the_pages_that_count(loaded_store):
    lookups = Lookups(loaded_store)
    assert items_after_comparing_every_page(
        loaded_store, lambda i, role, limit, offset: lookups.department_units(i, role, "", limit, offset)) > 500


def test_the_totals_in_the_dictionary_follow_writes(store, graphs):
    lookups = Lookups(store)
    anhui = [g for g in graphs.values() if g.plan.jurisdiction == "安徽省"]
    store.replace_plan(anhui[0])
    first = lookups.department_units("省经济和信息化委", "leads", "安徽省", 1, 0)["total"]
    store.replace_plans(anhui[1:])
    after = lookups.department_units("省经济和信息化委", "leads", "安徽省", 1, 0)
    ids = [d["id"] for d in after["departments"]]
    assert after["total"] == store.run("department_leads_total", {"ids": ids})[0]["total"] > first > 0


class WritesBeforeThePage:
    """The store, where another request's write lands between the dictionary's totals and the page's query."""

    def __init__(self, store, graphs) -> None:
        self.store, self.pending = store, graphs

    def __getattr__(self, name):
        return getattr(self.store, name)

    def run(self, query, params=None):
        if query.startswith("department_leads") and self.pending:
            self.store.replace_plans(self.pending)
            self.pending = []
        return self.store.run(query, params)


def test_a_write_between_the_totals_and_the_page_has_the_total_counted_again(store, graphs):
    anhui = [g for g in graphs.values() if g.plan.jurisdiction == "安徽省"]
    store.replace_plan(anhui[0])
    if store.generation is None:
        pytest.skip("a store others may write is asked every time: no dictionary of totals")
    racing = WritesBeforeThePage(store, anhui[1:])
    answer = Lookups(racing).department_units("省经济和信息化委", "leads", "安徽省", 1000, 0)
    assert not racing.pending  # the write did land between the two
    assert answer["total"] == len(answer["items"]) > 0


def test_a_name_of_several_departments_pages_through_their_merged_order_from_the_dictionary(loaded_store):
    lookups = Lookups(loaded_store)
    counted = service.department_units(loaded_store, "省卫生计生委", "leads", "", 1000, 0)
    assert len(counted["departments"]) == 2 and counted["total"] >= 4
    for offset, limit in [(0, 1000), (0, 3), (3, 4), (counted["total"] - 1, 5), (counted["total"], 5)]:
        assert lookups.department_units("省卫生计生委", "leads", "", limit, offset) == service.department_units(
            loaded_store, "省卫生计生委", "leads", "", limit, offset), (offset, limit)


def test_pages_read_on_the_event_loop_equal_the_pages_that_count_once_the_dictionary_is_built(loaded_store):
    lookups = Lookups(loaded_store)
    if loaded_store.generation is None:
        assert lookups.page_when_ready("省经济和信息化委", "leads", "", 10, 0) is None
        return
    assert lookups.page_when_ready("省经济和信息化委", "leads", "", 10, 0) is None  # not built: never built here
    lookups.find_departments("省经济和信息化委")
    assert items_after_comparing_every_page(
        loaded_store, lambda i, role, limit, offset: lookups.page_when_ready(i, role, "", limit, offset)) > 500


def test_a_started_server_has_built_the_dictionary_before_its_first_request(loaded_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    app = create_app(loaded_store)
    lookups = app.state.lookups
    assert lookups.page_when_ready("省经济和信息化委", "leads", "", 10, 0) is None  # nothing built yet
    with TestClient(app):  # runs the start-up, and no request
        page = lookups.page_when_ready("省经济和信息化委", "leads", "", 10, 0)
    if loaded_store.generation is None:  # Neo4j: others may write it, so there is no dictionary to build
        assert page is None
    else:
        assert page is not None and len(page["items"]) == 10 and page["total"] >= 28


def _by_rank(items: list[dict]) -> list[tuple]:
    """Partners as the query orders them (most shared, then name), equals in an order of their own: the query
    leaves the order of equal names open."""
    return sorted((-p["shared"], p["name"], p["jurisdiction"] or "", p["id"]) for p in items)


def test_partners_from_the_dictionary_equal_the_querys_for_every_department_and_name(loaded_store):
    lookups = Lookups(loaded_store)
    departments = loaded_store.run("all_departments")
    asked = [(d["name"], d["jurisdiction"] or "") for d in departments] + [("省卫生计生委", ""), ("省经济和信息化委", "")]
    compared = 0
    for name, where in asked:
        mine = lookups.department_partners(name, where, 1000)
        theirs = service.department_partners(loaded_store, name, where, 1000)
        assert mine["departments"] == theirs["departments"], name
        assert _by_rank(mine["items"]) == _by_rank(theirs["items"]), (name, where)
        ranks = [(-p["shared"], p["name"]) for p in mine["items"]]
        assert ranks == sorted(ranks), (name, where)  # most shared first, then by name, as the query orders
        short = lookups.department_partners(name, where, 3)
        assert short["items"] == mine["items"][:3] and short["total"] == len(short["items"])
        compared += len(mine["items"])
    assert compared > 1000


def test_partners_follow_writes(store, graphs):
    anhui = [g for g in graphs.values() if g.plan.jurisdiction == "安徽省"]
    store.replace_plan(anhui[0])
    lookups = Lookups(store)
    before = lookups.department_partners("省经济和信息化委", "安徽省", 1000)["items"]
    store.replace_plans(anhui[1:])
    after = lookups.department_partners("省经济和信息化委", "安徽省", 1000)["items"]
    assert _by_rank(after) == _by_rank(service.department_partners(store, "省经济和信息化委", "安徽省", 1000)["items"])
    assert sum(p["shared"] for p in after) > sum(p["shared"] for p in before) > 0
