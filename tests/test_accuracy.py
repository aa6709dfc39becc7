"""The figures `make eval` prints, held: bundled plans at their thresholds, the devset never below its floors.

Both floors files are ratchets (tests/fixtures/gold/floors.json, tests/fixtures/devset/floors.json): raise
a floor when the reading improves, never lower one without saying why in the commit.
"""

from functools import cache

import pytest

from tests.evaluation.cases import bundled_cases
from tests.evaluation.floors import bundled_failures, devset_failures
from tests.evaluation.report import evaluate_bundled, evaluate_devset


@cache
def bundled() -> dict:
    return {r.key: r for r in evaluate_bundled()}


@pytest.mark.parametrize("key", [c.key for c in bundled_cases()])
def test_bundled_plan_holds_its_thresholds(key):
    r = bundled()[key]
    assert not bundled_failures(r), (bundled_failures(r), r.assignments.missed, r.assignments.wrong,
                                     r.targets.missed, r.targets.wrong, r.targets.comparator, r.name_errors,
                                     r.resolution_failures)


def test_devset_does_not_drop_below_its_floors():
    assert not devset_failures(*evaluate_devset())
