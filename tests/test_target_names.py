"""What a target is called, as a reader reads it: 实现X增长4%的目标 names X, the words after the figure only
call it a goal; 确保/力争 are the promise, not the name."""

import pytest

from loaders.indicators import targets_in_clause


def _read(clause: str) -> list[tuple[str, float, str]]:
    return [(t.name, t.value, t.unit) for t in targets_in_clause(clause, 0, len(clause))]


@pytest.mark.parametrize("clause, expected", [
    ("确保实现一般公共预算收入增长6%的目标", [("一般公共预算收入增长", 6.0, "%")]),
    ("力争实现进出口总额增长8%的目标任务", [("进出口总额增长", 8.0, "%")]),
    ("确保全县粮食产量稳定在25万吨", [("全县粮食产量", 25.0, "万吨")]),
])
def test_a_figure_closing_a_goals_name(clause, expected):
    assert _read(clause) == expected

