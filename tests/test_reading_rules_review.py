"""Adversarial cases for the reading rules added for fresh3 (jurisdiction clues, grouped governments,
责任单位 against 配合单位, lead-first flattened tables), written from how official documents are drafted,
not from any fixture: where a rule has no grammar behind it, it must abstain (None, or the old reading),
because a wrong jurisdiction or a wrong lead is worse than a missing one."""

import pytest

from loaders.jurisdiction import read_jurisdiction
from loaders.names import bodies
from loaders.pipeline import read_document
from loaders.place_clues import above_counties, credit_code_place, stem_place
from loaders.responsibility import read_note
from tests.test_table_layouts import read, roles


def _read(issuers=(), doc_number=None, title=None, lines=(), text=None, year=None):
    lines = list(lines)
    j = read_jurisdiction(issuers=list(issuers), doc_number=doc_number, title=title, lines=lines,
                          text="\n".join(lines) if text is None else text, year=year)
    return j.name if j else None


# -- a place merely named in the text is no clue to whose document it is ---------------------------------

def test_a_city_plan_for_its_partner_in_paired_assistance_is_not_the_partners():
    # 苏州 helps 铜仁: the preamble names only the partner; 我市 is 苏州, never named
    lines = ["各区人民政府，市各委办局，各直属单位：",
             "为深入做好我市与铜仁市东西部扶贫协作工作，现将有关事项通知如下。"]
    assert _read(["市人民政府办公室"], lines=lines) is None
    lines = ["各县（市、区）人民政府，市政府各部门：", "为做好我市对口支援遵义市工作，结合实际，制定本方案。"]
    assert _read(lines=lines) is None


def test_a_county_level_city_citing_its_prefecture_is_not_the_prefectures():
    # 昆山市 (county-level) addresses its 区 and 镇: 苏州市 named in the preamble is its superior
    lines = ["各功能区管委会，各镇人民政府，各街道办事处，市各委办局：",
             "根据《苏州市人民政府关于印发2024年重点工作的通知》要求，结合我市实际，制定本方案。"]
    assert _read(["市人民政府办公室"], lines=lines) is None


def test_a_city_plan_quoting_its_provinces_document_is_still_the_citys_or_nothing():
    lines = ["各县（市、区）人民政府，市政府各部门：",
             "根据《湖北省人民政府关于印发2024年重点工作的通知》精神，结合我市实际，现就有关事项通知如下。"]
    assert _read(["市人民政府"], lines=lines, text="\n".join(lines) + "\n市发改委负责。市财政局负责。") is None


def test_a_county_plan_naming_its_city_twice_is_not_the_citys():
    lines = ["各乡镇人民政府，县直各单位：", "为落实咸宁市2024年重点工作部署，结合我县实际，制定本方案。"]
    text = "\n".join(lines) + "\n一、对接咸宁市产业链。县发改局牵头。\n二、县财政局负责。"
    assert _read(["县人民政府办公室"], lines=lines, text=text) is None


def test_a_stem_of_a_level_word_alone_names_no_place():
    # 区政发 / 县政办发 carry no place's character: every 区 holds 区
    lines = ["各街道办事处，区政府各部门：", "根据朝阳区有关部署，结合我区实际。"]
    text = "\n".join(lines) + "\n朝阳区 区发改委负责 区财政局配合 朝阳区"
    assert stem_place("区政发", "区", text, None) is None
    assert _read(doc_number="区政发〔2020〕3号", lines=lines, text=text) is None


# -- the credit code of the body that published the page ----------------------------------------------

def test_a_credit_code_names_the_place_of_the_body_that_published_it():
    assert credit_code_place(["索引号：11330700002592599F-03-2013-30009"], 2013).name == "金华市"


def test_a_national_document_reposted_on_a_city_site_is_not_the_citys():
    # the index number is the reposting site's (a 市 body's); the plan's bodies carry no level
    lines = ["索引号：11330700002592599F-03-2018-00012", "关于进一步做好稳就业工作的意见"]
    text = "\n".join(lines) + "\n一、稳定就业。（人力资源社会保障部、国家发展改革委负责）\n二、（财政部负责）"
    assert _read(lines=lines, text=text) is None


def test_a_provincial_document_reposted_on_a_city_site_is_not_the_citys():
    lines = ["索引号：11330700002592599F-03-2018-00013", "关于加快发展现代服务业的意见"]
    text = "\n".join(lines) + "\n一、（省发展改革委牵头，省财政厅配合）\n二、（省商务厅负责）"
    assert _read(lines=lines, text=text) is None


