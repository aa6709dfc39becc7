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


def evaluate(path: Path) -> tuple[str, Score, list[str]]:
    gold = load_gold(path)
    graph = load_file(CORPUS / gold["document"])
    return gold["document"], score_assignments(graph, gold), basis_errors(graph, gold)


def main() -> int:
    print(f"{'document':28} {'leads/supports P':>17} {'R':>6}  edges (found/expected, correct/extracted)")
    worst = 1.0
    for path in gold_files():
        name, s, errors = evaluate(path)
        worst = min(worst, s.precision, s.recall)
        print(f"{name:28} {s.precision:17.3f} {s.recall:6.3f}  {s.found}/{s.expected}, {s.correct}/{s.extracted}")
        for e in errors:
            print(f"    basis: {e}")
    return 0 if worst >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
