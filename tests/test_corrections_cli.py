"""`policykg corrections list | export | import` as a user runs them: a file that round-trips into a
fresh store, stale corrections named, bad files refused in one line, usage errors exit 2."""

import json
from pathlib import Path

import pytest

from api.department_names import resolve_name
from api.loading import load_paths
from api.stores import open_store
from graph import correction_file
from graph.errors import DocumentError
from queries import corrections, service
from tests.conftest import doc
from tests.test_cli import policykg

DOC = doc("003")


def loaded(directory: Path):
    store = open_store(str(directory))
    assert load_paths(store, [DOC]).loaded == 1
    return store


def staffing(store, plan_id: str) -> set[tuple[str, str, str, str]]:
    """(unit id, role, department id, basis) of every lead and support of the plan."""
    return {(r["unit_id"], r["role"], r["id"], r["basis"]) for r in store.run("plan_assignments", {"plan": plan_id})}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory, graphs):
    """A store with 003 loaded and corrected twice (a lead removed, a support made a lead), and its facts."""
    directory = tmp_path_factory.mktemp("corrected") / "s"
    store = loaded(directory)
    graph = graphs["003"]
    lead = next(a for a in graph.assignments if a.role == "leads")
    support = next(a for a in graph.assignments if a.role == "supports")
    corrections.add_correction(store, {"plan_id": graph.plan.id, "kind": "remove-assignment", "unit_id": lead.unit_id,
                                       "department": lead.department_id, "role": "leads", "by": "张三",
                                       "why": "原文未列此单位"}, resolve=resolve_name)
    corrections.add_correction(store, {"plan_id": graph.plan.id, "kind": "change-role", "unit_id": support.unit_id,
                                       "department": support.department_id, "role": "supports", "by": "李四"},
                               resolve=resolve_name)
    facts = staffing(store, graph.plan.id)
    store.close()
    return directory, graph.plan.id, facts


@pytest.mark.parametrize("command", ["list", "export", "import"])
def test_every_corrections_command_has_help(command):
    r = policykg("corrections", command, "--help")
    assert r.returncode == 0 and len(r.stdout.strip()) > 40


def test_export_writes_one_sorted_line_per_correction(corrected, tmp_path):
    directory, plan_id, _ = corrected
    out = tmp_path / "corrections.jsonl"
    r = policykg("corrections", "export", str(out), "--store", str(directory))
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == f"wrote 2 corrections to {out}"
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [list(rec) for rec in records] == [["id", "plan_id", "kind", "unit_path", "quote", "body", "by", "at",
                                               "why"]] * 2
    assert {rec["kind"] for rec in records} == {"remove-assignment", "change-role"}
    assert records == sorted(records, key=lambda rec: (rec["plan_id"], rec["unit_path"], rec["id"]))
    assert "原文未列此单位" in out.read_text(encoding="utf-8")  # Chinese as written, not \\u escapes
    assert {rec["plan_id"] for rec in records} == {plan_id}


def test_export_then_import_into_a_fresh_store_gives_the_same_facts_and_file(corrected, tmp_path):
    directory, plan_id, facts = corrected
    first = tmp_path / "a.jsonl"
    assert policykg("corrections", "export", str(first), "--store", str(directory)).returncode == 0
    fresh = tmp_path / "fresh"
    loaded(fresh).close()
    r = policykg("corrections", "import", str(first), "--store", str(fresh))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"imported 2 corrections from {first}: 2 applied, 0 stale"
    store = open_store(str(fresh))
    try:
        assert staffing(store, plan_id) == facts
        assert sum(basis == "corrected" for *_, basis in facts) == 1  # the changed role; the removal leaves no edge
    finally:
        store.close()
    again = tmp_path / "b.jsonl"
    assert policykg("corrections", "export", str(again), "--store", str(fresh)).returncode == 0
    assert again.read_bytes() == first.read_bytes()
    twice = policykg("corrections", "import", str(first), "--store", str(fresh))
    assert twice.stdout.strip().endswith("2 applied, 0 stale")  # the same ids: replaced, not doubled
    assert len(policykg("corrections", "list", "--store", str(fresh)).stdout.splitlines()) == 2


