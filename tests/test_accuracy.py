"""Leads/supports precision and recall against every hand-read fixture (as `make eval` prints)."""

import pytest

from tests.evaluate import evaluate, gold_files


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name[:3])
def test_leads_and_supports_precision_and_recall(path):
    name, score, basis_errors = evaluate(path)
    assert score.precision >= 0.97, f"{name}: precision {score.precision:.3f}"
    assert score.recall >= 0.97, f"{name}: recall {score.recall:.3f}"
    assert not basis_errors
