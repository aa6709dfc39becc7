"""The year a target is set for, as a reader reads it: a year compared against (较2015年) is the baseline's,
and a short line stating one does not set the year of the lines below it."""

from loaders.indicators import running_text_targets


def _years(text: str, plan_year: int | None = 2016) -> dict[str, int | None]:
    return {t.name: t.year for t in running_text_targets(text, 0, len(text), None, plan_year)}


def test_a_year_compared_against_is_no_target_year_for_the_lines_below():
    text = "1、单位产值能耗较2015年下降4%。\n2、城镇登记失业率控制在4%以内。\n3、粮食产量稳定在300万吨。"
    years = _years(text)
    assert years == {"单位产值能耗下降": None, "城镇登记失业率": None, "粮食产量": None}  # the plan's year, later


def test_a_short_line_naming_the_year_of_its_goals_still_sets_it():
    text = "一、2017年主要目标\n地区生产总值增长8%。"
    assert _years(text, None)["地区生产总值增长"] == 2017


def test_the_years_work_counted_in_items_is_the_plans_year():
    from loaders.dates import work_year
    assert work_year(["市长在人代会上提出了2019年市政府要抓好的12项重点工作，现分解如下："]) == 2019
    assert work_year(["2019年3月5日召开常务会议，研究重点工作。"]) is None  # a date, not the year's work
