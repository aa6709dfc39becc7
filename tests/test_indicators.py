"""Targets read from running text and tables: the figure, how it is qualified, its unit, name and year.

Each example is written for the test, in the forms plans use; each asserts the one reading that is right.
"""

import pytest

from loaders.indicator_tables import table_targets
from loaders.indicators import plan_horizon, running_text_targets, target_words


def read(text: str, horizon: int | None = None, plan_year: int | None = None):
    return running_text_targets(text, 0, len(text), horizon, plan_year)


def only(text: str, **kw):
    found = read(text, **kw)
    assert len(found) == 1, [(t.name, t.value, t.unit) for t in found]
    return found[0]


@pytest.mark.parametrize(("sentence", "comparator"), [
    ("到2025年，全市光纤用户达到300万户以上。", ">="),
    ("到2025年，城乡居民收入增长6%左右。", "~"),
    ("到2025年，城镇登记失业率控制在4.5%以内。", "<="),
    ("到2025年，万元产值能耗降至0.4吨以下。", "<="),
    ("到2025年，数字经济规模突破8000亿元。", ">"),
    ("到2025年，研发经费投入强度超过2.8%。", ">"),
    ("到2025年，森林覆盖率不低于40%。", ">="),
    ("到2025年，新增就业岗位不少于5万个。", ">="),
    ("到2025年，全市5G基站数量达到2万个。", "="),
])
def test_the_qualifier_of_a_figure_gives_its_comparator(sentence, comparator):
    assert only(sentence).comparator == comparator


def test_a_qualifier_after_the_figure_outweighs_the_verb_before_it():
    assert only("到2025年，调查失业率控制在5%左右。").comparator == "~"


def test_every_reviewed_comparator_is_one_the_model_knows():
    words = target_words()
    assert set(words["before"].values()) | set(words["after"].values()) <= {">", ">=", "<", "<=", "~", "="}


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("到2025年，常住人口城镇化率提高1.5个百分点。", 1.5, "个百分点"),
    ("到2025年，城镇新增就业4.2万人。", 4.2, "万人"),
    ("到2025年，软件业务收入达到1.2万亿元。", 1.2, "万亿元"),
    ("到2025年，建成充电桩13,000个。", 13000, "个"),
    ("到2025年，旅游接待人次突破800万人次。", 800, "万人次"),
])
def test_the_unit_is_kept_as_written(sentence, value, unit):
    t = only(sentence)
    assert (t.value, t.unit) == (value, unit)


def test_half_width_punctuation_separates_clauses_like_full_width():
    found = read("到2025年,光纤用户达到300万户,移动宽带用户达到500万户;行政村通光纤率100%。")
    assert [(t.name, t.value, t.unit) for t in found] == [
        ("光纤用户", 300, "万户"), ("移动宽带用户", 500, "万户"), ("行政村通光纤率", 100, "%")]


@pytest.mark.parametrize("line", ["1.地区生产总值增长6%以上。", "（一）地区生产总值增长6%以上。",
                                  "(一)地区生产总值增长6%以上。", "一、地区生产总值增长6%以上。"])
def test_a_list_marker_is_no_part_of_the_name(line):
    assert only(line).name == "地区生产总值增长"


def test_the_year_comes_from_the_sentence():
    assert only("到2027年，全省高新技术企业达到1万家。", horizon=2025).year == 2027


def test_a_dated_heading_sets_the_year_of_the_goals_under_it():
    text = "一、2024年经济社会发展主要目标\n（一）地区生产总值增长6%。\n（二）固定资产投资增长8%左右。"
    assert [t.year for t in read(text, horizon=2025)] == [2024, 2024]


def test_a_date_line_sets_no_year():
    text = "2023年1月19日\n（一）地区生产总值增长6%。"
    assert only(text, horizon=2025).year == 2025


def test_this_year_is_the_plans_year():
    text = "一、今年全省经济社会发展的主要预期目标\n1.一般公共预算收入增长5%左右。"
    assert only(text, plan_year=2023).year == 2023


