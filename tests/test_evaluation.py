"""The eval itself can disagree: minimal graphs read wrongly must score as wrong (tests/evaluation/)."""

from pathlib import Path

import pytest

from graph.model import Assignment, Correction, Department, Evidence, Indicator, Plan, PlanGraph, Unit
from tests.evaluation import departments
from tests.evaluation.cases import Case
from tests.evaluation.corrections import corrected_gold
from tests.evaluation.departments import department_fact_failures, name_errors, score_assignments
from tests.evaluation.report import with_targets
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


# People's corrections as extra gold (python -m tests.evaluate --corrections FILE) ---------------------------

FINANCE = {"id": "d9", "name": "浙江省财政厅", "jurisdiction": "浙江省", "aliases": [], "kind": "department"}


def correction(kind: str, **body) -> Correction:
    return Correction(id=f"c-{kind}", plan_id="p", kind=kind, unit_path="1", body=body, by="张三",
                      at="2026-12-02T00:00:00+00:00")


def test_a_removed_lead_is_no_longer_expected_and_the_readers_edge_is_wrong():
    read = graph([("省发改委", "d1")], {"d1": "浙江省发展和改革委员会"})
    gold = corrected_gold(read, [correction("remove-assignment", department_id="d1", department="浙江省发展和改革委员会",
                                            surface="省发改委", role="leads")])
    s = score_assignments(read, GOLD, gold)
    assert (s.expected, s.extracted, s.correct) == (0, 1, 0)
    assert s.wrong == ["加快发展数字经济 · leads · 省发改委 (a correction denies it)"]


def test_an_added_support_is_expected_and_missed_until_read():
    read = graph([("省发改委", "d1")], {"d1": "x"})
    gold = corrected_gold(read, [correction("add-assignment", department=FINANCE, surface="省财政厅", role="supports")])
    s = score_assignments(read, GOLD, gold)
    assert (s.found, s.expected, s.precision) == (1, 2, 1.0)
    assert s.missed == ["加快发展数字经济 · supports · 省财政厅 (correction c-add-assignment)"]


def test_a_changed_role_expects_the_new_role_and_denies_the_old():
    read = graph([("省发改委", "d1")], {"d1": "x"})
    gold = corrected_gold(read, [correction("change-role", department_id="d1", department="x", surface="省发改委",
                                            role="leads", new_role="supports")])
    s = score_assignments(read, GOLD, gold)
    assert (s.found, s.expected, s.correct, s.extracted) == (0, 1, 0, 1)
    assert s.missed == ["加快发展数字经济 · supports · 省发改委 (correction c-change-role)"]


def test_a_fixed_target_replaces_the_gold_target_of_its_name_and_year():
    read = graph([], {}, [indicator("示范县", 9, "个")])
    fixed = Correction(id="c-t", plan_id="p", kind="fix-target", quote="x", body={"indicator": "示范县", "target_value": 12},
                       by="张三", at="2026-12-02T00:00:00+00:00")
    gold = {"indicators_complete": True, "indicators": [
        {"name": "示范县", "target_value": 9, "unit": "个", "comparator": "=", "target_year": 2020}]}
    s = score_targets(read, with_targets(gold, corrected_gold(read, [fixed])))
    assert (s.found, s.expected, s.precision) == (0, 1, 0.0)
    assert s.missed == ["示范县 12个 2020"]


def test_a_correction_to_a_unit_the_reading_lacks_is_stale_not_gold():
    read = graph([("省发改委", "d1")], {"d1": "x"})
    lost = correction("add-assignment", department=FINANCE, surface="省财政厅", role="supports")
    gold = corrected_gold(read, [lost.model_copy(update={"unit_path": "9"})])
    assert not gold.used and gold.stale == ["c-add-assignment add-assignment: unit 9 is no longer in the document"]
    assert score_assignments(read, GOLD, gold).expected == 1


