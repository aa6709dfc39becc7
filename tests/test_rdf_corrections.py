"""RDF of corrected facts: basis `corrected`, who (prov:wasAttributedTo a prov:Agent) and when
(prov:generatedAtTime), by which correction (prov:wasGeneratedBy a pkg:Correction)."""

import pytest
import rdflib
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from graph.embedded import EmbeddedStore
from graph.ids import content_id
from graph.model import CorrectionMark, PlanGraph
from graph.rdf import export_graph, iri, qualified_assignment, vocabulary_file
from graph.vocabulary import PKG
from tests.minimal_documents import read

BODY = ("一、重点任务\n（一）加快发展数字经济。推进数字产业化。（牵头单位：市发展改革委；配合单位：市财政局）\n"
        "到2025年，数字经济规模达到500亿元。\n")
AT = "2026-12-02T00:10:00+00:00"
DATETIME, DECIMAL = rdflib.XSD.dateTime, rdflib.XSD.decimal  # (XSD itself at module level upsets pytest)


def corrected() -> PlanGraph:
    """市财政局 made a lead by 张三's correction; the target's value fixed by 李四's."""
    graph = read(BODY)
    support = next(a for a in graph.assignments if a.surface == "市财政局")
    support.role, support.basis = "leads", "corrected"
    support.correction = CorrectionMark(id="corr-role", by="张三", at=AT)
    graph.indicators[0].target_value = 600.0
    graph.indicators[0].correction = CorrectionMark(id="corr-target", by="李四", at="2026-12-02T00:11:00+00:00")
    return graph


@pytest.fixture
def exported(tmp_path):
    graph = corrected()
    store = EmbeddedStore(tmp_path / "s")
    store.replace_plan(graph)
    try:
        yield graph, export_graph(store)
    finally:
        store.close()


def test_a_corrected_lead_says_who_corrected_it_and_when(exported):
    graph, rdf = exported
    fact = next(a for a in graph.assignments if a.basis == "corrected")
    qualified = qualified_assignment(fact.department_id, fact.unit_id, "leads")
    assert (iri(fact.department_id), PKG.leads, iri(fact.unit_id)) in rdf
    assert rdf.value(qualified, PKG.basis) == Literal("corrected")
    person = rdf.value(qualified, PROV.wasAttributedTo)
    assert person == iri(content_id("agent", "张三"))
    assert {PROV.Agent, PROV.Person} <= set(rdf.objects(person, RDF.type))
    assert rdf.value(person, RDFS.label) == Literal("张三")
    assert rdf.value(qualified, PROV.generatedAtTime) == Literal(AT, datatype=DATETIME)
    activity = rdf.value(qualified, PROV.wasGeneratedBy)
    assert activity == iri("corr-role") and (activity, RDF.type, PKG.Correction) in rdf
    assert rdf.value(activity, PROV.wasAssociatedWith) == person


def test_facts_as_read_carry_no_attribution(exported):
    graph, rdf = exported
    fact = next(a for a in graph.assignments if a.basis == "stated")
    qualified = qualified_assignment(fact.department_id, fact.unit_id, fact.role)
    assert rdf.value(qualified, PKG.basis) == Literal("stated")
    assert rdf.value(qualified, PROV.wasAttributedTo) is None and rdf.value(qualified, PROV.generatedAtTime) is None


def test_a_corrected_target_says_who_and_when(exported):
    graph, rdf = exported
    node = iri(graph.indicators[0].id)
    assert rdf.value(node, PKG.targetValue) == Literal("600.0", datatype=DECIMAL)
    assert rdf.value(node, PROV.wasAttributedTo) == iri(content_id("agent", "李四"))
    assert rdf.value(node, PROV.generatedAtTime) == Literal("2026-12-02T00:11:00+00:00", datatype=DATETIME)


def test_the_corrected_export_conforms_and_a_corrected_fact_without_its_person_does_not(exported):
    _, rdf = exported
    shapes = Graph().parse(data=vocabulary_file("shapes.ttl"), format="turtle")
    conforms, _, report = validate(rdf, shacl_graph=shapes, inference="none")
    assert conforms, report
    broken = Graph() + rdf
    broken.remove((None, PROV.wasAttributedTo, None))
    assert not validate(broken, shacl_graph=shapes, inference="none")[0]


def test_a_fresh_store_exports_the_same_corrected_graph(tmp_path, exported):
    _, rdf = exported
    fresh = EmbeddedStore(tmp_path / "fresh")
    fresh.replace_plan(corrected())
    again = export_graph(fresh)
    fresh.close()
    assert isomorphic(again, rdf) and set(again) == set(rdf)


def test_turtle_of_a_corrected_fact_parses_back(exported):
    _, rdf = exported
    parsed = Graph().parse(data=rdf.serialize(format="turtle"), format="turtle")
    assert isomorphic(parsed, rdf)
    assert len(set(parsed.subjects(PROV.wasAttributedTo, None))) == 2


def test_a_correction_made_through_the_service_exports_as_a_prov_activity(tmp_path, graphs):
    from api.department_names import resolve_name
    from api.loading import load_paths
    from queries import corrections
    from tests.conftest import doc

    store = EmbeddedStore(tmp_path / "s")
    assert load_paths(store, [doc("003")]).loaded == 1
    graph = graphs["003"]
    support = next(a for a in graph.assignments if a.role == "supports")
    lead = next(a for a in graph.assignments if a.role == "leads" and a.unit_id != support.unit_id)
    changed = corrections.add_correction(store, {
        "plan_id": graph.plan.id, "kind": "change-role", "unit_id": support.unit_id, "department": support.department_id,
        "role": "supports", "by": "张三", "why": "原文写明牵头"}, resolve=resolve_name)
    removed = corrections.add_correction(store, {
        "plan_id": graph.plan.id, "kind": "remove-assignment", "unit_id": lead.unit_id, "department": lead.department_id,
        "role": "leads", "by": "李四"}, resolve=resolve_name)
    rdf = export_graph(store, graph.plan.id)
    store.close()

    qualified = qualified_assignment(support.department_id, support.unit_id, "leads")
    assert (iri(support.department_id), PKG.leads, iri(support.unit_id)) in rdf
    assert rdf.value(qualified, PKG.basis) == Literal("corrected")
    assert rdf.value(qualified, PROV.generatedAtTime) == Literal(changed.at, datatype=DATETIME)
    activity = iri(changed.id)
    assert rdf.value(qualified, PROV.wasGeneratedBy) == activity
    assert rdf.value(activity, PKG.correctionKind) == Literal("change-role")
    assert rdf.value(activity, RDFS.comment) == Literal("原文写明牵头")
    assert rdf.value(activity, PROV.used) == iri(graph.plan.id)
    assert rdf.value(activity, PKG.stale) == Literal(False)
    # a removal leaves no fact behind: the correction itself says what was taken away, by whom
    assert (iri(lead.department_id), PKG.leads, iri(lead.unit_id)) not in rdf
    gone = iri(removed.id)
    assert rdf.value(gone, PKG.correctionKind) == Literal("remove-assignment")
    assert rdf.value(gone, PROV.wasAssociatedWith) == iri(content_id("agent", "李四"))
    assert lead.department_id in str(rdf.value(gone, PKG.correctionBody))
    shapes = Graph().parse(data=vocabulary_file("shapes.ttl"), format="turtle")
    conforms, _, report = validate(rdf, shacl_graph=shapes, inference="none")
    assert conforms, report
