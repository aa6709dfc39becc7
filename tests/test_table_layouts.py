"""Task tables in every layout, each on a minimal table written for the test."""

import pytest

from graph.model import Plan, PlanGraph
from loaders.pipeline import DocumentReader
from loaders.table_cells import cell_kind, header_role, row_number
from loaders.table_layouts import find_tables
from loaders.tables import add_table_tasks
from loaders.text import normalise


def read(text: str, parent_id: str | None = None):
    """The tables of `text` read into units; each edge as (unit title, role, name, basis, quote)."""
    source = normalise(text)
    doc = DocumentReader(source, "t.txt")
    graph = PlanGraph(plan=Plan(id="plan-t", title="t"))
    edges = []

    def add(g, unit_id, reading, jurisdiction, evidence, deadline=None):
        title = next(u.title for u in g.units if u.id == unit_id)
        for role, names in (("leads", reading.leads), ("supports", reading.supports)):
            edges.extend((title, role, name, reading.basis, evidence.quote) for name in names)

    tables = find_tables(source.text)
    for index, table in enumerate(tables):
        add_table_tasks(graph, table, index, doc, None, add, parent_id=parent_id)
    return tables, graph, edges


def roles(edges, title_piece):
    return {role: [e[2] for e in edges if title_piece in e[0] and e[1] == role] for role in ("leads", "supports")}


# -- layouts ------------------------------------------------------------------------------------


def test_tab_separated_rows_with_lead_support_and_deadline_columns():
    tables, graph, edges = read(
        "附件\n分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t建设数据中心。\t市发改委\t市财政局、市科技局\t2025年底前\n"
        "2\t开放公共数据\t市数据局\t\t长期\n"
    )
    (table,) = tables
    assert (table.title, table.annex) == ("分工表", True)
    assert [u.title for u in graph.units] == ["建设数据中心", "开放公共数据"]
    assert [u.deadline for u in graph.units] == ["2025年底前", "长期"]
    assert all(u.annex and u.type == "action" for u in graph.units)
    assert roles(edges, "建设数据中心") == {"leads": ["市发改委"], "supports": ["市财政局", "市科技局"]}
    assert roles(edges, "开放公共数据") == {"leads": ["市数据局"], "supports": []}
    quotes = {(e[1], e[4]) for e in edges if e[0] == "建设数据中心"}
    assert quotes == {("leads", "市发改委"), ("supports", "市财政局、市科技局")}
    assert {e[3] for e in edges} == {"stated"}


def test_pipe_separated_rows_with_a_person_column_and_a_responsible_column():
    _, graph, edges = read(
        "序号 | 工作任务 | 责任领导 | 责任单位 | 备注 |\n"
        "1 | 改造老旧小区120个 | 王明 | 区住建局、各街道办事处 | 已完成 |\n"
    )
    assert [u.title for u in graph.units] == ["改造老旧小区120个"]
    assert roles(edges, "老旧小区") == {"leads": ["区住建局"], "supports": ["各街道办事处"]}
    assert {e[3] for e in edges} == {"first-listed"}
    assert all("王明" not in e[2] for e in edges)
    assert edges[0][4] == "区住建局、各街道办事处"


def test_flattened_one_cell_per_line_with_category_rows_and_missing_trailing_cells():
    text = "\n\n".join([
        "重点工作任务分解表", "序号", "主要工作举措", "牵头单位", "配合单位", "责任领导",
        "一、扩大有效投资",
        "1", "推进产业园区建设，完善配套设施。", "区发展改革局", "区财政局、区自然资源局",  # no 责任领导 cell
        "2", "加快重点项目开工。", "区工业和信息化局", "各镇人民政府", "李华",
        "二、优化营商环境",
        "3", "深化政务服务改革。", "区政务服务中心", "区司法局", "李华",
    ])
    (table,) = find_tables(normalise(text).text)
    assert [r.number for r in table.rows] == ["1", "2", "3"]
    assert [r.category for r in table.rows] == ["一、扩大有效投资", "一、扩大有效投资", "二、优化营商环境"]
    _, graph, edges = read(text)
    assert [u.path for u in graph.units][0] == "重点工作任务分解表 > 一、扩大有效投资 > 1"
    assert roles(edges, "推进产业园区建设") == {"leads": ["区发展改革局"], "supports": ["区财政局", "区自然资源局"]}
    assert roles(edges, "加快重点项目开工") == {"leads": ["区工业和信息化局"], "supports": ["各镇人民政府"]}
    assert all("李华" not in e[2] for e in edges)


