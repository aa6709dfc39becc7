"""Corrections applied to a plan as read (graph/corrections.py), on minimal documents: every kind,
what makes one stale, and that applying them again changes nothing. Then the service on every
store: a correction survives the document being loaded again, and goes stale when its unit goes."""

import pytest

from api.department_names import resolve_name
from api.loading import Upload, load_paths
from graph.corrections import apply_corrections
from graph.errors import NotFound
from graph.model import Correction, PlanGraph
from queries import corrections, service
from queries.correction_requests import InvalidCorrection, build
from tests.minimal_documents import read, staffed

HEAD = "安徽省人民政府关于印发某某工作方案的通知\n"
CENTRE = "（一）建设数据中心。加快建设全省数据中心。（省发展改革委牵头，省财政厅、省经济和信息化委配合）\n"
BODY = ("一、重点任务\n" + CENTRE +
        "（二）推进宽带网络。到2025年，全省宽带用户达到100万户。（省通信管理局负责，省信息办配合）\n"
        "（三）发展电子商务。（省商务厅经信委牵头，省信息化办公室配合）\n")
AT = "2026-12-01T10:00:00+00:00"


@pytest.fixture(scope="module")
def plan() -> PlanGraph:
    return read(BODY, head=HEAD)


def unit_id(graph: PlanGraph, title: str) -> str:
    return next(u.id for u in graph.units if u.title == title)


def correct(graph: PlanGraph, *requests: dict) -> tuple[PlanGraph, list[Correction]]:
    """Each request made in turn against the plan as corrected so far, then all applied to `graph`."""
    made: list[Correction] = []
    for k, r in enumerate(requests):
        current, _ = apply_corrections(graph, made)
        made.append(build(None, current, {"plan_id": graph.plan.id, "by": "王芳", **r}, f"{AT[:-7]}{k}+00:00",
                          resolve_name))
    return apply_corrections(graph, made)


def test_remove_assignment_drops_the_support_and_keeps_the_note_for_the_others(plan):
    fixed, states = correct(plan, {"kind": "remove-assignment", "unit_id": unit_id(plan, "建设数据中心"),
                                   "department": "省财政厅", "role": "supports"})
    assert staffed(fixed)["建设数据中心"] == ["L:省发展改革委", "S:省经济和信息化委"]
    assert not states[0].stale and states[0].quote == "（省发展改革委牵头，省财政厅、省经济和信息化委配合）"
    assert states[0].unit_path == "一、重点任务 > （一）建设数据中心"
    assert "安徽省财政厅" not in [d.name for d in fixed.departments]  # no longer this plan's
    assert staffed(fixed.as_read) == staffed(plan)


def test_add_assignment_resolves_a_name_as_written_in_the_plans_jurisdiction(plan):
    fixed, states = correct(plan, {"kind": "add-assignment", "unit_id": unit_id(plan, "推进宽带网络"),
                                   "department": "省发改委", "role": "supports"})
    added = [a for a in fixed.assignments if a.basis == "corrected"]
    assert len(added) == 1 and added[0].surface == "省发改委" and added[0].role == "supports"
    assert added[0].correction.id == states[0].id and added[0].correction.by == "王芳"
    assert added[0].evidence == next(u for u in plan.units if u.title == "推进宽带网络").evidence
    department = next(d for d in fixed.departments if d.id == added[0].department_id)
    assert department.name == "安徽省发展和改革委员会"  # the body already leading (一), not a new one
    assert states[0].quote == "（二）推进宽带网络"


def test_add_assignment_of_a_department_picked_by_id(plan):
    finance = next(d for d in plan.departments if d.name == "安徽省财政厅")
    fixed, _ = correct(plan, {"kind": "add-assignment", "unit_id": unit_id(plan, "发展电子商务"),
                              "department": finance.id, "role": "supports"})
    assert staffed(fixed)["发展电子商务"][-1] == "S:安徽省财政厅"


def test_change_role_makes_a_support_the_lead(plan):
    fixed, _ = correct(plan, {"kind": "change-role", "unit_id": unit_id(plan, "推进宽带网络"),
                              "department": "省信息办"})
    assert staffed(fixed)["推进宽带网络"] == ["L:省通信管理局", "L:省信息办"]
    changed = next(a for a in fixed.assignments if a.surface == "省信息办")
    assert changed.basis == "corrected" and changed.correction is not None


def test_same_body_moves_the_second_names_assignments_and_keeps_its_name_as_an_alias(plan):
    fixed, _ = correct(plan, {"kind": "same-body", "department": "省信息化办公室", "other": "省信息办"})
    office = next(d for d in fixed.departments if d.name == "安徽省信息化办公室")
    assert "省信息办" in office.aliases and "安徽省信息办" not in [d.name for d in fixed.departments]
    supports = [a for a in fixed.assignments if a.department_id == office.id]
    assert {a.unit_id for a in supports} == {unit_id(plan, "推进宽带网络"), unit_id(plan, "发展电子商务")}
    moved = next(a for a in supports if a.surface == "省信息办")
    assert moved.basis == "corrected" and moved.role == "supports"


