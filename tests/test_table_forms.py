"""Forms of published task tables met in fresh documents, each on a minimal table written for the test:
source and remarks columns, goal / indicator / project headers, names one per line in a cell, task
sentences that end like a body's name, wrapped and repeated headers, numbering restarting per group."""

import pytest

from loaders.pipeline import DocumentReader
from loaders.table_cells import cell_kind, header_role
from loaders.table_layouts import find_tables
from loaders.tables import run_on_tables, table_warnings
from loaders.text import normalise
from tests.test_table_layouts import read, roles


def flat(*cells: str, gap: str = "\n\n") -> str:
    """A table flattened one cell per line, as a page's table copied as text (blank line between cells)."""
    return gap.join(cells)


# -- 1. a column saying where a task comes from, or remarks, is never the task nor a body ------------------


@pytest.mark.parametrize("header", ["任务来源", "文件依据", "政策依据", "依据文件", "来源", "资金来源", "备注", "备 注",
                                    "说明", "任务出处"])
def test_source_basis_and_remarks_headers_are_other(header):
    assert header_role(header) == "other"


@pytest.mark.parametrize("source_header, source", [("任务来源", "皖政〔2022〕9号文件"), ("政策依据", "国发〔2021〕7号"),
                                                   ("文件依据", "《政府工作报告》"), ("备注", "省政府督办事项")])
def test_a_trailing_source_column_is_not_the_task(source_header, source):
    text = flat("序号", "重点工作", "牵头责任单位", "协同责任单位", source_header,
                "一、市长负责事项（共2项）",
                "1", "扩大有效投资，推进重大项目建设。", "市发展改革委", "市财政局、市自然资源局", source,
                "2", "优化营商环境。", "市数据资源局", "市政府各部门、各直属机构", source)
    tables, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["扩大有效投资，推进重大项目建设", "优化营商环境"]
    assert roles(edges, "扩大有效投资") == {"leads": ["市发展改革委"], "supports": ["市财政局", "市自然资源局"]}
    assert roles(edges, "优化营商环境") == {"leads": ["市数据资源局"], "supports": ["市政府各部门、各直属机构"]}
    assert all(source not in e[0] and source not in e[2] for e in edges)


def test_a_source_column_in_a_tab_separated_table():
    text = ("序号\t工作任务\t牵头单位\t配合单位\t文件依据\n"
            "1\t开展营商环境评价\t省发展改革委\t省市场监管局\t粤府〔2021〕22号\n")
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["开展营商环境评价"]
    assert roles(edges, "营商环境") == {"leads": ["省发展改革委"], "supports": ["省市场监管局"]}


# -- 2. headers naming what is to be done or achieved -------------------------------------------------


@pytest.mark.parametrize("family, headers", [
    ("goals", ["预期目标", "2022年预期目标", "2023年度预期目标", "2021-2025年目标", "主要目标", "年度目标", "发展目标"]),
    ("indicators", ["主要指标", "指标", "指标名称", "约束性指标"]),
    ("projects", ["民生实事", "实事项目", "重点民生实事", "民生实事项目", "项目名称", "建设项目", "重点项目"]),
    ("works", ["重点工作", "年度重点工作", "目标任务", "重点工作任务", "具体措施", "工作事项"]),
])
def test_headers_naming_what_is_to_be_done_or_achieved_are_task_columns(family, headers):
    assert {h: header_role(h) for h in headers} == dict.fromkeys(headers, "task")


@pytest.mark.parametrize("header", ["主要内容", "建设内容", "工作目标", "建设规模及内容", "目标要求"])
def test_narrative_headers_are_content(header):
    assert header_role(header) == "content"


@pytest.mark.parametrize("header, role", [("2025年目标值", "other"), ("指标属性", "other"), ("单位", "other"),
                                          ("总投资（亿元）", "other"), ("项目业主单位", "other"),
                                          ("承担单位", "responsible"), ("牵头部门（单位）", "lead")])
