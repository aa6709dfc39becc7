"""Tables whose cells are set apart by spaces, with a header cell spaced out letter by letter as a wide
cell is set (序号 工 作 任 务 牵头负责部门): minimal tables written for the test."""

import pytest

from loaders.table_layouts import find_tables
from loaders.text import normalise


@pytest.mark.parametrize("header, roles", [
    ("序号 工 作 任 务 牵头负责部门", ["number", "task", "lead"]),
    ("序号  重 点 任 务  牵 头 单 位  配合单位", ["number", "task", "lead", "support"]),
    ("序号 工作任务 责 任 单 位", ["number", "task", "responsible"]),
    ("序 号 工 作 任 务 牵 头 单 位", ["number", "task", "lead"]),
])
def test_a_spaced_out_header_cell_is_one_column(header, roles):
    text = f"{header}\n1 城镇新增就业100万人以上 市人社局{' 市财政局' if len(roles) == 4 else ''}\n" \
           f"2 铁路投资800亿元以上 市发改委{' 市交通局' if len(roles) == 4 else ''}\n"
    source = normalise(text)
    (table,) = find_tables(source.text, source=source)
    assert [c.role for c in table.columns] == roles
    assert [r.cell("task").text for r in table.rows] == ["城镇新增就业100万人以上", "铁路投资800亿元以上"]
    assert [r.cell(roles[2]).text for r in table.rows] == ["市人社局", "市发改委"]


def test_single_letters_that_join_into_no_header_stay_apart():
    source = normalise("序号 甲 乙 牵头单位\n1 建设 学校 市教育局\n")
    tables = find_tables(source.text, source=source)
    assert all(c.header not in ("甲乙",) for t in tables for c in t.columns)