def test_split_name_makes_one_assignment_per_body(plan):
    fixed, _ = correct(plan, {"kind": "split-name", "department": "省商务厅经信委", "names": ["省商务厅", "省经信委"]})
    assert staffed(fixed)["发展电子商务"] == ["L:省商务厅", "L:省经信委", "S:省信息化办公室"]
    names = {d.name for d in fixed.departments}
    assert {"安徽省商务厅", "安徽省经济和信息化委员会"} <= names and "安徽省商务厅经信委" not in names


def test_fix_target_changes_value_unit_and_year_and_marks_it(plan):
    indicator = plan.indicators[0]
    fixed, states = correct(plan, {"kind": "fix-target", "indicator_id": indicator.id, "target_value": 120,
                                   "unit": "万个", "target_year": 2026})
    got = fixed.indicators[0]
    assert (got.target_value, got.unit, got.target_year) == (120, "万个", 2026)
    assert got.correction.id == states[0].id and states[0].quote == indicator.evidence.quote
    assert (indicator.target_value, indicator.unit) == (100, "万户")  # the reading is untouched


def test_applying_again_changes_nothing_and_the_order_made_is_kept(plan):
    requests = [{"kind": "change-role", "unit_id": unit_id(plan, "建设数据中心"), "department": "省财政厅"},
                {"kind": "remove-assignment", "unit_id": unit_id(plan, "建设数据中心"), "department": "省发展改革委"},
                {"kind": "fix-target", "indicator_id": plan.indicators[0].id, "target_value": 5}]
    once, states = correct(plan, *requests)
    twice, again = apply_corrections(once, states)
    assert twice.model_dump(exclude={"as_read"}) == once.model_dump(exclude={"as_read"}) and again == states
    reversed_input, _ = apply_corrections(plan, list(reversed(states)))
    assert reversed_input.model_dump() == once.model_dump()
    assert staffed(once)["建设数据中心"] == ["L:省财政厅", "S:省经济和信息化委"]


def test_a_correction_whose_unit_is_gone_is_stale_and_changes_nothing(plan):
    _, (made,) = correct(plan, {"kind": "remove-assignment", "unit_id": unit_id(plan, "建设数据中心"),
                                "department": "省财政厅"})
    edited = read(BODY.replace(CENTRE, ""), head=HEAD)
    fixed, (state,) = apply_corrections(edited, [made])
    assert state.stale and state.stale_reason == "unit 一、重点任务 > （一）建设数据中心 is no longer in the document"
    assert staffed(fixed) == staffed(edited)


def test_a_correction_whose_quote_changed_is_stale(plan):
    _, (made,) = correct(plan, {"kind": "remove-assignment", "unit_id": unit_id(plan, "建设数据中心"),
                                "department": "省财政厅"})
    edited = read(BODY.replace("省财政厅、省经济和信息化委配合", "省财政厅配合"), head=HEAD)
    _, (state,) = apply_corrections(edited, [made])
    assert state.stale and "（省发展改革委牵头，省财政厅、省经济和信息化委配合）" in state.stale_reason
    _, (renamed,) = correct(plan, {"kind": "same-body", "department": "省信息化办公室", "other": "省信息办"})
    without = read(BODY.replace("，省信息办配合", ""), head=HEAD)
    assert apply_corrections(without, [renamed])[1][0].stale_reason == "安徽省信息办 is no longer named in the plan"


def test_a_kind_nobody_knows_is_stale_with_the_kinds_named(plan):
    odd = Correction(id="corr-x", plan_id=plan.plan.id, kind="rename-plan", by="王芳", at=AT)
    _, (state,) = apply_corrections(plan, [odd])
    assert state.stale and "fix-target" in state.stale_reason


@pytest.mark.parametrize(("request_", "error", "words"), [
    ({"kind": "remove-assignment", "unit_id": "unit-nope", "department": "省财政厅"}, NotFound, "no unit"),
    ({"kind": "remove-assignment", "department": "省财政厅"}, InvalidCorrection, "unit_id"),
    ({"kind": "remove-assignment", "unit": "x", "unit_id": "U", "department": "省通信管理局"}, NotFound, "neither"),
    ({"kind": "add-assignment", "unit_id": "U", "department": "加快建设", "role": "leads"}, NotFound, "not read as"),
    ({"kind": "change-role", "unit_id": "U", "department": "省财政厅", "new_role": "supports"}, InvalidCorrection,
     "new_role"),
    ({"kind": "same-body", "department": "省财政厅", "other": "省财政厅"}, InvalidCorrection, "itself"),
    ({"kind": "split-name", "department": "省商务厅经信委", "names": ["省商务厅"]}, InvalidCorrection, "two names"),
    ({"kind": "fix-target", "indicator_id": "ind-nope", "target_value": 1}, NotFound, "no target"),
    ({"kind": "guess"}, InvalidCorrection, "kind"),
])
def test_a_request_that_cannot_be_made_names_what_is_wrong(plan, request_, error, words):
    request_ = {**request_, "unit_id": unit_id(plan, "建设数据中心")} if request_.get("unit_id") == "U" else request_
    with pytest.raises(error, match=words):
        build(None, plan, {"plan_id": plan.plan.id, "by": "王芳", **request_}, AT, resolve_name)