def test_values_units_and_owners_are_not_tasks(header, role):
    assert header_role(header) == role


@pytest.mark.parametrize("line", ["一、扩大有效投资", "重点项目建设", "扩大有效投资", "2022年", "（二）民生实事",
                                  "王五副市长负责事项（共2项）", "王五副市长负责事项", "民生实事（共10项）"])
def test_a_category_row_is_not_a_header(line):
    assert header_role(line) is None


@pytest.mark.parametrize("task_header", ["2023年预期目标", "主要指标", "民生实事", "实事项目"])
def test_a_goal_or_project_table_is_read(task_header):
    text = flat("附件1", "经济社会发展预期目标分解表", "序号", task_header, "责任单位",
                "1", "地区生产总值增长6%左右", "县发展改革局",
                "2", "城镇新增就业3000人", "县人力资源社会保障局、县总工会")
    tables, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["地区生产总值增长6%左右", "城镇新增就业3000人"]
    assert roles(edges, "地区生产总值") == {"leads": ["县发展改革局"], "supports": []}
    assert roles(edges, "城镇新增就业") == {"leads": ["县人力资源社会保障局"], "supports": ["县总工会"]}
    assert {e[3] for e in edges} == {"first-listed"}


# -- 3. several bodies one per line inside one cell -------------------------------------------------------


def test_names_one_per_line_in_a_responsible_cell_are_one_list():
    text = flat("序号", "民生实事", "责任单位", "完成时限",
                "1", "启动建设滨河公园。", "区水务局", "区住建局", "区城管执法局", "12月底前",
                "2", "新建人行天桥2座。", "区住建局", "9月投入使用",
                "3", "改造老旧小区15个。", "区住建局", "各街道办事处", "年底前")
    tables, graph, edges = read(text)
    assert [r.number for r in tables[0].rows] == ["1", "2", "3"]
    assert roles(edges, "滨河公园") == {"leads": ["区水务局"], "supports": ["区住建局", "区城管执法局"]}
    assert roles(edges, "人行天桥") == {"leads": ["区住建局"], "supports": []}
    assert roles(edges, "老旧小区") == {"leads": ["区住建局"], "supports": ["各街道办事处"]}
    assert [u.deadline for u in graph.units] == ["12月底前", "9月投入使用", "年底前"]
    quote = next(e[4] for e in edges if "滨河公园" in e[0])
    assert quote.startswith("区水务局") and quote.endswith("区城管执法局")  # the quote spans every line


def test_support_names_one_per_line_beside_a_lead_column():
    text = flat("序号", "工作任务", "牵头单位", "配合单位",
                "1", "推进智慧城市建设。", "市大数据局", "市发展改革委", "市财政局", "市公安局",
                "2", "完善养老服务体系。", "市民政局", "市卫生健康委")
    _, _, edges = read(text)
    assert roles(edges, "智慧城市") == {"leads": ["市大数据局"], "supports": ["市发展改革委", "市财政局", "市公安局"]}
    assert roles(edges, "养老服务") == {"leads": ["市民政局"], "supports": ["市卫生健康委"]}


def test_a_name_line_glued_under_another_in_a_table_spaced_by_blank_lines_is_the_same_cell():
    """Cells set apart by blank lines, names within a cell by bare line breaks: two leads, one support."""
    text = "\n\n".join(["序号", "工作任务", "牵头单位", "配合单位",
                        "1", "建设产业园区。", "县发展改革局\n县经济信息化局", "县财政局",
                        "2", "开放公共数据。", "县数据局", "县网信办"])
    _, _, edges = read(text)
    assert roles(edges, "产业园区") == {"leads": ["县发展改革局", "县经济信息化局"], "supports": ["县财政局"]}
    assert roles(edges, "公共数据") == {"leads": ["县数据局"], "supports": ["县网信办"]}


