"""A flattened table whose first column is the lead (牵头单位 | 目标任务 | 责任单位), as a reader reads it:
the body before a task leads it, the bodies after it are its own, a lead wrapped over lines is one name."""

from tests.test_table_layouts import read, roles


def flat(*cells: str) -> str:
    return "\n\n".join(cells)


HEADER = ("牵头单位", "目 标 任 务", "责 任 单 位")


def test_the_body_before_each_task_leads_it_and_the_bodies_after_it_support():
    _, _, edges = read(flat(*HEADER, "市商务局", "扩大外贸出口，培育跨境电商主体", "市财政局、市税务局",
                            "市科技局", "推进高新技术企业认定", "市直各单位"))
    assert roles(edges, "扩大外贸出口") == {"leads": ["市商务局"], "supports": ["市财政局", "市税务局"]}
    assert roles(edges, "推进高新技术企业认定") == {"leads": ["市科技局"], "supports": ["市直各单位"]}


def test_a_lead_wrapped_over_lines_of_a_narrow_column_is_one_name():
    _, _, edges = read(flat(*HEADER, "市住", "房城乡", "建设局", "推进老旧小区改造，完善配套设施", "各区人民政府"))
    assert roles(edges, "老旧小区改造") == {"leads": ["市住房城乡建设局"], "supports": ["各区人民政府"]}


def test_a_row_with_no_bodies_after_its_task_ends_the_table_rather_than_guess():
    # 市科技局 could be the first row's 责任单位 or the second row's lead: the table is read no further
    _, _, edges = read(flat(*HEADER, "市商务局", "扩大外贸出口，培育跨境电商主体", "市科技局",
                            "推进高新技术企业认定", "市直各单位"))
    assert not roles(edges, "推进高新技术企业认定")["leads"]
    assert "市直各单位" not in [e[2] for e in edges]
