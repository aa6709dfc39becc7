"""Department resolution: one body, one node, within its jurisdiction (data in loaders/data)."""

import pytest

from loaders.departments import resolve
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