def test_a_goal_with_no_year_anywhere_has_none():
    assert only("1.增加义务教育学位5000个。").year is None


@pytest.mark.parametrize(("title", "year"), [
    ("安徽省“十三五”信息化发展规划", 2020),
    ("数字经济发展规划（2021—2025年）", 2025),
    ("2023年省《政府工作报告》任务分解和责任分工方案", 2023),
    ("关于加快发展数字经济的实施意见", None),
])
def test_a_plans_horizon_comes_from_its_title(title, year):
    assert plan_horizon(title) == year


@pytest.mark.parametrize("text", [
    "（一）知识产权保护方面5项：审判“三合一”改革。",  # counts the items listed next
    "对职工总数30人（含）以下的企业暂免征收残疾人就业保障金。",  # a threshold that defines a class
    "对10人以下小微企业给予补贴。",  # the same without 的
    "一、10件民生实事任务分解表",  # a heading counting what it introduces
    "（三）科技金融创新方面4项",  # a category counted, not a quantity to reach
])
def test_counts_and_thresholds_that_promise_nothing_are_not_targets(text):
    assert read(text, horizon=2025) == []


def test_a_report_column_of_a_task_table_is_not_read():
    text = ("序号 | 工作任务 | 责任单位 | 落实情况 |\n"
            "1 | 新增公办幼儿园学位1800个。 | 县教体局 | 已新增学位1290个。 |")
    t = only(text)
    assert (t.name, t.value, t.unit) == ("新增公办幼儿园学位", 1800, "个")


def test_an_indicator_table_gives_baseline_target_and_comparator():
    text = "指  标\n2020年\n2025年\n数字经济\n网民数量（万）\n2395\n>4000\n城镇光纤覆盖率（%）\n/\n100\n"
    found = table_targets(text, 0, len(text))
    assert [(t.name, t.unit, t.baseline_value, t.baseline_year, t.value, t.comparator, t.year) for t in found] == [
        ("网民数量", "万", 2395, 2020, 4000, ">", 2025),
        ("城镇光纤覆盖率", "%", None, None, 100, "=", 2025),
    ]


def test_a_figure_with_yu_is_more_than_it():
    t = only("到2025年，发放社会保障卡31万余张。")
    assert (t.name, t.value, t.unit, t.comparator) == ("发放社会保障卡", 31, "万张", ">")


@pytest.mark.parametrize("text", [
    "加快推进20个城市试点。",  # carries on pilots already chosen
    "到2018年，其余13个市和9个省级示范县建立相应级别体验中心。",  # says which places
    "合肥、马鞍山、芜湖市3个示范市率先建立体验中心。",  # counts the names just listed
])
def test_counts_that_name_existing_things_are_not_targets(text):
    assert read(text, horizon=2020) == []


@pytest.mark.parametrize(("text", "name", "value"), [
    ("到2020年，建成20个城市试点。", "城市试点", 20),
    ("在500家重点制造企业推广应用工业机器人。", "重点制造企业推广应用工业机器人", 500),
])
def test_counts_of_things_to_make_or_reach_are_targets(text, name, value):
    t = only(text, horizon=2020)
    assert (t.name, t.value) == (name, value)


@pytest.mark.parametrize("text", [
    "2.落实好提振市场信心90条措施。",  # the items of another document
    "京津冀、上海、广东（珠三角）、辽宁沈阳等8个区域开展改革试验。",  # the names just listed, with 等
])
def test_counts_of_a_documents_items_or_of_listed_names_are_not_targets(text):
    assert read(text, horizon=2020) == []


def test_the_end_of_a_five_year_period_is_its_last_year():
    assert only("到“十四五”末，全省5G基站达到12万个。").year == 2025


