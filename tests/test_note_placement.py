"""Where a responsibility note belongs, and what the reader warns about: minimal documents."""

import pytest

from graph.errors import DocumentError
from loaders.pipeline import read_document
from tests.minimal_documents import read, staffed


def test_label_lines_after_each_item_belong_to_that_item():
    graph = read("一、主要目标\n1.地区生产总值增长6%。\n牵头单位：市发展改革委\n责任单位：市统计局\n"
                 "2.进出口总额增长5%。\n牵头单位：市商务局\n责任单位：市财政局\n")
    assert staffed(graph) == {"地区生产总值增长6%": ["L:市发展改革委", "S:市统计局"],
                              "进出口总额增长5%": ["L:市商务局", "S:市财政局"]}


def test_a_note_after_a_run_of_items_without_notes_belongs_to_their_parent():
    graph = read("一、重点任务\n（一）建设平台。\n1.建数据中心。\n2.建服务平台。\n（责任单位：市工信局、市财政局）\n"
                 "（二）完善机制。\n1.建制度。\n2.建台账。\n（责任单位：市发展改革委）\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局", "S:市财政局"], "完善机制": ["L:市发展改革委"]}


def test_a_note_after_the_only_item_belongs_to_the_item():
    graph = read("一、重点任务\n（一）建设平台。\n1.建数据中心。\n（责任单位：市工信局）\n")
    assert staffed(graph) == {"建数据中心": ["L:市工信局"]}


def test_a_note_after_a_leaf_action_whose_siblings_have_theirs_belongs_to_it():
    graph = read("一、重点任务\n（一）建设平台。\n推进建设。\n（牵头单位：市工信局）\n"
                 "（二）完善机制。\n推进改革。\n（牵头单位：市发展改革委）\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局"], "完善机制": ["L:市发展改革委"]}


def test_a_note_before_the_first_sub_item_belongs_to_the_heading():
    graph = read("一、重点任务\n（一）建设平台。\n（牵头单位：市工信局）\n1.建数据中心。\n2.建服务平台。\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局"]}


def test_an_inline_note_belongs_to_the_innermost_unit():
    graph = read("一、重点任务\n（一）建设平台。\n1.建数据中心。（市工信局负责）\n2.建服务平台。\n")
    assert staffed(graph) == {"建数据中心": ["L:市工信局"]}


def test_a_note_ending_a_paragraph_of_yi_shi_items_belongs_to_the_paragraph():
    graph = read("一、重点任务\n（一）加强保障。一是建机制；二是强队伍。（市发展改革委、市人社局负责）\n（二）完善制度。\n")
    assert staffed(graph) == {"加强保障": ["L:市发展改革委", "S:市人社局"]}


def test_a_note_outside_every_task_is_a_warning_not_a_guess():
    graph = read("（牵头单位：市工信局）\n一、重点任务\n（一）建设平台。\n（二）完善机制。（牵头单位：市财政局）\n")
    assert staffed(graph) == {"完善机制": ["L:市财政局"]}
    warning = next(w for w in graph.warnings if w.kind == "note-unplaced")
    assert warning.evidence is not None and "市工信局" in warning.evidence.quote


def test_warnings_name_skipped_headings_and_units_left_without_departments():
    graph = read("一、重点任务\n（一）建设平台。（市工信局负责）\n5.一个不接续的编号。\n（二）完善机制。\n")
    kinds = {w.kind for w in graph.warnings}
    assert {"heading-skipped", "unit-without-departments", "jurisdiction-unknown"} <= kinds
    skipped = next(w for w in graph.warnings if w.kind == "heading-skipped")
    assert skipped.evidence is not None and skipped.evidence.quote.startswith("5.")
    bare = next(w for w in graph.warnings if w.kind == "unit-without-departments")
    assert "完善机制" in bare.message


def test_notes_after_yi_shi_paragraphs_follow_the_same_rule():
    graph = read("一、重点任务\n（一）加强保障。\n一是建机制。\n（牵头单位：市发展改革委）\n二是强队伍。\n（牵头单位：市人社局）\n"
                 "（二）完善制度。\n一是立规矩。\n二是抓落实。\n（牵头单位：市司法局）\n")
    assert staffed(graph) == {"建机制": ["L:市发展改革委"], "强队伍": ["L:市人社局"], "完善制度": ["L:市司法局"]}


def test_a_reading_without_departments_says_so():
    graph = read_document("一、重点任务\n（一）建设平台。\n（二）完善机制。\n".encode(), "untitled.txt")
    kinds = {w.kind for w in graph.warnings}
    assert {"no-departments", "title-derived"} <= kinds


def test_unnumbered_paragraphs_each_with_a_note_are_tasks_of_their_heading():
    graph = read("一、重点任务\n（一）扩大有效投资。\n加快项目建设。（市发展改革委牵头）\n扩大民间投资。（市工信局牵头）\n"
                 "（二）促进消费。\n办好消费节。（市商务局牵头）\n")
    assert staffed(graph) == {"加快项目建设": ["L:市发展改革委"], "扩大民间投资": ["L:市工信局"], "促进消费": ["L:市商务局"]}
    assert next(u for u in graph.units if u.title == "扩大民间投资").type == "project"


# -- several notes in one paragraph (分工意见: each note closes the clauses since the one before) ----