def test_the_eval_reads_a_corrections_file_and_counts_what_it_used(tmp_path, capsys):
    from graph.correction_file import write
    from tests.evaluate import main
    from tests.evaluation.cases import bundled_cases, load

    case = next(c for c in bundled_cases() if c.key == "003")
    read = load(case)
    edge = read.assignments[0]
    unit = read.unit(edge.unit_id)
    path = tmp_path / "corrections.jsonl"
    write(path, [
        Correction(id="c1", plan_id=read.plan.id, kind="remove-assignment", unit_path=unit.path,
                   quote=edge.evidence.quote, body={"department_id": edge.department_id, "surface": edge.surface,
                                                    "role": edge.role}, by="张三", at="2026-12-02T00:00:00+00:00"),
        Correction(id="c2", plan_id="plan-elsewhere", kind="add-assignment", unit_path="一、", body={},
                   by="张三", at="2026-12-02T00:00:00+00:00"),
    ])
    assert main(["--set", "devset", "--corrections", str(path)]) == 1  # 003 now reads one edge a person denies
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith(case.name))
    assert float(row.split()[2]) < 1.0 and "BELOW THRESHOLD: leads/supports P or R below 1.0" in out
    assert (f"Corrections ({path}): 2 read; 1 used as gold in 1 documents (1 remove-assignment);"
            " 1 matched no document of the sets; 0 stale") in out
    assert "no document: c2 add-assignment plan plan-elsewhere" in out


def test_the_eval_names_a_bad_corrections_file_in_one_line(tmp_path, capsys):
    from tests.evaluate import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "c1", "plan_id": "p", "kind": "guess", "by": "x", "at": "2026-12-02"}\n', encoding="utf-8")
    assert main(["--corrections", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"error: {bad} line 1: unknown kind 'guess'; use one of remove-assignment, add-assignment," \
                  " change-role, same-body, split-name, fix-target"


def test_corrections_made_through_the_service_and_exported_are_gold(tmp_path):
    """The file `policykg corrections export` writes, with the bodies the service keeps."""
    from api.department_names import resolve_name
    from api.loading import load_paths
    from api.stores import open_store
    from graph.correction_file import read as read_file
    from graph.correction_file import write
    from queries import corrections
    from tests.evaluation.cases import bundled_cases, load
    from tests.evaluation.corrections import CorrectionBook
    from tests.evaluation.report import evaluate_case

    case = next(c for c in bundled_cases() if c.key == "003")
    read = load(case)
    support = next(a for a in read.assignments if a.role == "supports")
    bare = next(u for u in read.units if u.id != support.unit_id and any(a.unit_id == u.id for a in read.assignments))
    store = open_store(str(tmp_path / "s"))
    assert load_paths(store, [case.doc]).loaded == 1
    for request in ({"kind": "change-role", "unit_id": support.unit_id, "department": support.department_id,
                     "role": "supports"},
                    {"kind": "add-assignment", "unit_id": bare.id, "department": "省财政厅", "role": "supports"}):
        corrections.add_correction(store, {"plan_id": read.plan.id, "by": "张三", **request}, resolve=resolve_name)
    write(tmp_path / "c.jsonl", corrections.list_corrections(store)[0])
    store.close()

    book = CorrectionBook(read_file(tmp_path / "c.jsonl"))
    r = evaluate_case(case, {}, book)
    ids = {c.kind: c.id for c in book.corrections}
    assert sorted(r.assignments.missed) == sorted([
        f"{read.unit(support.unit_id).title[:30]} · leads · {support.surface} (correction {ids['change-role']})",
        f"{bare.title[:30]} · supports · 省财政厅 (correction {ids['add-assignment']})"])
    assert f"{read.unit(support.unit_id).title[:30]} · supports · {support.surface} (a correction denies it)" \
        in r.assignments.wrong
    assert book.unmatched() == [] and len(book.gold[case.name].used) == 2
