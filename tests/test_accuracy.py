"""Leads/supports precision and recall against every hand-read fixture (as `make eval` prints)."""

import pytest

from tests.evaluate import evaluate, gold_files


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name[:3])
def test_leads_and_supports_precision_and_recall(path):
    report = evaluate(path)
    score = report.assignments
    assert score.precision >= 0.97, f"{report.document}: precision {score.precision:.3f}"
    assert score.recall >= 0.97, f"{report.document}: recall {score.recall:.3f}"
    assert not report.basis_errors


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name[:3])
def test_annotated_targets_are_found_with_value_unit_and_year(path):
    report = evaluate(path)
    assert report.indicator_rate >= 0.95, report.indicator_misses


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name[:3])
def test_every_resolution_fact_holds(path):
    assert not evaluate(path).resolution_failures