@pytest.mark.parametrize(("title", "issued", "year"), [
    ("关于印发政府工作报告重点工作分工方案的通知", 2024, 2024),  # a year's work: its year of issue
    ("关于加快发展数字经济的实施意见", 2024, None),  # no horizon stated
    ("数字经济发展规划（2021—2025年）", 2021, 2025),
])
def test_a_years_work_aims_at_its_year_of_issue(title, issued, year):
    assert plan_horizon(title, issued) == year


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("到2025年，政务服务事项办理时限压缩至3个工作日以内。", 3, "个工作日"),
    ("到2025年，人均预期寿命达到79.5岁。", 79.5, "岁"),
    ("到2025年，细颗粒物平均浓度控制在35微克/立方米以内。", 35, "微克/立方米"),
    ("到2025年，年发电量突破12亿千瓦时。", 12, "亿千瓦时"),
    ("到2025年，培训新型职业农民5000名。", 5000, "名"),
])
def test_units_of_time_age_concentration_energy_and_people(sentence, value, unit):
    t = only(sentence)
    assert (t.value, t.unit) == (value, unit)


def test_an_age_bracket_inside_a_name_is_no_target_of_its_own():
    t = only("到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。")
    assert (t.name, t.value, t.unit) == ("每千人口拥有3岁以下婴幼儿托位数", 4.5, "个")


ROW_TABLE = ("序号\t类别\t指标\t单位\t2020年\t2025年\t属性\n"
             "1\t数字经济\t核心产业增加值占比\t%\t7.8\t10\t预期性\n"
             "2\t网民数量\t万人\t2395\t>4000\t预期性\n"  # 类别 merged with the row above: one cell short
             "3\t创新驱动\t研发经费投入强度（%）\t\t2.3\t2.8左右\t预期性\n"
             "4\t发明专利拥有量\t件\t〔3.2〕\t〔8〕\t约束性\n")


def test_an_indicator_table_with_a_row_per_line_gives_baseline_target_unit_and_comparator():
    found = table_targets(ROW_TABLE, 0, len(ROW_TABLE))
    assert [(t.name, t.unit, t.baseline_value, t.baseline_year, t.value, t.comparator, t.year) for t in found] == [
        ("核心产业增加值占比", "%", 7.8, 2020, 10, "=", 2025),
        ("网民数量", "万人", 2395, 2020, 4000, ">", 2025),
        ("研发经费投入强度", "%", 2.3, 2020, 2.8, "~", 2025),
        ("发明专利拥有量", "件", 3.2, 2020, 8, "=", 2025),
    ]


def test_an_indicator_table_typed_with_bars_is_read_like_one_with_tabs():
    text = "| 指标 | 2022年 | 2025年 |\n| --- | --- | --- |\n| 5G基站数（万个） | 1.2 | 3 |\n"
    assert [(t.name, t.unit, t.baseline_value, t.value) for t in table_targets(text, 0, len(text))] == [
        ("5G基站数", "万个", 1.2, 3)]


def test_the_rows_of_an_indicator_table_are_not_read_again_as_running_text():
    assert read(ROW_TABLE, horizon=2025) == []


def test_a_flattened_table_with_serial_and_unit_columns_is_read_row_by_row():
    text = ("序号\n指标\n单位\n2020年\n2025年\n属性\n"
            "创新驱动\n"  # a category row
            "1\n研发经费投入强度\n%\n2.3\n2.8\n预期性\n"
            "2\n每万人口发明专利拥有量\n件\n/\n12\n预期性\n"
            "三、重点任务\n")
    found = table_targets(text, 0, len(text))
    assert [(t.name, t.unit, t.baseline_value, t.value, t.year) for t in found] == [
        ("研发经费投入强度", "%", 2.3, 2.8, 2025), ("每万人口发明专利拥有量", "件", None, 12, 2025)]


def test_a_new_part_of_the_plan_drops_the_year_of_the_last():
    text = "一、2022年工作回顾\n城镇新增就业2.1万人。\n二、主要目标\n城镇新增就业2.5万人以上。\n"
    assert [(t.value, t.year) for t in read(text, horizon=2023)] == [(2.1, 2022), (2.5, 2023)]


