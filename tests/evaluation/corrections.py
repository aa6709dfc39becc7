"""People's corrections read as extra gold (`python -m tests.evaluate --corrections FILE`).

A correction made to a document of a fixture set says what a person read there: an
add-assignment or change-role says the department is expected in that role on that
unit (and, for change-role, not in the old one); a remove-assignment says the edge is
not expected, so the reader's edge counts as wrong; a fix-target says the target with
its corrected value, unit and year is expected. The reader is scored as it reads,
without the corrections applied: they are the gold. Departments are matched as the
rest of the eval matches them, by the name as written (folded by text.norm_name), and
also by the department node a correction names by id.
"""

from dataclasses import dataclass, field

from graph.model import Correction, Indicator, PlanGraph
from tests.evaluation.text import norm, norm_canonical, norm_name

SCORED = ("add-assignment", "remove-assignment", "change-role", "fix-target")
NAME_KEYS = ("department", "department_name", "name", "surface")  # a department as the body may give it


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


def _department(body: dict, graph: PlanGraph, unit_id: str | None) -> tuple[frozenset[str], frozenset[str], str]:
    """(folded names, node ids, the name shown) of the department a correction's body names."""
    given = [body[k] for k in NAME_KEYS if isinstance(body.get(k), str) and body[k].strip()]
    ids = {body["department_id"]} if isinstance(body.get("department_id"), str) else set()
    ids |= {g for g in given if g in {d.id for d in graph.departments}}
    names = {norm_name(g) for g in given if g not in ids}
    ids |= {a.department_id for a in graph.assignments if norm_name(a.surface) in names}
    for d in graph.departments:  # a name given as the canonical one, or a node named by id: its names as read
        if d.id in ids or norm_canonical(d.name) in {norm_canonical(n) for n in names}:
            ids.add(d.id)
            names.add(norm_name(d.name))
    written = [a.surface for a in graph.assignments if a.department_id in ids and a.unit_id == unit_id]
    names |= {norm_name(w) for w in written}
    shown = next((g for g in given if g not in ids), None) or next(iter(written), None) or next(
        (d.name for d in graph.departments if d.id in ids), "?")
    return frozenset(names), frozenset(ids), shown


def _indicator(c: Correction, graph: PlanGraph) -> Indicator | None:
    wanted = c.body.get("indicator_id")
    found = [i for i in graph.indicators if i.id == wanted]
    if not found and c.quote:
        found = [i for i in graph.indicators if norm(c.quote) and norm(c.quote) in norm(i.evidence.quote)]
    return found[0] if len(found) == 1 else None


def _target(c: Correction, read: Indicator) -> dict:
    """The target as the correction states it, in the gold's shape (tests/fixtures/gold/README.md)."""
    b = c.body
    return {"name": read.name,
            "target_value": float(b["target_value"]) if b.get("target_value") is not None else read.target_value,
            "unit": b["unit"] if b.get("unit") is not None else read.unit,
            "target_year": int(b["target_year"]) if b.get("target_year") is not None else read.target_year}


def corrected_gold(graph: PlanGraph, corrections: list[Correction]) -> CorrectedGold:
    """The gold one plan's corrections state, against the graph as read (corrections not applied)."""
    out = CorrectedGold()
    by_path = {u.path: u for u in graph.units}
    for c in corrections:
        if c.kind not in SCORED:
            out.unscored.append(c)
            continue
        if c.kind == "fix-target":
            read = _indicator(c, graph)
            if read is None:
                out.stale.append(f"{c.id} fix-target: no single target of the reading is {c.body.get('indicator_id')}")
                continue
            out.targets.append(_target(c, read))
            out.used.append(c)
            continue
        unit = by_path.get(c.unit_path or "")
        if unit is None:
            out.stale.append(f"{c.id} {c.kind}: no unit {c.unit_path!r} in the reading")
            continue
        names, ids, shown = _department(c.body, graph, unit.id)
        if not names and not ids:
            out.stale.append(f"{c.id} {c.kind}: names no department")
            continue
        role = c.body.get("role")
        if role not in ("leads", "supports"):
            out.stale.append(f"{c.id} {c.kind}: role {role!r} is neither leads nor supports")
            continue
        fact = Fact(unit.id, role, names, ids, f"{unit.title[:30]} · {role} · {shown} (correction {c.id})")
        if c.kind == "add-assignment":
            out.expected.append(fact)
        elif c.kind == "remove-assignment":
            out.unexpected.append(fact)
        else:  # change-role: role → new_role (the other role when the body does not say)
            new = c.body.get("new_role") or ("supports" if role == "leads" else "leads")
            out.unexpected.append(fact)
            out.expected.append(Fact(unit.id, new, names, ids, fact.shown.replace(f" · {role} · ", f" · {new} · ")))
        out.used.append(c)
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
