"""Outlines of any shape, each rule on a minimal document written for it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import DocumentError
from graph.model import Evidence, Plan, PlanGraph, Unit
from loaders.numbering import cn_number, inline_items, line_marker
from loaders.outline import holds_no_tasks, parse_outline
from loaders.pipeline import check_unique_ids
from tests.minimal_documents import read


def units(body: str) -> list[tuple[str, str]]:
    return [(u.type, u.title) for u in read(body).units]


def departments(graph, title: str) -> dict[str, list[str]]:
    unit = next(u for u in graph.units if u.title == title)
    out: dict[str, list[str]] = {"leads": [], "supports": []}
    for a in sorted(graph.assignments, key=lambda a: a.rank):
        if a.unit_id == unit.id:
            out[a.role].append(a.surface)
    return out


# -- the families ----------------------------------------------------------------------------

@pytest.mark.parametrize("line, family, number", [
    ("一、总体要求", "cn", 1), ("十二、保障措施", "cn", 12), ("（三）加强领导", "cn-paren", 3),
    ("(三)加强领导", "cn-paren", 3), ("1.推进建设", "num", 1), ("2、推进建设", "num", 2), ("3．推进建设", "num", 3),
    ("（4）完善机制", "num-paren", 4), ("(4)完善机制", "num-paren", 4), ("5)完善机制", "num-paren", 5),
    ("②建立台账", "circled", 2), ("第二章 主要任务", "chapter", 2), ("第三节 产业", "jie", 3), ("第二部分 重点任务", "part", 2),
    ("第十条 本办法自印发之日起施行。", "article", 10), ("专栏2：智慧交通工程", "box", 2),
])
def test_every_numbering_family_is_read(line, family, number):
    marker = line_marker(line)
    assert marker is not None and (marker.family, marker.number) == (family, number)


@pytest.mark.parametrize("line", ["2.5万亿元投资", "2024.1.5印发", "一二三", "第二批改革举措", "（GDP）增长"])
def test_figures_and_dates_are_not_markers(line):
    assert line_marker(line) is None


def test_chinese_numerals():
    assert [cn_number(n) for n in ("一", "十", "十二", "二十", "二十一", "一百零五", "一二")] == [1, 10, 12, 20, 21, 105, None]


def test_yi_shi_items_are_read_only_as_a_sequence_from_one():
    assert [n for _pos, n, _ in inline_items("要抓好三件事：一是建机制；二是强队伍；三是重考核。")] == [1, 2, 3]
    assert inline_items("坚持统一是前提。") == []  # 统一是: not a marker
    assert inline_items("二是强队伍。") == []  # no 一是


# -- nesting ---------------------------------------------------------------------------------

def test_a_notice_whose_top_level_is_1_has_1_as_its_first_level():
    outline = parse_outline("1.推进建设。\n（1）建平台。\n（2）建机制。\n2.完善制度。\n")
    assert [(h.level, h.title) for h in outline.headings] == [(1, "推进建设"), (2, "建平台"), (2, "建机制"),
                                                              (1, "完善制度")]


def test_a_family_met_later_nests_where_a_reader_expects_it():
    # 1. first appears directly under 一、; when （一） appears later, 1. nests under （一）
    outline = parse_outline("一、甲\n1.子一。\n二、乙\n（一）丙。\n1.子二。\n2.子三。\n")
    child = next(h for h in outline.headings if h.title == "子二")
    assert child.parent is not None and child.parent.title == "丙"
    assert next(h for h in outline.headings if h.title == "子一").parent.title == "甲"


def test_projects_numbered_across_their_actions_continue_the_sequence():
    outline = parse_outline("一、任务\n（一）甲。\n1.子一。\n2.子二。\n（二）乙。\n3.子三。\n4.子四。\n")
    assert [h.title for h in outline.headings if h.parent and h.parent.title == "乙"] == ["子三", "子四"]


def test_a_stray_number_in_prose_is_not_a_heading():
    outline = parse_outline("一、任务\n（一）甲。\n推进工作，主要有：\n3.这不是标题，前面没有1和2。\n（二）乙。\n")
    assert [h.title for h in outline.headings] == ["任务", "甲", "乙"]
    assert any("3" in s.reason for s in outline.skipped)


def test_an_excerpt_that_starts_at_2_still_reads_as_a_run():
    outline = parse_outline("一、任务\n2.子二。\n3.子三。\n")
    assert [h.title for h in outline.headings] == ["任务", "子二", "子三"]


def test_a_list_that_starts_again_gets_ids_of_its_own():
    graph = read("一、任务\n（一）甲。\n1.子一。（市财政局负责）\n2.子二。（市财政局负责）\n"
                 "续表\n1.子三。（市财政局负责）\n2.子四。（市财政局负责）\n")
    assert [u.title for u in graph.units if u.type == "project"] == ["子一", "子二", "子三", "子四"]
    assert len({u.id for u in graph.units}) == len(graph.units)


# -- which headings are tasks ----------------------------------------------------------------

def test_a_notice_whose_only_numbering_is_yi_has_its_sections_as_tasks():
    assert units("一、对成效明显的地区给予奖励。（市财政局负责）\n二、对进展快的县给予支持。（市发展改革委负责）\n") == [
        ("action", "对成效明显的地区给予奖励"), ("action", "对进展快的县给予支持")]


def test_the_second_level_holds_actions_and_the_third_projects():
    graph = read("一、重点任务\n（一）建设平台。\n1.建数据中心。\n2.建服务平台。\n")
    assert [(u.type, u.title) for u in graph.units] == [("action", "建设平台"), ("project", "建数据中心"),
                                                        ("project", "建服务平台")]
    action, project = graph.units[0], graph.units[1]
    assert project.parent_id == action.id and action.parent_id is None
    assert project.path == "一、重点任务 > （一）建设平台 > 1．建数据中心"


def test_framing_headings_hold_no_tasks():
    assert holds_no_tasks("总体要求") and holds_no_tasks("指导思想和发展目标") and holds_no_tasks("保障措施。")
    assert not holds_no_tasks("重点任务") and not holds_no_tasks("2024年经济社会发展计划目标")
    assert units("一、总体要求\n（一）指导思想。\n（二）发展目标。\n二、重点任务\n（一）建设平台。\n"
                 "三、保障措施\n（一）加强组织领导。\n") == [("action", "建设平台")]


def test_a_framing_heading_naming_departments_holds_those_tasks():
    got = units("一、重点任务\n（一）建设平台。（市工信局负责）\n二、保障措施\n（二）加强组织领导。（市发展改革委负责）\n"
                "（三）加强宣传。\n")
    assert got == [("action", "建设平台"), ("action", "加强组织领导")]


def test_notes_one_level_down_make_that_level_the_tasks():
    # 1. items carry the notes: they are the tasks (actions) of a two-level notice
    assert units("一、主要目标分解\n1.地区生产总值增长6%。（市发展改革委负责）\n2.进出口增长5%。（市商务局负责）\n") == [
        ("action", "地区生产总值增长6%"), ("action", "进出口增长5%")]


def test_levels_below_the_tasks_are_their_text():
    graph = read("一、重点任务\n（一）建设平台。\n1.建数据中心。\n（1）选址。\n（2）建设。\n")
    assert [u.title for u in graph.units] == ["建设平台", "建数据中心"]
    assert "（2）建设" in graph.units[1].text


def test_yi_shi_items_with_notes_of_their_own_are_tasks():
    graph = read("一、重点任务\n（一）加强保障。一是建机制（市发展改革委负责）；二是强队伍（市人社局负责）。\n")
    assert [u.title for u in graph.units if u.type == "project"] == ["建机制", "强队伍"]
    assert departments(graph, "强队伍")["leads"] == ["市人社局"]


def test_chapters_group_the_headings_under_them():
    got = units("第一章 主要任务\n一、产业\n（一）建设平台。\n1.建中心。\n第二章 保障\n一、组织\n（一）加强领导。\n")
    assert got == [("action", "建设平台"), ("project", "建中心"), ("action", "加强领导")]


# -- tables ----------------------------------------------------------------------------------

TABLE = "序号\t重点任务\t牵头单位\t配合单位\n1\t建设数据中心\t市工信局\t市财政局\n2\t建设服务平台\t市发展改革委\t市财政局\n"


def test_a_document_with_only_a_task_table_loads_its_rows_as_units():
    graph = read("重点任务分解表\n" + TABLE)
    assert [u.title for u in graph.units] == ["建设数据中心", "建设服务平台"]
    assert departments(graph, "建设服务平台") == {"leads": ["市发展改革委"], "supports": ["市财政局"]}


def test_table_rows_are_not_outline_units_and_belong_under_the_heading_before_the_table():
    graph = read("一、重点任务\n（一）加强统筹。\n（二）专项任务。\n" + TABLE)
    heading = next(u for u in graph.units if u.title == "专项任务")
    rows = [u for u in graph.units if u.annex]
    assert [u.title for u in rows] == ["建设数据中心", "建设服务平台"]
    assert all(u.parent_id == heading.id for u in rows)
    assert not any(u.title.startswith("1") for u in graph.units if not u.annex)


def test_two_tables_give_distinct_ids():
    graph = read("附件1\n" + TABLE + "\n附件2\n" + TABLE.replace("建设", "改造"))
    assert len(graph.units) == 4 and len({u.id for u in graph.units}) == 4


def test_a_document_with_neither_outline_nor_table_is_refused_with_the_reason():
    with pytest.raises(DocumentError, match="no plan structure"):
        read("各区县人民政府：\n现将有关事项通知如下，请认真贯彻执行。\n")


def test_units_repeating_an_id_are_a_document_error():
    ev = Evidence(source="x.txt", start=0, end=1, quote="一")
    graph = PlanGraph(plan=Plan(id="plan-1", title="t"), units=[
        Unit(id="unit-1", type="action", title="甲", path="附件 > 1", parent_id=None, order=0, evidence=ev),
        Unit(id="unit-1", type="action", title="乙", path="附件 > 1", parent_id=None, order=1, evidence=ev)])
    with pytest.raises(DocumentError, match="x.txt: two units"):
        check_unique_ids(graph, "x.txt")


def test_an_annex_holding_the_plan_itself_is_read():
    graph = read("各区县人民政府：\n现将《某某实施方案》印发给你们。\n附件：某某实施方案\n某某市人民政府\n2024年1月5日\n"
                 "某某实施方案\n一、重点任务\n（一）建设平台。（市工信局负责）\n")
    assert [u.title for u in graph.units] == ["建设平台"]


def test_an_annex_after_an_outlined_body_is_left_to_the_table_reader():
    graph = read("一、重点任务\n（一）建设平台。（市工信局负责）\n附件\n名词解释\n1.数据中心。指机房。\n2.平台。指系统。\n")
    assert [u.title for u in graph.units] == ["建设平台"]


def test_yi_shi_paragraphs_of_their_own_with_notes_are_tasks():
    graph = read("一、重点任务\n（一）加强保障。\n一是建机制。（市发展改革委负责）\n二是强队伍。（市人社局负责）\n"
                 "（二）完善制度。（市司法局负责）\n")
    assert [u.title for u in graph.units if u.type == "project"] == ["建机制", "强队伍"]
    assert departments(graph, "强队伍")["leads"] == ["市人社局"]
    assert departments(graph, "加强保障")["leads"] == []


def test_items_left_out_of_an_excerpt_leave_a_gap_the_reader_steps_over():
    outline = parse_outline("一、任务\n（一）甲。\n1.子一。\n2.子二。\n4.子四。\n（二）乙。\n1.子五。\n7.不接续。\n")
    assert [h.title for h in outline.headings] == ["任务", "甲", "子一", "子二", "子四", "乙", "子五"]


# -- any text --------------------------------------------------------------------------------

PIECES = ["一、", "二、", "三、", "（一）", "（二）", "(三)", "1.", "2、", "3．", "（1）", "2)", "①", "②", "第一章", "第二节",
          "专栏1", "一是", "二是", "三是", "总体要求", "保障措施", "附件", "\n", "。", "；", "（市财政局负责）",
          "牵头单位：市工信局\n", "序号\t任务\t牵头单位\n1\t建设\t市财政局\n", "建设平台", "x"]
outline_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outline_text)
def test_any_outline_nests_within_its_parents_and_reads_with_unique_ids(text):
    outline = parse_outline(text)
    for h in outline.headings:
        assert 0 <= h.start <= h.end <= len(text)
        if h.parent is not None:
            assert h.parent.start <= h.start and h.end <= h.parent.end and h.parent.level < h.level
    try:
        graph = read(text)
    except DocumentError as e:
        assert "no plan structure" in e.message
        return
    assert len({u.id for u in graph.units}) == len(graph.units)
    assert all(u.parent_id is None or any(p.id == u.parent_id for p in graph.units) for u in graph.units)


def test_a_note_on_a_section_does_not_fold_the_projects_below_into_text():
    got = units("一、重点任务（市发展改革委牵头）\n（一）建设平台。\n1.建数据中心。\n2.建服务平台。\n")
    assert got == [("action", "重点任务"), ("project", "建设平台"), ("project", "建数据中心"), ("project", "建服务平台")]


def test_a_table_in_an_annex_after_the_plan_belongs_to_no_heading_of_the_plan():
    graph = read("各区县人民政府：\n现将有关事项通知如下。\n附件1：某某实施方案\n一、重点任务\n（一）建设平台。（市工信局负责）\n"
                 "附件2：任务分工表\n" + TABLE + "附件3：联系人名单\n张三\n")
    rows = [u for u in graph.units if u.annex]
    assert len(rows) == 2 and all(u.parent_id is None for u in rows)


def test_a_table_of_contents_is_not_read_as_headings():
    outline = parse_outline("某某规划\n目录\n第一章 发展基础\n第二章 主要任务\n第一章 发展基础\n一、现状\n"
                            "第二章 主要任务\n一、建设平台\n（一）建中心。\n")
    assert [h.title for h in outline.headings] == ["发展基础", "现状", "主要任务", "建设平台", "建中心"]
