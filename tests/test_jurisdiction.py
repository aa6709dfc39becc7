"""Whose document it is, read as a reader would: the issuer, the number, the title, the address."""

import pytest

from loaders.jurisdiction import of_government, read_jurisdiction
from loaders.knowledge import doc_number_candidates, jurisdiction_by_name, jurisdiction_of_doc_number


def _read(issuers=(), doc_number=None, title=None, lines=(), text=""):
    j = read_jurisdiction(issuers=list(issuers), doc_number=doc_number, title=title, lines=list(lines), text=text,
                          year=None)
    return j.name if j else None


@pytest.mark.parametrize("number, name", [("皖政〔2018〕20号", "安徽省"), ("辽政发〔2023〕2号", "辽宁省"),
                                          ("豫政〔2023〕5号", "河南省"), ("川办函〔2015〕160号", "四川省"),
                                          ("内政发〔2020〕1号", "内蒙古自治区"), ("沈辽中政发〔2024〕1号", "辽中区"),
                                          ("东府〔2021〕54号", "东莞市"), ("三政办〔2023〕1号", "三门峡市"),
                                          ("国发〔2019〕3号", "全国"), ("国办发〔2018〕126号", "全国"),
                                          ("国办函〔2020〕9号", "全国")])
def test_the_number_names_its_government(number, name):
    assert jurisdiction_of_doc_number(number).name == name


def test_a_stem_two_governments_use_is_told_apart_by_the_issuer():
    assert {j.name for j in doc_number_candidates("宁政发〔2019〕3号")} == {"宁夏回族自治区", "南京市"}
    assert jurisdiction_of_doc_number("宁政发〔2019〕3号") is None
    assert jurisdiction_of_doc_number("宁政发〔2019〕3号", "自治区人民政府").name == "宁夏回族自治区"
    assert jurisdiction_of_doc_number("宁政发〔2019〕3号", "南京市人民政府").name == "南京市"


def test_an_unknown_number_stem_tells_nothing():
    assert jurisdiction_of_doc_number("市政办函〔2024〕26号") is None


@pytest.mark.parametrize("issuer, name", [("沈阳市辽中区人民政府", "辽中区"), ("济南市钢城区人民政府办公室", "钢城区"),
                                          ("国务院办公厅", "全国"), ("国务院", "全国"), ("河南省人民政府", "河南省"),
                                          ("立山区人民政府", "立山区"), ("兴安盟行政公署", "兴安盟"),
                                          ("内蒙古自治区兴安盟科尔沁右翼前旗人民政府", "科尔沁右翼前旗"),
                                          ("延边朝鲜族自治州人民政府", "延边朝鲜族自治州"), ("吉水县人民政府", "吉水县")])
def test_the_issuer_names_its_government_at_the_lowest_level_it_names(issuer, name):
    assert of_government(issuer).name == name


def test_the_issuer_wins_over_a_number_it_does_not_contradict():
    assert _read(["沈阳市辽中区人民政府"], "沈辽中政发〔2024〕1号") == "辽中区"


def test_a_level_only_issuer_is_completed_by_the_place_its_title_names():
    title = "市人民政府关于某某市贯彻落实若干政策措施的通知".replace("某某市", "咸宁市")
    assert _read(["市人民政府"], None, title) == "咸宁市"
    assert _read(["市人民政府"], None, "市人民政府关于印发河南省某方案的通知") is None  # a province is no 市


def test_a_masthead_naming_a_government_tells_it():
    assert _read(lines=["钢城区人民政府公报2021年第3期", "目录"]) == "钢城区"


def test_a_state_council_address_line_tells_a_national_document():
    assert _read(lines=["各省、自治区、直辖市人民政府，国务院各部委、各直属机构："]) == "全国"


def test_bodies_named_after_one_place_at_the_documents_own_level():
    text = "（牵头单位：市发改委；责任单位：孝感高新区管委会）\n（牵头单位：市财政局；责任单位：孝感高新区管委会）"
    assert _read(text=text) == "孝感市"
    county = "完成高安二中扩建。责任单位：县教体局\n高安二中新校区开工。责任单位：县教体局"
    assert _read(text=county) is None  # 高安 is a 市, not a county: the bodies are written 县
    assert _read(text=county.replace("高安", "吉水")) == "吉水县"