def test_names_one_per_line_in_a_table_without_row_numbers():
    text = flat("工作任务", "责任单位", "完成时限",
                "建设数据中心机房。", "州大数据局", "州发展改革委", "州财政局", "2024年底",
                "开放公共数据。", "州数据局", "长期")
    _, _, edges = read(text)
    assert roles(edges, "数据中心") == {"leads": ["州大数据局"], "supports": ["州发展改革委", "州财政局"]}
    assert roles(edges, "公共数据") == {"leads": ["州数据局"], "supports": []}


def test_a_second_task_merged_down_under_a_row_neither_ends_the_table_nor_takes_its_bodies():
    text = flat("序号", "民生实事", "责任单位", "完成时限",
                "1", "开工建设县老年养护楼。", "县民政局", "5月底前动工", "开工建设老年大学。", "12月底前",
                "2", "迁建县政务服务中心。", "县政务服务中心", "县代建中心", "12月底前")
    tables, graph, edges = read(text)
    assert [r.number for r in tables[0].rows] == ["1", "2"]
    assert not any("老年大学" in e[0] for e in edges)
    assert roles(edges, "政务服务中心") == {"leads": ["县政务服务中心"], "supports": ["县代建中心"]}


def test_names_one_per_line_in_a_tab_separated_cell():
    text = "序号\t工作任务\t责任单位\t完成时限\n1\t建设数据中心\t市发改委\n市财政局\t2025年底前\n2\t开放数据\t市数据局\t长期\n"
    _, _, edges = read(text)
    assert roles(edges, "数据中心") == {"leads": ["市发改委"], "supports": ["市财政局"]}
    assert roles(edges, "开放数据") == {"leads": ["市数据局"], "supports": []}


# -- 4. a task sentence that ends like a body's name --------------------------------------------------------


@pytest.mark.parametrize("cell", ["建成县残疾人综合服务中心。", "迁建县政务服务中心。", "新建乡镇综合文化站。",
                                  "改扩建市图书馆", "建成区级养老服务中心3个。", "完成市第一人民医院门诊楼改造。"])
def test_a_task_sentence_is_text_whatever_it_ends_with(cell):
    assert cell_kind(cell) == "text"


@pytest.mark.parametrize("cell", ["县政务服务中心", "县残疾人综合服务中心", "县疾病预防控制中心", "县代建中心",
                                  "市第一人民医院", "区政务服务中心、区代建中心", "组织部", "建设局", "组织部、宣传部",
                                  "市投资促进局。", "县旧城改造办公室。", "市委全面深化改革委员会办公室。"])
def test_a_bodys_name_is_bodies(cell):
    assert cell_kind(cell) == "bodies"


def test_a_task_ending_in_zhongxin_keeps_the_table_going():
    text = flat("序号", "民生实事", "责任单位", "完成时限",
                "1", "建成县残疾人综合服务中心。", "县残联", "5月底前动工",
                "2", "新建乡镇综合文化站5个。", "县文化旅游局", "12月底前")
    tables, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["建成县残疾人综合服务中心", "新建乡镇综合文化站5个"]
    assert roles(edges, "残疾人") == {"leads": ["县残联"], "supports": []}
    assert roles(edges, "文化站") == {"leads": ["县文化旅游局"], "supports": []}


# -- 6. wrapped headers, headers repeated on each page, numbering restarting per group ---------------------


@pytest.mark.parametrize("header_lines", [["序号", "重点", "工作", "牵头", "单位", "配合", "单位"],
                                          ["序号", "重点工作", "牵头", "责任", "单位", "配合单位"],
                                          ["序号", "2022年", "预期目标", "牵头单位", "配合单位"],
                                          ["序号", "2022年预期", "目标", "牵头责任", "单位", "协同责任", "单位"]])
def test_a_header_cell_wrapped_over_lines(header_lines):
    text = flat(*header_lines, "1", "建设数据中心。", "市发改委", "市财政局")
    tables, _, edges = read(text)
    assert [c.role for c in tables[0].columns] == ["number", "task", "lead", "support"]
    assert roles(edges, "数据中心") == {"leads": ["市发改委"], "supports": ["市财政局"]}