# -- the service, on every store --------------------------------------------------------------

def load(store, body: str) -> PlanGraph:
    report = load_paths(store, [Upload("plan.txt", (HEAD + body).encode("utf-8"))], keep_plans=True)
    assert not report.failed
    return report.plans[0]


def test_a_correction_survives_loading_the_document_again(store):
    graph = load(store, BODY)
    made = corrections.add_correction(store, {"plan_id": graph.plan.id, "kind": "change-role", "by": "王芳",
                                              "unit_id": unit_id(graph, "推进宽带网络"), "department": "省信息办"},
                                      resolve=resolve_name)
    leads = {d["name"]: d["basis"] for d in _unit(store, graph, "推进宽带网络")["leads"]}
    assert leads == {"安徽省通信管理局": "stated", "安徽省信息办": "corrected"}
    again = load_paths(store, [Upload("plan.txt", (HEAD + BODY).encode("utf-8"))])
    assert again.loaded == 1 and again.stale == []
    assert {d["name"]: d["basis"] for d in _unit(store, graph, "推进宽带网络")["leads"]} == leads
    assert corrections.list_corrections(store, graph.plan.id) == ([made], 1)


def test_a_correction_goes_stale_when_its_unit_leaves_the_document_and_returns_with_it(store):
    graph = load(store, BODY)
    made = corrections.add_correction(store, {"plan_id": graph.plan.id, "kind": "remove-assignment", "by": "王芳",
                                              "unit_id": unit_id(graph, "建设数据中心"), "department": "省财政厅"})
    heard = []
    report = load_paths(store, [Upload("plan.txt", (HEAD + BODY.replace(CENTRE, "")).encode("utf-8"))],
                        on_stale=heard.append)
    assert [c.id for c in report.stale] == [c.id for c in heard] == [made.id]
    (stale,), total = corrections.list_corrections(store, stale=True)
    assert total == 1 and stale.stale_reason.startswith("unit 一、重点任务 > （一）建设数据中心")
    load(store, BODY)
    assert corrections.list_corrections(store, stale=True)[1] == 0
    supports = [d["name"] for d in _unit(store, graph, "建设数据中心")["supports"]]
    assert supports == ["安徽省经济和信息化委员会"]


def test_deleting_a_correction_restores_the_reading_and_keeps_the_others(store):
    graph = load(store, BODY)
    ask = {"plan_id": graph.plan.id, "by": "王芳", "unit_id": unit_id(graph, "建设数据中心")}
    first = corrections.add_correction(store, {**ask, "kind": "remove-assignment", "department": "省财政厅"})
    corrections.add_correction(store, {**ask, "kind": "add-assignment", "department": "省通信管理局", "role": "supports"})
    assert corrections.delete_correction(store, first.id) and not corrections.delete_correction(store, first.id)
    supports = {d["name"]: d["basis"] for d in _unit(store, graph, "建设数据中心")["supports"]}
    assert supports == {"安徽省财政厅": "stated", "安徽省经济和信息化委员会": "stated", "安徽省通信管理局": "corrected"}


def test_imported_corrections_keep_who_and_when_and_wait_for_their_plan(store):
    graph = read(BODY, head=HEAD)
    _, (made,) = correct(graph, {"kind": "remove-assignment", "unit_id": unit_id(graph, "建设数据中心"),
                                 "department": "省财政厅"})
    (waiting,) = corrections.import_corrections(store, [made])
    assert waiting.stale and waiting.stale_reason == f"plan {graph.plan.id} is not loaded"
    load(store, BODY)
    (now,), _ = corrections.list_corrections(store)
    assert now == made and not now.stale  # applied when the plan came
    assert "安徽省财政厅" not in [d["name"] for d in _unit(store, graph, "建设数据中心")["supports"]]


def _unit(store, graph: PlanGraph, title: str) -> dict:
    return next(u for u in service.get_plan(store, graph.plan.id)["units"] if u["title"] == title)


def test_an_import_naming_a_body_that_cannot_be_resolved_stores_nothing(store):
    graph = load(store, BODY)
    before = service.get_plan(store, graph.plan.id)
    _, (good, unknown) = correct(graph, {"kind": "remove-assignment", "unit_id": unit_id(graph, "建设数据中心"),
                                         "department": "省财政厅"},
                                 {"kind": "add-assignment", "unit_id": unit_id(graph, "推进宽带网络"),
                                  "department": "省发改委", "role": "supports"})
    by_hand = unknown.model_copy(update={"body": {**unknown.body, "department": "某某不存在的机构名称局"}})
    with pytest.raises(NotFound):
        corrections.import_corrections(store, [good, by_hand])  # no resolver: only departments already known
    assert corrections.list_corrections(store)[1] == 0
    assert service.get_plan(store, graph.plan.id) == before
