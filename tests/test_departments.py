"""Department resolution: one body, one node, within its jurisdiction (data in loaders/data)."""

import pytest

from loaders.departments import looks_like_body, resolve, shared_government_suffix, short_stem
from loaders.knowledge import jurisdiction_by_name, jurisdiction_of_doc_number

ANHUI = jurisdiction_by_name("安徽省")
SHENZHEN = jurisdiction_by_name("深圳市")
ZHEJIANG = jurisdiction_by_name("浙江省")


@pytest.mark.parametrize("number, name", [("皖政〔2018〕20号", "安徽省"), ("深府〔2015〕69号", "深圳市"),
                                          ("浙政发〔2016〕2号", "浙江省")])
def test_jurisdiction_from_document_number(number, name):
    assert jurisdiction_of_doc_number(number).name == name


@pytest.mark.parametrize("a, b", [("省发展改革委", "省发改委"), ("省环保厅", "省环境保护厅"),
                                  ("省人力资源社会保障厅", "省人力资源和社会保障厅"),
                                  ("人行合肥中心支行", "人民银行合肥中心支行"),
                                  ("省新闻出版广电局", "省新闻广电出版局")])
def test_variants_of_one_body_are_one_department(a, b):
    assert resolve(a, ANHUI).id == resolve(b, ANHUI).id


def test_canonical_name_is_the_full_name_in_the_jurisdiction():
    d = resolve("省经济和信息化委", ANHUI)
    assert d.name == "安徽省经济和信息化委员会" and d.jurisdiction == "安徽省" and d.kind == "department"
    assert "省经信委" in d.aliases and "省经济和信息化委" in d.aliases


def test_names_listed_without_their_prefix_resolve_at_the_documents_level():
    assert resolve("经贸信息委", SHENZHEN).id == resolve("市经贸信息委", SHENZHEN).id
    assert resolve("发展改革委", SHENZHEN).name == "深圳市发展和改革委员会"


def test_a_city_body_starting_with_shi_is_not_mistaken_for_a_prefix():
    assert resolve("市场和质量监管委", SHENZHEN).name == "深圳市市场和质量监督管理委员会"


def test_same_name_in_two_jurisdictions_is_two_departments():
    assert resolve("省卫生计生委", ANHUI).id != resolve("省卫生计生委", ZHEJIANG).id


@pytest.mark.parametrize("name, kind", [("各市、县人民政府", "group"), ("省推进服务业发展领导小组各成员单位", "group"),
                                        ("人行合肥中心支行", "central-branch"), ("合肥海关", "central-branch"),
                                        ("省电力公司", "enterprise"), ("省教育厅", "department")])
def test_kinds(name, kind):
    assert resolve(name, ANHUI).kind == kind


def test_groups_keep_their_whole_name():
    assert resolve("各市、县人民政府", ANHUI).name == "安徽省各市、县人民政府"


def test_gold_same_department_facts_hold(graphs):
    from tests.conftest import gold

    for prefix in ("000", "003"):
        g = gold(prefix)
        j = jurisdiction_by_name(g["plan"]["jurisdiction"])
        for forms in g["same_department"]:
            assert len({resolve(f, j).id for f in forms}) == 1, forms


def test_gold_distinct_department_facts_hold(graphs):
    from tests.conftest import gold

    juris = {p: jurisdiction_by_name(graphs[p].plan.jurisdiction) for p in graphs}
    for a, b in gold("000")["distinct_departments"]:
        (pa, na), (pb, nb) = a.split(":"), b.split(":")
        assert resolve(na, juris[pa]).id != resolve(nb, juris[pb]).id, (a, b)


def test_zhejiangs_forestry_bureau_is_its_forestry_department_only_before_the_2018_reform():
    assert resolve("省林业局", ZHEJIANG, "2016-01-14").id == resolve("省林业厅", ZHEJIANG, "2016-01-14").id
    after = resolve("省林业局", ZHEJIANG, "2019-03-01")
    assert after.name == "浙江省林业局" and after.id != resolve("省林业厅", ZHEJIANG, "2019-03-01").id
    assert resolve("省林业局", ZHEJIANG).name == "浙江省林业局"  # date unknown: as written
    assert resolve("省林业局", ANHUI, "2016-01-14").id != resolve("省林业厅", ANHUI, "2016-01-14").id


