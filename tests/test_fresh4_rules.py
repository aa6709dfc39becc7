"""Reading rules of official documents written after the fresh4 check set's first measure: sentences
of our own, each with cases where the rule must not fire."""

import pytest

from loaders.names import bodies, split_names
from loaders.responsibility import read_note

# --- 各 distributes over a 、 list of level words; the head closing the list is every item's -----------

@pytest.mark.parametrize("text, names", [
    ("各乡、镇人民政府", ["各乡、镇人民政府"]),
    ("县发改局，各乡、镇政府", ["县发改局", "各乡、镇政府"]),
    ("各县、区管委会", ["各县、区管委会"]),
    ("各乡、镇、街道办事处", ["各乡、镇、街道办事处"]),
    ("各市（县）、区政府", ["各市（县）、区政府"]),  # the older rule, unchanged
])
def test_level_words_share_the_head(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("text, names", [
    ("乡、镇人民政府", ["乡", "镇人民政府"]),  # no 各: nothing distributes
    ("各乡镇人民政府、市直各部门", ["各乡镇人民政府", "市直各部门"]),
    ("各乡、镇街道办事处", ["各乡", "镇街道办事处"]),  # no level's head
    ("各乡、镇", ["各乡", "镇"]),  # no head at all
])
def test_level_words_without_a_shared_head(text, names):
    assert split_names(text) == names


def test_group_read_whole_in_a_label():
    reading = read_note("牵头单位：县财政局；责任单位：县税务局，各乡、镇人民政府")
    assert reading.leads == ["县财政局"]
    assert reading.supports == ["县税务局", "各乡、镇人民政府"]


# --- two areas named before one head (X、Y管理区) -------------------------------------------------

def test_area_named_before_a_shared_head_is_kept_as_written():
    assert bodies("县农业局，东湖、西山管理区", places=True) == ["县农业局", "东湖", "西山管理区"]
    reading = read_note("牵头单位：县农业局；责任单位：青山、白水开发区")
    assert reading.supports == ["青山", "白水开发区"]


@pytest.mark.parametrize("text", [
    "县农业局，东湖，西山管理区",  # a comma: no shared head
    "加强管理、西山管理区",  # a clause, not a name
    "县农业局，东湖、西山中学",  # no area's head to share
])
def test_no_shared_area_head(text):
    assert bodies(text, places=True) is None


# --- 由X、Y，Z负责落实: 由 opens the whole list, the verb closes it --------------------------------------

def test_by_list_then_duty_verb():
    reading = read_note("由县教育局、卫健局，各乡镇人民政府负责落实")
    assert reading.leads == ["县教育局"]
    assert reading.supports == ["卫健局", "各乡镇人民政府"]
    assert reading.basis == "first-listed"


def test_by_list_as_a_sentence_after_a_task():
    from loaders.responsibility import find_notes

    text = "（一）改造农村公路200公里，确保年底前完工。由县交通局、财政局，各乡镇人民政府负责落实。\n"
    notes = find_notes(text)
    assert [(n.reading.leads, n.reading.supports) for n in notes] == [(["县交通局"], ["财政局", "各乡镇人民政府"])]


@pytest.mark.parametrize("text", [
    "由于资金不足，县财政局负责",  # 由于 is no 由
    "由县政府统筹安排，县财政局负责",  # the first clause is no list of bodies
    "由县发改局，县财政局",  # no verb at all: no assignment
])
def test_by_list_not_read(text):
    reading = read_note(text)
    assert reading is None or reading.bare


# --- a group of the government's state enterprises is a body's name ---------------------------------

def test_enterprise_group_under_a_label():
    reading = read_note("牵头单位：市国资委；配合单位：市财政局、市属各重点国企等")
    assert reading.leads == ["市国资委"]
    assert reading.supports == ["市财政局", "市属各重点国企"]


@pytest.mark.parametrize("text", ["国企", "重点国企", "民营企业", "推动国企"])
def test_not_an_enterprise_group(text):
    assert bodies(text) is None


def test_enterprise_group_alone_in_brackets_is_no_note():
    assert read_note("市属国有企业") is None


# --- a page's 发布机构 completes a level-only issuer at that level --------------------------------------

def _jurisdiction(issuer: str, publisher: str | None, body: str = "区发改局负责。区财政局配合。"):
    from loaders.jurisdiction import read_jurisdiction

    found = read_jurisdiction(issuers=[issuer], doc_number=None, title=f"{issuer}关于印发重点工作分工的通知",
                              lines=[f"{issuer}关于印发重点工作分工的通知"], text=body, year=2021, publisher=publisher)
    return found.name if found else None


def test_publisher_completes_a_level_only_issuer():
    assert _jurisdiction("区人民政府办公室", "江岸区政府办公室") == "江岸区"


@pytest.mark.parametrize("issuer, publisher", [
    ("区人民政府办公室", "武汉市政府办公室"),  # another level: a city portal publishing a district's paper
    ("区人民政府办公室", None),
    ("区人民政府办公室", "区政府办公室"),  # names no place
])
def test_publisher_no_clue(issuer, publisher):
    assert _jurisdiction(issuer, publisher) is None


def test_publisher_read_from_a_text_page():
    from loaders.pipeline import read_document

    text = ("索 引 号: 000012345/2021-000001 发布日期: 2021-03-02 发布机构: 江岸区政府办公室\n"
            "区人民政府办公室关于印发2021年区政府重点工作责任分解的通知\n"
            "各街道办事处，区政府各部门：\n现将有关事项通知如下。\n"
            "一、稳定经济增长\n1.推进重大项目建设。（牵头单位：区发改局；配合单位：区财政局）\n")
    plan = read_document(text.encode("utf-8"), "t.txt").plan
    assert plan.jurisdiction == "江岸区"


# --- a progress table's progress cells report what happened: no targets there ---------------------------

PROGRESS_TABLE = """县政府2021年重点工作一季度进展情况表

序号

内容与要求

进展情况

责任单位

1

确保全县地区生产总值增长8%左右，力争规上工业增加值增长10%。

一季度，全县地区生产总值同比增长6.4%，规上工业增加值同比下降3.2%，完成投资45.6亿元。

县发改局

2

实施农村公路提升工程，新改建农村公路120公里。

已开工建设农村公路35公里，完成年度任务的29%。

县交通局
"""


def test_progress_cells_hold_no_targets():
    from loaders.pipeline import read_document

    graph = read_document(PROGRESS_TABLE.encode("utf-8"), "progress.txt")
    values = sorted(i.target_value for i in graph.indicators)
    assert 8 in values and 10 in values and 120 in values  # the plan's own figures stay
    assert not {6.4, 3.2, 45.6, 35, 29} & set(values)  # the quarter's actual figures are no targets


def test_progress_cell_ending_with_a_semicolon_before_the_bodies():
    from loaders.pipeline import read_document

    text = PROGRESS_TABLE.replace("完成年度任务的29%。", "完成年度任务的29%；")
    graph = read_document(text.encode("utf-8"), "progress.txt")
    depts = {d.id: d for d in graph.departments}
    units = {u.id: u.title for u in graph.units}
    read = {(units[a.unit_id][:6], a.role, depts[a.department_id].aliases[0]) for a in graph.assignments}
    assert ("实施农村公路", "leads", "县交通局") in read


def test_bodies_broken_after_a_semicolon_stay_one_cell():
    from loaders.table_cells import Cell
    from loaders.table_flattened import _join_broken

    joined = _join_broken([Cell("县财政局；", 0, 5), Cell("县税务局", 6, 10)])
    assert [c.text for c in joined] == ["县财政局；县税务局"]


# --- a news report's headline opening on its province's short name ------------------------------------

def _headline(lines: list[str], text: str):
    from loaders.jurisdiction import headline_province

    found = headline_province(lines, text, 2016)
    return found.name if found else None


def test_headline_province():
    lines = ["湖南重点工作任务分工出炉", "记者日前获悉，省政府对今年重点工作提出分工意见。"]
    assert _headline(lines, "（省发改委、省财政厅等负责）（省农业农村厅牵头）") == "湖南省"


@pytest.mark.parametrize("lines, text", [
    (["湖南重点工作任务分工出炉", "记者日前获悉，市政府对今年重点工作提出分工意见。"], "（市发改委负责）（市财政局牵头）"),
    (["湖南重点工作任务分工出炉", "记者日前获悉，各地提出分工意见。"], "（省发改委负责）（省财政厅牵头）"),  # no 省政府
    (["长沙重点工作任务分工出炉", "记者日前获悉，省政府提出分工意见。"], "（省发改委负责）（省财政厅牵头）"),  # no province
    (["湖南重点工作任务分工出炉", "省政府提出分工意见，结合我市实际。"], "（省发改委负责）（省财政厅牵头）"),  # speaks as a 市
])
def test_no_headline_province(lines, text):
    assert _headline(lines, text) is None


# --- the rule written 列第一位者为工作牵头单位或汇总单位，下同 -------------------------------------------------

def test_rule_with_work_lead_or_collector():
    from loaders.responsibility import declares_same_below

    text = "责任单位：县农业局、县财政局、县水利局（列第一位者为工作牵头单位或汇总单位，下同）"
    reading = read_note(text)
    assert (reading.leads, reading.supports, reading.basis) == (["县农业局"], ["县财政局", "县水利局"], "rule")
    assert declares_same_below(text)


def test_without_the_rule_first_listed():
    reading = read_note("责任单位：县农业局、县财政局（县农业局为汇总单位）")
    assert reading is None or reading.basis != "rule"


# --- short forms districts write: 住建委, 市场局 (after the 2018 reform) -----------------------------------

def test_short_forms_resolved():
    from loaders.departments import resolve
    from loaders.knowledge import jurisdiction_by_name

    j = jurisdiction_by_name("江岸区")
    assert resolve("区住建委", j, "2021-03-01").name == "武汉市江岸区住房和城乡建设委员会"
    assert resolve("区市场局", j, "2021-03-01").name == "武汉市江岸区市场监督管理局"
    assert resolve("区市场局", j, "2015-03-01").name != "武汉市江岸区市场监督管理局"  # before the reform: as written
