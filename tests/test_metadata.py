"""Plan metadata of each bundled document against the hand-read fixtures."""

import pytest

from tests.conftest import GOLD, gold


@pytest.mark.parametrize("prefix", [p.name[:3] for p in sorted(GOLD.glob("*.json"))])
def test_plan_metadata_matches_the_fixture(graphs, prefix):
    expected = gold(prefix)["plan"]
    plan = graphs[prefix].plan
    assert plan.title == expected["title"]
    assert plan.issuer == expected["issuer"]
    assert plan.jurisdiction == expected["jurisdiction"]
    assert plan.issued == expected["issued"]
    assert plan.doc_number == expected["doc_number"]
    assert [i.plan.doc_number for i in graphs[prefix].implements] == expected["implements"]


def test_a_title_split_over_lines_is_joined(graphs):
    assert graphs["003"].plan.title == "深圳市“互联网＋”行动计划"


def test_a_missing_title_is_derived_and_marked_never_the_number(graphs):
    plan = graphs["002"].plan
    assert plan.title_derived
    assert "皖政" not in plan.title and plan.title.startswith("安徽省人民政府关于")


def test_national_documents_are_shared_plan_nodes(graphs):
    cited = {i.plan.id for p in ("000", "003", "004") for i in graphs[p].implements}
    assert len(cited) == 1