def test_a_place_named_once_or_two_places_tell_nothing():
    assert _read(text="（牵头单位：市发改委；责任单位：孝感高新区管委会）") is None
    two = "（责任单位：市发改委、孝感高新区管委会、孝感高新区管委会、咸宁高新区管委会、咸宁高新区管委会）"
    assert _read(text=two) is None


def test_nothing_to_tell_is_none_never_a_placeholder():
    assert _read(lines=["一、工作任务"], text="（牵头单位：区司法局）") is None


@pytest.mark.parametrize("name", ["全国", "安徽省", "辽中区", "东莞市", "兴安盟", "科尔沁右翼前旗", "延边朝鲜族自治州"])
def test_every_government_is_known_by_its_own_name(name):
    assert jurisdiction_by_name(name).name == name


def test_levels_are_how_a_governments_bodies_are_prefixed():
    levels = {n: jurisdiction_by_name(n).level for n in ("安徽省", "内蒙古自治区", "深圳市", "兴安盟", "辽中区",
                                                          "吉水县", "科尔沁右翼前旗", "延边朝鲜族自治州")}
    assert levels == {"安徽省": "省", "内蒙古自治区": "自治区", "深圳市": "市", "兴安盟": "盟", "辽中区": "区",
                      "吉水县": "县", "科尔沁右翼前旗": "旗", "延边朝鲜族自治州": "州"}


def test_an_autonomous_prefecture_written_short_is_found():
    assert of_government("延边州人民政府").name == "延边朝鲜族自治州"
    assert of_government("恩施州人民政府").level == "州"


@pytest.mark.parametrize("issuer", ["国家发展改革委", "国家发展和改革委员会", "工业和信息化部", "中国人民银行"])
def test_a_ministrys_document_is_national(issuer):
    assert of_government(issuer).name == "全国"


def test_a_central_branch_issuer_is_its_places():
    assert of_government("国家税务总局咸宁市税务局").name == "咸宁市"


def test_a_ministry_addressing_the_provinces_is_national():
    assert _read(lines=["各省、自治区、直辖市及计划单列市发展改革委："]) == "全国"


def test_a_name_two_places_share_is_known_without_its_parent_unless_the_text_names_it():
    alone = of_government("朝阳区人民政府")
    assert alone.name == "朝阳区" and alone.parent is None
    assert of_government("北京市朝阳区人民政府").parent == "北京市"
    assert of_government("长春市朝阳区人民政府").parent == "长春市"


def test_a_shared_number_stem_without_an_issuer_is_told_apart_by_the_level_its_bodies_are_written_with():
    text = "（牵头单位：自治区发展改革委；配合单位：自治区财政厅）"
    assert _read(doc_number="宁政发〔2019〕3号", text=text) == "宁夏回族自治区"
    assert _read(doc_number="宁政发〔2019〕3号", text="（牵头单位：市发展改革委）") == "南京市"


# -- the weakest clues: a preamble adapting the plan to a place, a news lead naming the publisher


@pytest.mark.parametrize("line, name, bodies", [
    ("为推动全县经济发展，结合吉水县实际，制定本方案。", "吉水县", "（县发改局牵头，县财政局配合）"),
    ("根据省有关文件精神，结合辽中区工作实际，现提出如下措施：", "辽中区", "（区发改局牵头）"),
    ("结合沈阳市辽中区实际，特制定如下措施。", "辽中区", ""),
    ("结合内蒙古自治区实际，制定本方案。", "内蒙古自治区", "（自治区发展改革委牵头，自治区财政厅配合）")])
def test_the_place_a_preamble_adapts_the_plan_to(line, name, bodies):
    assert _read(lines=[line], text=line + "\n一、任务" + bodies) == name


def test_a_preamble_place_at_another_level_than_the_bodies_is_not_the_documents():
    # 结合吉水县实际 in a document whose bodies are all 市X局: a county's example, not the issuer
    line = "结合吉水县实际，推广经验。"
    assert _read(lines=[line], text=line + "（市发改局牵头，市财政局、市商务局配合）") is None


def test_a_preamble_naming_no_place_tells_nothing():
    line = "结合我市实际，制定本方案。"
    assert _read(lines=[line], text=line) is None


