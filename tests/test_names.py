"""Names in notes (loaders/names.py): groups of every body, shared-owner groups, short forms, persons by post,
and the lists under a label that name a body the rules do not know. Minimal examples written for the tests."""

import pytest

from loaders.names import bodies, is_body, is_group_of_all, is_office_holder, listed_bodies, split_names
from loaders.responsibility import read_note

# --- groups of every body: names that support, never lead alone ---------------------------------


@pytest.mark.parametrize("name", ["各地", "各地区", "各部门", "有关部门", "各有关部门", "各地各有关部门", "各地区各部门",
                                  "相关单位", "各有关单位"])
def test_a_group_of_every_body_is_a_name(name):
    assert is_group_of_all(name) and is_body(name)


@pytest.mark.parametrize("name", ["省政府各部门", "各县（市、区）人民政府", "市发改委", "各地方", "地区"])
def test_a_named_group_or_body_is_not_a_group_of_every_body(name):
    assert not is_group_of_all(name)


@pytest.mark.parametrize("text,expected", [
    ("省发展改革委牵头，各地、各部门配合", (["省发展改革委"], ["各地", "各部门"])),
    ("市商务局牵头,各地区、各有关部门配合", (["市商务局"], ["各地区", "各有关部门"])),
    ("区财政局牵头，各地各有关部门按职责分工负责", (["区财政局"], ["各地各有关部门"])),
    ("市住建局、各有关单位按职责分工负责", (["市住建局"], ["各有关单位"])),
])
def test_groups_of_every_body_support(text, expected):
    r = read_note(text)
    assert (r.leads, r.supports) == expected


@pytest.mark.parametrize("text", ["各地、各部门负责", "有关部门牵头，市财政局配合", "各部门按职责分工负责",
                                  "各地区各部门负责"])
def test_a_group_of_every_body_never_leads(text):
    assert read_note(text) is None


@pytest.mark.parametrize("text,names", [
    ("市财政局、其他有关部门", ["市财政局"]),
    ("省科技厅、其余单位", ["省科技厅"]),
    ("市发改委等有关部门", ["市发改委"]),
])
def test_the_unnamed_rest_and_etc_tails_are_not_names(text, names):
    assert split_names(text) == names


def test_the_unnamed_rest_supporting_is_no_name_but_keeps_the_note():
    r = read_note("省科技厅牵头，其他有关部门配合")
    assert (r.leads, r.supports) == (["省科技厅"], [])


# --- groups sharing an owner ----------------------------------------------------------------------


@pytest.mark.parametrize("text,names", [
    ("市政府各部门、各直属机构", ["市政府各部门、各直属机构"]),
    ("省政府各部门、各直属机构、各派出机构", ["省政府各部门、各直属机构、各派出机构"]),
    ("区政府各部门，各直属单位", ["区政府各部门、各直属单位"]),
    ("国务院各部委、各直属机构", ["国务院各部委、各直属机构"]),
    ("各地、各部门", ["各地", "各部门"]),  # no owner to share: two groups
    ("市政府各部门、各县区人民政府", ["市政府各部门", "各县区人民政府"]),  # governments are their own group
])
def test_groups_sharing_an_owner_stay_whole(text, names):
    assert split_names(text) == names


# --- short forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["侨办", "市人行", "省台办", "县外办", "国办", "团委"])
def test_short_forms_of_bodies(name):
    assert is_body(name)


@pytest.mark.parametrize("name", ["个人行", "试行", "执行", "主办", "举办", "东部"])
def test_words_that_end_like_short_forms_are_not_bodies(name):
    assert not is_body(name)


# --- persons named by post ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["分管副省长", "协管副秘书长", "分管副市长", "市政府分管领导", "分管领导", "张三同志",
                                  "常务副区长", "办公室主任"])
def test_persons_named_by_post(name):
    assert is_office_holder(name) and not is_body(name)


@pytest.mark.parametrize("name", ["市政府办公室", "省人民政府", "市委组织部"])
def test_bodies_are_not_persons(name):
    assert not is_office_holder(name)


@pytest.mark.parametrize("text,expected", [
    ("分管副省长、协管副秘书长负责，省科技厅牵头", (["省科技厅"], [], "stated")),
    ("分管副市长负责,市交通运输局牵头,市公安局配合", (["市交通运输局"], ["市公安局"], "stated")),
    ("市政府分管领导负责，区教育局、区财政局按职责分工负责", (["区教育局"], ["区财政局"], "first-listed")),
    ("由分管副县长牵头，县水利局负责", (["县水利局"], [], "first-listed")),
])
def test_persons_by_post_are_skipped_and_the_bodies_read(text, expected):
    r = read_note(text)
    assert (r.leads, r.supports, r.basis) == expected


def test_a_note_of_persons_only_is_no_note():
    assert read_note("分管副省长、协管副秘书长负责") is None


# --- lists under a label ---------------------------------------------------------------------------


def test_a_label_list_keeps_its_bodies_and_reports_the_name_not_known():
    r = read_note("牵头单位：市财政局；协同单位：市税务局、某某中心站点、市统计局")
    assert (r.leads, r.supports) == (["市财政局"], ["市税务局", "市统计局"])
    assert r.unresolved == ["某某中心站点"]


