"""RDF out, with rdflib: the whole store or one plan, in the contract's vocabulary.

Every IRI is derived from the content ids, so a fresh load of the same documents
exports the same graph. Beside each plain pkg:leads / pkg:supports triple stands
a pkg:Assignment carrying basis, quote, offsets, deadline and, for a PDF, Word or
Excel file, the locator (page and line, paragraph, table cell, sheet and cell);
every fact is prov:wasDerivedFrom the source document it was read from. A fact a
person's correction made or changed (basis `corrected`) is prov:wasAttributedTo that
person, prov:generatedAtTime when, and prov:wasGeneratedBy the correction, itself a
pkg:Correction (a prov:Activity) whose kind, why and staleness are exported too.
"""

import json
from decimal import Decimal
from importlib import resources

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from graph.errors import BadRequest, NotFound
from graph.ids import content_id
from graph.store import GraphStore
from graph.vocabulary import DATA, NS, PKG

FORMATS = {  # contract name → (rdflib format, media type)
    "turtle": ("turtle", "text/turtle"),
    "nt": ("nt", "application/n-triples"),
    "jsonld": ("json-ld", "application/ld+json"),
    "xml": ("xml", "application/rdf+xml"),
}
UNIT_CLASS = {"action": PKG.Action, "project": PKG.Project}


def vocabulary_file(name: str) -> str:
    return resources.files("graph").joinpath("vocab", name).read_text(encoding="utf-8")


