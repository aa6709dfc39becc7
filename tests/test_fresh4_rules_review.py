"""Review of the rules written after fresh4's first measure: sentences of our own (none from the fixtures)
where each rule must not fire (a wrong lead or place is worse than none) and where it still must."""

import pytest

from loaders.names import bodies, split_names
from loaders.responsibility import find_notes, read_note


def _reading(text: str):
    r = read_note(text)
    return None if r is None else (r.leads, r.supports)


# --- 各 before level words: one group only when a level's head closes the list ----------------------------

@pytest.mark.parametrize("text, names", [
    ("各县、区管委会", ["各县、区管委会"]),
    ("各市、县、区人民政府", ["各市、县、区人民政府"]),
    ("各乡、镇、村委会", ["各乡", "镇", "村委会"]),  # 村委会 is no level's government
    ("各乡、镇（街道）、区政府", ["各乡", "镇（街道）", "区政府"]),  # a bracket in the middle: as before
])
def test_level_group_review(text, names):
    assert split_names(text) == names


# --- X、Y管理区: the bare name must be a place's, not a kind of zone ------------------------------------

@pytest.mark.parametrize("text", [
    "县农业局，新建、改建开发区",
    "县农业局，招商、引资园区",
    "县农业局，生态、农业示范区",
    "县农业局，省级、国家级开发区",
    "县农业局，东部、西部新区",
    "县农业局，沿海、内陆开发区",
    "县农业局，现代、高效农业示范区",
    "县商务局，矿山、工业园区",  # the second is named by its kind: no shared place head
    "县商务局，青山、经济开发区",
])
def test_zone_kind_words_are_no_areas(text):
    assert bodies(text, places=True) is None


@pytest.mark.parametrize("text, names", [
    ("县农业局，南湖、北山管理区", ["县农业局", "南湖", "北山管理区"]),
    ("县水利局，白沙洲、黄泥垸管理区", ["县水利局", "白沙洲", "黄泥垸管理区"]),
])
def test_place_before_a_shared_zone_head(text, names):
    assert bodies(text, places=True) == names


# --- 由X、Y，Z负责落实: never for 由 sentences about something else ------------------------------------------

@pytest.mark.parametrize("text", [
    "由企业负责，县财政局给予补助",
    "由市场决定，县发改局负责",
    "由县发改局负责解释",
    "本方案由县发改局负责解释，县财政局配合",
    "由县教育局、卫健局，各乡镇人民政府负责解释",  # interpreting the plan is no task's duty
    "由县发改局、县财政局，负责解释",
    "由县发改局、县财政局，企业负责落实",  # 企业 is no body
    "由县发改局、县财政局，市场决定",
    "由县发改局、县财政局审核，企业负责落实",  # the first clause has a verb of its own
    "由县发改局，县财政局负责监督",
    "由项目业主、施工单位，县住建局负责落实",
    "由保险公司、银行，县金融办负责落实",
    "由群众、企业，各乡镇负责",
    "由县发改局、县财政局，各乡镇配合",  # a role word: which list 由 opens is unclear
    "由县发改局、县财政局，会同各乡镇负责落实",
    "由县发改局，县财政局牵头负责",
    "由县发改局、县财政局，各乡镇牵头",
])
def test_by_sentence_not_a_list(text):
    reading = read_note(text)
    assert reading is None or reading.bare


def test_by_list_read():
    assert _reading("由县发改局、县财政局，各乡镇按职责分工负责") == (["县发改局"], ["县财政局", "各乡镇"])


@pytest.mark.parametrize("text", [
    "项目建成后由企业负责运营。\n",
    "（一）完善基础设施。所需资金由县财政局、乡镇，按比例负责落实。\n",
    "（一）完善基础设施。本方案由县发改局、县财政局，负责解释。\n",
])
def test_by_sentence_in_running_text_gives_no_note(text):
    assert find_notes(text) == []


# --- state enterprises as a group: only under a label or a verb, never a person or a topic ---------------

@pytest.mark.parametrize("text", [
    "市属国有企业负责人", "各国有企业负责人要带头", "县属国有企业改革", "市属国企、民企",
])
def test_enterprise_words_not_bodies(text):
    assert read_note(text) is None
    assert bodies(text) is None


@pytest.mark.parametrize("text", [
    "（一）深化国企改革。市属国有企业负责人要带头落实。\n",
    "（一）推进混改。各国有企业负责人负责落实。\n",
    "（一）盘活资产。（市属国有企业）\n",
])
def test_enterprise_words_in_running_text(text):
    assert find_notes(text) == []


def test_enterprise_group_with_a_verb():
    notes = find_notes("（一）盘活资产。（市国资委、市属国有企业负责）\n")
    assert [(n.reading.leads, n.reading.supports) for n in notes] == [(["市国资委"], ["市属国有企业"])]


# --- a page's 发布机构 ------------------------------------------------------------------------------------

def _jurisdiction(issuer: str, publisher: str | None, body: str = "区发改局负责。区财政局配合。"):
    from loaders.jurisdiction import read_jurisdiction

    found = read_jurisdiction(issuers=[issuer], doc_number=None, title=f"{issuer}关于印发重点工作分工的通知",
                              lines=[f"{issuer}关于印发重点工作分工的通知"], text=body, year=2021, publisher=publisher)
    return found.name if found else None