@pytest.mark.parametrize("name", ["省投资集团", "省信用担保集团"])
def test_anhuis_provincial_companies_are_not_expanded_in_another_province(name):
    assert resolve(name, ANHUI).name.startswith("安徽省") and resolve(name, ANHUI).name.endswith("公司")
    other = resolve(name, ZHEJIANG)
    assert other.name == "浙江省" + name[1:] and "有限" not in other.name
    assert resolve(name, jurisdiction_by_name("河南省")).name == "河南省" + name[1:]


NATIONAL = jurisdiction_by_name("全国")
HENAN = jurisdiction_by_name("河南省")
LIAOZHONG = jurisdiction_by_name("辽中区")
XIANNING = jurisdiction_by_name("咸宁市")


@pytest.mark.parametrize("forms, name", [
    (("发展改革委", "国家发展改革委", "国家发展和改革委员会", "国家发改委"), "国家发展和改革委员会"),
    (("人民银行", "中国人民银行"), "中国人民银行"),
    (("市场监管总局", "国家市场监督管理总局"), "国家市场监督管理总局"),
    (("卫生健康委", "国家卫生健康委"), "国家卫生健康委员会"),
    (("扶贫办", "国务院扶贫办"), "国务院扶贫开发领导小组办公室"),
])
def test_a_national_document_names_ministries_by_their_short_forms(forms, name):
    depts = [resolve(f, NATIONAL) for f in forms]
    assert {d.name for d in depts} == {name} and {d.jurisdiction for d in depts} == {"全国"}


def test_a_bare_form_is_the_provinces_own_body_but_a_ministrys_name_is_the_ministry_anywhere():
    assert resolve("发展改革委", HENAN).name == "河南省发展和改革委员会"
    assert resolve("国家发展改革委", HENAN).name == "国家发展和改革委员会"
    assert resolve("财政部", HENAN).jurisdiction == "全国"


@pytest.mark.parametrize("name, canonical", [("人行郑州中心支行", "中国人民银行郑州中心支行"),
                                             ("河南证监局", "中国证券监督管理委员会河南监管局"),
                                             ("郑州海关", "中华人民共和国郑州海关")])
def test_central_branches_are_named_after_the_place_they_serve(name, canonical):
    d = resolve(name, HENAN)
    assert d.name == canonical and d.kind == "central-branch"


def test_regulators_merged_by_the_reforms_are_read_by_the_documents_date():
    assert resolve("河南银保监局", HENAN, "2020-05-01").name == "中国银行保险监督管理委员会河南监管局"
    assert resolve("河南金融监管局", HENAN, "2024-03-01").name == "国家金融监督管理总局河南监管局"
    assert resolve("地方金融监管局", HENAN, "2024-03-01").name == "河南省地方金融监督管理局"  # no place: not a branch


def test_tax_bureaus_after_the_2018_merger_are_branches_of_the_state_administration():
    assert resolve("市税务局", XIANNING, "2024-01-11").name == "国家税务总局咸宁市税务局"
    assert resolve("市税务局", XIANNING, "2024-01-11").kind == "central-branch"
    assert resolve("市税务局", XIANNING).name == "咸宁市税务局"  # date unknown: as written


def test_a_form_renamed_by_a_reform_keeps_the_body_the_document_named():
    old = resolve("省卫生计生委", HENAN, "2020-01-01")
    new = resolve("省卫生健康委", HENAN, "2020-01-01")
    assert old.name == "河南省卫生和计划生育委员会" and new.name == "河南省卫生健康委员会" and old.id != new.id
    assert resolve("省卫健委", HENAN, "2020-01-01").id == new.id


def test_the_network_office_is_the_leading_group_office_before_2018_and_the_commission_office_after():
    assert resolve("省网信办", HENAN, "2017-06-01").name == "中共河南省委网络安全和信息化领导小组办公室"
    assert resolve("省网信办", HENAN, "2019-06-01").name == "中共河南省委网络安全和信息化委员会办公室"


@pytest.mark.parametrize("written, canonical", [
    ("市发改委", "咸宁市发展和改革委员会"), ("市经信局", "咸宁市经济和信息化局"), ("市工信局", "咸宁市工业和信息化局"),
    ("市人社局", "咸宁市人力资源和社会保障局"), ("市住建局", "咸宁市住房和城乡建设局"),
    ("市市场监管局", "咸宁市市场监督管理局"), ("市文旅局", "咸宁市文化和旅游局"), ("市卫健委", "咸宁市卫生健康委员会"),
    ("市医保局", "咸宁市医疗保障局"), ("市大数据局", "咸宁市大数据局"), ("市科技局", "咸宁市科学技术局"),
])
def test_city_bureaus_common_abbreviations(written, canonical):
    assert resolve(written, XIANNING, "2024-01-11").name == canonical


