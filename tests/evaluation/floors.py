"""Thresholds and ratchets: what `make eval` and tests/test_accuracy.py hold the figures to.

Bundled plans: leads/supports P = R = 1.0, target recall >= 0.95, no comparator
read wrongly, no same/distinct fact failing; target precision, baselines read
wrongly and names known wrong today are a ratchet in tests/fixtures/gold/floors.json.
Devset: every figure of tests/fixtures/devset/floors.json is a floor. A floor is
raised when the reading improves (`--raise-floors` does it for the devset), never lowered.
"""

import json
import math
from pathlib import Path

from tests.evaluation.cases import DEVSET, GOLD
from tests.evaluation.report import Report, Totals

BUNDLED_FLOORS = GOLD / "floors.json"
MIN_ASSIGNMENT_P = MIN_ASSIGNMENT_R = 1.0
MIN_TARGET_RECALL = 0.95
EPS = 1e-9


def read_floors(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def down(x: float) -> float:
    """A figure as a floor records it: rounded down to 3 places."""
    return math.floor(x * 1000 + 1e-6) / 1000


def _wrong_surface(error: str) -> str:
    return error.split(" → ")[0]


def bundled_failures(r: Report) -> list[str]:
    """Why a bundled plan is below its thresholds (empty when it holds them all)."""
    f = read_floors(BUNDLED_FLOORS)
    s, t = r.assignments, r.targets
    known = set(f.get("known_name_errors", {}).get(r.key, []))
    checks = [
        (r.error is None, f"not loaded: {r.error}"),
        (s.precision >= MIN_ASSIGNMENT_P and s.recall >= MIN_ASSIGNMENT_R, "leads/supports P or R below 1.0"),
        (not r.basis_errors, "basis read wrongly"),
        (t.recall >= MIN_TARGET_RECALL, f"target recall {t.recall:.3f} < {MIN_TARGET_RECALL}"),
        (t.precision is None or t.precision >= f.get("target_precision", {}).get(r.key, 1.0) - EPS,
         "target precision below its floor"),
        (not t.comparator, "comparator read wrongly"),
        (len(t.baseline) <= f.get("baseline_mismatches", {}).get(r.key, 0), "more baselines read wrongly than before"),
        (all(_wrong_surface(e) in known for e in r.name_errors), "a department carries a wrong name"),
        (not r.resolution_failures, "a same/distinct department fact fails"),
    ]
    return [why for ok, why in checks if not ok]


def bundled_hints(r: Report) -> list[str]:
    """Where the bundled ratchet can now be tightened."""
    f, t = read_floors(BUNDLED_FLOORS), r.targets
    wrong_now = {_wrong_surface(e) for e in r.name_errors}
    hints = [f"{name} now carries its reviewed name: remove it from known_name_errors"
             for name in f.get("known_name_errors", {}).get(r.key, []) if r.error is None and name not in wrong_now]
    floor = f.get("target_precision", {}).get(r.key)
    if floor is not None and t.precision is not None and down(t.precision) > floor:
        hints.append(f"target precision {t.precision:.3f} is above its floor {floor}: raise it")
    if len(t.baseline) < f.get("baseline_mismatches", {}).get(r.key, 0):
        hints.append(f"{len(t.baseline)} baselines read wrongly, fewer than allowed: lower baseline_mismatches")
    return hints


def _compare(reports: list[Report], totals: Totals, below: bool, folder: Path) -> list[str]:
    """A fixture set's figures below (or, for hints, above) the floors in its floors.json."""
    f = read_floors(folder / "floors.json")
    got = totals.figures()
    recall = {r.document: r.assignments.recall for r in reports}
    pairs = [(f"micro {k}", got[k], v) for k, v in f.get("micro", {}).items()]
    pairs += [(doc, recall.get(doc, 0.0), v) for doc, v in f.get("recall", {}).items()]
    if below:
        return [f"{name} {now:.3f} < floor {v}" for name, now, v in pairs if now < v - EPS]
    return [f"{name} {now:.3f} > floor {v}" for name, now, v in pairs if down(now) > v]


def devset_failures(reports: list[Report], totals: Totals, folder: Path = DEVSET) -> list[str]:
    return _compare(reports, totals, True, folder)


def devset_hints(reports: list[Report], totals: Totals, folder: Path = DEVSET) -> list[str]:
    return _compare(reports, totals, False, folder)


def raise_devset_floors(reports: list[Report], totals: Totals, folder: Path = DEVSET) -> dict:
    """Lift each floor of a fixture set to today's figure (rounded down); never lowers one."""
    floors = folder / "floors.json"
    f = read_floors(floors) if floors.exists() else {}
    micro, recall = f.setdefault("micro", {}), f.setdefault("recall", {})
    for k, now in totals.figures().items():
        lifted = max(micro.get(k, 0), down(now))
        micro[k] = lifted if k in ("precision", "recall") else int(lifted)
    for r in reports:
        recall[r.document] = max(recall.get(r.document, 0.0), down(r.assignments.recall))
    floors.write_text(json.dumps(f, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return f