def test_flattened_table_without_row_numbers_reads_rows_from_the_cells_shapes():
    text = "\n".join([
        "重点工作", "主要", "任务", "工作措施", "责任单位", "备注",
        "一、加大金融支持",
        "（一）支持小微企业融资",
        "市金融办、人行市中心支行",
        "2020年底",
        "2.开展政银企对接活动。",
        "市发改委、市金融办",
        "3.落实贷款贴息政策。",
        "市财政局",
    ])
    (table,) = find_tables(normalise(text).text)
    assert [c.role for c in table.columns] == ["task", "task", "task", "responsible", "other"]
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["支持小微企业融资", "开展政银企对接活动", "落实贷款贴息政策"]
    assert roles(edges, "开展政银企对接") == {"leads": ["市发改委"], "supports": ["市金融办"]}
    assert graph.units[1].path == "任务表 > 一、加大金融支持 > 2"  # the category cell merged down
    assert {e[3] for e in edges} == {"first-listed"}


def test_a_row_whose_cell_continues_on_the_next_line_is_one_row():
    _, graph, edges = read(
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t推进智慧城市建设，\n"
        "完善城市大脑平台\t市大数据局\t市公安局\n"
        "2\t建设5G基站\t市工信局\t市通信管理办\n"
    )
    assert [u.title for u in graph.units] == ["推进智慧城市建设，完善城市大脑平台", "建设5G基站"]
    assert roles(edges, "城市大脑") == {"leads": ["市大数据局"], "supports": ["市公安局"]}


def test_row_numbers_may_skip_rows_cut_from_the_page():
    text = "\n".join(["序号", "改革举措", "指导部门", "推广范围",
                      "1", "专利保险机制", "国家知识产权局", "全国",
                      "一、科技金融（共3项）",
                      "2", "科技创新专板", "科技部、财政部", "全国",
                      "三、管理体制（共2项）",
                      "7", "仪器设备开放共享", "科技部", "全国"])
    (table,) = find_tables(normalise(text).text)
    assert [r.number for r in table.rows] == ["1", "2", "7"]


# -- headers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role, headers", [
    ("task", ["重点任务", "工作任务", "主要任务", "目标任务", "主要工作举措", "工作措施", "政策措施", "改革举措",
              "具体工作任务和要求"]),
    ("lead", ["牵头单位", "牵头部门", "主要责任单位", "牵头责任单位", "主办单位"]),
    ("responsible", ["责任单位", "责任部门", "牵头单位及配合单位"]),
    ("support", ["配合单位", "协办单位", "参与单位", "配合部门", "协同单位"]),
    ("deadline", ["完成时限", "时间节点", "完成时间", "时限要求"]),
    ("person", ["责任领导", "牵头领导", "市级牵头领导", "责任人"]),
    ("number", ["序号", "序 号"]),
    ("content", ["主要内容", "主 要 内 容"]),
])
def test_header_synonyms(role, headers):
    assert {h: header_role(h) for h in headers} == {h: role for h in headers}


@pytest.mark.parametrize("line", ["重点任务分工方案", "2024年主要工作任务分解表", "任务1", "加快推进重点任务。"])
def test_a_caption_or_a_sentence_is_not_a_header(line):
    assert header_role(line) is None


def test_a_lead_column_beside_a_responsible_column_makes_it_supports():
    _, _, edges = read("序号\t工作任务\t牵头单位\t责任单位\n1\t整治河道\t市水利局\t市生态环境局、各区政府\n")
    assert roles(edges, "整治河道") == {"leads": ["市水利局"], "supports": ["市生态环境局", "各区政府"]}
    assert {e[3] for e in edges} == {"stated"}


def test_a_responsible_column_beside_a_support_column_is_first_listed():
    _, _, edges = read("序号\t工作任务\t责任单位\t配合单位\n1\t整治河道\t市水利局、市城管局\t各区政府\n")
    assert roles(edges, "整治河道") == {"leads": ["市水利局"], "supports": ["市城管局", "各区政府"]}
    assert {e[3] for e in edges} == {"first-listed"}