def test_abbreviation_and_full_form_of_one_date_are_one_node():
    assert resolve("区发改局", LIAOZHONG).id == resolve("区发展和改革局", LIAOZHONG).id == resolve("发改局", LIAOZHONG).id


@pytest.mark.parametrize("written, canonical", [("省委组织部", "中共河南省委组织部"), ("省委宣传部", "中共河南省委宣传部"),
                                                ("省委政法委", "中共河南省委政法委员会"), ("组织部", "中共河南省委组织部")])
def test_party_bodies(written, canonical):
    d = resolve(written, HENAN)
    assert d.name == canonical and d.kind == "party"


def test_a_body_of_the_government_above_belongs_to_that_government():
    d = resolve("市发展改革委", LIAOZHONG)
    assert d.name == "沈阳市发展和改革委员会" and d.jurisdiction == "沈阳市"
    assert resolve("区发展改革局", LIAOZHONG).name == "沈阳市辽中区发展和改革局"


def test_a_body_named_after_a_place_keeps_its_name():
    assert resolve("咸宁高新区管委会", XIANNING).name == "咸宁高新技术产业开发区管理委员会"
    assert resolve("丽水开发区管委会", jurisdiction_by_name("丽水市")).name == "丽水开发区管委会"
    assert resolve("成都市人民政府", jurisdiction_by_name("四川省")).jurisdiction == "成都市"


@pytest.mark.parametrize("forms", [("各省（区、市）人民政府", "各省、自治区、直辖市人民政府", "各省级人民政府")])
def test_written_variants_of_one_group_are_one_group(forms):
    depts = [resolve(f, NATIONAL) for f in forms]
    assert len({d.id for d in depts}) == 1 and depts[0].kind == "group"


def test_groups_stay_whole_at_every_level():
    assert resolve("各街道办事处", LIAOZHONG).name == "辽中区各街道办事处"
    assert resolve("各县（市、区）人民政府", XIANNING).name == "咸宁市各县（市、区）人民政府"
    assert resolve("各县市区人民政府", XIANNING).id == resolve("各县（市、区）人民政府", XIANNING).id


def test_without_a_jurisdiction_a_name_is_kept_as_written_never_a_placeholder():
    d = resolve("区司法局", None)
    assert d.name == "区司法局" and d.jurisdiction is None
    assert resolve("区司法局等有关部门", None).name == "区司法局等有关部门"
    assert resolve("财政部", None).jurisdiction == "全国"


def test_a_name_that_already_says_whose_it_is_is_that_bodys_node():
    assert resolve("国家税务总局咸宁市税务局", XIANNING, "2024-01-11").id == resolve("市税务局", XIANNING, "2024-01-11").id
    assert resolve("中共咸宁市委组织部", XIANNING).id == resolve("市委组织部", XIANNING).id
    assert resolve("沈阳市辽中区农业农村局", LIAOZHONG).id == resolve("区农业农村局", LIAOZHONG).id
    assert resolve("省政府", HENAN).id == resolve("河南省人民政府", HENAN).id


def test_a_year_is_enough_when_the_whole_year_lies_on_one_side_of_a_reform():
    assert resolve("市税务局", XIANNING, "2023").name == "国家税务总局咸宁市税务局"
    assert resolve("市税务局", XIANNING, "2018").name == "咸宁市税务局"  # the merger fell within 2018: as written


def test_a_districts_branch_office_is_its_city_bureaus_branch_there():
    d = resolve("生态环境分局", LIAOZHONG)
    assert d.name == "沈阳市生态环境局辽中分局" and d.jurisdiction == "沈阳市"
    assert resolve("市生态环境分局", XIANNING).name != "沈阳市生态环境局辽中分局"


def test_a_name_naming_its_government_inside_is_not_prefixed_again():
    assert resolve("农发行河南省分行", HENAN).name == "农发行河南省分行"


def test_the_youth_league_is_written_before_its_level():
    assert resolve("团市委", XIANNING).name == "共青团咸宁市委员会" == resolve("市团委", XIANNING).name


