"""The command line as a user runs it: exit codes, bad files named, help on every command."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOCS

COMMANDS = ["load", "serve", "stats", "query", "export"]


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
