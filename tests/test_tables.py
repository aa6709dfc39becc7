"""Annex task tables, tab-separated and flattened, on the bundled plans."""


def _task(graph, piece):
    return next(u for u in graph.units if u.annex and piece in u.title)


def _roles(graph, unit):
    names = {d.id: d.name for d in graph.departments}
    return {role: [names[a.department_id] for a in graph.assignments if a.unit_id == unit.id and a.role == role]
            for role in ("leads", "supports")}


def test_tab_separated_rows_have_leads_supports_and_deadline(graphs):
    g = graphs["002"]
    task = _task(g, "各地、各部门要抓紧制定出台实施细则")
    assert task.deadline == "2018年3月31日前"
    roles = _roles(g, task)
    assert roles["leads"] == ["安徽省各市人民政府", "安徽省经济和信息化委员会"]
    assert roles["supports"] == ["安徽省发展和改革委员会", "安徽省财政厅"]


def test_deadline_is_carried_onto_the_edges(graphs):
    g = graphs["002"]
    task = _task(g, "建成50个共享车间")
    assert {a.deadline for a in g.assignments if a.unit_id == task.id} == {"力争2020年底前"}


def test_flattened_rows_read_one_cell_per_line(graphs):
    g = graphs["001"]
    task = _task(g, "加快信息产业发展")
    roles = _roles(g, task)
    assert roles["leads"] == ["安徽省经济和信息化委员会"]
    assert "安徽省国防科学技术工业办公室" in roles["supports"]


def test_several_leads_in_a_flattened_cell(graphs):
    g = graphs["001"]
    roles = _roles(g, _task(g, "组织实施美好安徽信息化专项行动"))
    assert roles["leads"] == ["安徽省发展和改革委员会", "安徽省能源局", "安徽省经济和信息化委员会", "安徽省环境保护厅"]


def test_edge_evidence_quotes_the_responsibility_cell(graphs):
    g = graphs["001"]
    task = _task(g, "推进大数据等信息技术在司法工作中的应用")
    (lead,) = [a for a in g.assignments if a.unit_id == task.id and a.role == "leads"]
    assert lead.basis == "first-listed"
    assert lead.evidence.quote == "省高级人民法院、省检察院按职责分工负责"


def test_an_annex_task_is_linked_to_the_body_units_it_names(graphs):
    g = graphs["001"]
    titles = {u.id: u.title for u in g.units}
    task = _task(g, "组织实施网络技术提升行动")
    assert [titles[i] for i in task.related_ids] == ["网络技术提升行动"]
    both = _task(g, "加快公共信息服务设施建设，组织实施网络提速降费工程")
    assert [titles[i] for i in both.related_ids] == ["加快公共信息服务设施建设", "网络提速降费工程"]


def test_a_deadline_in_a_units_text_is_kept(graphs):
    unit = next(u for u in graphs["001"].units if u.title == "新型智慧城市建设行动")
    assert unit.deadline == "2017年底前"
