"""The outline rules, on the bundled plans' own headings."""

from loaders.outline import heading_title, parse_outline


def test_levels_and_titles_of_a_rule_style_plan(graphs):
    units = graphs["000"].units
    first = next(u for u in units if u.title == "“互联网+”创业创新")
    assert first.type == "action"
    assert first.path == "二、重点行动 > （一）“互联网+”创业创新"
    child = next(u for u in units if u.title == "创业创新服务专项")
    assert child.type == "project" and child.parent_id == first.id


def test_a_title_is_the_heading_up_to_its_first_full_stop():
    assert heading_title("“互联网+”制造行动。推动互联网与制造业融合发展") == "“互联网+”制造行动"
    assert heading_title("加快推进信息网络建设。") == "加快推进信息网络建设"


def test_boxes_are_projects_of_the_action_they_sit_in(graphs):
    units = graphs["002"].units
    box = next(u for u in units if u.title == "智能终端创新工程")
    parent = next(u for u in units if u.id == box.parent_id)
    assert box.type == "project" and parent.title == "推动信息消费终端产品创新升级"


def test_half_and_full_width_project_numbers():
    outline = parse_outline("一、任务\n（一）甲。\n1.需求导向，重点突破。\n2．应用引领。\n2015年，指数达到73.25。\n")
    assert [h.title for h in outline.headings] == ["任务", "甲", "需求导向，重点突破", "应用引领"]


def test_the_annex_is_left_to_the_table_reader(graphs):
    annex = [u for u in graphs["001"].units if u.annex]
    assert len(annex) == 23
    assert annex[0].path.startswith("附件 重点任务分工方案 > 1")


def test_units_carry_their_source_span_and_quote(graphs):
    unit = next(u for u in graphs["000"].units if u.title == "“互联网+”医疗行动")
    assert unit.evidence.source == "000_26f33c687fba6ed9.txt"
    assert unit.evidence.quote == "（八）“互联网+”医疗行动"


def test_framing_sections_of_a_bundled_plan_hold_no_tasks(graphs):
    titles = {u.title for u in graphs["000"].units}
    assert "总体思路" not in titles and "加强组织领导" not in titles  # 一、行动要求 / 五、组织实施
    assert "“互联网+”医疗行动" in titles


def test_notes_after_each_action_stay_with_it_and_a_note_after_projects_goes_to_their_action(graphs):
    led = {graphs["003"].unit(a.unit_id).title for a in graphs["003"].assignments if a.role == "leads"}
    assert "互联网＋制造" in led  # 003: the note follows each action's paragraphs
    g = graphs["004"]
    led = {g.unit(a.unit_id).type for a in g.assignments}
    assert led == {"action"}  # 004: one note after each block of 1．… projects
