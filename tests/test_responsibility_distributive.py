"""Notes of official writing that name several leads, a lead by mark, or supports alone; minimal examples
written for these tests (the patterns: 分别负责, ★ on the lead in a 责任单位 list, 协同单位： after a task,
a level left out after the first name, a heading naming its lead)."""

import pytest

from loaders.responsibility import find_notes, read_note


def _read(text):
    r = read_note(text)
    return None if r is None else (r.leads, r.supports, r.basis)


@pytest.mark.parametrize("text, leads", [
    ("市发改委、市统计局、市财政局分别负责", ["市发改委", "市统计局", "市财政局"]),
    ("县教育局、县卫健局各自负责", ["县教育局", "县卫健局"]),
    ("分别由省农业农村厅、省林草局负责", ["省农业农村厅", "省林草局"]),
    ("区住建局、区水务局分别牵头", ["区住建局", "区水务局"]),
    ("市发改委、市统计局按职责分别负责", ["市发改委", "市统计局"]),
])
def test_each_listed_body_leads_when_each_answers_for_its_part(text, leads):
    assert _read(text) == (leads, [], "stated")


def test_fenbie_before_a_support_verb_still_supports():
    assert _read("省发改委牵头，省财政厅、省统计局分别配合") == (["省发改委"], ["省财政厅", "省统计局"], "stated")


def test_without_fenbie_the_list_is_still_first_listed():
    assert _read("市发改委、市统计局负责")[2] == "first-listed"


@pytest.mark.parametrize("text, leads, supports", [
    ("责任单位：★区发改委、统计局", ["区发改委"], ["统计局"]),
    ("责任单位:区财政局、★税务局", ["税务局"], ["区财政局"]),
    ("责任单位：▲市商务局、市海关、市外办", ["市商务局"], ["市海关", "市外办"]),
    ("责任单位：*县工信局、县统计局", ["县工信局"], ["县统计局"]),
    ("责任单位：市科技局★、市统计局", ["市科技局"], ["市统计局"]),
])
def test_a_marked_body_in_a_list_leads_and_the_mark_is_no_part_of_its_name(text, leads, supports):
    assert _read(text) == (leads, supports, "stated")


@pytest.mark.parametrize("text", [
    "责任单位：★区发改委、统计局（★为牵头单位）",
    "责任单位：★区发改委、统计局（标★的为牵头单位）",
    "责任单位：区发改委*、统计局（加*号者为牵头单位，下同）",
])
def test_the_legend_of_the_mark_is_no_name(text):
    assert _read(text) == (["区发改委"], ["统计局"], "stated")


def test_a_legend_alone_is_no_note():
    assert read_note("★为牵头单位，下同") is None


def test_without_a_mark_the_responsible_list_is_first_listed():
    assert _read("责任单位：区发改委、统计局")[2] == "first-listed"


@pytest.mark.parametrize("text, supports", [
    ("协同单位：省直各部门和各市人民政府", ["省直各部门", "各市人民政府"]),
    ("配合单位:市财政局、市人社局等市直有关部门和各县人民政府", ["市财政局", "市人社局", "各县人民政府"]),
    ("协办单位：区城管局", ["区城管局"]),
])
def test_a_support_label_alone_names_supporting_bodies_and_no_lead(text, supports):
    assert _read(text) == ([], supports, "stated")


@pytest.mark.parametrize("text, supports", [
    ("省发改委主办，省工信委、商务厅、农委、统计局协办", ["省工信委", "商务厅", "农委", "统计局"]),
    ("市发改委牵头，市财政局、教委配合", ["市财政局", "教委"]),
])
def test_a_short_name_after_a_first_name_with_its_level_is_that_levels_body(text, supports):
    assert _read(text)[1] == supports


def test_a_short_word_with_no_level_before_it_is_no_body():
    assert read_note("农委、统计局负责") is None


@pytest.mark.parametrize("heading, lead", [
    ("（一）省审计厅牵头的工作", "省审计厅"),
    ("(二)市发改委负责的工作", "市发改委"),
    ("二、区住建局牵头的重点任务", "区住建局"),
    ("3.县教育局牵头的工作（3项）", "县教育局"),
    ("四、由市商务局牵头的工作任务（共5项）", "市商务局"),
    ("（五）省发展改革委牵头负责的主要任务", "省发展改革委"),
])
def test_a_heading_naming_its_lead_states_the_lead_of_its_tasks(heading, lead):
    text = f"{heading}\n全面加强某项工作。\n"
    notes = [n for n in find_notes(text) if n.form == "heading"]
    assert [(n.reading.leads, n.reading.basis) for n in notes] == [([lead], "stated")]


@pytest.mark.parametrize("heading", ["一、张三省长负责的工作", "（一）常务副市长负责的工作", "（二）加强审计的工作"])
def test_a_heading_naming_a_person_or_a_task_names_no_lead(heading):
    assert not [n for n in find_notes(f"{heading}\n全面加强某项工作。\n") if n.form == "heading"]


# --- where such notes land (minimal documents) ---------------------------------------------------

from tests.minimal_documents import read, staffed  # noqa: E402


def _staffed(body: str) -> dict[str, list[str]]:
    return staffed(read(body, head="某某省人民政府关于印发某某工作目标责任分解的通知\n"))


def test_heading_leads_and_support_lines_under_a_person_headed_group():
    staffed = _staffed(
        "一、张三省长负责的工作\n全面负责工作任务的落实。\n"
        "（一）省审计厅牵头的工作\n全面加强审计工作。\n协同单位：省直各部门和各市人民政府。\n"
        "（二）省编办牵头的工作\n1.深化行政管理体制改革。\n2.推进乡镇机构改革。\n协同单位：省财政厅、省人事厅等省直有关部门。\n"
    )
    assert staffed == {
        "省审计厅牵头的工作": ["L:省审计厅", "S:省直各部门", "S:各市人民政府"],
        "省编办牵头的工作": ["L:省编办"],
        "推进乡镇机构改革": ["S:省财政厅", "S:省人事厅"],
    }
