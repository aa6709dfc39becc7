"""Leads and supports as written, the names their nodes carry, and same/distinct department facts.

An edge is (unit, role, department as written): the gold's name against the
extracted `Assignment.surface`, both folded by `text.norm_name`. Whether a
surface landed on the right body is judged against tests/fixtures/gold_names.tsv
(a person's mapping to canonical names) and against the gold's same/distinct
facts, on the nodes the extracted graph attached each surface to.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from graph.model import PlanGraph
from tests.evaluation.cases import Case, gold_names_files, load
from tests.evaluation.text import Ratios, norm_canonical, norm_name, units_for

if TYPE_CHECKING:
    from tests.evaluation.corrections import CorrectedGold


@dataclass
class Score(Ratios):
    found: int
    expected: int
    extracted: int
    correct: int
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def gold_triples(gold: dict) -> dict[tuple[str, str, str], str]:
    """(unit piece, role, folded name) → the name as written, each once."""
    out: dict[tuple[str, str, str], str] = {}
    for a in gold["assignments"]:
        for role in ("leads", "supports"):
            for name in a[role]:
                out.setdefault((a["unit"], role, norm_name(name)), name)
    return out


def score_assignments(graph: PlanGraph, gold: dict, corrected: "CorrectedGold | None" = None) -> Score:
    """Recall over the gold's triples; precision over every edge extracted. People's corrections
    (tests/evaluation/corrections.py), when given, add the facts they state to the gold, drop those
    they deny, and make an edge they deny wrong."""
    expected = gold_triples(gold)
    units = {u.id: u for u in graph.units}
    named = {piece: units_for(piece, graph.units) for piece, _, _ in expected}
    edges = [(units[a.unit_id], a.role, norm_name(a.surface), a.surface, a.department_id) for a in graph.assignments]
    stated = corrected.expected if corrected else []
    denied = corrected.unexpected if corrected else []

    def in_gold(fact, g) -> bool:
        return fact.role == g[1] and fact.unit_id in named[g[0]] and g[2] in fact.names

    expected = {g: w for g, w in expected.items() if not any(in_gold(f, g) for f in denied)}
    stated = [f for f in stated if not any(in_gold(f, g) for g in expected)]

    def hit(edge, g) -> bool:
        return edge[1] == g[1] and edge[2] == g[2] and edge[0].id in named[g[0]]

    def states(edge, fact) -> bool:
        return fact.is_edge(edge[0].id, edge[1], edge[2], edge[4])

    def why_wrong(edge) -> str | None:
        if any(states(edge, f) for f in denied):
            return " (a correction denies it)"
        return None if any(hit(edge, g) for g in expected) or any(states(edge, f) for f in stated) else ""

    missed = [f"{g[0]} · {g[1]} · {written}" for g, written in expected.items() if not any(hit(e, g) for e in edges)]
    missed += [f.shown for f in stated if not any(states(e, f) for e in edges)]
    wrong = [f"{e[0].title[:30]} · {e[1]} · {e[3]}{why}" for e in edges if (why := why_wrong(e)) is not None]
    wrong += [f"{graph.unit(u).title[:30]} · {role} · {d} (the same edge again)" for u, role, d in _repeated(graph)]
    total = len(expected) + len(stated)
    return Score(total - len(missed), total, len(edges), len(edges) - len(wrong), missed, wrong)


def _repeated(graph: PlanGraph) -> list[tuple[str, str, str]]:
    """Edges stated twice (one body, one role, one unit): each repeat is one edge too many."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in graph.assignments:
        key = (a.unit_id, a.role, a.department_id)
        if key in seen:
            out.append(key)
        seen.add(key)
    return out


def basis_errors(graph: PlanGraph, gold: dict) -> list[str]:
    """Units whose edges were read with another basis than the gold's."""
    errors = []
    for a in gold["assignments"]:
        named = units_for(a["unit"], graph.units)
        got = {x.basis for x in graph.assignments if x.unit_id in named}
        if got and got != {a["basis"]}:
            errors.append(f"{a['unit']}: basis {sorted(got)} != {a['basis']}")
    return errors


def surface_nodes(graph: PlanGraph) -> dict[str, set[str]]:
    """Each surface form as read → the department nodes the graph attached it to."""
    out: dict[str, set[str]] = {}
    for a in graph.assignments:
        out.setdefault(norm_name(a.surface), set()).add(a.department_id)
    return out


@cache
def gold_names() -> dict[str, dict[str, list[str]]]:
    """document key → folded surface form → accepted canonical names (the official one first)."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in gold_names_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                doc, surface, names = line.split("\t")[:3]
                out.setdefault(doc, {})[norm_name(surface)] = names.split("|")
    return out


def name_errors(graph: PlanGraph, key: str) -> tuple[int, list[str]]:
    """(surfaces checked, those whose node carries another name than the reviewed one), where read."""
    depts = {d.id: d.name for d in graph.departments}
    nodes = surface_nodes(graph)
    checked, errors = 0, []
    for surface, accepted in gold_names().get(key, {}).items():
        for node in sorted(nodes.get(surface, ())):
            checked += 1
            if norm_canonical(depts[node]) not in {norm_canonical(n) for n in accepted}:
                errors.append(f"{surface} → {depts[node]}, expected {accepted[0]}")
    return checked, errors


def _nodes_of(ref: str, own: Case, cases: dict[str, Case]) -> set[str] | None:
    """The nodes a 'DOC:name' (or a bare name, in the own document) was attached to; None when not read."""
    if re.match(r"^\d{3}:", ref):
        key, name = ref.split(":", 1)
        graph = load(cases[key]) if key in cases else None
    else:
        name, graph = ref, load(own)
    if not isinstance(graph, PlanGraph):
        return None
    return surface_nodes(graph).get(norm_name(name))


def department_fact_failures(case: Case, cases: dict[str, Case]) -> tuple[int, list[str]]:
    """(facts, failures): same_department forms on one node; distinct_departments pairs on different nodes."""
    gold, failures, facts = case.gold, [], 0
    assigned = {norm_name(n) for a in gold["assignments"] for n in a["leads"] + a["supports"]}

    def checkable(ref: str) -> bool:
        """A bare form no note of this document assigns (an addressee line, a clause) has no edge to check."""
        return bool(re.match(r"^\d{3}:", ref)) or norm_name(ref) in assigned

    for forms in gold.get("same_department", []) + gold.get("same_department_across", []):
        forms = [f for f in forms if checkable(f)]
        if len(forms) < 2:
            continue
        facts += 1
        found = [_nodes_of(f, case, cases) for f in forms]
        if any(n is None for n in found):
            failures.append("not read: " + ", ".join(f for f, n in zip(forms, found, strict=True) if n is None))
        elif len(set().union(*found)) != 1:
            failures.append("not one node: " + " = ".join(forms))
    for a, b in gold.get("distinct_departments", []):
        facts += 1
        na, nb = _nodes_of(a, case, cases), _nodes_of(b, case, cases)
        if na is None or nb is None:
            failures.append("not read: " + ", ".join(x for x, n in ((a, na), (b, nb)) if n is None))
        elif na & nb:
            failures.append(f"one node: {a} / {b}")
    return facts, failures
