"""Targets judged both ways: recall over the gold, precision where a person listed them all.

A target is the same when its name meets the gold's either way round and it
has the same amount (value in its unit, 1.3万亿元 = 13000亿元) and year.
Comparator and baseline are checked apart, so their mistakes show on their own.
A goal without a figure is no quantified target: shown, never judged.
"""

from dataclasses import dataclass, field

from graph.model import Indicator, PlanGraph
from tests.evaluation.text import norm, rate

_SCALES = {"万亿元": ("亿元", 1e4), "千亿元": ("亿元", 1e3), "百亿元": ("亿元", 1e2)}


@dataclass
class TargetScore:
    expected: int
    found: int
    extracted: int
    correct: int
    complete: bool
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    comparator: list[str] = field(default_factory=list)
    baseline: list[str] = field(default_factory=list)
    unvalued: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return rate(self.found, self.expected)

    @property
    def precision(self) -> float | None:
        """None where the gold is a sample (devset), not every target of the plan."""
        if not self.complete:
            return None
        return rate(self.correct, self.extracted)


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)


def names_meet(gold_name: str, name: str) -> bool:
    g, x = norm(gold_name), norm(name)
    return g in x or (len(x) >= 2 and x in g)


def _amount(value: float | None, unit: str | None) -> tuple[float | None, str]:
    base, scale = _SCALES.get(norm(unit), (norm(unit), 1.0))
    return (None if value is None else value * scale), base


def target_matches(g: dict, i: Indicator) -> bool:
    gv, gu = _amount(g["target_value"], g["unit"])
    iv, iu = _amount(i.target_value, i.unit)
    return (names_meet(g["name"], i.name) and _same(iv, gv) and (gv is None or iu == gu)
            and i.target_year == g["target_year"])


def comparators(g: dict) -> set[str]:
    """The comparators a person accepts (a list where the table and the text word one target differently)."""
    c = g.get("comparator")
    return set(c) if isinstance(c, list) else {c} if c else set()


def _show(name: str, cmp: str, value: float | None, unit: str, year: int | None) -> str:
    return f"{name} {cmp}{'–' if value is None else f'{value:g}'}{unit} {year}"


def _show_gold(g: dict) -> str:
    return _show(g["name"], "/".join(sorted(comparators(g))), g["target_value"], g["unit"], g["target_year"])


def _check_found(g: dict, hits: list[Indicator], s: TargetScore) -> None:
    """Comparator and baseline of a target that was found."""
    if comparators(g) and not any(i.comparator in comparators(g) for i in hits):
        s.comparator.append(f"{_show_gold(g)}: read {sorted({i.comparator or '' for i in hits})}")
    if g.get("baseline_value") is not None and not any(
            _same(i.baseline_value, g["baseline_value"]) and i.baseline_year == g.get("baseline_year") for i in hits):
        s.baseline.append(f"{_show_gold(g)}: baseline {g['baseline_value']:g} ({g.get('baseline_year')}),"
                          f" read {[(i.baseline_value, i.baseline_year) for i in hits]}")


def score_targets(graph: PlanGraph, gold: dict) -> TargetScore:
    golds = gold.get("indicators", [])
    valued = [i for i in graph.indicators if i.target_value is not None]
    s = TargetScore(len(golds), 0, len(valued), 0, bool(gold.get("indicators_complete")))
    s.unvalued = [f"{i.name} {i.target_year}" for i in graph.indicators if i.target_value is None]
    for g in golds:
        hits = [i for i in graph.indicators if target_matches(g, i)]
        if hits:
            s.found += 1
            _check_found(g, hits, s)
        else:
            s.missed.append(_show_gold(g))
    for i in valued:
        if any(target_matches(g, i) for g in golds):
            s.correct += 1
        elif s.complete:
            s.wrong.append(_show(i.name, i.comparator or "", i.target_value, i.unit, i.target_year))
    return s