def test_a_credit_code_fits_a_plan_written_with_its_levels_bodies():
    lines = ["索引号：11330700002592599F-03-2013-30009", "市委市政府2011年主要工作任务"]
    text = "\n".join(lines) + "\n一、（市发改委牵头，市财政局配合）\n二、（市经信委负责）"
    assert _read(lines=lines, text=text) == "金华市"


def test_a_companys_credit_code_is_no_government_bodys():
    assert credit_code_place(["统一社会信用代码：91330700MA28D1XX3K"], 2020) is None


# -- news leads --------------------------------------------------------------------------------------

def test_a_county_plan_opening_with_its_provinces_news_is_not_the_provinces():
    lines = ["近日，云南省人民政府印发《关于稳增长的若干意见》，为贯彻落实，结合我县实际，制定本方案。"]
    text = lines[0] + "\n一、（县发改局牵头，县财政局配合）"
    assert _read(lines=lines, text=text) is None


def test_a_local_plan_opening_with_the_state_councils_news_is_not_national():
    lines = ["近日，国务院印发《关于进一步优化营商环境的意见》，为抓好贯彻落实，结合我省实际，提出如下措施。"]
    assert _read(lines=lines, text=lines[0] + "\n一、（省发展改革委负责）") is None


def test_a_dated_lead_with_no_bodies_of_any_level_names_no_local_government():
    # 转载: a local government is named, but nothing in the text is written at its level
    lines = ["近日，安徽省人民政府发布关于加强安全生产工作的通知。"]
    assert _read(lines=lines, text=lines[0] + "\n一、加强安全生产。各地各部门负责。") is None


def test_a_dated_lead_beside_its_levels_bodies_names_the_issuer():
    lines = ["近日，安徽省人民政府发布关于2024年重点工作及责任分解的通知。"]
    text = lines[0] + "\n1．牵头责任单位：省发展改革委。\n2．牵头责任单位：省财政厅。"
    assert _read(lines=lines, text=text) == "安徽省"


# -- a plan's title or an address line -----------------------------------------------------------------

def test_a_province_printing_a_plan_for_one_of_its_cities_is_not_the_citys():
    title = "关于印发支持赣州市革命老区振兴发展实施方案的通知"  # the city after 支持: not the plan's own place
    lines = ["各市、县（区）人民政府，省政府各部门："]
    assert _read(title=title, lines=lines, text=lines[0] + "\n（省发展改革委牵头）") is None
    title = "关于印发赣州市革命老区振兴发展实施方案的通知"
    assert _read(title=title, lines=lines, text=lines[0] + "\n（省发展改革委牵头）") is None


@pytest.mark.parametrize("line, above", [
    ("各县（市、区）人民政府，市政府各部门：", True),
    ("各区人民政府，市各委办局：", True),
    ("各县（市、区）、乡（镇）人民政府，市直各单位：", True),  # a city writing down to the townships
    ("各乡镇人民政府，县直各单位：", False),
    ("各街道办事处，区政府各部门：", False),
    ("各功能区管委会，各镇人民政府，市各委办局：", None),  # 功能区 is no county-level government
    ("各开发区管委会，市政府各部门：", None),
])
def test_whether_the_issuer_governs_counties_is_read_from_its_government_addressees(line, above):
    assert above_counties([line]) is above


# -- names and notes ----------------------------------------------------------------------------------

def test_a_bracketed_level_in_a_place_stub_groups_the_governments():
    assert bodies("各市（县）、区政府", places=True) == ["各市（县）、区政府"]


def test_bodies_responsible_against_a_supporting_list_all_lead():
    r = read_note("责任单位：市发改委、市财政局；配合单位：市统计局")
    assert (r.leads, r.supports) == (["市发改委", "市财政局"], ["市统计局"])


def test_bodies_responsible_alone_keep_the_first_listed_reading():
    r = read_note("责任单位：市发改委、市财政局")
    assert (r.leads, r.basis) == (["市发改委"], "first-listed")


def test_a_first_listed_rule_in_force_makes_only_the_first_responsible_body_lead():
    r = read_note("责任单位：市发改委、市财政局。配合单位：市统计局。列第一位的为牵头单位")
    assert r.leads == ["市发改委"]
    assert set(r.supports) == {"市财政局", "市统计局"}


# -- a flattened table whose first column is the lead ----------------------------------------------

HEADER = ("牵头单位", "目 标 任 务", "责 任 单 位")


def _flat(*cells: str) -> str:
    return "\n\n".join(cells)


def test_lead_first_rows_one_body_each_side():
    _, _, edges = read(_flat(*HEADER, "市商务局", "扩大外贸出口，培育跨境电商主体", "市财政局",
                             "市科技局", "推进高新技术企业认定", "市直各单位"))
    assert roles(edges, "扩大外贸出口") == {"leads": ["市商务局"], "supports": ["市财政局"]}
    assert roles(edges, "推进高新技术企业认定") == {"leads": ["市科技局"], "supports": ["市直各单位"]}


