"""Plan metadata of each bundled document against the hand-read fixtures."""

import pytest

from tests.conftest import GOLD, gold


@pytest.mark.parametrize("prefix", [p.name[:3] for p in sorted(GOLD.glob("[0-9][0-9][0-9]_*.json"))])
def test_plan_metadata_matches_the_fixture(graphs, prefix):
    expected = gold(prefix)["plan"]
    plan = graphs[prefix].plan
    assert plan.title == expected["title"]
    assert plan.issuer == expected["issuer"]
    assert plan.jurisdiction == expected["jurisdiction"]
    assert plan.issued == expected["issued"]
    assert plan.doc_number == expected["doc_number"]
    assert [i.plan.doc_number for i in graphs[prefix].implements] == expected["implements"]


def test_a_title_split_over_lines_is_joined(graphs):
    assert graphs["003"].plan.title == "深圳市“互联网＋”行动计划"


def test_a_missing_title_is_derived_and_marked_never_the_number(graphs):
    plan = graphs["002"].plan
    assert plan.title_derived
    assert "皖政" not in plan.title and plan.title.startswith("安徽省人民政府关于")


def test_national_documents_are_shared_plan_nodes(graphs):
    cited = {i.plan.id for p in ("000", "003", "004") for i in graphs[p].implements}
    assert len(cited) == 1


# ---- metadata as published: minimal examples written for the rules

from loaders.metadata import read_metadata  # noqa: E402
from loaders.text import normalise  # noqa: E402


def _meta(text: str):
    source = normalise(text)
    return read_metadata(source, source.text.find("一、") if "一、" in source.text else len(source.text))


def test_a_notice_heading_split_over_lines_gives_its_plans_title():
    m = _meta("某某县人民政府关于印发\n《乡村道路养护\n工作方案》的通知\n吉政发〔2021〕3号\n各乡镇人民政府：\n"
              "现将《乡村道路养护工作方案》印发给你们。\n吉水县人民政府\n2021年3月2日\n一、目标\n".replace("某某县", "吉水县"))
    assert m.title == "乡村道路养护工作方案" and not m.title_derived
    assert m.issuer == "吉水县人民政府" and m.jurisdiction.name == "吉水县" and m.issued == "2021-03-02"


def test_a_document_that_is_itself_a_notice_keeps_its_whole_heading_even_run_on_into_its_number():
    m = _meta("立山区人民政府关于做好春耕生产工作的通知鞍立政发〔2022〕4号\n各街道办事处：\n一、任务\n")
    assert m.title == "立山区人民政府关于做好春耕生产工作的通知"
    assert m.doc_number == "鞍立政发〔2022〕4号" and m.jurisdiction.name == "立山区"


def test_half_width_brackets_in_a_number_are_read_and_written_as_standard():
    m = _meta("辽政发[2023]7号\n辽宁省人民政府关于加强安全生产的意见\n一、总体要求\n")
    assert m.doc_number == "辽政发〔2023〕7号" and m.jurisdiction.name == "辽宁省"


def test_a_state_council_number_makes_a_national_document_with_its_issuer():
    m = _meta("国办发〔2020〕9号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、总体要求\n")
    assert m.jurisdiction.name == "全国" and m.issuer == "国务院办公厅"


def test_a_notice_printing_several_plans_is_titled_by_the_notice():
    m = _meta("河南省人民政府办公厅\n关于印发两个工作方案的通知\n各市人民政府：\n现将《甲方案》、《乙方案》印发给你们。\n"
              "一、任务\n")
    assert m.title == "河南省人民政府办公厅关于印发两个工作方案的通知"


def test_nested_quotes_in_a_quoted_title_are_the_titles_own():
    m = _meta("安徽省人民政府关于印发《2023年省〈政府工作报告〉分工方案》的通知\n"
              "《2023年省〈政府工作报告〉分工方案》已经省政府同意，现印发给你们。\n一、任务\n")
    assert m.title == "2023年省《政府工作报告》分工方案"


