"""The eval itself can disagree: minimal graphs read wrongly must score as wrong (tests/evaluation/)."""

from pathlib import Path

import pytest

from graph.model import Assignment, Department, Evidence, Indicator, Plan, PlanGraph, Unit
from tests.evaluation import departments
from tests.evaluation.cases import Case
from tests.evaluation.departments import department_fact_failures, name_errors, score_assignments
from tests.evaluation.targets import score_targets
from tests.evaluation.text import norm_name, unit_matches, units_for

EV = Evidence(source="t.txt", start=0, end=1, quote="x")


def graph(edges: list[tuple[str, str]], names: dict[str, str], indicators: list[Indicator] = ()) -> PlanGraph:
    """One unit 加快发展数字经济 with (surface, department id) edges as leads."""
    unit = Unit(id="u1", type="action", title="加快发展数字经济", path="1", parent_id=None, order=0,
                text="（一）加快发展数字经济。（牵头单位：省发改委）", evidence=EV)
    return PlanGraph(
        plan=Plan(id="p", title="t", jurisdiction="浙江省"),
        units=[unit],
        departments=[Department(id=i, name=n) for i, n in names.items()],
        assignments=[Assignment(department_id=d, unit_id="u1", role="leads", basis="stated", surface=s, evidence=EV)
                     for s, d in edges],
        indicators=list(indicators),
    )


GOLD = {"assignments": [{"unit": "发展数字经济", "leads": ["省发改委"], "supports": [], "basis": "stated"}]}


def test_names_fold_traditional_brackets_and_trailing_deng():
    assert norm_name("市人力資源社會保障局等") == "市人力资源社会保障局"
    assert norm_name("各县〔市、区〕政府") == norm_name("各县（市、区）政府") == norm_name("各县(市、区) 政府")


def test_a_unit_is_matched_by_a_piece_of_its_heading_only():
    g = graph([], {})
    assert unit_matches("发展数字经济", g.units[0])
    assert not unit_matches("发展数字农业", g.units[0])


def test_an_edge_to_another_department_is_both_missed_and_wrong():
    right = score_assignments(graph([("省发改委", "d1")], {"d1": "x"}), GOLD)
    wrong = score_assignments(graph([("省经信委", "d2")], {"d2": "x"}), GOLD)
    assert (right.precision, right.recall) == (1.0, 1.0)
    assert (wrong.precision, wrong.recall) == (0.0, 0.0)
    assert wrong.missed and wrong.wrong


def test_an_edge_read_twice_counts_once_right_once_wrong():
    twice = score_assignments(graph([("省发改委", "d1"), ("省发展改革委", "d1")], {"d1": "x"}),
                              {"assignments": [{"unit": "发展数字经济", "leads": ["省发改委", "省发展改革委"],
                                                "supports": [], "basis": "stated"}]})
    assert twice.recall == 1.0 and twice.precision == 0.5


def test_a_surface_on_a_merged_node_carries_a_wrong_name():
    # 004 is Zhejiang 2016: 省经信委 is 浙江省经济和信息化委员会 in tests/fixtures/gold_names.tsv
    merged = graph([("省经信委", "d1"), ("省发改委", "d1")], {"d1": "浙江省发展和改革委员会"})
    checked, errors = name_errors(merged, "004")
    assert checked == 2 and errors == ["省经信委 → 浙江省发展和改革委员会, expected 浙江省经济和信息化委员会"]


def test_same_department_forms_on_two_nodes_fail(monkeypatch: pytest.MonkeyPatch):
    two = graph([("省发改委", "d1"), ("省发展改革委", "d2")], {"d1": "a", "d2": "b"})
    monkeypatch.setattr(departments, "load", lambda case: two)
    notes = [{"unit": "发展数字经济", "leads": ["省发改委", "省发展改革委"], "supports": [], "basis": "stated"}]
    case = Case("x.txt", Path("x.txt"), {"same_department": [["省发改委", "省发展改革委", "省委"]],
                                         "distinct_departments": [], "assignments": notes}, False)
    # 省委 is assigned nothing in the text: no edge can show where it went, so it is not checked
    assert department_fact_failures(case, {}) == (1, ["not one node: 省发改委 = 省发展改革委"])


def indicator(name: str, value: float, unit: str, comparator: str = "=") -> Indicator:
    return Indicator(id=name, name=name, target_value=value, unit=unit, comparator=comparator, target_year=2020,
                     owner_id="p", evidence=EV)


def test_targets_are_judged_both_ways_with_comparators_apart():
    gold = {"indicators_complete": True, "indicators": [
        {"name": "电子商务交易规模", "target_value": 13000, "unit": "亿元", "comparator": ">=", "target_year": 2020}]}
    read = graph([], {}, [indicator("全省电子商务交易规模", 1.3, "万亿元", "="), indicator("示范县", 9, "个")])
    s = score_targets(read, gold)
    assert (s.recall, s.precision) == (1.0, 0.5)
    assert s.wrong == ["示范县 =9个 2020"]
    assert s.comparator == ["电子商务交易规模 >=13000亿元 2020: read ['=']"]


def test_a_section_that_lists_its_items_does_not_take_their_edges():
    section = Unit(id="s", type="action", title="改革方面2项：甲机制；乙制度", path="1", parent_id=None, order=0,
                   text="（一）改革方面2项：甲机制；乙制度。", evidence=EV)
    item = Unit(id="i", type="project", title="甲机制", path="1.1", parent_id="s", order=1,
                text="1.甲机制。（某部负责）", evidence=EV)
    later = Unit(id="k", type="project", title="创新监管模式", path="1.2", parent_id="s", order=2,
                 text="2.创新监管模式。企业从境外进口疫苗，允许查验。其他。", evidence=EV)
    assert units_for("甲机制", [section, item, later]) == {"i"}
    assert units_for("进口疫苗", [section, item, later]) == {"k"}  # the first clause after the heading
    assert units_for("其他", [section, item, later]) == set()
