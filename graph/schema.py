"""The property schema both stores share: node and relationship tables, typed.

LadybugDB needs typed tables before any write (and errors on undeclared
properties); Neo4j needs none, but gets the same properties so that every
named query reads the same names from either store.
"""

# `locator`: the place in a PDF, Word or Excel file (page and line, paragraph, cell); null for text and HTML
EVIDENCE = [("source", "STRING"), ("span_start", "INT64"), ("span_end", "INT64"), ("quote", "STRING"),
            ("locator", "STRING")]
# What a unit's or a target's answers show and sort by of its plan, carried on it (written with it, as the
# plan owns it): a page of a department's units is then one traversal with no join to Plan.
PLAN_OF = [("plan_title", "STRING"), ("plan_issued", "STRING")]
UNIT = [
    ("id", "STRING"), ("type", "STRING"), ("title", "STRING"), ("path", "STRING"), ("parent_id", "STRING"),
    ("plan_id", "STRING"), *PLAN_OF, ("ord", "INT64"), ("text", "STRING"), ("deadline", "STRING"),
    ("annex", "BOOLEAN"), ("tokens", "STRING"), *EVIDENCE,
]
# Set on a fact a person's correction made or changed (graph.model.CorrectionMark)
CORRECTION_MARK = [("correction_id", "STRING"), ("corrected_by", "STRING"), ("corrected_at", "STRING")]

NODES: dict[str, list[tuple[str, str]]] = {
    "Plan": [
        ("id", "STRING"), ("type", "STRING"), ("title", "STRING"), ("title_derived", "BOOLEAN"),
        ("issuer", "STRING"), ("jurisdiction", "STRING"), ("issued", "STRING"), ("doc_number", "STRING"),
        ("national", "BOOLEAN"), ("tokens", "STRING"), *EVIDENCE,
    ],
    "Action": UNIT,
    "Project": UNIT,
    "Department": [
        ("id", "STRING"), ("type", "STRING"), ("name", "STRING"), ("jurisdiction", "STRING"),
        ("aliases", "STRING[]"), ("kind", "STRING"),
    ],
    "Indicator": [
        ("id", "STRING"), ("type", "STRING"), ("name", "STRING"), ("target_value", "DOUBLE"),
        ("comparator", "STRING"), ("unit", "STRING"), ("target_year", "INT64"), ("baseline_value", "DOUBLE"),
        ("baseline_year", "INT64"), ("plan_id", "STRING"), *PLAN_OF, ("owner_id", "STRING"), ("tokens", "STRING"),
        *EVIDENCE, *CORRECTION_MARK,
    ],
    # A plan's text as read (what every span indexes) and its reading before corrections, compressed.
    "Source": [("id", "STRING"), ("type", "STRING"), ("plan_id", "STRING"), ("text", "STRING"), ("reading", "STRING")],
    # People's corrections: not owned by a plan, so they outlive every reload of it.
    "Correction": [
        ("id", "STRING"), ("type", "STRING"), ("plan_id", "STRING"), ("kind", "STRING"), ("unit_path", "STRING"),
        ("quote", "STRING"), ("body", "STRING"), ("by", "STRING"), ("at", "STRING"), ("why", "STRING"),
        ("stale", "BOOLEAN"), ("stale_reason", "STRING"),
    ],
}

# A lead or support edge also carries its row of a department's page, and one key that sorts the page
# (plan issued, plan id, unit order, department id: graph.rows.order_key), all written with the unit it
# points to. A page is then read from the department's edges alone: the
# engine neither reads a unit table nor compares four keys per row (measured at 1,000 plans, a
# department with 2,000 supports: 6.0 ms with the unit's columns and four keys, 2.7 ms so).
# `page_item` is that row whole (its unit, plan, evidence and correction), as the JSON the API sends
# (graph/page_item.py): the page's read then takes one column of the department's edges rather than thirteen.
ROLE_EDGE = [("role", "STRING"), ("basis", "STRING"), ("surface", "STRING"), ("rank", "INT64"), ("deadline", "STRING"),
             ("plan_id", "STRING"), ("order_key", "STRING"), ("page_item", "STRING"), *EVIDENCE, *CORRECTION_MARK]
UNITS = [("Department", "Action"), ("Department", "Project")]

RELS: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "LEADS": (UNITS, ROLE_EDGE),
    "SUPPORTS": (UNITS, ROLE_EDGE),
    "TARGETS": ([("Plan", "Indicator"), ("Action", "Indicator"), ("Project", "Indicator")],
                [("plan_id", "STRING"), *EVIDENCE]),
    "CONTAINS": ([("Plan", "Action"), ("Plan", "Project"), ("Action", "Project")], [("plan_id", "STRING")]),
    "IMPLEMENTS": ([("Plan", "Plan")], [("plan_id", "STRING"), *EVIDENCE]),
    "REFERS_TO": ([("Action", "Action"), ("Action", "Project")], [("plan_id", "STRING")]),
    # From a plan to every unit and target it owns, however deep: /plans/{id} reads them from the plan
    # (found by its key) instead of filtering every unit or target by plan_id (at 1,000 plans a plan's
    # units took 23 ms that way, 1.5 ms along OWNS).
    "OWNS": ([("Plan", "Action"), ("Plan", "Project"), ("Plan", "Indicator")], [("plan_id", "STRING")]),
}

# Nodes that belong to one plan and go when it is replaced (Plan and Department nodes are shared).
PLAN_OWNED = ("Action", "Project", "Indicator", "Source")


def columns(table: str) -> list[str]:
    if table in NODES:
        return [name for name, _ in NODES[table]]
    return [name for name, _ in RELS[table][1]]