def test_page_labels_are_read_when_present():
    m = _meta("标题：钢城区人民政府关于加强河道管理的通知\n发文字号：钢政发〔2021〕2号\n成文日期：2021年05月06日\n"
              "发文机关：济南市钢城区人民政府\n一、任务\n")
    assert m.title == "钢城区人民政府关于加强河道管理的通知" and m.issued == "2021-05-06"
    assert m.issuer == "济南市钢城区人民政府" and m.jurisdiction.name == "钢城区" and m.doc_number == "钢政发〔2021〕2号"


def test_a_garbled_date_is_read_only_when_the_publication_date_leaves_one_reading():
    head = "沈阳市辽中区人民政府关于印发工作要点的通知\n发布时间:{pub}\n沈阳市辽中区人民政府\n2024115\n一、任务\n"
    assert _meta(head.format(pub="2024-01-18")).issued == "2024-01-15"
    assert _meta(head.format(pub="2024-12-01")).issued is None  # 2024-11-05 fits too: not guessed
    assert _meta(head.replace("发布时间:{pub}\n", "")).issued is None


def test_a_level_only_issuer_is_named_in_full_by_its_jurisdiction():
    m = _meta("市人民政府关于咸宁市推进招商引资的通知\n各县、市、区人民政府：\n一、任务\n")
    assert m.jurisdiction.name == "咸宁市" and m.issuer == "咸宁市人民政府"


def test_a_gazettes_table_of_contents_never_gives_the_title():
    m = _meta("咸宁市人民政府主办2020年第2号\n目录\n市人民政府关于印发甲办法的通知\n市人民政府关于乙的通知\n"
              "一、任务\n")
    assert m.title_derived and "甲办法" not in m.title and m.jurisdiction.name == "咸宁市"


def test_an_unknown_jurisdiction_is_none():
    m = _meta("一、加快发展\n（一）建设项目。（牵头单位：区住建局）\n")
    assert m.jurisdiction is None


def test_a_page_opening_on_its_tables_numbered_heading_takes_it_as_the_title():
    assert _meta("一、十件民生实事任务分解表\n序号 | 工作任务 | 责任单位\n").title == "十件民生实事任务分解表"
    assert _meta("一、2024年发展目标\n（一）地区生产总值增长6%。\n").title_derived


def test_a_date_in_chinese_numerals_is_read():
    m = _meta("吉水县人民政府关于加强防汛工作的通知\n吉水县人民政府\n二〇一五年十二月二十四日\n一、任务\n")
    assert m.issued == "2015-12-24"


def test_a_joint_party_and_government_issuer_is_its_places():
    m = _meta("中共吉水县委办公室　吉水县人民政府办公室关于印发工作要点的通知\n一、任务\n")
    assert m.jurisdiction.name == "吉水县"


def test_without_a_date_the_numbers_year_dates_the_document():
    m = _meta("豫政〔2023〕5号\n河南省人民政府关于明确重点工作责任单位的通知\n一、任务\n")
    assert m.issued is None and m.as_of == "2023"
    assert _meta("河南省人民政府关于明确重点工作的通知\n2023年2月1日\n一、任务\n").as_of == "2023-02-01"


def test_a_deadline_cell_on_its_own_line_is_not_the_issue_date():
    m = _meta("一、重点任务\n序号\n工作任务\n完成时限\n1\n建成数据平台\n2024年6月30日\n")
    assert m.issued is None
    signed = _meta("国务院关于某事的通知\n一、任务\n（一）做好某事。\n国务院\n2019年1月12日\n")
    assert signed.issued == "2019-01-12"


def test_a_date_under_the_annex_list_closes_the_notice():
    m = _meta("（皖政〔2018〕20号）\n各市人民政府：\n一、任务\n（一）做好某事。\n附件：任务分解表\n2018年2月12日\n附件\n序号\n")
    assert m.issued == "2018-02-12"


def test_without_date_or_number_a_gazette_issue_or_the_years_work_places_the_document():
    assert _meta("咸宁市人民政府主办2020年第2号\n目录\n一、任务\n").as_of == "2019/2020"
    assert _meta("一、2024年经济社会发展计划目标\n（一）地区生产总值增长6%。\n").as_of == "2023/2024"
    assert _meta("一、加快发展\n（一）到2025年建成。\n").as_of is None


