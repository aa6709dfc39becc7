"""/indicators, one plan's targets read along its OWNS edges (plan_indicators_page) against every plan's
targets read by a scan (indicators): the same targets and totals for every plan and filter, on every store."""

from queries import service


def key(item: dict) -> tuple:
    return item["target_year"] or 0, item["plan"], item["quote"], item["id"]


def test_one_plans_targets_are_every_plans_targets_of_that_plan_for_every_filter(loaded_store):
    plans = [p["id"] for p in loaded_store.run("plans", {"offset": 0, "limit": 100})]
    compared = 0
    for year in (None, 2020, 2018):
        for q in ("", "宽带", "率"):
            everything, total = service.list_indicators(loaded_store, "", year, q, 1000, 0)
            assert total == len(everything)
            for plan in plans:
                mine, mine_total = service.list_indicators(loaded_store, plan, year, q, 1000, 0)
                expected = [i for i in everything if i["plan"] == plan]
                assert sorted(mine, key=key) == sorted(expected, key=key), (plan, year, q)
                assert mine_total == len(expected)
                compared += len(mine)
    assert compared > 100


def test_a_plans_targets_come_in_page_order_and_pages_add_up(loaded_store):
    plan = max((p["id"] for p in loaded_store.run("plans", {"offset": 0, "limit": 100})),
               key=lambda p: service.list_indicators(loaded_store, p, None, "", 1, 0)[1])
    everything, total = service.list_indicators(loaded_store, plan, None, "", 1000, 0)
    assert total > 10
    years = [i["target_year"] or 0 for i in everything]
    assert years == sorted(years)
    pages = [i for offset in range(0, total, 7) for i in service.list_indicators(loaded_store, plan, None, "", 7,
                                                                                   offset)[0]]
    assert [i["id"] for i in pages] == [i["id"] for i in everything]
