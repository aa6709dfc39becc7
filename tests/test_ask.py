"""/ask: real questions about the bundled plans and the answers a reader of them expects."""

from collections import Counter

import pytest

from graph.embedded import EmbeddedStore
from loaders.pipeline import load_file
from queries.ask import INTENTS, Asker
from queries.entities import EntityDictionary, short_name
from tests.conftest import DOCS, ROOT

DEVSET = ROOT / "tests" / "fixtures" / "devset" / "docs"


@pytest.fixture(scope="module")
def asker(loaded_store):
    return Asker(loaded_store, EntityDictionary.build(loaded_store))


def names(answer, key="name"):
    return [i[key] for i in answer["items"]]


def plans_of(answer):
    return {i["plan"]["title"] for i in answer["items"]}


# (question, intent, what the answer must hold)
LEADS = [
    ("省经济和信息化委牵头哪些工作？", lambda a: "“互联网+”制造行动" in names(a, "title") and len(plans_of(a)) >= 3),
    ("安徽省经济和信息化委员会牵头什么？", lambda a: {"安徽省“十三五”信息化发展规划", "安徽省加快推进“互联网+”行动实施方案"}
     <= plans_of(a)),
    ("浙江省的省卫生计生委负责哪些任务？", lambda a: names(a, "title") == ["着力推进“互联网+健康”服务创新"]),
    ("市经贸信息委牵头了什么", lambda a: "互联网＋制造" in names(a, "title") and "互联网＋商贸" in names(a, "title")),
    ("省通信管理局主抓哪些工作", lambda a: "构建下一代信息网络基础设施" in names(a, "title")),
    ("省商务厅牵头什么", lambda a: "“互联网+”电子商务行动" in names(a, "title")),
    ("安徽的省政府金融办负责什么", lambda a: names(a, "title") == ["“互联网+”普惠金融行动"]),
    ("市教育局牵头哪些行动", lambda a: names(a, "title") == ["互联网＋教育"]),
]
SUPPORTS = [
    ("省发展改革委配合哪些工作？", lambda a: "“互联网+”制造行动" in names(a, "title")),
    ("人行合肥中心支行参与哪些工作", lambda a: "加强专项扶持" in names(a, "title")),
    ("深圳海关配合什么", lambda a: names(a, "title") == ["互联网＋商贸"]),
    ("省财政厅协助哪些任务", lambda a: "集约布局建设数据中心" in names(a, "title")),
]
UNIT_LEADS = [
    ("“互联网+”医疗行动由哪个部门牵头？", lambda a: names(a) == ["安徽省卫生和计划生育委员会"]),
    ("谁负责互联网＋交通？", lambda a: names(a) == ["深圳市交通运输委员会", "深圳市公安局交通警察局"]),
    ("互联网＋文化创意的牵头部门是什么", lambda a: names(a) == ["中共深圳市委宣传部", "深圳市文体旅游局"]),
    ("构建诚信体系谁牵头", lambda a: names(a) == ["安徽省发展和改革委员会"]),
    ("积极推进三网融合由谁负责", lambda a: names(a) == ["安徽省经济和信息化委员会"]),
]
UNIT_SUPPORTS = [
    ("谁配合“互联网+”医疗行动？", lambda a: names(a) == ["安徽省发展和改革委员会", "安徽省教育厅", "安徽省科学技术厅",
                                                  "安徽省人力资源和社会保障厅", "安徽省民政厅"]),
    ("互联网＋金融的配合单位有哪些", lambda a: names(a) == [  # the nine 配合单位 as written, the lead (市金融办) not
        "深圳市发展和改革委员会", "深圳市经济贸易和信息化委员会", "深圳市科技创新委员会", "深圳市市场和质量监督管理委员会",
        "深圳市前海深港现代服务业合作区管理局", "中国人民银行深圳市中心支行", "中国银行业监督管理委员会深圳监管局",
        "中国证券监督管理委员会深圳监管局", "中国保险监督管理委员会深圳监管局"]),
    ("“互联网+”智慧能源行动有哪些配合单位", lambda a: "安徽省电力公司" in names(a)),
    ("互联网＋政府服务由哪些单位配合", lambda a: len(a["items"]) == 2),
]
TARGETS = [
    ("2020年关于宽带的目标有哪些？", lambda a: "固定宽带家庭普及率" in names(a) and all(
        i["target_year"] == 2020 for i in a["items"])),
    ("2017年的目标有哪些", lambda a: "孵化高新技术企业" in names(a) and all(i["target_year"] == 2017 for i in a["items"])),
    ("电子商务的目标", lambda a: any("电子商务" in n for n in names(a))),
    ("普及率要达到多少", lambda a: {"固定宽带家庭普及率", "移动宽带用户普及率"} <= set(names(a))),
    ("2020年信息消费的指标", lambda a: "全省信息消费规模" in names(a)),
]
IMPLEMENTS = [
    ("哪些规划贯彻落实国发〔2015〕40号？", lambda a: len(a["items"]) == 3),
    ("落实国发〔2017〕40号的文件有哪些", lambda a: [i["title"][:9] for i in a["items"]] == ["安徽省人民政府关于"]),
    ("国发〔2015〕40号被哪些计划贯彻实施", lambda a: {i["jurisdiction"] for i in a["items"]} == {"安徽省", "深圳市", "浙江省"}),
]
PARTNERS = [
    ("哪些部门和省发展改革委共同承担任务？", lambda a: a["items"][0]["shared"] >= a["items"][-1]["shared"]),
    ("市经贸信息委与哪些部门合作", lambda a: set(names(a)[:2]) == {"深圳市科技创新委员会", "深圳市发展和改革委员会"}),
    ("安徽省经济和信息化委员会的合作伙伴", lambda a: names(a)[0] == "安徽省发展和改革委员会"),
]
PLAN_UNITS = [
    ("安徽省“十三五”信息化发展规划包括哪些行动", lambda a: "网络技术提升行动" in names(a, "title")),
    ("深圳市“互联网＋”行动计划有哪些任务", lambda a: "互联网＋制造" in names(a, "title")),
]