WORDS = target_words()


@pytest.mark.parametrize(("word", "comparator"), sorted(WORDS["before"].items()))
def test_each_reviewed_word_before_a_figure_is_read_as_its_row_says(word, comparator):
    t = only(f"到2025年，示范基地数量{word}50个。")
    assert (t.name, t.value, t.unit, t.comparator) == ("示范基地数量", 50, "个", comparator)


@pytest.mark.parametrize(("word", "comparator"), sorted(WORDS["after"].items()))
def test_each_reviewed_qualifier_after_a_figure_is_read_as_its_row_says(word, comparator):
    t = only(f"到2025年，示范基地数量达到50个{word}。")
    assert (t.value, t.unit, t.comparator) == (50, "个", comparator)


@pytest.mark.parametrize(("unit", "kind"), sorted(WORDS["unit"].items()))
def test_each_reviewed_unit_is_read_whole(unit, kind):
    written = unit if kind != "scaled" else "万" + unit
    t = only(f"到2025年，示范指标达到36{written}。")
    assert (t.value, t.unit) == (36, written)


@pytest.mark.parametrize("text", ["到2025年，地区生产总值年均增长6.5%—7%。", "到2025年，重点培育2～3家平台企业。",
                                  "到2025年，形成1-2个产值超千亿元的产业集群。"])
def test_a_range_promises_no_one_figure(text):
    assert read(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("到2025年，全省森林覆盖率由2020年的40%提高到45%。", ("全省森林覆盖率", 45, "%", "=", 2025, 40, 2020)),
    ("核心产业增加值占比由7.8%提高到2025年的10%左右。", ("核心产业增加值占比", 10, "%", "~", 2025, 7.8, None)),
    ("到2025年，平均办理时间由20个工作日压缩至5个工作日。", ("平均办理时间", 5, "个工作日", "=", 2025, 20, None)),
])
def test_a_change_from_a_baseline_gives_the_target_and_its_baseline(text, expected):
    t = only(text)
    assert (t.name, t.value, t.unit, t.comparator, t.year, t.baseline_value, t.baseline_year) == expected


def test_a_task_table_rows_deadline_sets_the_year_of_its_goals():
    text = ("序号 | 工作任务 | 牵头单位 | 完成时限 |\n"
            "1 | 新建5G基站1000个。 | 市工信局 | 2024年12月底前 |\n"
            "2 | 新增城镇就业2万人。 | 市人社局 | 持续推进 |\n")
    assert [(t.value, t.year) for t in read(text, horizon=2025)] == [(1000, 2024), (2, 2025)]


@pytest.mark.parametrize("text", [
    "对新认定的专精特新企业，给予一次性奖励50万元。",
    "按照设备投资额的10%给予补贴，最高不超过200万元。",
    "贷款贴息比例为50%。",
])
def test_what_a_measure_pays_is_not_a_target(text):
    assert read(text, horizon=2025) == []


@pytest.mark.parametrize(("word", "meaning"), sorted(WORDS["grant"].items()))
def test_each_reviewed_grant_word_makes_its_clause_a_payment(word, meaning):
    assert read(f"对示范企业{word}资金100万元。", horizon=2025) == []


def test_the_year_compared_with_is_no_part_of_the_name():
    t = only("到2025年，单位地区生产总值能耗比2020年下降13.5%。")
    assert (t.name, t.value, t.year) == ("单位地区生产总值能耗下降", 13.5, 2025)


@pytest.mark.parametrize("text", ["单位地区生产总值能耗比2020年下降13.5%。", "与2020年相比，单位地区生产总值能耗下降13.5%。"])
def test_the_year_compared_with_is_not_the_year_of_the_goal(text):
    assert only(text, horizon=2025).year == 2025


@pytest.mark.parametrize("text", ["2024年以来，全市已建成5G基站1.2万个。", "全省已有50家服务机构登记备案。"])
def test_what_is_already_done_is_a_report_not_a_target(text):
    assert read(text, horizon=2025) == []
