"""Targets placed in a plan: figures of years already past are status reports, each target sits in the
unit that states it, and a table row's unit comes from the text when the table leaves it out.

The plans here are minimal ones written for the tests; only the outline's public surface is relied on.
"""

from types import SimpleNamespace

from graph.model import Evidence, Plan, PlanGraph
from loaders.metadata import Metadata
from loaders.outline import parse_outline
from loaders.pipeline import load_file, read_document
from loaders.targets import add_indicators, units_from_text
from tests.conftest import doc


class Doc:
    def __init__(self, text: str) -> None:
        self.source = SimpleNamespace(text=text)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(source="test.txt", start=start, end=end, quote=self.source.text[start:end])


def place(text: str, issued: str | None = "2016-06-01", title: str = "数字经济发展规划") -> PlanGraph:
    outline = parse_outline(text)
    graph = PlanGraph(plan=Plan(id="plan", title=title))
    unit_ids = {h.start: h.title for h in outline.headings if h.kind != "section"}  # a unit's id is its title here
    meta = Metadata(title, False, None, None, issued, None)
    add_indicators(graph, outline, unit_ids, Doc(text), meta, 0)
    return graph


STATUS_AND_GOAL = (
    "一、发展基础\n"
    "2015年，全省光纤用户达到900万户，互联网普及率为52%。\n"
    "二、发展目标\n"
    "到2020年，全省光纤用户达到1500万户，互联网普及率达到70%以上。\n"
)


def test_figures_of_a_year_past_at_issue_are_status_reports_not_targets():
    got = [(i.name, i.target_value, i.target_year) for i in place(STATUS_AND_GOAL).indicators]
    assert got == [("全省光纤用户", 1500, 2020), ("互联网普及率", 70, 2020)]


def test_without_an_issue_date_no_year_can_be_judged_past():
    assert {i.target_year for i in place(STATUS_AND_GOAL, issued=None).indicators} == {2015, 2020}


def test_a_bundled_plan_keeps_no_figure_of_a_year_before_its_issue():
    graph = load_file(doc("001"))  # issued 2017: its 2015 figures (电话用户总数达到4972万户 …) report, not promise
    issued = int(graph.plan.issued[:4])
    assert graph.indicators and all(i.target_year is None or i.target_year >= issued for i in graph.indicators)
    assert not any(i.target_value == 4972 for i in graph.indicators)


def test_a_unit_whose_heading_is_the_target_owns_it():
    text = ("一、2024年主要预期目标\n"
            "（一）地区生产总值增长6%左右。（牵头单位：市发展改革委）\n"
            "（二）城镇新增就业3.7万人。（牵头单位：市人社局）\n")
    graph = place(text, issued="2024-01-10")
    assert [(i.name, i.owner_id, i.comparator, i.target_year) for i in graph.indicators] == [
        ("地区生产总值增长", "地区生产总值增长6%左右", "~", 2024), ("城镇新增就业", "城镇新增就业3.7万人", "=", 2024)]


def test_goals_stated_under_a_goals_heading_belong_to_the_plan():
    text = ("一、总体要求\n"
            "（一）发展目标。\n"
            "到2020年，全省光纤用户达到1500万户。\n"
            "二、重点任务\n"
            "（一）建设数字乡村。\n"
            "到2020年，建成农业物联网示范点300个。\n")
    owners = {i.name: i.owner_id for i in place(text).indicators}
    assert owners == {"全省光纤用户": "plan", "建成农业物联网示范点": "建设数字乡村"}


def test_this_year_in_an_annual_plan_is_its_year_of_issue():
    text = "一、今年主要预期目标\n1.一般公共预算收入增长5%左右。\n"
    assert [i.target_year for i in place(text, issued="2023-01-19", title="政府工作报告任务分工方案").indicators] == [2023]


def test_a_table_row_without_a_unit_takes_the_unit_the_text_gives_its_figure():
    text = ("一、发展基础\n"
            "2015年，全省规模以上电子信息制造业年产值达327亿元。\n"
            "二、发展目标\n"
            "指  标\n2015年\n2020年\n"
            "电子信息制造业总产值\n327\n1000\n"
            "网站数量\n12\n30\n")
    got = {i.name: (i.target_value, i.unit, i.baseline_value) for i in place(text).indicators}
    assert got == {"电子信息制造业总产值": (1000, "亿元", 327), "网站数量": (30, "", 12)}


def test_a_unit_is_borrowed_only_from_the_same_thing():
    from loaders.indicators import Target
    row = Target("网站数量", 30, "=", "", 2020, 0, 1, baseline_value=12, baseline_year=2015, from_table=True)
    text = Target("全省培育示范企业", 12, "=", "家", 2015, 2, 3)
    units_from_text([row, text])
    assert row.unit == ""


TASK_LIST_IN_ANNEX = """某市人民政府办公室关于印发2024年重点工作任务分解方案的通知
各县（市、区）人民政府，市政府各部门：
现将《2024年重点工作任务分解方案》印发给你们，请认真贯彻落实。
某市人民政府办公室
2024年1月10日
附件
2024年重点工作任务分解方案
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t新增城镇就业2.5万人以上。\t市人社局\t各县（市、区）人民政府\t2024年12月底前
2\t新建5G基站1000个。\t市工信局\t市通信发展办\t2024年12月底前
"""


def test_a_task_list_in_an_annex_gives_its_targets_each_in_its_row():
    graph = read_document(TASK_LIST_IN_ANNEX.encode("utf-8"), "task_list.txt")
    titles = {u.id: u.title for u in graph.units}
    assert sorted((titles.get(i.owner_id), i.name, i.comparator, i.target_value, i.unit, i.target_year)
                  for i in graph.indicators) == [
        ("新增城镇就业2.5万人以上", "新增城镇就业", ">=", 2.5, "万人", 2024),
        ("新建5G基站1000个", "新建5G基站", "=", 1000, "个", 2024),
    ]


def test_a_goal_stated_in_the_text_and_again_in_the_table_is_one_target():
    text = ("一、发展目标\n"
            "到2020年，网络零售额达到2500亿元。\n"
            "指  标\n2015年\n2020年\n"
            "网络零售额（亿元）\n659\n2500\n")
    got = [(i.name, i.target_value, i.baseline_value) for i in place(text).indicators]
    assert got == [("网络零售额", 2500, 659)]


def test_one_goal_in_other_words_and_another_magnitude_is_still_one_target():
    text = ("一、发展目标\n"
            "到2020年，全省电子商务交易额达1.3万亿元。\n"
            "指  标\n2015年\n2020年\n"
            "电子商务交易规模（亿元）\n5462\n13000\n")
    got = [(i.name, i.target_value, i.unit) for i in place(text).indicators]
    assert got == [("电子商务交易规模", 13000, "亿元")]


def test_an_undated_annual_plan_takes_the_year_of_work_its_preamble_carries_out():
    text = "一、主要目标\n（一）地区生产总值增长7%左右。\n"
    graph = PlanGraph(plan=Plan(id="plan", title="关于落实重点工作责任分工的意见"))
    outline = parse_outline(text)
    meta = Metadata("关于落实重点工作责任分工的意见", False, None, None, None, None, work_year=2013)
    add_indicators(graph, outline, {h.start: h.title for h in outline.headings if h.kind != "section"}, Doc(text),
                   meta, 0)
    assert [i.target_year for i in graph.indicators] == [2013]
    assert [i.target_year for i in place(text, issued=None).indicators] == [None]  # no preamble year: none
