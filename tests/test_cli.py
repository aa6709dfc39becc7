"""The command line as a user runs it: exit codes, bad files named, help on every command."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOCS

COMMANDS = ["load", "read", "serve", "stats", "query", "export", "corrections"]


def policykg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from api.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    r = policykg(command, "--help")
    assert r.returncode == 0 and len(r.stdout.strip()) > 40


def test_load_names_each_bad_file_and_loads_the_rest(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    r = policykg("load", str(DOCS[3]), str(bad), "--store", str(tmp_path / "s"))
    assert r.returncode == 1
    assert "empty.txt: empty file" in r.stderr and "Traceback" not in r.stderr
    stats = policykg("stats", "--store", str(tmp_path / "s")).stdout
    assert "plan         1" in stats


def test_load_of_good_files_exits_zero_and_reload_does_not_duplicate(tmp_path):
    store = str(tmp_path / "s")
    assert policykg("load", str(DOCS[0]), "--store", store).returncode == 0
    first = policykg("stats", "--store", store).stdout
    assert policykg("load", str(DOCS[0]), "--store", store).returncode == 0
    assert policykg("stats", "--store", store).stdout == first


def test_usage_errors_exit_two(tmp_path):
    assert policykg("load").returncode == 2
    assert policykg("query", "department_units", "--store", str(tmp_path / "s")).returncode == 2


def test_query_by_name_prints_json_rows(tmp_path):
    store = str(tmp_path / "s")
    policykg("load", str(DOCS[3]), "--store", store)
    r = policykg("query", "department_lookup", "--param", "name=经贸信息委", "--store", store)
    assert r.returncode == 0 and "深圳市经济贸易和信息化委员会" in r.stdout


NOTE_FAR_FROM_UNITS = """某县人民政府关于印发乡村振兴工作方案的通知
（县农业农村局牵头，县财政局配合）
一、发展特色产业
（一）壮大茶叶产业。扩大种植面积。（县农业农村局牵头，县商务局配合）
"""


def test_read_shows_how_a_document_was_read_and_writes_nothing(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(NOTE_FAR_FROM_UNITS, encoding="utf-8")
    r = policykg("read", str(doc), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "壮大茶叶产业" in r.stdout and "牵头 " in r.stdout and "县商务局" in r.stdout
    assert "« （县农业农村局牵头，县商务局配合） »" in r.stdout  # the quote as written
    assert not (tmp_path / ".policykg").exists()


def test_read_json_gives_units_with_basis_quote_and_warnings(tmp_path):
    import json

    doc = tmp_path / "plan.txt"
    doc.write_text(NOTE_FAR_FROM_UNITS, encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    r = policykg("read", str(doc), str(bad), "--json", cwd=tmp_path)
    assert r.returncode == 1 and "empty.txt: empty file" in r.stderr
    (report,) = json.loads(r.stdout)
    unit = next(u for u in report["units"] if u["title"] == "壮大茶叶产业")
    assert [d["as_written"] for d in unit["leads"]] == ["县农业农村局"]
    assert unit["leads"][0]["basis"] == "stated" and "牵头" in unit["leads"][0]["quote"]
    assert [d["as_written"] for d in unit["supports"]] == ["县商务局"]
    assert report["plan"]["jurisdiction"] is None  # 某县 is no county: null, never a placeholder
    assert {w["kind"] for w in report["warnings"]} and report["counts"]["warnings"] == len(report["warnings"])