@pytest.mark.parametrize("open_, close", [("（", "）"), ("(", ")")])
def test_notes_closing_clause_groups_in_the_heading_line_make_each_group_a_task(open_, close):
    graph = read(f"一、重点任务\n（一）增强创新能力。推进示范区建设，健全机制{open_}市科技局牵头{close}。"
                 f"实施攻关项目，支持企业技改{open_}市科技局、市财政局负责{close}，"
                 f"建设众创空间{open_}市人社局牵头{close}。\n（二）扩大开放。{open_}市商务局牵头{close}\n")
    assert staffed(graph) == {"推进示范区建设": ["L:市科技局"], "实施攻关项目": ["L:市科技局", "S:市财政局"],
                              "建设众创空间": ["L:市人社局"], "扩大开放": ["L:市商务局"]}
    groups = [u for u in graph.units if u.type == "project"]
    parent = next(u for u in graph.units if u.title == "增强创新能力")
    assert all(u.parent_id == parent.id for u in groups)
    assert groups[1].text.startswith("实施攻关项目，支持企业技改") and groups[1].text.endswith("负责）")  # the reading text is full-width


def test_a_note_in_mid_paragraph_closes_its_clauses_and_the_next_sentence_is_the_next_group():
    graph = read("一、重点任务\n（五）释放创新潜能。\n着力实施创新战略。（市科技局牵头，市财政局等按职责分工负责）\n"
                 "发挥乘数效应。（市发展改革委牵头）实施人才引进政策。（市人社局牵头，市公安局配合）\n")
    assert staffed(graph) == {"着力实施创新战略": ["L:市科技局", "S:市财政局"], "发挥乘数效应": ["L:市发展改革委"],
                              "实施人才引进政策": ["L:市人社局", "S:市公安局"]}


def test_a_single_note_after_several_clauses_stays_with_the_unit():
    graph = read("一、重点任务\n（一）增强创新能力。推进示范区建设。实施攻关项目。（市科技局牵头，市财政局配合）\n")
    assert staffed(graph) == {"增强创新能力": ["L:市科技局", "S:市财政局"]}
    assert [u.type for u in graph.units] == ["action"]


def test_the_heading_s_own_note_stays_with_it_beside_a_clause_group():
    graph = read("一、重点任务\n（一）增强创新能力（市科技局牵头）。推进示范区建设（市财政局负责）。\n")
    assert staffed(graph) == {"增强创新能力": ["L:市科技局"], "推进示范区建设": ["L:市财政局"]}


@pytest.mark.parametrize("own", ["（一）建设平台。（市工信局负责）\n", "（一）建设平台。\n（牵头单位：市工信局）\n"])
def test_a_note_after_the_sub_items_of_a_heading_with_its_own_note_is_the_last_item_s(own):
    graph = read(f"一、重点任务\n{own}1.建数据中心。\n2.建服务平台。\n（市财政局负责）\n"
                 "（二）完善机制。\n1.建制度。\n2.建台账。\n（市发展改革委负责）\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局"], "建服务平台": ["L:市财政局"], "完善机制": ["L:市发展改革委"]}
    assert any(w.kind == "unit-without-departments" and "建数据中心" in w.message for w in graph.warnings)


def test_a_note_right_after_another_goes_with_that_note_s_clauses():
    graph = read("一、重点任务\n（一）增强能力。建设平台（市工信局牵头）（市财政局配合）。完善机制（市发展改革委牵头）。\n")
    assert staffed(graph) == {"建设平台": ["L:市工信局", "S:市财政局"], "完善机制": ["L:市发展改革委"]}


@pytest.mark.parametrize("first, second", [("（市发展改革委牵头）", "（市工信局牵头，市财政局配合）"),
                                           ("牵头单位：市发展改革委", "牵头单位：市工信局\n配合单位：市财政局")])
def test_notes_on_lines_of_their_own_after_unnumbered_paragraphs_close_those_paragraphs(first, second):
    graph = read(f"一、重点任务\n（一）扩大有效投资。\n加快项目建设。\n{first}\n扩大民间投资，激发活力。\n{second}\n"
                 "（二）促进消费。\n办好消费节。\n（市商务局牵头）\n")
    assert staffed(graph) == {"加快项目建设": ["L:市发展改革委"], "扩大民间投资": ["L:市工信局", "S:市财政局"],
                              "促进消费": ["L:市商务局"]}


def test_label_lines_of_a_person_or_a_deadline_between_two_notes_close_no_clauses():
    graph = read("一、主要目标\n1.地区生产总值增长6%。\n（市发展改革委牵头）\n分管领导：张三\n完成时限：2024年底\n"
                 "（市统计局、市财政局配合）\n2.进出口总额增长5%。\n（市商务局牵头）\n")
    assert staffed(graph) == {"地区生产总值增长6%": ["L:市发展改革委", "S:市统计局", "S:市财政局"],
                              "进出口总额增长5%": ["L:市商务局"]}


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_text_without_an_outline_whose_paragraphs_end_with_notes_has_them_as_tasks(sep):
    graph = read(f"其中，本局参与的工作如下：{sep}着力实施创新战略，促进科技与经济融合。（市科技局牵头，市财政局配合）{sep}"
                 f"发挥乘数效应。（市发展改革委牵头）实施人才引进政策。{sep}（市人社局牵头）{sep}")
    assert staffed(graph) == {"着力实施创新战略": ["L:市科技局", "S:市财政局"], "发挥乘数效应": ["L:市发展改革委"],
                              "实施人才引进政策": ["L:市人社局"]}
    assert graph.plan.title == "某某工作方案"  # the head is read before the first task


def test_a_text_without_an_outline_and_one_note_is_still_no_plan():
    with pytest.raises(DocumentError):
        read("现将有关事项通知如下：\n请各单位抓好落实。（市政府办公室负责）\n")
