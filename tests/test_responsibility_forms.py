"""Responsibility in every common form, one test per reading rule, each on a minimal example
written for the test (the devset documents are not copied here)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.responsibility import find_notes, is_body, read_note, split_names


def _read(text: str, rule_in_force: bool = False) -> tuple[list[str], list[str], str]:
    r = read_note(text, rule_in_force)
    assert r is not None, text
    return r.leads, r.supports, r.basis


# --- verbs: 牵头 / 配合 / 参与 / 会同 / 负责 ------------------------------------------------------


@pytest.mark.parametrize("text", ["市住建局牵头，市财政局、市自然资源局配合", "市住建局牵头,市财政局、市自然资源局配合"])
def test_lead_with_supports_in_full_or_half_width_punctuation(text):
    assert _read(text) == (["市住建局"], ["市财政局", "市自然资源局"], "stated")


def test_several_bodies_named_before_qiantou_all_lead():
    assert _read("县教育局、县卫健委牵头，县财政局配合")[0] == ["县教育局", "县卫健委"]


def test_you_x_qiantou_y_canyu():
    assert _read("由区商务局牵头，区市场监管局、区税务局参与") == (["区商务局"], ["区市场监管局", "区税务局"], "stated")


def test_lead_then_others_by_their_duties():
    assert _read("省林业局牵头，省财政厅等按职责分工负责") == (["省林业局"], ["省财政厅"], "stated")


def test_a_list_by_duties_with_no_lead_is_first_listed():
    assert _read("市水务局、市农业农村局按职责分工负责") == (["市水务局"], ["市农业农村局"], "first-listed")


def test_a_single_body_responsible_is_first_listed():
    assert _read("市统计局负责") == (["市统计局"], [], "first-listed")


def test_qiantou_fuze_with_several_leads():
    assert _read("市公安局、市交通运输局牵头负责") == (["市公安局", "市交通运输局"], [], "stated")


def test_fuze_followed_by_peihe_names_the_lead():
    assert _read("市医保局负责，市卫健委配合") == (["市医保局"], ["市卫健委"], "stated")


def test_huitong_youguan_bumen_keeps_the_vague_supporters():
    assert _read("国家林草局会同有关部门负责") == (["国家林草局"], ["有关部门"], "stated")


def test_huitong_with_named_partners():
    assert _read("市应急局会同市消防救援支队负责") == (["市应急局"], ["市消防救援支队"], "stated")


# --- labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "牵头单位：市民政局；责任单位：市财政局、市残联",
    "牵头单位:市民政局;责任单位:市财政局、市残联",
    "牵头单位：市民政局，配合单位：市财政局、市残联",
    "【牵头单位】市民政局【配合单位】市财政局、市残联",
])
def test_labelled_lead_and_supports(text):
    assert _read(text) == (["市民政局"], ["市财政局", "市残联"], "stated")


@pytest.mark.parametrize("lead,support", [
    ("牵头部门", "配合部门"), ("牵头责任单位", "配合单位"), ("主办单位", "协办单位"), ("主责单位", "参与单位"),
    ("牵头单位", "协同单位"), ("牵头单位", "责任部门"),
])
def test_label_variants(lead, support):
    assert _read(f"{lead}：区文旅局；{support}：区教育局") == (["区文旅局"], ["区教育局"], "stated")


def test_a_responsible_list_without_a_lead_is_first_listed():
    assert _read("责任单位：县发改局、县工信局") == (["县发改局"], ["县工信局"], "first-listed")


def test_a_person_is_not_a_department():
    assert read_note("牵头领导：王小明") is None
    assert _read("牵头领导：王小明；牵头单位：市司法局") == (["市司法局"], [], "stated")
    assert not is_body("王小明")


def test_no_supporter_written_as_wu():
    assert _read("牵头单位：市审计局；配合单位：无") == (["市审计局"], [], "stated")


def test_label_lines_after_a_paragraph_are_one_standalone_note():
    text = ("3.推进旧城改造。完成改造任务。\n"
            "牵头单位：市住建局\n"
            "牵头领导：李四\n"
            "责任单位：市财政局、市城管局\n"
            "完成时限：2025年底前\n"
            "4.下一项。\n")
    (note,) = find_notes(text)
    assert note.standalone and note.form == "labels"
    assert (note.reading.leads, note.reading.supports) == (["市住建局"], ["市财政局", "市城管局"])
    assert text[note.start:note.end].startswith("牵头单位") and text[note.start:note.end].endswith("市城管局")


def test_each_block_of_label_lines_is_its_own_note():
    text = "1.甲。\n牵头单位：市工信局\n配合单位：市科技局\n2.乙。\n牵头单位：市商务局\n"
    notes = find_notes(text)
    assert [n.reading.leads for n in notes] == [["市工信局"], ["市商务局"]]
    assert notes[1].reading.supports == []


def test_a_list_wrapped_after_a_comma_goes_on_to_the_next_line():
    (note,) = find_notes("牵头单位：市发改委\n责任单位：市财政局、\n市商务局\n")
    assert note.reading.supports == ["市财政局", "市商务局"]


def test_a_label_tail_after_a_sentence_ends_before_the_next_item():
    text = "1.扩大内需。牵头单位：省商务厅；责任单位：省财政厅 2.稳定外贸。牵头单位：省商务厅"
    notes = find_notes(text)
    assert [(n.reading.leads, n.reading.supports) for n in notes] == [(["省商务厅"], ["省财政厅"]), (["省商务厅"], [])]
    assert not notes[0].standalone


# --- the document's own rule -------------------------------------------------------------------


@pytest.mark.parametrize("rule", [
    "列第一位的为牵头部门", "列第一位者为牵头单位", "排在第一位的部门为牵头部门", "第一个为牵头单位",
    "排名第一的为牵头单位", "列首位的为牵头单位",
])
def test_rule_variants(rule):
    r = read_note(f"市发改委、市财政局负责，{rule}")
    assert (r.leads, r.supports, r.basis, r.declares_rule) == (["市发改委"], ["市财政局"], "rule", True)


def test_xiatong_carries_the_rule_to_later_notes():
    text = ("（一）甲。（市发改委、市财政局负责，列第一位者为牵头单位，下同）\n"
            "（二）乙。（市科技局、市发改委负责）\n")
    assert [n.reading.basis for n in find_notes(text)] == ["rule", "rule"]


def test_a_rule_without_xiatong_stays_in_its_note():
    text = "（一）甲。（市发改委、市财政局负责，列第一位的为牵头部门）\n（二）乙。（市科技局、市发改委负责）\n"
    assert [n.reading.basis for n in find_notes(text)] == ["rule", "first-listed"]


def test_a_rule_stated_in_the_text_applies_to_what_follows():
    text = "各项任务中列第一位的为牵头单位，其他为配合单位。\n（一）甲。（市科技局、市发改委负责）\n"
    (note,) = find_notes(text)
    assert note.reading.basis == "rule" and note.reading.leads == ["市科技局"]


# --- bare lists --------------------------------------------------------------------------------


def test_a_bare_list_ending_an_item_is_first_listed():
    text = "1.粮食产量稳定在50万吨。(市农业农村局,各县〔市、区〕政府)\n2.下一项。"
    (note,) = find_notes(text)
    assert (note.reading.leads, note.reading.supports, note.reading.basis) == (
        ["市农业农村局"], ["各县〔市、区〕政府"], "first-listed")


def test_a_bare_list_ending_an_item_on_a_one_line_page():
    notes = find_notes("1.增长7%。（市发改委）2.增长8%。（市商务局） 3.增长9%。（市统计局）按季度报送。")
    assert [n.reading.leads for n in notes] == [["市发改委"], ["市商务局"]]


@pytest.mark.parametrize("text", [
    "成立工作专班（市发改委）负责推进。",          # a gloss after a name
    "设立协调机构（办公室设在市发改委）。",        # a phrase, not a list
    "加快建设。（市发改委）同时推进其他工作。",    # the item goes on
    "推进东部、中西部协调发展。（东部、中西部）\n",  # words that end like bodies
    "实施办法。（试行）\n",
])
def test_a_parenthesis_that_is_not_a_note_is_never_read(text):
    assert find_notes(text) == []


@pytest.mark.parametrize("text", ["以下简称市发改委", "2023年底前", "含市、区", "此件公开发布", "各地区各部门负责", "有关部门负责"])
def test_ordinary_parentheses_are_not_notes(text):
    assert read_note(text) is None


# --- sentences without brackets ----------------------------------------------------------------


def test_a_whole_sentence_naming_the_lead_is_a_note():
    text = "（三）加强协调。\n由市发改委牵头，市财政局、市统计局参与。\n"
    (note,) = find_notes(text)
    assert note.form == "sentence" and note.standalone
    assert (note.reading.leads, note.reading.supports) == (["市发改委"], ["市财政局", "市统计局"])


def test_a_sentence_that_only_mentions_a_lead_is_not_a_note():
    assert find_notes("建立由市发改委牵头的联席会议制度。各地区各部门按职责分工负责。") == []


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,names", [
    ("市财政局、市税务局等", ["市财政局", "市税务局"]),
    ("市财政局等有关部门", ["市财政局"]),
    ("市财政局、市税务局等市级相关单位", ["市财政局", "市税务局"]),
    ("市财政局、其他有关单位", ["市财政局"]),  # the unnamed rest; a named group (各有关单位) is a name
    ("商务部、农业农村部等和各有关省级人民政府", ["商务部", "农业农村部", "各有关省级人民政府"]),
])
def test_etc_and_vague_tails_are_not_names(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("text,names", [
    ("各县（市、区）人民政府、各街道办事处", ["各县（市、区）人民政府", "各街道办事处"]),
    ("各镇人民政府（街道办事处）、区财政局", ["各镇人民政府（街道办事处）", "区财政局"]),
    ("市民政局，各县〔市、区〕政府", ["市民政局", "各县〔市、区〕政府"]),
    ("各县、市、区政府，高新区管委会", ["各县、市、区政府", "高新区管委会"]),
    ("城关区、七里河区人民政府", ["城关区、七里河区人民政府"]),
])
def test_groups_stay_whole(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("text,names", [
    ("文化和旅游部、工业和信息化部", ["文化和旅游部", "工业和信息化部"]),
    ("自然资源和规划局", ["自然资源和规划局"]),
    ("市委和市政府", ["市委", "市政府"]),
    ("县教体局各相关乡镇政府", ["县教体局", "各相关乡镇政府"]),
    ("省政府各部门", ["省政府各部门"]),
])
def test_he_and_ge_join_two_bodies_only_when_both_sides_are_bodies(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("name", ["市总工会", "团市委", "市妇联", "市工商联", "中国证监会", "各乡镇", "各街道（功能区）", "省军区"])
def test_bodies_beyond_the_usual_endings(name):
    assert is_body(name)


# --- further forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["责任单位：市卫健委（牵头）、市医保局", "市卫健委（牵头）、市医保局"])
def test_a_lead_marked_in_a_list(text):
    assert _read(text) == (["市卫健委"], ["市医保局"], "stated")


def test_wei_qiantou_danwei_and_wei_peihe_danwei():
    assert _read("市体育局为牵头单位，市教育局为配合单位") == (["市体育局"], ["市教育局"], "stated")


@pytest.mark.parametrize("text", ["市国资委牵头抓总，各县区政府负责落实", "市国资委负总责，各县区政府负责落实"])
def test_lead_verbs_beyond_qiantou(text):
    assert _read(text) == (["市国资委"], ["各县区政府"], "stated")


def test_short_labels():
    assert _read("牵头：区城管局；配合：区住建局") == (["区城管局"], ["区住建局"], "stated")


@pytest.mark.parametrize("text,names", [
    ("县教体局 各相关乡镇政府", ["县教体局", "各相关乡镇政府"]),
    ("国家发展 改革委、财政部", ["国家发展改革委", "财政部"]),
])
def test_spaces_between_names(text, names):
    assert split_names(text) == names


def test_a_rule_inside_a_label_value_is_not_a_name_and_carries_on():
    text = ("1.甲。\n责任单位：市财政局、市商务局（列第一位的为牵头单位，下同）\n"
            "2.乙。\n责任单位：市科技局、市发改委\n")
    notes = find_notes(text)
    assert [(n.reading.leads, n.reading.supports, n.reading.basis) for n in notes] == [
        (["市财政局"], ["市商务局"], "rule"), (["市科技局"], ["市发改委"], "rule")]


def test_the_rule_written_the_other_way_round():
    assert _read("市发改委、市财政局负责，牵头单位列第一位")[2] == "rule"


def test_verbs_inside_a_label_value():
    assert _read("责任单位：区发改局牵头，区财政局配合") == (["区发改局"], ["区财政局"], "stated")


@pytest.mark.parametrize("text", ["市统计局负责，2025年底前完成", "市统计局负责；完成时限：2025年6月"])
def test_a_deadline_in_a_note_is_not_a_name(text):
    assert _read(text)[0] == ["市统计局"]


def test_a_deadline_alone_is_not_a_note():
    assert read_note("2025年底前完成") is None


def test_a_bare_list_after_a_percentage_ends_the_item():
    (note,) = find_notes("1.城镇化率提高1.2%（市发改委）\n")
    assert note.reading.leads == ["市发改委"]


def test_a_lead_label_whose_value_goes_on_with_a_support_verb():
    assert _read("牵头单位：区发改局，区财政局配合") == (["区发改局"], ["区财政局"], "stated")


@pytest.mark.parametrize("text", ["本办法由市财政局负责", "具体工作由市发改委负责"])
def test_a_clause_about_a_document_or_a_task_is_not_a_note(text):
    assert read_note(text) is None


@pytest.mark.parametrize("name", ["中国（四川）自由贸易试验区管委会", "本溪市人民政府", "从化区人民政府"])
def test_place_names_with_function_words_are_still_bodies(name):
    assert is_body(name)


def test_a_duty_sentence_inside_a_paragraph_is_not_a_note_but_on_its_own_line_it_is():
    notes = find_notes("（三）加强协调。各项工作中市财政局负责。\n市统计局负责。\n")
    assert [(n.form, n.reading.leads) for n in notes] == [("sentence", ["市统计局"])]


def test_a_sentence_opening_with_its_lead_is_a_note_up_to_the_task():
    (note,) = find_notes("（三）加强督查。由市政府督查室牵头，市审计局参与，定期通报进展。\n")
    assert (note.reading.leads, note.reading.supports) == (["市政府督查室"], ["市审计局"])
    assert note.form == "sentence" and not note.standalone


def test_a_lead_inside_a_clause_is_not_a_note():
    assert find_notes("建立由市发改委牵头、各部门参与的联席会议制度。") == []


def test_a_person_in_brackets_after_a_body_is_not_part_of_its_name():
    assert split_names("市发改委（李四）、市场监管局（知识产权局）、各乡镇（街道）") == [
        "市发改委", "市场监管局（知识产权局）", "各乡镇（街道）"]


def test_an_encouragement_to_lead_is_not_a_note():
    assert find_notes("支持龙头企业和行业协会牵头，组建产业联盟。鼓励行业协会牵头。") == []


@pytest.mark.parametrize("text", ["牵头单位（部门）：市发改委；责任单位（部门）：市财政局", "【牵头部门（单位）】市发改委【配合单位】市财政局"])
def test_a_label_with_its_kind_in_brackets(text):
    assert _read(text) == (["市发改委"], ["市财政局"], "stated")


def test_a_body_named_before_its_supporters_leads():
    assert _read("市人社局，市财政局、市税务局配合") == (["市人社局"], ["市财政局", "市税务局"], "stated")


# --- any text ----------------------------------------------------------------------------------

PIECES = ["（", "）", "(", ")", "〔", "〕", "【", "】", "。", "，", "、", "；", "：", ":", "\n", " ", "1.", "（一）",
          "牵头", "配合", "负责", "会同", "由", "等", "有关部门", "牵头单位：", "责任单位：", "【牵头单位】", "牵头领导：",
          "完成时限：", "列第一位的为牵头单位", "，下同", "市发改委", "县财政局", "各县（市、区）政府", "张三", "2024年底前",
          "东部", "试行", "（牵头）", "按职责分工负责"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map("".join))
def test_every_note_found_in_any_text_names_bodies_within_its_span(text):
    for note in find_notes(text):
        assert 0 <= note.start < note.end <= len(text)
        assert note.form in ("bracket", "labels", "sentence")
        if note.form == "bracket":
            assert text[note.start] in "（(〔【[" and text[note.end - 1] in "）)〕】]"
        names = note.reading.leads + note.reading.supports
        assert names and all(is_body(n) for n in names)
        assert note.reading.basis in ("stated", "rule", "first-listed")


def test_label_lines_separated_by_blank_lines_with_zones_and_task_forces():
    text = ("1.地区生产总值增长6%左右。\n\n牵头单位:区发改局\n\n责任单位:临港经济开发区,全区经济运行各专班\n\n"
            "2.一般公共预算收入增长8%左右。\n\n牵头单位:区财政局\n\n责任单位:各街道,税务局\n")
    notes = find_notes(text)
    assert [(n.reading.leads, n.reading.supports) for n in notes] == [
        (["区发改局"], ["临港经济开发区", "全区经济运行各专班"]), (["区财政局"], ["各街道", "税务局"])]


def test_under_a_label_a_place_stands_for_its_government_but_not_without_one():
    assert _read("责任单位：崇川区、海门区") == (["崇川区"], ["海门区"], "first-listed")
    assert read_note("崇川区、海门区负责") is None


def test_a_rule_naming_the_first_as_lead_or_collector_with_an_exception_in_brackets():
    text = ("4.投资增长10%。\n责任单位：市发改委、市经信局（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）\n"
            "5.消费增长5%。\n责任单位：市商务局、市财政局\n")
    notes = find_notes(text)
    assert [(n.reading.leads, n.reading.supports, n.reading.basis) for n in notes] == [
        (["市发改委"], ["市经信局"], "rule"), (["市商务局"], ["市财政局"], "rule")]


def test_fenbie_qiantou_makes_each_a_lead():
    assert _read("责任单位：市人力社保局、市农业农村局分别牵头") == (["市人力社保局", "市农业农村局"], [], "stated")


def test_lead_and_partner_labels_of_a_provincial_work_report():
    text = ("1．全省生产总值增长7%以上。\n牵头负责领导：王五。\n牵头责任单位：省发展改革委。\n"
            "协同责任单位：省政府各部门、各直属机构。\n")
    (note,) = find_notes(text)
    # 各直属机构 shares 省政府 with 省政府各部门: one group, as 各市、县人民政府 shares its suffix
    assert (note.reading.leads, note.reading.supports) == (["省发展改革委"], ["省政府各部门、各直属机构"])


@pytest.mark.parametrize("text", ["市文旅局主办，市体育局协办", "市文旅局主责，市体育局配合"])
def test_zhuban_and_zhuze_name_the_lead(text):
    assert _read(text) == (["市文旅局"], ["市体育局"], "stated")


def test_a_label_whose_names_are_on_the_next_line():
    (note,) = find_notes("1.甲。\n牵头单位：\n市发改委\n配合单位：市财政局\n")
    assert (note.reading.leads, note.reading.supports) == (["市发改委"], ["市财政局"])


def test_a_label_tail_after_a_sentence_and_a_space_on_a_one_line_page():
    notes = find_notes("1.扩大内需。 牵头单位：省商务厅 2.稳定外贸。 牵头单位：省发展改革委")
    assert [n.reading.leads for n in notes] == [["省商务厅"], ["省发展改革委"]]


def test_juti_you_x_fuze():
    assert _read("具体由市住建局负责，市城管局配合") == (["市住建局"], ["市城管局"], "stated")


def test_a_label_followed_by_wei():
    assert _read("牵头单位为市发改委，配合单位为市财政局、市商务局") == (["市发改委"], ["市财政局", "市商务局"], "stated")
    assert read_note("牵头单位为第一责任人") is None