def test_a_responsible_cell_that_states_its_lead_is_stated():
    _, _, edges = read("序号\t工作任务\t责任单位\n1\t整治河道\t市水利局牵头，市财政局、市城管局配合\n")
    assert roles(edges, "整治河道") == {"leads": ["市水利局"], "supports": ["市财政局", "市城管局"]}
    assert {e[3] for e in edges} == {"stated"}


def test_a_rule_noted_under_the_table_reads_the_first_listed_by_rule():
    _, _, edges = read("序号\t工作任务\t责任单位\n1\t整治河道\t市水利局、市城管局\n注：列第一位的为牵头单位。\n")
    assert {e[3] for e in edges} == {"rule"}


# -- precision ------------------------------------------------------------------------------------


def test_a_person_or_a_narrative_in_a_department_column_is_not_read():
    _, graph, edges = read(
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t整治河道\t张建国\t市财政局\n"
        "2\t修建堤坝\t按照计划推进，年底完成验收\t市水利局\n"
    )
    assert len(graph.units) == 2
    assert [e[2] for e in edges if e[1] == "leads"] == []
    assert [e[2] for e in edges] == ["市财政局", "市水利局"]


def test_names_set_apart_by_spaces_are_two_names_but_a_wrapped_name_is_one():
    _, _, edges = read("序号|工作任务|责任单位|\n1|建设学校|县教体局 各乡镇人民政府|\n2|治理草原|自治 区林草局|\n")
    assert roles(edges, "建设学校") == {"leads": ["县教体局"], "supports": ["各乡镇人民政府"]}
    assert roles(edges, "治理草原") == {"leads": ["自治区林草局"], "supports": []}


def test_text_that_mentions_headers_is_not_a_table():
    text = "序号\n各单位要明确重点任务、牵头单位和配合单位，按时限要求完成。\n二、保障措施\n"
    assert find_tables(normalise(text).text) == []


@pytest.mark.parametrize("cell, kind", [("市发改委、市财政局", "bodies"), ("王明", "person"), ("2024年6月底前", "date"),
                                        ("加快建设现代化产业体系。", "text"), ("12", "number"), ("", "empty")])
def test_cell_kinds(cell, kind):
    assert cell_kind(cell) == kind


# -- units and spans ------------------------------------------------------------------------------


def test_two_tables_have_their_own_ids_and_spans_that_end_at_their_last_row():
    text = ("一、总体要求\n"
            "附件1\n甲任务表\n序号\t工作任务\t牵头单位\n1\t任务甲\t市发改委\n"
            "附件2\n乙任务表\n序号\t工作任务\t牵头单位\n1\t任务乙\t市财政局\n")
    tables, graph, _ = read(text)
    assert [t.title for t in tables] == ["甲任务表", "乙任务表"]
    assert len({u.id for u in graph.units}) == 2
    source = normalise(text).text
    assert source[tables[0].start:tables[0].end] == "序号\t工作任务\t牵头单位\n1\t任务甲\t市发改委"
    assert graph.units[0].path == "附件 甲任务表 > 1"


def test_rows_of_a_table_inside_a_unit_are_its_projects():
    _, graph, _ = read("序号\t工作任务\t牵头单位\n1\t任务甲\t市发改委\n", parent_id="unit-parent")
    assert [(u.type, u.parent_id) for u in graph.units] == [("project", "unit-parent")]


def test_unit_evidence_quotes_the_row():
    _, graph, _ = read("序号|工作任务|牵头单位|\n1|任务甲|市发改委|\n")
    assert graph.units[0].evidence.quote == "1|任务甲|市发改委"


# -- more shapes ----------------------------------------------------------------------------------


def test_a_two_row_header_under_a_spanning_responsibility_cell():
    flattened = "\n".join(["序号", "工作任务", "责任单位", "完成时限", "牵头单位", "配合单位",
                           "1", "建设数据中心", "市发改委", "市财政局", "2025年底前"])
    tabbed = "序号\t工作任务\t责任单位\t完成时限\n牵头单位\t配合单位\n1\t建设数据中心\t市发改委\t市财政局\t2025年底前\n"
    for text in (flattened, tabbed):
        (table,) = find_tables(normalise(text).text)
        assert [c.role for c in table.columns] == ["number", "task", "lead", "support", "deadline"], text
        _, graph, edges = read(text)
        assert roles(edges, "数据中心") == {"leads": ["市发改委"], "supports": ["市财政局"]}
        assert graph.units[0].deadline == "2025年底前"


