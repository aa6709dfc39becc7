"""Notes as official writing states them beyond a bracket of names: labels whose value is a clause list
(部门分工：), rule sentences after a 。 inside a note, assignments ending a sentence (由X会同Y负责落实), several
notes in one paragraph. Minimal examples written for the tests."""

import pytest

from loaders.responsibility import find_notes, read_note


def _readings(text):
    return [(n.reading.leads, n.reading.supports, n.reading.basis) for n in find_notes(text)]


# --- 部门分工： and its kin --------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["部门分工", "责任分工", "职责分工", "分工", "实施主体", "牵头部门及配合部门"])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_division_label_whose_value_is_clauses(label, colon):
    text = f"1.全市生产总值增长6%。\n分管市领导{colon}王五\n{label}{colon}市发改委牵头，各地、各部门配合。\n"
    assert _readings(text) == [(["市发改委"], ["各地", "各部门"], "stated")]


def test_a_division_label_with_a_plain_list_is_first_listed():
    assert _readings("（二）稳外贸。\n部门分工：省商务厅、省财政厅。\n") == [(["省商务厅"], ["省财政厅"], "first-listed")]


def test_a_division_label_inside_a_bracket():
    r = read_note("部门分工：区农业农村局牵头，区财政局配合")
    assert (r.leads, r.supports, r.basis) == (["区农业农村局"], ["区财政局"], "stated")


def test_the_word_fengong_inside_prose_is_no_label():
    assert find_notes("加强部门分工协作，形成合力。\n") == []


# --- sentences after a 。 inside a note -------------------------------------------------------------


@pytest.mark.parametrize("note", [
    "（省科技厅、省发改委、省财政厅等负责。列第一位的为牵头部门，下同）",
    "(市科技局、市发改委、市财政局等负责。排在第一位的为牵头单位,其他单位按职责分工负责,下同)",
    "（省科技厅、省发改委、省财政厅等负责。列第一位的为牵头部门，其他部门和单位按职责分工负责，下同）",
])
def test_a_rule_sentence_inside_the_note(note):
    text = f"（一）甲。{note}\n（二）乙。（省教育厅、省人社厅负责）\n"
    notes = find_notes(text)
    assert [n.reading.basis for n in notes] == ["rule", "rule"]
    assert notes[0].reading.leads[0] in ("省科技厅", "市科技局") and len(notes[0].reading.supports) == 2


@pytest.mark.parametrize("note", [
    "（省科技厅牵头。明确牵头部门的，其他有关部门配合，不逐一列出，下同）",
    "(市科技局牵头。其他有关部门按职责分工配合)",
])
def test_a_remark_sentence_inside_the_note_is_not_a_name(note):
    (n,) = find_notes(f"（一）推进创新。{note}\n")
    assert (n.reading.leads, n.reading.supports, n.reading.basis) in [(["省科技厅"], [], "stated"),
                                                                       (["市科技局"], [], "stated")]


def test_a_parenthesis_going_on_with_prose_after_its_stop_is_no_note():
    assert read_note("市发改委负责。该项工作将于年底前完成") is None


# --- assignments ending a sentence --------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("（二）关于“严守耕地红线”的问题，由自然资源部会同农业农村部等部门负责落实。",
     (["自然资源部"], ["农业农村部"], "stated")),
    ("(一)关于粮食安全的问题,由发展改革委会同农业部、财政部等部门研究提出落实意见。",
     (["发展改革委"], ["农业部", "财政部"], "stated")),
    ("3.完善养老服务体系，由市民政局牵头，市卫健委、市财政局配合。",
     (["市民政局"], ["市卫健委", "市财政局"], "stated")),
    ("（四）推进老旧小区改造，区住建局牵头，区财政局配合，2024年底前完成。",
     (["区住建局"], ["区财政局"], "stated")),
    ("2.加强环境监测，由省生态环境厅负责。",
     (["省生态环境厅"], [], "first-listed")),  # 由X负责: one body responsible, as (X负责) reads
])
def test_an_assignment_ending_a_sentence_is_a_note(text, expected):
    (note,) = find_notes(text)
    assert (note.reading.leads, note.reading.supports, note.reading.basis) == expected
    assert note.form == "sentence" and not note.standalone
    assert text[note.start] in "由省市区县国发自" and text[note.end - 1] not in "。，,"