def test_a_correction_whose_unit_is_gone_is_reported_stale_and_listed(corrected, tmp_path):
    directory, plan_id, _ = corrected
    out = tmp_path / "c.jsonl"
    assert policykg("corrections", "export", str(out), "--store", str(directory)).returncode == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    records[0]["unit_path"] = "九、不存在的部分"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    fresh = tmp_path / "fresh"
    loaded(fresh).close()
    r = policykg("corrections", "import", str(out), "--store", str(fresh))
    assert r.returncode == 0
    assert r.stdout.strip() == f"imported 2 corrections from {out}: 1 applied, 1 stale"
    assert (f"stale: {records[0]['id']} {records[0]['kind']} in plan {plan_id} unit 九、不存在的部分: "
            "unit 九、不存在的部分 is no longer in the document") in r.stderr
    listed = policykg("corrections", "list", "--stale", "--store", str(fresh))
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 1
    assert listed.stdout.startswith(records[0]["id"]) and "STALE: unit 九、不存在的部分" in listed.stdout
    as_json = policykg("corrections", "list", "--json", "--plan", plan_id, "--store", str(fresh)).stdout.splitlines()
    assert sorted((c["id"], c["stale"]) for c in map(json.loads, as_json)) == sorted(
        [(records[0]["id"], True), (records[1]["id"], False)])
    reload = policykg("load", str(DOC), "--store", str(fresh))  # loading the document again says so too
    assert reload.returncode == 0, reload.stderr
    assert (f"stale: {records[0]['id']} {records[0]['kind']} in plan {plan_id} unit 九、不存在的部分: "
            "unit 九、不存在的部分 is no longer in the document") in reload.stderr
    assert "1 stored corrections no longer fit their documents" in reload.stdout


def test_corrections_imported_before_their_document_apply_when_it_is_loaded(corrected, tmp_path):
    directory, plan_id, facts = corrected
    out = tmp_path / "d.jsonl"
    assert policykg("corrections", "export", str(out), "--store", str(directory), "--plan", plan_id).returncode == 0
    empty = tmp_path / "empty"
    r = policykg("corrections", "import", str(out), "--store", str(empty))
    assert r.stdout.strip().endswith("0 applied, 2 stale") and f"plan {plan_id} is not loaded" in r.stderr
    store = loaded(empty)
    try:
        assert staffing(store, plan_id) == facts
        assert corrections.list_corrections(store, stale=True)[1] == 0
        assert service.counts(store)["plan"] == 1
    finally:
        store.close()


@pytest.mark.parametrize(("text", "reason"), [
    ("not json\n", "line 1: not JSON (Expecting value); the file holds one JSON object per line"),
    ('{"id": "c1", "plan_id": "p", "kind": "add-assignment", "by": "x"}\n', "line 1: 'at' is missing or not a "
                                                                             "non-empty string"),
    ('\n{"id": "c1", "plan_id": "p", "kind": "add", "by": "x", "at": "2026-12-02T00:00:00"}\n',
     "line 2: unknown kind 'add'; use one of remove-assignment, add-assignment, change-role, same-body, split-name, "
     "fix-target"),
    ('{"id": "c1", "plan_id": "p", "kind": "fix-target", "by": "x", "at": "yesterday"}\n',
     "line 1: 'at' is no ISO 8601 time: 'yesterday'"),
    ('{"id": "c1", "plan": "p", "kind": "fix-target", "by": "x", "at": "2026-12-02"}\n',
     "line 1: unknown field 'plan'; a correction has id, plan_id, kind, unit_path, quote, body, by, at, why"),
    ('[1, 2]\n', "line 1: a correction is a JSON object, not list"),
])
def test_a_bad_file_is_named_with_its_line_and_why(tmp_path, text, reason):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as e:
        correction_file.read(bad)
    assert e.value.message == f"{bad} {reason}"


def test_a_bad_file_is_refused_in_one_line_and_nothing_is_written(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "c1", "plan_id": "p", "kind": "add-assignment", "by": "x", "at": "2026-12-02"}\nnot json\n',
                   encoding="utf-8")
    r = policykg("corrections", "import", str(bad), "--store", str(tmp_path / "s"))
    assert r.returncode == 1
    assert r.stderr.strip() == f"error: {bad} line 2: not JSON (Expecting value); the file holds one JSON object per line"
    assert not (tmp_path / "s").exists()


def test_a_missing_file_is_named_and_usage_errors_exit_2(tmp_path):
    r = policykg("corrections", "import", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "s"))
    assert (r.returncode, r.stderr.strip()) == (1, f"error: {tmp_path / 'nope.jsonl'}: no such file")
    assert policykg("corrections", "import").returncode == 2
    both = policykg("corrections", "list", "--store", str(tmp_path / "s"), "--neo4j", "bolt://127.0.0.1:1")
    assert both.returncode == 2 and both.stderr.strip() == "error: give either --store or --neo4j, not both"