@pytest.mark.parametrize("line, name", [
    ("新华网消息：近日，河南省人民政府网站发布了《河南省人民政府关于印发某某方案的通知》。", "河南省"),
    ("今天，内蒙古自治区人民政府办公厅印发《关于某某工作的实施意见》，明确了…", "内蒙古自治区"),
    ("记者获悉，吉水县政府日前出台《吉水县某某行动计划》", "吉水县")])
def test_the_government_a_news_lead_says_published_the_plan(line, name):
    assert _read(lines=[line], text=line) == name


def test_the_stronger_clues_come_before_a_news_lead():
    line = "今天，河南省人民政府网站发布了《关于某某的通知》。"
    assert _read(issuers=["辽宁省人民政府"], lines=[line], text=line) == "辽宁省"
    adapted = "结合吉水县实际，制定本方案。"
    assert _read(lines=[line, adapted], text=line + adapted + "（县发改局牵头）") == "吉水县"


@pytest.mark.parametrize("line, name", [
    ("为贯彻《江西省乡村振兴条例》和《吉安市实施方案》，推动本县乡村发展，现就吉水县有关工作通知如下：", "吉水县")])
def test_a_preamble_speaking_of_our_city_names_the_one_place_of_that_level(line, name):
    assert _read(lines=[line], text=line) == name


def test_our_city_naming_a_prefecture_is_that_prefectures_only_when_the_address_line_rules_out_a_county_level_city():
    line = "根据《咸宁市人民政府关于推进重点工作的通知》精神，为推进我市经济发展，制定本方案。"
    assert _read(lines=[line], text=line) is None  # 赤壁市 (a county-level 市 under 咸宁) writes the same
    assert _read(lines=["各县（市、区）人民政府，市政府各部门：", line]) == "咸宁市"


@pytest.mark.parametrize("line", [
    "根据《咸宁市人民政府关于推进工作的通知》和《黄石市实施意见》，推进我市发展。",  # two cities: which is ours?
    "根据《湖北省人民政府关于推进工作的通知》，推进我市发展。",  # the province is another level
    "为推进咸宁市和我县合作，制定本方案。"])  # 我县, and no county named
def test_a_preamble_speaking_of_our_city_without_one_place_of_that_level_tells_nothing(line):
    assert _read(lines=[line], text=line) is None


def test_a_weak_clue_naming_a_place_two_divisions_share_tells_nothing():
    line = "结合朝阳区实际，制定本方案。"  # 北京市朝阳区 or 长春市朝阳区: the parent is not named
    assert _read(lines=[line], text=line + "（区发改委牵头）") is None
    named_in_full = "结合北京市朝阳区实际，制定本方案。"
    assert _read(lines=[named_in_full], text=named_in_full + "（区发改委牵头）") == "朝阳区"


def test_a_news_lead_naming_an_autonomous_region_fits_bodies_written_with_qu():
    line = "近日，广西壮族自治区人民政府网站发布了《关于某某工作的通知》。"
    assert _read(lines=[line], text=line + "（区财政厅牵头，区发展改革委配合）") == "广西壮族自治区"


# -- clues that need two facts to agree: a number's stem, the issuer's level, a place the text names


def test_the_address_line_tells_the_issuers_level():
    from loaders.place_clues import address_level
    assert address_level(["各州、市人民政府，省直各部门：", "为做好…"]) == "省"
    assert address_level(["各县（市、区）人民政府，市政府各部门、各直属机构："]) == "市"
    assert address_level(["各乡镇人民政府，县直各单位："]) == "县"
    assert address_level(["各街道办事处，区人民政府各部门："]) == "区"
    assert address_level(["各省、自治区、直辖市人民政府，国务院各部委："]) is None  # no government of a level
    assert address_level(["各县人民政府，市直各单位，省直有关单位："]) is None  # two levels: who is the issuer?


def test_a_number_stem_is_completed_by_the_issuers_level_and_the_place_the_text_names():
    lines = ["各区人民政府，市各委、办、局：", "现将工作要点印发给你们。"]
    text = "\n".join(lines) + "\n一、任务\n（市经信委、常州国税局、市商务局）"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) == "常州市"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text.replace("常州国税局", "国税局")) is None


def test_a_number_the_table_gives_a_province_is_not_the_provinces_under_a_citys_address_line():
    lines = ["各区人民政府，市各委、办、局："]
    assert _read(doc_number="豫政〔2015〕8号", lines=["各市、县人民政府，省人民政府各部门："]) == "河南省"
    assert _read(doc_number="豫政〔2015〕8号", lines=lines, text="（市发改委牵头）") is None
    assert _read(["市人民政府"], "豫政〔2015〕8号", text="（市发改委牵头）") is None


