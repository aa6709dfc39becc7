"""What the reader could not read is said, never silently dropped (`policykg read` prints it)."""

import pytest

from graph.errors import DocumentError
from loaders.pipeline import read_document


def read(text: str):
    return read_document(text.encode("utf-8"), "doc.txt")


def test_a_name_left_out_of_a_labelled_list_is_a_warning():
    g = read("某市推进政务服务实施方案\n一、优化服务\n（一）推行一网通办。加快平台建设。\n"
             "牵头单位：市政务服务数据管理局\n配合单位：市财政局、某某某、市公安局\n")
    supports = [a.surface for a in g.assignments if a.role == "supports"]
    assert "市财政局" in supports and "市公安局" in supports
    assert any(w.kind == "name-unresolved" and "某某某" in w.message for w in g.warnings)


def test_a_table_whose_cells_run_together_is_refused_with_that_reason():
    with pytest.raises(DocumentError, match="run together"):
        read("某区2021年民生实事项目责任分工表\n序号项目名称责任单位完成时限1新建学校3所区教育局2021年底2改造老旧小区区住建局2021年底\n")