def test_a_label_list_with_the_peoples_bank_short_form():
    r = read_note("牵头责任单位：县财政局\n协同责任单位：县税务局、县人行、各乡镇")
    assert (r.leads, r.supports, r.unresolved) == (["县财政局"], ["县税务局", "县人行", "各乡镇"], [])


@pytest.mark.parametrize("value", [
    "市税务局、加快推进工作",      # a clause, not a name
    "市税务局、2024年",            # a figure
    "某某甲、某某乙、市税务局",    # mostly unknown: not a list of bodies
])
def test_a_label_list_is_not_read_when_its_unknown_items_are_not_bare_names(value):
    assert listed_bodies(value) is None


def test_outside_a_label_every_name_must_be_a_body():
    assert bodies("市税务局、某某中心站点") is None
    assert read_note("市财政局牵头，市税务局、某某中心站点配合") is None


@pytest.mark.parametrize("name", ["各地市", "各地州", "各地、县"])
def test_prefectures_as_a_group(name):
    assert is_body(name)


# --- a bracketed level word inside a group of places; short forms in a bare note ---------------------


@pytest.mark.parametrize("text,names", [
    ("市科技局，各县（市）、区人民政府", ["市科技局", "各县（市）、区人民政府"]),  # 各 and 政府 span the list
    ("各市(县)、区政府", ["各市(县)、区政府"]),
    ("各县（市）、区政府、市财政局", ["各县（市）、区政府", "市财政局"]),
    ("各县（市、区）、乡镇政府", ["各县（市、区）", "乡镇政府"]),  # 乡镇 is no place level: not one group
])
def test_a_group_of_places_with_a_bracketed_level_shares_its_suffix(text, names):
    assert split_names(text) == names


def test_a_bare_note_reads_short_forms_at_its_first_names_level():
    r = read_note("县教育局、农委、文旅局，各乡镇人民政府")  # 农委 alone ends like no body: 县农委
    assert (r.leads, r.supports) == (["县教育局"], ["农委", "文旅局", "各乡镇人民政府"])
    assert read_note("教育、卫健委") is None  # no level to lend, no body's name


def test_a_jiangsu_short_form_of_the_human_resources_bureau():
    from loaders.departments import resolve
    from loaders.knowledge import jurisdiction_by_name
    assert resolve("市人保局", jurisdiction_by_name("常州市")).name == "常州市人力资源和社会保障局"
    assert resolve("省人保厅", jurisdiction_by_name("江苏省")).name == "江苏省人力资源和社会保障厅"


def test_responsible_bodies_set_against_supporting_ones_all_lead():
    r = read_note("责任单位：各县（市、区）政府，市统计局、市财政局\n配合单位：市发改委、市商务局")
    assert (r.leads, r.supports, r.basis) == (["各县（市、区）政府", "市统计局", "市财政局"],
                                              ["市发改委", "市商务局"], "stated")
    alone = read_note("责任单位：市统计局、市财政局")  # no supporters named: the first listed leads
    assert (alone.leads, alone.supports, alone.basis) == (["市统计局"], ["市财政局"], "first-listed")


def test_a_stated_first_listed_rule_wins_over_the_responsible_supporting_pair():
    r = read_note("责任单位：市统计局、市财政局（排在第一位的为牵头单位）\n配合单位：市发改委")
    assert (r.leads, r.supports, r.basis) == (["市统计局"], ["市财政局", "市发改委"], "rule")
    r = read_note("责任单位：市统计局、市财政局\n配合单位：市发改委", rule_in_force=True)
    assert (r.leads, r.basis) == (["市统计局"], "rule")


@pytest.mark.parametrize("text", ["区政府各部门分别负责，年内持续推进", "区政府各部门分别负责，长期坚持",
                                  "区政府各部门分别负责，2022年底前完成"])
def test_a_time_limit_after_the_bodies_is_no_name(text):
    r = read_note(text)
    assert (r.leads, r.supports) == (["区政府各部门"], [])


def test_a_clause_that_is_neither_a_body_nor_a_time_limit_spoils_the_note():
    assert read_note("区政府各部门分别负责，年内持续推进改革") is None


@pytest.mark.parametrize("name, place, canonical", [
    ("农业发展银行四川省分行", "四川省", "中国农业发展银行四川省分行"),
    ("国开行四川省分行", "四川省", "国家开发银行四川省分行"),
    ("进出口银行湖南省分行", "湖南省", "中国进出口银行湖南省分行"),
])
def test_a_policy_banks_branch_is_named_in_full(name, place, canonical):
    from loaders.departments import resolve
    from loaders.knowledge import jurisdiction_by_name
    assert resolve(name, jurisdiction_by_name(place), "2019-01-01").name == canonical


def test_a_customs_office_named_after_the_documents_own_district():
    from loaders.departments import resolve
    from loaders.knowledge import jurisdiction_by_name
    assert resolve("昆山海关", jurisdiction_by_name("昆山市"), "2022-01-01").name == "中华人民共和国昆山海关"
    # a county's short name is no place's name for any other document (it may be a word)
    assert resolve("昆山海关", jurisdiction_by_name("常州市"), "2022-01-01").name != "中华人民共和国昆山海关"