def test_a_level_only_issuer_and_a_county_named_by_its_short_name():
    lines = ["县人民政府办公室关于做好春耕生产的通知", "各乡镇人民政府，县政府各部门，潜江经济开发区："]
    text = "\n".join(lines) + "\n一、稳定粮食面积（牵头单位：县农业农村局）"
    # 潜江 is a 市, not a county: a 县's document whose stem 潜 names no county of that name tells nothing
    assert _read(["县人民政府办公室"], "潜政办发〔2020〕3号", lines=lines, text=text) is None
    lines[1] = "各乡镇人民政府，县政府各部门，通山经济开发区："
    text = "\n".join(lines) + "\n一、稳定粮食面积（牵头单位：县农业农村局）"
    assert _read(["县人民政府办公室"], "通政办发〔2020〕3号", lines=lines, text=text) == "通山县"


def test_the_stem_rule_answers_nothing_when_the_levels_disagree_or_two_places_fit():
    lines = ["各乡镇人民政府，县政府各部门："]
    text = "\n".join(lines) + "\n一、任务（牵头单位：市发改委；责任单位：市财政局、市统计局）常州、常熟两地"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) is None  # 县 above, 市 bodies below
    lines = ["各区人民政府，市各委、办、局："]
    text = "\n".join(lines) + "\n（市发改委牵头）常州市、常德市共建"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) is None  # 常州 and 常德 are both 市


def test_an_issuer_addressing_districts_is_no_county_level_city():
    lines = ["各区人民政府，市各委、办、局：", "为推进常州市、常熟市共建产业园，制定本方案。"]
    text = "\n".join(lines) + "\n（市发改委牵头）"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) == "常州市"  # 常熟 is a county-level 市
    lines[0] = "各镇人民政府、各街道办事处，市各委、办、局："
    text = "\n".join(lines) + "\n（市发改委牵头）"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) == "常熟市"  # towns: a county-level 市


def test_a_full_name_once_in_passing_completes_no_stem():
    lines = ["各区人民政府，市各委、办、局："]
    text = "\n".join(lines) + "\n一、（市发改委牵头）常州市开展试点"
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text) is None
    assert _read(doc_number="常政发〔2012〕8号", lines=lines, text=text + "。常州市工业园区扩区") == "常州市"


def test_an_issuer_stating_its_level_and_a_preamble_naming_one_place_of_it():
    lines = ["市人民政府办公室关于印发重点工作分工的通知", "各县（市、区）人民政府，市政府各部门：",
             "为推动襄阳市高质量发展，经市人民政府同意，现将分工印发给你们。"]
    text = "\n".join(lines) + "\n一、（市发改委牵头，市财政局配合）"
    assert _read(["市人民政府办公室"], lines=lines, text=text) == "襄阳市"
    lines[2] = "为推动襄阳市、宜城市协同发展，现将分工印发给你们。"  # 宜城 is a county-level 市 under 襄阳
    assert _read(["市人民政府办公室"], lines=lines, text="\n".join(lines) + "（市发改委牵头）") == "襄阳市"
    lines[2] = "为推动襄阳市、十堰市协同发展，现将分工印发给你们。"
    assert _read(["市人民政府办公室"], lines=lines, text="\n".join(lines) + "（市发改委牵头）") is None


def test_a_government_bodys_credit_code_in_the_index_number_names_its_place():
    lines = ["索引号：11320500014160385X-01-2020-0012 发布机构：", "各区人民政府，市各委办局："]
    assert _read(lines=lines, text="\n".join(lines) + "（市发改委牵头，市财政局配合）") == "苏州市"
    # a company's code (9…) is no government's; a code at another level than the bodies is not the document's
    company = ["统一社会信用代码：91320500014160385X"]
    assert _read(lines=company, text="（市发改委牵头）") is None
    assert _read(lines=lines, text="（县发改局牵头，县财政局配合）") is None