def test_a_procuratorate_is_the_peoples_procuratorate():
    assert resolve("省检察院", HENAN).name == "河南省人民检察院" == resolve("省人民检察院", HENAN).name


def test_a_span_of_years_decides_only_when_it_lies_wholly_on_one_side_of_a_reform():
    assert resolve("市税务局", XIANNING, "2023/2024").name == "国家税务总局咸宁市税务局"
    assert resolve("市税务局", XIANNING, "2017/2018").name == "咸宁市税务局"


def test_a_body_of_an_unknown_government_above_is_kept_as_written():
    chaoyang = jurisdiction_by_name("朝阳区")
    assert resolve("市发展改革委", chaoyang).name == "市发展改革委"
    assert resolve("区发展改革委", chaoyang).name == "朝阳区发展和改革委员会"


def test_a_ministry_carries_its_known_short_forms_as_aliases():
    d = resolve("发展改革委", NATIONAL)
    assert {"发展改革委", "国家发展改革委", "国家发改委"} <= set(d.aliases)


@pytest.mark.parametrize("name", ["地方各级人民政府", "县级以上地方人民政府", "县级以上人民政府", "市直各单位"])
def test_governments_of_every_level_are_a_group(name):
    assert resolve(name, NATIONAL).kind == "group"


def test_a_prefectures_bodies_are_written_with_diqu():
    ali = jurisdiction_by_name("阿里地区")
    assert resolve("地区发展改革委", ali).name == "阿里地区发展和改革委员会"


def test_a_zones_committee_is_spelled_out_and_never_prefixed_with_the_city():
    chuzhou = jurisdiction_by_name("滁州市")
    assert resolve("中新苏滁高新区管委会", chuzhou).name == "中新苏滁高新技术产业开发区管理委员会"
    assert resolve("咸宁高新区管委会", XIANNING).id == resolve("咸宁高新技术产业开发区管理委员会", XIANNING).id
    assert resolve("各新区管委会", jurisdiction_by_name("深圳市")).name == "深圳市各新区管委会"  # a group: as written


def test_a_construction_bureau_after_the_2008_reform_is_housing_and_urban_rural_development():
    lishui = jurisdiction_by_name("丽水市")
    assert resolve("市建设局", lishui, "2023-01-01").name == "丽水市住房和城乡建设局"
    assert resolve("市建设局", lishui, "2005-01-01").name == "丽水市建设局"


def test_a_municipalitys_district_names_its_bodies_with_the_municipality():
    shapingba = jurisdiction_by_name("沙坪坝区")
    assert shapingba.parent == "重庆市"
    assert resolve("区发展改革委", shapingba).name == "重庆市沙坪坝区发展和改革委员会"
    assert resolve("区税务局", shapingba, "2022").name == "国家税务总局重庆市沙坪坝区税务局"
    assert resolve("区经济信息委", shapingba).name == "重庆市沙坪坝区经济和信息化委员会"
    assert resolve("区发展改革局", LIAOZHONG).name == "沈阳市辽中区发展和改革局"
    assert resolve("县卫健委", jurisdiction_by_name("吉水县")).name == "吉水县卫生健康委员会"  # a county: its own name


@pytest.mark.parametrize("name, canonical", [("外专局", "国家外国专家局"), ("侨办", "国务院侨务办公室"),
                                             ("国台办", "国务院台湾事务办公室")])
def test_more_central_offices(name, canonical):
    assert resolve(name, NATIONAL).name == canonical


def test_the_peoples_bank_regional_branch_and_industry_without_he():
    shandong = jurisdiction_by_name("山东省")
    assert resolve("人民银行济南分行", shandong).name == "中国人民银行济南分行"
    assert resolve("省工业信息化厅", shandong).name == "山东省工业和信息化厅"


# -- names that are bodies though no suffix says so: the governments of a kind of place, parks by their name


@pytest.mark.parametrize("name", ["相关盟市", "各盟市", "有关旗县", "各旗县（市、区）", "各镇（街道）", "相关县（市、区）",
                                  "各有关县市区", "商贸物流园", "软件园", "食品产业园"])
def test_groups_of_places_and_parks_look_like_bodies(name):
    assert looks_like_body(name)


@pytest.mark.parametrize("name", ["相关市场", "有关工作", "各类主体", "公园", "幼儿园", "各市场主体",
                                  "建成一批有特色的现代农业科技示范园"])