def test_a_heading_without_guanyu_is_a_heading_too():
    m = _meta("吉水县人民政府印发《吉水县防汛工作方案》的通知\n各乡镇人民政府：\n现将《吉水县防汛工作方案》印发给你们。\n一、任务\n")
    assert m.title == "吉水县防汛工作方案" and m.issuer == "吉水县人民政府"
    fwd = _meta("国务院办公厅转发国家发展改革委关于促进消费的意见的通知\n国办发〔2020〕1号\n一、任务\n")
    assert fwd.title == "国务院办公厅转发国家发展改革委关于促进消费的意见的通知" and fwd.issuer == "国务院办公厅"


def test_a_saved_pages_furniture_never_gives_the_title():
    m = _meta("当前位置:首页\n>> 专题专栏 >> 归档专题\n市政府工作报告重点工作责任分解(2023年)\n"
              "时间:2023-07-11 17:01 浏览次数: 信息来源: 丽水市政府\n一、主要预期目标\n")
    assert m.title == "市政府工作报告重点工作责任分解（2023年）"
    assert m.issuer == "丽水市人民政府" and m.jurisdiction.name == "丽水市" and m.issued is None


def test_a_pages_site_name_and_column_tag_and_file_name_are_not_the_title():
    site = _meta("重点工作分工的意见-某省人民政府门户网站\n重点工作分工的意见\n湘政发〔2016〕1号\n省直有关单位：\n一、任务\n")
    assert site.title == "重点工作分工的意见" and site.jurisdiction.name == "湖南省"
    tag = _meta("【重点工作】滁州市人民政府关于2020年重点工作的通知\n发布时间:2020-02-03\n各县人民政府：\n一、任务\n")
    assert tag.title == "滁州市人民政府关于2020年重点工作的通知" and tag.issuer == "滁州市人民政府"
    assert _meta("2021年民生实事任务分解表.docx\n序号 | 项目\n").title == "2021年民生实事任务分解表"


def test_a_repost_names_the_document_it_relays():
    m = _meta("科技部挑大梁（新闻）\n发布时间:2016-03-31\n3月29日，国务院印发关于落实重点工作部门分工的意见。其中：\n二、任务\n")
    assert m.title == "国务院关于落实重点工作部门分工的意见" and m.issuer == "国务院" and m.jurisdiction.name == "全国"


def test_a_quoted_document_that_is_not_the_notices_plan_is_not_its_title():
    m = _meta("某区人民政府办公室关于印发2022年区政府工作报告目标任务的通知\n"
              "2022年《某区人民政府工作报告》已经区人大会议审议通过，现印发给你们。\n一、任务\n")
    assert m.title == "2022年区政府工作报告目标任务"


def test_a_garbled_date_that_kept_its_day_character():
    m = _meta("沙坪坝区人民政府办公室关于印发目标任务的通知\n发布日期:2022-01-21\n重庆市沙坪坝区人民政府办公室\n2022121日\n一、任务\n")
    assert m.issued == "2022-01-21"


def test_a_title_about_the_years_work_places_the_document():
    m = _meta("滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n各县人民政府：\n一、任务\n")
    assert m.as_of == "2019/2020"
    assert _meta("市政府工作报告重点工作责任分解(2023年)\n一、目标\n").as_of == "2022/2023"


# -- the year whose work the preamble says the plan carries out (a page with no date)


@pytest.mark.parametrize("preamble, year", [
    ("各市人民政府：\n现就2013年《政府工作报告》确定的重点工作提出分工意见如下：\n", 2013),
    ("各县区政府：\n为完成2021年政府工作报告确定的目标，现将任务分解如下：\n", 2021),
    ("各乡镇：\n为确保2019年度重点工作任务落到实处，制定本方案。\n", 2019)])
def test_an_undated_page_is_placed_by_the_year_of_work_its_preamble_carries_out(preamble, year):
    m = _meta("河南省人民政府关于落实重点工作的意见\n" + preamble + "一、主要目标\n")
    assert m.issued is None and m.work_year == year and m.as_of == f"{year - 1}/{year}"


