"""RDF export: every format round-trips, the shipped SHACL shapes hold, IRIs are stable."""

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic

from graph.embedded import EmbeddedStore
from graph.rdf import FORMATS, export_graph, iri, serialize, vocabulary_file
from graph.vocabulary import NS, PKG


@pytest.fixture(scope="module")
def exported(loaded_store):
    return export_graph(loaded_store)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_parses_back_isomorphic(exported, fmt):
    parsed = Graph().parse(data=serialize(exported, fmt), format=FORMATS[fmt][0])
    assert len(parsed) == len(exported) and isomorphic(parsed, exported)


def test_the_export_conforms_to_the_shipped_shapes(exported):
    shapes = Graph().parse(data=vocabulary_file("shapes.ttl"), format="turtle")
    conforms, _, report = validate(exported, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_shapes_catch_a_broken_export(exported):
    shapes = Graph().parse(data=vocabulary_file("shapes.ttl"), format="turtle")
    broken = Graph() + exported
    assignment = next(broken.subjects(RDF.type, PKG.Assignment))
    broken.set((assignment, PKG.basis, Literal("guessed")))
    assert not validate(broken, shacl_graph=shapes, inference="none")[0]


def test_a_fresh_load_exports_an_isomorphic_graph(tmp_path, graphs, exported):
    fresh = EmbeddedStore(tmp_path / "fresh")
    for prefix in ("004", "003", "002", "001", "000"):  # another order, another store
        fresh.replace_plan(graphs[prefix])
    again = export_graph(fresh)
    fresh.close()
    assert isomorphic(again, exported) and set(again) == set(exported)


def test_leads_triples_have_a_qualified_assignment_beside_them(exported, graphs):
    unit = next(u for u in graphs["002"].units if u.annex and "共享车间" in u.title)
    leads = list(exported.subjects(PKG.leads, iri(unit.id)))
    assert len(leads) == 1
    (qualified,) = [q for q in exported.objects(leads[0], PKG.qualifiedAssignment)
                    if (q, PKG.unit, iri(unit.id)) in exported]
    assert exported.value(qualified, PKG.role) == PKG.leads
    assert str(exported.value(qualified, PKG.basis)) == "stated"
    assert str(exported.value(qualified, PKG.deadline)) == "力争2020年底前"
    assert str(exported.value(qualified, PKG.quote)) == "省经济和信息化委"


def test_departments_carry_skos_labels_in_chinese(exported):
    dept = next(s for s in exported.subjects(RDF.type, PKG.Department)
                if str(exported.value(s, PKG.jurisdiction)) == "安徽省"
                and "省发改委" in {str(a) for a in exported.objects(s, __import__("rdflib").SKOS.altLabel)})
    label = exported.value(dept, __import__("rdflib").SKOS.prefLabel)
    assert (str(label), label.language) == ("安徽省发展和改革委员会", "zh")


def test_one_plan_exports_only_its_own_units(loaded_store, graphs):
    one = export_graph(loaded_store, graphs["003"].plan.id)
    plans = set(one.subjects(RDF.type, PKG.Plan))
    assert iri(graphs["003"].plan.id) in plans and iri(graphs["000"].plan.id) not in plans


def test_the_vocabulary_is_closed_and_every_term_is_defined():
    with pytest.raises(AttributeError):
        PKG.leadz  # noqa: B018
    ontology = Graph().parse(data=vocabulary_file("policykg.ttl"), format="turtle")
    defined = {str(s) for s in ontology.subjects() if str(s).startswith(NS)}
    declared = {NS + name for name in PKG.__annotations__}
    assert declared <= defined, declared - defined


def test_export_route_serves_each_format(client):
    for fmt, (rdflib_format, media) in FORMATS.items():
        r = client.get("/export", params={"format": fmt})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        assert len(Graph().parse(data=r.content, format=rdflib_format)) > 1000


def test_cli_export_writes_a_file(tmp_path):
    from tests.conftest import DOCS
    from tests.test_cli import policykg

    store = str(tmp_path / "s")
    policykg("load", str(DOCS[3]), "--store", store)
    out = tmp_path / "graph.nt"
    r = policykg("export", "--format", "nt", "--output", str(out), "--store", store)
    assert r.returncode == 0 and len(Graph().parse(out, format="nt")) > 100