def test_words_ending_like_a_place_group_or_park_are_not_bodies(name):
    assert not looks_like_body(name)


def test_a_group_of_places_named_with_xiangguan_is_a_group_of_the_documents_jurisdiction():
    d = resolve("相关盟市", jurisdiction_by_name("内蒙古自治区"))
    assert d.kind == "group" and d.name == "内蒙古自治区相关盟市"
    assert resolve("相关市县", ANHUI).kind == "group"
    assert resolve("相关处室", ANHUI).kind != "group"  # 相关 before a body's own word is no group of places


def test_a_list_closing_with_a_group_of_places_ends_like_a_body_but_a_clause_does_not():
    assert looks_like_body("电力监管办及相关盟市") and looks_like_body("环保厅和各旗县") and looks_like_body("财政厅、各县")
    assert not looks_like_body("涉及相关县区") and not looks_like_body("普及各乡镇") and not looks_like_body("到达相关县区")


@pytest.mark.parametrize("place, government", [("银川市", "银川市人民政府"), ("吉水县", "吉水县人民政府"),
                                               ("沈阳市辽中区", "辽中区人民政府")])
def test_a_place_listed_as_a_responsible_body_is_its_government(place, government):
    d = resolve(place, ANHUI)
    assert d.name == government and d.kind == "government"
    assert d.id == resolve(government, ANHUI).id


@pytest.mark.parametrize("parts, shared", [
    (["银川市", "石嘴山市", "吴忠市人民政府"], True), (["咸安区", "嘉鱼县", "通山县人民政府"], True),
    (["吉水县", "永丰县政府"], True), (["各市", "县人民政府"], False), (["省发展改革委", "财政厅"], False),
    (["银川市", "石嘴山市教育局"], False), (["银川市发改委", "吴忠市人民政府"], False), (["吴忠市人民政府"], False)])
def test_places_before_one_government_suffix_are_that_many_governments(parts, shared):
    assert shared_government_suffix(parts) is shared


@pytest.mark.parametrize("name, short", [("农委", True), ("教委", True), ("民委", True), ("编办", True),
                                         ("东部", False), ("政府", False), ("试行", False), ("省发改委", False)])
def test_reviewed_short_forms_without_their_level(name, short):
    assert short_stem(name) is short


def test_short_forms_resolve_at_the_documents_level():
    assert resolve("教委", jurisdiction_by_name("北京市")).name == "北京市教育委员会"
    assert resolve("省民委", ANHUI).name == "安徽省民族事务委员会"


@pytest.mark.parametrize("name, place, canonical", [
    ("省人民银行济南分行", "山东省", "中国人民银行济南分行"), ("人民银行济南分行", "山东省", "中国人民银行济南分行"),
    ("市人行咸宁中心支行", "咸宁市", "中国人民银行咸宁中心支行"), ("省人行合肥中心支行", "安徽省", "中国人民银行合肥中心支行")])
def test_a_central_bank_branch_never_takes_a_level_or_province_prefix(name, place, canonical):
    d = resolve(name, jurisdiction_by_name(place), "2015")
    assert d.name == canonical and d.kind == "central-branch"


def test_a_level_before_a_body_that_is_no_branch_is_still_the_levels():
    assert resolve("省人民银行", jurisdiction_by_name("山东省"), "2015").kind != "central-branch"


@pytest.mark.parametrize("name, canonical", [("区财政厅", "宁夏回族自治区财政厅"), ("自治区财政厅", "宁夏回族自治区财政厅"),
                                             ("区发展改革委", "宁夏回族自治区发展和改革委员会")])
def test_an_autonomous_regions_bodies_written_with_qu_are_its_own(name, canonical):
    assert resolve(name, jurisdiction_by_name("宁夏回族自治区"), "2019").name == canonical


def test_a_district_body_in_a_citys_document_is_not_the_citys():
    assert resolve("区财政局", jurisdiction_by_name("银川市"), "2019").name == "区财政局"


@pytest.mark.parametrize("name, place", [("盟行署", "兴安盟"), ("兴安盟行政公署", "内蒙古自治区"), ("兴安盟行署", "内蒙古自治区")])
def test_a_leagues_administrative_office_is_its_government(name, place):
    d = resolve(name, jurisdiction_by_name(place), "2019")
    assert d.name == "兴安盟行政公署" and d.kind == "government"