def test_a_preamble_citing_two_years_or_only_a_plan_period_places_nothing():
    assert _meta("某某意见\n2020年重点工作任务已完成，现就2021年政府工作报告确定的任务分工。\n一、目标\n").work_year is None
    assert _meta("某某意见\n为实现2025年发展目标，制定本方案。\n一、目标\n").work_year is None
    assert _meta("某某意见\n按照规划，现提出意见。\n一、目标\n").as_of is None


def test_a_title_the_notice_quotes_and_then_prints_on_its_own_line_wins_over_a_metadata_table():
    m = _meta("索引号 | 0001/2024-001 | 公开方式 | 主动公开 |\n发布机构 | 吉水县人民政府办公室 |\n各乡镇人民政府：\n"
              "县政府研究确定了《2024年吉水县政府重点工作责任分工》，现印发给你们。\n吉水县人民政府\n2024年2月1日\n"
              "2024年吉水县政府重点工作责任分工\n一、主要目标\n")
    assert m.title == "2024年吉水县政府重点工作责任分工" and not m.title_derived


def test_a_quoted_title_not_standing_on_its_own_line_is_not_taken_for_the_heading():
    m = _meta("各乡镇：\n根据《吉水县国民经济和社会发展第十四个五年规划纲要》要求，制定本方案如下：\n一、主要目标\n")
    assert m.title != "吉水县国民经济和社会发展第十四个五年规划纲要"


@pytest.mark.parametrize("lead, title", [
    ("今天，河南省人民政府网站发布了《河南省人民政府办公厅关于印发某某行动计划的通知》，明确了…", "某某行动计划"),
    ("近日，吉水县政府正式出台《吉水县乡村振兴实施方案》。", "吉水县乡村振兴实施方案")])
def test_a_news_lead_names_the_document_it_reposts(lead, title):
    m = _meta(lead + "\n为做好工作，特制定本计划。\n一、重点任务\n")
    assert m.title == title and not m.title_derived


def test_a_derived_title_takes_the_topic_of_a_cited_notice_not_its_verb():
    m = _meta("根据《吉安市人民政府关于印发吉安市稳就业若干措施的通知》（吉府发〔2020〕3号），结合吉水县实际，制定如下措施。\n"
              "一、稳定岗位\n")
    assert m.title_derived and "印发" not in m.title and "吉安市稳就业若干措施" in m.title


def test_a_law_database_record_gives_the_number_and_its_date_as_the_documents():
    m = _meta("【发布单位】河南省\n【发布文号】豫政[2009]12号\n【发布日期】2009-03-05\n【生效日期】2009-03-05\n"
              "河南省人民政府关于印发2009年重点工作分解的通知\n各市人民政府：\n一、任务\n")
    assert m.doc_number == "豫政〔2009〕12号" and m.issued == "2009-03-05" and m.jurisdiction.name == "河南省"


def test_a_pages_publication_date_without_a_record_is_not_the_documents_date():
    m = _meta("河南省人民政府关于明确重点工作的通知\n发布日期：2013-05-23    浏览次数：2\n各市人民政府：\n一、任务\n")
    assert m.issued is None


def test_a_portals_metadata_table_copied_as_text_gives_its_number_and_date():
    m = _meta("索 引 号 | 0001/2023-00012 | 公开方式 | 主动公开 |\n发文字号 | 吉府发〔2023〕5号 | 成文日期 | 2023-03-01 |\n"
              "发布机构 | 吉水县人民政府办公室 |\n各乡镇人民政府：\n现将《吉水县某某工作方案》印发给你们。\n一、任务\n")
    assert m.doc_number == "吉府发〔2023〕5号" and m.issued == "2023-03-01"
    assert m.issuer != "吉水县人民政府办公室"  # the portal's publishing office is not the issuer


def test_a_labelled_date_still_finds_the_signature_above_the_same_date():
    text = ("成文日期 | 2023-03-01 |\n各乡镇人民政府：\n现将《某某工作方案》印发给你们。\n吉水县人民政府\n2023年3月1日\n"
            "一、任务\n")
    m = _meta(text)
    assert m.issued == "2023-03-01" and m.issuer == "吉水县人民政府" and m.jurisdiction.name == "吉水县"
    other = _meta(text.replace("2023年3月1日", "2023年3月9日"))  # another date: the label's stands, no signature
    assert other.issued == "2023-03-01"
