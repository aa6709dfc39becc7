"""Property-based tests of every parser: any text gives facts or a clean error, never a crash."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import DocumentError
from loaders.indicator_tables import table_targets
from loaders.indicators import running_text_targets
from loaders.metadata import read_metadata
from loaders.outline import parse_outline
from loaders.pipeline import read_document
from loaders.responsibility import find_notes, read_note, split_names
from loaders.tables import find_rows
from loaders.text import normalise

# Text built from the pieces policy documents are made of, so the parsers' paths are exercised.
PIECES = ["一、", "二、", "（一）", "（二）", "1．", "2.", "专栏1：", "附件", "序号", "\t", "\n", "。", "，", "、",
          "（", "）", "：", "牵头", "配合", "负责", "等", "牵头单位：", "配合单位：", "责任单位：", "列第一位的为牵头部门，下同",
          "省发展改革委", "市经贸信息委", "各市、县人民政府", "到2020年", "达到", "65%", "以上", "左右", "千亿元", "13000个",
          "指标", "2015年", "2020年", "基本实现", "/", ">50", "《国务院关于积极推进“互联网+”行动的指导意见》",
          "（国发〔2015〕40号）", "皖政〔2018〕20号", "2015年12月24日", "安徽省人民政府", "关于印发", "的通知", " ", "　",
          "(", ")", ":", ",", "x", "7", "\r\n"]
policy_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=80).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(policy_text)
def test_normalise_maps_every_reading_character_back_to_the_text(text):
    source = normalise(text)
    assert len(source.offsets) == len(source.text)
    assert all(0 <= o < len(text) for o in source.offsets)
    assert source.offsets == sorted(source.offsets)
    if source.text:
        s, e = source.span(0, len(source.text))
        assert 0 <= s <= e <= len(text)


@SETTINGS
@given(policy_text)
def test_outline_headings_nest_and_stay_in_the_text(text):
    outline = parse_outline(text)
    for h in outline.headings:
        assert 0 <= h.start <= h.end <= len(text)
        assert h.parent is None or h.parent.level < h.level


@SETTINGS
@given(policy_text)
def test_notes_name_only_bodies(text):
    for note in find_notes(text):
        assert note.reading.leads or note.reading.supports
        assert all(n.strip() for n in note.reading.leads + note.reading.supports)
        assert note.form != "bracket" or text[note.start] in "（(〔【["


@SETTINGS
@given(policy_text)
def test_a_note_reads_or_is_refused(text):
    reading = read_note(text)
    assert reading is None or reading.basis in ("stated", "rule", "first-listed")
    assert all(name for name in split_names(text))


@SETTINGS
@given(policy_text)
def test_tables_and_targets_never_crash(text):
    for row in find_rows(text, 0):
        assert row.start <= row.end
    for t in running_text_targets(text, 0, len(text), 2020) + table_targets(text, 0, len(text)):
        assert t.name and (t.value is None or t.value >= 0) and t.start <= t.end


@SETTINGS
@given(policy_text)
def test_metadata_never_crashes(text):
    meta = read_metadata(normalise(text), len(text))
    assert meta.title


@SETTINGS
@given(st.one_of(policy_text.map(lambda t: t.encode("utf-8")), st.binary(max_size=2000),
                 policy_text.map(lambda t: t.encode("gb18030"))))
def test_any_bytes_give_a_plan_or_a_clean_error(data):
    try:
        graph = read_document(data, "doc.txt")
    except DocumentError as e:
        assert e.message.startswith("doc.txt: ") and "\n" not in e.message
    else:
        assert graph.plan.title and all(u.title for u in graph.units)
        for a in graph.assignments:
            assert a.evidence.start <= a.evidence.end
