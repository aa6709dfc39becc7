"""Responsibility notes written as sentences or label tails, read where they stand in the text.

Written to kill the mutants of loaders/responsibility.py that the label and bracket tests left alive
(`make mutation`): the assigning tail of a sentence (…，由X会同Y负责落实), the lead prefix
(由X牵头，Y参与，定期通报), commas inside brackets, a note standing on its own line, a label note cut
by the next item's numbering, and a label value that goes on with verbs (牵头单位：X，Y配合).
Each example is written for the test: (text, [(note as quoted, leads, supports, basis, standalone, form)]).
"""

import pytest

from loaders.responsibility import find_notes, read_labelled, read_note

CASES = [
    ("一、加强统筹协调\n对发现的问题，由省发展改革委会同省财政厅等部门负责落实。\n",
     [("由省发展改革委会同省财政厅等部门负责落实", ["省发展改革委"], ["省财政厅"], "stated", False, "sentence")]),
    ("一、推进试点\n建立工作机制，省商务厅牵头，省财政厅、省农业厅配合。\n",
     [("省商务厅牵头，省财政厅、省农业厅配合", ["省商务厅"], ["省财政厅", "省农业厅"], "stated", False, "sentence")]),
    ("一、推进试点\n由省商务厅牵头，省财政厅参与，定期通报进展情况。\n",
     [("由省商务厅牵头，省财政厅参与", ["省商务厅"], ["省财政厅"], "stated", False, "sentence")]),
    ("（一）推进试点（含示范，推广）工作，省商务厅牵头，省财政厅配合。\n",
     [("省商务厅牵头，省财政厅配合", ["省商务厅"], ["省财政厅"], "stated", False, "sentence")]),
    ("（一）推进试点工作。\n省商务厅牵头，省财政厅配合。\n（二）加强监管。\n",
     [("省商务厅牵头，省财政厅配合", ["省商务厅"], ["省财政厅"], "stated", True, "sentence")]),
    ("（一）推进试点工作。\n由省商务厅负责。\n",
     [("由省商务厅负责", ["省商务厅"], [], "first-listed", True, "sentence")]),
    ("（一）推进试点工作，由省商务厅负责。\n",
     [("由省商务厅负责", ["省商务厅"], [], "first-listed", False, "sentence")]),
    ("1.推进试点工作。牵头单位：省商务厅；配合单位：省财政厅 2.加强监管。\n",
     [("牵头单位：省商务厅；配合单位：省财政厅", ["省商务厅"], ["省财政厅"], "stated", False, "labels")]),
    ("牵头单位：省商务厅、省财政厅，省农业厅配合\n",
     [("牵头单位：省商务厅、省财政厅，省农业厅配合", ["省商务厅", "省财政厅"], ["省农业厅"], "stated", True, "labels")]),
    ("责任单位：省商务厅牵头，省财政厅、省农业厅配合\n",
     [("责任单位：省商务厅牵头，省财政厅、省农业厅配合", ["省商务厅"], ["省财政厅", "省农业厅"], "stated", True,
       "labels")]),
]
MENTIONS = [  # a body merely mentioned, or a task sentence that ends with 负责: no note
    "建立由省商务厅牵头的工作机制，支持省财政厅开展试点。\n",
    "推进试点工作，完善政策，省商务厅负责。\n",
]


def read(text):
    return [(text[n.start:n.end], n.reading.leads, n.reading.supports, n.reading.basis, n.standalone, n.form)
            for n in find_notes(text)]


@pytest.mark.parametrize("text, notes", CASES, ids=[f"sentence-{i}" for i in range(len(CASES))])
def test_a_note_written_as_a_sentence_or_label_is_read_where_it_stands(text, notes):
    assert read(text) == notes


@pytest.mark.parametrize("text", MENTIONS, ids=["mechanism", "task-sentence"])
def test_a_body_mentioned_in_a_task_is_no_note(text):
    assert read(text) == []


@pytest.mark.xfail(strict=True, reason="not read yet: a second label after 。 on the same line (配合单位 lost)")
def test_labels_split_by_a_full_stop_are_one_note():
    notes = find_notes("（一）推进试点工作。牵头单位：省商务厅。配合单位：省财政厅。\n")
    assert [(n.reading.leads, n.reading.supports) for n in notes] == [(["省商务厅"], ["省财政厅"])]


@pytest.mark.parametrize("value, leads, supports", [
    ("配合单位：省财政厅，省商务厅牵头，省农业厅配合", ["省商务厅"], ["省财政厅", "省农业厅"]),
    ("牵头单位：省商务厅，省财政厅，省农业厅配合", ["省商务厅", "省财政厅"], ["省农业厅"]),
    ("责任单位：省商务厅、省财政厅，省农业厅牵头", ["省农业厅"], ["省商务厅", "省财政厅"]),
], ids=["support-label-then-verbs", "two-bare-names", "responsible-then-lead"])
def test_a_label_value_that_goes_on_with_verbs_keeps_the_label_role_for_its_bare_names(value, leads, supports):
    reading = read_labelled(value)
    assert (reading.leads, reading.supports, reading.basis) == (leads, supports, "stated")


def test_a_sentence_note_on_the_last_line_stands_alone_unless_text_follows_it():
    alone = "（一）推进试点工作。\n省商务厅牵头，省财政厅配合。"
    assert [(alone[n.start:n.end], n.standalone) for n in find_notes(alone)] == [("省商务厅牵头，省财政厅配合", True)]
    followed = alone + "附件"
    assert [n.standalone for n in find_notes(followed)] == [False]


@pytest.mark.parametrize("note, leads, supports", [
    ("省财政厅、省农业厅配合", [], ["省财政厅", "省农业厅"]),
    ("省商务厅牵头，省财政厅配合，省农业厅参与", ["省商务厅"], ["省财政厅", "省农业厅"]),
    ("省商务厅牵头，省财政厅牵头", ["省商务厅", "省财政厅"], []),
    ("省农业厅配合，省商务厅会同省财政厅负责", ["省商务厅"], ["省农业厅", "省财政厅"]),
    ("省商务厅，省财政厅，省农业厅牵头，省林业厅配合", ["省商务厅", "省财政厅", "省农业厅"], ["省林业厅"]),
    ("省商务厅牵头，省财政厅配合；省农业厅牵头", ["省商务厅", "省农业厅"], ["省财政厅"]),
], ids=["supports-only", "two-support-verbs", "two-lead-clauses", "with-after-support", "pending-names",
        "lead-after-semicolon"])
def test_every_clause_of_a_note_adds_to_its_role(note, leads, supports):
    """Clause by clause, names accumulate in their role: a later clause never replaces an earlier one."""
    reading = read_note(note)
    assert (reading.leads, reading.supports, reading.basis) == (leads, supports, "stated")