def test_a_row_whose_bodies_run_over_lines_may_hide_a_merged_lead_so_no_lead_is_shifted():
    # 市财政局 / 市税务局 / 市科技局 before the second task: the first row's bodies one per line and the second
    # row's lead, or all three the first row's under a lead cell merged down: a reader cannot tell
    _, _, edges = read(_flat(*HEADER, "市商务局", "扩大外贸出口，培育跨境电商主体", "市财政局", "市税务局",
                             "市科技局", "推进高新技术企业认定", "市直各单位"))
    assert roles(edges, "扩大外贸出口")["leads"] == ["市商务局"]
    assert not roles(edges, "推进高新技术企业认定")["leads"]
    assert "市科技局" not in [e[2] for e in edges]


# -- a number's stem completed by a place the text names -----------------------------------------------

def test_a_stem_is_not_completed_by_a_partner_named_twice():
    # 济政发 is 济南's (and 济宁's): a 济南 plan speaking of 我市 and its partner 济宁市 is not 济宁's
    lines = ["各区人民政府，市各委、办、局：", "为深化我市与济宁市合作，推进与济宁市共建园区，制定本方案。"]
    assert _read(doc_number="济政发〔2020〕3号", lines=lines, text="\n".join(lines) + "（市发改委牵头）") == "济南市"


def test_a_stem_the_table_gives_one_city_goes_to_the_other_named_as_its_own():
    lines = ["各县（市、区）人民政府，市政府各部门：", "现将济宁市2020年重点工作分解方案印发给你们。"]
    text = "\n".join(lines) + "\n一、（市发改委牵头）济宁市高新区建设"
    assert _read(doc_number="济政发〔2020〕3号", lines=lines, text=text) == "济宁市"


def test_a_stem_names_no_place_of_another_level_than_the_issuers():
    # a county plan (县政府各部门) numbered 嘉政办发 naming 嘉兴市 twice: 嘉兴 is a 市, the issuer a 县
    lines = ["各镇人民政府，县政府各部门：", "为落实嘉兴市部署，结合我县实际。"]
    text = "\n".join(lines) + "\n（县发改局牵头）嘉兴市考核"
    assert _read(doc_number="嘉政办发〔2021〕5号", lines=lines, text=text) is None


# -- a plan's title naming two places ------------------------------------------------------------------

def test_a_county_share_of_its_citys_plan_is_not_the_citys():
    title = "关于印发咸宁市2024年重点工作嘉鱼县责任分解方案的通知"
    assert _read(title=title, lines=[title]) is None


def test_a_plan_printed_under_its_own_place_name():
    title = "关于印发襄阳市2023年重点工作责任分解方案的通知"
    assert _read(title=title, lines=[title, "各县（市、区）人民政府，市政府各部门："]) == "襄阳市"
    assert _read(title="关于转发" + title[4:], lines=["各乡镇人民政府，县直各单位："]) is None  # relayed


def test_a_county_plan_opening_with_the_state_councils_news_speaks_of_the_whole_county():
    lines = ["近日，国务院办公厅印发《关于进一步优化营商环境的意见》。为抓好贯彻落实，结合全县实际，提出如下措施。"]
    assert _read(lines=lines, text=lines[0] + "\n一、（发改局牵头，财政局配合）") is None


def test_a_repost_of_the_state_councils_plan_is_national():
    lines = ["日前，国务院印发《关于深化改革的意见》，全文如下。"]
    assert _read(lines=lines, text=lines[0] + "\n一、（国家发展改革委牵头，财政部配合）") == "全国"


# -- bodies named after a place ------------------------------------------------------------------------

def test_a_province_plan_naming_its_banks_provincial_branches_twice():
    text = "（省发展改革委、省财政厅、国家开发银行云南省分行负责）\n（省财政厅、农业发展银行云南省分行负责）"
    assert _read(lines=["各州、市人民政府，省直各部门："], text=text) == "云南省"


def test_the_central_banks_regional_branch_names_no_province():
    text = "（省发展改革委、人民银行成都分行负责）\n（省财政厅、人民银行成都分行负责）"
    assert _read(lines=["为做好金融工作"], text=text) is None


