"""One document's figures (`Report`) and the development set's micro totals."""

from dataclasses import dataclass, field
from pathlib import Path

from graph.model import PlanGraph
from tests.evaluation.cases import DEVSET, Case, bundled_cases, devset_cases, load
from tests.evaluation.corrections import CorrectedGold, CorrectionBook
from tests.evaluation.departments import (
    Score,
    basis_errors,
    department_fact_failures,
    gold_triples,
    name_errors,
    score_assignments,
)
from tests.evaluation.targets import TargetScore, names_meet, score_targets
from tests.evaluation.text import Ratios, norm


@dataclass
class Report:
    document: str
    error: str | None = None
    jurisdiction_error: str | None = "not loaded"
    assignments: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    basis_errors: list[str] = field(default_factory=list)
    targets: TargetScore = field(default_factory=lambda: TargetScore(0, 0, 0, 0, False))
    names_checked: int = 0
    name_errors: list[str] = field(default_factory=list)
    resolution_facts: int = 0
    resolution_failures: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.document[:3]

    @property
    def jurisdiction_right(self) -> bool:
        return self.jurisdiction_error is None


def jurisdiction_error(graph: PlanGraph, gold: dict) -> str | None:
    """None when the plan's jurisdiction is the one a person read (both in Simplified characters)."""
    want, got = gold["plan"].get("jurisdiction"), graph.plan.jurisdiction
    return None if norm(want) == norm(got) else f"read {got}, expected {want}"


def with_targets(gold: dict, corrected: CorrectedGold | None) -> dict:
    """The gold with the targets people's corrections state; each replaces the gold's target of its name and year."""
    if not corrected or not corrected.targets:
        return gold
    kept = [g for g in gold.get("indicators", []) if not any(
        names_meet(t["name"], g["name"]) and g.get("target_year") == t["target_year"] for t in corrected.targets)]
    return {**gold, "indicators": kept + corrected.targets}


def evaluate_case(case: Case, cases: dict[str, Case], book: CorrectionBook | None = None) -> Report:
    """`cases` are the documents the gold's 'DOC:name' facts may name; `book` holds people's corrections,
    read as extra gold for the documents they were made to."""
    graph = load(case)
    if not isinstance(graph, PlanGraph):
        return Report(case.name, error=graph, assignments=Score(0, len(gold_triples(case.gold)), 0, 0),
                      targets=TargetScore(len(case.gold.get("indicators", [])), 0, 0, 0, False))
    corrected = book.for_graph(case.name, graph) if book else None
    checked, wrong_names = name_errors(graph, case.key)
    facts, failures = department_fact_failures(case, cases)
    return Report(case.name, None, jurisdiction_error(graph, case.gold),
                  score_assignments(graph, case.gold, corrected), basis_errors(graph, case.gold),
                  score_targets(graph, with_targets(case.gold, corrected)), checked, wrong_names, facts, failures)


def evaluate_bundled(book: CorrectionBook | None = None) -> list[Report]:
    cases = bundled_cases()
    by_key = {c.key: c for c in cases}
    return [evaluate_case(c, by_key, book) for c in cases]


@dataclass
class Totals(Ratios):
    documents: int = 0
    loaded: int = 0
    jurisdiction_right: int = 0
    found: int = 0
    expected: int = 0
    extracted: int = 0
    correct: int = 0
    targets_found: int = 0
    targets_expected: int = 0
    names_checked: int = 0
    names_right: int = 0

    def add(self, r: Report) -> None:
        s = r.assignments
        self.documents += 1
        self.loaded += r.error is None
        self.jurisdiction_right += r.jurisdiction_right
        self.found, self.expected = self.found + s.found, self.expected + s.expected
        self.extracted, self.correct = self.extracted + s.extracted, self.correct + s.correct
        self.targets_found += r.targets.found
        self.targets_expected += r.targets.expected
        self.names_checked += r.names_checked
        self.names_right += r.names_checked - len(r.name_errors)

    def figures(self) -> dict[str, float]:
        """The figures the devset floors name."""
        return {"precision": self.precision, "recall": self.recall, "loaded": self.loaded,
                "jurisdiction_right": self.jurisdiction_right, "targets_found": self.targets_found,
                "names_right": self.names_right}


def evaluate_devset(folder: Path = DEVSET, book: CorrectionBook | None = None) -> tuple[list[Report], Totals]:
    """Every document of a fixture set (the devset unless another folder is given), and their sums."""
    cases = devset_cases(folder)
    reports = [evaluate_case(c, {}, book) for c in cases]
    totals = Totals()
    for r in reports:
        totals.add(r)
    return reports, totals