def test_the_row_number_written_on_the_task_line():
    text = "\n".join(["序号", "重点任务", "牵头单位", "配合单位",
                      "1．建设数据中心。", "市发改委", "市财政局",
                      "2．开放公共数据。", "市数据局", "市网信办"])
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["建设数据中心", "开放公共数据"]
    assert roles(edges, "开放公共数据") == {"leads": ["市数据局"], "supports": ["市网信办"]}


def test_a_task_cell_of_several_paragraphs_stays_one_cell():
    text = "\n".join(["序号", "重点任务", "牵头单位", "配合单位",
                      "1", "建设数据中心，完善机房设施。", "推进算力网络互联互通。", "市发改委", "市财政局",
                      "2", "开放公共数据。", "市数据局", "市网信办"])
    _, graph, edges = read(text)
    assert graph.units[0].title.startswith("建设数据中心")
    assert "算力网络" in graph.units[0].text
    assert roles(edges, "建设数据中心") == {"leads": ["市发改委"], "supports": ["市财政局"]}


def test_unnumbered_tab_rows_with_their_trailing_cells_dropped():
    text = "工作任务\t牵头单位\t配合单位\t完成时限\n建设数据中心\t市发改委\n开放公共数据\t市数据局\t市网信办\t年底前\n"
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["建设数据中心", "开放公共数据"]
    assert roles(edges, "建设数据中心") == {"leads": ["市发改委"], "supports": []}


@pytest.mark.parametrize("cell", ["建设数据中心", "建设数据中心，完善机房设施", "推进政务服务中心改造"])
def test_a_task_that_ends_like_a_body_is_text(cell):
    assert cell_kind(cell) == "text"


def test_row_numbers_restarting_under_each_category_give_distinct_units():
    text = "\n".join(["序号", "工作任务", "牵头单位",
                      "一、产业发展", "1", "任务甲", "市工信局", "2", "任务乙", "市发改委",
                      "二、民生保障", "1", "任务丙", "市民政局"])
    tables, graph, edges = read(text)
    assert [(r.category, r.number) for r in tables[0].rows] == [("一、产业发展", "1"), ("一、产业发展", "2"),
                                                                 ("二、民生保障", "1")]
    assert len({u.id for u in graph.units}) == 3
    assert roles(edges, "任务丙") == {"leads": ["市民政局"], "supports": []}


def test_a_markdown_table_with_its_rule_line():
    text = "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n| 1 | 任务甲 | 市工信局 | 市财政局 |\n"
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["任务甲"]
    assert roles(edges, "任务甲") == {"leads": ["市工信局"], "supports": ["市财政局"]}


def test_a_person_written_with_the_post_stays_in_the_person_column():
    text = "\n".join(["序号", "工作任务", "责任领导", "牵头单位", "配合单位",
                      "1", "任务甲", "张三（副区长）", "区工信局", "区财政局"])
    _, _, edges = read(text)
    assert roles(edges, "任务甲") == {"leads": ["区工信局"], "supports": ["区财政局"]}


def test_an_html_row_under_merged_cells_takes_them_as_its_categories():
    text = ("序号\t重点任务\t具体措施\t负责单位\t完成时限\n"
            "1\t优化营商环境\t压缩开办时间\t市场监管总局\t2019年底前\n"
            "压减审批事项\t国务院办公厅\t持续推进\n")
    tables, graph, edges = read(text)
    second = tables[0].rows[1]
    assert second.number is None and second.category == "优化营商环境"
    assert [u.title for u in graph.units] == ["压缩开办时间", "压减审批事项"]
    assert graph.units[1].deadline == "持续推进"
    assert roles(edges, "压减审批事项") == {"leads": ["国务院办公厅"], "supports": []}


def test_a_rule_the_document_states_before_the_table_holds_in_it():
    text = "各项任务中列第一位的为牵头单位，其他为配合单位。\n附件\n序号\t工作任务\t责任单位\n1\t整治河道\t市水利局、市城管局\n"
    _, _, edges = read(text)
    assert roles(edges, "整治河道") == {"leads": ["市水利局"], "supports": ["市城管局"]}
    assert {e[3] for e in edges} == {"rule"}