@pytest.mark.parametrize("issuer, publisher, body", [
    ("县人民政府办公室", "武汉市政府办公室", "县发改局负责。县财政局配合。"),  # a city's portal: another level
    ("区人民政府办公室", "江岸区政府办公室", "市发改委负责。市财政局配合。"),  # bodies written at another level
    ("县人民政府办公室", "湖北省人民政府办公厅", "县发改局负责。县财政局配合。"),
])
def test_publisher_no_clue_review(issuer, publisher, body):
    assert _jurisdiction(issuer, publisher, body) is None


# --- a news headline opening on a province's short name ----------------------------------------------------

LEAD = "记者日前获悉，省政府对今年重点工作提出分工意见。"
PROVINCE_BODIES = "（省发改委、省财政厅等负责）（省农业农村厅牵头）"


def _headline(headline: str):
    from loaders.jurisdiction import headline_province

    found = headline_province([headline, LEAD], PROVINCE_BODIES, 2016)
    return found.name if found else None


@pytest.mark.parametrize("headline", [
    "吉林市重点工作任务分工出炉",  # a city whose name starts with a province's short name
    "海南州重点工作分工出炉",
    "陕西、甘肃两省重点工作分工出炉",  # two provinces named: whose plan?
    "陕西宝鸡重点工作分工确定",  # a city named after the province
    "河南郑州：省政府分工",
    "陕西日报：甘肃重点工作分工出炉",  # an outlet's name, reporting another province
    "北京时间重点工作",
])
def test_no_headline_province_review(headline):
    assert _headline(headline) is None


@pytest.mark.parametrize("headline, place", [
    ("湖南《政府工作报告》重点工作分工确定", "湖南省"),
    ("湖南省政府工作报告任务分解", "湖南省"),
    ("内蒙古重点工作分工出炉", "内蒙古自治区"),
    ("陕西：省政府确定重点工作分工", "陕西省"),
])
def test_headline_province_review(headline, place):
    assert _headline(headline) == place


# --- progress columns: only a column that reports, never one that plans -----------------------------------

TABLE = """县政府2021年重点工作任务分解表

序号

工作任务

{header}

牵头单位

配合单位

完成时限

1

实施农村公路提升工程。

{cell}

县交通局

县财政局

2021年12月底
"""


@pytest.mark.parametrize("header", ["工作目标及进度安排", "年度目标及进度安排", "工作进度安排", "预期成效",
                                    "推进情况及下步打算", "完成时限", "进度安排", "工作目标", "备注"])
def test_planning_column_is_no_report(header):
    from loaders.pipeline import reports_progress

    assert not reports_progress(header)


@pytest.mark.parametrize("header", ["进展情况", "完成情况", "落实情况", "工作进展"])
def test_reporting_column(header):
    from loaders.pipeline import reports_progress

    assert reports_progress(header)


def test_reporting_column_gives_no_targets():
    from loaders.pipeline import read_document

    text = TABLE.format(header="进展情况", cell="已开工建设农村公路35公里，完成年度任务的29%。")
    graph = read_document(text.encode("utf-8"), "report.txt")
    assert not {35, 29} & {i.target_value for i in graph.indicators}


@pytest.mark.parametrize("publisher", ["江岸区政府办公室江汉区政府办公室", "江岸区政府办公室、江汉区政府办公室"])
def test_publisher_naming_two_places_is_no_clue(publisher):
    assert _jurisdiction("区人民政府办公室", publisher) is None


@pytest.mark.parametrize("line, publisher", [
    ("索 引 号: 0001 发布机构：江岸区政府办公室发布日期：2021-03-01", "江岸区政府办公室"),  # the next label glued on
    ("发 布 机 构：武汉市江岸区人民政府办公室  生成日期", "武汉市江岸区人民政府办公室"),
    ("发布机构：江岸区政府办公室、江汉区政府办公室 发布日期", "江岸区政府办公室、江汉区政府办公室"),
])
def test_publisher_label_read(line, publisher):
    from loaders.metadata import _publisher

    assert _publisher([(0, line)]) == publisher


# --- short forms: 市场局 only as written whole, never inside another office's name ------------------------

@pytest.mark.parametrize("name", ["区商务和市场局", "区金融市场局", "区人力资源市场局", "区经信和市场局"])
def test_market_bureau_only_whole(name):
    from loaders.departments import resolve
    from loaders.knowledge import jurisdiction_by_name

    assert "市场监督管理局" not in resolve(name, jurisdiction_by_name("江岸区"), "2021-03-01").name


# --- a cell ending ； stays open when it is itself a list of bodies (a note, a role word inside) -----------

@pytest.mark.parametrize("first", ["县发改局（负责统筹）；", "县发改局牵头；", "县发改局（牵头）；", "各乡镇人民政府、县直有关部门；"])
def test_bodies_cell_ending_with_a_semicolon_goes_on(first):
    from loaders.table_cells import Cell
    from loaders.table_flattened import _join_broken

    joined = _join_broken([Cell(first, 0, len(first)), Cell("县税务局", len(first) + 1, len(first) + 5)])
    assert [c.text for c in joined] == [first + "县税务局"]


# --- the rule's wording: only a rule about the first-listed, never a note naming one body ------------------

def test_named_lead_note_is_no_rule():
    reading = read_note("责任单位：县农业局、县财政局（县农业局为工作牵头单位或汇总单位）")
    assert reading is None or reading.basis != "rule"