CASES = ([(q, "department_leads", c) for q, c in LEADS] + [(q, "department_supports", c) for q, c in SUPPORTS]
         + [(q, "unit_leads", c) for q, c in UNIT_LEADS] + [(q, "unit_supports", c) for q, c in UNIT_SUPPORTS]
         + [(q, "targets", c) for q, c in TARGETS] + [(q, "plans_implementing", c) for q, c in IMPLEMENTS]
         + [(q, "department_partners", c) for q, c in PARTNERS] + [(q, "plan_units", c) for q, c in PLAN_UNITS])


def test_every_intent_is_asked_by_real_questions():
    """An intent with no question here could answer anything: each has at least two."""
    asked = Counter(intent for _, intent, _ in CASES)
    assert {i.name: asked[i.name] for i in INTENTS if asked[i.name] < 2} == {}


# ASCII ids (the question is in the failure message): tools that pass test ids back to pytest (mutmut) choke
# on escaped Chinese ones.
@pytest.mark.parametrize("question, intent, check", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_real_questions_get_the_expected_answers(asker, question, intent, check):
    a = asker.ask(question)
    assert a["understood"] and a["intent"] == intent, (question, a["intent"])
    assert a["items"] and check(a), (question, a["answer"])
    assert a["query"] and a["answer"]


@pytest.fixture(scope="module")
def documents():
    """The bundled documents as written: every quote must be found in them."""
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS)


def test_every_item_carries_its_evidence(asker, documents):
    """Every item an answer rests on quotes the document it was read from (partners: how many units
    they share, each of which carries its own quote)."""
    for question, intent, _ in CASES:
        for item in asker.ask(question)["items"]:
            assert item["type"] and item["id"] and (item.get("title") or item.get("name")), (question, item)
            if intent == "department_partners":
                assert isinstance(item["shared"], int) and item["shared"] >= 1, (question, item)
            else:
                assert item["quote"] and item["quote"] in documents, (question, item["id"], item.get("quote"))


def test_department_answers_quote_the_responsibility_note(asker):
    for question, quoted in [("省商务厅牵头什么", "省商务厅"), ("深圳海关配合什么", "深圳海关"),
                             ("市教育局牵头哪些行动", "市教育局")]:
        a = asker.ask(question)
        assert a["items"] and all(quoted in i["quote"] for i in a["items"]), (question, a["items"][:1])


@pytest.mark.parametrize("verb", ["支持", "协助", "协同", "参与", "配合"],
                         ids=["zhichi", "xiezhu", "xietong", "canyu", "peihe"])