def iri(node_id: str) -> URIRef:
    return DATA[node_id]


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _decimal(value: float) -> Literal:
    """xsd:decimal in its canonical form (always with a point: 20.0, 75.7), as Turtle writes it back."""
    text = format(Decimal(repr(float(value))), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


class Exporter:
    def __init__(self) -> None:
        self.g = Graph()
        for prefix, ns in (("pkg", NS), ("id", str(DATA)), ("dcterms", DCTERMS), ("skos", SKOS), ("org", ORG),
                           ("prov", PROV)):
            self.g.bind(prefix, ns)

    def add(self, s, p, o) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def source(self, name: str | None) -> URIRef | None:
        if not name:
            return None
        doc = iri(content_id("source", name))
        self.add(doc, RDF.type, PKG.SourceDocument)
        self.add(doc, DCTERMS.source, Literal(name))
        return doc

    def evidence(self, subject: URIRef, row: dict) -> None:
        if row.get("quote") is None or row.get("span_start") is None:
            return
        self.add(subject, PKG.quote, Literal(row["quote"]))
        self.add(subject, PKG.startOffset, Literal(int(row["span_start"])))
        self.add(subject, PKG.endOffset, Literal(int(row["span_end"])))
        self.add(subject, PKG.locator, Literal(row["locator"]) if row.get("locator") else None)
        self.add(subject, PROV.wasDerivedFrom, self.source(row.get("source")))

    def plan(self, store: GraphStore, plan_id: str) -> None:
        found = store.run("plan", {"id": plan_id})  # metadata only: the units etc. are read below, once
        if not found:
            raise NotFound(f"no plan with id {plan_id!r}")
        p = found[0]
        node = iri(plan_id)
        self.add(node, RDF.type, PKG.Plan)
        self.add(node, DCTERMS.title, _zh(p["title"]))
        self.add(node, PKG.titleDerived, Literal(bool(p["title_derived"])))
        self.add(node, PKG.issuer, _zh(p["issuer"]) if p["issuer"] else None)
        self.add(node, PKG.jurisdiction, _zh(p["jurisdiction"]) if p["jurisdiction"] else None)
        self.add(node, DCTERMS.issued, Literal(p["issued"], datatype=XSD.date) if p["issued"] else None)
        self.add(node, DCTERMS.identifier, Literal(p["doc_number"]) if p["doc_number"] else None)
        self.add(node, PROV.wasDerivedFrom, self.source(p["source"]))
        for n in store.run("plan_implements", {"plan": plan_id}):
            national = iri(n["id"])
            self.add(node, PKG.implements, national)
            self.add(national, RDF.type, PKG.Plan)
            self.add(national, DCTERMS.title, _zh(n["title"]) if n["title"] else None)
            self.add(national, DCTERMS.identifier, Literal(n["doc_number"]) if n["doc_number"] else None)
        for u in store.run("plan_units", {"plan": plan_id}):
            unit = iri(u["id"])
            self.add(unit, RDF.type, UNIT_CLASS[u["type"]])
            self.add(unit, DCTERMS.title, _zh(u["title"]))
            self.add(unit, DCTERMS.isPartOf, node)
            self.add(unit, PKG.path, Literal(u["path"]))
            self.add(unit, PKG.order, Literal(int(u["ord"])))
            self.add(unit, PKG.annexTask, Literal(bool(u["annex"])))
            self.add(unit, PKG.deadline, Literal(u["deadline"]) if u["deadline"] else None)
            self.add(iri(u["parent_id"]) if u["parent_id"] else node, PKG.contains, unit)
            self.evidence(unit, u)
        for link in store.run("plan_links", {"plan": plan_id}):
            self.add(iri(link["from_id"]), PKG.refersTo, iri(link["to_id"]))
        for a in store.run("plan_assignments", {"plan": plan_id}):
            self.assignment(a)
        for i in store.run("plan_indicators", {"plan": plan_id}):
            self.indicator(i, plan_id)
        self.corrections(store, plan_id, node)

    def department(self, d: dict) -> URIRef:
        node = iri(d["id"])
        self.add(node, RDF.type, PKG.Department)
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, SKOS.prefLabel, _zh(d["name"]))
        for alias in d["aliases"] or []:
            if alias != d["name"]:
                self.add(node, SKOS.altLabel, _zh(alias))
        self.add(node, PKG.jurisdiction, _zh(d["jurisdiction"]) if d["jurisdiction"] else None)
        self.add(node, PKG.kind, Literal(d["kind"]))
        return node

    def assignment(self, a: dict) -> None:
        dept = self.department(a)
        unit = iri(a["unit_id"])
        role = PKG.leads if a["role"] == "leads" else PKG.supports
        self.add(dept, role, unit)
        qualified = qualified_assignment(a["id"], a["unit_id"], a["role"])
        self.add(dept, PKG.qualifiedAssignment, qualified)
        self.add(qualified, RDF.type, PKG.Assignment)
        self.add(qualified, PKG.department, dept)
        self.add(qualified, PKG.unit, unit)
        self.add(qualified, PKG.role, role)
        self.add(qualified, PKG.basis, Literal(a["basis"]))
        self.add(qualified, PKG.deadline, Literal(a["deadline"]) if a["deadline"] else None)
        self.evidence(qualified, a)

    def indicator(self, i: dict, plan_id: str) -> None:
        node = iri(i["id"])
        self.add(node, RDF.type, PKG.Indicator)
        self.add(node, SKOS.prefLabel, _zh(i["name"]))
        self.add(node, PKG.targetValue, _decimal(i["target_value"]) if i["target_value"] is not None else None)
        self.add(node, PKG.comparator, Literal(i["comparator"]) if i["comparator"] else None)
        self.add(node, PKG.unitOfMeasure, Literal(i["unit"]) if i["unit"] else None)
        self.add(node, PKG.targetYear, _year(i["target_year"]) if i["target_year"] else None)
        self.add(node, PKG.baselineValue, _decimal(i["baseline_value"]) if i["baseline_value"] is not None else None)
        self.add(node, PKG.baselineYear, _year(i["baseline_year"]) if i["baseline_year"] else None)
        self.add(iri(i["unit_id"] or plan_id), PKG.targets, node)
        self.evidence(node, i)


    def agent(self, name: str) -> URIRef:
        """The person who made a correction: one node per name, the same in every export."""
        node = iri(content_id("agent", name))
        self.add(node, RDF.type, PROV.Agent)
        self.add(node, RDF.type, PROV.Person)
        self.add(node, RDFS.label, Literal(name))
        return node

    def correction(self, correction_id: str, by: str, at: str) -> URIRef:
        node = iri(correction_id)
        self.add(node, RDF.type, PKG.Correction)
        self.add(node, PROV.wasAssociatedWith, self.agent(by))
        self.add(node, PROV.endedAtTime, Literal(at, datatype=XSD.dateTime))
        return node

    def corrections(self, store: GraphStore, plan_id: str, plan: URIRef) -> None:
        """Every correction made to the plan (stale ones too: they say what no longer applies), then
        who made each corrected fact and when."""
        for c in store.run("rdf_plan_corrections", {"plan": plan_id}):
            node = self.correction(c["id"], c["by"], c["at"])
            self.add(node, PROV.used, plan)
            self.add(node, PKG.correctionKind, Literal(c["kind"]))
            self.add(node, PKG.path, Literal(c["unit_path"]) if c["unit_path"] else None)
            self.add(node, PKG.quote, Literal(c["quote"]) if c["quote"] else None)
            self.add(node, PKG.correctionBody, _json(c["body"]))
            self.add(node, RDFS.comment, Literal(c["why"]) if c["why"] else None)
            self.add(node, PKG.stale, Literal(bool(c["stale"])))
            self.add(node, PKG.staleReason, Literal(c["stale_reason"]) if c["stale_reason"] else None)
        for m in store.run("rdf_corrections", {"plan": plan_id}):
            fact = (qualified_assignment(m["id"], m["unit_id"], m["role"]) if m["fact"] == "assignment"
                    else iri(m["id"]))
            self.add(fact, PROV.wasAttributedTo, self.agent(m["corrected_by"]))
            self.add(fact, PROV.generatedAtTime, Literal(m["corrected_at"], datatype=XSD.dateTime))
            self.add(fact, PROV.wasGeneratedBy, self.correction(m["correction_id"], m["corrected_by"],
                                                               m["corrected_at"]))


def qualified_assignment(department_id: str, unit_id: str, role: str) -> URIRef:
    return iri(content_id("assignment", department_id, unit_id, role))


def _json(text: str | None) -> Literal | None:
    """A correction's body as rdf:JSON, keys sorted so that the same correction exports the same literal."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return Literal(text)
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True), datatype=RDF.JSON)


def export_graph(store: GraphStore, plan_id: str | None = None) -> Graph:
    """The whole store (every loaded plan) or one plan as an rdflib Graph."""
    exporter = Exporter()
    if plan_id:
        exporter.plan(store, plan_id)
    else:
        total = int(store.run("plans_total")[0]["total"])
        for offset in range(0, total, 1000):
            for p in store.run("plans", {"offset": offset, "limit": 1000}):
                exporter.plan(store, p["id"])
    return exporter.g


def serialize(graph: Graph, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise BadRequest(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    return graph.serialize(format=FORMATS[fmt][0], encoding="utf-8")