def test_a_city_plan_opening_with_its_provinces_news_is_not_the_provinces_even_with_bodies_unlevelled():
    lines = ["近日，江西省人民政府网站发布了《关于稳增长的若干意见》，为抓好贯彻落实，结合我市实际，制定本方案。"]
    assert _read(lines=lines, text=lines[0] + "\n一、（发改委牵头，财政局配合）") is None
    lines = ["近日，江西省人民政府印发关于稳增长的若干意见。为抓好贯彻落实，结合我市实际，制定本方案。"]
    assert _read(lines=lines, text=lines[0] + "\n一、（省发展改革委牵头，市财政局配合）") is None


def test_a_credit_code_outside_an_index_number_line_is_no_clue():
    lines = ["关于做好政府采购工作的通知", "采购人：某某局（统一社会信用代码：11330700002592599F）"]
    assert credit_code_place(lines, 2020) is None


def test_a_time_limit_column_closes_each_row_so_bodies_over_lines_and_the_next_lead_are_told_apart():
    header = ("牵头单位", "工作任务", "配合单位", "完成时限")
    _, _, edges = read(_flat(*header, "市商务局", "扩大外贸出口，培育跨境电商主体", "市财政局", "市税务局", "2024年底",
                             "市科技局", "推进高新技术企业认定", "市直各单位", "长期"))
    assert roles(edges, "扩大外贸出口") == {"leads": ["市商务局"], "supports": ["市财政局", "市税务局"]}
    assert roles(edges, "推进高新技术企业认定") == {"leads": ["市科技局"], "supports": ["市直各单位"]}


def test_a_lead_cell_merged_down_leaves_no_lead_after_the_time_limit_and_the_table_ends():
    header = ("牵头单位", "工作任务", "配合单位", "完成时限")
    _, _, edges = read(_flat(*header, "市商务局", "扩大外贸出口，培育跨境电商主体", "市财政局", "2024年底",
                             "推进高新技术企业认定", "市直各单位", "长期"))
    assert roles(edges, "扩大外贸出口") == {"leads": ["市商务局"], "supports": ["市财政局"]}
    assert not roles(edges, "推进高新技术企业认定")["leads"]


# -- whole short documents, read end to end --------------------------------------------------------

CITY = "\n一、扩大有效投资\n（一）推进重大项目建设。（牵头单位：市发改委；配合单位：市财政局）\n（二）加强要素保障。（市自然资源和规划局牵头）\n"
PROVINCE = "\n一、扩大有效投资\n（一）推进重大项目建设。（牵头单位：省发展改革委；配合单位：省财政厅）\n（二）加强要素保障。（省自然资源厅牵头）\n"
NATIONAL = "\n一、扩大有效投资\n（一）推进重大项目建设。（国家发展改革委牵头，财政部配合）\n（二）加强要素保障。（自然资源部负责）\n"
COUNTY_SITE = "索引号：114212210107781234-01-2024-0001\n"  # a 嘉鱼县 (421221) body's code: the site's, not the plan's


@pytest.mark.parametrize("text, want", [
    ("各县（市、区）人民政府，市政府各部门：\n为深化我市与铜仁市东西部协作，制定本方案。" + CITY, None),
    ("各市、县人民政府，省政府各部门：\n为推进我省与贵州省对口合作，制定本方案。" + PROVINCE, None),
    (COUNTY_SITE + "近日，国务院办公厅印发《关于扩大有效投资的意见》，全文如下。" + NATIONAL, "全国"),
    (COUNTY_SITE + "关于扩大有效投资的意见" + NATIONAL, None),
    ("根据《咸宁市人民政府关于印发2024年重点工作的通知》要求，结合我市实际，制定本方案。" + CITY, None),
    ("各县（市、区）人民政府，市政府各部门：\n现将《咸宁市2024年重点工作责任分解方案》印发给你们。" + CITY, "咸宁市"),
    ("来源：咸宁市人民政府网\n近日，湖北省人民政府印发《2024年重点工作分解方案》。通知要求如下。" + PROVINCE, "湖北省"),
])
def test_whole_documents(text, want):
    assert read_document(text.encode(), "t.txt").plan.jurisdiction == want


def test_another_places_airport_or_paper_named_once_completes_no_stem():
    lines = ["各区人民政府，市各委、办、局："]
    text = "\n".join(lines) + "\n一、（市交通局牵头）开通至常州机场的城际公交，在常州日报刊发"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) is None
    owned = "\n".join(lines) + "\n一、（市发改委牵头）常州国税局配合"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=owned) == "常州市"


def test_a_relayed_plans_heading_below_the_relaying_note_is_not_the_documents_place():
    lines = ["现将《咸宁市2024年重点工作责任分解方案》转发给你们，请认真贯彻落实。", "咸宁市2024年重点工作责任分解方案"]
    assert _read(lines=lines, text="\n".join(lines) + "\n一、（发改局牵头）") is None
