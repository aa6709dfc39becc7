"""Outlines as reposts and excerpts publish them, and the numbering of paragraphs: minimal documents.

Patterns of official writing: a repost that quotes only some parts (二、… （五）… with nothing before),
a number alone on its line with the title on the next, 第一，…第二，… / 首先…其次… opening paragraphs.
"""

import pytest

from loaders.outline import parse_outline
from tests.minimal_documents import read, staffed


def titles(text: str) -> list[str]:
    return [h.title for h in parse_outline(text).headings if not h.inline]


# -- an excerpt that starts mid-way ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "其中，本局参与的工作如下：\n二、深化改革\n（五）释放创新潜能。（市科技局牵头）\n（六）扩大开放。（市商务局牵头）\n",
    "二、深化改革\n(五)释放创新潜能。(市科技局牵头)\n(六)扩大开放。(市商务局牵头)\n",
    "三、深化改革\n\n（二）释放创新潜能。（市科技局牵头）\n\n（三）扩大开放。（市商务局牵头）\n",
])
def test_an_excerpt_starting_mid_way_reads_from_where_it_starts(body):
    graph = read(body)
    assert staffed(graph) == {"释放创新潜能": ["L:市科技局"], "扩大开放": ["L:市商务局"]}
    assert any(w.kind == "items-left-out" for w in graph.warnings)


def test_an_excerpt_of_one_heading_at_each_level_reads():
    graph = read("转发如下（附相关部分）：\n四、保障民生\n（七）办好教育。\n推进学校建设。（市教育局牵头，市财政局配合）\n")
    assert staffed(graph) == {"办好教育": ["L:市教育局", "S:市财政局"]}
    left_out = [w.evidence.quote for w in graph.warnings if w.kind == "items-left-out"]
    assert left_out == ["四、保障民生", "（七）办好教育。"]


def test_a_project_list_starting_mid_way_under_a_full_outline_is_still_a_stray_number():
    assert titles("一、任务\n（一）甲。\n3.这不是标题，前面没有1和2。\n（二）乙。\n") == ["任务", "甲", "乙"]


def test_a_number_before_the_outline_proper_opens_nothing():
    assert titles("根据要求，现通知如下：\n3.请各单位于月底前报送材料。\n一、任务\n（一）甲。\n") == ["任务", "甲"]
    assert titles("现通知如下：\n（三）请各单位报送。\n（一）甲。\n（二）乙。\n") == ["甲", "乙"]


def test_the_second_entry_of_a_list_begun_on_the_line_before_is_no_heading():
    assert titles("现印发给你们。\n附件：1．某某实施方案\n2．某某任务清单\n") == []
    assert titles("附件:1. 某某实施方案\n\n2. 某某任务清单\n") == []


# -- a number alone on its line --------------------------------------------------------------------

def test_a_number_alone_on_its_line_takes_the_title_on_the_next():
    assert titles("一、\n总体要求\n二、\n重点任务\n（一）\n建设平台。推进建设。\n(二)\n完善机制\n3.\n") == [
        "总体要求", "重点任务", "建设平台", "完善机制"]


def test_a_number_alone_before_another_numbered_line_is_still_skipped():
    outline = parse_outline("一、重点任务\n（一）\n1.建设平台。\n")
    assert [h.title for h in outline.headings] == ["重点任务", "建设平台"]
    assert any("（一）" in s.reason for s in outline.skipped)


def test_a_heading_joined_with_its_title_line_carries_its_note():
    graph = read("一、\n重点任务\n（一）\n建设平台（市工信局负责）\n（二）\n完善机制（市财政局负责）\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局"], "完善机制": ["L:市财政局"]}
    assert next(u for u in graph.units if u.title == "建设平台").evidence.quote == "（一）\n建设平台"


# -- 第一，…第二，… / 首先，…其次，… opening paragraphs ----------------------------------------------

@pytest.mark.parametrize("first, second, third", [("第一，", "第二，", "第三，"), ("首先，", "其次，", "最后，"),
                                                  ("第一:", "第二:", "第三:"), ("首先，", "其次，", "再次，")])