def test_a_branch_named_after_the_province_twice_beside_province_bodies():
    text = ("（省发展改革委牵头；省财政厅、中国银行四川省分行配合）\n"
            "（省财政厅牵头；省商务厅、农业银行四川省分行配合）")
    assert _read(text=text) == "四川省"
    assert _read(text=text.replace("省发展改革委", "市发改委").replace("省财政厅", "市财政局")
                 .replace("省商务厅", "市商务局")) is None  # a province's branch in a city's plan


def test_a_dated_news_lead_names_the_issuer():
    lead = "本报讯 日前，湖南省人民政府印发关于促进消费的若干措施。"
    assert _read(lines=[lead], text=lead + "\n一、（省商务厅牵头，省财政厅配合）") == "湖南省"
    assert _read(lines=[lead], text=lead + "\n一、（市商务局牵头）") is None  # a city's bodies: a city's copy
    lead = "近日，国务院印发《关于进一步优化营商环境的意见》。"
    assert _read(lines=[lead], text=lead + "\n（一）（商务部、国家发展改革委牵头，各地区按职责分工负责）") == "全国"
    assert _read(lines=[lead], text=lead + "\n（一）（省商务厅牵头）") is None  # a province carrying it out
    ours = [lead, "为抓好贯彻落实，结合我省实际，制定本方案。"]
    assert _read(lines=ours, text="\n".join(ours) + "（一）（商务部门牵头）") is None


def test_a_preamble_citing_the_state_council_is_not_a_news_lead():
    line = "为贯彻落实国务院印发的《关于进一步优化营商环境的意见》，结合实际，制定本方案。"
    assert _read(lines=[line], text=line + "（商务部牵头）") is None


def test_a_stem_two_cities_use_goes_to_the_one_the_text_names_when_it_never_names_the_tables():
    preamble = "为加快济宁市文化旅游融合发展，制定本方案。"
    text = preamble + "\n一、（市文化和旅游局牵头，市财政局配合）"
    assert _read(doc_number="济政发〔2020〕3号", lines=[preamble], text=text) == "济宁市"
    assert _read(doc_number="济政发〔2020〕3号", text=text.replace("济宁", "济南")) == "济南市"
    assert _read(doc_number="济政发〔2020〕3号", text="一、（市文化和旅游局牵头）") == "济南市"  # the table's
    once = "一、（市文化和旅游局牵头）与济宁市开展文旅合作"
    assert _read(doc_number="济政发〔2020〕3号", text=once) == "济南市"  # named once, in passing
    both = "济南市、济宁市两地合作。（市文化和旅游局牵头）"
    assert _read(doc_number="济政发〔2020〕3号", text=both) == "济南市"  # the table's government is named


def test_a_plan_printed_under_its_own_name_is_named_after_its_place():
    title = "关于印发襄阳市2023年重点工作责任分解方案的通知"
    assert _read(title=title, text="（市发改委牵头，市财政局配合）") == "襄阳市"
    assert _read(lines=["襄阳市2023年重点工作责任分解方案"], text="（市发改委牵头）") == "襄阳市"
    assert _read(lines=["2023年襄阳市政府工作报告重点任务分解表"], text="（市发改委牵头）") == "襄阳市"
    assert _read(title=title, text="（县发改局牵头，县财政局配合）") is None  # a county's bodies: a city's plan relayed
    relayed = "关于转发襄阳市2023年重点工作责任分解方案的通知"
    assert _read(title=relayed, text="（市发改委牵头）") is None
    assert _read(["县人民政府办公室"], title=title, text="（发改局牵头）") is None  # the issuer is a 县


def test_the_central_banks_regional_branch_names_no_documents_place():
    text = "（市金融办牵头，人民银行成都分行、市财政局配合）\n（市金融办牵头，人民银行成都分行配合）"
    assert _read(text=text) is None  # 成都分行 serves 四川, 贵州, 云南 and 西藏: a 德阳 plan may name it


def test_a_stems_short_name_counts_only_before_a_body_of_its_place():
    lines = ["各乡镇人民政府，县直各单位："]
    text = "\n".join(lines) + "\n一、深化平安建设（牵头单位：县公安局；责任单位：县司法局）"

    def read(text):
        j = read_jurisdiction(issuers=[], doc_number="平政办〔2013〕2号", title=None, lines=lines, text=text, year=2013)
        return j.name if j else None

    assert read(text) is None  # 平安 (青海平安县 until 2015) is a word here, not a county's name
    assert read(text.replace("深化平安建设", "推进平江经济开发区扩区")) == "平江县"