def test_the_verbs_of_supporting_ask_who_supports(asker, verb):
    unit = asker.ask(f"哪些部门{verb}深圳互联网＋商贸")
    assert unit["intent"] == "unit_supports", unit["answer"]
    assert "中华人民共和国深圳海关" in names(unit) and "深圳市经济贸易和信息化委员会" not in names(unit)
    department = asker.ask(f"省财政厅{verb}哪些工作")
    assert department["intent"] == "department_supports", department["answer"]
    assert "集约布局建设数据中心" in names(department, "title")


def test_working_together_with_a_department_asks_for_partners(asker):
    a = asker.ask("哪些部门和省发展改革委协同")
    assert a["intent"] == "department_partners" and names(a)[0] == "安徽省经济和信息化委员会"


def test_department_items_carry_their_aliases(asker):
    lead = asker.ask("“互联网+”医疗行动由哪个部门牵头？")["items"][0]
    assert lead["name"] == "安徽省卫生和计划生育委员会" and "省卫生计生委" in lead["aliases"]
    supports = {i["name"]: i["aliases"] for i in asker.ask("互联网＋金融的配合单位有哪些")["items"]}
    assert "深圳银监局" in supports["中国银行业监督管理委员会深圳监管局"]
    partner = asker.ask("安徽省经济和信息化委员会的合作伙伴")["items"][0]
    assert partner["name"] == "安徽省发展和改革委员会" and "省发展改革委" in partner["aliases"]


def test_a_jurisdiction_the_graph_holds_narrows_by_its_short_name(tmp_path, graphs):
    """Jurisdictions come from the departments loaded, not a list in the code: a Liaoning plan makes 辽宁 a
    place a question may name, and 辽宁的省财政厅 is Liaoning's, not Anhui's."""
    store = EmbeddedStore(tmp_path / "s")
    store.replace_plan(graphs["000"])
    store.replace_plan(load_file(DEVSET / "a02_liaoning_zfgzbg_fengong2023.txt"))
    try:
        liaoning = Asker(store, EntityDictionary.build(store))
        a = liaoning.ask("辽宁的省财政厅牵头什么")
        assert {"text": "辽宁", "type": "jurisdiction", "ids": ["辽宁省"]} in a["entities"]
        assert a["intent"] == "department_leads" and a["answer"].startswith("辽宁省财政厅牵头1项工作"), a["answer"]
        assert "安徽省" not in a["answer"]
        assert liaoning.ask("安徽省的省财政厅配合什么")["answer"].startswith("安徽省财政厅配合")
    finally:
        store.close()


@pytest.mark.parametrize("full, short", [("安徽省", "安徽"), ("深圳市", "深圳"), ("广西壮族自治区", "广西"),
                                         ("内蒙古自治区", "内蒙古"), ("香港特别行政区", "香港"),
                                         ("全国", None), ("沙市", None), ("吉水县", None)],
                         ids=["province", "city", "zhuang", "neimenggu", "sar", "country", "short-city", "county"])
def test_a_division_is_also_named_without_its_level(full, short):
    assert short_name(full) == short


@pytest.mark.parametrize("question", ["今天天气怎么样", "你好", "省经济和信息化委"], ids=["weather", "hello", "a-name"])
def test_a_question_no_rule_understands_gets_suggestions_not_a_guess(asker, question):
    a = asker.ask(question)
    assert a["understood"] is False and a["items"] == [] and a["suggestions"]


def test_the_longest_name_wins(asker):
    a = asker.ask("安徽省经济和信息化委员会牵头什么")
    assert [e["text"] for e in a["entities"]] == ["安徽省经济和信息化委员会"]


def test_a_name_of_several_jurisdictions_answers_for_all_of_them(asker):
    a = asker.ask("省卫生计生委牵头什么")
    assert "安徽省卫生和计划生育委员会" in a["answer"] and "浙江省卫生和计划生育委员会" in a["answer"]


def test_the_partners_answer_names_the_three_sharing_most_of_at_most_twenty(asker, loaded_store):
    a = asker.ask("安徽省经济和信息化委员会的合作伙伴")
    top = "、".join(f"{i['name']}（{i['shared']}项）" for i in a["items"][:3])
    assert a["answer"] == f"与安徽省经济和信息化委员会共同承担工作最多的是{top}。"
    every = loaded_store.run("department_partners", {"ids": [a["entities"][0]["ids"][0]], "limit": 1000})
    assert len(every) > 20 and len(a["items"]) == 20
