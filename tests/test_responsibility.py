"""One test per responsibility style, on real sentences from the bundled plans."""

import pytest

from loaders.responsibility import find_notes, read_note, split_names


def test_rule_style_names_the_first_listed_as_lead_and_declares_the_rule():
    # 000 （一）“互联网+”创业创新
    r = read_note("省发展改革委、省科技厅、省经济和信息化委、省人力资源社会保障厅等负责，列第一位的为牵头部门，下同")
    assert r.leads == ["省发展改革委"]
    assert r.supports == ["省科技厅", "省经济和信息化委", "省人力资源社会保障厅"]
    assert r.basis == "rule" and r.declares_rule


def test_rule_declared_with_xiatong_carries_to_later_notes_in_the_document():
    text = ("（一）甲。（省发展改革委、省科技厅等负责，列第一位的为牵头部门，下同）\n"
            "（二）乙。（省经济和信息化委、省发展改革委、省科技厅等负责）")
    notes = find_notes(text)
    assert [n.reading.basis for n in notes] == ["rule", "rule"]
    assert notes[1].reading.leads == ["省经济和信息化委"]


def test_without_a_declared_rule_a_plain_list_is_first_listed():
    assert read_note("省经济和信息化委、省发展改革委、省科技厅等负责").basis == "first-listed"


def test_lead_and_support_verbs_are_stated():
    # 002 （二）拓展信息消费行业应用
    r = read_note("省经济和信息化委、省发展改革委牵头，省环保厅、省住房城乡建设厅、省交通运输厅、省农委等配合")
    assert r.leads == ["省经济和信息化委", "省发展改革委"]
    assert r.supports == ["省环保厅", "省住房城乡建设厅", "省交通运输厅", "省农委"]
    assert r.basis == "stated"


def test_labelled_lead_and_support_units_split_on_either_comma():
    # 003 （二）互联网＋金融: the support list changes from 、 to ， before the central branches
    r = read_note("牵头单位：市金融办，配合单位：市发展改革委、经贸信息委、科技创新委、市场和质量监管委、前海管理局，"
                  "中国人民银行深圳市中心支行、深圳银监局、深圳证监局、深圳保监局")
    assert r.leads == ["市金融办"]
    assert r.supports[-4:] == ["中国人民银行深圳市中心支行", "深圳银监局", "深圳证监局", "深圳保监局"]
    assert len(r.supports) == 9 and r.basis == "stated"


def test_several_labelled_leads():
    r = read_note("牵头单位：市交通运输委、公安交警局，配合单位：市发展改革委、经贸信息委、科技创新委")
    assert r.leads == ["市交通运输委", "公安交警局"]


def test_responsible_units_without_a_lead_take_the_first_listed():
    # 004 （一）着力推进“互联网+创新”活力迸发
    r = read_note("责任单位：省发改委、省科技厅、省经信委等")
    assert (r.leads, r.supports, r.basis) == (["省发改委"], ["省科技厅", "省经信委"], "first-listed")


def test_labels_on_their_own_lines():
    r = read_note("牵头单位：省经济和信息化委\n责任单位：省发展改革委、省科技厅")
    assert r.leads == ["省经济和信息化委"] and r.supports == ["省发展改革委", "省科技厅"]
    assert r.basis == "stated"


def test_annex_cell_with_lead_and_duty_division():
    # 001 附件 row 1
    r = read_note("省经济和信息化委牵头，省发展改革委、省质监局、省安监局、各市、县人民政府等按职责分工负责")
    assert r.leads == ["省经济和信息化委"]
    assert r.supports == ["省发展改革委", "省质监局", "省安监局", "各市、县人民政府"]


def test_annex_cell_with_no_lead_is_first_listed():
    # 001 附件 row 8
    r = read_note("省高级人民法院、省检察院按职责分工负责")
    assert (r.leads, r.supports, r.basis) == (["省高级人民法院"], ["省检察院"], "first-listed")


@pytest.mark.parametrize("text", ["此件公开发布", "含市、区", "市、县（市、区）", "IPv6", "互联网协议第六版本"])
def test_ordinary_parentheses_are_not_notes(text):
    assert read_note(text) is None


def test_groups_stay_whole_when_names_are_split():
    names = split_names("省推进服务业发展领导小组各成员单位、各市、县人民政府、各市、县（市、区）人民政府等")
    assert names == ["省推进服务业发展领导小组各成员单位", "各市、县人民政府", "各市、县（市、区）人民政府"]


def test_a_note_alone_on_its_line_is_marked_standalone():
    text = "（一）互联网＋制造。\n推动融合。\n（牵头单位：市经贸信息委，配合单位：市发展改革委、科技创新委）\n"
    (note,) = find_notes(text)
    assert note.standalone and note.reading.leads == ["市经贸信息委"]
