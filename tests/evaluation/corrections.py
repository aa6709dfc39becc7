"""People's corrections read as extra gold (`python -m tests.evaluate --corrections FILE`).

A correction made to a document of a fixture set says what a person read there: an
add-assignment or change-role says the department is expected in that role on that
unit (and, for change-role, not in the old one); a remove-assignment says the edge is
not expected, so the reader's edge counts as wrong; a fix-target says the target with
its corrected value, unit and year is expected. The reader is scored as it reads,
without the corrections applied: they are the gold. Departments are matched as the
rest of the eval matches them, by the name as written (folded by text.norm_name), and
also by the department node a correction names by id. Bodies are as the service keeps
them (graph/corrections.py); a correction is stale here when it would be stale applied to
the document as read now.
"""

from dataclasses import dataclass, field

from graph.corrections import apply_corrections, find_indicator
from graph.model import Correction, Indicator, PlanGraph
from tests.evaluation.text import norm_name

SCORED = ("add-assignment", "remove-assignment", "change-role", "fix-target")


@dataclass(frozen=True)
class Fact:
    """A lead or support a correction states (or denies): a unit of the reading, a role, a department."""

    unit_id: str
    role: str
    names: frozenset[str]  # folded names the department is written or known by
    ids: frozenset[str]  # department node ids it may have been read on
    shown: str

    def is_edge(self, unit_id: str, role: str, surface: str, department_id: str) -> bool:
        """`surface` folded by norm_name."""
        return unit_id == self.unit_id and role == self.role and (surface in self.names or department_id in self.ids)


@dataclass
class CorrectedGold:
    """What one plan's corrections say, as gold beside the person-read gold file."""

    expected: list[Fact] = field(default_factory=list)
    unexpected: list[Fact] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    used: list[Correction] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # its unit, department or target is not in the reading
    unscored: list[Correction] = field(default_factory=list)  # kinds that state no lead, support or target


def _department(body: dict, graph: PlanGraph, unit_id: str) -> tuple[frozenset[str], frozenset[str], str]:
    """(folded names, node ids, the name shown) of the department a correction's body names: by the
    name as written (`surface`), its name, and its node (`department_id`, or the record an add keeps)."""
    record = body.get("department") if isinstance(body.get("department"), dict) else {}
    given = [v for v in (body.get("surface"), record.get("name") or body.get("department")) if isinstance(v, str)]
    ids = {v for v in (body.get("department_id"), record.get("id")) if isinstance(v, str)}
    names = {norm_name(g) for g in given}
    ids |= {a.department_id for a in graph.assignments if norm_name(a.surface) in names}
    written = [a.surface for a in graph.assignments if a.department_id in ids and a.unit_id == unit_id]
    names |= {norm_name(w) for w in written}
    return frozenset(names), frozenset(ids), next(iter(given), None) or next(iter(written), "?")


def _target(c: Correction, read: Indicator) -> dict:
    """The target as the correction states it, in the gold's shape (tests/fixtures/gold/README.md)."""
    b = c.body
    return {"name": read.name,
            "target_value": float(b["target_value"]) if b.get("target_value") is not None else read.target_value,
            "unit": b["unit"] if b.get("unit") is not None else read.unit,
            "target_year": int(b["target_year"]) if b.get("target_year") is not None else read.target_year}


def corrected_gold(graph: PlanGraph, corrections: list[Correction]) -> CorrectedGold:
    """The gold one plan's corrections state, against the graph as read (corrections not applied to
    it). A correction is stale here when it would be stale applied to this reading (graph/corrections.py)."""
    out = CorrectedGold()
    by_path = {u.path: u for u in graph.units}
    _, states = apply_corrections(graph, corrections)
    for c in sorted(states, key=lambda c: (c.plan_id, c.unit_path or "", c.id)):
        if c.stale:
            out.stale.append(f"{c.id} {c.kind}: {c.stale_reason}")
        elif c.kind not in SCORED:
            out.unscored.append(c)
        elif c.kind == "fix-target":
            out.targets.append(_target(c, find_indicator(graph, c)))
            out.used.append(c)
        else:
            out.used.append(c)
            unit, role = by_path[c.unit_path or ""], c.body["role"]
            names, ids, shown = _department(c.body, graph, unit.id)
            fact = Fact(unit.id, role, names, ids, f"{unit.title[:30]} · {role} · {shown} (correction {c.id})")
            if c.kind == "add-assignment":
                out.expected.append(fact)
            elif c.kind == "remove-assignment":
                out.unexpected.append(fact)
            else:  # change-role: the new role expected, the old one denied
                new = c.body.get("new_role") or ("supports" if role == "leads" else "leads")
                out.unexpected.append(fact)
                out.expected.append(Fact(unit.id, new, names, ids, fact.shown.replace(f" · {role} · ", f" · {new} · ")))
    return out


class CorrectionBook:
    """Every correction of a file, by plan; remembers which plans a document of the sets was read as."""

    def __init__(self, corrections: list[Correction], source: str = "corrections") -> None:
        self.source = source
        self.corrections = corrections
        self.by_plan: dict[str, list[Correction]] = {}
        for c in corrections:
            self.by_plan.setdefault(c.plan_id, []).append(c)
        self.gold: dict[str, CorrectedGold] = {}  # document → what its corrections said

    def for_graph(self, document: str, graph: PlanGraph) -> CorrectedGold | None:
        found = self.by_plan.get(graph.plan.id)
        if not found:
            return None
        self.gold[document] = gold = corrected_gold(graph, found)
        return gold

    def unmatched(self) -> list[Correction]:
        """Corrections to plans no evaluated document was read as."""
        seen = {c.id for g in self.gold.values() for c in (*g.used, *g.unscored)}
        stale = {line.split(" ", 1)[0] for g in self.gold.values() for line in g.stale}
        return [c for c in self.corrections if c.id not in seen and c.id not in stale]

    def summary(self) -> list[str]:
        used = [c for g in self.gold.values() for c in g.used]
        stale = [line for g in self.gold.values() for line in g.stale]
        unscored = [c for g in self.gold.values() for c in g.unscored]
        kinds = {k: sum(c.kind == k for c in used) for k in SCORED}
        lines = [f"Corrections ({self.source}): {len(self.corrections)} read; {len(used)} used as gold in"
                 f" {sum(bool(g.used) for g in self.gold.values())} documents"
                 f" ({', '.join(f'{n} {k}' for k, n in kinds.items() if n) or 'none'});"
                 f" {len(self.unmatched())} matched no document of the sets; {len(stale)} stale;"
                 f" {len(unscored)} not scored (same-body, split-name)"]
        lines += [f"    stale: {line}" for line in stale]
        lines += [f"    no document: {c.id} {c.kind} plan {c.plan_id}" for c in self.unmatched()]
        return lines