@pytest.mark.parametrize("text", [
    "建立由市发改委牵头、各部门参与的联席会议制度。",          # a body mentioned in a relative clause
    "加快产业发展，支持市属企业牵头组建创新联合体。",            # not an assignment clause
    "加强统筹协调，市发改委要会同有关部门加强调度，及时通报。",  # a duty described, not assigned with 由/牵头
    "做好防汛工作，由各地负责。",                                 # a group of every body never leads
    "推进项目建设，由企业负责。",                                 # not a body
])
def test_a_body_merely_mentioned_in_a_sentence_is_no_note(text):
    assert find_notes(text) == []


# --- several notes in one paragraph -------------------------------------------------------------------


def test_every_note_of_a_paragraph_is_returned_with_its_span():
    text = ("（五）促进创新。加快建设创新平台。（科技部牵头，财政部等按职责分工负责）"
            "实施人才引进政策。（外专局牵头，外交部、侨办等按职责分工负责）"
            "完善税收政策（分管副省长负责，税务总局牵头），加强统计监测。\n")
    notes = find_notes(text)
    assert [n.reading.leads for n in notes] == [["科技部"], ["外专局"], ["税务总局"]]
    assert [text[n.start] + text[n.end - 1] for n in notes] == ["（）"] * 3
    assert notes[1].reading.supports == ["外交部", "侨办"]


@pytest.mark.parametrize("text,expected", [
    ("由市发改委牵头，会同市财政局等部门制定实施方案", (["市发改委"], ["市财政局"])),
    ("省商务厅牵头,会同省财政厅、省税务局研究提出具体措施", (["省商务厅"], ["省财政厅", "省税务局"])),
    ("由区教育局会同区人社局起草管理办法", (["区教育局"], ["区人社局"])),
])
def test_huitong_after_the_lead_and_what_huitong_does(text, expected):
    r = read_note(text)
    assert (r.leads, r.supports, r.basis) == (*expected, "stated")


def test_huitong_with_no_subject_is_no_note():
    assert read_note("会同市财政局负责") is None


@pytest.mark.parametrize("person", ["联系领导：赵六", "包保领导:钱七", "分管省领导：孙八", "分管副市长：周九"])
def test_a_person_line_between_label_lines_does_not_split_the_block(person):
    text = f"1.稳定粮食生产。\n牵头单位：市农业农村局\n{person}\n配合单位：市财政局、市发改委\n"
    assert _readings(text) == [(["市农业农村局"], ["市财政局", "市发改委"], "stated")]


@pytest.mark.parametrize("text,expected", [
    ("市发改委牵头，市财政局等按职责分工配合", (["市发改委"], ["市财政局"], "stated")),
    ("市发改委、市财政局按职责分工抓好落实", (["市发改委"], ["市财政局"], "first-listed")),
    ("市文旅局牵头负责落实，市体育局密切配合", (["市文旅局"], ["市体育局"], "stated")),
    ("由县住建局负责组织实施", (["县住建局"], [], "first-listed")),
    ("牵头单位：市发改委　配合单位：市财政局", (["市发改委"], ["市财政局"], "stated")),  # labels parted by a full-width space
])
def test_verbs_of_duty_and_support_as_written(text, expected):
    r = read_note(text)
    assert (r.leads, r.supports, r.basis) == expected


@pytest.mark.parametrize("sentence", ["由市住建局负责组织实施。", "由市住建局、市城管局按职责分工负责。"])
def test_a_sentence_opening_with_you_assigns_its_task(sentence):
    (note,) = find_notes(f"（三）推进老旧小区改造。{sentence}加强资金保障。\n")
    assert note.reading.leads == ["市住建局"] and note.form == "sentence"


def test_every_label_tail_on_a_line_is_a_note():
    text = "（一）扩大内需。牵头单位：省商务厅。稳定外贸。牵头单位：省发展改革委；配合单位：省财政厅。\n"
    assert _readings(text) == [(["省商务厅"], [], "stated"), (["省发展改革委"], ["省财政厅"], "stated")]


@pytest.mark.parametrize("first", ["（省商务厅牵头）", "(省商务厅牵头)"])
def test_clauses_after_a_note_in_the_same_sentence_are_read_on_their_own(first):
    text = f"（一）扩大内需。{first}稳定外贸，省发展改革委牵头，省财政厅配合。\n"
    notes = find_notes(text)
    assert [(n.reading.leads, n.reading.supports) for n in notes] == [(["省商务厅"], []), (["省发展改革委"], ["省财政厅"])]
    assert text[notes[1].start:notes[1].end] == "省发展改革委牵头，省财政厅配合"
