"""The policykg RDF vocabulary, declared the RDFLib way: a misspelt term is an error.

Terms are defined in graph/vocab/policykg.ttl (RDFS/OWL) and constrained by
graph/vocab/shapes.ttl (SHACL); standard vocabularies (DCTERMS, SKOS, ORG,
PROV) are used wherever one fits, and these terms cover the rest.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NS = "https://w3id.org/policykg/ns#"
DATA = Namespace("https://w3id.org/policykg/id/")


class PKG(DefinedNamespace):
    _NS = Namespace(NS)
    _fail = True

    # classes
    Plan: URIRef  # a policy document: 行动计划, 实施方案, 发展规划, 实施意见
    Action: URIRef  # a unit of a plan: （一） heading, or an annex task
    Project: URIRef  # a unit within an action: 1． item or 专栏 box
    Department: URIRef  # a body named as leading or supporting units
    Indicator: URIRef  # a quantified (or dated) target
    Assignment: URIRef  # a qualified leads/supports statement with its evidence
    SourceDocument: URIRef  # the file a plan was read from
    Correction: URIRef  # a person's correction to what was read (a prov:Activity)

    # the contract's relations
    leads: URIRef
    supports: URIRef
    targets: URIRef
    # structure
    contains: URIRef
    implements: URIRef
    refersTo: URIRef
    # qualified assignment
    qualifiedAssignment: URIRef
    department: URIRef
    unit: URIRef
    role: URIRef
    basis: URIRef
    deadline: URIRef
    # evidence
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    locator: URIRef  # page and line, paragraph, table cell or sheet and cell of a PDF, Word or Excel file
    # plans, units, departments
    jurisdiction: URIRef
    issuer: URIRef
    titleDerived: URIRef
    national: URIRef
    path: URIRef
    order: URIRef
    annexTask: URIRef
    kind: URIRef
    # indicators
    targetValue: URIRef
    comparator: URIRef
    unitOfMeasure: URIRef
    targetYear: URIRef
    baselineValue: URIRef
    baselineYear: URIRef
    # corrections
    correctionKind: URIRef
    correctionBody: URIRef
    stale: URIRef
    staleReason: URIRef