def test_rows_numbered_though_the_header_has_no_number_column():
    text = "\n".join(["工作任务", "牵头单位", "配合单位",
                      "1", "建设数据中心", "市发改委", "市财政局",
                      "2", "开放公共数据", "市数据局", "市网信办"])
    tables, graph, edges = read(text)
    assert [r.number for r in tables[0].rows] == ["1", "2"]
    assert roles(edges, "开放公共数据") == {"leads": ["市数据局"], "supports": ["市网信办"]}


def test_a_list_of_bodies_broken_over_two_lines_is_one_cell():
    text = "\n".join(["序号", "工作任务", "牵头单位", "配合单位", "责任领导",
                      "1", "建设数据中心", "市发改委", "市财政局、", "市商务局", "王五",
                      "2", "开放公共数据", "市数据局", "市网信办", "王五"])
    _, _, edges = read(text)
    assert roles(edges, "建设数据中心") == {"leads": ["市发改委"], "supports": ["市财政局", "市商务局"]}
    assert roles(edges, "开放公共数据") == {"leads": ["市数据局"], "supports": ["市网信办"]}


def test_a_last_cell_that_goes_on_over_a_line_break():
    text = ("序号 | 工作任务 | 责任单位 | 落实情况 |\n"
            "1 | 建设学校 | 县教体局 | 主体完工，\n"
            "正在装修。|\n"
            "2 | 新建医院 | 县卫健委 | 已开工 |\n")
    tables, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["建设学校", "新建医院"]
    assert tables[0].rows[0].cell("other").text == "主体完工，正在装修。"
    assert roles(edges, "新建医院") == {"leads": ["县卫健委"], "supports": []}


def test_columns_set_apart_by_spaces_are_read_through_the_document_as_written():
    text = ("序号  工作任务  牵头单位  配合单位\n"
            "1  建设数据中心  市发改委  市财政局、市商务局\n"
            "2  开放 公共数据  市数据局  市网信办\n")
    source = normalise(text)
    assert find_tables(source.text) == []  # the reading text has lost the spaces
    (table,) = find_tables(source.text, source=source)
    assert [r.cell("task").text for r in table.rows] == ["建设数据中心", "开放公共数据"]
    assert [r.cell("lead").text for r in table.rows] == ["市发改委", "市数据局"]
    assert source.quote(table.rows[0].cell("support").start, table.rows[0].cell("support").end) == "市财政局、市商务局"


def test_a_caption_that_reads_like_a_header_is_not_a_column():
    text = "\n".join(["重点任务", "序号", "工作任务", "牵头单位", "1", "建设数据中心", "市发改委"])
    (table,) = find_tables(normalise(text).text)
    assert [c.role for c in table.columns] == ["number", "task", "lead"]
    assert table.title == "重点任务"


@pytest.mark.parametrize("header, role", [("时间进度", "deadline"), ("计划完成时间", "deadline"), ("工作要点", "task"),
                                          ("负责单位", "responsible"), ("责任单位（部门）", "responsible"),
                                          ("牵头部门（单位）", "lead"), ("备注", "other"), ("推广范围", "other")])
def test_more_header_forms(header, role):
    assert header_role(header) == role


def test_a_category_row_without_a_numeral():
    text = "\n".join(["序号", "工作任务", "牵头单位", "配合单位",
                      "产业发展类", "1", "建设数据中心", "市发改委", "市财政局",
                      "民生保障类", "2", "新建养老院", "市民政局", "市财政局"])
    tables, graph, edges = read(text)
    assert [(r.category, r.number) for r in tables[0].rows] == [("产业发展类", "1"), ("民生保障类", "2")]
    assert roles(edges, "新建养老院") == {"leads": ["市民政局"], "supports": ["市财政局"]}


@pytest.mark.parametrize("text, value", [("3", 3), ("12.", 12), ("一", 1), ("十", 10), ("十二", 12), ("二十一", 21),
                                         ("一、", None), ("2024", None), ("建设", None)])
def test_row_numbers(text, value):
    assert row_number(text) == value


def test_rows_numbered_with_chinese_numerals():
    text = "\n".join(["序号", "工作任务", "牵头单位", "一", "建设数据中心", "市发改委", "二", "开放公共数据", "市数据局"])
    tables, graph, edges = read(text)
    assert [r.number for r in tables[0].rows] == ["一", "二"]
    assert roles(edges, "开放公共数据") == {"leads": ["市数据局"], "supports": []}
