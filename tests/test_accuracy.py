"""The figures `make eval` prints, held: bundled plans at their thresholds, each fixture set never below its floors.

Both floors files are ratchets (tests/fixtures/gold/floors.json, tests/fixtures/devset/floors.json): raise
a floor when the reading improves, never lower one without saying why in the commit.
"""

from functools import cache

import pytest

from tests.evaluation.cases import bundled_cases, fixture_sets
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


@pytest.mark.parametrize("folder", fixture_sets(), ids=lambda f: f.name)
def test_fixture_set_does_not_drop_below_its_floors(folder):
    """The devset and each later check set (fresh, …) hold the floors in their floors.json."""
    assert not devset_failures(*evaluate_devset(folder), folder)
