"""Precision and recall of what policykg reads, against the hand-read fixtures.

`make eval` prints one line per document; tests assert the thresholds. A
department is compared by the node it resolves to, so a fixture may name it
as written while the system stores its canonical name.
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from graph.model import PlanGraph
from loaders.departments import resolve
from loaders.knowledge import jurisdiction_by_name
from loaders.pipeline import UNKNOWN, load_file

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
CORPUS = ROOT / "corpus"


@dataclass
class Score:
    found: int
    expected: int
    extracted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _unit_titles(graph: PlanGraph) -> dict[str, str]:
    return {u.id: u.title for u in graph.units}


def score_assignments(graph: PlanGraph, gold: dict) -> Score:
    """Triples (unit, role, department): recall over the fixture, precision over all extracted edges."""
    jurisdiction = jurisdiction_by_name(gold["plan"]["jurisdiction"]) or UNKNOWN
    expected = set()
    for a in gold["assignments"]:
        for role in ("leads", "supports"):
            for name in a[role]:
                expected.add((a["unit"], role, resolve(name, jurisdiction).id))
    titles = _unit_titles(graph)
    extracted = [(titles[a.unit_id], a.role, a.department_id) for a in graph.assignments]

    def matches(x, g) -> bool:
        return g[0] in x[0] and x[1] == g[1] and x[2] == g[2]

    found = sum(1 for g in expected if any(matches(x, g) for x in extracted))
    correct = sum(1 for x in extracted if any(matches(x, g) for g in expected))
    return Score(found, len(expected), len(extracted), correct)


def basis_errors(graph: PlanGraph, gold: dict) -> list[str]:
    titles = _unit_titles(graph)
    errors = []
    for a in gold["assignments"]:
        got = {x.basis for x in graph.assignments if a["unit"] in titles[x.unit_id]}
        if got and got != {a["basis"]}:
            errors.append(f"{a['unit']}: basis {sorted(got)} != {a['basis']}")
    return errors


def _same_value(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)


def indicator_misses(graph: PlanGraph, gold: dict) -> list[str]:
    """Annotated targets not found with the right value, unit and year (name matched either way round)."""
    misses = []
    for g in gold.get("indicators", []):
        ok = any(
            (g["name"] in i.name or (len(i.name) >= 2 and i.name in g["name"]))
            and _same_value(i.target_value, g["target_value"]) and (i.unit or "") == g["unit"]
            and i.target_year == g["target_year"]
            and (g.get("baseline_value") is None or _same_value(i.baseline_value, g["baseline_value"]))
            for i in graph.indicators
        )
        if not ok:
            misses.append(f"{g['name']} {g['target_value']}{g['unit']} {g['target_year']}")
    return misses


def resolution_failures(gold: dict) -> list[str]:
    """same_department forms must be one node; distinct_departments pairs must be two."""
    failures = []
    docs = {p.name[:3]: p for p in CORPUS.glob("*.txt")}
    jurisdictions: dict[str, object] = {}

    def node(ref: str) -> str:
        prefix, name = ref.split(":", 1)
        if prefix not in jurisdictions:
            plan = load_file(docs[prefix]).plan
            jurisdictions[prefix] = jurisdiction_by_name(plan.jurisdiction or "") or UNKNOWN
        return resolve(name, jurisdictions[prefix]).id  # type: ignore[arg-type]

    own = gold["document"][:3]
    for forms in gold.get("same_department", []):
        if len({node(f"{own}:{f}") for f in forms}) != 1:
            failures.append("not one node: " + " = ".join(forms))
    for a, b in gold.get("same_department_across", []):
        if node(a) != node(b):
            failures.append(f"not one node: {a} = {b}")
    for a, b in gold.get("distinct_departments", []):
        if node(a) == node(b):
            failures.append(f"one node: {a} / {b}")
    return failures


@dataclass
class Report:
    document: str
    assignments: Score
    basis_errors: list[str]
    indicators_expected: int
    indicator_misses: list[str]
    resolution_facts: int
    resolution_failures: list[str]

    @property
    def indicator_rate(self) -> float:
        if not self.indicators_expected:
            return 1.0
        return 1 - len(self.indicator_misses) / self.indicators_expected


def evaluate(path: Path) -> Report:
    gold = load_gold(path)
    graph = load_file(CORPUS / gold["document"])
    facts = sum(len(gold.get(k) or []) for k in ("same_department", "same_department_across",
                                                 "distinct_departments"))
    return Report(gold["document"], score_assignments(graph, gold), basis_errors(graph, gold),
                  len(gold.get("indicators", [])), indicator_misses(graph, gold), facts, resolution_failures(gold))


def main() -> int:
    print(f"{'document':26} {'leads/supports P':>16} {'R':>6} {'edges':>9} {'targets':>9} {'resolution':>11}")
    ok = True
    for path in gold_files():
        r = evaluate(path)
        s = r.assignments
        found_targets = r.indicators_expected - len(r.indicator_misses)
        held = r.resolution_facts - len(r.resolution_failures)
        print(f"{r.document:26} {s.precision:16.3f} {s.recall:6.3f} {s.found:>4}/{s.expected:<4}"
              f" {found_targets:>4}/{r.indicators_expected:<4} {held:>5}/{r.resolution_facts:<5}")
        for line in r.basis_errors:
            print(f"    basis: {line}")
        for line in r.indicator_misses:
            print(f"    target not found: {line}")
        for line in r.resolution_failures:
            print(f"    resolution: {line}")
        ok = ok and min(s.precision, s.recall) >= 0.97 and r.indicator_rate >= 0.95 and not r.resolution_failures
    print("targets: annotated targets found with the right value, unit and year; "
          "resolution: same/distinct department facts that hold")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