def test_a_tab_separated_header_wrapped_cell_under_cell():
    text = "序号\t重点\t牵头\t完成\n\t任务\t单位\t时限\n1\t建设数据中心\t市发改委\t2025年底前\n"
    tables, graph, edges = read(text)
    assert [c.header for c in tables[0].columns] == ["序号", "重点任务", "牵头单位", "完成时限"]
    assert graph.units[0].deadline == "2025年底前"
    assert roles(edges, "数据中心") == {"leads": ["市发改委"], "supports": []}


def test_the_header_repeated_at_the_top_of_a_page_is_not_a_row():
    flattened = flat("序号", "重点工作", "牵头单位", "配合单位",
                     "1", "建设数据中心。", "市发改委", "市财政局",
                     "序号", "重点工作", "牵头", "单位", "配合单位",
                     "2", "开放公共数据。", "市数据局", "市网信办")
    tabbed = ("序号\t重点工作\t牵头单位\t配合单位\n1\t建设数据中心\t市发改委\t市财政局\n"
              "序号\t重点工作\t牵头单位\t配合单位\n2\t开放公共数据\t市数据局\t市网信办\n")
    for text in (flattened, tabbed):
        tables, graph, edges = read(text)
        assert len(tables) == 1 and [r.number for r in tables[0].rows] == ["1", "2"]
        assert roles(edges, "公共数据") == {"leads": ["市数据局"], "supports": ["市网信办"]}
        assert not any("序号" in u.title or "重点工作" == u.title for u in graph.units)


def test_numbering_restarting_under_each_person_headed_group():
    text = flat("序号", "重点工作", "牵头责任单位", "协同责任单位", "任务来源",
                "一、张三市长负责事项（共2项）",
                "1", "扩大有效投资。", "市发展改革委", "市财政局", "省政府工作报告",
                "2", "稳定工业增长。", "市经信局", "市统计局", "省政府工作报告",
                "二、李四副市长负责事项（共1项）",
                "1", "推进乡村振兴。", "市农业农村局", "市财政局", "省政府工作报告")
    tables, graph, edges = read(text)
    assert [(r.category, r.number) for r in tables[0].rows] == [
        ("一、张三市长负责事项（共2项）", "1"), ("一、张三市长负责事项（共2项）", "2"), ("二、李四副市长负责事项（共1项）", "1")]
    assert len({u.id for u in graph.units}) == 3
    assert roles(edges, "乡村振兴") == {"leads": ["市农业农村局"], "supports": ["市财政局"]}
    assert not any("张三" in e[2] or "李四" in e[2] for e in edges)


def test_find_tables_keeps_a_goal_tables_rows_apart_from_the_text_after_it():
    text = flat("序号", "预期目标", "责任单位", "1", "一般公共预算收入增长5%左右", "区财政局",
                "2", "区级税收增长6%左右", "区税务局") + "\n\n区政府办公室将定期跟踪督办，并将完成情况纳入年度考核。\n"
    (table,) = find_tables(normalise(text).text)
    assert [r.task.text for r in table.rows] == ["一般公共预算收入增长5%左右", "区级税收增长6%左右"]


# -- 5. a table dumped with no cell separators: found, named, not read -----------------------------------


@pytest.mark.parametrize("dump", [
    "民生实事项目分解表序号项目名称主要内容分管领导牵头单位配合单位1新建公园建成公园3个。王明住建局各街道2…",
    "重点工作清单 序号重点任务责任单位完成时限1建设数据中心市发改委年底前",
])
def test_a_table_whose_cells_run_together_is_found_and_not_read(dump):
    (run,) = run_on_tables(dump)
    assert run.headers[0] == "序号" and len(run.headers) >= 3
    assert dump[run.start:run.end] == "".join(run.headers)
    assert find_tables(normalise(dump).text) == []


@pytest.mark.parametrize("text", ["序号\t重点任务\t责任单位\n1\t建设数据中心\t市发改委\n",
                                  "按序号逐项落实重点任务，责任单位要加强协调。"])
