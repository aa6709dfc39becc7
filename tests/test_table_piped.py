"""Tables copied one cell per line with a `|` line after each cell, a run of pipes ending a row whose
leading cells are merged down from above (序号, 项目, 牵头领导 spanning rows): minimal tables written for
the test."""

import pytest

from loaders.table_layouts import find_tables
from loaders.text import normalise
from tests.test_table_layouts import read, roles

HEADER = ["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位"]


def piped(*cells: str, sep: str = "|") -> str:
    """Each cell on its line, `sep` after it; a cell given as a run of pipes is written as is."""
    out = []
    for c in cells:
        out.append(c if set(c) <= {"|", "｜"} and len(c) > 1 else f"{c}\n{sep}")
    return "\n".join(out) + "\n"


TABLE = ["一、主要预期目标", "||||",
         "1", "主要目标", "1.地区生产总值增长6%以上。", "张 三", "★市发改委、市统计局",
         "2.一般公共预算收入增长5%。", "★市财政局、市税务局", "|||",
         "3.规上工业产值增长5%左右。", "", "★市工信局、市统计局", "||",
         "4.不发生重大安全事故。", "李 四\n王 五", "★市应急管理局", "||"]


@pytest.mark.parametrize("sep", ["|", "｜"])
def test_a_piped_table_reads_each_row_with_its_marked_lead(sep):
    text = "某某市2024年重点工作目标任务分解\n" + piped(*HEADER, *TABLE, sep=sep).replace("||", sep * 2)
    tables, graph, edges = read(text)
    assert [c.role for c in tables[0].columns] == ["number", "task", "task", "person", "responsible"]
    assert [u.title for u in graph.units] == ["地区生产总值增长6%以上", "一般公共预算收入增长5%",
                                              "规上工业产值增长5%左右", "不发生重大安全事故"]
    assert roles(edges, "地区生产总值增长6%以上") == {"leads": ["市发改委"], "supports": ["市统计局"]}
    assert roles(edges, "一般公共预算收入增长5%") == {"leads": ["市财政局"], "supports": ["市税务局"]}
    assert roles(edges, "规上工业产值增长5%左右") == {"leads": ["市工信局"], "supports": ["市统计局"]}
    assert roles(edges, "不发生重大安全事故") == {"leads": ["市应急管理局"], "supports": []}


def test_rows_take_the_group_title_and_the_merged_cells_above_as_categories():
    (table,) = find_tables(normalise(piped(*HEADER, *TABLE)).text)
    assert table.rows[0].categories == ["一、主要预期目标", "主要目标"]
    assert table.rows[1].categories[0].startswith("一、主要预期目标")
    assert table.rows[3].cell("person").text == "李四、王五"


def test_a_person_column_is_never_a_department():
    _, _, edges = read(piped(*HEADER, *TABLE))
    assert not any(name in ("张三", "李四", "王五") for _, _, name, _, _ in edges)


def test_lines_with_pipes_but_no_header_are_no_table():
    assert find_tables(normalise(piped("建设学校", "市教育局", "完善制度", "||")).text) == []


def test_a_piped_table_without_numbers_with_lead_and_support_columns():
    text = piped("重点任务", "牵头单位", "配合单位",
                 "建设数据中心", "县发改委", "县财政局、县自然资源局",
                 "新建养老院", "县民政局", "", "")
    tables, graph, edges = read(text + "二、保障措施\n加强组织领导。\n")
    assert [u.title for u in graph.units] == ["建设数据中心", "新建养老院"]
    assert roles(edges, "建设数据中心") == {"leads": ["县发改委"], "supports": ["县财政局", "县自然资源局"]}
    assert roles(edges, "新建养老院") == {"leads": ["县民政局"], "supports": []}


def test_a_pipe_ending_the_cells_line_ends_the_cell_too():
    text = ("序号|\n工作任务|\n牵头单位|\n配合单位|\n"
            "1|\n建设数据中心|\n县发改委|\n县财政局|\n"
            "2|\n新建养老院|\n县民政局|\n|\n")
    tables, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["建设数据中心", "新建养老院"]
    assert roles(edges, "建设数据中心") == {"leads": ["县发改委"], "supports": ["县财政局"]}
    assert roles(edges, "新建养老院") == {"leads": ["县民政局"], "supports": []}


def test_a_group_title_alone_on_a_short_row_is_the_category_of_the_rows_below():
    text = piped("序号", "工作任务", "牵头单位", "产业发展类", "||",
                 "1", "建设数据中心", "县发改委", "民生保障类（共1项）", "||", "2", "新建养老院", "县民政局")
    tables, graph, _ = read(text)
    assert [u.title for u in graph.units] == ["建设数据中心", "新建养老院"]
    assert [r.category for r in tables[0].rows] == ["产业发展类", "民生保障类（共1项）"]