def test_ordinal_paragraph_openers_number_the_items_of_their_heading(first, second, third):
    graph = read(f"一、重点任务\n（一）加强保障。\n{first}建立机制。（市发展改革委负责）\n{second}强化队伍。（市人社局负责）\n"
                 f"{third}严格考核。（市委组织部负责）\n（二）完善制度。（市司法局负责）\n")
    assert staffed(graph) == {"建立机制": ["L:市发展改革委"], "强化队伍": ["L:市人社局"], "严格考核": ["L:市委组织部"],
                              "完善制度": ["L:市司法局"]}


def test_ordinals_inside_a_paragraph_or_out_of_order_number_nothing():
    graph = read("一、重点任务\n（一）加强保障。首先，建立机制；其次，强化队伍。（市发展改革委负责）\n"
                 "（二）完善制度。\n第二，这一段不从第一开始。\n第一批项目的内容不是编号。\n（市司法局负责）\n")
    assert staffed(graph) == {"加强保障": ["L:市发展改革委"], "完善制度": ["L:市司法局"]}


def test_last_alone_numbers_nothing():
    outline = parse_outline("一、任务\n（一）甲。\n最后，做好总结。\n")
    assert [h.title for h in outline.headings] == ["任务", "甲"]


# -- an annex with an outline of its own, after an outlined notice -----------------------------------

@pytest.mark.parametrize("mark", ["附件\n", "附件1\n", "附件：\n"])
def test_an_annex_outline_naming_departments_after_an_outlined_notice_is_read(mark):
    graph = read("一、提高认识\n二、加强领导\n" + mark + "某某重点任务分工方案\n一、重点任务\n"
                 "（一）建设平台。（市工信局负责）\n（二）完善机制。（市财政局牵头，市司法局配合）\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局"], "完善机制": ["L:市财政局", "S:市司法局"]}
    annex = [u for u in graph.units if u.annex]
    assert [u.title for u in annex] == ["建设平台", "完善机制"] and annex[0].path.startswith("附件 > ")
    body = next(u for u in graph.units if u.title == "提高认识")
    assert not body.annex and len({u.id for u in graph.units}) == len(graph.units)


def test_a_text_quoting_parts_of_a_plan_steps_over_the_parts_it_leaves_out():
    graph = read("其中，本局参与的工作如下：\n二、深化改革\n（五）释放潜能。（市科技局牵头）\n（九）扩大开放。（市商务局牵头）\n"
                 "六、保障民生\n（十二）办好教育。（市教育局牵头）\n")
    assert staffed(graph) == {"释放潜能": ["L:市科技局"], "扩大开放": ["L:市商务局"], "办好教育": ["L:市教育局"]}


def test_a_full_outline_still_reads_a_far_jump_as_a_stray_number():
    assert titles("一、任务\n（一）甲。\n（二）乙。\n（九）这一行不接续。\n（三）丙。\n") == ["任务", "甲", "乙", "丙"]


def test_a_text_quoting_parts_from_a_run_steps_over_left_out_parts_too():
    graph = read("二、深化改革\n（五）释放潜能。（市科技局牵头）\n三、扩大开放\n（二）引进外资。（市商务局牵头）\n"
                 "（八）办好展会。（市文旅局牵头）\n")
    assert staffed(graph) == {"释放潜能": ["L:市科技局"], "引进外资": ["L:市商务局"], "办好展会": ["L:市文旅局"]}


def test_a_number_before_closing_punctuation_is_no_heading():
    outline = parse_outline("2、)各街道3老城厢复兴发展完成纪念馆提升工程\n3．，继续推进\n")
    assert outline.headings == [] and len(outline.skipped) == 2


def test_a_box_number_written_twice_gets_an_id_of_its_own():
    graph = read("一、重点任务\n（一）建设平台。\n专栏1 数据中心（市工信局负责）\n专栏1 服务平台（市财政局负责）\n")
    boxes = [u for u in graph.units if u.path.split(" > ")[-1].startswith("专栏1")]
    assert len(boxes) == 2 and boxes[0].id != boxes[1].id