def test_a_delimited_table_or_prose_is_not_run_together(text):
    assert run_on_tables(text) == []


def test_warnings_name_the_lines_not_read_and_the_run_together_table():
    text = flat("序号", "民生实事", "责任单位", "完成时限",
                "1", "开工建设县老年养护楼。", "县民政局", "5月底前动工", "开工建设老年大学。", "12月底前",
                "2", "迁建县政务服务中心。", "县政务服务中心", "12月底前")
    text += "\n\n附表序号项目名称主要内容牵头单位配合单位1新建公园建成公园3个。住建局各街道\n"
    source = normalise(text)
    doc = DocumentReader(source, "t.txt")
    tables = find_tables(source.text)
    warnings = table_warnings(tables, source.text, doc)
    assert [w.kind for w in warnings] == ["table-lines-unread", "table-run-together"]
    assert warnings[0].evidence.quote.startswith("开工建设老年大学。") and warnings[0].evidence.quote.endswith("12月底前")
    assert "序号 | 项目名称 | 主要内容 | 牵头单位 | 配合单位" in warnings[1].message


# -- indicator tables: the indicator is the task, the goal column's figure its value -------------------------


@pytest.mark.parametrize("text", [
    flat("序号", "指标", "单位", "2022年目标", "责任单位",
         "1", "城镇新增就业", "万人", "1.2万人", "市人社局、市财政局"),
    "序号\t主要指标\t2021年完成\t2022年预期目标\t牵头单位\t配合单位\n1\t城镇新增就业\t1.1万人\t1.2万人\t市人社局\t市财政局\n",
])
def test_an_indicator_with_its_goal_figure_is_one_task(text):
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["城镇新增就业1.2万人"]
    assert roles(edges, "城镇新增就业") == {"leads": ["市人社局"], "supports": ["市财政局"]}


def test_a_projects_owner_is_not_the_responsible_body():
    text = "序号\t项目名称\t建设内容\t总投资（亿元）\t项目业主\t责任单位\n1\t城东污水处理厂\t新建污水处理厂\t3.2\t市水务集团\t市住建局\n"
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["城东污水处理厂"]
    assert roles(edges, "污水处理厂") == {"leads": ["市住建局"], "supports": []}


@pytest.mark.parametrize("text", [
    ("序号\t重点工作\t牵头单位\t配合单位\n一、扩大内需\n1\t扩大有效投资\t市发展改革委\t市财政局\n"
     "2\t促进消费\t市商务局\t市财政局\n二、乡村振兴\n1\t推进乡村振兴\t市农业农村局\t市财政局\n"),
    flat("序号", "重点工作", "牵头单位", "配合单位", "王五副市长负责事项（共2项）",
         "1", "扩大有效投资。", "市发展改革委", "市财政局", "2", "促进消费。", "市商务局", "市财政局",
         "赵六副市长负责事项（共1项）", "1", "推进乡村振兴。", "市农业农村局", "市财政局"),
])
def test_numbering_restarting_per_group_in_other_layouts(text):
    tables, graph, edges = read(text)
    assert [r.number for r in tables[0].rows] == ["1", "2", "1"]
    assert len({u.id for u in graph.units}) == 3
    assert roles(edges, "乡村振兴") == {"leads": ["市农业农村局"], "supports": ["市财政局"]}
    assert not any("王五" in e[2] or "赵六" in e[2] for e in edges)


@pytest.mark.parametrize("cell", ["建成县残疾人综合服务中心。", "迁建县政务服务中心", "新建乡镇综合文化站5个。"])
def test_a_task_sentence_in_a_department_column_is_not_read_as_a_body(cell):
    text = f"序号\t工作任务\t备注\t责任单位\n1\t推进公共服务设施建设\t—\t{cell}\n"
    _, graph, edges = read(text)
    assert [u.title for u in graph.units] == ["推进公共服务设施建设"]
    assert edges == []
